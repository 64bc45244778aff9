/**
 * Real pnpm and Yarn (berry) for specs, as scripts/bootstrap.sh installs them from the npm
 * registry into .cache/pm (never globally). Every run gets its own store and cache in a temp
 * folder, no telemetry, and the registry the test names: nothing leaves the machine.
 */
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './repo.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, '.cache/pm/node_modules/.bin');

function tool(name: 'pnpm' | 'yarn'): string {
  const path = join(BIN, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run the specs through scripts/bootstrap.sh (npm test), which installs pnpm and yarn there`);
  return path;
}

/** The pnpm version installed in .cache/pm, for `packageManager` fields. */
export async function toolVersion(name: 'pnpm' | 'yarn'): Promise<string> {
  return (await execa(tool(name), ['--version'])).stdout.trim();
}

/** `pnpm <args>` in `cwd` against `registry`, with its own store. */
export async function pnpm(cwd: string, args: string[], registry: string) {
  const home = tempDir('slipway-pnpm-home-');
  return execa(tool('pnpm'), args, {
    cwd,
    env: {
      HOME: home,
      npm_config_registry: registry,
      npm_config_store_dir: join(home, 'store'),
      npm_config_cache_dir: join(home, 'cache'),
      npm_config_update_notifier: 'false',
      CI: 'true',
    },
  });
}

/** `yarn <args>` (berry) in `cwd` against `registry`, with its own cache and no telemetry. */
export async function yarn(cwd: string, args: string[], registry: string) {
  const home = tempDir('slipway-yarn-home-');
  return execa(tool('yarn'), args, {
    cwd,
    env: {
      HOME: home,
      YARN_NPM_REGISTRY_SERVER: registry.replace(/\/$/, ''),
      YARN_UNSAFE_HTTP_WHITELIST: '127.0.0.1',
      YARN_ENABLE_TELEMETRY: 'false',
      YARN_ENABLE_GLOBAL_CACHE: 'false',
      YARN_CACHE_FOLDER: join(home, 'cache'),
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
      COREPACK_ENABLE_STRICT: '0',
      CI: 'true',
    },
  });
}
