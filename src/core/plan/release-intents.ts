/**
 * Release intents besides commits: pending changesets (`.changeset/*.md`, what changesets users
 * write per pull request) and version groups (changesets' `fixed` and `linked`). Pure: the plan
 * job reads the files (adapters/changesets) and hands the parsed data here.
 *
 *  - A plugin's bump is the highest of its commits' and its changesets' bumps.
 *  - A fixed group releases together: when any member releases, every member does, all with
 *    the group's highest bump, from the highest current version among them, to one version.
 *  - A linked group aligns only the members that release: the group's highest bump, from the
 *    highest current version in the group (as changesets' assemble-release-plan does).
 */
import semver from 'semver';
import type { PluginName, Version } from '../types.ts';
import { maxBump, type Bump } from '../versioning/bump.ts';

export type ChangesetBump = 'major' | 'minor' | 'patch' | 'none';

export interface Changeset {
  /** The file, repository-relative (`.changeset/brave-cats-dance.md`). */
  file: string;
  releases: ReadonlyArray<{ name: string; type: ChangesetBump }>;
  summary: string;
}

export interface VersionGroups {
  /** Each group: plugin names (globs resolved already). */
  fixed: readonly (readonly PluginName[])[];
  linked: readonly (readonly PluginName[])[];
}

export interface ReleaseIntents {
  changesets: readonly Changeset[];
  groups: VersionGroups;
}

/** A note for a plugin's changelog: a changeset's summary and the bump it asked for. */
export interface ChangesetNote {
  bump: Exclude<ChangesetBump, 'none'>;
  summary: string;
}

/** Each plugin's bump from its changesets, and the notes for its changelog (in file order). */
export function changesetBumps(changesets: readonly Changeset[]): Map<PluginName, { bump: Bump; notes: ChangesetNote[] }> {
  const byPlugin = new Map<PluginName, { bump: Bump; notes: ChangesetNote[] }>();
  for (const changeset of [...changesets].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    for (const release of changeset.releases) {
      const entry = byPlugin.get(release.name as PluginName) ?? { bump: 'none' as Bump, notes: [] };
      entry.bump = maxBump(entry.bump, release.type);
      if (release.type !== 'none' && changeset.summary.trim()) entry.notes.push({ bump: release.type, summary: changeset.summary.trim() });
      byPlugin.set(release.name as PluginName, entry);
    }
  }
  return byPlugin;
}

export interface GroupMember {
  name: PluginName;
  current: Version;
  bump: Bump;
}

/**
 * Applies the groups to the members' bumps (in place) and returns, for each member whose
 * version the group decides, the version its next version is computed from.
 */
export function applyVersionGroups(members: ReadonlyMap<PluginName, GroupMember>, groups: VersionGroups): Map<PluginName, Version> {
  const base = new Map<PluginName, Version>();
  const apply = (group: readonly PluginName[], all: boolean) => {
    const inGroup = group.map((name) => members.get(name)).filter((m): m is GroupMember => m !== undefined);
    const releasing = inGroup.filter((m) => m.bump !== 'none');
    if (releasing.length === 0) return;
    const bump = releasing.reduce<Bump>((b, m) => maxBump(b, m.bump), 'none');
    const highest = inGroup.reduce((v, m) => (semver.gt(m.current, v) ? m.current : v), inGroup[0]!.current);
    for (const member of all ? inGroup : releasing) {
      member.bump = bump;
      base.set(member.name, highest);
    }
  };
  for (const group of groups.fixed) apply(group, true);
  for (const group of groups.linked) apply(group, false);
  return base;
}
