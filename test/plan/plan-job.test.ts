import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { memoryReporter } from '../../src/core/reporter.ts';
import { planRelease } from '../../src/jobs/plan.ts';
import { writeFileSync } from 'node:fs';
import { pkg, repo, tempDir, type Repo } from '../helpers/repo.ts';

const DATE = '2026-02-01';
const plan = async (r: Repo, options: { prerelease?: string } = {}) => {
  const reporter = memoryReporter();
  const result = await planRelease({ cwd: r.dir, reporter, date: DATE, ...options });
  return { ...result.plan, log: reporter.lines };
};
const versions = (p: Awaited<ReturnType<typeof plan>>) => Object.fromEntries(p.releases.map((r) => [r.name, `${r.from} → ${r.to}`]));

/** An npm-workspaces fleet: a, b (depends on a ^1.0.0), c (0.x), all released once. */
function fleet(): Repo {
  return repo()
    .files({
      'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] }),
      'plugins/a/package.json': pkg('a', '1.0.0'),
      'plugins/b/package.json': pkg('b', '2.1.0', { dependencies: { a: '^1.0.0' } }),
      'plugins/c/package.json': pkg('c', '0.3.0'),
    })
    .commit('chore(release): publish')
    .tag('a@1.0.0')
    .tag('b@2.1.0')
    .tag('c@0.3.0');
}

