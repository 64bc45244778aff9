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
