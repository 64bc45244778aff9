import { resolve } from 'node:path';
import { createDemoFleet } from '../../adapters/demo/create-demo-fleet.ts';
import { consoleReporter } from '../../adapters/reporters/console-reporter.ts';
import { renderPlanText } from '../../core/plan/render-plan.ts';
import { planRelease } from '../../jobs/plan.ts';
import { parseFlags } from '../command.ts';

export const usage = `usage: slipway demo [options]

Builds a demo fleet — a core project and a handful of npm plugins with a Conventional-Commit
history, release tags and a local bare remote — in a temp folder, and plans its release.
No token and no network are needed.

options:
  --dir DIR     build the demo in DIR instead of a new temp folder
  --json        print the plan as JSON`;

export async function run(args: string[], context: { debug: boolean }): Promise<number> {
  const { values } = parseFlags(args, { dir: { type: 'string' }, json: { type: 'boolean' } }, 'demo');
  const reporter = consoleReporter({ debug: context.debug });
  const demo = await createDemoFleet(values.dir ? resolve(values.dir) : undefined);
  reporter.info(`demo fleet: ${demo.plugins.length} plugins in ${demo.fleetDir} (core: ${demo.coreDir}, remote: ${demo.remoteDir})`);
  const { plan } = await planRelease({ cwd: demo.fleetDir, reporter });
  process.stdout.write(values.json ? JSON.stringify(plan, null, 2) + '\n' : renderPlanText(plan));
  if (!values.json) {
    // Plugins with commits that release nothing are the surprise of a first plan: say why.
    const planned = new Set<string>(plan.releases.map((r) => r.name));
    const quiet = demo.plugins.filter((name) => !planned.has(name));
    if (quiet.length) {
      const one = quiet.length === 1;
      reporter.info(`\nNot released: ${quiet.join(', ')}: ${one ? 'its' : 'their'} commits since ${one ? 'its' : 'their'} last release are docs, chore, test and the like, which release nothing (versioning.releaseTypes in slipway.yml, e.g. { docs: patch }, makes a type release).`);
    }
    reporter.info(`\nNext: try \`${ownCommand()} plan --cwd ${shellWord(demo.fleetDir)}\` yourself.`);
  }
  return 0;
}

/** How the person started slipway, so the hint is a command that works where they are. */
function ownCommand(): string {
  const script = process.argv[1] ?? '';
  return /[\\/]src[\\/]cli[\\/]main\.ts$/.test(script) ? 'npm run slipway --' : 'npx slipway';
}

/** A path as one shell word (quoted when it holds a space or a shell character). */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
