/**
 * A release that fails or dies after each of its steps in turn — a crash between steps, GitHub
 * answering 5xx, the registry refusing or unreachable, the remote refusing the push — and a
 * rerun with the same plan that finishes the job. For every scenario, every step's result is
 * asserted on both runs, and each write happened exactly once: one release commit, one tag,
 * one GitHub Release, one published version and one changelog section per plugin.
 */
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryStatus, JournalEntry, ReleaseJournal } from '../../src/core/release/journal.ts';
import { ReleaseRunError, shipPlan, type ReleaseJobOptions } from '../../src/jobs/release.ts';
import { cleanupTempDirs } from '../helpers/repo.ts';
import { newReleaseCase, pushConcurrentCommit, refuseNextPush, releasesOf, sectionCount, shipOptions, startServers, type ReleaseCase, type Servers } from './helpers.ts';

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => {
  await servers?.close();
  cleanupTempDirs();
});

/**
 * Every step of a release of p1 (1.1.0) and dep (2.0.1, depends on p1), in order: plugins by
 * name (dep before p1), except publishing, where a dependency goes first.
 */
const STEPS = [
  'manifest dep', 'manifest p1', 'changelog dep', 'changelog p1', 'commit', 'tag dep', 'tag p1', 'push',
  'github-release dep', 'github-release p1', 'publish p1', 'publish dep',
] as const;
type Step = (typeof STEPS)[number];




/** The step a journal entry is, in this file's short names (`tag p1`). */
const short = (c: ReleaseCase, entry: JournalEntry) => (entry.plugin ? `${entry.step} ${entry.plugin.slice(c.scope.length + 1)}` : entry.step);
const statuses = (c: ReleaseCase, journal: ReleaseJournal) =>
  Object.fromEntries(journal.entries.filter((e) => e.step !== 'verify' && e.step !== 'sync').map((e) => [short(c, e), e.status]));

/** Dies right after the first step of `kind` is journaled, as a killed process would. */
const crashAfter = (kind: string): ReleaseJobOptions['afterStep'] => {
  let crashed = false;
  return (entry) => {
    if (!crashed && entry.step === kind) {
      crashed = true;
      throw new Error(`killed after ${kind}`);
    }
  };
};

/** What the world must hold after the release finished, whatever happened on the way. */
async function assertReleasedOnce(c: ReleaseCase): Promise<void> {
  const { dir, remote } = c.fleet;
  const p1 = `${c.scope}/p1`;
  const dep = `${c.scope}/dep`;
  const bare = async (...args: string[]) => (await execa('git', ['--git-dir', remote, ...args])).stdout;

  // One release commit, on the remote's main, with both tags on it and nothing else since the base.
  expect(await bare('rev-list', '--count', `${c.plan.baseSha}..main`)).toBe('1');
  expect(await bare('log', '-1', '--format=%B', 'main')).toContain(`Slipway-Plan: ${c.plan.hash}`);
  expect((await bare('tag', '--points-at', 'main')).split('\n').sort()).toEqual([`${dep}@2.0.1`, `${p1}@1.1.0`]);
  expect((await execa('git', ['status', '--porcelain'], { cwd: dir })).stdout).toBe('');

  // Files: bumped once, one section each.
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  expect(JSON.parse(read('plugins/p1/package.json')).version).toBe('1.1.0');
  expect(JSON.parse(read('plugins/dep/package.json'))).toMatchObject({ version: '2.0.1', dependencies: { [p1]: '^1.1.0' } });
  expect(sectionCount(read('plugins/p1/CHANGELOG.md'), '1.1.0')).toBe(1);
  expect(sectionCount(read('plugins/dep/CHANGELOG.md'), '2.0.1')).toBe(1);

  // GitHub: one release per tag, each created once.
  expect(releasesOf(servers.github, c.repository).map((r) => r.tagName).sort()).toEqual([`${dep}@2.0.1`, `${p1}@1.1.0`]);
  const created = servers.github.requests.filter((r) => r.operationId === 'repos/create-release' && r.status === 201 && r.path === `/repos/${c.repository}/releases`);
  expect(created).toHaveLength(2);
  servers.github.assertNoViolations();

  // The registry: one version each (read over HTTP; the demo test reads back with npm view).
  expect(await servers.registryVersions(p1)).toEqual(['1.1.0']);
  expect(await servers.registryVersions(dep)).toEqual(['2.0.1']);
}

