/**
 * Issue 10, item 6: tag formats real repositories use. release-please tags a scoped package
 * `<name-without-scope>-v<version>`; lerna and changesets `name@version`. A fleet reads
 * several formats (migration) and writes one; init detects the one its tags use; a plugin that
 * matches none while release-looking tags exist is a warning, never a silent first release.
 */
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tagFormat } from '../../src/core/history/tag-format.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { pluginName, repoPath } from '../../src/core/types.ts';
import { initRepository } from '../../src/jobs/init.ts';
import { planRelease } from '../../src/jobs/plan.ts';
import { cleanupTempDirs, pkg, repo, type Repo } from '../helpers/repo.ts';

afterAll(cleanupTempDirs);

const DATE = '2026-02-01';
const plan = async (r: Repo) => (await planRelease({ cwd: r.dir, reporter: memoryReporter(), date: DATE })).plan;
const versions = (p: Awaited<ReturnType<typeof plan>>) => Object.fromEntries(p.releases.map((r) => [r.name, `${r.from} → ${r.to}`]));

/** A release-please shaped npm monorepo: scoped packages in packages/<unscoped>, tags <unscoped>-v<version>. */
function releasePleaseFleet(config?: string): Repo {
  const r = repo().files({
    'package.json': pkg('monorepo', '0.1.0', { private: true, workspaces: ['packages/*'] }),
    'packages/http/package.json': pkg('@acme/http', '0.4.0'),
    'packages/http-client/package.json': pkg('@acme/http-client', '1.2.0', { dependencies: { '@acme/http': '^0.4.0' } }),
    'packages/test-utils/package.json': pkg('@acme/test-utils', '0.9.0', { devDependencies: { '@acme/http': '^0.4.0' } }),
    'release-please-config.json': JSON.stringify({ plugins: ['node-workspace'], 'bump-minor-pre-major': true, packages: { 'packages/http': {}, 'packages/http-client': {}, 'packages/test-utils': {} } }, null, 2),
  });
  if (config) r.file('slipway.yml', config);
  r.commit('chore: release main').tag('http-v0.4.0').tag('http-client-v1.2.0').tag('test-utils-v0.9.0');
  return r;
}