describe('planning a fleet release', () => {
  it('nothing changed since the tags: nothing to release', async () => {
    const p = await plan(fleet());
    expect(p.releases).toEqual([]);
  });

  it('feat → minor, fix → patch, and the dependent of a released plugin gets a patch with the new range', async () => {
    const r = fleet()
      .commit('feat(a): add retries', { 'plugins/a/index.js': '1' })
      .commit('fix(c): handle empty input', { 'plugins/c/index.js': '1' });
    const p = await plan(r);
    expect(versions(p)).toEqual({ a: '1.0.0 → 1.1.0', b: '2.1.0 → 2.1.1', c: '0.3.0 → 0.3.1' });
    const b = p.releases.find((x) => x.name === 'b')!;
    expect(b).toMatchObject({ reason: 'dependency', bump: 'patch', tag: 'b@2.1.1', commits: [], dependencyUpdates: [{ name: 'a', from: '^1.0.0', to: '^1.1.0' }] });
    expect(p.releases.find((x) => x.name === 'a')!.dependents).toEqual(['b']);
    expect(b.changelog).toBe('## 2.1.1 (2026-02-01)\n\n### Dependencies\n\n* **a:** ^1.0.0 → ^1.1.0\n');
  });

  it('writes the changelog section with the commits that explain the version', async () => {
    const r = fleet().commit('feat(a): add retries', { 'plugins/a/index.js': '1' });
    const sha = r.head().slice(0, 7);
    const a = (await plan(r)).releases.find((x) => x.name === 'a')!;
    expect(a.changelog).toBe(`## 1.1.0 (2026-02-01)\n\n### Features\n\n* **a:** add retries (${sha}) — Ada Tester\n`);
    expect(a.commits).toEqual([{ sha: r.head(), type: 'feat', scope: 'a', subject: 'add retries', breaking: false, author: 'Ada Tester' }]);
  });

  it('names a hostile author as text: no link, image, HTML or mention reaches the changelog', async () => {
    const r = fleet().files({ 'plugins/a/index.js': '1' });
    r.git('add', '-A');
    // Any bytes but NUL may be an author name; git itself drops only "<" and ">".
    const name = 'x](http://evil) <img src=x> @everyone\u202e `code` *b* _i_';
    await execa('git', ['commit', '-q', '-m', 'feat(a): add retries'], { cwd: r.dir, env: { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: 'e@example.com' } });
    const a = (await plan(r)).releases.find((x) => x.name === 'a')!;
    expect(a.commits[0]!.author).toBe('x](http://evil) img src=x @everyone `code` *b* _i_');
    const line = a.changelog.split('\n').find((l) => l.startsWith('* **a:** add retries'))!;
    const shown = String.raw`x\]\(http\://evil\) img src=x @` + '\u200b' + String.raw`everyone \`code\` \*b\* \_i\_`;
    expect(line).toBe(`* **a:** add retries (${r.head().slice(0, 7)}) — ${shown}`);
  });

  it('release.changelogAuthors: false records no author and names none', async () => {
    const r = fleet().files({ 'slipway.yml': 'release:\n  changelogAuthors: false\n' }).commit('feat(a): add retries', { 'plugins/a/index.js': '1' });
    const a = (await plan(r)).releases.find((x) => x.name === 'a')!;
    expect(a.changelog).toBe(`## 1.1.0 (2026-02-01)\n\n### Features\n\n* **a:** add retries (${r.head().slice(0, 7)})\n`);
    expect(a.commits[0]).not.toHaveProperty('author');
  });

  it('a breaking change is major at 1.x and minor at 0.x', async () => {
    const r = fleet()
      .commit('feat(a)!: drop callbacks', { 'plugins/a/index.js': '1' })
      .commit('refactor(c): new core\n\nBREAKING CHANGE: options object renamed', { 'plugins/c/index.js': '1' });
    expect(versions(await plan(r))).toEqual({ a: '1.0.0 → 2.0.0', b: '2.1.0 → 2.1.1', c: '0.3.0 → 0.4.0' });
  });

  it('docs and chore commits, and commits that touch no plugin, release nothing', async () => {
    const r = fleet()
      .commit('docs(a): typo', { 'plugins/a/README.md': 'x' })
      .commit('chore: bump tooling', { 'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'], devDependencies: { x: '1' } }) })
      .commit('feat: root-only feature', { 'tools/x.js': '1' });
    expect((await plan(r)).releases).toEqual([]);
  });

  it('a non-conventional commit is listed as ignored and warned about', async () => {
    const r = fleet().commit('update stuff', { 'plugins/a/x.js': '1' });
    const p = await plan(r);
    expect(p.releases).toEqual([]);
    expect(p.ignoredCommits).toEqual([{ sha: r.head(), header: 'update stuff', reason: 'not a Conventional Commit (type(scope): subject)' }]);
    expect(p.log.some((l) => l.startsWith('warning:') && l.includes('"update stuff"'))).toBe(true);
  });

  it('a revert of an unreleased commit cancels it', async () => {
    const r = fleet().commit('feat(a): risky', { 'plugins/a/x.js': '1' });
    const reverted = r.head();
    r.commit(`Revert "feat(a): risky"\n\nThis reverts commit ${reverted}.`, { 'plugins/a/x.js': '' });
    expect((await plan(r)).releases).toEqual([]);
  });

  it('commits released by an older tag are not counted again; the highest tag is the last release', async () => {
    const r = fleet().commit('feat(a): one', { 'plugins/a/x.js': '1' }).file('plugins/a/package.json', pkg('a', '1.1.0')).commit('chore(release): a').tag('a@1.1.0');
    r.commit('fix(a): two', { 'plugins/a/x.js': '2' });
    expect(versions(await plan(r))).toMatchObject({ a: '1.1.0 → 1.1.1' });
  });

  it('a side branch merged after the release still counts (history with merges)', async () => {
    const r = fleet();
    r.git('checkout', '-q', '-b', 'side');
    r.commit('fix(a): from the side branch', { 'plugins/a/side.js': '1' });
    r.git('checkout', '-q', 'main');
    r.commit('feat(c): on main', { 'plugins/c/x.js': '1' });
    r.git('merge', '-q', '--no-ff', '-m', "Merge branch 'side'", 'side');
    const p = await plan(r);
    expect(versions(p)).toEqual({ a: '1.0.0 → 1.0.1', b: '2.1.0 → 2.1.1', c: '0.3.0 → 0.4.0' });
    expect(p.ignoredCommits).toEqual([]); // the merge commit is not reported as non-conventional
  });

  it('prerelease channels: 1.1.0-next.0, then 1.1.0-next.1', async () => {
    const r = fleet().commit('feat(a): preview', { 'plugins/a/x.js': '1' });
    const first = await plan(r, { prerelease: 'next' });
    expect(first.releases.find((x) => x.name === 'a')!.to).toBe('1.1.0-next.0');
    expect(first.prerelease).toBe('next');
    r.file('plugins/a/package.json', pkg('a', '1.1.0-next.0')).commit('chore(release): a').tag('a@1.1.0-next.0');
    r.commit('fix(a): preview fix', { 'plugins/a/x.js': '2' });
    const second = await plan(r, { prerelease: 'next' });
    expect(second.releases.find((x) => x.name === 'a')!.to).toBe('1.1.0-next.1');
  });

  it('a plugin never tagged starts from its manifest version', async () => {
    const r = fleet().files({ 'plugins/d/package.json': pkg('d', '0.1.0') }).commit('feat(d): new plugin');
    const d = (await plan(r)).releases.find((x) => x.name === 'd')!;
    expect(d).toMatchObject({ from: '0.1.0', to: '0.2.0', firstRelease: true, tag: 'd@0.2.0' });
  });

  it('a tag whose version is not semver is warned about by name and ignored', async () => {
    const r = fleet().tag('a@1.x').commit('fix(a): x', { 'plugins/a/x.js': '1' });
    const p = await plan(r);
    expect(versions(p)).toMatchObject({ a: '1.0.0 → 1.0.1' });
    expect(p.warnings).toContainEqual(expect.stringContaining('tag "a@1.x" has version "1.x", which is not semver'));
  });

  it('the plan hash changes with the content and only with it', async () => {
    const r = fleet().commit('feat(a): x', { 'plugins/a/x.js': '1' });
    const one = await plan(r);
    const two = await plan(r);
    expect(one.hash).toBe(two.hash);
    expect(one.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const three = await plan(r, { prerelease: 'next' });
    expect(three.hash).not.toBe(one.hash);
  });
});

