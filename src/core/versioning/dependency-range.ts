/**
 * The range a dependent writes for a newly released internal dependency: keep the author's
 * operator (^, ~, >=, =, or exact) and move it to the new version; leave `workspace:` and
 * `*` ranges alone (the package manager resolves those); a complex range that the new
 * version still satisfies is kept, otherwise it becomes `^<version>`.
 */
import semver from 'semver';

export function updatedRange(range: string, version: string): string {
  const trimmed = range.trim();
  if (trimmed.startsWith('workspace:') || trimmed === '*' || trimmed === '' || trimmed === 'latest') return range;
  const simple = /^(\^|~|>=|=|v)?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(trimmed);
  if (simple) return `${simple[1] ?? ''}${version}`;
  return semver.satisfies(version, trimmed, { includePrerelease: true }) ? range : `^${version}`;
}

/**
 * Whether a range accepts a version; undefined when the range is not a semver range slipway can
 * judge (`workspace:`, `file:`, `npm:` aliases, git URLs, PEP 440 or Maven ranges).
 */
export function acceptsVersion(range: string, version: string): boolean | undefined {
  const trimmed = range.trim();
  if (trimmed.startsWith('workspace:') || trimmed === '*' || trimmed === '' || trimmed === 'latest') return true;
  if (semver.validRange(trimmed) === null) return undefined;
  return semver.satisfies(version, trimmed, { includePrerelease: true });
}

/**
 * Whether moving a peer range to `version` breaks the dependent's consumers: the old range
 * rejects the version and the version is in a new major (a new minor in 0.x, as `^` reads it),
 * so a consumer that satisfied the old peer range no longer does.
 */
export function peerCrossesMajor(range: string, version: string): boolean {
  if (acceptsVersion(range, version) !== false) return false;
  const floor = semver.minVersion(range.trim());
  if (!floor) return false;
  const next = semver.parse(version);
  if (!next) return false;
  return next.major !== floor.major || (next.major === 0 && next.minor !== floor.minor);
}
