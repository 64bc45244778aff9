/**
 * Which commits the fleet's single `git log` must hold: every commit reachable from the
 * planned head that some plugin's last release does not already contain — HEAD minus the
 * commits that are ancestors of *every* last release. Reading `HEAD ^X` is exact when X is an
 * ancestor of (or equal to) every last release commit; X = the oldest release commit is the
 * common case (release commits on one line), and the merge base of all of them is the general
 * one (a hotfix released from a branch and merged back).
 *
 * The exact set needs the fleet's manifests (which plugins exist), which take a while to read
 * on a large fleet, so the log starts from a *guess* made from the tags alone while the
 * manifests are read, and the guess is checked afterwards against the commits it read: never
 * by timestamps, which a rebase or a wrong clock can order any way.
 */
import semver from 'semver';
import type { RawCommit, Sha, TagName } from '../types.ts';
import { isValidVersion, type TagFormat } from './tag-format.ts';

export interface DatedTag {
  name: TagName;
  commit: Sha;
  /** Committer time of the tagged commit, seconds since the epoch (only to order guesses). */
  commitTime: number;
  /** Whether the tagged commit is an ancestor of (or is) the planned head. */
  reachable: boolean;
}

/** undefined = the whole history. */
export type LogStart = Sha | undefined;

/**
 * The guess from tags alone: the newest reachable tag of every name the format reads, and the
 * oldest of those by commit time. Tags of plugins that no longer exist only make the guess
 * earlier, which is safe; a wrong order is caught by `logCovers`.
 */
export function guessLogStart(tags: readonly DatedTag[], formats: readonly TagFormat[]): LogStart {
  for (const format of formats) {
    const newest = new Map<string, { version: string; tag: DatedTag }>();
    for (const tag of tags) {
      if (!tag.reachable) continue;
      const parsed = format.parse(tag.name);
      if (!parsed || !isValidVersion(parsed.version)) continue;
      const key = parsed.name ?? '';
      const current = newest.get(key);
      if (!current || semver.gt(parsed.version, current.version)) newest.set(key, { version: parsed.version, tag });
    }
    let oldest: DatedTag | undefined;
    for (const { tag } of newest.values()) if (!oldest || tag.commitTime < oldest.commitTime) oldest = tag;
    if (oldest) return oldest.commit;
  }
  return undefined;
}

/**
 * Whether the log read as `HEAD ^used` holds every unreleased commit of every plugin, given
 * each plugin's last release commit (`undefined` for a plugin never released, which needs the
 * whole history). True when the log is the whole history, or when `used` is each release
 * commit or one of its ancestors — checked by walking the commits read, in which `used`
 * appears only as a parent at the boundary.
 */
export function logCovers(commits: readonly RawCommit[], used: LogStart, releaseCommits: Iterable<Sha | undefined>): boolean {
  if (used === undefined) return true;
  const bySha = new Map<Sha, RawCommit>(commits.map((commit) => [commit.sha, commit]));
  // Memoised: does `used` lie below this commit? Iterative, so a long history cannot overflow the stack.
  const reaches = new Map<Sha, boolean>();
  const reachesUsed = (start: Sha): boolean => {
    const stack: Sha[] = [start];
    while (stack.length) {
      const top = stack[stack.length - 1] as Sha;
      if (reaches.has(top)) {
        stack.pop();
        continue;
      }
      const commit = bySha.get(top);
      if (!commit) {
        // Outside the log: below the boundary. Only `used` itself counts as reaching it.
        reaches.set(top, top === used);
        stack.pop();
        continue;
      }
      const pending = commit.parents.filter((parent) => !reaches.has(parent));
      if (pending.length) {
        stack.push(...pending);
        continue;
      }
      reaches.set(top, commit.parents.some((parent) => reaches.get(parent) === true));
      stack.pop();
    }
    return reaches.get(start) === true;
  };
  for (const release of releaseCommits) {
    if (release === undefined) return false;
    if (release === used) continue;
    if (!bySha.has(release) || !reachesUsed(release)) return false;
  }
  return true;
}

/** The distinct release commits, or undefined when a plugin was never released (the whole history is needed). */
export function releaseCommitsOrAll(releaseCommits: Iterable<Sha | undefined>): Sha[] | undefined {
  const distinct = new Set<Sha>();
  for (const commit of releaseCommits) {
    if (commit === undefined) return undefined;
    distinct.add(commit);
  }
  return [...distinct];
}
