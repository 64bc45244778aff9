/**
 * Gradle fleets (Kestra-style plugin repositories): the subprojects that settings.gradle(.kts)
 * includes (or the folders of fleet.paths holding a build script), versioned in gradle.properties.
 * A build with no `include` is a repository that is one plugin. Subprojects that take the
 * root's `version=` are released together as one unit named after the root project (one tag,
 * every subproject an artifact); a subproject with its own `version=` is its own unit.
 *
 * Names follow Gradle's own: a subproject is named by the last segment of its project path
 * (`include ':connectors:s3'` → `s3`), the root project by `rootProject.name`, else by its folder
 * (as Gradle does). gradle.properties has no name key in Gradle, so none is read.
 */
import { basename, posix, resolve } from 'node:path';
import type { SlipwayConfig } from '../../../core/config/schema.ts';
import { SlipwayError } from '../../../core/errors.ts';
import { pluginName, repoPath, type Artifact, type Plugin } from '../../../core/types.ts';
import { checkedVersion } from '../checked-version.ts';
import { foldersWithManifest, isExcluded } from '../plugin-folders.ts';
import { readEach } from '../read-pool.ts';
import { fileExists, firstExisting, missingManifest, readManifest } from '../read-manifest.ts';
import type { FleetFinder } from '../types.ts';
import { attributeValue, readBuildScript, type BuildScriptFacts } from './build-script.ts';
import { readProperties, type PropertyAt } from './properties.ts';
import { readSettings } from './settings-includes.ts';

const SETTINGS = ['settings.gradle.kts', 'settings.gradle'];
const BUILD_SCRIPTS = ['build.gradle.kts', 'build.gradle'];
const PROPERTIES = 'gradle.properties';
const VERSION_HINT = 'slipway reads a Gradle project\'s version from a "version=1.0.0" line in gradle.properties, not from the build script';

type Properties = Map<string, PropertyAt>;

export const gradleFinder: FleetFinder = {
  ecosystem: 'gradle',

  detect: async (root) => (await firstExisting(root, [...SETTINGS, ...BUILD_SCRIPTS])) !== undefined,

  async discover(root, config) {
    const settingsFile = await firstExisting(root, SETTINGS);
    const settings = settingsFile ? readSettings(await readManifest(root, settingsFile)) : undefined;
    const rootName = settings?.rootProjectName ?? basename(resolve(root));
    const rootProperties = await readOptionalProperties(root, PROPERTIES);

    const folders = config.fleet.paths
      ? await foldersWithManifest(root, config.fleet.paths, BUILD_SCRIPTS, config.fleet.exclude)
      : (settings?.projects ?? []).filter((folder) => !isExcluded(folder, config.fleet.exclude));

    const buildScript = async (folder: string) => {
      const file = await firstExisting(root, BUILD_SCRIPTS.map((script) => posix.join(folder, script)));
      return file === undefined ? undefined : readBuildScript(await readManifest(root, file));
    };
    const rootScript = await buildScript('');
    const rootGroup = rootScript?.group ?? rootProperties?.get('group')?.value;

    if (folders.length === 0 && !config.fleet.paths) {
      const properties = rootProperties ?? missingProperties(PROPERTIES);
      return [{ ...gradlePlugin('', rootName, PROPERTIES, properties, [properties], config), artifacts: [artifactOf('', rootName, rootScript, rootGroup)] }];
    }

    const units = await readEach(folders, async (folder): Promise<Plugin | Artifact> => {
      const script = await buildScript(folder);
      if (!script) {
        const listedIn = settingsFile ?? 'fleet.paths';
        throw new SlipwayError('MANIFEST_MISSING', `${listedIn} includes "${folder}" but ${folder}/build.gradle(.kts) does not exist`, {
          subject: posix.join(folder, 'build.gradle'),
          hint: `create the subproject, remove it from ${listedIn}, or leave it out with fleet.exclude`,
        });
      }
      const name = folder === '' ? rootName : posix.basename(folder);
      const ownFile = posix.join(folder, PROPERTIES);
      const own = await readOptionalProperties(root, ownFile);
      const artifact = artifactOf(folder, name, script, own?.get('group')?.value ?? rootGroup);
      if (own?.has('version') || (own && !rootProperties?.has('version'))) {
        return { ...gradlePlugin(folder, name, ownFile, own, [own, rootProperties], config), artifacts: [artifact] };
      }
      // A subproject whose gradle.properties has no version takes the root's: it ships in
      // lockstep with every other such subproject, as one release unit (below).
      if (rootProperties?.has('version')) return artifact;
      return missingProperties(ownFile);
    });
    const independent = units.filter((unit): unit is Plugin => 'ecosystem' in unit);
    const lockstep = units.filter((unit): unit is Artifact => !('ecosystem' in unit));
    if (lockstep.length === 0 || !rootProperties) return independent;
    // The whole build is one unit: one version (the root gradle.properties), one tag, every
    // subproject that shares the version listed as its artifacts (Kestra's plugin repositories).
    return [...independent, { ...gradlePlugin('', rootName, PROPERTIES, rootProperties, [rootProperties], config), artifacts: lockstep }];
  },
};

/** A subproject as a published artifact: group:name, with the catalog facts of its build script. */
function artifactOf(folder: string, name: string, script: BuildScriptFacts | undefined, inheritedGroup: string | undefined): Artifact {
  const groupId = script?.group ?? inheritedGroup;
  const description = script?.description;
  const project = { group: groupId, name, description };
  const attribute = (key: string) => {
    const expression = script?.attributes.get(key);
    return expression === undefined ? undefined : attributeValue(expression, project);
  };
  const title = attribute('Title');
  const group = attribute('Group');
  const kestraDescription = attribute('Description') ?? description;
  return {
    ...(groupId ? { groupId } : {}),
    artifactId: name,
    path: repoPath(folder),
    ...(title ? { title } : {}),
    ...(kestraDescription ? { description: kestraDescription } : {}),
    ...(group ? { group } : {}),
  };
}

/**
 * The plugin whose version is in `versionFile` (read as `versionProperties`); the core range from
 * the first of `coreSources` that declares it (the subproject's own file, then the root's).
 */
function gradlePlugin(
  folder: string,
  name: string,
  versionFile: string,
  versionProperties: Properties,
  coreSources: (Properties | undefined)[],
  config: SlipwayConfig,
): Plugin {
  const coreProperty = config.fleet.coreVersionProperty;
  const coreRange = coreSources.map((properties) => properties?.get(coreProperty)?.value).find((value) => value !== undefined);
  return {
    name: pluginName(name),
    path: repoPath(folder),
    ecosystem: 'gradle',
    manifestFile: repoPath(versionFile),
    version: checkedVersion(versionProperties.get('version')?.value, versionFile, 'version', `write "version=1.0.0" (plain semver) in ${versionFile}`),
    dependencies: [],
    private: false,
    ...(coreRange === undefined ? {} : { coreRange }),
  };
}

/** MANIFEST_MISSING for a gradle.properties that must exist because no other file holds the version. */
function missingProperties(file: string): never {
  throw missingManifest(file, `create ${file} with a line "version=1.0.0"; ${VERSION_HINT}`);
}

async function readOptionalProperties(root: string, file: string): Promise<Properties | undefined> {
  return (await fileExists(root, file)) ? readProperties(await readManifest(root, file)) : undefined;
}
