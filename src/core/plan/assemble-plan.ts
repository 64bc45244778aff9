/**
 * From the fleet, its release history and its unreleased commits to a release plan. Pure: the
 * plan job reads git and manifests and hands everything here.
 */
import semver from 'semver';
import type { VersioningConfig } from '../config/schema.ts';
import type { ReleaseHistory } from '../history/last-release.ts';
import type { TagFormat } from '../history/tag-format.ts';
import type { Plugin, PluginName, RawCommit, ReleaseType, Sha, Version } from '../types.ts';
import { bumpForCommits, type Bump } from '../versioning/bump.ts';
import { renderChangelogSection } from '../versioning/changelog.ts';
import { parseConventionalCommit, type ConventionalCommit, type ParsedCommit } from '../versioning/conventional-commit.ts';
import { updatedRange } from '../versioning/dependency-range.ts';
import { nextVersion } from '../versioning/next-version.ts';
import { withHash } from './plan-hash.ts';
import { overrideProblem, releaseAsFooter, type OverrideRecord, type VersionOverride } from './version-overrides.ts';
import { SlipwayError } from '../errors.ts';
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
  /** The approver's versions and bumps (`--set`, `--bump`); each is checked, and a bad one is an error. */
  overrides?: readonly VersionOverride[];
}

interface Candidate {
  plugin: Plugin;
  current: Version;
  firstRelease: boolean;
  commits: Array<{ raw: RawCommit; cc: ConventionalCommit }>;
  bump: Bump;
  reason: 'commits' | 'dependency' | 'override';
  /** A version or bump a person asked for (Release-As footer, --set, --bump). */
  override?: OverrideRecord;
}

export function assemblePlan(input: PlanInput): ReleasePlan {
  const prerelease = input.prerelease ?? input.versioning.prerelease;
  const warnings = [...(input.warnings ?? [])];
  const parsed = new Map<Sha, ParsedCommit>();
  const ignored = new Map<Sha, IgnoredCommit>();
  const candidates = new Map<PluginName, Candidate>();

  for (const plugin of input.plugins) {
    const history = input.histories.get(plugin.name);
    const commits: Candidate['commits'] = [];
    let releaseAs: { version: string; commit: Sha } | undefined;
    for (const raw of input.unreleased.get(plugin.name) ?? []) {
      if (raw.parents.length > 1) continue; // merges carry no change of their own
      // Newest first: the newest Release-As footer wins.
      const asked = releaseAs ? undefined : releaseAsFooter(raw.message);
      if (asked !== undefined) releaseAs = { version: asked, commit: raw.sha };
      let result = parsed.get(raw.sha);
      if (!result) parsed.set(raw.sha, (result = parseConventionalCommit(raw.message)));
      if (!result.conventional) {
        ignored.set(raw.sha, { sha: raw.sha, header: result.header, reason: result.header.trim() ? 'not a Conventional Commit (type(scope): subject)' : 'an empty commit message' });
        continue;
      }
      commits.push({ raw, cc: result.commit });
    }
    const kept = dropRevertedPairs(commits);
    const candidate: Candidate = {
      plugin,
      current: history?.last?.version ?? plugin.version,
      firstRelease: !history?.last,
      commits: kept,
      bump: bumpForCommits(kept.map((c) => c.cc), input.versioning.releaseTypes),
      reason: 'commits',
    };
    if (releaseAs) {
      const problem = overrideProblem(releaseAs.version, candidate.current, candidate.firstRelease, history);
      if (problem) warnings.push(`${plugin.name}: commit ${releaseAs.commit.slice(0, 7)} asks for Release-As ${releaseAs.version}, which is ignored: ${problem}`);
      else candidate.override = { source: 'release-as', version: releaseAs.version as Version, commit: releaseAs.commit };
    }
    candidates.set(plugin.name, candidate);
  }
  applyOverrides(candidates, input);

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
    releasing.map((c) => [
      c.plugin.name,
      c.override && c.override.source !== 'bump' ? c.override.version : nextVersion({ current: c.current, bump: c.bump as ReleaseType, prerelease }),
    ]),
  );

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
      ...(candidate.override ? { override: candidate.override } : {}),
      tag,
      firstRelease: candidate.firstRelease,
      commits,
      dependencyUpdates,
      dependents: (dependentsOf.get(plugin.name) ?? []).filter((name) => nextOf.has(name)).sort(),
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
 * The approver's overrides win over Release-As footers and commits: `--set` fixes the version,
 * `--bump` the bump. A plugin with nothing to release is released by an override. Checked
 * here, where the line's last release and every tag are known: an override that cannot be
 * released is an error, before anything is planned.
 */
function applyOverrides(candidates: Map<PluginName, Candidate>, input: PlanInput): void {
  for (const override of input.overrides ?? []) {
    const candidate = candidates.get(override.plugin);
    const flag = override.kind === 'set' ? '--set' : '--bump';
    if (!candidate) {
      throw new SlipwayError('OVERRIDE_INVALID', `${flag} names "${override.plugin}", which is not a plugin of this fleet`, {
        subject: flag,
        hint: `use one of: ${[...candidates.keys()].slice(0, 10).join(', ')}${candidates.size > 10 ? ', …' : ''}`,
      });
    }
    if (override.kind === 'set') {
      const problem = overrideProblem(override.version, candidate.current, candidate.firstRelease, input.histories.get(override.plugin));
      if (problem) throw new SlipwayError('OVERRIDE_INVALID', `${flag} ${override.plugin}=${override.version}: ${problem}`, { subject: flag, hint: 'choose a version above the last release that has no tag yet' });
      candidate.override = { source: 'set', version: override.version };
    } else {
      candidate.override = { source: 'bump', bump: override.bump };
    }
  }
  for (const candidate of candidates.values()) {
    const override = candidate.override;
    if (!override) continue;
    const bump = override.source === 'bump' ? override.bump : bumpBetween(candidate.current, override.version);
    if (candidate.bump === 'none') candidate.reason = 'override';
    candidate.bump = bump;
  }
}

/** The bump that leads from one version to a higher one (for the plan table and dependents). */
function bumpBetween(from: Version, to: Version): ReleaseType {
  if (semver.major(to) !== semver.major(from)) return 'major';
  if (semver.minor(to) !== semver.minor(from)) return 'minor';
  return 'patch';
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

