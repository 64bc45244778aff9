/**
 * From the fleet, its release history and its unreleased commits to a release plan. Pure: the
 * plan job reads git and manifests and hands everything here.
 */
import semver from 'semver';
import type { VersioningConfig } from '../config/schema.ts';
import type { ReleaseHistory } from '../history/last-release.ts';
import type { TagFormat } from '../history/tag-format.ts';
import type { Artifact, Plugin, PluginName, RawCommit, ReleaseType, Sha, Version } from '../types.ts';
import { bumpForCommits, maxBump, type Bump } from '../versioning/bump.ts';
import { renderChangelogSection } from '../versioning/changelog.ts';
import { ParsedMessages, type ConventionalCommit } from '../versioning/conventional-commit.ts';
import { nextVersion } from '../versioning/next-version.ts';
import { commitAuthor } from './commit-author.ts';
import { cascadeDependents, type DependentsResult } from './dependents.ts';
import { nextSnapshot, withFloor } from '../versioning/snapshot.ts';
import { withHash } from './plan-hash.ts';
import { overrideProblem, releaseAsFooter, type OverrideRecord, type VersionOverride } from './version-overrides.ts';
import { SlipwayError } from '../errors.ts';
import { applyVersionGroups, changesetBumps, type ReleaseIntents } from './release-intents.ts';
import { PLAN_SCHEMA_VERSION, type IgnoredCommit, type PlannedCommit, type PlannedRelease, type ReleasePlan } from './release-plan.ts';

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
  /** Units whose required core version is higher than at their last release (versioning.coreRaise). */
  coreRaised?: ReadonlySet<PluginName>;
  /** Pending changesets and version groups (release-intents.ts). */
  intents?: ReleaseIntents | undefined;
  /** Record each commit's author and name it in the changelog (release.changelogAuthors); default true. */
  authors?: boolean | undefined;
  /** Messages already parsed (the plan job parses them as git writes the log); the rest are parsed here. */
  messages?: ParsedMessages | undefined;
}

interface Candidate {
  plugin: Plugin;
  current: Version;
  firstRelease: boolean;
  commits: Array<{ raw: RawCommit; cc: ConventionalCommit }>;
  bump: Bump;
  reason: PlannedRelease['reason'];
  /** A version or bump a person asked for (Release-As footer, --set, --bump). */
  override?: OverrideRecord;
}

