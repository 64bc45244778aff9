/**
 * One strategy object per ecosystem behind one interface (style.md §2, §10): how it finds its
 * units, rewrites their version, whether it runs a SNAPSHOT cycle, how it publishes, which
 * commands validate runs by default, and which secrets publishing needs. `strategies` is a Record over every Ecosystem, so a new
 * ecosystem that forgets a case does not compile. The finders and updaters stay in their own
 * folders (npm/, gradle/, maven/, python/, generic/); this file only composes them.
 */
import { join } from 'node:path';
import semver from 'semver';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { rangeOf, type Ecosystem, type RepoPath, type Version } from '../../core/types.ts';
import { genericFinder } from './generic/find.ts';
import { genericUpdater } from './generic/update.ts';
import { gradleFinder } from './gradle/find.ts';
import { readProperties } from './gradle/properties.ts';
import { gradleUpdater } from './gradle/update.ts';
import { mavenFinder } from './maven/find.ts';
import { parsePom } from './maven/pom.ts';
import { mavenUpdater } from './maven/update.ts';
import { noDefaults, type CommandDefaults } from './command-defaults.ts';
import { npmFinder } from './npm/find.ts';
import { dependenciesOf, parsePackageJson } from './npm/package-json.ts';
import { javascriptCommands } from './npm/script-commands.ts';
import { npmUpdater } from './npm/update.ts';
import { pythonFinder } from './python/find.ts';
import { pythonUpdater } from './python/update.ts';
import { fileExists } from './read-manifest.ts';
import type { FleetFinder, ManifestUpdater } from './types.ts';

/** A secret the publish step reads from the environment, as `init` and the docs name it. */
export interface PublishSecret {
  name: string;
  purpose: string;
}

/** How a unit is published when `commands.publish` is not set. */
export type PublishDefault =
  /** slipway's own npm client (registry API, idempotent by version). */
  | { kind: 'npm-registry' }
  /** A command run from `cwd` (the build root for a Gradle/Maven build). */
  | { kind: 'command'; command: string; cwd: string; alreadyPublished?: RegExp }
  | { kind: 'none'; reason: string };

export interface PublishUnit {
  /** The unit's folder, repository-relative ('' for the root). */
  path: RepoPath;
}

export interface EcosystemStrategy {
  readonly ecosystem: Ecosystem;
  /** Gradle and Maven share the JVM conventions: SNAPSHOTs, Maven repositories, a JDK on the runner. */
  readonly jvm: boolean;
  readonly finder: FleetFinder;
  readonly updater: ManifestUpdater;
  /** The build tools' word for a development version (`-SNAPSHOT`); undefined where the ecosystem has none. */
  readonly snapshotSuffix: string | undefined;
  /** How a unit is published when slipway.yml names no command; `root` is the checkout (the build root). */
  publishDefault(root: string, unit: PublishUnit): Promise<PublishDefault>;
  /**
   * The install, build and test commands validate runs when slipway.yml names none, read from
   * the checkout at `root` (npm: the package manager and each package's scripts).
   */
  commandDefaults(root: string): Promise<CommandDefaults>;
  /**
   * Whether a release installs and builds its units before the first write. npm publishes a
   * folder as it is (`"files": ["dist"]` with nothing built ships an empty package); Maven's
   * deploy and Gradle's publish build what they publish; Python and generic units publish with
   * the maintainers' own command.
   */
  readonly buildsBeforeRelease: boolean;
  /** The secrets its publishing reads, for `init` and the docs. */
  readonly publishSecrets: readonly PublishSecret[];
  /** The core range a unit's manifest text declares (to compare it with an earlier release's); undefined: none. */
  coreRangeIn(text: string, file: string, config: SlipwayConfig): string | undefined;
}

/** Gradle/Maven: the same SNAPSHOT convention and Maven-repository secrets. */
const JVM_SECRETS: readonly PublishSecret[] = [
  { name: 'MAVEN_USERNAME', purpose: 'user (or token name) of the Maven repository the build publishes to (Sonatype Central, Nexus, Artifactory)' },
  { name: 'MAVEN_PASSWORD', purpose: 'its password or token' },
  { name: 'SIGNING_KEY', purpose: 'the ASCII-armoured GPG private key that signs the artifacts (Maven Central requires signatures)' },
  { name: 'SIGNING_PASSWORD', purpose: 'the passphrase of that key' },
];

/** Maven/Gradle print the HTTP status when a repository refuses to overwrite a release. */
const ALREADY_IN_MAVEN_REPOSITORY = /\b409\b|status code: 409|Conflict/;

