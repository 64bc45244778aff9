/**
 * Generic fleets: the plugins listed in slipway.yml (`fleet.plugins`: name, path, versionFile),
 * each versioned in a plain file. fleet.exclude still applies; fleet.paths does not (the list is
 * explicit).
 */
import { posix } from 'node:path';
import { pluginName, repoPath } from '../../../core/types.ts';
import { checkedVersion } from '../checked-version.ts';
import { isExcluded } from '../plugin-folders.ts';
import { readEach } from '../read-pool.ts';
import { readManifest } from '../read-manifest.ts';
import type { FleetFinder } from '../types.ts';
import { versionIn } from './version-file.ts';

export const genericFinder: FleetFinder = {
  ecosystem: 'generic',

  /** Never detected from files: a generic fleet is chosen by listing fleet.plugins (see fleet.ts). */
  detect: async () => false,

  discover(root, config) {
    const listed = config.fleet.plugins
      .map((plugin) => ({ ...plugin, path: normaliseFolder(plugin.path) }))
      .filter((plugin) => !isExcluded(plugin.path, config.fleet.exclude));
    return readEach(listed, async ({ name, path, versionFile }) => {
      const file = posix.join(path, versionFile);
      const text = await readManifest(root, file, `create ${file} holding the version of ${name} (e.g. 1.0.0), or set versionFile for it in fleet.plugins`);
      return {
        name: pluginName(name),
        path: repoPath(path),
        ecosystem: 'generic' as const,
        manifestFile: repoPath(file),
        version: checkedVersion(versionIn(text)?.value, file, 'version', `write a plain semver version such as 1.0.0 (alone, or as "version = 1.0.0") in ${file}`),
        dependencies: [],
        private: false,
      };
    });
  },
};

function normaliseFolder(path: string): string {
  const p = posix.normalize(path.replace(/\\/g, '/')).replace(/\/+$/, '');
  return p === '.' ? '' : p;
}
