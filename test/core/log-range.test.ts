import { describe, expect, it } from 'vitest';
import { CommitIndex } from '../../src/core/history/commit-index.ts';
import { guessLogStart, logCovers, releaseCommitsOrAll } from '../../src/core/history/log-range.ts';
import { tagFormat } from '../../src/core/history/tag-format.ts';
import { sha, tagName, type RawCommit } from '../../src/core/types.ts';

const tag = (name: string, commit: string, madeAt: number) => ({ name: tagName(name), commit: sha(commit), madeAt, reachable: true });
const commit = (id: string, parents: string[]): RawCommit => ({ sha: sha(id), parents: parents.map(sha), date: '', author: '', message: '', files: [] });
const monorepo = tagFormat('{name}@{version}');

describe('where the single git log starts', () => {
  const tags = [tag('a@1.0.0', 'c1', 100), tag('a@1.1.0', 'c5', 500), tag('b@2.0.0', 'c3', 300)];

  it('can be guessed from the tags alone: newest tag per name, then the oldest of those', () => {
    expect(guessLogStart(tags, [monorepo])).toBe('c3');
  });

  it('the guess falls back to v-tags for a repository that is one plugin, and to everything without tags', () => {
    expect(guessLogStart([tag('v1.0.0', 'c1', 100), tag('v1.2.0', 'c4', 400)], [monorepo, tagFormat('v{version}')])).toBe('c4');
    expect(guessLogStart([], [monorepo])).toBeUndefined();
  });

  it('before reachability is known (the planner starts its log at once), every tag counts; a wrong guess is caught by logCovers', () => {
    const listed = [...tags, tag('b@3.0.0', 'x9', 50)].map(({ reachable: _unknown, ...rest }) => rest);
    expect(guessLogStart(listed, [monorepo])).toBe('x9'); // b@3.0.0 is b's newest, and the oldest of the newest
  });

  it('the guess reads only tags reachable from the planned head', () => {
    expect(guessLogStart([...tags, { ...tag('b@3.0.0', 'x9', 50), reachable: false }], [monorepo])).toBe('c3');
  });

  it('every release commit, or none when a plugin was never released', () => {
    expect(releaseCommitsOrAll([sha('c5'), sha('c3'), sha('c5')])).toEqual(['c5', 'c3']);
    expect(releaseCommitsOrAll([sha('c5'), undefined])).toBeUndefined();
  });
});

describe('whether a log read from a guessed start holds every unreleased commit', () => {
  // c5 → c4 → c3 → c2 (c1 excluded, the guessed start)
  const log = [commit('c5', ['c4']), commit('c4', ['c3']), commit('c3', ['c2']), commit('c2', ['c1'])];
  it('a log of everything, or from the release commit itself, covers', () => {
    expect(logCovers(CommitIndex.of(log), undefined, [sha('c3')])).toBe(true);
    expect(logCovers(CommitIndex.of(log), sha('c3'), [sha('c3')])).toBe(true);
  });
  it('a log from an ancestor of every release commit covers (it only holds more)', () => expect(logCovers(CommitIndex.of(log), sha('c1'), [sha('c3'), sha('c5')])).toBe(true));
  it('a log from a start that is not an ancestor does not cover', () => expect(logCovers(CommitIndex.of(log), sha('x9'), [sha('c3')])).toBe(false));
  it('a log with a start cannot stand in for the whole history a never-released plugin needs', () => expect(logCovers(CommitIndex.of(log), sha('c1'), [sha('c3'), undefined])).toBe(false));
  it('a release commit below the start is not covered: its plugin\'s commits between them would be lost', () => expect(logCovers(CommitIndex.of(log), sha('c3'), [sha('c1')])).toBe(false));

  it('a hotfix released from a branch and merged back is not below a later main release', () => {
    // m3 (merge of h1) → m2 (b released) → m1 → base; h1 (a released) → base. Guess m2 (newer by time).
    const branchy = [commit('m3', ['m2', 'h1']), commit('h1', ['base']), commit('m2', ['m1']), commit('m1', ['base'])];
    expect(logCovers(CommitIndex.of(branchy), sha('m1'), [sha('m2'), sha('h1')])).toBe(false);
    expect(logCovers(CommitIndex.of(branchy), sha('base'), [sha('m2'), sha('h1')])).toBe(true);
  });
});
