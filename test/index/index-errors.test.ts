/**
 * What a person sees when a version cannot be indexed — malformed tags, no plugin manifest, a
 * wrong field — and the promise that goes with it: nothing is written, the catalog branch tip
 * does not move. Also: files are read at the tag, never from the working tree.
 */
import { execa } from 'execa';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryReporter } from '../../src/core/reporter.ts';
import { indexCatalog } from '../../src/jobs/index.ts';
import { processMetadata } from '../../src/jobs/metadata.ts';
import { cleanupTempDirs, pkg, repo, type Repo } from '../helpers/repo.ts';
import { branchJson, tipOf } from './helpers.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
const MANIFEST = { title: 'Good', categories: ['data'], icon: 'icon.svg', elements: [{ kind: 'task', name: 'good.run', description: 'Runs.' }] };
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';

let fleet: Repo;
let remote: string;

beforeAll(() => {
  fleet = repo()
    .file('package.json', JSON.stringify({ name: 'fleet', private: true, workspaces: ['plugins/*'] }))
    .file('plugins/good/package.json', pkg('good', '1.0.0', { description: 'A good plugin.', license: 'MIT', slipway: MANIFEST }))
    .file('plugins/good/icon.svg', ICON)
    .file('plugins/good/CHANGELOG.md', '# Changelog\n\n## 1.0.0 (2026-01-01)\n\n### Features\n\n* first release\n')
    .file('plugins/bare/package.json', pkg('bare', '1.0.0', { description: 'No manifest.' }))
    .file('plugins/wrong/package.json', pkg('wrong', '1.0.0', { description: 'A wrong manifest.' }))
    .file('plugins/wrong/slipway-plugin.yml', 'title: Wrong\nelemnts: []\nelements:\n  - kind: widget\n    name: w\n')
    .file('plugins/twice/package.json', pkg('twice', '1.0.0', { description: 'Two manifests.', slipway: MANIFEST }))
    .file('plugins/twice/slipway-plugin.json', JSON.stringify(MANIFEST))
    .file('plugins/plain/package.json', pkg('plain', '1.0.0'))
    .file('plugins/plain/slipway-plugin.yml', 'title: Plain\nicon: missing.png\nelements:\n  - { kind: trigger, name: plain.tick }\n')
    .file('plugins/broken/package.json', pkg('broken', '1.0.0', { description: 'Broken YAML.' }))
    .file('plugins/broken/slipway-plugin.yml', 'title: Broken\nelements:\n  - kind: task\n   name: x\n')
    .commit('feat: plugins')
    .tag('good@1.0.0', 'good@1.0.0')
    .tag('bare@1.0.0')
    .tag('wrong@1.0.0')
    .tag('twice@1.0.0')
    .tag('plain@1.0.0')
    .tag('broken@1.0.0')
    .tag('good@1.0');
  fleet.commit('feat(good): 1.1.0', { 'plugins/good/package.json': pkg('good', '1.1.0', { description: 'A good plugin.', license: 'MIT', slipway: MANIFEST }) }).tag('good@1.1.0');
  remote = fleet.withBareRemote();
});
afterAll(cleanupTempDirs);

const cli = (...args: string[]) => execa(process.execPath, [CLI, 'index', ...args], { cwd: fleet.dir, env: { GITHUB_TOKEN: '', GITHUB_REPOSITORY: '', GITHUB_REF: '' }, reject: false });