const npmStrategy: EcosystemStrategy = {
  ecosystem: 'npm',
  jvm: false,
  finder: npmFinder,
  updater: npmUpdater,
  snapshotSuffix: undefined,
  publishDefault: async () => ({ kind: 'npm-registry' }),
  commandDefaults: javascriptCommands,
  buildsBeforeRelease: true,
  publishSecrets: [{ name: 'NPM_TOKEN', purpose: 'an npm automation token that may publish the packages' }],
  coreRangeIn: (text, file, config) => (config.core.package ? rangeOf(dependenciesOf(parsePackageJson(text, file), file), config.core.package, ['runtime', 'peer', 'optional', 'dev']) : undefined),
};

const gradleStrategy: EcosystemStrategy = {
  ecosystem: 'gradle',
  jvm: true,
  finder: gradleFinder,
  updater: gradleUpdater,
  snapshotSuffix: '-SNAPSHOT',
  async publishDefault(root, unit) {
    // The wrapper pins the Gradle the build was written for; without one, the gradle on PATH.
    const gradle = (await fileExists(root, 'gradlew')) ? './gradlew' : 'gradle';
    const task = unit.path === '' ? 'publish' : `:${unit.path.split('/').join(':')}:publish`;
    return { kind: 'command', command: `${gradle} ${task}`, cwd: root, alreadyPublished: ALREADY_IN_MAVEN_REPOSITORY };
  },
  commandDefaults: async () => noDefaults,
  buildsBeforeRelease: false,
  publishSecrets: JVM_SECRETS,
  coreRangeIn: (text, _file, config) => readProperties(text).get(config.fleet.coreVersionProperty)?.value,
};

const mavenStrategy: EcosystemStrategy = {
  ecosystem: 'maven',
  jvm: true,
  finder: mavenFinder,
  updater: mavenUpdater,
  snapshotSuffix: '-SNAPSHOT',
  publishDefault: async (root, unit) => ({
    kind: 'command',
    command: unit.path === '' ? 'mvn -B deploy' : `mvn -B deploy -pl ${unit.path}`,
    cwd: root,
    alreadyPublished: ALREADY_IN_MAVEN_REPOSITORY,
  }),
  commandDefaults: async () => noDefaults,
  buildsBeforeRelease: false,
  publishSecrets: JVM_SECRETS,
  coreRangeIn: (text, file, config) => parsePom(text, file).properties[config.fleet.coreVersionProperty],
};

const pythonStrategy: EcosystemStrategy = {
  ecosystem: 'python',
  jvm: false,
  finder: pythonFinder,
  updater: pythonUpdater,
  snapshotSuffix: undefined,
  publishDefault: async () => ({ kind: 'none', reason: 'no publish command for python plugins (commands.publish in slipway.yml, e.g. "python -m build && twine upload --skip-existing dist/*")' }),
  commandDefaults: async () => noDefaults,
  buildsBeforeRelease: false,
  publishSecrets: [{ name: 'TWINE_PASSWORD', purpose: 'a PyPI API token (with TWINE_USERNAME=__token__)' }],
  coreRangeIn: () => undefined,
};

const genericStrategy: EcosystemStrategy = {
  ecosystem: 'generic',
  jvm: false,
  finder: genericFinder,
  updater: genericUpdater,
  snapshotSuffix: undefined,
  publishDefault: async () => ({ kind: 'none', reason: 'no publish command for generic plugins (commands.publish in slipway.yml)' }),
  commandDefaults: async () => noDefaults,
  buildsBeforeRelease: false,
  publishSecrets: [],
  coreRangeIn: () => undefined,
};

/** Every ecosystem's strategy. A Record over Ecosystem: leaving one out is a compile error. */
export const strategies: Readonly<Record<Ecosystem, EcosystemStrategy>> = {
  npm: npmStrategy,
  gradle: gradleStrategy,
  maven: mavenStrategy,
  python: pythonStrategy,
  generic: genericStrategy,
};

export const strategyFor = (ecosystem: Ecosystem): EcosystemStrategy => strategies[ecosystem];

/** Whether `version` is a development version of this ecosystem (1.9.8-SNAPSHOT). */
export function isSnapshot(strategy: EcosystemStrategy, version: string): boolean {
  return strategy.snapshotSuffix !== undefined && version.endsWith(strategy.snapshotSuffix);
}

/** The release a SNAPSHOT leads to: 1.9.8-SNAPSHOT → 1.9.8. */
export function releaseOfSnapshot(strategy: EcosystemStrategy, version: Version): Version | undefined {
  if (!isSnapshot(strategy, version)) return undefined;
  const release = version.slice(0, -strategy.snapshotSuffix!.length);
  return semver.valid(release) === release ? (release as Version) : undefined;
}

/** The folder a unit's publish command runs in, absolute. */
export const publishDir = (root: string, unit: PublishUnit) => join(root, unit.path);
