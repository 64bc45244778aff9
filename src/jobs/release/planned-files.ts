/**
 * The files a release writes — each plugin's manifest and changelog — and what they must hold
 * once written. Used twice: to write them (the manifest and changelog steps) and, before
 * anything is written, to tell an interrupted run's own edits from someone's uncommitted work.
 */
import { posix } from 'node:path';
import { updaterFor } from '../../adapters/ecosystems/registry.ts';
import type { PlannedRelease, ReleasePlan } from '../../core/plan/release-plan.ts';
import { prependChangelogSection } from '../../core/release/changelog-file.ts';
import type { Version } from '../../core/types.ts';

export const changelogPath = (release: Pick<PlannedRelease, 'path'>, changelogName: string) => posix.join(release.path || '.', changelogName);

/** What writes a manifest: a release (its version and ranges), or a range update of a plugin that is not released. */
export type ManifestWrite = Pick<PlannedRelease, 'name' | 'ecosystem' | 'manifestFile' | 'dependencyUpdates'> & Partial<Pick<PlannedRelease, 'to' | 'from' | 'versionFiles'>>;

/** The manifest text with the release's version and internal dependency ranges; the same text when already applied. */
export function bumpedManifest(write: ManifestWrite, text: string): string {
  const dependencies = write.dependencyUpdates.map((u) => ({ name: u.name, kind: u.kind, range: u.to }));
  return updaterFor(write.ecosystem).update(text, { ...(write.to === undefined ? {} : { version: write.to }), dependencies }, write.manifestFile);
}

/** A lockstep module's manifest with its reference to the unit's version rewritten (Maven `<parent><version>`). */
export function bumpedVersionFile(release: Pick<PlannedRelease, 'ecosystem' | 'to'>, text: string, file: string, version: Version = release.to): string {
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

/** What writes a planned file: a release's or a range update's manifest, a lockstep module's version reference, a changelog. */
export type PlannedWrite =
  | { kind: 'manifest'; release: ManifestWrite }
  | { kind: 'version-file'; release: PlannedRelease }
  | { kind: 'changelog'; release: PlannedRelease };
export type PlannedFileKind = PlannedWrite['kind'];

/** path → the releases (then the range updates) writing it, in plan order (several plugins may share one manifest). */
export function plannedFiles(plan: Pick<ReleasePlan, 'releases' | 'rangeUpdates'>, changelogName: string): Map<string, PlannedWrite[]> {
  const files = new Map<string, PlannedWrite[]>();
  const add = (path: string, writer: PlannedWrite) => files.set(path, [...(files.get(path) ?? []), writer]);
  for (const release of plan.releases) {
    add(release.manifestFile, { kind: 'manifest', release });
    for (const file of release.versionFiles ?? []) add(file, { kind: 'version-file', release });
    add(changelogPath(release, changelogName), { kind: 'changelog', release });
  }
  for (const update of plan.rangeUpdates) add(update.manifestFile, { kind: 'manifest', release: update });
  return files;
}

/** What a planned file holds after the release, from what it holds at the base (undefined: absent). */
export function releasedContent(path: string, writers: readonly PlannedWrite[], base: string | undefined): string | undefined {
  let text = base;
  for (const writer of writers) {
    if (writer.kind === 'changelog') text = changelogWithSection(writer.release, text).text;
    else if (text === undefined) continue;
    else if (writer.kind === 'version-file') text = bumpedVersionFile(writer.release, text, path);
    else text = bumpedManifest(writer.release, text);
  }
  return text;
}