describe('a catalog that is never half-written', () => {
  let tip: string;

  beforeAll(async () => {
    await indexCatalog({ cwd: fleet.dir, reporter: memoryReporter(), select: { kind: 'tags', tags: ['good@1.0.0'] } });
    tip = tipOf(remote);
  });

  it('starts from an indexed version whose icon and notes were read at the tag', () => {
    expect(tip).not.toBe('');
    expect(branchJson(remote, 'plugins/good.json')).toMatchObject({
      versions: [{ version: '1.0.0', icon: `data:image/svg+xml;base64,${Buffer.from(ICON).toString('base64')}`, releaseNotes: '### Features\n\n* first release\n' }],
    });
  });

  it('a malformed tag is an error naming the tag and what is wrong with it', async () => {
    const run = await cli('--tag', 'good@1.0');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('slipway index: good@1.0: tag "good@1.0" of good has version "1.0", which is not semver');
    expect(run.stderr).toContain('hint: release tags have the format {name}@{version}');
    expect(tipOf(remote)).toBe(tip);
  });

  it('a plugin without a manifest is an error naming the plugin and every place a manifest may be', async () => {
    const run = await cli('--tag', 'bare@1.0.0');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      'slipway index: bare@1.0.0: has no plugin manifest: looked for "slipway" in plugins/bare/package.json, plugins/bare/slipway-plugin.json, plugins/bare/slipway-plugin.yml, plugins/bare/slipway-plugin.yaml',
    );
    expect(tipOf(remote)).toBe(tip);
  });

  it('a manifest with a wrong field is an error naming the plugin, the file and each field', async () => {
    const run = await cli('--tag', 'wrong@1.0.0');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('slipway index: wrong@1.0.0: catalog metadata is invalid:');
    expect(run.stderr).toContain('plugins/wrong/slipway-plugin.yml: elemnts is not a manifest field');
    expect(run.stderr).toContain('plugins/wrong/slipway-plugin.yml: elements[0].kind must be one of task, trigger, condition, action, connection, storage, other');
    expect(tipOf(remote)).toBe(tip);
  });

  it('one bad version among good ones stops the whole run before anything is written', async () => {
    const reporter = memoryReporter();
    const attempt = indexCatalog({ cwd: fleet.dir, reporter, select: { kind: 'tags', tags: ['good@1.1.0', 'twice@1.0.0', 'plain@1.0.0', 'broken@1.0.0'] } });
    await expect(attempt).rejects.toMatchObject({
      code: 'METADATA_INVALID',
      message: expect.stringContaining('3 plugin versions cannot be indexed'),
    });
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toContain('twice@1.0.0: catalog metadata is invalid:\n    - plugins/twice/slipway-plugin.json: (the manifest) is a second plugin manifest: "slipway" in plugins/twice/package.json and plugins/twice/slipway-plugin.json both exist; keep one');
    expect(message).toContain('plain@1.0.0: catalog metadata is invalid:\n    - plugins/plain/slipway-plugin.yml: icon names plugins/plain/missing.png, which does not exist at the tag');
    expect(message).toMatch(/broken@1\.0\.0: catalog metadata is invalid:\n {4}- plugins\/broken\/slipway-plugin\.yml:4: \(the file\) is not valid YAML/);
    expect(tipOf(remote)).toBe(tip);
  });

  it('a missing description names the field and both files it may be written in', async () => {
    fleet.commit('chore(plain): drop the icon', { 'plugins/plain/slipway-plugin.yml': 'title: Plain\nelements:\n  - { kind: trigger, name: plain.tick }\n' }).tag('plain@1.0.1');
    fleet.commit('chore(plain): 1.0.1', { 'plugins/plain/package.json': pkg('plain', '1.0.1') }).tag('plain@1.0.2');
    const attempt = processMetadata({ cwd: fleet.dir, reporter: memoryReporter(), select: { kind: 'tags', tags: ['plain@1.0.2'] } });
    await expect(attempt).rejects.toMatchObject({
      subject: 'plain@1.0.2',
      message: expect.stringContaining('plugins/plain/package.json: description is missing: write it in plugins/plain/package.json or as "description" in plugins/plain/slipway-plugin.yml'),
    });
    // plain@1.0.1 tags a commit whose package.json still says 1.0.0: the tag and the manifest disagree.
    await expect(processMetadata({ cwd: fleet.dir, reporter: memoryReporter(), select: { kind: 'tags', tags: ['plain@1.0.1'] } })).rejects.toMatchObject({
      message: expect.stringContaining('plugins/plain/package.json: version is "1.0.0" at plain@1.0.1, but the tag says 1.0.1'),
    });
  });

  it('reads the files at the tag: a fix in the working tree does not change what a tag says', async () => {
    fleet.files({ 'plugins/wrong/slipway-plugin.yml': 'title: Fixed\nelements:\n  - { kind: task, name: w }\n' });
    fleet.files({ 'plugins/good/package.json': pkg('good', '1.1.0', { description: 'Edited after the release.', license: 'MIT', slipway: MANIFEST }) });
    await expect(processMetadata({ cwd: fleet.dir, reporter: memoryReporter(), select: { kind: 'tags', tags: ['wrong@1.0.0'] } })).rejects.toMatchObject({ code: 'METADATA_INVALID' });
    const { entries } = await processMetadata({ cwd: fleet.dir, reporter: memoryReporter(), select: { kind: 'tags', tags: ['good@1.1.0'] } });
    expect(entries[0]).toMatchObject({ version: '1.1.0', description: 'A good plugin.' });
    fleet.git('checkout', '--', '.');
  });

  it('a reindex of everything skips what cannot be indexed only when catching up, with a warning naming it', async () => {
    const reporter = memoryReporter();
    const result = await indexCatalog({ cwd: fleet.dir, reporter, catchUp: true });
    expect(result.entries.map((e) => `${e.name}@${e.version}`)).toEqual(['good@1.1.0']);
    expect(reporter.lines.filter((line) => line.startsWith('warning:')).join('\n')).toMatch(/bare@1\.0\.0 is not indexed: bare@1\.0\.0: has no plugin manifest/);
    expect(tipOf(remote)).not.toBe(tip);
  });
});
