/**
 * The release plan: plain, serialisable data with a content hash. It is printed, approved,
 * stored as an artifact and applied later; the release job ships exactly this.
 */
import type { Ecosystem, PlanHash, PluginName, RepoPath, Sha, TagName, Version } from '../types.ts';
import type { Bump } from '../versioning/bump.ts';
import type { OverrideRecord } from './version-overrides.ts';

export const PLAN_SCHEMA_VERSION = 1;

export interface PlannedCommit {
  sha: Sha;
  /** Conventional type (feat, fix, …); `revert` for reverts. */
  type: string;
  scope: string | null;
  subject: string;
  breaking: boolean;
}

export interface DependencyUpdate {
  /** The internal dependency being released. */
  name: PluginName;
  from: string;
  to: string;
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
  /** Why it releases: its own commits, only because an internal dependency is released, or only because a person asked. */
  reason: 'commits' | 'dependency' | 'override';
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
  /** Commits that touched a plugin but were not Conventional Commits, listed so nobody is surprised. */
  ignoredCommits: IgnoredCommit[];
  warnings: string[];
  /** sha256 over everything above, in a canonical form. */
  hash: PlanHash;
}

export type UnhashedPlan = Omit<ReleasePlan, 'hash'>;
