/**
 * A release that fails or dies after each of its steps in turn — a crash between steps, GitHub
 * answering 5xx, the registry refusing or unreachable, the remote refusing the push — and a
 * rerun with the same plan that finishes the job. For every scenario, every step's result is
 * asserted on both runs, and each write happened exactly once: one release commit, one tag,
 * one GitHub Release, one published version and one changelog section per plugin.
 */
import { execa } from 'execa';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryStatus, JournalEntry, ReleaseJournal } from '../../src/core/release/journal.ts';
import { ReleaseRunError, shipPlan, type ReleaseJobOptions } from '../../src/jobs/release.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { listen } from '../servers/listen.ts';
import { newReleaseCase, pushConcurrentCommit, readJournal, refuseNextPush, releasesOf, sectionCount, shipOptions, snapshot, startServers, type ReleaseCase, type Servers } from './helpers.ts';

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
/** Two releases each (and a process start for the kill -9 ones): on a loaded 2-core machine a minute is not always enough. */
const SLOW = 180_000;




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
  }, SLOW);
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

describe('what the release needs is checked before its first write', () => {
  const refusedBeforeWriting: Array<{ name: string; registry: (s: Servers) => { url: string; token: string }; error: string }> = [
    { name: 'the registry refuses the token', registry: (s) => ({ url: s.registry.url, token: 'not-a-valid-token' }), error: 'does not accept the token' },
    { name: 'the registry is unreachable', registry: (s) => ({ url: 'http://127.0.0.1:9/', token: s.registry.token }), error: 'could not read' },
  ];
  it.each(refusedBeforeWriting)('$name: refused with nothing written, and the rerun with it fixed releases everything', async (scenario) => {
    const c = await newReleaseCase(servers, 'fault');
    const before = await snapshot(c.fleet.dir, c.fleet.remote);
    const journalFile = join(tempDir(), 'journal.jsonl');
    const first = await shipPlan(shipOptions(servers, c, { registry: scenario.registry(servers), journalFile })).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(first).toBeInstanceOf(ReleaseRunError);
    expect((first as ReleaseRunError).message).toContain(scenario.error);
    expect(readJournal(journalFile)).toMatchObject({ result: 'refused', entries: [], error: { step: 'verify' } });
    expect(await snapshot(c.fleet.dir, c.fleet.remote)).toEqual(before);
    expect(releasesOf(servers.github, c.repository)).toEqual([]);
    expect(await servers.registryVersions(`${c.scope}/p1`)).toEqual([]);

    const second = await shipPlan(shipOptions(servers, c));
    expect(Object.values(statuses(c, second.journal))).toEqual(Array(STEPS.length).fill('done'));
    await assertReleasedOnce(c);
  });
});

/** Processes in a process group (pgrep -g), other than none. */
async function processesInGroup(group: number): Promise<string> {
  const run = await execa('pgrep', ['-a', '-g', String(group)], { reject: false });
  return run.stdout.trim();
}

/** Files under `dir` (recursively) whose text contains `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => {
      try {
        return readFileSync(file, 'utf8').includes(needle);
      } catch {
        return false;
      }
    });
}

describe('kill -9: a release process killed with SIGKILL', () => {
  const SHIP = join(import.meta.dirname, 'fixtures', 'ship-and-die.ts');

  /** Starts ship-and-die.ts as the leader of its own process group, with its own TMPDIR. */
  function startRelease(c: ReleaseCase, job: { killAfter?: string; registryUrl?: string }) {
    const dir = tempDir('slipway-kill-');
    const tmp = join(dir, 'tmp');
    const journalFile = join(dir, 'journal.jsonl');
    const jobFile = join(dir, 'job.json');
    writeFileSync(
      jobFile,
      JSON.stringify({
        cwd: c.fleet.dir,
        plan: c.plan,
        hash: c.plan.hash,
        journalFile,
        killAfter: job.killAfter,
        github: { url: servers.github.url, token: servers.github.token, repository: c.repository },
        registry: { url: job.registryUrl ?? servers.registry.url, token: servers.registry.token },
      }),
    );
    mkdirSync(tmp, { recursive: true });
    const child = execa(process.execPath, [SHIP, jobFile], { detached: true, reject: false, env: { TMPDIR: tmp } });
    return { child, journalFile, tmp };
  }

  it.each(['manifest', 'commit', 'tag', 'push', 'github-release', 'publish'])(
    'killed right after the first %s step: the journal on disk lists every finished step, no child and no credential is left, and a rerun finishes',
    async (killAfter) => {
      const c = await newReleaseCase(servers, 'kill');
      const { child, journalFile, tmp } = startRelease(c, { killAfter });
      const result = await child;
      expect(result.signal).toBe('SIGKILL');

      // Every step up to and including the one it died after is in the journal; no end line was written.
      const journal = readJournal(journalFile);
      expect(journal.result).toBe('running');
      const stop = STEPS.findIndex((s) => s.split(' ')[0] === killAfter);
      const expected = Object.fromEntries(STEPS.slice(0, stop + 1).map((s): [string, EntryStatus] => [s, 'done']));
      expect(statuses(c, journal)).toEqual(expected);

      expect(await processesInGroup(child.pid!)).toBe('');
      expect(filesContaining(tmp, servers.registry.token)).toEqual([]);
      expect(readdirSync(tmp).filter((f) => f.includes('npmrc'))).toEqual([]);

      const rerun = await shipPlan(shipOptions(servers, c));
      expect(rerun.journal.result).toBe('released');
      await assertReleasedOnce(c);
    },
    SLOW,
  );

  it('killed with its process group while npm publish runs: npm dies with it and no token is left on disk', async () => {
    const c = await newReleaseCase(servers, 'kill');
    // A registry in front of Verdaccio that answers reads and never answers a publish.
    const front = await listen(async (req, res) => {
      if (req.method !== 'GET') return; // the publish hangs
      const answer = await fetch(new URL(req.url!.slice(1), servers.registry.url), { headers: { authorization: String(req.headers.authorization ?? ''), accept: String(req.headers.accept ?? '*/*') } });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    try {
      const { child, tmp } = startRelease(c, { registryUrl: `${front.url}/` });
      // Wait until npm publish is running in the release's process group (no clock: poll its process list).
      for (;;) {
        const group = await processesInGroup(child.pid!);
        if (/npm[^\n]*publish/.test(group)) break;
        if (child.exitCode !== null) throw new Error(`the release ended before npm publish started: ${(await child).stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      process.kill(-child.pid!, 'SIGKILL');
      await child;
      // The group is gone once its last member is reaped; poll without a deadline (the test timeout is the bound).
      while ((await processesInGroup(child.pid!)) !== '') await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await processesInGroup(child.pid!)).toBe('');
      expect(filesContaining(tmp, servers.registry.token)).toEqual([]);
      expect(existsSync(join(c.fleet.dir, '.npmrc'))).toBe(false);
    } finally {
      await front.close();
    }
  }, SLOW);
});
