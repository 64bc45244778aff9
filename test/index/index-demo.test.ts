/**
 * Tag → catalog, end to end on the demo fleet: real git repositories, the demo's bare origin
 * holding the catalog branch, the real octokit client against the local GitHub server for
 * release notes and the dispatch, and the CLI as a separate process.
 */
import { execa } from 'execa';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubReleaseNotes } from '../../src/adapters/catalog/github-release-notes.ts';
import { createDemoFleet, type DemoFleet } from '../../src/adapters/demo/create-demo-fleet.ts';
import { createGitHubClient } from '../../src/adapters/github/client.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { splitTagList } from '../../src/core/catalog/select-versions.ts';
import { dispatchIndex } from '../../src/jobs/dispatch-index.ts';
import { indexCatalog } from '../../src/jobs/index.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';
import { branchFiles, branchJson, commitCount, tipOf } from './helpers.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
const HTTP_FILE = 'plugins/~40demo~2fplugin-http.json';
const SQL_FILE = 'plugins/~40demo~2fplugin-sql.json';
const NOTES = '### Features\n\n* **http:** support request timeouts ([3f2a1b0](https://github.com/slipway-demo/plugins/commit/3f2a1b0))';

let demo: DemoFleet;
let github: GitHubServer;

beforeAll(async () => {
  [demo, github] = await Promise.all([createDemoFleet(tempDir('slipway-index-demo-')), startGitHubServer()]);
  github.state.addRepo('slipway-demo/plugins');
  github.state.addRelease('slipway-demo/plugins', { tagName: '@demo/plugin-http@1.1.0', body: NOTES.replace(/\n/g, '\r\n') });
});
afterAll(async () => {
  await github.close();
  cleanupTempDirs();
});

const commitOf = async (tag: string) => (await execa('git', ['rev-parse', `${tag}^{commit}`], { cwd: demo.fleetDir })).stdout;
const cli = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [CLI, ...args], { cwd: demo.fleetDir, env: { GITHUB_TOKEN: '', GITHUB_REPOSITORY: '', ...env }, reject: false });
const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

