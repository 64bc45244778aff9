/**
 * From the fleet, its release history and its unreleased commits to a release plan. Pure: the
 * plan job reads git and manifests and hands everything here.
 */
import semver from 'semver';
import type { VersioningConfig } from '../config/schema.ts';
import type { ReleaseHistory } from '../history/last-release.ts';
import type { TagFormat } from '../history/tag-format.ts';
import type { Artifact, Plugin, PluginName, RawCommit, ReleaseType, Sha, Version } from '../types.ts';
import { bumpForCommits, type Bump } from '../versioning/bump.ts';
import { renderChangelogSection } from '../versioning/changelog.ts';
import { parseConventionalCommit, type ConventionalCommit, type ParsedCommit } from '../versioning/conventional-commit.ts';
import { updatedRange } from '../versioning/dependency-range.ts';
import { nextVersion } from '../versioning/next-version.ts';
import { nextSnapshot, withFloor } from '../versioning/snapshot.ts';
import { withHash } from './plan-hash.ts';
import { PLAN_SCHEMA_VERSION, type DependencyUpdate, type IgnoredCommit, type PlannedCommit, type PlannedRelease, type ReleasePlan } from './release-plan.ts';

export interface PlanInput {
  plugins: readonly Plugin[];
  histories: ReadonlyMap<PluginName, ReleaseHistory>;
  /** Each plugin's unreleased commits, newest first. */
  unreleased: ReadonlyMap<PluginName, readonly RawCommit[]>;
  baseSha: Sha;
  /** YYYY-MM-DD */
  date: string;
  tagFormat: TagFormat;
  versioning: VersioningConfig;
  /** Overrides `versioning.prerelease`. */
  prerelease?: string | undefined;
  repoUrl?: string | undefined;
  warnings?: readonly string[];
  /** Units whose required core version is higher than at their last release (versioning.coreRaise). */
  coreRaised?: ReadonlySet<PluginName>;
}

interface Candidate {
  plugin: Plugin;
  current: Version;
  firstRelease: boolean;
  commits: Array<{ raw: RawCommit; cc: ConventionalCommit }>;
  bump: Bump;
  reason: 'commits' | 'dependency';
}

export function assemblePlan(input: PlanInput): ReleasePlan {
  const prerelease = input.prerelease ?? input.versioning.prerelease;
  const parsed = new Map<Sha, ParsedCommit>();
  const ignored = new Map<Sha, IgnoredCommit>();
  const candidates = new Map<PluginName, Candidate>();

  for (const plugin of input.plugins) {
    const history = input.histories.get(plugin.name);
    const commits: Candidate['commits'] = [];
    for (const raw of input.unreleased.get(plugin.name) ?? []) {
      if (raw.parents.length > 1) continue; // merges carry no change of their own
      let result = parsed.get(raw.sha);
      if (!result) parsed.set(raw.sha, (result = parseConventionalCommit(raw.message)));
      if (!result.conventional) {
        ignored.set(raw.sha, { sha: raw.sha, header: result.header, reason: 'not a Conventional Commit (type(scope): subject)' });
        continue;
      }
      commits.push({ raw, cc: result.commit });
    }
    const kept = dropRevertedPairs(commits);
    candidates.set(plugin.name, {
      plugin,
      current: history?.last?.version ?? plugin.version,
      firstRelease: !history?.last,
      commits: kept,
      bump: raisedForCore(bumpForCommits(kept.map((c) => c.cc), input.versioning.releaseTypes), input.versioning.coreRaise, input.coreRaised?.has(plugin.name) ?? false),
      reason: 'commits',
    });
  }

  // Internal dependents of released plugins get a patch release, transitively.
  const dependentsOf = reverseDependencies(input.plugins);
  const queue = [...candidates.values()].filter((c) => c.bump !== 'none').map((c) => c.plugin.name);
  if (input.versioning.dependents === 'patch') {
    for (let i = 0; i < queue.length; i++) {
      for (const dependent of dependentsOf.get(queue[i]!) ?? []) {
        const candidate = candidates.get(dependent)!;
        if (candidate.bump !== 'none') continue;
        candidate.bump = 'patch';
        candidate.reason = 'dependency';
        queue.push(dependent);
      }
    }
  }

  const releasing = [...candidates.values()].filter((c) => c.bump !== 'none');
  const nextOf = new Map<PluginName, Version>(
    releasing.map((c) => {
      const history = input.histories.get(c.plugin.name);
      c.bump = cappedOnOlderLine(c.current, c.bump as ReleaseType, prerelease, history?.last ? history.versions : []);
      const next = nextVersion({ current: c.current, bump: c.bump, prerelease });
      // A committed SNAPSHOT is a floor for a stable release (not for a prerelease channel).
      return [c.plugin.name, prerelease ? next : withFloor(next, c.plugin.versionFloor, history?.last?.version)];
    }),
  );
  const warnings = [...(input.warnings ?? [])];

  const releases: PlannedRelease[] = releasing.map((candidate) => {
    const { plugin } = candidate;
    const to = nextOf.get(plugin.name)!;
    const dependencyUpdates: DependencyUpdate[] = Object.entries(plugin.dependencies)
      .filter(([name]) => nextOf.has(name as PluginName))
      .map(([name, range]) => ({ name: name as PluginName, from: range, to: updatedRange(range, nextOf.get(name as PluginName)!) }))
      .filter((update) => update.from !== update.to)
      .sort((a, b) => a.name.localeCompare(b.name));
    const commits: PlannedCommit[] = candidate.commits.map(({ raw, cc }) => commitOf(raw, cc));
    const history = input.histories.get(plugin.name);
    const tag = input.tagFormat.format(plugin.name, to);
    if (history?.versions.includes(to)) warnings.push(`${plugin.name}: version ${to} is already tagged; the release would collide with ${tag}`);
    return {
      name: plugin.name,
      path: plugin.path,
      ecosystem: plugin.ecosystem,
      manifestFile: plugin.manifestFile,
      private: plugin.private,
      from: candidate.current,
      to,
      bump: candidate.bump as ReleaseType,
      reason: candidate.reason,
      tag,
      firstRelease: candidate.firstRelease,
      commits,
      dependencyUpdates,
      dependents: (dependentsOf.get(plugin.name) ?? []).filter((name) => nextOf.has(name)).sort(),
      ...(plugin.artifacts?.length ? { artifacts: plugin.artifacts.map(artifactCoordinate) } : {}),
      ...(plugin.versionFiles?.length ? { versionFiles: plugin.versionFiles } : {}),
      ...(plugin.snapshotCycle && !prerelease ? { nextSnapshot: nextSnapshot(to) } : {}),
      changelog: renderChangelogSection({
        version: to,
        date: input.date,
        commits: candidate.commits.map(({ raw, cc }) => ({ ...commitOf(raw, cc), breakingNotes: cc.breakingNotes })),
        dependencyUpdates,
        repoUrl: input.repoUrl,
      }),
    };
  });
  releases.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  return withHash({
    schemaVersion: PLAN_SCHEMA_VERSION,
    baseSha: input.baseSha,
    date: input.date,
    prerelease: prerelease ?? null,
    tagFormat: input.tagFormat.pattern,
    releases,
    ignoredCommits: [...ignored.values()],
    warnings,
  });
}

