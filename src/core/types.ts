/**
 * Names for the data slipway moves around. Branded strings keep a plugin name from being
 * passed where a tag or a SHA is expected; parse at the edge (adapters), trust inside.
 */
type Brand<T, B extends string> = T & { readonly __brand: B };

export type PluginName = Brand<string, 'PluginName'>;
export type TagName = Brand<string, 'TagName'>;
export type Sha = Brand<string, 'Sha'>;
export type PlanHash = Brand<string, 'PlanHash'>;
/** A version string already checked to be valid semver (no leading `v`). */
export type Version = Brand<string, 'Version'>;
/** A repository-relative POSIX path; '' is the repository root. */
export type RepoPath = Brand<string, 'RepoPath'>;

export const pluginName = (s: string) => s as PluginName;
export const tagName = (s: string) => s as TagName;
export const sha = (s: string) => s as Sha;
export const repoPath = (s: string) => s as RepoPath;

export const ECOSYSTEMS = ['npm', 'gradle', 'maven', 'python', 'generic'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

/**
 * How a plugin depends on another, which decides what a new release of the dependency means
 * for it: `runtime` (npm dependencies, Python [project] dependencies, Maven compile/runtime
 * scope), `optional` (npm optionalDependencies, Python optional-dependencies, Maven
 * <optional>), `peer` (npm peerDependencies, Maven provided scope: the consumer supplies it),
 * `dev` (npm devDependencies, Python dev groups, Maven test scope: building and testing only).
 */
export const DEPENDENCY_KINDS = ['runtime', 'optional', 'peer', 'dev'] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

export interface Dependency {
  name: string;
  /** The range as written ('' when none). */
  range: string;
  kind: DependencyKind;
}

/** The range of the first dependency on `name` among `kinds` (in that order of preference). */
export function rangeOf(dependencies: readonly Dependency[], name: string, kinds: readonly DependencyKind[] = DEPENDENCY_KINDS): string | undefined {
  for (const kind of kinds) {
    const found = dependencies.find((d) => d.name === name && d.kind === kind);
    if (found) return found.range;
  }
  return undefined;
}

/** One plugin of the fleet as read from its manifest. */
export interface Plugin {
  name: PluginName;
  /** The plugin's folder; '' for a repository that is one plugin. */
  path: RepoPath;
  ecosystem: Ecosystem;
  /** The manifest that holds the version (package.json, gradle.properties, pom.xml, …). */
  manifestFile: RepoPath;
  /** The version written in the manifest. */
  version: Version;
  /**
   * Dependencies on anything, as written, each with its kind; the planner keeps those on fleet
   * plugins. One name may appear under several kinds (a peer range and a dev range).
   */
  dependencies: Dependency[];
  /** Private plugins are versioned but never published. */
  private: boolean;
  /** The range of the core project this plugin needs, where the manifest declares one. */
  coreRange?: string;
  /**
   * What the unit publishes, when that is not just the unit itself: a Gradle/Maven build
   * released in lockstep lists every subproject/module (groupId:artifactId) here.
   */
  artifacts?: Artifact[];
  /**
   * Other files that carry the unit's version and are rewritten with it (a Maven module's
   * `<parent><version>` in a lockstep build).
   */
  versionFiles?: RepoPath[];
  /**
   * The lowest version the next release may have, committed by the maintainers: a
   * `1.15.0-SNAPSHOT` in gradle.properties says the next release is at least 1.15.0.
   */
  versionFloor?: Version;
  /** After the release, commit the next patch `-SNAPSHOT` (the JVM SNAPSHOT cycle). */
  snapshotCycle?: boolean;
}

/** One published artifact of a release unit (a Maven coordinate), with what its build files say about it. */
export interface Artifact {
  /** Maven groupId; absent where the build does not say (an npm package). */
  groupId?: string;
  artifactId: string;
  /** The subproject/module folder ('' for the root). */
  path: RepoPath;
  /** From `X-Kestra-Title` (or the build's own name). */
  title?: string;
  /** From `X-Kestra-Description` / `project.description` / `<description>`. */
  description?: string;
  /** From `X-Kestra-Group`: the plugin's package group. */
  group?: string;
}

/** A commit as read from `git log`, before any interpretation. */
export interface RawCommit {
  sha: Sha;
  parents: Sha[];
  /** Author date, ISO 8601. */
  date: string;
  author: string;
  /** The full message: subject, blank line, body and footers. */
  message: string;
  /** Paths changed (none for merge commits). */
  files: RepoPath[];
}

export const RELEASE_TYPES = ['major', 'minor', 'patch'] as const;
export type ReleaseType = (typeof RELEASE_TYPES)[number];