describe('indexing a release tag of the demo fleet', () => {
  it('writes the plugin’s entry, read at the tag, with release notes from its GitHub Release', async () => {
    const octokit = createGitHubClient({ baseUrl: github.url, token: github.token });
    const reporter = memoryReporter();
    const result = await indexCatalog({
      cwd: demo.fleetDir,
      reporter,
      select: { kind: 'tags', tags: ['refs/tags/@demo/plugin-http@1.1.0'] },
      releaseNotes: githubReleaseNotes(octokit, 'slipway-demo/plugins'),
    });
    expect(result).toMatchObject({ status: 'committed', attempts: 1, location: { url: demo.remoteDir, branch: 'slipway-catalog' } });
    expect(result.commit).toBe(tipOf(demo.remoteDir));

    const files = branchFiles(demo.remoteDir);
    expect([...files.keys()].sort()).toEqual(['.nojekyll', 'index.html', 'index.json', HTTP_FILE]);
    // Keys in code-point order, as the catalog writes them.
    expect(files.get(HTTP_FILE)).toBe(
      json({
        name: '@demo/plugin-http',
        schemaVersion: 1,
        versions: [
          {
            categories: ['network'],
            commit: await commitOf('@demo/plugin-http@1.1.0'),
            coreRange: '^1.4.0',
            description: 'HTTP requests as demo tasks.',
            ecosystem: 'npm',
            elements: [{ description: 'Describe an HTTP request for the host to send.', kind: 'task', name: 'http.request' }],
            group: '@demo',
            keywords: ['demo-plugin', 'http', 'request'],
            license: 'MIT',
            // The second release commit of the demo: 2025-02-03T09:00Z + 6 commits × 6 h.
            releaseDate: '2025-02-05T03:00:00Z',
            releaseNotes: NOTES + '\n',
            repository: 'https://github.com/slipway-demo/plugins/tree/HEAD/plugins/http',
            tag: '@demo/plugin-http@1.1.0',
            title: 'HTTP',
            version: '1.1.0',
          },
        ],
      }),
    );
    expect(files.get('index.json')).toBe(
      json({
        plugins: [
          {
            categories: ['network'],
            description: 'HTTP requests as demo tasks.',
            ecosystem: 'npm',
            file: HTTP_FILE,
            group: '@demo',
            keywords: ['demo-plugin', 'http', 'request'],
            latest: '1.1.0',
            name: '@demo/plugin-http',
            title: 'HTTP',
            versions: [{ coreRange: '^1.4.0', releaseDate: '2025-02-05T03:00:00Z', version: '1.1.0' }],
          },
        ],
        schemaVersion: 1,
      }),
    );
    expect(files.get('index.html')).toContain('<title>Plugin catalog</title>');
    github.assertNoViolations();
  });

  it('indexes the pushed tag of a `push: tags` run (GITHUB_REF) from the CLI, keeping the other plugin', async () => {
    const before = tipOf(demo.remoteDir);
    const run = await cli(['index', '--json'], { GITHUB_REF: 'refs/tags/@demo/plugin-sql@0.2.0' });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'committed', changed: ['index.json', SQL_FILE], versions: ['@demo/plugin-sql@0.2.0'] });
    expect(commitCount(demo.remoteDir)).toBe(2);
    expect(String((await execa('git', ['rev-parse', `${tipOf(demo.remoteDir)}^`], { cwd: demo.remoteDir })).stdout)).toBe(before);
    expect((branchJson(demo.remoteDir, 'index.json') as { plugins: { name: string }[] }).plugins.map((p) => p.name)).toEqual(['@demo/plugin-http', '@demo/plugin-sql']);
    expect(branchJson(demo.remoteDir, SQL_FILE)).toMatchObject({ versions: [{ version: '0.2.0', elements: [{ name: 'sql.query' }], releaseDate: '2025-02-05T03:00:00Z' }] });
  });

  it('makes no commit when the same tag is indexed again (byte-identical files)', async () => {
    const before = tipOf(demo.remoteDir);
    const run = await cli(['index', '--tag', '@demo/plugin-sql@0.2.0', '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'unchanged', changed: [] });
    expect(tipOf(demo.remoteDir)).toBe(before);
  });

  it('skips a tag that belongs to no plugin, with a notice, and changes nothing', async () => {
    await execa('git', ['tag', 'docs-2025'], { cwd: demo.fleetDir });
    const before = tipOf(demo.remoteDir);
    const run = await cli(['index', '--tag', 'docs-2025']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toContain('skipped tag docs-2025: not a release tag (the format is {name}@{version})');
    expect(tipOf(demo.remoteDir)).toBe(before);
  });

  it('reindexes one plugin’s every version, then rebuilds the whole catalog from the tags', async () => {
    const reindex = await cli(['index', '--plugin', '@demo/plugin-http', '--json']);
    expect(reindex.exitCode, reindex.stderr).toBe(0);
    // 1.0.0 is new; 1.1.0 is read again without its GitHub Release notes (no token), so it changes too.
    expect(JSON.parse(reindex.stdout).versions).toEqual(['@demo/plugin-http@1.0.0', '@demo/plugin-http@1.1.0']);
    expect((branchJson(demo.remoteDir, HTTP_FILE) as { versions: { version: string }[] }).versions.map((v) => v.version)).toEqual(['1.1.0', '1.0.0']);

    const rebuild = await cli(['index', '--rebuild', '--json']);
    expect(rebuild.exitCode, rebuild.stderr).toBe(0);
    expect(JSON.parse(rebuild.stdout).versions).toHaveLength(9);
    const index = branchJson(demo.remoteDir, 'index.json') as { plugins: { name: string; latest: string; versions: unknown[] }[] };
    expect(index.plugins.map((p) => [p.name, p.latest, p.versions.length])).toEqual([
      ['@demo/plugin-csv', '1.0.1', 2],
      ['@demo/plugin-http', '1.1.0', 2],
      ['@demo/plugin-s3', '1.0.1', 2],
      ['@demo/plugin-slack', '1.0.0', 1],
      ['@demo/plugin-sql', '0.2.0', 2],
    ]);
    const again = await cli(['index', '--rebuild', '--json']);
    expect(JSON.parse(again.stdout).status).toBe('unchanged');
    // Reindexing everything reads all nine versions again and finds every byte the same.
    const all = await cli(['index', '--all', '--json']);
    expect(JSON.parse(all.stdout)).toMatchObject({ status: 'unchanged', changed: [] });
    expect(JSON.parse(all.stdout).versions).toHaveLength(9);
  });

  it('answers “latest version compatible with core X” from index.json', async () => {
    const compatible = await cli(['catalog', 'compatible', '--core', '1.4.0', '--json']);
    expect(compatible.exitCode, compatible.stderr).toBe(0);
    expect(JSON.parse(compatible.stdout)).toEqual({
      core: '1.4.0',
      compatible: [
        { name: '@demo/plugin-csv', version: '1.0.1', coreRange: '^1.4.0' },
        { name: '@demo/plugin-http', version: '1.1.0', coreRange: '^1.4.0' },
        { name: '@demo/plugin-s3', version: '1.0.1', coreRange: '^1.4.0' },
        { name: '@demo/plugin-slack', version: '1.0.0', coreRange: '^1.4.0' },
        { name: '@demo/plugin-sql', version: '0.2.0', coreRange: '^1.4.0' },
      ],
      incompatible: [],
      undeclared: [],
    });
    const develop = await cli(['catalog', 'compatible', '--core', '2.0.0']);
    expect(develop.stdout).toContain('compatible with core 2.0.0: 0 plugin(s)');
    expect(develop.stdout).toContain('no version compatible: @demo/plugin-csv, @demo/plugin-http, @demo/plugin-s3, @demo/plugin-slack, @demo/plugin-sql');
  });

  it('extracts metadata on its own, for a commit too (slipway metadata)', async () => {
    const run = await cli(['metadata', '--plugin', '@demo/plugin-csv', '--ref', 'main']);
    expect(run.exitCode, run.stderr).toBe(0);
    const [csv] = JSON.parse(run.stdout);
    expect(csv).toMatchObject({ name: '@demo/plugin-csv', version: '1.0.1', commit: (await execa('git', ['rev-parse', 'main'], { cwd: demo.fleetDir })).stdout });
    expect(csv).not.toHaveProperty('tag');
  });

  it('reads the tags the release job dispatches (its workflow_dispatch input is this workflow’s `tags`)', async () => {
    const octokit = createGitHubClient({ baseUrl: github.url, token: github.token, writeSpacingMs: 0 });
    const tags = ['@demo/plugin-http@1.1.0', '@demo/plugin-csv@1.0.1'];
    await dispatchIndex({ octokit, repo: { owner: 'slipway-demo', repo: 'plugins' }, ref: 'main', tags, reporter: memoryReporter() });
    const [dispatch] = github.state.repos.get('slipway-demo/plugins')!.dispatches;
    expect(dispatch).toMatchObject({ workflowId: 'index.yml', ref: 'main' });
    // What workflows/index.yml passes on as `tags:`, the index action splits back into the tags sent.
    expect(splitTagList(dispatch!.inputs['tags']!)).toEqual(tags);
    github.assertNoViolations();
  });
});
