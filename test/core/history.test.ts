import { describe, expect, it } from 'vitest';
import { readReleaseHistory } from '../../src/core/history/last-release.ts';
import { pathRouter } from '../../src/core/history/route-commits.ts';
import { tagFormat } from '../../src/core/history/tag-format.ts';
import { CommitIndex } from '../../src/core/history/commit-index.ts';
import { unreleasedCommits } from '../../src/core/history/unreleased-commits.ts';
import { pluginName, repoPath, sha, tagName, type Plugin, type PluginName, type RawCommit, type Sha } from '../../src/core/types.ts';

const plugin = (name: string, path: string, version = '1.0.0'): Plugin => ({
  name: pluginName(name),
  path: repoPath(path),
  ecosystem: 'npm',
  manifestFile: repoPath(`${path ? `${path}/` : ''}package.json`),
  version: version as Plugin['version'],
  dependencies: [],
  private: false,
});

describe('tag formats', () => {
  it('reads scoped npm names: @demo/plugin-http@1.2.0', () => {
    expect(tagFormat('{name}@{version}').parse('@demo/plugin-http@1.2.0')).toEqual({ name: '@demo/plugin-http', version: '1.2.0' });
  });
  it('reads v-tags of a single plugin', () => expect(tagFormat('v{version}').parse('v2.0.0-rc.1')).toEqual({ name: undefined, version: '2.0.0-rc.1' }));
  it('ignores tags of another shape', () => expect(tagFormat('v{version}').parse('release-2024')).toBeNull());
  it('formats', () => expect(tagFormat('{name}/v{version}').format(pluginName('csv'), '1.2.3' as never)).toBe('csv/v1.2.3'));
});

describe('last release per plugin', () => {
  const plugins = [plugin('a', 'plugins/a'), plugin('b', 'plugins/b')];
  const tag = (name: string, commit = 'c1') => ({ name: tagName(name), commit: sha(commit) });

  it('is the highest version, not the newest tag', () => {
    const { histories } = readReleaseHistory(plugins, [tag('a@1.2.0', 'c2'), tag('a@1.10.0', 'c3'), tag('a@1.9.9', 'c4')], tagFormat('{name}@{version}'));
    expect(histories.get(pluginName('a'))?.last).toEqual({ tag: 'a@1.10.0', version: '1.10.0', commit: 'c3' });
    expect(histories.get(pluginName('a'))?.versions).toEqual(['1.10.0', '1.9.9', '1.2.0']);
    expect(histories.get(pluginName('b'))?.last).toBeUndefined();
  });

  it('a tag whose version is not semver is reported, naming the tag, and ignored', () => {
    const { histories, diagnostics } = readReleaseHistory(plugins, [tag('a@1.x'), tag('a@1.0.0')], tagFormat('{name}@{version}'));
    expect(histories.get(pluginName('a'))?.last?.version).toBe('1.0.0');
    expect(diagnostics).toEqual([
      expect.objectContaining({ tag: 'a@1.x', plugin: 'a', message: expect.stringContaining('tag "a@1.x" has version "1.x", which is not semver') }),
    ]);
  });

  it('tags of unknown plugins are not ours', () => {
    const { diagnostics, histories } = readReleaseHistory(plugins, [tag('zzz@oops'), tag('something-else')], tagFormat('{name}@{version}'));
    expect(diagnostics).toEqual([]);
    expect(histories.get(pluginName('a'))?.last).toBeUndefined();
  });
});

describe('routing paths to plugins', () => {
  const router = pathRouter([plugin('a', 'plugins/a'), plugin('nested', 'plugins/a/nested'), plugin('b', 'plugins/b')]);
  it('the longest matching plugin folder wins', () => {
    expect(router.pluginFor('plugins/a/nested/x.js')).toBe('nested');
    expect(router.pluginFor('plugins/a/src/x.js')).toBe('a');
  });
  it('a folder that merely starts with a plugin\'s name is not that plugin', () => expect(router.pluginFor('plugins/bb/x.js')).toBeUndefined());
  it('root files belong to no plugin in a fleet', () => expect(router.pluginFor('package.json')).toBeUndefined());
  it('in a fleet of one, everything belongs to the plugin', () => expect(pathRouter([plugin('solo', '')]).pluginFor('src/x.ts')).toBe('solo'));
});

describe('unreleased commits', () => {
  const c = (id: string, parents: string[], files: string[]): RawCommit => ({
    sha: sha(id),
    parents: parents.map(sha),
    date: '2026-01-01T00:00:00Z',
    author: 'a',
    message: `fix: ${id}`,
    files: files.map(repoPath),
  });
  const plugins = [plugin('a', 'plugins/a'), plugin('b', 'plugins/b')];
  const router = pathRouter(plugins);
  const names = plugins.map((p) => p.name);
  const shas = (map: Map<PluginName, RawCommit[]>, name: string) => map.get(pluginName(name))!.map((commit) => commit.sha);

  it('linear history: commits after the plugin\'s release commit that touch it', () => {
    // newest first: c5 → c4 → c3 (release of a) → c2 → c1
    const commits = [c('c5', ['c4'], ['plugins/a/x']), c('c4', ['c3'], ['plugins/b/x', 'plugins/a/y']), c('c3', ['c2'], ['plugins/a/package.json']), c('c2', ['c1'], ['plugins/a/z']), c('c1', [], ['plugins/b/y'])];
    const result = unreleasedCommits({ log: CommitIndex.of(commits, router), plugins: names, releaseCommit: new Map([[pluginName('a'), sha('c3')]]) });
    expect(shas(result, 'a')).toEqual(['c5', 'c4']);
    expect(shas(result, 'b')).toEqual(['c4', 'c1']); // never released: everything counts
  });

  it('merged history: a side-branch commit older than the release but merged after it is unreleased', () => {
    // c1 ← c2 (release of a) ← m (merge of side s1, which branched from c1) ; s1 touches a
    const commits = [c('m', ['c2', 's1'], []), c('c2', ['c1'], ['plugins/a/package.json']), c('s1', ['c1'], ['plugins/a/side.js']), c('c1', [], ['plugins/a/base.js'])];
    const result = unreleasedCommits({ log: CommitIndex.of(commits, router), plugins: names, releaseCommit: new Map([[pluginName('a'), sha('c2')]]) });
    expect(shas(result, 'a')).toEqual(['s1']);
  });

  it('a commit touching two plugins counts for both, once each', () => {
    const commits = [c('c1', [], ['plugins/a/1', 'plugins/a/2', 'plugins/b/1'])];
    const result = unreleasedCommits({ log: CommitIndex.of(commits, router), plugins: names, releaseCommit: new Map<PluginName, Sha>() });
    expect(shas(result, 'a')).toEqual(['c1']);
    expect(shas(result, 'b')).toEqual(['c1']);
  });
});
