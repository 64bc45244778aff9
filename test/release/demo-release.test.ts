/**
 * The demo fleet released end to end, as a person would: plan into a file, `slipway release
 * --plan`, approve at the y/N prompt; into the demo's bare remote, the local GitHub server and
 * a real Verdaccio. Then the same plan again: everything is found done, nothing is duplicated.
 */
import { execa } from 'execa';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoFleet, type DemoFleet } from '../../src/adapters/demo/create-demo-fleet.ts';
import { run } from '../../src/cli/commands/release.ts';
import type { ReleasePlan } from '../../src/core/plan/release-plan.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { makePlan, readJournal, releasesOf, sectionCount, startServers, type Servers } from './helpers.ts';

const REPOSITORY = 'slipway-demo/plugins';
// From the demo generator's header: http feat → minor, csv fix + perf → patch, sql breaking at
// 0.x → minor, s3 only depends on http → patch; slack has docs and a non-conventional commit.
const EXPECTED = {
  '@demo/plugin-csv': '1.0.2',
  '@demo/plugin-http': '1.2.0',
  '@demo/plugin-s3': '1.0.2',
  '@demo/plugin-sql': '0.3.0',
};
const FOLDER: Record<string, string> = { '@demo/plugin-csv': 'csv', '@demo/plugin-http': 'http', '@demo/plugin-s3': 's3', '@demo/plugin-sql': 'sql' };

let demo: DemoFleet;
let servers: Servers;
let plan: ReleasePlan;
let planFile: string;

beforeAll(async () => {
  [demo, servers] = await Promise.all([createDemoFleet(), startServers()]);
  servers.github.state.addRepo(REPOSITORY);
  plan = await makePlan(demo.fleetDir);
  planFile = join(tempDir(), 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan, null, 2) + '\n');
});
afterAll(async () => {
  await servers?.close();
  cleanupTempDirs();
});

/** A terminal that answers `answer` to the prompt and keeps what was written to it. */
function terminal(answer: string) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  input.end(answer);
  let text = '';
  const output = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    }),
    { isTTY: true },
  );
  return { input, output, text: () => text };
}

const release = (args: string[], io: ReturnType<typeof terminal>) =>
  run(
    ['--cwd', demo.fleetDir, '--plan', planFile, '--registry', servers.registry.url, '--github-url', servers.github.url, '--repo', REPOSITORY, ...args],
    { debug: false },
    { input: io.input, output: io.output, env: { GITHUB_TOKEN: servers.github.token, NPM_TOKEN: servers.registry.token } },
  );

const bare = async (...args: string[]) => (await execa('git', ['--git-dir', demo.remoteDir, ...args])).stdout;

