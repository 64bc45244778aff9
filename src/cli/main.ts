#!/usr/bin/env node
/**
 * The `slipway` command. Thin: find the command, let it parse its flags and call its job,
 * print errors for people (message + hint; the stack only with --debug).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatError } from '../core/errors.ts';
import type { CliCommand } from './command.ts';

// Loaded on demand so `slipway plan` never loads the Slack or Notion clients.
const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  compat: { summary: 'test every plugin against the core\'s develop branch and classify the results', load: () => import('./commands/compat.ts') },
  digest: { summary: 'what shipped since the last digest: Markdown, a Slack message and Notion pages, each written once', load: () => import('./commands/digest.ts') },
  demo: { summary: 'build a demo fleet in a temp folder and plan its release (no token needed)', load: () => import('./commands/demo.ts') },
  init: { summary: 'set a repository up: slipway.yml, the starter workflows, and the steps left to do by hand', load: () => import('./commands/init.ts') },
  plan: { summary: 'show what would be released, and why (writes nothing)', load: () => import('./commands/plan.ts') },
  'dispatch-index': { summary: 'start the index workflow for released tags (what the release workflow does after shipping)', load: () => import('./commands/dispatch-index.ts') },
  setup: { summary: 'create or check the approval Environment (required reviewers, release branch only)', load: () => import('./commands/setup.ts') },
  release: { summary: 'ship a release plan after approval: bump, changelog, commit, tag, push, GitHub Releases, publish', load: () => import('./commands/release.ts') },
  validate: { summary: 'check manifests, versions, commit messages, build and test of what would ship', load: () => import('./commands/validate.ts') },
  metadata: { summary: 'extract plugin versions\' catalog entries, read at their tags (writes nothing)', load: () => import('./commands/metadata.ts') },
  index: { summary: 'merge plugin versions into the catalog branch (compare-and-swap; --rebuild from tags)', load: () => import('./commands/index.ts') },
  catalog: { summary: 'ask the catalog: `catalog compatible --core 1.4.0` lists plugins that work with a core', load: () => import('./commands/catalog.ts') },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'usage: slipway <command> [options]',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `slipway <command> --help` for a command\'s options. --debug prints stack traces.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug') || process.env['SLIPWAY_DEBUG'] === '1';
  const args = argv.filter((arg) => arg !== '--debug');
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`slipway: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(command.usage + '\n');
      return 0;
    }
    return await command.run(rest, { debug });
  } catch (error) {
    process.stderr.write(`slipway ${name}: ${formatError(error)}\n`);
    if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

/**
 * Whether this module is the script node was started with. Compared as real paths: a checkout
 * path with a space (URL-encoded in import.meta.url) or reached through a symlink (resolved in
 * import.meta.url, not in argv[1]) is still this file.
 */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(script);
  } catch {
    return false;
  }
}

// Run when executed directly from source (node src/cli/main.ts); the bundle enters through ./bin.ts.
if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