interface Scenario {
  name: string;
  /** Where the first run stops: the step that fails, or the step after which it dies. */
  stopsAt: Step;
  /** true: that step itself failed; false: it finished and the process died right after. */
  stepFails: boolean;
  /** Sets the fault up; returns the first run's option overrides. */
  arrange(c: ReleaseCase): Partial<ReleaseJobOptions>;
  /** A piece of the first run's error message. */
  error: string;
}

const crash = (stopsAt: Step): Scenario => ({
  name: `killed right after ${stopsAt}`,
  stopsAt,
  stepFails: false,
  arrange: () => ({ afterStep: crashAfter(stopsAt.split(' ')[0]!) }),
  error: `killed after ${stopsAt.split(' ')[0]}`,
});

const SCENARIOS: Scenario[] = [
  ...(['manifest dep', 'changelog dep', 'commit', 'tag dep', 'push', 'github-release dep', 'publish p1'] as const).map(crash),
  {
    name: 'GitHub answers 502 to creating a release, more often than the client retries',
    stopsAt: 'github-release dep',
    stepFails: true,
    arrange: (c) => {
      servers.github.inject({ method: 'POST', path: `/repos/${c.repository}/releases`, status: 502, times: 4 });
      return {};
    },
    error: 'HTTP 502',
  },
  {
    name: 'GitHub answers 503 to listing releases',
    stopsAt: 'github-release dep',
    stepFails: true,
    arrange: (c) => {
      servers.github.inject({ method: 'GET', path: `/repos/${c.repository}/releases`, status: 503, times: 4 });
      return {};
    },
    error: 'listing releases',
  },
  {
    name: 'the registry refuses the token',
    stopsAt: 'publish p1',
    stepFails: true,
    arrange: () => ({ registry: { url: servers.registry.url, token: 'not-a-valid-token' } }),
    error: 'failed',
  },
  {
    name: 'the registry is unreachable',
    stopsAt: 'publish p1',
    stepFails: true,
    arrange: () => ({ registry: { url: 'http://127.0.0.1:9/', token: servers.registry.token } }),
    error: 'could not read',
  },
  {
    name: 'the remote refuses the push (a pre-receive hook)',
    stopsAt: 'push',
    stepFails: true,
    arrange: (c) => {
      refuseNextPush(c.fleet.remote, 'pushes to main are frozen for maintenance');
      return {};
    },
    error: 'pushes to main are frozen for maintenance',
  },
];

describe('a rerun finishes a release that stopped at any step, with no duplicates', () => {
  it.each(SCENARIOS)('$name', async (scenario) => {
    const c = await newReleaseCase(servers, 'fault');
    const stop = STEPS.indexOf(scenario.stopsAt);

    // First run: stops where the fault is; every step before it is done.
    const first = await shipPlan(shipOptions(servers, c, scenario.arrange(c))).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(first).toBeInstanceOf(ReleaseRunError);
    const firstJournal = (first as ReleaseRunError).journal;
    expect(firstJournal.result).toBe('failed');
    expect(firstJournal.error?.message).toContain(scenario.error);
    expect(firstJournal.error?.step).toBe(`${scenario.stepFails ? '' : 'after '}${scenario.stopsAt.replace(/ (\w+)$/, ` ${c.scope}/$1`)}`);
    const expectedFirst = Object.fromEntries(STEPS.slice(0, stop + 1).map((s, i): [string, EntryStatus] => [s, i === stop && scenario.stepFails ? 'failed' : 'done']));
    expect(statuses(c, firstJournal)).toEqual(expectedFirst);

    // Rerun without the fault: what the first run did is found, the rest is done.
    const second = await shipPlan(shipOptions(servers, c));
    const lastFound = scenario.stepFails ? stop - 1 : stop;
    const expectedSecond = Object.fromEntries(STEPS.map((s, i): [string, EntryStatus] => [s, i <= lastFound ? 'already-done' : 'done']));
    expect(statuses(c, second.journal)).toEqual(expectedSecond);
    expect(second.journal.result).toBe('released');

    // Across both runs, every step wrote exactly once.
    for (const step of STEPS) {
      const done = [firstJournal, second.journal].flatMap((j) => j.entries).filter((e) => short(c, e) === step && e.status === 'done');
      expect(done, step).toHaveLength(1);
    }
    await assertReleasedOnce(c);
  });
});

