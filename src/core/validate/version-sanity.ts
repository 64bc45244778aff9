/**
 * Is a planned version sane against the tags that exist now? A plan can be made days before it
 * ships, by an older slipway, or edited by hand, so these are checked again from the tags:
 *  - the next version is strictly greater than the last release;
 *  - its tag does not exist yet;
 *  - breaking changes move the major (the minor while 0.x, SemVer §4) and features at least the minor.
 */
import semver from 'semver';
import type { ReleaseHistory } from '../history/last-release.ts';
import type { PlannedRelease } from '../plan/release-plan.ts';
import type { Version } from '../types.ts';
import { effectiveBump } from '../versioning/next-version.ts';
import type { Finding } from './finding.ts';

export interface VersionCheckInput {
  release: PlannedRelease;
  history: ReleaseHistory | undefined;
  /** Every tag in the repository, name → the commit it points at. */
  tags: ReadonlyMap<string, string>;
  /** The version in the manifest now, and where it is written. */
  manifestVersion: string;
  versionAt: { file: string; line?: number | undefined };
}

export function checkPlannedVersion(input: VersionCheckInput): Finding[] {
  const { release, history, versionAt } = input;
  const where = { file: versionAt.file, ...(versionAt.line ? { line: versionAt.line } : {}) };
  const error = (message: string): Finding => ({ check: 'version', severity: 'error', message, ...where });
  const findings: Finding[] = [];

  if (semver.valid(release.to) !== release.to) return [error(`next version "${release.to}" is not a semver version`)];

  const last = history?.last;
  if (last && !semver.gt(release.to, last.version)) {
    findings.push(error(`next version ${release.to} is not greater than the last release ${last.version} (tag ${last.tag}); re-plan from the current tags`));
  }
  const taken = input.tags.get(release.tag);
  if (taken !== undefined) {
    findings.push(error(`tag ${release.tag} already exists (on commit ${taken.slice(0, 7)}); version ${release.to} was released already — re-plan, or delete the tag if it was made by mistake`));
  }

  const floor = lastStable(history);
  if (floor) {
    const breaking = release.commits.filter((c) => c.breaking);
    const features = release.commits.filter((c) => c.type === 'feat');
    const needed = breaking.length ? effectiveBump(floor, 'major') : features.length ? 'minor' : undefined;
    if (needed && !reaches(floor, release.to, needed)) {
      const why = breaking.length
        ? `${breaking.length} breaking change${breaking.length === 1 ? '' : 's'} (${breaking.map((c) => c.sha.slice(0, 7)).join(', ')})`
        : `${features.length} feature${features.length === 1 ? '' : 's'}`;
      const rule = needed === 'major' ? 'a major release' : semver.major(floor) === 0 && breaking.length ? 'a minor release (breaking changes in 0.x move the minor)' : 'a minor release';
      const count = breaking.length || features.length;
      findings.push(error(`${why} need${count === 1 ? 's' : ''} ${rule} after ${floor}, but the next version is ${release.to}`));
    }
  }

  // The SNAPSHOT cycle keeps the next development version in the manifest between releases.
  if (last && input.manifestVersion !== last.version && release.nextSnapshot === undefined) {
    findings.push({
      check: 'version',
      severity: 'warning',
      message: `the manifest says ${input.manifestVersion} but the last release is ${last.version} (tag ${last.tag}); the release writes ${release.to} — versions come from tags, so leave the manifest version to slipway`,
      ...where,
    });
  }
  return findings;
}

/** The newest stable release: the floor a breaking change or a feature must move away from. */
function lastStable(history: ReleaseHistory | undefined): Version | undefined {
  return history?.versions.find((v) => semver.prerelease(v) === null);
}

/** Whether `to` (ignoring its prerelease part) moved at least `bump` away from `from`. */
function reaches(from: Version, to: string, bump: 'major' | 'minor' | 'patch'): boolean {
  const target = semver.inc(from, bump)!;
  const base = `${semver.major(to)}.${semver.minor(to)}.${semver.patch(to)}`;
  return semver.gte(base, target);
}
