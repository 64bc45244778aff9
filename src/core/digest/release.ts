/**
 * One shipped release as the digest sees it, wherever it was read from (a monorepo tag and
 * its changelog section, or a GitHub Release), and what kind of news it is.
 */
import semver from 'semver';
import type { ReleaseNotes } from './release-notes.ts';

export interface ShippedRelease {
  /** The plugin: its package name in a monorepo, its repository name in org mode. */
  plugin: string;
  version: string;
  /** The plugin's release before this one; null for its first release. */
  previous: string | null;
  tag: string;
  /** When it was released (tag creation or GitHub Release publication), ISO 8601. */
  releasedAt: string;
  /** The GitHub Release (or tag) page, when known. */
  url: string | null;
  /** Null when no changelog section / release body was found: the entry says so. */
  notes: ReleaseNotes | null;
}

/** How the version moved: semver's difference, with every pre* folded into `prerelease`. */
export type BumpKind = 'major' | 'minor' | 'patch' | 'prerelease' | 'initial';

/** The group a release is listed under: its most significant change. */
export type ReleaseKind = 'breaking' | 'features' | 'fixes' | 'version-bump';

export const RELEASE_KINDS: readonly ReleaseKind[] = ['breaking', 'features', 'fixes', 'version-bump'];

export interface TypeCounts {
  breaking: number;
  features: number;
  /** Bug fixes, performance improvements and reverts. */
  fixes: number;
  dependencies: number;
  other: number;
}

export function bumpKind(previous: string | null, version: string): BumpKind {
  if (previous === null) return 'initial';
  if (semver.prerelease(version)) return 'prerelease';
  const diff = semver.diff(previous, version);
  if (diff === 'major' || diff === 'premajor') return 'major';
  if (diff === 'minor' || diff === 'preminor') return 'minor';
  return 'patch';
}

export function typeCounts(notes: ReleaseNotes | null): TypeCounts {
  if (!notes) return { breaking: 0, features: 0, fixes: 0, dependencies: 0, other: 0 };
  return {
    breaking: notes.breaking.length,
    features: notes.features.length,
    fixes: notes.fixes.length + notes.performance.length + notes.reverts.length,
    dependencies: notes.dependencies.length,
    other: notes.other.length,
  };
}

/**
 * Breaking when the notes say so, or when a stable major moved (semver says a major release
 * is breaking, so a release with no readable notes is still classed right). A release whose
 * changes are only dependency updates (or other, non-user-facing changes) is a version bump.
 */
export function releaseKind(release: Pick<ShippedRelease, 'previous' | 'version' | 'notes'>): ReleaseKind {
  const counts = typeCounts(release.notes);
  const stableMajor = release.previous !== null && semver.major(release.previous) >= 1 && bumpKind(release.previous, release.version) === 'major';
  if (counts.breaking > 0 || stableMajor) return 'breaking';
  if (counts.features > 0) return 'features';
  if (counts.fixes > 0) return 'fixes';
  return 'version-bump';
}

/**
 * The version a release tag names: `v1.2.0`, `1.2.0`, `name@1.2.0` or `name-v1.2.0`
 * (release-please's component tags); undefined when the tag holds no semver version.
 */
export function versionFromTag(tag: string): string | undefined {
  const candidates = [tag, tag.slice(tag.lastIndexOf('@') + 1), /(?:^|[-_/])v?(\d+\.\d+\.\d+\S*)$/.exec(tag)?.[1] ?? ''];
  for (const candidate of candidates) {
    const version = semver.valid(candidate.replace(/^v/, ''));
    if (version) return version;
  }
  return undefined;
}
