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
  /** Dependencies on anything, name → range as written; the planner keeps those on fleet plugins. */
  dependencies: Record<string, string>;
  /** Private plugins are versioned but never published. */
  private: boolean;
  /** The range of the core project this plugin needs, where the manifest declares one. */
  coreRange?: string;
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
