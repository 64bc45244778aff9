/**
 * Real pnpm, Yarn (berry) and Bun for specs, as scripts/bootstrap.sh installs them from the npm
 * registry into .cache/pm (never globally). Every run gets its own store and cache in a temp
 * folder, no telemetry, and the registry the test names: nothing leaves the machine.
 */
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tempDir } from './repo.ts';

const ROOT = join(import.meta.dirname, '../..');
/** Where the tools are: put first on PATH where slipway itself runs them (validate's commands). */
export const PM_BIN = join(ROOT, '.cache/pm/node_modules/.bin');

type Tool = 'pnpm' | 'yarn' | 'bun';

function tool(name: Tool): string {
  const path = join(PM_BIN, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run the specs through scripts/bootstrap.sh (npm test), which installs pnpm, yarn and bun there`);
  return path;
}

/** The version installed in .cache/pm, for `packageManager` fields. */
export async function toolVersion(name: Tool): Promise<string> {
  return (await execa(tool(name), ['--version'])).stdout.trim();
}

/**
 * The environment all three tools need to run offline against `registry` with their own
 * stores, caches and HOME; with PM_BIN first on PATH, for commands slipway runs through a shell.
 */
export function packageManagerEnv(registry: string): Record<string, string> {
  const home = tempDir('slipway-pm-home-');
  return {
    HOME: home,
    PATH: `${PM_BIN}${delimiter}${process.env['PATH'] ?? ''}`,
    // pnpm
    npm_config_registry: registry,
    npm_config_store_dir: join(home, 'store'),
    npm_config_cache_dir: join(home, 'cache'),
    npm_config_update_notifier: 'false',
    // Yarn (berry)
    YARN_NPM_REGISTRY_SERVER: registry.replace(/\/$/, ''),
    YARN_UNSAFE_HTTP_WHITELIST: '127.0.0.1',
    YARN_ENABLE_TELEMETRY: 'false',
    YARN_ENABLE_GLOBAL_CACHE: 'false',
    YARN_CACHE_FOLDER: join(home, 'yarn-cache'),
    COREPACK_ENABLE_STRICT: '0',
    // Bun
    BUN_CONFIG_REGISTRY: registry,
    BUN_INSTALL_CACHE_DIR: join(home, 'bun-cache'),
    DO_NOT_TRACK: '1',
    CI: 'true',
  };
}

/** `pnpm <args>` in `cwd` against `registry`, with its own store. */
export async function pnpm(cwd: string, args: string[], registry: string) {
  return execa(tool('pnpm'), args, { cwd, env: packageManagerEnv(registry) });
}

/** `yarn <args>` (berry) in `cwd` against `registry`, with its own cache and no telemetry; the lockfile may be written. */
export async function yarn(cwd: string, args: string[], registry: string) {
  return execa(tool('yarn'), args, { cwd, env: { ...packageManagerEnv(registry), YARN_ENABLE_IMMUTABLE_INSTALLS: 'false' } });
}

/** `bun <args>` in `cwd` against `registry`, with its own cache and no telemetry. */
export async function bun(cwd: string, args: string[], registry: string) {
  return execa(tool('bun'), args, { cwd, env: packageManagerEnv(registry) });
}
