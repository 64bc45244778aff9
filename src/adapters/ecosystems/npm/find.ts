/**
 * npm fleets (npm, pnpm, Yarn 1 and berry, Bun workspaces): the folders of the workspace
 * (pnpm-workspace.yaml, else the root package.json's `workspaces`; or fleet.paths) that hold a
 * package.json; a root package.json without workspaces is a repository that is one plugin.
 */
import { posix } from 'node:path';
import type { SlipwayConfig } from '../../../core/config/schema.ts';
import { pluginName, rangeOf, repoPath, type Plugin } from '../../../core/types.ts';
import { checkedVersion } from '../checked-version.ts';
import { foldersWithManifest } from '../plugin-folders.ts';
import { readEach } from '../read-pool.ts';
import { fileExists, invalidManifest, readManifest } from '../read-manifest.ts';
import type { FleetFinder } from '../types.ts';
import { dependenciesOf, parsePackageJson, type PackageJson } from './package-json.ts';
import { PNPM_WORKSPACE, workspacePatterns } from './workspace-patterns.ts';

const MANIFEST = 'package.json';

export const npmFinder: FleetFinder = {
  ecosystem: 'npm',

  /** A pnpm-workspace.yaml, or a package.json that declares workspaces or a version; a tooling-only one (no version) is not a fleet. */
  async detect(root) {
    if (await fileExists(root, PNPM_WORKSPACE)) return true;
    if (!(await fileExists(root, MANIFEST))) return false;
    try {
      const pkg = parsePackageJson(await readManifest(root, MANIFEST), MANIFEST);
      return pkg.workspaces !== undefined || pkg.version !== undefined;
    } catch {
      return true; // malformed: let discover() report it with the line
    }
  },

  async discover(root, config) {
    let patterns = config.fleet.paths;
    if (!patterns) {
      // pnpm needs no root package.json; every other workspace kind declares itself in one.
      const rootPkg = (await fileExists(root, MANIFEST)) ? parsePackageJson(await readManifest(root, MANIFEST), MANIFEST) : undefined;
      const workspace = await workspacePatterns(root, rootPkg);
      if (!workspace) return [npmPlugin('', rootPkg ?? parsePackageJson(await readManifest(root, MANIFEST), MANIFEST), MANIFEST, config)];
      patterns = workspace.patterns;
    }
    const folders = await foldersWithManifest(root, patterns, [MANIFEST], config.fleet.exclude);
    return readEach(folders, async (folder) => {
      const file = posix.join(folder, MANIFEST);
      return npmPlugin(folder, parsePackageJson(await readManifest(root, file), file), file, config);
    });
  },
};

function npmPlugin(folder: string, pkg: PackageJson, file: string, config: SlipwayConfig): Plugin {
  if (typeof pkg.name !== 'string' || pkg.name === '') {
    throw invalidManifest(file, '"name" is missing', { hint: `add "name" to ${file}, or leave the folder out with fleet.exclude` });
  }
  const dependencies = dependenciesOf(pkg, file);
  const corePackage = config.core.package;
  const coreRange = corePackage ? rangeOf(dependencies, corePackage, ['runtime', 'peer', 'optional', 'dev']) : undefined;
  return {
    name: pluginName(pkg.name),
    path: repoPath(folder),
    ecosystem: 'npm',
    manifestFile: repoPath(file),
    version: checkedVersion(pkg.version, file, '"version"'),
    dependencies,
    private: pkg.private === true,
    ...(coreRange === undefined ? {} : { coreRange }),
  };
}
