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
  const negated = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  if (include.length === 0) return [];
  // Exclusions go to the glob walk itself: compiled once, and excluded trees are never entered.
  const ignore = [...exclude, ...negated].map(normalise).flatMap((p) => [p, `${p}/**`]);
  const files = await glob(
    include.flatMap((folder) => manifests.map((manifest) => posix.join(folder, escapePath(manifest)))),
    { cwd: root, onlyFiles: true, expandDirectories: false, ignore: [...ALWAYS_IGNORED, ...ignore], dot: false },
  );
  return [...new Set(files.map((file) => normaliseFolder(posix.dirname(file))))].sort();
}

/**
 * Whether a repository-relative folder matches an exclude glob (the folder itself or one of its
 * parents), for folders listed literally (settings.gradle, <modules>, fleet.plugins): these may
 * not exist yet, so they cannot be filtered by a glob walk.
 */
export function isExcluded(folder: string, exclude: readonly string[]): boolean {
  if (folder === '') return false;
  return exclude.some((pattern) => {
    const p = normalise(pattern);
    return matchesGlob(folder, p) || matchesGlob(folder, `${p}/**`);
  });
}

function normalise(pattern: string): string {
  const p = posix.normalize(pattern.replace(/\\/g, '/')).replace(/\/+$/, '');
  return p === '.' || p === './' ? '.' : p.replace(/^\.\//, '');
}

function normaliseFolder(folder: string): string {
  return folder === '.' ? '' : folder;
}
