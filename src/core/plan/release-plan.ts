/**
 * The release plan: plain, serialisable data with a content hash. It is printed, approved,
 * stored as an artifact and applied later; the release job ships exactly this.
 */
import type { DependencyKind, Ecosystem, PlanHash, PluginName, RepoPath, Sha, TagName, Version } from '../types.ts';
import type { Bump } from '../versioning/bump.ts';
import type { OverrideRecord } from './version-overrides.ts';

/** 2: dependency updates carry their kind; `rangeUpdates` for plugins that are not released. */
export const PLAN_SCHEMA_VERSION = 2;

export interface PlannedCommit {
  sha: Sha;
  /** Conventional type (feat, fix, …); `revert` for reverts. */
  type: string;
  scope: string | null;
  subject: string;
  breaking: boolean;
  /**
   * The author's name as git recorded it (commit-author.ts: one line, at most 80 characters;
   * Markdown-escaped only where rendered). Absent when unknown, when `release.changelogAuthors`
   * is off, and in plans made before it was recorded — optional, so those still read and hash
   * as they did (an absent key is not hashed).
   */
  author?: string;
}

export interface DependencyUpdate {
  /** The internal dependency being released. */
  name: PluginName;
  /** Which of the dependent's declarations is rewritten (a name may be both a peer and a dev dependency). */
  kind: DependencyKind;
  from: string;
  to: string;
}

/**
 * Internal dependency ranges the release rewrites in a plugin that is not released itself (a
 * dev-only dependent, by default): written in the release commit, with no version, tag or
 * changelog of its own.
 */
export interface PlannedRangeUpdate {
  name: PluginName;
  path: RepoPath;
  ecosystem: Ecosystem;
  manifestFile: RepoPath;
  dependencyUpdates: DependencyUpdate[];
}

export interface PlannedRelease {
  name: PluginName;
  path: RepoPath;
  ecosystem: Ecosystem;
  manifestFile: RepoPath;
  private: boolean;
  from: Version;
  to: Version;
  /** The bump the commits asked for (before the 0.x rule); `patch` for dependency-only releases. */
  bump: Exclude<Bump, 'none'>;
  /**
   * Why it releases: its own commits, only a pending changeset, only because an internal
   * dependency is released, only because its version group (fixed/linked) releases, or only
   * because a person asked.
   */
  reason: 'commits' | 'changeset' | 'dependency' | 'group' | 'override';
  /** Present when a person set the version or the bump (Release-As footer, --set, --bump). */
  override?: OverrideRecord;
  /** The tag this release will create. */
  tag: TagName;
  /** True when the plugin had no release tag: `from` is the manifest version. */
  firstRelease: boolean;
  commits: PlannedCommit[];
  /** Internal dependency ranges this release rewrites in the plugin's manifest. */
  dependencyUpdates: DependencyUpdate[];
  /** Planned plugins that depend on this one. */
  dependents: PluginName[];
  /** What the unit publishes (groupId:artifactId), when it is more than the unit itself (a lockstep Gradle/Maven build). */
  artifacts?: string[];
  /** Other files rewritten with the version (module poms' `<parent><version>`). */
  versionFiles?: RepoPath[];
  /** The SNAPSHOT cycle: the development version committed after the tag (1.9.9-SNAPSHOT). */
  nextSnapshot?: Version;
  /** The section prepended to the plugin's changelog. */
  changelog: string;
}

export interface IgnoredCommit {
  sha: Sha;
  header: string;
  reason: string;
}

export interface ReleasePlan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  /** HEAD when the plan was made: the release refuses a plan made stale by later commits to planned plugins. */
  baseSha: Sha;
  /** The release date written into changelogs (YYYY-MM-DD). */
  date: string;
  prerelease: string | null;
  tagFormat: string;
  releases: PlannedRelease[];
  /** Manifests of unreleased plugins whose internal dependency ranges the release moves. */
  rangeUpdates: PlannedRangeUpdate[];
  /** Commits that touched a plugin but were not Conventional Commits, listed so nobody is surprised. */
  ignoredCommits: IgnoredCommit[];
  warnings: string[];
  /** The pending changeset files this plan consumes: the release commit deletes them. */
  changesets?: string[];
  /** sha256 over everything above, in a canonical form. */
  hash: PlanHash;
}

export type UnhashedPlan = Omit<ReleasePlan, 'hash'>;