describe('a repository that is one plugin', () => {
  it('uses v-tags and routes every path to the plugin', async () => {
    const r = repo().files({ 'package.json': pkg('solo', '1.4.2') }).commit('chore: init').tag('v1.4.2');
    r.commit('feat: new option', { 'src/option.js': '1' });
    const p = await plan(r);
    expect(p.tagFormat).toBe('v{version}');
    expect(p.releases).toMatchObject([{ name: 'solo', path: '', from: '1.4.2', to: '1.5.0', tag: 'v1.5.0' }]);
  });
});

describe('bad input', () => {
  it('a malformed manifest names the file', async () => {
    const r = fleet().commit('fix(a): x', { 'plugins/a/package.json': '{ "name": "a", ' });
    await expect(planRelease({ cwd: r.dir, reporter: memoryReporter() })).rejects.toMatchObject({
      code: 'MANIFEST_INVALID',
      subject: expect.stringContaining('plugins/a/package.json'),
    });
  });

  it('a version that is not semver names the file and the value', async () => {
    const r = fleet().commit('fix(a): x', { 'plugins/a/package.json': pkg('a', '1.0') });
    await expect(planRelease({ cwd: r.dir, reporter: memoryReporter() })).rejects.toMatchObject({
      code: 'VERSION_INVALID',
      message: expect.stringContaining('1.0'),
    });
  });

  it('a prerelease channel that is not a semver identifier is refused before any work', async () => {
    await expect(planRelease({ cwd: fleet().dir, reporter: memoryReporter(), prerelease: 'not a channel' })).rejects.toMatchObject({
      code: 'USAGE',
      subject: '--prerelease',
      message: 'prerelease channel "not a channel" is not a semver identifier',
    });
  });

  it('a config error names the key and line', async () => {
    const r = fleet().commit('chore: config', { 'slipway.yml': 'versioning:\n  dependent: patch\n' });
    await expect(planRelease({ cwd: r.dir, reporter: memoryReporter() })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'slipway.yml:2: unknown key "versioning.dependent"',
    });
  });

  it('outside a git repository, the error says what to do', async () => {
    const dir = tempDir();
    writeFileSync(`${dir}/package.json`, pkg('solo', '1.0.0'));
    await expect(planRelease({ cwd: dir, reporter: memoryReporter() })).rejects.toMatchObject({ code: 'GIT_FAILED', hint: expect.stringContaining('fetch-depth: 0') });
  });
});
