/**
 * The version of every package of a JavaScript workspace, read from the working tree: what a
 * `workspace:` range resolves to when a package is published. Every workspace package counts,
 * including those left out of the fleet (fleet.exclude), since a plugin may depend on them.
 */
import { posix } from 'node:path';
import { foldersWithManifest } from '../plugin-folders.ts';
import { fileExists, readManifest } from '../read-manifest.ts';
import { readEach } from '../read-pool.ts';
import { parsePackageJson } from './package-json.ts';
import { workspacePatterns } from './workspace-patterns.ts';

export async function workspacePackageVersions(root: string): Promise<Map<string, string>> {
  const rootPkg = (await fileExists(root, 'package.json')) ? parsePackageJson(await readManifest(root, 'package.json'), 'package.json') : undefined;
  const workspace = await workspacePatterns(root, rootPkg);
  const versions = new Map<string, string>();
  if (!workspace) return versions;
  const folders = await foldersWithManifest(root, workspace.patterns, ['package.json'], []);
  const manifests = await readEach(folders, async (folder) => {
    const file = posix.join(folder, 'package.json');
    return parsePackageJson(await readManifest(root, file), file);
  });
  for (const pkg of manifests) if (typeof pkg.name === 'string' && typeof pkg.version === 'string') versions.set(pkg.name, pkg.version);
  return versions;
}