export function assemblePlan(input: PlanInput): ReleasePlan {
  const prerelease = input.prerelease ?? input.versioning.prerelease;
  const authors = input.authors ?? true;
  const warnings = [...(input.warnings ?? [])];
  const messages = input.messages ?? new ParsedMessages();
  const ignored = new Map<Sha, IgnoredCommit>();
  const candidates = new Map<PluginName, Candidate>();
  const fromChangesets = changesetBumps(input.intents?.changesets ?? []);

  for (const plugin of input.plugins) {
    const history = input.histories.get(plugin.name);
    const commits: Candidate['commits'] = [];
    let releaseAs: { version: string; commit: Sha } | undefined;
    for (const raw of input.unreleased.get(plugin.name) ?? []) {
      if (raw.parents.length > 1) continue; // merges carry no change of their own
      // Newest first: the newest Release-As footer wins.
      const asked = releaseAs ? undefined : releaseAsFooter(raw.message);
      if (asked !== undefined) releaseAs = { version: asked, commit: raw.sha };
      const result = messages.of(raw);
      if (!result.conventional) {
        ignored.set(raw.sha, { sha: raw.sha, header: result.header, reason: result.header.trim() ? 'not a Conventional Commit (type(scope): subject)' : 'an empty commit message' });
        continue;
      }
      commits.push({ raw, cc: result.commit });
    }
    const kept = dropRevertedPairs(commits);
    const byCommits = raisedForCore(bumpForCommits(kept.map((c) => c.cc), input.versioning.releaseTypes), input.versioning.coreRaise, input.coreRaised?.has(plugin.name) ?? false);
    const bump = maxBump(byCommits, fromChangesets.get(plugin.name)?.bump ?? 'none');
    const candidate: Candidate = {
      plugin,
      current: history?.last?.version ?? plugin.version,
      firstRelease: !history?.last,
      commits: kept,
      bump,
      reason: byCommits === 'none' && bump !== 'none' ? 'changeset' : 'commits',
    };
    if (releaseAs) {
      const problem = overrideProblem(releaseAs.version, candidate.current, candidate.firstRelease, history);
      if (problem) warnings.push(`${plugin.name}: commit ${releaseAs.commit.slice(0, 7)} asks for Release-As ${releaseAs.version}, which is ignored: ${problem}`);
      else candidate.override = { source: 'release-as', version: releaseAs.version as Version, commit: releaseAs.commit };
    }
    candidates.set(plugin.name, candidate);
  }
  let bases = applyGroups(candidates, input.intents);
  applyOverrides(candidates, input);

  /** The bump on this line: a maintenance line stays on patches (a person's --bump stays as given). */
  const lineBump = (candidate: Candidate, bump: ReleaseType): ReleaseType => {
    if (candidate.override) return bump;
    const history = input.histories.get(candidate.plugin.name);
    const taken = history?.last ? [...history.versions, ...history.elsewhere.map((release) => release.version)] : [];
    return cappedOnOlderLine(candidate.current, bump, prerelease, taken);
  };
  /**
   * A version a person set (Release-As, --set) is the version; else the bump's from the
   * plugin's version group base, raised to a committed SNAPSHOT floor.
   */
  const versionOf = (candidate: Candidate, bump: ReleaseType): Version => {
    if (candidate.override && candidate.override.source !== 'bump') return candidate.override.version;
    const next = nextVersion({ current: bases.get(candidate.plugin.name) ?? candidate.current, bump, prerelease });
    // A committed SNAPSHOT is a floor for a stable release (not for a prerelease channel).
    return prerelease ? next : withFloor(next, candidate.plugin.versionFloor, input.histories.get(candidate.plugin.name)?.last?.version);
  };

  // Dependents of released plugins, by kind of dependency (./dependents.ts); a dependent that
  // belongs to a version group moves its group, whose members' dependents move in turn: the two
  // run until neither changes a bump (bumps only grow, so this ends).
  let cascade: DependentsResult;
  for (;;) {
    cascade = cascadeDependents({
      plugins: input.plugins,
      policy: input.versioning.dependents,
      bumps: new Map([...candidates].map(([name, c]) => [name, c.bump])),
      nextVersion: (name, bump) => {
        const candidate = candidates.get(name);
        return candidate ? versionOf(candidate, lineBump(candidate, bump)) : nextVersion({ current: '0.0.0' as Version, bump, prerelease });
      },
    });
    for (const candidate of candidates.values()) {
      const bump = cascade.bumps.get(candidate.plugin.name) ?? candidate.bump;
      candidate.bump = bump === 'none' ? bump : lineBump(candidate, bump);
      if (cascade.byDependency.has(candidate.plugin.name) && candidate.reason !== 'override') candidate.reason = 'dependency';
    }
    const before = [...candidates.values()].map((c) => c.bump).join();
    bases = applyGroups(candidates, input.intents);
    if ([...candidates.values()].map((c) => c.bump).join() === before) break;
  }

  const releasing = [...candidates.values()].filter((c) => c.bump !== 'none');
  const nextOf = cascade.next;
  warnings.push(...cascade.warnings);

  const releases: PlannedRelease[] = releasing.map((candidate) => {
    const { plugin } = candidate;
    const to = nextOf.get(plugin.name)!;
    const dependencyUpdates = cascade.rangeUpdates.get(plugin.name) ?? [];
    const commits: PlannedCommit[] = candidate.commits.map(({ raw, cc }) => commitOf(raw, cc, authors));
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
      dependents: cascade.dependents.get(plugin.name) ?? [],
      ...(plugin.artifacts?.length ? { artifacts: plugin.artifacts.map(artifactCoordinate) } : {}),
      ...(plugin.versionFiles?.length ? { versionFiles: plugin.versionFiles } : {}),
      ...(plugin.snapshotCycle && !prerelease ? { nextSnapshot: nextSnapshot(to) } : {}),
      changelog: renderChangelogSection({
        version: to,
        date: input.date,
        commits: candidate.commits.map(({ raw, cc }) => ({ ...commitOf(raw, cc, authors), breakingNotes: cc.breakingNotes })),
        dependencyUpdates,
        dependencyVersions: nextOf,
        notes: fromChangesets.get(plugin.name)?.notes,
        repoUrl: input.repoUrl,
        compare: history?.last ? { from: history.last.tag, to: tag } : undefined,
      }),
    };
  });
  releases.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const changesets = consumedChangesets(input.intents, nextOf, candidates, warnings);

  return withHash({
    schemaVersion: PLAN_SCHEMA_VERSION,
    baseSha: input.baseSha,
    date: input.date,
    prerelease: prerelease ?? null,
    tagFormat: input.tagFormat.pattern,
    releases,
    rangeUpdates: input.plugins
      .filter((plugin) => !nextOf.has(plugin.name) && cascade.rangeUpdates.has(plugin.name))
      .map((plugin) => ({ name: plugin.name, path: plugin.path, ecosystem: plugin.ecosystem, manifestFile: plugin.manifestFile, dependencyUpdates: cascade.rangeUpdates.get(plugin.name) ?? [] }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    ignoredCommits: [...ignored.values()],
    warnings,
    ...(changesets.length ? { changesets } : {}),
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

/** Applies the version groups to the candidates' bumps; the base version of each grouped one. */
function applyGroups(candidates: Map<PluginName, Candidate>, intents: ReleaseIntents | undefined): Map<PluginName, Version> {
  if (!intents || (intents.groups.fixed.length === 0 && intents.groups.linked.length === 0)) return new Map();
  const members = new Map([...candidates].map(([name, c]) => [name, { name, current: c.current, bump: c.bump }]));
  const bases = applyVersionGroups(members, intents.groups);
  for (const [name, member] of members) {
    const candidate = candidates.get(name);
    if (!candidate) continue;
    if (candidate.bump === 'none' && member.bump !== 'none') candidate.reason = 'group';
    candidate.bump = member.bump;
  }
  return bases;
}

/** The changeset files this plan consumes (the release commit deletes them); warns about unknown names. */
function consumedChangesets(intents: ReleaseIntents | undefined, releasing: ReadonlyMap<PluginName, Version>, candidates: ReadonlyMap<PluginName, Candidate>, warnings: string[]): string[] {
  const files: string[] = [];
  for (const changeset of intents?.changesets ?? []) {
    for (const release of changeset.releases) {
      if (!candidates.has(release.name as PluginName)) warnings.push(`${changeset.file}: "${release.name}" is not a plugin of this fleet; that line is ignored`);
    }
    if (changeset.releases.some((r) => releasing.has(r.name as PluginName))) files.push(changeset.file);
  }
  return files.sort();
}

function commitOf(raw: RawCommit, cc: ConventionalCommit, authors: boolean): PlannedCommit {
  const author = authors ? commitAuthor(raw.author) : undefined;
  return { sha: raw.sha, type: cc.type, scope: cc.scope, subject: cc.subject, breaking: cc.breaking, ...(author ? { author } : {}) };
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
