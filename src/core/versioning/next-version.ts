/**
 * The next version from the current one and a bump, with semver's rules plus two of ours:
 * a breaking change while 0.x bumps the minor (0.x promises no stability, SemVer §4), and
 * prerelease channels (`next` → 1.3.0-next.0, then 1.3.0-next.1, …).
 */
import semver from 'semver';
import type { ReleaseType, Version } from '../types.ts';

export interface NextVersionInput {
  /** The plugin's last released version (a tag, or the manifest when there is no tag). */
  current: Version;
  bump: ReleaseType;
  /** Prerelease channel identifier, e.g. `next`; absent for a stable release. */
  prerelease?: string | undefined;
}

/** The bump actually applied: breaking changes in 0.x move the minor. */
export function effectiveBump(current: Version, bump: ReleaseType): ReleaseType {
  return bump === 'major' && semver.major(current) === 0 ? 'minor' : bump;
}

export function nextVersion({ current, bump, prerelease }: NextVersionInput): Version {
  const applied = effectiveBump(current, bump);
  const currentPre = semver.prerelease(current);
  // The release the current prerelease is heading to (1.3.0-next.2 → 1.3.0).
  const base = `${semver.major(current)}.${semver.minor(current)}.${semver.patch(current)}`;

  if (currentPre) {
    // From a prerelease, the stable release it leads to already includes every earlier bump:
    // only a larger bump than the one that opened the prerelease moves the base.
    const lastStable = previousStableFloor(current);
    const target = semver.inc(lastStable, effectiveBump(lastStable as Version, bump))!;
    const keepBase = semver.gte(base, target);
    if (!prerelease) return (keepBase ? base : target) as Version;
    if (keepBase) return semver.inc(current, 'prerelease', prerelease)! as Version;
    return `${target}-${prerelease}.0` as Version;
  }
  if (!prerelease) return semver.inc(current, applied)! as Version;
  return `${semver.inc(current, applied)!}-${prerelease}.0` as Version;
}

/**
 * The smallest stable version a prerelease could have been opened from: 1.3.0-x → 1.2.0 (a
 * minor), 2.0.0-x → 1.0.0… we only need it to compare bumps, so the floor of its base is
 * enough: patch>0 → patch-1; else minor>0 → minor-1; else major-1.
 */
function previousStableFloor(prerelease: string): string {
  const major = semver.major(prerelease);
  const minor = semver.minor(prerelease);
  const patch = semver.patch(prerelease);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.0`;
  return major > 0 ? `${major - 1}.0.0` : '0.0.0';
}
