import { execa } from 'execa';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyntheticFleet, type SyntheticFleet } from '../../bench/synthetic-fleet.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';

const TINY = { plugins: 10, commits: 200, seed: 7 };
let fleet: SyntheticFleet;

beforeAll(async () => {
  fleet = await createSyntheticFleet({ ...TINY, dir: join(tempDir(), 'tiny') });
});
afterAll(cleanupTempDirs);

const git = async (...args: string[]) => (await execa('git', args, { cwd: fleet.dir })).stdout;
const lines = (text: string) => text.split('\n').filter(Boolean);

/** Each plugin folder with its manifest and its tags, read back from the repository. */
async function pluginsOnDisk() {
  const tags = lines(await git('tag'));
  return readdirSync(join(fleet.dir, 'plugins')).map((folder) => {
    const manifest = JSON.parse(readFileSync(join(fleet.dir, 'plugins', folder, 'package.json'), 'utf8'));
    const own = tags.filter((tag) => tag.startsWith(`${manifest.name}@`));
    const newest = own.toSorted((a, b) => semver.rcompare(a.slice(manifest.name.length + 1), b.slice(manifest.name.length + 1)))[0];
    return { folder: `plugins/${folder}`, name: manifest.name as string, version: manifest.version as string, tags: own, newest };
  });
}

describe('the synthetic fleet', () => {
  it('is an npm-workspaces repository with the asked number of plugins and commits, clean', async () => {
    expect(JSON.parse(readFileSync(join(fleet.dir, 'package.json'), 'utf8')).workspaces).toEqual(['plugins/*']);
    expect(readdirSync(join(fleet.dir, 'plugins'))).toHaveLength(10);
    expect(await git('rev-list', '--count', 'HEAD')).toBe('200');
    expect(await git('status', '--porcelain')).toBe('');
    expect(fleet).toMatchObject({ plugins: 10, commits: 200, cached: false });
  });

  it('tags 1–3 releases per plugin, and each manifest holds the version of its newest tag', async () => {
    const plugins = await pluginsOnDisk();
    expect(lines(await git('tag'))).toHaveLength(fleet.tags);
    expect(plugins.reduce((n, plugin) => n + plugin.tags.length, 0)).toBe(fleet.tags);
    for (const plugin of plugins) {
      expect(plugin.tags.length, plugin.name).toBeGreaterThanOrEqual(1);
      expect(plugin.tags.length, plugin.name).toBeLessThanOrEqual(3);
      expect(plugin.newest, plugin.name).toBe(`${plugin.name}@${plugin.version}`);
      // The tag sits on the release commit that wrote that version into the manifest.
      expect(await git('show', `${plugin.newest}:${plugin.folder}/package.json`)).toContain(`"version": "${plugin.version}"`);
    }
    const types = lines(await git('for-each-ref', '--format=%(objecttype)', 'refs/tags'));
    expect(new Set(types)).toEqual(new Set(['tag']));
  });

  it('leaves about 30% of the plugins with releasable commits after their last tag, as it reports', async () => {
    const withChanges: string[] = [];
    for (const plugin of await pluginsOnDisk()) {
      const since = await git('log', '--format=%B%x00', `${plugin.newest}..HEAD`, '--', plugin.folder);
      if (!since) continue;
      withChanges.push(plugin.name);
      const messages = since.split('\0').map((m) => m.trim()).filter(Boolean);
      expect(messages.some((m) => /^(feat|fix|perf)(\([^)]*\))?!?:|^BREAKING CHANGE:/m.test(m)), plugin.name).toBe(true);
    }
    expect(withChanges.toSorted()).toEqual(fleet.unreleased);
    expect(fleet.unreleased).toHaveLength(3);
  });

  it('reports the oldest last-release tag and the size of the range the planner reads', async () => {
    const plugins = await pluginsOnDisk();
    const time = async (tag: string) => Number(await git('log', '-1', '--format=%ct', tag));
    const times = await Promise.all(plugins.map((plugin) => time(plugin.newest!)));
    expect(await time(fleet.oldestLastRelease)).toBe(Math.min(...times));
    expect(Number(await git('rev-list', '--count', `${fleet.oldestLastRelease}..HEAD`))).toBe(fleet.rangeCommits);
  });

  it('mixes commit kinds: conventional types, scopes, breaking changes, and some not conventional', async () => {
    const subjects = lines(await git('log', '--format=%s'));
    const type = (s: string) => /^(\w+)(\(|!|:)/.exec(s)?.[1] ?? 'other';
    const types = new Set(subjects.map(type));
    for (const expected of ['feat', 'fix', 'docs', 'chore', 'other']) expect(types).toContain(expected);
    expect(subjects.some((s) => /^\w+\([^)]+\):/.test(s))).toBe(true);
    const touched = lines(await git('log', '--format=', '--name-only', '--no-merges', 'HEAD~150..HEAD'));
    expect(touched.some((path) => !path.startsWith('plugins/'))).toBe(true);
  });

  it('is the same repository for the same seed, and reused from disk when it exists', async () => {
    const twin = await createSyntheticFleet({ ...TINY, dir: join(tempDir(), 'twin') });
    expect(await execa('git', ['rev-parse', 'HEAD'], { cwd: twin.dir }).then((r) => r.stdout)).toBe(await git('rev-parse', 'HEAD'));
    const again = await createSyntheticFleet({ ...TINY, dir: fleet.dir });
    expect(again).toEqual({ ...fleet, cached: true, generationMs: 0 });
  });

  it('refuses a folder that holds something else', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'other'));
    await expect(createSyntheticFleet({ ...TINY, dir: join(dir, 'other') })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});
