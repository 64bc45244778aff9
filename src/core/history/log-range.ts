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
import type { Sha, TagName } from '../types.ts';
import type { CommitIndex } from './commit-index.ts';
import type { TagFormat } from './tag-format.ts';

export interface ListedTag {
  name: TagName;
  commit: Sha;
  /**
   * When the tag was made, seconds since the epoch: an annotated tag's tagger date, a
   * lightweight tag's commit date. Only to order guesses (git reads it without parsing the
   * tagged commits: a third of `for-each-ref`'s time on 2,400 annotated tags).
   */
  madeAt: number;
}

export interface DatedTag extends ListedTag {
  /** Whether the tagged commit is an ancestor of (or is) the planned head. */
  reachable: boolean;
}

/** undefined = the whole history. */
export type LogStart = Sha | undefined;

/**
 * The guess from tags alone: the newest tag of every name the format reads (of the reachable
 * ones, when reachability is known), and the oldest of those by when it was made. Tags of plugins
 * that no longer exist only make the guess earlier, which is safe; a wrong order, or a tag on
 * another branch, is caught by `logCovers`. The planner guesses before it knows reachability
 * (a walk of the whole history), so that the log starts at once.
 */
export function guessLogStart(tags: ReadonlyArray<ListedTag & { reachable?: boolean }>, formats: readonly TagFormat[]): LogStart {
  for (const format of formats) {
    const newest = new Map<string, { version: semver.SemVer; tag: ListedTag }>();
    for (const tag of tags) {
      if (tag.reachable === false) continue;
      const parsed = format.parse(tag.name);
      // Parsed once and compared as parsed: this runs before the log starts, on every tag.
      const version = parsed ? semver.parse(parsed.version) : null;
      if (!parsed || version?.version !== parsed.version) continue;
      const key = parsed.name ?? '';
      const current = newest.get(key);
      if (!current || version.compare(current.version) > 0) newest.set(key, { version, tag });
    }
    let oldest: ListedTag | undefined;
    for (const { tag } of newest.values()) if (!oldest || tag.madeAt < oldest.madeAt) oldest = tag;
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
export function logCovers(log: CommitIndex, used: LogStart, releaseCommits: Iterable<Sha | undefined>): boolean {
  if (used === undefined) return true;
  const { first, list } = log.parentPositions();
  // Memoised per position: does `used` lie below this commit? `used` is outside the log, so it
  // is only ever seen as a parent. Iterative, so a long history cannot overflow the stack.
  const state = new Uint8Array(log.commits.length);
  log.commits.forEach((commit, i) => {
    if (commit.parents.includes(used)) state[i] = REACHES;
  });
  const reachesUsed = (start: number): boolean => {
    const stack = [start];
    for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
      if (state[top] !== UNKNOWN) {
        stack.pop();
        continue;
      }
      const from = first[top] ?? 0;
      const to = first[top + 1] ?? from;
      let reaches = false;
      for (let k = from; k < to && !reaches; k++) reaches = state[list[k] ?? -1] === REACHES;
      if (reaches) {
        state[top] = REACHES;
        continue;
      }
      // Parents outside the log (-1) are below the boundary and not `used` itself: they never reach it.
      const before = stack.length;
      for (let k = from; k < to; k++) {
        const parent = list[k] ?? -1;
        if (parent >= 0 && state[parent] === UNKNOWN) stack.push(parent);
      }
      if (stack.length === before) state[top] = DOES_NOT;
    }
    return state[start] === REACHES;
  };
  for (const release of releaseCommits) {
    if (release === undefined) return false;
    if (release === used) continue;
    const position = log.positionOf(release);
    if (position === undefined || !reachesUsed(position)) return false;
  }
  return true;
}

const UNKNOWN = 0;
const REACHES = 1;
const DOES_NOT = 2;

/** The distinct release commits, or undefined when a plugin was never released (the whole history is needed). */
export function releaseCommitsOrAll(releaseCommits: Iterable<Sha | undefined>): Sha[] | undefined {
  const distinct = new Set<Sha>();
  for (const commit of releaseCommits) {
    if (commit === undefined) return undefined;
    distinct.add(commit);
  }
  return [...distinct];
}
