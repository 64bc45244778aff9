/**
 * The fleet log's commits, indexed as git streams them: each commit's position, whether any
 * merge is among them and, once the fleet is known, which commits touch each plugin. The plan
 * fills it while git is still writing, so little is left to do when the log ends (the planner's
 * speed bar is one `git log` pass).
 */
import type { PluginName, RawCommit, Sha } from '../types.ts';
import type { PathRouter } from './route-commits.ts';

export class CommitIndex {
  /** Newest first, in the order git listed them. */
  readonly commits: RawCommit[] = [];
  private readonly positions = new Map<Sha, number>();
  private merges = false;
  private router: PathRouter | undefined;
  private readonly touching = new Map<PluginName, number[]>();
  private parents: { size: number; first: Int32Array; list: Int32Array } | undefined;

  /** An index of commits already read; routed when `router` is given. */
  static of(commits: readonly RawCommit[], router?: PathRouter): CommitIndex {
    const index = new CommitIndex();
    if (router) index.route(router);
    for (const commit of commits) index.add(commit);
    return index;
  }

  add(commit: RawCommit): void {
    const position = this.commits.length;
    this.positions.set(commit.sha, position);
    this.commits.push(commit);
    if (commit.parents.length > 1) this.merges = true;
    if (this.router) this.routeOne(commit, position);
  }

  /** Routes the commits added so far, and every later one as it comes. Once: the fleet does not change mid-plan. */
  route(router: PathRouter): void {
    if (this.router) throw new Error('the commit index is already routed');
    this.router = router;
    this.commits.forEach((commit, position) => this.routeOne(commit, position));
  }

  get routed(): boolean {
    return this.router !== undefined;
  }

  positionOf(commit: Sha): number | undefined {
    return this.positions.get(commit);
  }

  /** No merge commit: list position alone orders ancestors (git lists children before parents). */
  get linear(): boolean {
    return !this.merges;
  }

  /**
   * Each commit's parents as positions (-1: outside the log), for walks that would otherwise
   * look SHAs up again and again: `list[first[i]] … list[first[i + 1] - 1]` are commit i's.
   * Built on first use, once every commit is in.
   */
  parentPositions(): { first: Int32Array; list: Int32Array } {
    if (this.parents?.size === this.commits.length) return this.parents;
    const first = new Int32Array(this.commits.length + 1);
    const list: number[] = [];
    this.commits.forEach((commit, i) => {
      first[i] = list.length;
      for (const parent of commit.parents) list.push(this.positions.get(parent) ?? -1);
    });
    first[this.commits.length] = list.length;
    this.parents = { size: this.commits.length, first, list: Int32Array.from(list) };
    return this.parents;
  }

  /** Positions of the commits touching `plugin`, in log order (newest first). */
  touchingPlugin(plugin: PluginName): readonly number[] {
    return this.touching.get(plugin) ?? [];
  }

  private routeOne(commit: RawCommit, position: number): void {
    const router = this.router;
    if (!router) return;
    for (const file of commit.files) {
      const plugin = router.pluginFor(file);
      if (plugin === undefined) continue;
      const list = this.touching.get(plugin);
      // A commit counts once per plugin, however many of its files it changed.
      if (!list) this.touching.set(plugin, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  }
}
