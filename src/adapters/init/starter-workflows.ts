/**
 * The starter workflows (workflows/*.yml of slipway's repository), by file name.
 *
 * Run from source, they are read from the repository. The bundled CLI cannot do that — it may
 * run from an npm install or a copied dist/ with no workflows/ beside it — so scripts/bundle.ts
 * replaces this module with one returning the texts inlined at bundle time (and check-dist then
 * fails when a starter changes without a rebuild). Keep this module to this one export.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function readStarterWorkflows(): Promise<Map<string, string>> {
  const dir = join(import.meta.dirname, '../../../workflows');
  const names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}
