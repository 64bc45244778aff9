/**
 * Maven fleets: the modules of the root pom.xml (or the folders of fleet.paths holding a
 * pom.xml), each named by its artifactId. A pom with no modules is a repository that is one plugin.
 *
 * Modules whose version follows the root pom's (inherited, or repeated, with `<parent><version>`
 * pointing at the root's) form one lockstep unit with the root: one version, one tag, every
 * module an artifact, and every module's `<parent><version>` rewritten with the root's. A module
 * with a version of its own is its own unit; one that inherits from a parent outside the build
 * (a version slipway cannot rewrite) is refused with the line to add.
 */
import { posix } from 'node:path';
import type { SlipwayConfig } from '../../../core/config/schema.ts';
import { SlipwayError } from '../../../core/errors.ts';
import { pluginName, repoPath, type Artifact, type Plugin } from '../../../core/types.ts';
import { checkedVersion } from '../checked-version.ts';
import { foldersWithManifest, isExcluded } from '../plugin-folders.ts';
import { readEach } from '../read-pool.ts';
import { fileExists, invalidManifest, readManifest } from '../read-manifest.ts';
import type { FleetFinder } from '../types.ts';
import { parsePom, type Pom } from './pom.ts';

const MANIFEST = 'pom.xml';

export const mavenFinder: FleetFinder = {
  ecosystem: 'maven',

  detect: (root) => fileExists(root, MANIFEST),

  async discover(root, config) {
    let rootPom: Pom | undefined;
    let files: string[];
    if (config.fleet.paths) {
      const folders = await foldersWithManifest(root, config.fleet.paths, [MANIFEST], config.fleet.exclude);
      files = folders.map((folder) => posix.join(folder, MANIFEST));
    } else {
      rootPom = parsePom(await readManifest(root, MANIFEST), MANIFEST);
      if (rootPom.modules.length === 0) return [{ ...mavenPlugin('', rootPom, MANIFEST, undefined, config), artifacts: [artifactOf('', rootPom, MANIFEST)] }];
      files = rootPom.modules.map(modulePom).filter((file) => !isExcluded(posix.dirname(file), config.fleet.exclude));
    }
    const modules = await readEach(files, async (file) => {
      const folder = posix.dirname(file) === '.' ? '' : posix.dirname(file);
      return { folder, file, pom: parsePom(await readManifest(root, file), file) };
    });
    // Modules that follow the root's version (inherited, or repeated with <parent> pointing at
    // it) are released with it as one unit; a module with a version of its own is its own unit.
    const follows = (pom: Pom) => rootPom?.version !== undefined && pom.parentVersion === rootPom.version && (pom.version === undefined || pom.version === rootPom.version);
    const lockstep = modules.filter((m) => follows(m.pom));
    const independent = modules.filter((m) => !follows(m.pom)).map((m) => ({ ...mavenPlugin(m.folder, m.pom, m.file, rootPom, config), artifacts: [artifactOf(m.folder, m.pom, m.file)] }));
    if (lockstep.length === 0 || !rootPom) return independent;
    const unit = mavenPlugin('', rootPom, MANIFEST, undefined, config);
    return [
      ...independent,
      {
        ...unit,
        artifacts: lockstep.map((m) => artifactOf(m.folder, m.pom, m.file)),
        versionFiles: lockstep.map((m) => repoPath(m.file)),
        // The parent pom is deployed with its modules; the unit is private only when every module is.
        private: lockstep.every((m) => m.pom.properties['maven.deploy.skip'] === 'true'),
      },
    ];
  },
};

function artifactOf(folder: string, pom: Pom, file: string): Artifact {
  if (!pom.artifactId) throw invalidManifest(file, '<artifactId> is missing', { hint: `add <artifactId> under <project> in ${file}` });
  return {
    ...(pom.groupId ? { groupId: pom.groupId } : {}),
    artifactId: pom.artifactId,
    path: repoPath(folder),
    ...(pom.name ? { title: pom.name } : {}),
    ...(pom.description ? { description: pom.description } : {}),
  };
}

/** A `<module>` names a folder (its pom.xml) or a pom file. */
function modulePom(module: string): string {
  const path = posix.normalize(module.replace(/\\/g, '/')).replace(/\/$/, '');
  return path.endsWith('.xml') ? path : posix.join(path, MANIFEST);
}

function mavenPlugin(folder: string, pom: Pom, file: string, rootPom: Pom | undefined, config: SlipwayConfig): Plugin {
  if (!pom.artifactId) throw invalidManifest(file, '<artifactId> is missing', { hint: `add <artifactId> under <project> in ${file}` });
  if (pom.version === undefined && pom.parentVersion !== undefined) {
    throw new SlipwayError('VERSION_INVALID', `<version> is missing: ${pom.artifactId} inherits ${pom.parentVersion} from its <parent>`, {
      subject: file,
      hint: `add <version>${pom.parentVersion}</version> after <artifactId> in ${file}: slipway versions each module on its own, and a version kept only in the parent would need every module's <parent><version> rewritten together`,
    });
  }
  const coreProperty = config.fleet.coreVersionProperty;
  const coreRange = pom.properties[coreProperty] ?? rootPom?.properties[coreProperty];
  return {
    name: pluginName(pom.artifactId),
    path: repoPath(folder),
    ecosystem: 'maven',
    manifestFile: repoPath(file),
    version: checkedVersion(pom.version, file, '<version>', `write a plain semver version such as 1.0.0 or 1.0.0-SNAPSHOT in <version> of ${file} (not 1.0-SNAPSHOT, not a \${property})`),
    dependencies: pom.dependencies,
    // Maven's own switch for "never deploy this module".
    private: pom.properties['maven.deploy.skip'] === 'true',
    ...(coreRange === undefined ? {} : { coreRange }),
  };
}
