import { execa } from 'execa';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoFleet, type DemoFleet } from '../../src/adapters/demo/create-demo-fleet.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';

let fleet: DemoFleet;
let twin: DemoFleet;

beforeAll(async () => {
  [fleet, twin] = await Promise.all([createDemoFleet(tempDir('slipway-demo-')), createDemoFleet(tempDir('slipway-demo-'))]);
});
afterAll(cleanupTempDirs);

const git = async (cwd: string, ...args: string[]) => (await execa('git', args, { cwd })).stdout;
const lines = (text: string) => text.split('\n').filter(Boolean);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** Runs one plugin's own tests the way compat will: `node --test` in its folder. */
async function runPluginTests(folder: string, coreDir?: string) {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '' };
  if (coreDir) env['DEMO_CORE_DIR'] = coreDir;
  return execa(process.execPath, ['--test', '--test-reporter=tap'], { cwd: join(fleet.fleetDir, 'plugins', folder), env, extendEnv: false, reject: false, all: true });
}

describe('the demo fleet', () => {
  it('has the five plugins as npm workspaces, with the versions of their last releases', () => {
    expect(fleet.plugins.toSorted()).toEqual([
      '@demo/plugin-csv',
      '@demo/plugin-http',
      '@demo/plugin-s3',
      '@demo/plugin-slack',
      '@demo/plugin-sql',
    ]);
    expect(readJson(join(fleet.fleetDir, 'package.json')).workspaces).toEqual(['plugins/*']);
    const manifest = (folder: string) => readJson(join(fleet.fleetDir, 'plugins', folder, 'package.json'));
    expect(manifest('http')).toMatchObject({ name: '@demo/plugin-http', version: '1.1.0', license: 'MIT', peerDependencies: { '@demo/core': '^1.4.0' } });
    expect(manifest('csv')).toMatchObject({ name: '@demo/plugin-csv', version: '1.0.1' });
    expect(manifest('s3')).toMatchObject({ name: '@demo/plugin-s3', version: '1.0.1', dependencies: { '@demo/plugin-http': '^1.1.0' } });
    expect(manifest('slack')).toMatchObject({ name: '@demo/plugin-slack', version: '1.0.0' });
    expect(manifest('sql')).toMatchObject({ name: '@demo/plugin-sql', version: '0.2.0' });
    for (const folder of ['http', 'csv', 's3', 'slack', 'sql']) {
      expect(Object.keys(manifest(folder))).toEqual(expect.arrayContaining(['description', 'keywords', 'repository']));
    }
  });

  it('tags two rounds of releases, annotated', async () => {
    expect(lines(await git(fleet.fleetDir, 'tag'))).toEqual([
      '@demo/plugin-csv@1.0.0',
      '@demo/plugin-csv@1.0.1',
      '@demo/plugin-http@1.0.0',
      '@demo/plugin-http@1.1.0',
      '@demo/plugin-s3@1.0.0',
      '@demo/plugin-s3@1.0.1',
      '@demo/plugin-slack@1.0.0',
      '@demo/plugin-sql@0.1.0',
      '@demo/plugin-sql@0.2.0',
    ]);
    const types = lines(await git(fleet.fleetDir, 'for-each-ref', '--format=%(objecttype)', 'refs/tags'));
    expect(new Set(types)).toEqual(new Set(['tag']));
  });

  it('has unreleased commits after each plugin’s last tag, touching that plugin’s folder', async () => {
    const since = async (tag: string, ...paths: string[]) =>
      lines(await git(fleet.fleetDir, 'log', '--format=%s', `${tag}..HEAD`, '--', ...paths));
    expect(await since('@demo/plugin-http@1.1.0', 'plugins/http')).toEqual(['feat(http): retry failed requests']);
    expect(await since('@demo/plugin-csv@1.0.1', 'plugins/csv')).toEqual([
      'perf(csv): skip quote handling for lines without quotes',
      'fix(csv): ignore carriage returns of Windows line endings',
    ]);
    expect(await since('@demo/plugin-sql@0.2.0', 'plugins/sql')).toEqual(['feat(sql)!: rename the sql.query task to sql.select']);
    expect(await since('@demo/plugin-slack@1.0.0', 'plugins/slack')).toEqual(['update stuff', 'docs(slack): document the channel option']);
    expect(await since('@demo/plugin-s3@1.0.1', 'plugins/s3')).toEqual([]);
    expect(await since('@demo/plugin-s3@1.0.1', '.', ':!plugins')).toEqual(['chore: update tooling']);

    const breaking = await git(fleet.fleetDir, 'log', '-1', '--format=%B', '--grep=^feat(sql)!');
    expect(breaking).toMatch(/^BREAKING CHANGE: /m);
    const merges = lines(await git(fleet.fleetDir, 'log', '--merges', '--format=%s', '@demo/plugin-http@1.1.0..HEAD'));
    expect(merges).toEqual(["Merge branch 'perf/csv-fast-path'"]);
  });

  it('pushes main and every tag to a bare origin that main tracks', async () => {
    expect(await git(fleet.remoteDir, 'rev-parse', '--is-bare-repository')).toBe('true');
    expect(await git(fleet.remoteDir, 'rev-parse', 'main')).toBe(await git(fleet.fleetDir, 'rev-parse', 'HEAD'));
    expect(lines(await git(fleet.remoteDir, 'tag'))).toHaveLength(9);
    expect(await git(fleet.fleetDir, 'rev-parse', '--abbrev-ref', '@{upstream}')).toBe('origin/main');
    expect(await git(fleet.fleetDir, 'status', '--porcelain')).toBe('');
  });

  it('has a core whose main is v1.4.0 and whose develop makes the breaking rename', async () => {
    expect(readJson(join(fleet.coreDir, 'package.json'))).toMatchObject({ name: '@demo/core', version: '1.4.0' });
    expect(await git(fleet.coreDir, 'rev-parse', 'v1.4.0^{commit}')).toBe(await git(fleet.coreDir, 'rev-parse', 'main'));
    expect(await git(fleet.coreDir, 'show', 'develop:package.json')).toContain('"version": "2.0.0-dev"');
    expect(await git(fleet.coreDir, 'log', '-1', '--format=%s', 'develop')).toBe('feat!: rename registerTask to defineTask');
  });

  it('builds the same SHAs every time', async () => {
    for (const [dir, ref] of [['fleetDir', 'HEAD'], ['coreDir', 'develop']] as const) {
      expect(await git(twin[dir], 'rev-parse', ref)).toBe(await git(fleet[dir], 'rev-parse', ref));
    }
    expect(await git(twin.fleetDir, 'rev-parse', '@demo/plugin-sql@0.2.0')).toBe(await git(fleet.fleetDir, 'rev-parse', '@demo/plugin-sql@0.2.0'));
  });

  it('refuses a folder that is not empty', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'keep'), '');
    await expect(createDemoFleet(join(dir, 'x'))).rejects.toMatchObject({ code: 'USAGE', subject: join(dir, 'x') });
  });
});

describe('the demo plugins’ own tests', () => {
  const folders = ['csv', 'http', 's3', 'slack', 'sql'];

  it('pass against core main (the checkout beside the fleet, no DEMO_CORE_DIR)', async () => {
    for (const folder of folders) {
      const run = await runPluginTests(folder);
      expect({ folder, exitCode: run.exitCode }, run.all).toEqual({ folder, exitCode: 0 });
      expect(run.all).toMatch(/# pass [1-9]/);
    }
  });

  it('fail against core develop for exactly the plugin that calls registerTask', async () => {
    const develop = join(fleet.root, 'core-develop');
    await git(fleet.coreDir, 'worktree', 'add', '-q', develop, 'develop');
    const failed: string[] = [];
    for (const folder of folders) {
      const run = await runPluginTests(folder, develop);
      if (run.exitCode !== 0) {
        failed.push(folder);
        expect(run.all).toContain('core.registerTask is not a function');
      }
    }
    expect(failed).toEqual(['slack']);
  });
});