describe('tag formats', () => {
  it('{unscoped}-v{version} reads release-please tags of scoped packages; the next tag is written the same way', async () => {
    const r = releasePleaseFleet('versioning:\n  tagFormat: "{unscoped}-v{version}"\n').commit('fix(http-client): retry', { 'packages/http-client/index.js': '1' });
    const p = await plan(r);
    expect(versions(p)).toEqual({ '@acme/http-client': '1.2.0 → 1.2.1' });
    expect(p.releases[0]!.tag).toBe('http-client-v1.2.1');
    expect(p.releases[0]!.firstRelease).toBe(false);
    expect(p.warnings).toEqual([]);
  });

  it('names that are prefixes of each other are read by the fleet\'s names, not by a greedy pattern', () => {
    const plugins = [
      { name: pluginName('a'), path: repoPath('plugins/a') },
      { name: pluginName('a-b'), path: repoPath('plugins/a-b') },
      { name: pluginName('a-b-v1'), path: repoPath('plugins/a-b-v1') },
    ];
    const format = tagFormat('{unscoped}-v{version}', { plugins });
    expect(format.parse('a-v1.0.0')).toEqual({ name: 'a', version: '1.0.0' });
    expect(format.parse('a-b-v2.0.0')).toEqual({ name: 'a-b', version: '2.0.0' });
    expect(format.parse('a-b-v1-v3.0.0')).toEqual({ name: 'a-b-v1', version: '3.0.0' });
    expect(format.parse('c-v1.0.0')).toBeNull();
    // Another plugin's tag is not a broken version of a; a broken version of a is still a's (reported as not semver).
    const onlyA = tagFormat('{unscoped}-v{version}', { plugins: plugins.slice(0, 1) });
    expect(onlyA.parse('a-b-v1.0.0')).toBeNull();
    expect(onlyA.parse('a-v1.x')).toEqual({ name: 'a', version: '1.x' });
    // Hostile bytes never match or throw.
    for (const tag of ['a-v1.0.0\u0000', 'a-v', '-v1.0.0', 'a-v1.0.0;rm -rf', '\u00ffa-v1.0.0', 'a-v1.0.0\n', '((a+)+)+-v1.0.0']) {
      const parsed = format.parse(tag);
      expect(parsed === null || parsed.version !== '1.0.0').toBe(true);
    }
    expect(tagFormat('{dir}/v{version}', { plugins }).format(pluginName('a-b'), '1.2.3' as never)).toBe('a-b/v1.2.3');
  });

  it('reads lerna tags as a legacy format and release-please tags as the current one, writing only the current one', async () => {
    const r = repo()
      .files({
        'package.json': pkg('monorepo', '0.0.0', { private: true, workspaces: ['packages/*'] }),
        'packages/csv/package.json': pkg('@acme/csv', '1.0.0'),
        'packages/xml/package.json': pkg('@acme/xml', '2.0.0'),
        'slipway.yml': 'versioning:\n  tagFormat: "{unscoped}-v{version}"\n  legacyTagFormats: ["{name}@{version}"]\n',
      })
      .commit('chore: publish')
      .tag('@acme/csv@1.0.0')
      .tag('@acme/xml@2.0.0')
      .commit('feat(csv): streams', { 'packages/csv/index.js': '1' })
      .tag('csv-v1.1.0')
      .commit('fix(csv): bom', { 'packages/csv/index.js': '2' })
      .commit('fix(xml): entities', { 'packages/xml/index.js': '2' });
    const p = await plan(r);
    expect(versions(p)).toEqual({ '@acme/csv': '1.1.0 → 1.1.1', '@acme/xml': '2.0.0 → 2.0.1' });
    expect(p.releases.map((x) => x.tag)).toEqual(['csv-v1.1.1', 'xml-v2.0.1']);
    expect(p.releases.map((x) => x.commits.length)).toEqual([1, 1]);
  });

  it('{dir} is the last segment of the plugin folder', async () => {
    const r = repo()
      .files({
        'package.json': pkg('monorepo', '0.0.0', { private: true, workspaces: ['plugins/*'] }),
        'plugins/storage-s3/package.json': pkg('@acme/plugin-s3', '1.0.0'),
        'slipway.yml': 'versioning:\n  tagFormat: "{dir}/v{version}"\n',
      })
      .commit('chore: publish')
      .tag('storage-s3/v1.0.0')
      .commit('feat: multipart', { 'plugins/storage-s3/index.js': '1' });
    const p = await plan(r);
    expect(p.releases.map((x) => [x.name, x.from, x.to, x.tag])).toEqual([['@acme/plugin-s3', '1.0.0', '1.1.0', 'storage-s3/v1.1.0']]);
  });

  it('a plugin matching no tag while release-looking tags exist is a warning naming an example tag and the tagFormat that matches', async () => {
    const p = await plan(releasePleaseFleet().commit('fix(http): crash', { 'packages/http/index.js': '1' }));
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatch(/^@acme\/http, @acme\/http-client, @acme\/test-utils: no tag matches the tag format \{name\}@\{version\}, but tags like "(http|http-client|test-utils)-v[\d.]+" look like their releases: set versioning.tagFormat: "\{unscoped\}-v\{version\}" in slipway\.yml/);
  });

  it('a tagFormat with an unknown placeholder is refused naming the key and the placeholders', async () => {
    const r = releasePleaseFleet('versioning:\n  tagFormat: "{component}-v{version}"\n');
    await expect(plan(r)).rejects.toThrow('slipway.yml:2: versioning.tagFormat: placeholders are {name}, {unscoped}, {dir} and {version}');
  });

  it('init on a release-please repository writes its tag format and its dependents policy; the plan then agrees with release-please', async () => {
    const r = releasePleaseFleet();
    const result = await initRepository({ cwd: r.dir, reporter: memoryReporter(), workflows: ['release'] });
    expect(result.outcome).toBe('written');
    const written = readFileSync(join(r.dir, 'slipway.yml'), 'utf8');
    expect(written).toContain('tagFormat: "{unscoped}-v{version}"');
    expect(written).toMatch(/dependents:\n\s+# release-please's node-workspace plugin .*\n\s+peer: none\n\s+dev: patch/);
    await execa('git', ['add', '-A'], { cwd: r.dir });
    r.commit('chore: slipway');
    // release-please: http's fix releases http; node-workspace releases its dependents, dev ones too, with a patch.
    const p = await plan(r.commit('fix(http): crash', { 'packages/http/index.js': '1' }));
    expect(versions(p)).toEqual({ '@acme/http': '0.4.0 → 0.4.1', '@acme/http-client': '1.2.0 → 1.2.1', '@acme/test-utils': '0.9.0 → 0.9.1' });
    expect(p.releases.map((x) => x.tag)).toEqual(['http-v0.4.1', 'http-client-v1.2.1', 'test-utils-v0.9.1']);
    expect(p.warnings).toEqual([]);
  });

  it('init takes release-please\'s package list as the fleet when the root package.json has no workspaces', async () => {
    const r = repo()
      .files({
        'package.json': pkg('tooling-root', '1.0.0'),
        'packages/auth/package.json': pkg('google-auth', '3.0.0', { dependencies: { metadata: '^1.0.0' } }),
        'core/metadata/package.json': pkg('metadata', '1.0.0'),
        'release-please-config.json': JSON.stringify({ 'release-type': 'node', packages: { 'packages/auth': {}, 'core/metadata': {} }, plugins: [{ type: 'sentence-case' }] }),
      })
      .commit('chore: release main')
      .tag('google-auth-v3.0.0')
      .tag('metadata-v1.0.0');
    await initRepository({ cwd: r.dir, reporter: memoryReporter(), workflows: ['release'] });
    const written = readFileSync(join(r.dir, 'slipway.yml'), 'utf8');
    expect(written).toContain('paths:\n    - core/metadata\n    - packages/auth');
    expect(written).toContain('tagFormat: "{name}-v{version}"');
    r.commit('chore: slipway');
    // No workspace plugin: release-please releases metadata alone; auth's range is left, with a warning only if it no longer fits.
    const p = await plan(r.commit('feat(metadata): zones', { 'core/metadata/index.js': '1' }));
    expect(versions(p)).toEqual({ metadata: '1.0.0 → 1.1.0' });
    expect(p.releases[0]!.tag).toBe('metadata-v1.1.0');
    expect(p.rangeUpdates).toEqual([]);
    expect(p.warnings).toEqual([]);
  });

  it("the log's first guess uses slipway.yml's tag format: only the history since the last releases is read", async () => {
    const r = repo().files({
      'package.json': pkg('monorepo', '0.1.0', { private: true, workspaces: ['packages/*'] }),
      'packages/http/package.json': pkg('@acme/http', '0.4.0'),
      'slipway.yml': 'versioning:\n  tagFormat: "{unscoped}-v{version}"\n',
    });
    for (let i = 0; i < 6; i++) r.commit(`fix(http): old ${i}`, { 'packages/http/index.js': String(i) });
    r.commit('chore: release main').tag('http-v0.4.0').commit('fix(http): retry', { 'packages/http/index.js': 'new' });
    const reporter = memoryReporter();
    const { plan: result } = await planRelease({ cwd: r.dir, reporter, date: DATE });
    expect(versions(result)).toEqual({ '@acme/http': '0.4.0 → 0.4.1' });
    // With the default format the guess finds no release and reads all 8 commits.
    expect(reporter.lines.find((l) => l.includes('since the last releases'))).toMatch(/^debug: history: 1 commit\(s\) since the last releases/);
    expect(reporter.lines.some((l) => l.includes('reading the log again'))).toBe(false);
  });
});
