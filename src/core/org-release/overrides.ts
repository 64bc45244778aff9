/**
 * What the approver may change in the manual run of an org release: leave a repository out of
 * today's release (`--exclude owner/name`), or set one plugin's version
 * (`--set owner/name:PLUGIN=1.4.0`, `--bump owner/name:PLUGIN=major`) — the local planner's
 * `--set NAME=VERSION` / `--bump NAME=major` with the repository in front.
 *
 * Overrides are applied to the repository's plan before the org plan is hashed, so the hash
 * the approver approves covers them. An override that does not fit the plan (an unknown
 * repository or plugin, a version not above the last release) is refused before anything is
 * written.
 */
import semver from 'semver';
import { SlipwayError } from '../errors.ts';
import { withHash } from '../plan/plan-hash.ts';
import type { PlannedRelease, ReleasePlan } from '../plan/release-plan.ts';
import { tagFormat } from '../history/tag-format.ts';
import type { PluginName, ReleaseType, Version } from '../types.ts';
import { updatedRange } from '../versioning/dependency-range.ts';
import { nextVersion } from '../versioning/next-version.ts';
import { repositoryName, type RepositoryName } from './org-plan.ts';

export type VersionOverride = { repository: RepositoryName; plugin: PluginName } & ({ kind: 'set'; version: Version } | { kind: 'bump'; bump: ReleaseType });

export interface OrgOverrides {
  exclude: RepositoryName[];
  versions: VersionOverride[];
}

const BUMPS: readonly string[] = ['major', 'minor', 'patch'];

/** `owner/name:PLUGIN=VALUE` → its parts. Plugin names hold no ':' or '=' (npm, Maven, PyPI); repositories no ':'. */
export function parseVersionOverride(text: string, flag: '--set' | '--bump'): VersionOverride {
  const colon = text.indexOf(':');
  const equals = text.lastIndexOf('=');
  const example = flag === '--set' ? 'acme/plugin-s3:@acme/s3=1.4.0' : 'acme/plugin-s3:@acme/s3=major';
  if (colon <= 0 || equals <= colon + 1 || equals === text.length - 1) {
    throw new SlipwayError('USAGE', `"${text.slice(0, 120)}" is not owner/name:PLUGIN=${flag === '--set' ? 'VERSION' : 'BUMP'}`, { subject: flag, hint: `e.g. ${flag} ${example}` });
  }
  const repository = repositoryName(text.slice(0, colon), flag);
  const plugin = text.slice(colon + 1, equals).trim() as PluginName;
  const value = text.slice(equals + 1).trim();
  if (flag === '--bump') {
    if (!BUMPS.includes(value)) throw new SlipwayError('USAGE', `"${value}" is not a bump`, { subject: `${flag} ${repository}:${plugin}`, hint: 'use major, minor or patch' });
    return { repository, plugin, kind: 'bump', bump: value as ReleaseType };
  }
  const version = value.replace(/^v/, '');
  if (semver.valid(version) !== version) throw new SlipwayError('USAGE', `"${value}" is not a semver version`, { subject: `${flag} ${repository}:${plugin}`, hint: `e.g. ${flag} ${example}` });
  return { repository, plugin, kind: 'set', version: version as Version };
}

/** The overrides of one repository applied to its plan (a new plan, re-hashed). */
export function applyVersionOverrides(plan: ReleasePlan, overrides: readonly VersionOverride[]): ReleasePlan {
  if (overrides.length === 0) return plan;
  const releases = plan.releases.map((r) => ({ ...r, dependencyUpdates: r.dependencyUpdates.map((u) => ({ ...u })) }));
  const format = tagFormat(plan.tagFormat);
  for (const override of overrides) {
    const subject = `${override.kind === 'set' ? '--set' : '--bump'} ${override.repository}:${override.plugin}`;
    const release = releases.find((r) => r.name === override.plugin);
    if (!release) {
      throw new SlipwayError('USAGE', `${override.plugin} is not released by the plan of ${override.repository}`, {
        subject,
        hint: releases.length ? `its plan releases ${releases.map((r) => r.name).join(', ')}` : 'that repository releases nothing today',
      });
    }
    const to = override.kind === 'set' ? override.version : nextVersion({ current: release.from, bump: override.bump, prerelease: plan.prerelease ?? undefined });
    if (!release.firstRelease && !semver.gt(to, release.from)) {
      throw new SlipwayError('USAGE', `${to} is not above the last release ${release.from} of ${release.name}`, { subject, hint: `choose a version above ${release.from}` });
    }
    setVersion(releases, release, to, format.format(release.name, to));
    if (override.kind === 'bump') release.bump = override.bump;
  }
  const tags = new Set<string>();
  for (const r of releases) {
    if (tags.has(r.tag)) throw new SlipwayError('USAGE', `two releases of ${plan.baseSha.slice(0, 7)} would create the tag ${r.tag}`, { subject: r.name, hint: 'choose another version' });
    tags.add(r.tag);
  }
  const { hash: _old, ...content } = plan;
  return withHash({ ...content, releases });
}

/** The release's version, tag and changelog heading, and the ranges its planned dependents write. */
function setVersion(releases: PlannedRelease[], release: PlannedRelease, to: Version, tag: PlannedRelease['tag']): void {
  const previous = release.to;
  release.to = to;
  release.tag = tag;
  release.changelog = release.changelog.replace(`## ${previous} (`, `## ${to} (`);
  for (const dependent of releases) {
    for (const update of dependent.dependencyUpdates) {
      if (update.name !== release.name) continue;
      const next = updatedRange(update.from, to);
      dependent.changelog = dependent.changelog.replace(`* **${update.name}:** ${update.from} → ${update.to}`, `* **${update.name}:** ${update.from} → ${next}`);
      update.to = next;
    }
  }
}
