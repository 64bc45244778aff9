/**
 * Splits one pass of `git log` into each plugin's unreleased commits: those that touch the
 * plugin and are not ancestors of its last release tag.
 *
 * The log is in topological order (children before parents), so a commit listed before the
 * tag's commit can never be its ancestor. When the range has no merge commits, every commit
 * listed after the tag's commit is its ancestor and list position alone decides; with merges
 * we walk the tag commit's parents once per distinct tag commit (plugins released together
 * share one release commit, so this is one walk per release run, not per plugin).
 */
import type { PluginName, RawCommit, Sha } from '../types.ts';
import type { CommitIndex } from './commit-index.ts';

export interface HistoryInput {
  /** The log, routed to the fleet's plugins. */
  log: CommitIndex;
  /** Each plugin's last release commit; absent → never released, every commit counts. */
  releaseCommit: ReadonlyMap<PluginName, Sha>;
  plugins: readonly PluginName[];
}

/** Each plugin's unreleased commits, newest first. */
export function unreleasedCommits(input: HistoryInput): Map<PluginName, RawCommit[]> {
  const { log, releaseCommit } = input;
  if (!log.routed) throw new Error('unreleasedCommits needs a routed commit index');
  const { commits } = log;

  const ancestorsCache = new Map<Sha, Uint8Array>();
  const ancestorsOf = (release: Sha, start: number): Uint8Array => {
    let seen = ancestorsCache.get(release);
    if (seen) return seen;
    seen = new Uint8Array(commits.length);
    const { first, list } = log.parentPositions();
    const stack = [start];
    for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
      if (seen[i]) continue;
      seen[i] = 1;
      for (let k = first[i] ?? 0; k < (first[i + 1] ?? 0); k++) {
        const p = list[k] ?? -1;
        if (p >= 0 && !seen[p]) stack.push(p);
      }
    }
    ancestorsCache.set(release, seen);
    return seen;
  };

  const result = new Map<PluginName, RawCommit[]>();
  for (const plugin of input.plugins) {
    const release = releaseCommit.get(plugin);
    const releaseIndex = release === undefined ? undefined : log.positionOf(release);
    let keep: (i: number) => boolean;
    if (release === undefined || releaseIndex === undefined) {
      // Never released, or released at (or before) the start of the range: all listed commits are newer.
      keep = () => true;
    } else if (log.linear) {
      keep = (i) => i < releaseIndex;
    } else {
      const ancestors = ancestorsOf(release, releaseIndex);
      keep = (i) => ancestors[i] !== 1;
    }
    const kept: RawCommit[] = [];
    for (const i of log.touchingPlugin(plugin)) {
      const commit = commits[i];
      if (commit && keep(i)) kept.push(commit);
    }
    result.set(plugin, kept);
  }
  return result;
}