/**
 * A maintenance line (a branch cut from an old release, behind newer releases elsewhere) stays
 * on its own minor: when the bump would reach a version already released on another line
 * (a feat backported to 0.21.x while 0.22.0 is out), it is capped at a patch.
 */
function cappedOnOlderLine(current: Version, bump: ReleaseType, prerelease: string | undefined, tagged: readonly Version[]): ReleaseType {
  if (bump === 'patch') return bump;
  const next = nextVersion({ current, bump, prerelease });
  return tagged.some((version) => semver.gt(version, current) && semver.lte(version, next)) ? 'patch' : bump;
}

/** versioning.coreRaise: a release that needs a newer core is at least a minor. */
function raisedForCore(bump: Bump, coreRaise: VersioningConfig['coreRaise'], raised: boolean): Bump {
  return raised && coreRaise === 'minor' && bump === 'patch' ? 'minor' : bump;
}

/** groupId:artifactId, or the artifactId alone where the build names no group. */
function artifactCoordinate(artifact: Artifact): string {
  return artifact.groupId ? `${artifact.groupId}:${artifact.artifactId}` : artifact.artifactId;
}

function commitOf(raw: RawCommit, cc: ConventionalCommit): PlannedCommit {
  return { sha: raw.sha, type: cc.type, scope: cc.scope, subject: cc.subject, breaking: cc.breaking };
}

/** A revert of a commit that is itself unreleased cancels it: neither ships nor shows. */
function dropRevertedPairs(commits: Candidate['commits']): Candidate['commits'] {
  const cancelled = new Set<Sha>();
  for (const { raw, cc } of commits) {
    const target = cc.reverts?.sha;
    if (!target || target.length < 7) continue;
    const reverted = commits.find((c) => c.raw.sha.startsWith(target) && !cancelled.has(c.raw.sha));
    if (reverted) {
      cancelled.add(reverted.raw.sha);
      cancelled.add(raw.sha);
    }
  }
  return cancelled.size ? commits.filter((c) => !cancelled.has(c.raw.sha)) : commits;
}

/** dependency name → the fleet plugins that depend on it. */
function reverseDependencies(plugins: readonly Plugin[]): Map<PluginName, PluginName[]> {
  const names = new Set<string>(plugins.map((p) => p.name));
  const map = new Map<PluginName, PluginName[]>();
  for (const plugin of plugins) {
    for (const dependency of Object.keys(plugin.dependencies)) {
      if (!names.has(dependency) || dependency === plugin.name) continue;
      const list = map.get(dependency as PluginName) ?? [];
      list.push(plugin.name);
      map.set(dependency as PluginName, list);
    }
  }
  return map;
}

