/**
 * What ships is exactly what was approved: stale and tampered plans are refused with a clear
 * message and nothing written; commits that touch no planned plugin are fine; a dry run writes
 * nothing; the CLI never releases without an approval.
 */
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/release.ts';
import { SlipwayError } from '../../src/core/errors.ts';
import { withHash } from '../../src/core/plan/plan-hash.ts';
import type { ReleasePlan } from '../../src/core/plan/release-plan.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import type { PlanHash } from '../../src/core/types.ts';
import { ReleaseRunError, shipPlan } from '../../src/jobs/release.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { asArtifact, newReleaseCase, pushConcurrentCommit, readJournal, releasesOf, shipOptions, snapshot, startServers, type ReleaseCase, type Servers } from './helpers.ts';

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => {
  await servers?.close();
  cleanupTempDirs();
});



const refusal = async (promise: Promise<unknown>): Promise<ReleaseRunError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReleaseRunError);
  return error as ReleaseRunError;
};

/** Nothing of the repository, its remote, GitHub or the registry changed. */
async function expectNothingWritten(c: ReleaseCase, before: Awaited<ReturnType<typeof snapshot>>): Promise<void> {
  expect(await snapshot(c.fleet.dir, c.fleet.remote)).toEqual(before);
  expect(releasesOf(servers.github, c.repository)).toEqual([]);
  expect(servers.github.requests.filter((r) => r.path.startsWith(`/repos/${c.repository}`) && r.method !== 'GET')).toEqual([]);
  for (const name of c.fleet.names) expect(await servers.registryVersions(name)).toEqual([]);
}

describe('refusing a plan that is not the approved one, or no longer current', () => {
  it('a commit since the plan that touches a planned plugin: refused, naming the commit and plugin and how to re-plan', async () => {
    const c = await newReleaseCase(servers, 'approval');
    c.fleet.repo.commit('fix(p1): handle empty input', { 'plugins/p1/index.js': 'export default 0;\n' });
    const late = c.fleet.repo.head();
    const before = await snapshot(c.fleet.dir, c.fleet.remote);
    const journalFile = join(tempDir(), 'journal.json');

    const error = await refusal(shipPlan(shipOptions(servers, c, { journalFile })));
    expect(error.code).toBe('PLAN_STALE');
    expect(error.message).toBe(`the plan is stale: 1 commit since its base ${c.plan.baseSha.slice(0, 7)} changes ${c.scope}/p1: ${late.slice(0, 7)} "fix(p1): handle empty input" (${c.scope}/p1)`);
    expect(error.hint).toContain('plan again (`slipway plan --out plan.json`, or rerun the release workflow)');
    expect(readJournal(journalFile)).toMatchObject({ result: 'refused', entries: [], error: { code: 'PLAN_STALE', step: 'verify' } });
    await expectNothingWritten(c, before);
  });

  const tampering: Array<{ name: string; tamper: (plan: ReleasePlan) => { plan: unknown; expected: PlanHash }; code: string; message: RegExp }> = [
    {
      name: 'a version edited in the plan file',
      tamper: (plan) => ({ plan: { ...plan, releases: plan.releases.map((r, i) => (i === 0 ? { ...r, to: '9.0.0' } : r)) }, expected: plan.hash }),
      code: 'PLAN_TAMPERED',
      message: /the plan was changed after it was made: its content hashes to sha256:[0-9a-f]{64}, but it carries sha256:/,
    },
    {
      name: 'an edited plan with its hash recomputed: valid, but not the approved one',
      tamper: (plan) => {
        const { hash: _old, ...rest } = plan;
        return { plan: withHash({ ...rest, releases: plan.releases.slice(1) }), expected: plan.hash };
      },
      code: 'PLAN_TAMPERED',
      message: /^this is not the approved plan: it is sha256:[0-9a-f]{64}, the approved one is sha256:/,
    },
    {
      name: 'the right plan with a different approved hash',
      tamper: (plan) => ({ plan, expected: `sha256:${'0'.repeat(64)}` as PlanHash }),
      code: 'PLAN_TAMPERED',
      message: /^this is not the approved plan/,
    },
    {
      name: 'a plan file that is not a plan',
      tamper: (plan) => ({ plan: { ...plan, releases: 'everything' }, expected: plan.hash }),
      code: 'PLAN_INVALID',
      message: /not a release plan: releases: /,
    },
  ];

  it.each(tampering)('$name: refused, nothing written', async ({ tamper, code, message }) => {
    const c = await newReleaseCase(servers, 'approval');
    const before = await snapshot(c.fleet.dir, c.fleet.remote);
    const { plan, expected } = tamper(asArtifact(c.plan) as ReleasePlan);
    const error = await refusal(shipPlan(shipOptions(servers, c, { plan: JSON.parse(JSON.stringify(plan)), expectedHash: expected, planSource: 'plan.json' })));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.subject).toBe('plan.json');
    expect(error.journal.result).toBe('refused');
    await expectNothingWritten(c, before);
  });

  it('uncommitted changes in a planned plugin are refused: they would be published without approval', async () => {
    const c = await newReleaseCase(servers, 'approval');
    writeFileSync(join(c.fleet.dir, 'plugins/p1/index.js'), 'export default "not reviewed";\n');
    writeFileSync(join(c.fleet.dir, 'plugins/p1/extra.js'), '1;\n');
    const before = await snapshot(c.fleet.dir, c.fleet.remote);
    const error = await refusal(shipPlan(shipOptions(servers, c)));
    expect(error.message).toBe('uncommitted changes in planned plugins would be published without being approved: plugins/p1/extra.js, plugins/p1/index.js');
    expect(error.hint).toContain('git stash --include-untracked');
    await expectNothingWritten(c, before);
  });
});

