/**
 * The files a release writes — each plugin's manifest and changelog — and what they must hold
 * once written. Used twice: to write them (the manifest and changelog steps) and, before
 * anything is written, to tell an interrupted run's own edits from someone's uncommitted work.
 */
import { posix } from 'node:path';
import { updaterFor } from '../../adapters/ecosystems/registry.ts';
import type { PlannedRelease } from '../../core/plan/release-plan.ts';
import { prependChangelogSection } from '../../core/release/changelog-file.ts';
import type { Version } from '../../core/types.ts';

export const changelogPath = (release: Pick<PlannedRelease, 'path'>, changelogName: string) => posix.join(release.path || '.', changelogName);

/** The manifest text with the release's version and internal dependency ranges; the same text when already applied. */
export function bumpedManifest(release: PlannedRelease, text: string): string {
  const dependencies = Object.fromEntries(release.dependencyUpdates.map((u) => [u.name, u.to]));
  return updaterFor(release.ecosystem).update(text, { version: release.to, dependencies }, release.manifestFile);
}

/** A lockstep module's manifest with its reference to the unit's version rewritten (Maven `<parent><version>`). */
export function bumpedVersionFile(release: PlannedRelease, text: string, file: string, version: Version = release.to): string {
  return updaterFor(release.ecosystem).update(text, { parentVersion: version }, file);
}

/** The next SNAPSHOT written after the tag into the unit's manifest and version files. */
export function snapshotManifest(release: PlannedRelease & { nextSnapshot: Version }, text: string, file: string): string {
  return file === release.manifestFile
    ? updaterFor(release.ecosystem).update(text, { version: release.nextSnapshot }, file)
    : bumpedVersionFile(release, text, file, release.nextSnapshot);
}

export function changelogWithSection(release: PlannedRelease, text: string | undefined): { text: string; changed: boolean } {
  return prependChangelogSection(text, release.changelog, release.to);
}

export type PlannedFileKind = 'manifest' | 'version-file' | 'changelog';
export interface PlannedWrite {
  release: PlannedRelease;
  kind: PlannedFileKind;
}

/** path → the releases writing it, in plan order (several plugins may share one manifest). */
export function plannedFiles(releases: readonly PlannedRelease[], changelogName: string): Map<string, PlannedWrite[]> {
  const files = new Map<string, PlannedWrite[]>();
  const add = (path: string, release: PlannedRelease, kind: PlannedFileKind) => files.set(path, [...(files.get(path) ?? []), { release, kind }]);
  for (const release of releases) {
    add(release.manifestFile, release, 'manifest');
    for (const file of release.versionFiles ?? []) add(file, release, 'version-file');
    add(changelogPath(release, changelogName), release, 'changelog');
  }
  return files;
}

/** What a planned file holds after the release, from what it holds at the base (undefined: absent). */
export function releasedContent(path: string, writers: readonly PlannedWrite[], base: string | undefined): string | undefined {
  let text = base;
  for (const { release, kind } of writers) {
    if (kind === 'changelog') text = changelogWithSection(release, text).text;
    else if (text === undefined) continue;
    else if (kind === 'version-file') text = bumpedVersionFile(release, text, path);
    else text = bumpedManifest(release, text);
  }
  return text;
}
