/**
 * Where the fleet's single `git log` starts. The exact start — the oldest of the plugins' last
 * release commits — needs the fleet's manifests, which take a while to read on a large fleet.
 * So the log starts from a *guess* made from the tags alone, while the manifests are read, and
 * the guess is checked afterwards: a log that starts earlier than needed is still correct (it
 * only holds more commits), and one that starts too late is read again.
 */
import semver from 'semver';
import type { Plugin, PluginName, RawCommit, Sha, TagName } from '../types.ts';
import { isValidVersion, type TagFormat } from './tag-format.ts';

export interface DatedTag {
  name: TagName;
  commit: Sha;
  /** Committer time of the tagged commit, seconds since the epoch. */
  commitTime: number;
}

/** undefined = the whole history. */
export type LogStart = Sha | undefined;

function oldest(commits: Iterable<Sha>, tags: readonly DatedTag[]): LogStart {
  const timeOf = new Map<Sha, number>(tags.map((tag) => [tag.commit, tag.commitTime]));
  let result: Sha | undefined;
  for (const commit of commits) {
    if (result === undefined || (timeOf.get(commit) ?? 0) < (timeOf.get(result) ?? 0)) result = commit;
  }
  return result;
}

/** The exact start: every plugin released → the oldest last release; any plugin never released → everything. */
export function logStart(plugins: readonly Plugin[], releaseCommit: ReadonlyMap<PluginName, Sha>, tags: readonly DatedTag[]): LogStart {
  if (releaseCommit.size < plugins.length) return undefined;
  return oldest(releaseCommit.values(), tags);
}

/**
 * The guess from tags alone: the newest tag of every name the format reads, and the oldest of
 * those. Tags of plugins that no longer exist only make the guess earlier, which is safe.
 */
export function guessLogStart(tags: readonly DatedTag[], formats: readonly TagFormat[]): LogStart {
  for (const format of formats) {
    const newest = new Map<string, { version: string; commit: Sha }>();
    for (const tag of tags) {
      const parsed = format.parse(tag.name);
      if (!parsed || !isValidVersion(parsed.version)) continue;
      const key = parsed.name ?? '';
      const current = newest.get(key);
      if (!current || semver.gt(parsed.version, current.version)) newest.set(key, { version: parsed.version, commit: tag.commit });
    }
    if (newest.size) return oldest([...newest.values()].map((entry) => entry.commit), tags);
  }
  return undefined;
}

/**
 * Whether a log read from `used` holds every commit a log from `needed` would: true when it
 * read everything, started at the same commit, or `used` is an ancestor of `needed` (checked
 * inside the commits read, which hold `needed` and its ancestors down to `used`).
 */
export function logCovers(commits: readonly RawCommit[], used: LogStart, needed: LogStart): boolean {
  if (used === undefined || used === needed) return true;
  if (needed === undefined) return false;
  const bySha = new Map<Sha, RawCommit>(commits.map((commit) => [commit.sha, commit]));
  const stack: Sha[] = [needed];
  const seen = new Set<Sha>();
  while (stack.length) {
    const sha = stack.pop()!;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const commit = bySha.get(sha);
    if (!commit) continue;
    for (const parent of commit.parents) {
      if (parent === used) return true;
      stack.push(parent);
    }
  }
  return false;
}