describe('commits that touch no planned plugin', () => {
  it('a local commit to a root file is accepted: the release commit sits on top of it', async () => {
    const c = await newReleaseCase(servers, 'approval', { private: true, count: 2 });
    c.fleet.repo.commit('docs: explain the fleet', { 'README.md': '# fleet\n\nexplained\n' });
    const docs = c.fleet.repo.head();
    const result = await shipPlan(shipOptions(servers, c));
    expect(result.journal.result).toBe('released');
    expect(c.fleet.repo.git('rev-parse', 'HEAD~1')).toBe(docs);
    expect(c.fleet.repo.git('log', '-1', '--format=%s')).toBe('chore(release): publish');
    expect((await execa('git', ['--git-dir', c.fleet.remote, 'rev-parse', 'main~1'])).stdout).toBe(docs);
  });

  it('the remote moved on with a root-only commit: the release fast-forwards onto it first', async () => {
    const c = await newReleaseCase(servers, 'approval', { private: true, count: 2 });
    const theirs = pushConcurrentCommit(c.fleet.remote, 'ci: cache dependencies', { 'README.md': '# fleet\n\nci\n' });
    const result = await shipPlan(shipOptions(servers, c));
    expect(result.journal.entries.find((e) => e.step === 'sync')).toMatchObject({ status: 'done', sha: theirs });
    expect(c.fleet.repo.git('rev-parse', 'HEAD~1')).toBe(theirs);
    expect((await execa('git', ['--git-dir', c.fleet.remote, 'rev-parse', 'main'])).stdout).toBe(c.fleet.repo.head());
  });
});

describe('a dry run', () => {
  it('shows each write — files, commit, tags, push, releases, publishes — and makes none', async () => {
    const c = await newReleaseCase(servers, 'approval');
    const before = await snapshot(c.fleet.dir, c.fleet.remote);
    const reporter = memoryReporter();
    const result = await shipPlan(shipOptions(servers, c, { dryRun: true, reporter }));
    const steps = result.journal.entries.filter((e) => e.step !== 'verify');
    expect(steps.map((e) => e.status)).toEqual(Array(12).fill('dry-run'));
    expect(result.line).toBe(`dry run: 12 writes for 2 plugins (${c.scope}/dep@2.0.1, ${c.scope}/p1@1.1.0) would be made; nothing was written`);
    const would = reporter.lines.filter((l) => l.startsWith('info:   would '));
    expect(would).toContain(`info:   would manifest ${c.scope}/dep: write plugins/dep/package.json: 2.0.0 → 2.0.1; ${c.scope}/p1 ^1.0.0 → ^1.1.0`);
    expect(would).toContain(`info:   would changelog ${c.scope}/p1: write plugins/p1/CHANGELOG.md: created with the 1.1.0 section`);
    expect(would.some((l) => l.includes('commit 4 files: "chore(release): publish"'))).toBe(true);
    expect(would).toContain(`info:   would publish ${c.scope}/p1: publish ${c.scope}/p1@1.1.0 to ${servers.registry.url}`);
    await expectNothingWritten(c, before);
    servers.github.assertNoViolations();
  });
});

