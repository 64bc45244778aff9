/**
 * Where an ecosystem's plugins are: folder globs (workspaces, fleet.paths, uv members) expanded
 * with tinyglobby to the folders holding a manifest, minus fleet.exclude. One glob walk for the
 * whole fleet, so 1,300 plugins cost one directory scan, not 1,300.
 */
import { matchesGlob, posix } from 'node:path';
import { escapePath, glob } from 'tinyglobby';

/** Folders never searched: installed dependencies and VCS data are not plugins. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Repository-relative folders ('' for the root) matching `patterns` that contain one of
 * `manifests`, minus `exclude`; sorted. Patterns starting with `!` exclude (npm workspaces allow it).
 */
export async function foldersWithManifest(
  root: string,
  patterns: readonly string[],
  manifests: readonly string[],
  exclude: readonly string[],
): Promise<string[]> {
  const include = patterns.filter((p) => !p.startsWith('!')).map(normalise);
  const negated = patterns.filter((p) => p.startsWith('!')).map((p) => normalise(p.slice(1)));
  if (include.length === 0) return [];
  const files = await glob(
    include.flatMap((folder) => manifests.map((manifest) => posix.join(folder, escapePath(manifest)))),
    { cwd: root, onlyFiles: true, expandDirectories: false, ignore: ALWAYS_IGNORED, dot: false },
  );
  const folders = new Set(files.map((file) => normaliseFolder(posix.dirname(file))));
  return [...folders].filter((folder) => !isExcluded(folder, [...exclude, ...negated])).sort();
}

/** Whether a repository-relative folder matches an exclude glob (the folder itself or one of its parents). */
export function isExcluded(folder: string, exclude: readonly string[]): boolean {
  if (folder === '') return false;
  return exclude.some((pattern) => {
    const p = normalise(pattern);
    return matchesGlob(folder, p) || matchesGlob(folder, `${p}/**`);
  });
}

/** A literal folder path as a glob that matches only itself. */
export const literalFolder = (folder: string): string => escapePath(folder);

function normalise(pattern: string): string {
  const p = posix.normalize(pattern.replace(/\\/g, '/')).replace(/\/+$/, '');
  return p === '.' || p === './' ? '.' : p.replace(/^\.\//, '');
}

function normaliseFolder(folder: string): string {
  return folder === '.' ? '' : folder;
}
