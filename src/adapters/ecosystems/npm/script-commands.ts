/**
 * A JavaScript repository's default commands: its package manager (packageManager field, then
 * lockfile) installs the dependencies once at the root and runs each package's own `build` and
 * `test` scripts in its folder. A package without the script has nothing to run: that is a skip
 * with its reason, not a failure (a bare `npm test` would fail with "Missing script: test").
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandDefaults, UnitCommand } from '../command-defaults.ts';
import { readManifest } from '../read-manifest.ts';
import { describePackageManager, detectRepositoryPackageManager, type PackageManager } from './package-manager.ts';
import { parsePackageJson } from './package-json.ts';

/** What `npm init` writes as the test script: a placeholder, not a test suite. */
const NPM_INIT_TEST = 'echo "Error: no test specified" && exit 1';

export async function javascriptCommands(root: string): Promise<CommandDefaults> {
  const pm = await detectRepositoryPackageManager(root);
  return {
    tool: describePackageManager(pm) + (pm.install ? '' : '; no lockfile, so nothing is installed (commands.install in slipway.yml would)'),
    // Yarn's Plug'n'Play installs write .pnp.cjs instead of node_modules.
    install: pm.install === undefined ? undefined : { command: pm.install, needed: async () => !(await exists(join(root, 'node_modules'))) && !(await exists(join(root, '.pnp.cjs'))) },
    runTests: pm.run('test'),
    build: (unit) => scriptCommand(pm, root, unit.path, 'build'),
    test: (unit) => scriptCommand(pm, root, unit.path, 'test'),
  };
}

async function scriptCommand(pm: PackageManager, root: string, unitPath: string, script: 'build' | 'test'): Promise<UnitCommand> {
  const file = unitPath === '' ? 'package.json' : `${unitPath}/package.json`;
  let scripts: unknown;
  try {
    scripts = parsePackageJson(await readManifest(root, file), file).scripts;
  } catch (error) {
    // The manifest check reports the file itself; here it only means nothing to run.
    return { skipped: `${file} cannot be read (${(error as Error).message.split('\n')[0]})` };
  }
  const body = typeof scripts === 'object' && scripts !== null && !Array.isArray(scripts) ? (scripts as Record<string, unknown>)[script] : undefined;
  if (typeof body !== 'string' || body.trim() === '') return { skipped: `no "${script}" script in ${file} (commands.${script} in slipway.yml runs one anyway)` };
  if (script === 'test' && body.trim() === NPM_INIT_TEST) return { skipped: `the "test" script in ${file} is npm init's placeholder` };
  return { command: pm.run(script) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
