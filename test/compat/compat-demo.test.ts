/**
 * `slipway compat` end to end on the demo fleet, as a person runs it: the real CLI in its own
 * process, the real core repository (develop really breaks a plugin), real `npm pack` and
 * `npm install` of the core (with the registry unreachable: a tarball without dependencies
 * needs none), real plugin tests writing real JUnit XML, the real Slack and GitHub clients
 * against the local servers, and the report page in a real headless Chromium.
 */
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoFleet } from '../../src/adapters/demo/create-demo-fleet.ts';
import type { StoredRun } from '../../src/core/compat/compat-run.ts';
import { pluginOfIssue } from '../../src/core/compat/regression-issues.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { indexCatalog } from '../../src/jobs/index.ts';
import { startHarness, type Harness } from '../github/harness.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { startSlackServer, type SlackServer } from '../servers/slack/index.ts';
import { createCompatFleet, fixSlackPlugin, TIMEOUT_SECONDS } from './compat-fleet.ts';

/** The slice of the browser's window the page check uses (the project compiles without the DOM lib). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');

let fleet: DemoFleet;
let slack: SlackServer;
let gh: Harness;
let week1: { run: StoredRun; work: string; stderr: string };
let week2: { run: StoredRun; work: string; stderr: string };

async function slipway(args: string[]) {
  const result = await execa(process.execPath, [CLI, ...args], {
    cwd: fleet.fleetDir,
    reject: false,
    env: {
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: slack.apiUrl,
      GITHUB_TOKEN: gh.github.token,
      GITHUB_API_URL: gh.github.url,
      // Nothing may reach a registry: the core installs from its tarball alone.
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_cache: tempDir('slipway-npm-cache-'),
    },
  });
  if (result.exitCode !== 0) throw new Error(`slipway ${args.join(' ')} failed (${result.exitCode}):\n${result.stderr}`);
  return result;
}

async function compatRun(runId: string) {
  const work = tempDir('slipway-compat-work-');
  const { stdout, stderr } = await slipway(['compat', '--jobs', '2', '--work', work, '--run-id', runId, '--issues', 'acme/plugins', '--json']);
  return { run: JSON.parse(stdout) as StoredRun, work, stderr };
}

const classes = (run: StoredRun) => Object.fromEntries(run.results.map((r) => [r.plugin.replace('@demo/plugin-', ''), r.class]));
const resultOf = (run: StoredRun, short: string) => run.results.find((r) => r.plugin === `@demo/plugin-${short}`)!;
const git = async (...args: string[]) => (await execa('git', args, { cwd: fleet.fleetDir })).stdout;
const catalogTip = async () => (await execa('git', ['rev-parse', 'slipway-catalog'], { cwd: fleet.remoteDir })).stdout;
const catalogCompat = async () => JSON.parse((await execa('git', ['show', 'slipway-catalog:compat.json'], { cwd: fleet.remoteDir })).stdout);
const slackIssue = () => gh.github.state.requireRepo('acme/plugins').issues.filter((i) => pluginOfIssue(i.body) === '@demo/plugin-slack');

beforeAll(async () => {
  [fleet, slack, gh] = await Promise.all([createCompatFleet(), startSlackServer({ channels: ['general', 'compat'] }), startHarness()]);
  gh.github.state.addRepo('acme/plugins');
  // The catalog exists (the index job ran for one release): compat records compatibility in it.
  await indexCatalog({ cwd: fleet.fleetDir, reporter: memoryReporter(), select: { kind: 'tags', tags: ['refs/tags/@demo/plugin-http@1.1.0'] } });
  week1 = await compatRun('week-1');
  // A whole compat run (two core builds, seven plugins, re-runs on both cores) on a loaded 2-core machine.
}, 240_000);

afterAll(async () => {
  gh?.github.assertNoViolations();
  await Promise.all([slack?.close(), gh?.github.close()]);
  cleanupTempDirs();
});

describe('slipway compat on the demo fleet', () => {
  it('classifies every plugin: regressed, still broken, flaky, infra (timeout), passed', () => {
    expect(classes(week1.run)).toEqual({
      cache: 'flaky',
      csv: 'still-broken',
      http: 'passed',
      queue: 'infra',
      s3: 'passed',
      slack: 'regressed',
      sql: 'passed',
    });
    expect(week1.run.core).toMatchObject({ channel: 'develop', ref: 'develop', version: '2.0.0-dev', package: '@demo/core' });
    expect(week1.run.releaseCore).toMatchObject({ channel: 'release', ref: 'v1.4.0', version: '1.4.0' });
  });

  it('names the failing tests from the JUnit XML the plugins wrote, and why each verdict', () => {
    const slackResult = resultOf(week1.run, 'slack');
    expect(slackResult.attempts.map((a) => a.outcome)).toEqual(['fail', 'fail']);
    expect(slackResult.attempts[0]!.failingTests).toEqual(['slack.post goes to #general unless a channel is given']);
    expect(slackResult.attempts[0]!.logTail).toContain('core.registerTask is not a function');
    expect(slackResult).toMatchObject({ baselineVerdict: 'pass', baseline: { outcome: 'pass' } });

    expect(resultOf(week1.run, 'csv')).toMatchObject({ baselineVerdict: 'fail', brokenSince: 'week-1' });
    expect(resultOf(week1.run, 'csv').attempts[0]!.failingTests).toEqual(['tabs separate fields too']);

    const cache = resultOf(week1.run, 'cache');
    expect(cache.attempts.map((a) => a.outcome)).toEqual(['fail', 'pass']);
    expect(cache.attempts[0]!.failingTests).toEqual(['the cache warms up before the first read']);
    // A pass needs no re-test against the released core.
    expect(resultOf(week1.run, 'http').baseline).toBeUndefined();
  });

  it('times out the hanging plugin once, without a re-run, and kills the worker it started', async () => {
    const queue = resultOf(week1.run, 'queue');
    expect(queue.attempts).toHaveLength(1);
    expect(queue.attempts[0]).toMatchObject({ outcome: 'timeout', exitCode: null });
    expect(queue.attempts[0]!.durationMs).toBeGreaterThanOrEqual(TIMEOUT_SECONDS * 1000 - 100);
    expect(queue.attempts[0]!.durationMs).toBeLessThan(TIMEOUT_SECONDS * 1000 + 6000);
    const worker = Number(readFileSync(join(week1.work, 'plugin-queue.worker.pid'), 'utf8'));
    const stat = existsSync(`/proc/${worker}/stat`) ? readFileSync(`/proc/${worker}/stat`, 'utf8') : '';
    expect(stat === '' || /^\d+ \(.*\) Z/.test(stat), `worker ${worker} still running: ${stat}`).toBe(true);
  });

  it('built the core once per run from the real repository: develop and the released v1.4.0, packed by npm', () => {
    const core = JSON.parse(readFileSync(join(week1.work, 'core/develop/core.json'), 'utf8'));
    expect(core).toMatchObject({ ecosystem: 'npm', tarball: 'demo-core-2.0.0-dev.tgz' });
    expect(existsSync(join(week1.work, 'core/release/demo-core-1.4.0.tgz'))).toBe(true);
    expect(JSON.parse(readFileSync(join(week1.work, 'core-develop/node_modules/@demo/core/package.json'), 'utf8')).version).toBe('2.0.0-dev');
    expect(existsSync(join(week1.work, 'logs/demo__plugin-slack.log'))).toBe(true);
  });

  it('schedules one Slack message for Monday 09:00 Berlin time with the counts and the regression', () => {
    expect(slack.scheduled).toHaveLength(1);
    const [message] = slack.scheduled;
    expect(message!.channel).toBe(slack.channelId('compat'));
    const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(message!.post_at * 1000);
    expect(berlin).toBe('Mon 09:00');
    expect(message!.post_at * 1000 - Date.now()).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);
    expect(message!.text).toContain('1 regressed, 1 still broken, 1 flaky, 1 infra, 3 passed');
    expect(JSON.stringify(message!.blocks)).toContain('*@demo/plugin-slack* 1.0.0 — `slack.post goes to #general unless a channel is given`');
  });

  it('opens one issue for the regression and none for the plugin that fails with the released core too', () => {
    expect(slackIssue()).toHaveLength(1);
    expect(slackIssue()[0]).toMatchObject({ state: 'open', labels: ['compat-regression'] });
    expect(gh.github.state.requireRepo('acme/plugins').issues).toHaveLength(1);
  });

  it('stores the run on the results branch, with what each plugin version passed with for the catalog', async () => {
    expect((await git('ls-tree', '--name-only', 'slipway-compat', 'runs/')).split('\n')).toHaveLength(1);
    const compat = JSON.parse(await git('show', 'slipway-compat:compat.json'));
    const developLabel = `2.0.0-dev+g${week1.run.core.sha.slice(0, 7)}`;
    expect(compat.plugins['@demo/plugin-http']['1.1.0']).toEqual({ passedWith: [developLabel], failedWith: [] });
    expect(compat.plugins['@demo/plugin-slack']['1.0.0']).toEqual({ passedWith: ['1.4.0'], failedWith: [developLabel] });
    expect(compat.plugins['@demo/plugin-queue']).toBeUndefined();
    expect(await git('status', '--porcelain')).toBe('');
  });

  it('records in the catalog, beside its index.json, which core versions each plugin version passed with', async () => {
    const files = (await execa('git', ['ls-tree', '--name-only', 'slipway-catalog'], { cwd: fleet.remoteDir })).stdout.split('\n');
    expect(files).toEqual(expect.arrayContaining(['compat.json', 'index.json', 'plugins']));
    const compat = await catalogCompat();
    expect(compat).toMatchObject({ schema: 1, core: '@demo/core', updatedBy: 'week-1' });
    expect(compat.plugins['@demo/plugin-slack']['1.0.0']).toEqual({ passedWith: ['1.4.0'], failedWith: [`2.0.0-dev+g${week1.run.core.sha.slice(0, 7)}`] });
  });

  it('duplicates nothing when the report runs again from the same shard results', async () => {
    const branchTip = await git('rev-parse', 'slipway-compat');
    const catalogBefore = await catalogTip();
    const issueWrites = gh.github.requests.filter((r) => r.method !== 'GET').length;
    const { stdout, stderr } = await slipway(['compat', 'report', '--results', join(week1.work, 'results'), '--run-id', 'week-1', '--issues', 'acme/plugins', '--json']);
    expect(classes(JSON.parse(stdout))).toEqual(classes(week1.run));
    expect(stderr).toContain('already stored');
    expect(stderr).toContain('already scheduled');
    expect(await git('rev-parse', 'slipway-compat')).toBe(branchTip);
    expect(await catalogTip()).toBe(catalogBefore);
    expect(slack.scheduled).toHaveLength(1);
    expect(slack.calls.count('chat.scheduleMessage')).toBe(1);
    expect(gh.github.requests.filter((r) => r.method !== 'GET').length).toBe(issueWrites);
    expect(slackIssue()).toHaveLength(1);
  });

  it('shows every write of a report in a dry run, and makes none', async () => {
    const before = { branch: await git('rev-parse', 'slipway-compat'), catalog: await catalogTip(), scheduled: slack.scheduled.length, writes: gh.github.requests.filter((r) => r.method !== 'GET').length };
    const { stderr } = await slipway(['compat', 'report', '--results', join(week1.work, 'results'), '--run-id', 'week-1-again', '--issues', 'acme/plugins', '--dry-run']);
    expect(stderr).toContain('dry run: would add the run\'s results to branch slipway-compat');
    expect(stderr).toMatch(/dry run: would post to Slack #compat for \S+ \(monday 09:00 Europe\/Berlin\)/);
    expect(stderr).toMatch(/dry run: would update issue #\d+ for @demo\/plugin-slack/);
    const after = { branch: await git('rev-parse', 'slipway-compat'), catalog: await catalogTip(), scheduled: slack.scheduled.length, writes: gh.github.requests.filter((r) => r.method !== 'GET').length };
    expect(after).toEqual(before);
  });

  describe('the week after the slack plugin is fixed', () => {
    beforeAll(async () => {
      await fixSlackPlugin(fleet.fleetDir);
      week2 = await compatRun('week-2');
    }, 240_000);

    it('calls the slack plugin fixed and the csv plugin still broken since week 1', () => {
      expect(classes(week2.run)).toEqual({ cache: 'flaky', csv: 'still-broken', http: 'passed', queue: 'infra', s3: 'passed', slack: 'fixed', sql: 'passed' });
      expect(resultOf(week2.run, 'csv').brokenSince).toBe('week-1');
      expect(week2.stderr).toContain('compared with week-1');
    });

    it('closes the slack issue and schedules the new week’s message beside the old one', () => {
      expect(slackIssue()).toHaveLength(1);
      expect(slackIssue()[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
      expect(slack.scheduled).toHaveLength(2);
      expect(slack.scheduled[1]!.text).toContain('1 still broken, 1 fixed, 1 flaky, 1 infra, 3 passed');
    });

    it('adds to the catalog’s compat.json, losing nothing from week 1', async () => {
      const develop = `2.0.0-dev+g${week2.run.core.sha.slice(0, 7)}`;
      const slackVersions = (await catalogCompat()).plugins['@demo/plugin-slack']['1.0.0'];
      expect(slackVersions).toEqual({ passedWith: ['1.4.0', develop].sort(), failedWith: [develop] });
    });

    it('keeps both runs on the results branch', async () => {
      const files = (await git('ls-tree', '--name-only', 'slipway-compat', 'runs/')).split('\n');
      expect(files).toHaveLength(2);
      expect(files[1]).toMatch(/_week-2\.json$/);
      expect(await git('rev-list', '--count', 'slipway-compat')).toBe('2');
    });

    it('plans the next run with the durations it learnt, longest first', async () => {
      const { stdout } = await slipway(['compat', 'plan', '--json', '--max-shards', '300']);
      const { matrix, plan } = JSON.parse(stdout);
      expect(plan.estimated).toEqual([]);
      // What each plugin cost its shard (attempts + re-test), averaged over the two weeks.
      const cost = (run: StoredRun, plugin: string) => {
        const r = run.results.find((x) => x.plugin === plugin)!;
        return r.attempts.reduce((sum, a) => sum + a.durationMs, 0) + (r.baseline?.durationMs ?? 0) * (r.baselineAttempts ?? 1);
      };
      const mean = (plugin: string) => (cost(week1.run, plugin) + cost(week2.run, plugin)) / 2;
      expect(plan.order).toEqual([...fleet.plugins].sort((a, b) => mean(b) - mean(a) || (a < b ? -1 : 1)));
      expect(mean('@demo/plugin-queue')).toBeGreaterThanOrEqual(TIMEOUT_SECONDS * 1000 - 100);
      expect(matrix.include).toHaveLength(7);
      expect(matrix.include.flatMap((entry: { plugins: string[] }) => entry.plugins).sort()).toEqual(fleet.plugins);
    });
  });

  describe('the report page', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    }, 60_000);
    afterAll(() => browser?.close());

    it('shows plugins × recent runs in a real browser, coloured by class, failing tests on hover', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      const file = join(tempDir(), 'index.html');
      await writeFile(file, await git('show', 'slipway-compat:index.html'));
      await page.goto(`file://${file}`);

      expect(await page.title()).toBe('Compatibility with core develop');
      const runs = await page.$$eval('thead th[data-run]', (ths) => ths.map((th) => th.getAttribute('data-run')));
      expect(runs).toEqual(['week-2', 'week-1']);
      const rows = await page.$$eval('tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-plugin')));
      expect(rows).toEqual(fleet.plugins);
      const slackCells = await page.$$eval('tr[data-plugin="@demo/plugin-slack"] td', (tds) =>
        tds.map((td) => ({ cls: td.getAttribute('data-class'), bg: (globalThis as unknown as BrowserWindow).getComputedStyle(td).backgroundColor, title: td.getAttribute('title') })),
      );
      expect(slackCells.map((c) => c.cls)).toEqual(['fixed', 'regressed']);
      expect(slackCells[0]!.bg).not.toBe(slackCells[1]!.bg);
      expect(slackCells[1]!.title).toContain('slack.post goes to #general unless a channel is given');
      const table = await page.locator('#compat-matrix').boundingBox();
      expect(table!.width).toBeGreaterThan(200);
      expect(await page.locator('.summary').innerText()).toContain('1 fixed');
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