describe('GitHub Releases that exist already, and prereleases', () => {
  it('a release made by hand with other notes is updated, not duplicated', async () => {
    const c = await newReleaseCase(servers, 'approval', { private: true });
    servers.github.state.addRelease(c.repository, { tagName: `${c.scope}/p1@1.1.0`, body: 'written by hand', name: 'p1' });
    const result = await shipPlan(shipOptions(servers, c));
    expect(result.journal.entries.find((e) => e.step === 'github-release')?.detail).toBe(`updated the GitHub Release ${c.scope}/p1 1.1.0`);
    const [release, ...others] = releasesOf(servers.github, c.repository);
    expect(others).toEqual([]);
    expect(release).toMatchObject({ name: `${c.scope}/p1 1.1.0` });
    expect(release!.body).toMatch(/^### Features\n\n\* faster everything \([0-9a-f]{7}\) — Ada Tester$/);
    servers.github.assertNoViolations();
  });

  it('a prerelease is a GitHub prerelease and goes to its channel\'s npm dist-tag, not latest', async () => {
    const c = await newReleaseCase(servers, 'approval', { dependent: false, prerelease: 'next' });
    const result = await shipPlan(shipOptions(servers, c));
    expect(result.released).toMatchObject([{ version: '1.1.0-next.0', publish: 'published' }]);
    expect(releasesOf(servers.github, c.repository)).toMatchObject([{ tagName: `${c.scope}/p1@1.1.0-next.0`, prerelease: true }]);
    const packument = (await (await fetch(new URL(`${c.scope}%2fp1`, servers.registry.url))).json()) as { 'dist-tags': Record<string, string> };
    // Published under `next`; the registry also points `latest` at a package's very first version.
    expect(packument['dist-tags']['next']).toBe('1.1.0-next.0');
  });
});

describe('slipway release at a terminal, or without one', () => {
  const sink = () => {
    let text = '';
    const stream = new Writable({
      write(chunk, _e, done) {
        text += String(chunk);
        done();
      },
    });
    return { stream, text: () => text };
  };

  it('refuses without a terminal to ask at and without --yes, and writes nothing', async () => {
    const c = await newReleaseCase(servers, 'approval', { private: true });
    const before = await snapshot(c.fleet.dir, c.fleet.remote);
    const out = sink();
    const error = await run(['--cwd', c.fleet.dir, '--date', '2026-03-01'], { debug: false }, { input: new PassThrough(), output: out.stream, env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlipwayError);
    expect((error as SlipwayError).message).toBe('a release needs your approval, and there is no terminal to ask at');
    expect((error as SlipwayError).hint).toContain('pass --yes to approve the plan shown');
    expect(out.text()).toContain(`${c.scope}/p1  1.0.0  1.1.0`); // the plan was shown
    expect(await snapshot(c.fleet.dir, c.fleet.remote)).toEqual(before);
  });

  it('--yes with no GitHub token: releases and pushes, skips GitHub Releases with a notice, never publishes private plugins', async () => {
    const c = await newReleaseCase(servers, 'approval', { private: true, count: 2 });
    const out = sink();
    const journal = join(tempDir(), 'journal.json');
    const code = await run(['--cwd', c.fleet.dir, '--yes', '--date', '2026-03-01', '--journal', journal], { debug: false }, { input: new PassThrough(), output: out.stream, env: {} });
    expect(code).toBe(0);
    expect(out.text()).toContain('warning: no GitHub token (GITHUB_TOKEN): GitHub Releases are skipped');
    expect(out.text()).toMatch(/released 2 plugins \(.*\): steps 8 done, 2 skipped in/);
    const entries = readJournal(journal).entries;
    expect(entries.filter((e) => e.step === 'github-release').map((e) => e.status)).toEqual(['skipped', 'skipped']);
    expect(entries.some((e) => e.step === 'publish')).toBe(false);
    expect((await execa('git', ['ls-remote', '--tags', c.fleet.remote])).stdout).toContain(`refs/tags/${c.scope}/p2@1.1.0`);
  });
});