describe('the remote moving on during a release', () => {
  it('a concurrent push of root files: the release commit is replayed on top and pushed in the same run', async () => {
    const c = await newReleaseCase(servers, 'fault');
    let theirs = '';
    const result = await shipPlan(
      shipOptions(servers, c, {
        afterStep: (entry) => {
          if (entry.step === 'tag' && !theirs) theirs = pushConcurrentCommit(c.fleet.remote, 'docs: a colleague edits the readme', { 'README.md': '# fleet\n\nby a colleague\n' });
        },
      }),
    );
    expect(result.journal.entries.find((e) => e.step === 'push')?.detail).toMatch(/replayed onto 1 concurrent push/);
    const bare = async (...args: string[]) => (await execa('git', ['--git-dir', c.fleet.remote, ...args])).stdout;
    expect(await bare('rev-parse', 'main~1')).toBe(theirs);
    // The release commit's files are only the release's; the colleague's README is kept.
    expect(await bare('show', 'main:README.md')).toBe('# fleet\n\nby a colleague');
    expect(await bare('rev-list', '--count', `${c.plan.baseSha}..main`)).toBe('2');
    expect((await bare('tag', '--points-at', 'main')).split('\n')).toHaveLength(2);

    const rerun = await shipPlan(shipOptions(servers, c));
    expect(Object.values(statuses(c, rerun.journal))).toEqual(Array(STEPS.length).fill('already-done'));
    expect(releasesOf(servers.github, c.repository)).toHaveLength(2);
    servers.github.assertNoViolations();
  });

  it('killed after tagging, then the remote moves on: the rerun replays the unpushed commit and moves its own tags', async () => {
    const c = await newReleaseCase(servers, 'fault');
    await expect(shipPlan(shipOptions(servers, c, { afterStep: crashAfter('tag') }))).rejects.toThrow('killed after tag');
    const theirs = pushConcurrentCommit(c.fleet.remote, 'chore: root tooling', { 'README.md': '# fleet\n\ntooling\n' });

    const rerun = await shipPlan(shipOptions(servers, c));
    const sync = rerun.journal.entries.find((e) => e.step === 'sync');
    expect(sync?.detail).toMatch(/replayed the unpushed release commit/);
    expect(statuses(c, rerun.journal)).toMatchObject({ commit: 'already-done', 'tag dep': 'done', 'tag p1': 'done', push: 'done' });
    // dep's tag was made on the old commit, so it moves with the replay; p1's was never made.
    expect(rerun.journal.entries.find((e) => short(c, e) === 'tag dep')?.detail).toMatch(/^moved /);
    expect(rerun.journal.entries.find((e) => short(c, e) === 'tag p1')?.detail).toMatch(/^created /);
    const bare = async (...args: string[]) => (await execa('git', ['--git-dir', c.fleet.remote, ...args])).stdout;
    expect(await bare('rev-parse', 'main~1')).toBe(theirs);
    expect((await bare('tag', '--points-at', 'main')).split('\n').sort()).toEqual([`${c.scope}/dep@2.0.1`, `${c.scope}/p1@1.1.0`]);
    expect(await servers.registryVersions(`${c.scope}/p1`)).toEqual(['1.1.0']);
  });

  it('a concurrent push that touches a planned plugin stops the release as stale; nothing reaches the remote', async () => {
    const c = await newReleaseCase(servers, 'fault');
    let theirs = '';
    const error = await shipPlan(
      shipOptions(servers, c, {
        afterStep: (entry) => {
          if (entry.step === 'tag' && !theirs) theirs = pushConcurrentCommit(c.fleet.remote, 'fix(p1): a late fix', { 'plugins/p1/index.js': 'export default 1.2;\n' });
        },
      }),
    ).then(
      () => undefined,
      (e: unknown) => e as ReleaseRunError,
    );
    if (!(error instanceof ReleaseRunError)) throw new Error('expected the release to be refused');
    expect(error.code).toBe('PLAN_STALE');
    expect(error.message).toContain(`${theirs.slice(0, 7)} "fix(p1): a late fix" (${c.scope}/p1)`);
    expect(error.hint).toContain('plan again');
    const remoteTags = (await execa('git', ['ls-remote', '--tags', c.fleet.remote])).stdout;
    expect(remoteTags).not.toContain('1.1.0');
    expect(releasesOf(servers.github, c.repository)).toEqual([]);
  });
});
