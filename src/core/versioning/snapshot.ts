/**
 * The JVM SNAPSHOT cycle (Kestra's plugins, the Maven release plugin): between releases the
 * build says `1.9.8-SNAPSHOT`; the release commits `1.9.8` and tags it, then commits
 * `1.9.9-SNAPSHOT`. A SNAPSHOT the maintainers raised (`1.15.0-SNAPSHOT` after 1.14.2) is a
 * floor: the next release is at least that.
 */
import semver from 'semver';
import type { Version } from '../types.ts';

export const SNAPSHOT_SUFFIX = '-SNAPSHOT';

/** The development version committed after releasing `version`: 1.9.8 → 1.9.9-SNAPSHOT. */
export function nextSnapshot(version: Version): Version {
  const base = `${semver.major(version)}.${semver.minor(version)}.${semver.patch(version)}`;
  return `${semver.inc(base, 'patch')!}${SNAPSHOT_SUFFIX}` as Version;
}

/** The higher of the computed next version and a committed floor; a floor at or below the last release is stale and ignored. */
export function withFloor(next: Version, floor: Version | undefined, last: Version | undefined): Version {
  if (floor === undefined) return next;
  if (last !== undefined && semver.lte(floor, last)) return next;
  return semver.gt(floor, next) ? floor : next;
}
