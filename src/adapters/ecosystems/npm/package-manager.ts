/**
 * Which package manager a JavaScript repository uses: the root package.json's `packageManager`
 * field (Corepack's `name@version`) wins; otherwise its lockfile. Yarn 2+ ("berry") is told from
 * Yarn 1 by that version, by a .yarnrc.yml, or by the `__metadata:` block of its yarn.lock.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileExists } from '../read-manifest.ts';

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'yarn-classic' | 'bun';

export interface PackageManager {
  name: PackageManagerName;
  /** Where the answer came from, for messages: `packageManager: pnpm@9.1.0`, `pnpm-lock.yaml`, … */
  source: string;
  /** The executable. */
  command: 'npm' | 'pnpm' | 'yarn' | 'bun';
  /** `<pm> run <script>`. */
  run(script: string): string;
  /** A frozen install, as CI runs it. */
  install: string;
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
      return packageManager(name, `packageManager: ${packageManagerField.trim()}`);
    }
  }
  for (const [file, name] of LOCKFILES) {
    if (!(await fileExists(root, file))) continue;
    if (name !== 'yarn-any') return packageManager(name, file);
    return packageManager((await isBerry(root)) ? 'yarn' : 'yarn-classic', file);
  }
  if (await fileExists(root, 'pnpm-workspace.yaml')) return packageManager('pnpm', 'pnpm-workspace.yaml');
  return packageManager('npm', 'no lockfile: npm');
}

async function isBerry(root: string): Promise<boolean> {
  if (await fileExists(root, '.yarnrc.yml')) return true;
  try {
    return /^__metadata:/m.test(await readFile(join(root, 'yarn.lock'), 'utf8'));
  } catch {
    return false;
  }
}

function packageManager(name: PackageManagerName, source: string): PackageManager {
  switch (name) {
    case 'npm':
      return { name, source, command: 'npm', run: (script) => `npm run ${script}`, install: 'npm ci' };
    case 'pnpm':
      return { name, source, command: 'pnpm', run: (script) => `pnpm run ${script}`, install: 'pnpm install --frozen-lockfile' };
    case 'yarn':
      return { name, source, command: 'yarn', run: (script) => `yarn run ${script}`, install: 'yarn install --immutable' };
    case 'yarn-classic':
      return { name, source, command: 'yarn', run: (script) => `yarn run ${script}`, install: 'yarn install --frozen-lockfile' };
    case 'bun':
      return { name, source, command: 'bun', run: (script) => `bun run ${script}`, install: 'bun install --frozen-lockfile' };
  }
}
