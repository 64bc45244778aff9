import { describe, expect, it } from 'vitest';
import { guessLogStart, logCovers, logStart } from '../../src/core/history/log-range.ts';
import { tagFormat } from '../../src/core/history/tag-format.ts';
import { pluginName, repoPath, sha, tagName, type Plugin, type RawCommit } from '../../src/core/types.ts';

const tag = (name: string, commit: string, commitTime: number) => ({ name: tagName(name), commit: sha(commit), commitTime });
const plugin = (name: string): Plugin => ({ name: pluginName(name), path: repoPath(`plugins/${name}`), ecosystem: 'npm', manifestFile: repoPath(`plugins/${name}/package.json`), version: '1.0.0' as Plugin['version'], dependencies: [], private: false });
const commit = (id: string, parents: string[]): RawCommit => ({ sha: sha(id), parents: parents.map(sha), date: '', author: '', message: '', files: [] });
const monorepo = tagFormat('{name}@{version}');

describe('where the single git log starts', () => {
  const tags = [tag('a@1.0.0', 'c1', 100), tag('a@1.1.0', 'c5', 500), tag('b@2.0.0', 'c3', 300)];

  it('is the oldest of the plugins\' last release commits', () => {
    expect(logStart([plugin('a'), plugin('b')], new Map([[pluginName('a'), sha('c5')], [pluginName('b'), sha('c3')]]), tags)).toBe('c3');
  });

  it('is the whole history when a plugin was never released', () => {
    expect(logStart([plugin('a'), plugin('b'), plugin('new')], new Map([[pluginName('a'), sha('c5')], [pluginName('b'), sha('c3')]]), tags)).toBeUndefined();
  });

  it('can be guessed from the tags alone: newest tag per name, then the oldest of those', () => {
    expect(guessLogStart(tags, [monorepo])).toBe('c3');
  });

  it('the guess falls back to v-tags for a repository that is one plugin, and to everything without tags', () => {
    expect(guessLogStart([tag('v1.0.0', 'c1', 100), tag('v1.2.0', 'c4', 400)], [monorepo, tagFormat('v{version}')])).toBe('c4');
    expect(guessLogStart([], [monorepo])).toBeUndefined();
  });
});

describe('whether a log read from a guessed start holds what the exact start needs', () => {
  // c5 → c4 → c3 → c2 (c1 excluded, the guessed start)
  const log = [commit('c5', ['c4']), commit('c4', ['c3']), commit('c3', ['c2']), commit('c2', ['c1'])];
  it('a log of everything, or from the same commit, covers', () => {
    expect(logCovers(log, undefined, sha('c3'))).toBe(true);
    expect(logCovers(log, sha('c3'), sha('c3'))).toBe(true);
  });
  it('a log from an ancestor of the needed start covers (it only holds more)', () => expect(logCovers(log, sha('c1'), sha('c3'))).toBe(true));
  it('a log from a start that is not an ancestor does not cover', () => expect(logCovers(log, sha('x9'), sha('c3'))).toBe(false));
  it('a log with a start cannot stand in for the whole history', () => expect(logCovers(log, sha('c1'), undefined)).toBe(false));
});
