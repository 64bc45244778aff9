import { describe, expect, it } from 'vitest';
import { CommitIndex } from '../../src/core/history/commit-index.ts';
import { pathRouter } from '../../src/core/history/route-commits.ts';
import { logCovers } from '../../src/core/history/log-range.ts';
import { pluginName, repoPath, sha, type RawCommit } from '../../src/core/types.ts';

const commit = (id: string, parents: string[], files: string[] = []): RawCommit => ({
  sha: sha(id),
  parents: parents.map(sha),
  date: '',
  author: '',
  message: '',
  files: files.map(repoPath),
});
const router = pathRouter([
  { name: pluginName('a'), path: repoPath('plugins/a') },
  { name: pluginName('b'), path: repoPath('plugins/b') },
]);
const log = [
  commit('c4', ['c3', 's1'], []),
  commit('s1', ['c2'], ['plugins/b/x.js', 'plugins/b/y.js']),
  commit('c3', ['c2'], ['plugins/a/1.js', 'README.md', 'plugins/a/2.js', 'plugins/b/z.js']),
  commit('c2', ['c1'], ['plugins/a/3.js']),
];

describe('the commit index the plan fills while git writes the log', () => {
  it('routes the same whether the fleet is known before, midway or after the commits arrive', () => {
    const routedFirst = CommitIndex.of(log, router);
    const midway = new CommitIndex();
    log.slice(0, 2).forEach((c) => midway.add(c));
    midway.route(router);
    log.slice(2).forEach((c) => midway.add(c));
    for (const index of [routedFirst, midway]) {
      expect(index.touchingPlugin(pluginName('a'))).toEqual([2, 3]);
      expect(index.touchingPlugin(pluginName('b'))).toEqual([1, 2]); // s1 once, though it changed two files
      expect(index.touchingPlugin(pluginName('c'))).toEqual([]);
      expect(index.linear).toBe(false);
    }
  });

  it('is routed once: a second fleet mid-plan is a bug, not a silent re-route', () => {
    const index = CommitIndex.of(log, router);
    expect(() => index.route(router)).toThrow(/already routed/);
  });

  it('knows each parent by position, and parents outside the log as -1', () => {
    const index = CommitIndex.of(log);
    const { first, list } = index.parentPositions();
    const parentsOf = (i: number) => [...list.slice(first[i], first[i + 1])];
    expect(parentsOf(0)).toEqual([2, 1]);
    expect(parentsOf(3)).toEqual([-1]); // c1 was not read
    index.add(commit('c1', [], []));
    expect([...index.parentPositions().list.slice(index.parentPositions().first[3], index.parentPositions().first[4])]).toEqual([4]);
  });

  it('a guessed start covers a release only when the start lies below it, through merges too', () => {
    // The log as `c4 ^c1`: every release commit lies above c1.
    expect(logCovers(CommitIndex.of(log), sha('c1'), [sha('c4'), sha('s1'), sha('c2')])).toBe(true);
    // The log as `c4 ^s1` (a guess from a tag on the side branch): c4 reaches s1, but c3 does not —
    // c3's plugin's commits between c2 and c3 would be lost.
    const fromSide = CommitIndex.of([commit('c4', ['c3', 's1']), commit('c3', ['c2'])]);
    expect(logCovers(fromSide, sha('s1'), [sha('c4')])).toBe(true);
    expect(logCovers(fromSide, sha('s1'), [sha('c4'), sha('c3')])).toBe(false);
    expect(logCovers(fromSide, sha('s1'), [sha('c2')])).toBe(false); // below the log: not read at all
  });
});
