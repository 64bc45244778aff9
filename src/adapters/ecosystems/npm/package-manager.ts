/**
 * Which package manager a JavaScript repository uses: the root package.json's `packageManager`
 * field (Corepack's `name@version`) wins; otherwise its lockfile. Yarn 2+ ("berry") is told from
 * Yarn 1 by that version, by a .yarnrc.yml, or by the `__metadata:` block of its yarn.lock.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileExists, firstExisting } from '../read-manifest.ts';
import { parsePackageJson } from './package-json.ts';

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'yarn-classic' | 'bun';

export interface PackageManager {
  name: PackageManagerName;
  /** Where the answer came from, for messages: `packageManager: pnpm@9.1.0`, `pnpm-lock.yaml`, … */
  source: string;
  /** The executable. */
  command: 'npm' | 'pnpm' | 'yarn' | 'bun';
  /** `<pm> run <script>`. Only slipway's own script names go in (`build`, `test`): never a manifest's text. */
  run(script: 'build' | 'test'): string;
  /** A frozen install, as CI runs it; undefined for npm without a lockfile, where nothing is frozen. */
  install: string | undefined;
}

/** For messages: `pnpm (pnpm-lock.yaml)`, `yarn (packageManager: yarn@4.5.0)`. */
export const describePackageManager = (pm: PackageManager) => `${pm.name} (${pm.source})`;

/**
 * The package manager of the repository at `root`, from its package.json's `packageManager`
 * field and its lockfiles. A root package.json that is missing or unreadable only means no
 * field: the lockfiles still tell (a pnpm workspace needs no root package.json).
 */
export async function detectRepositoryPackageManager(root: string): Promise<PackageManager> {
  let field: unknown;
  try {
    field = parsePackageJson(await readFile(join(root, 'package.json'), 'utf8'), 'package.json').packageManager;
  } catch {
    field = undefined;
  }
  return detectPackageManager(root, field);
}

const LOCKFILES: ReadonlyArray<[file: string, name: PackageManagerName | 'yarn-any']> = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['yarn.lock', 'yarn-any'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

export async function detectPackageManager(root: string, packageManagerField?: unknown): Promise<PackageManager> {
  if (typeof packageManagerField === 'string') {
    const match = /^(npm|pnpm|yarn|bun)@(\d+)/.exec(packageManagerField.trim());
    if (match) {
      const name = match[1] === 'yarn' ? (Number(match[2]) >= 2 ? 'yarn' : 'yarn-classic') : (match[1] as PackageManagerName);
      return packageManager(name, `packageManager: ${packageManagerField.trim()}`, name === 'npm' && (await firstExisting(root, NPM_LOCKFILES)) === undefined);
    }
  }
  for (const [file, name] of LOCKFILES) {
    if (!(await fileExists(root, file))) continue;
    if (name !== 'yarn-any') return packageManager(name, file);
    return packageManager((await isBerry(root)) ? 'yarn' : 'yarn-classic', file);
  }
  if (await fileExists(root, 'pnpm-workspace.yaml')) return packageManager('pnpm', 'pnpm-workspace.yaml');
  return packageManager('npm', 'no lockfile: npm', true);
}

const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

async function isBerry(root: string): Promise<boolean> {
  if (await fileExists(root, '.yarnrc.yml')) return true;
  try {
    return /^__metadata:/m.test(await readFile(join(root, 'yarn.lock'), 'utf8'));
  } catch {
    return false;
  }
}

/**
 * `lockless`: an npm repository without package-lock.json, which `npm ci` refuses. It gets no
 * install: a plain `npm install` would test whatever the registry serves today (and fetch peer
 * dependencies such as an unpublished core), not what anyone committed.
 */
function packageManager(name: PackageManagerName, source: string, lockless = false): PackageManager {
  switch (name) {
    case 'npm':
      return { name, source, command: 'npm', run: (script) => `npm run ${script}`, install: lockless ? undefined : 'npm ci' };
    case 'pnpm':
      return { name, source, command: 'pnpm', run: (script) => `pnpm run ${script}`, install: 'pnpm install --frozen-lockfile' };
    case 'yarn':
      return { name, source, command: 'yarn', run: (script) => `yarn run ${script}`, install: 'yarn install --immutable' };
    case 'yarn-classic':
      return { name, source, command: 'yarn', run: (script) => `yarn run ${script}`, install: 'yarn install --frozen-lockfile' };
    case 'bun':
      // `bun run test`, never `bun test`: that is Bun's own test runner, not the package's script.
      return { name, source, command: 'bun', run: (script) => `bun run ${script}`, install: 'bun install --frozen-lockfile' };
  }
}
