/**
 * From the releases found in a window to the digest: plain data, one entry per release,
 * grouped by what kind of news it is, with per-type counts and the headline numbers. Every
 * renderer (Markdown, Slack, Notion) reads only this.
 */
import { canonicalJson } from '../plan/plan-hash.ts';
import { bumpKind, RELEASE_KINDS, releaseKind, typeCounts, type BumpKind, type ReleaseKind, type ShippedRelease, type TypeCounts } from './release.ts';
import { isInWindow, isoWeek, type DigestWindow } from './window.ts';
import semver from 'semver';

export interface DigestEntry extends ShippedRelease {
  /** `plugin@version`: the entry's identity (the Notion key). */
  key: string;
  bump: BumpKind;
  kind: ReleaseKind;
  counts: TypeCounts;
}

export interface DigestGroup {
  kind: ReleaseKind;
  title: string;
  entries: DigestEntry[];
}

export interface Headline {
  releases: number;
  plugins: number;
  /** Releases per group. */
  byKind: Record<ReleaseKind, number>;
  /** Changes across every release, by type. */
  changes: TypeCounts;
}

export interface Digest {
  window: DigestWindow;
  /** ISO week of the window's last day (`2025-W10`). */
  week: string;
  entries: DigestEntry[];
  /** The four groups in reading order, empty ones included (renderers skip them). */
  groups: DigestGroup[];
  headline: Headline;
}

export const GROUP_TITLES: Record<ReleaseKind, string> = {
  breaking: 'Breaking changes',
  features: 'Features',
  fixes: 'Bug fixes',
  'version-bump': 'Dependency and version bumps',
};

export function composeDigest(window: DigestWindow, releases: readonly ShippedRelease[]): Digest {
  const unique = new Map<string, DigestEntry>();
  for (const release of releases) {
    if (!isInWindow(window, release.releasedAt)) continue;
    const key = `${release.plugin}@${release.version}`;
    unique.set(key, {
      ...release,
      key,
      bump: bumpKind(release.previous, release.version),
      kind: releaseKind(release),
      counts: typeCounts(release.notes),
    });
  }
  const entries = [...unique.values()].sort(
    (a, b) =>
      RELEASE_KINDS.indexOf(a.kind) - RELEASE_KINDS.indexOf(b.kind) ||
      a.plugin.localeCompare(b.plugin) ||
      semver.compare(a.version, b.version),
  );
  const groups = RELEASE_KINDS.map((kind) => ({ kind, title: GROUP_TITLES[kind], entries: entries.filter((entry) => entry.kind === kind) }));
  const changes: TypeCounts = { breaking: 0, features: 0, fixes: 0, dependencies: 0, other: 0 };
  for (const entry of entries) for (const type of Object.keys(changes) as (keyof TypeCounts)[]) changes[type] += entry.counts[type];
  return {
    window,
    week: isoWeek(window),
    entries,
    groups,
    headline: {
      releases: entries.length,
      plugins: new Set(entries.map((entry) => entry.plugin)).size,
      byKind: Object.fromEntries(groups.map((group) => [group.kind, group.entries.length])) as Record<ReleaseKind, number>,
      changes,
    },
  };
}

/** A stable fingerprint of what one entry shows: a rerun rewrites a Notion page only when it changed. */
export function entryFingerprint(entry: DigestEntry, week: string): string {
  return canonicalJson({ entry, week });
}

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "1 breaking · 2 features · 1 fix": the changes of a release (or of the week), zero types left out. */
export function describeCounts(counts: TypeCounts): string {
  const parts = [
    counts.breaking ? `${counts.breaking} breaking` : '',
    counts.features ? plural(counts.features, 'feature') : '',
    counts.fixes ? plural(counts.fixes, 'fix', 'fixes') : '',
    counts.dependencies ? plural(counts.dependencies, 'dependency update') : '',
    counts.other ? plural(counts.other, 'other change') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no notes';
}

/** The headline as one sentence: "5 releases of 4 plugins: 1 breaking, 2 with features, …". */
export function describeHeadline(headline: Headline): string {
  if (headline.releases === 0) return 'No releases in this window.';
  const kinds = [
    headline.byKind.breaking ? `${headline.byKind.breaking} breaking` : '',
    headline.byKind.features ? `${headline.byKind.features} with new features` : '',
    headline.byKind.fixes ? `${headline.byKind.fixes} with bug fixes` : '',
    headline.byKind['version-bump'] ? plural(headline.byKind['version-bump'], 'version bump') : '',
  ].filter(Boolean);
  return `${plural(headline.releases, 'release')} of ${plural(headline.plugins, 'plugin')}: ${kinds.join(', ')}.`;
}