describe('releasing the demo fleet', () => {
  it('plans the four expected releases', () => {
    expect(Object.fromEntries(plan.releases.map((r) => [r.name, r.to]))).toEqual(EXPECTED);
  });

  it('answering no at the prompt writes nothing', async () => {
    const before = await bare('for-each-ref');
    const io = terminal('n\n');
    expect(await release([], io)).toBe(1);
    expect(io.text()).toContain(`Release 4 plugins as shown (plan ${plan.hash.slice(0, 19)})? [y/N]`);
    expect(io.text()).toContain('not released: nothing was written');
    expect((await execa('git', ['status', '--porcelain'], { cwd: demo.fleetDir })).stdout).toBe('');
    expect(await bare('for-each-ref')).toBe(before);
    expect(releasesOf(servers.github, REPOSITORY)).toEqual([]);
  });

  it('approved at the prompt: one bumped manifest, changelog section, tag, GitHub Release and published version per plugin, and a pushed release commit', async () => {
    const journalFile = join(tempDir(), 'journal.json');
    const io = terminal('y\n');
    expect(await release(['--journal', journalFile], io)).toBe(0);
    expect(io.text()).toMatch(/released 4 plugins \(@demo\/plugin-csv@1\.0\.2, @demo\/plugin-http@1\.2\.0, @demo\/plugin-s3@1\.0\.2, @demo\/plugin-sql@0\.3\.0\): steps 22 done in/);

    for (const [name, version] of Object.entries(EXPECTED)) {
      const folder = join(demo.fleetDir, 'plugins', FOLDER[name]!);
      expect(JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version).toBe(version);
      const changelog = readFileSync(join(folder, 'CHANGELOG.md'), 'utf8');
      expect(changelog.startsWith(`# Changelog\n\n## ${version} (`)).toBe(true);
      expect(sectionCount(changelog, version)).toBe(1);
    }
    expect(JSON.parse(readFileSync(join(demo.fleetDir, 'plugins/s3/package.json'), 'utf8')).dependencies).toEqual({ '@demo/plugin-http': '^1.2.0' });
    // slack is not released: untouched.
    expect(JSON.parse(readFileSync(join(demo.fleetDir, 'plugins/slack/package.json'), 'utf8')).version).toBe('1.0.0');
    expect(existsSync(join(demo.fleetDir, 'plugins/slack/CHANGELOG.md'))).toBe(false);

    // The remote: the release commit on main, with the four tags on it, annotated.
    const head = (await execa('git', ['rev-parse', 'HEAD'], { cwd: demo.fleetDir })).stdout;
    expect(await bare('rev-parse', 'main')).toBe(head);
    expect((await bare('log', '-1', '--format=%B', 'main')).trimEnd()).toBe(
      `chore(release): publish\n\n- @demo/plugin-csv@1.0.2\n- @demo/plugin-http@1.2.0\n- @demo/plugin-s3@1.0.2\n- @demo/plugin-sql@0.3.0\n\nSlipway-Plan: ${plan.hash}`,
    );
    expect((await bare('tag', '--points-at', 'main')).split('\n').sort()).toEqual(Object.entries(EXPECTED).map(([n, v]) => `${n}@${v}`));
    expect(await bare('cat-file', '-t', '@demo/plugin-http@1.2.0')).toBe('tag');
    expect(await bare('diff', '--name-only', 'main~1', 'main')).toBe(
      ['csv', 'http', 's3', 'sql'].flatMap((p) => [`plugins/${p}/CHANGELOG.md`, `plugins/${p}/package.json`]).join('\n'),
    );

    // GitHub: one release per tag, with its changelog section as notes.
    const releases = releasesOf(servers.github, REPOSITORY);
    expect(releases.map((r) => r.tagName).sort()).toEqual(Object.entries(EXPECTED).map(([n, v]) => `${n}@${v}`));
    const http = releases.find((r) => r.tagName === '@demo/plugin-http@1.2.0')!;
    expect(http).toMatchObject({ name: '@demo/plugin-http 1.2.0', prerelease: false, draft: false, targetCommitish: head });
    expect(http.body).toMatch(/^### Features\n\n\* \*\*http:\*\* retry failed requests \([0-9a-f]{7}\) — Demo Maintainer$/);
    servers.github.assertNoViolations();

    // The registry, read back with the npm CLI.
    for (const [name, version] of Object.entries(EXPECTED)) expect(await servers.npmVersions(name)).toEqual([version]);

    const journal = readJournal(journalFile);
    expect(journal).toMatchObject({ planHash: plan.hash, result: 'released', error: null });
    expect(journal.entries.filter((e) => e.status === 'done').length).toBe(1 + 22); // verify + every step
  });

  it('the same plan again finds every step done and duplicates nothing; a new plan has nothing to release', async () => {
    const creates = servers.github.count('repos/create-release');
    const head = await bare('rev-parse', 'main');
    const journalFile = join(tempDir(), 'journal.json');
    const io = terminal('');
    expect(await release(['--yes', '--journal', journalFile], io)).toBe(0);
    expect(io.text()).toContain('steps 0 done, 22 already done');

    const journal = readJournal(journalFile);
    expect(journal.entries.filter((e) => e.step !== 'verify').map((e) => e.status)).toEqual(Array(22).fill('already-done'));
    expect(servers.github.count('repos/create-release')).toBe(creates);
    expect(servers.github.count('repos/update-release')).toBe(0);
    expect(await bare('rev-parse', 'main')).toBe(head);
    expect(releasesOf(servers.github, REPOSITORY)).toHaveLength(4);
    expect(await servers.npmVersions('@demo/plugin-http')).toEqual(['1.2.0']);
    expect(sectionCount(readFileSync(join(demo.fleetDir, 'plugins/http/CHANGELOG.md'), 'utf8'), '1.2.0')).toBe(1);
    servers.github.assertNoViolations();

    expect((await makePlan(demo.fleetDir)).releases).toEqual([]);
  });
});
