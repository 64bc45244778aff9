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
import type { PathRouter } from './route-commits.ts';

export interface HistoryInput {
  /** Commits newest first, in topological order. */
  commits: readonly RawCommit[];
  router: PathRouter;
  /** Each plugin's last release commit; absent → never released, every commit counts. */
  releaseCommit: ReadonlyMap<PluginName, Sha>;
  plugins: readonly PluginName[];
}

/** Each plugin's unreleased commits, newest first. */
export function unreleasedCommits(input: HistoryInput): Map<PluginName, RawCommit[]> {
  const { commits, router, releaseCommit } = input;
  const index = new Map<Sha, number>();
  let linear = true;
  commits.forEach((commit, i) => {
    index.set(commit.sha, i);
    if (commit.parents.length > 1) linear = false;
  });

  // Which plugins each commit touches, computed once.
  const touching = new Map<PluginName, number[]>();
  commits.forEach((commit, i) => {
    const seen = new Set<PluginName>();
    for (const file of commit.files) {
      const plugin = router.pluginFor(file);
      if (plugin === undefined || seen.has(plugin)) continue;
      seen.add(plugin);
      const list = touching.get(plugin);
      if (list) list.push(i);
      else touching.set(plugin, [i]);
    }
  });

  const ancestorsCache = new Map<Sha, Set<number>>();
  const ancestorsOf = (sha: Sha): Set<number> => {
    let set = ancestorsCache.get(sha);
    if (set) return set;
    set = new Set<number>();
    const start = index.get(sha);
    const stack = start === undefined ? [] : [start];
    while (stack.length) {
      const i = stack.pop()!;
      if (set.has(i)) continue;
      set.add(i);
      for (const parent of commits[i]!.parents) {
        const p = index.get(parent);
        if (p !== undefined && !set.has(p)) stack.push(p);
      }
    }
    ancestorsCache.set(sha, set);
    return set;
  };

  const result = new Map<PluginName, RawCommit[]>();
  for (const plugin of input.plugins) {
    const indices = touching.get(plugin) ?? [];
    const release = releaseCommit.get(plugin);
    const releaseIndex = release === undefined ? undefined : index.get(release);
    let keep: (i: number) => boolean;
    if (releaseIndex === undefined) {
      // Never released, or released at (or before) the start of the range: all listed commits are newer.
      keep = () => true;
    } else if (linear) {
      keep = (i) => i < releaseIndex;
    } else {
      const ancestors = ancestorsOf(release!);
      keep = (i) => !ancestors.has(i);
    }
    result.set(plugin, indices.filter(keep).map((i) => commits[i]!));
  }
  return result;
}
