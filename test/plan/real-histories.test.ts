/**
 * Plans on the shapes real repositories have and our first fixtures did not: messages holding
 * any byte, maintenance branches, tags on other lines, hotfixes merged back, release commits
 * whose dates run backwards, empty messages, and a person's word on a version.
 */
import { execaSync } from 'execa';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../src/adapters/git.ts';
import { isSlipwayError } from '../../src/core/errors.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { checkHistory } from '../../src/core/release/verify-plan.ts';
import { pathRouter } from '../../src/core/history/route-commits.ts';
import { parseOverrides } from '../../src/core/plan/version-overrides.ts';
import { planRelease, type PlanOptions } from '../../src/jobs/plan.ts';
import { pkg, repo, type Repo } from '../helpers/repo.ts';

const DATE = '2026-02-01';
const plan = async (r: Repo, options: Partial<PlanOptions> = {}) => (await planRelease({ cwd: r.dir, reporter: memoryReporter(), date: DATE, ...options })).plan;
const versions = (p: Awaited<ReturnType<typeof plan>>) => Object.fromEntries(p.releases.map((r) => [r.name, `${r.from} → ${r.to}`]));
const subjects = (p: Awaited<ReturnType<typeof plan>>, name: string) => p.releases.find((r) => r.name === name)?.commits.map((c) => c.subject);

/** a, b and slack, released once at the first commit. */
function fleet(): Repo {
  return repo()
    .files({
      'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] }),
      'plugins/a/package.json': pkg('a', '1.0.0'),
      'plugins/b/package.json': pkg('b', '1.0.0'),
      'plugins/slack/package.json': pkg('slack', '1.0.0'),
      'README.md': 'fleet\n',
    })
    .commit('chore(release): publish')
    .tag('a@1.0.0')
    .tag('b@1.0.0')
    .tag('slack@1.0.0');
}

/** Rewrites HEAD's committer date (a rebase or a wrong clock), keeping its tree and message. */
function backdate(r: Repo, iso: string): void {
  execaSync('git', ['commit', '--amend', '--no-edit', '--allow-empty', '-q'], {
    cwd: r.dir,
    env: { GIT_COMMITTER_DATE: iso, GIT_AUTHOR_DATE: iso, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'a@x' },
  });
}

async function planError(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isSlipwayError(error)) throw new Error(`expected a SlipwayError, got ${String(error)}`);
  return error;
}

describe('1. no commit message can forge the plan', () => {
  it('a message holding the old record and field separators changes neither files nor commits', async () => {
    const r = fleet().commit('fix(a): tidy\x1fREADME.md\x1e', { 'plugins/a/index.js': '1' });
    const forged = [
      'chore: nothing',
      `\x1e${'f'.repeat(40)}\x1f\x1f2026-01-01T00:00:00Z\x1fMallory\x1ffeat(slack)!: take over\x1f\nplugins/slack/index.js`,
    ].join('');
    r.commit(forged, { 'docs/notes.md': 'x' });
    const p = await plan(r);
    expect(versions(p)).toEqual({ a: '1.0.0 → 1.0.1' });
    const log = await readLog(r.dir);
    expect(log).toHaveLength(3);
    expect(log.map((c) => c.files)).toEqual([['docs/notes.md'], ['plugins/a/index.js'], expect.arrayContaining(['plugins/a/package.json', 'README.md'])]);
  });

  it('after approval, a commit hiding its file behind a forged field still makes the plan stale', async () => {
    const r = fleet().commit('feat(a): retries', { 'plugins/a/index.js': '1' });
    const approved = await plan(r);
    r.commit('fix(a): sneak\x1fREADME.md', { 'plugins/a/index.js': 'evil' });
    const since = await readLog(r.dir, { exclude: [approved.baseSha] });
    const { stale } = checkHistory(approved, since, pathRouter([{ name: 'a' as never, path: 'plugins/a' as never }]));
    expect(stale.map((c) => c.plugins)).toEqual([['a']]);
  });

  it('files named like SHAs, statuses and commit messages are only paths', async () => {
    const sha = 'a'.repeat(40);
    const r = fleet().commit('docs: odd names', { [`${sha}`]: '1', M: '2', 'feat(slack)!: boom': '3', 'plugins/b/line\nbreak.js': '4' });
    const [commit] = await readLog(r.dir, { to: 'HEAD', exclude: ['HEAD~1'] });
    expect(commit?.files.sort()).toEqual([sha, 'M', 'feat(slack)!: boom', 'plugins/b/line\nbreak.js'].sort());
    expect(versions(await plan(r))).toEqual({});
  });
});

describe('2. the last release is the highest tag reachable from the planned head', () => {
  /** main: a@1.0.0 → feat → a@1.1.0; release/1.0 cut from a@1.0.0 with a fix. */
  function maintenance(): Repo {
    const r = fleet();
    r.git('branch', 'release/1.0');
    r.commit('feat(a): new api', { 'plugins/a/index.js': 'v1.1' }).tag('a@1.1.0');
    r.git('checkout', '-q', 'release/1.0');
    r.commit('fix(a): backport crash fix', { 'plugins/a/fix.js': '1' });
    return r;
  }

  it('a maintenance branch plans its own line (1.0.1) with only its own commits', async () => {
    const p = await plan(maintenance());
    expect(versions(p)).toEqual({ a: '1.0.0 → 1.0.1' });
    expect(subjects(p, 'a')).toEqual(['backport crash fix']);
    expect(p.releases[0]?.changelog).not.toContain('new api');
  });

  it('a tag on a side branch does not hide main\'s unreleased features', async () => {
    const r = fleet();
    r.git('checkout', '-q', '-b', 'experiment');
    r.commit('feat(a): experiment', { 'plugins/a/x.js': '1' }).tag('a@1.5.0');
    r.git('checkout', '-q', 'main');
    r.commit('feat(a): real feature', { 'plugins/a/index.js': '1' });
    const p = await plan(r);
    expect(versions(p)).toEqual({ a: '1.0.0 → 1.1.0' });
    expect(subjects(p, 'a')).toEqual(['real feature']);
  });

  it('a maintenance line stays on patches: a backported feature does not reach main\'s 1.1.0', async () => {
    const r = maintenance();
    r.commit('feat(a): backported feature', { 'plugins/a/feature.js': '1' });
    expect(versions(await plan(r))).toEqual({ a: '1.0.0 → 1.0.1' });
  });

  it('a version tagged on another branch is never planned: the error names the tag and the branch', async () => {
    const r = maintenance();
    r.git('checkout', '-q', '-b', 'hotfix', 'a@1.0.0');
    r.commit('fix(a): hotfix elsewhere', { 'plugins/a/hot.js': '1' }).tag('a@1.0.1');
    r.git('checkout', '-q', 'release/1.0');
    const error = await planError(plan(r));
    expect(error.code).toBe('TAG_EXISTS');
    expect(error.message).toContain('tag a@1.0.1 already exists (on hotfix');
  });

  it('a release whose tag sits on another branch counts when this line\'s manifest already says its version', async () => {
    // release-please merged the release (the manifest says 1.1.0) but the tag went on a commit
    // of another branch.
    const r = fleet().commit('feat(a): feature', { 'plugins/a/index.js': '1' });
    r.commit('chore(main): release a 1.1.0', { 'plugins/a/package.json': pkg('a', '1.1.0') });
    r.git('checkout', '-q', '-b', 'elsewhere');
    r.commit('chore: elsewhere', { 'docs/x.md': '1' }).tag('a@1.1.0');
    r.git('checkout', '-q', 'main');
    r.commit('fix(a): after the release', { 'plugins/a/fix.js': '1' });
    const p = await plan(r);
    expect(versions(p)).toEqual({ a: '1.1.0 → 1.1.1' });
    expect(subjects(p, 'a')).toEqual(['after the release']);
  });

  it('releases ship only from release.branches; planning elsewhere says so', async () => {
    const r = maintenance();
    const p = await plan(r);
    expect(p.warnings.join('\n')).toContain('"release/1.0" is not a release branch');
    r.file('slipway.yml', 'release:\n  branches: [main, "release/*"]\n').commit('chore: release branches');
    expect((await plan(r)).warnings.join('\n')).not.toContain('not a release branch');
  });
});

describe('3. the one git log never drops a commit', () => {
  it('a hotfix released from a branch and merged back', async () => {
    // main: fix(a) (unreleased for a), then b's release; a hotfix branch from the first release,
    // released as a@1.0.1 later in time, merged back. The oldest-by-time start used to be b's
    // release, which dropped a's fix on main.
    const r = fleet();
    r.git('branch', 'hotfix');
    r.commit('fix(a): main-line fix', { 'plugins/a/main.js': '1' });
    r.commit('feat(b): new', { 'plugins/b/index.js': '1' }).tag('b@1.1.0');
    r.git('checkout', '-q', 'hotfix');
    r.commit('fix(a): urgent', { 'plugins/a/hot.js': '1' }).tag('a@1.0.1');
    r.git('checkout', '-q', 'main');
    r.git('merge', '-q', '--no-ff', '-m', 'Merge branch hotfix', 'hotfix');
    const p = await plan(r);
    expect(versions(p)).toEqual({ a: '1.0.1 → 1.0.2' });
    expect(subjects(p, 'a')).toEqual(['main-line fix']);
  });

  it('a release commit dated before an older release', async () => {
    const r = fleet();
    r.commit('fix(a): lost fix', { 'plugins/a/index.js': '1' });
    r.commit('feat(b): new', { 'plugins/b/index.js': '1' });
    backdate(r, '2020-01-01T00:00:00Z');
    r.tag('b@1.1.0');
    const p = await plan(r);
    expect(versions(p)).toEqual({ a: '1.0.0 → 1.0.1' });
    expect(subjects(p, 'a')).toEqual(['lost fix']);
  });
});

describe('4. empty and strange messages are listed as ignored, never a crash', () => {
  it('an empty message', async () => {
    const r = fleet().commit('', { 'plugins/a/index.js': '1' }).commit('fix(b): real', { 'plugins/b/index.js': '1' });
    const p = await plan(r);
    expect(versions(p)).toEqual({ b: '1.0.0 → 1.0.1' });
    expect(p.ignoredCommits).toEqual([{ sha: r.git('rev-parse', 'HEAD~1'), header: '', reason: 'an empty commit message' }]);
  });

  it('a message that is not UTF-8', async () => {
    const r = fleet();
    r.files({ 'plugins/a/index.js': '1' });
    r.git('add', '-A');
    execaSync('git', ['-c', 'i18n.commitEncoding=latin1', 'commit', '-q', '-F', '-'], {
      cwd: r.dir,
      input: Buffer.from([0x66, 0x69, 0x78, 0x3a, 0x20, 0xe9, 0xff, 0xfe, 0x0a]),
      env: { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' },
    });
    const p = await plan(r);
    expect(versions(p)).toEqual({ a: '1.0.0 → 1.0.1' });
  });
});

describe('7. a person\'s word on a version', () => {
  it('a Release-As footer sets the version of the plugins its commit touches', async () => {
    const r = fleet().commit('chore(a): graduate\n\nRelease-As: 2.0.0', { 'plugins/a/index.js': '1' });
    const p = await plan(r);
    expect(versions(p)).toEqual({ a: '1.0.0 → 2.0.0' });
    expect(p.releases[0]).toMatchObject({ reason: 'override', bump: 'major', override: { source: 'release-as', version: '2.0.0', commit: r.head() } });
  });

  it('a Release-As below the last release is ignored with a warning naming the commit', async () => {
    const r = fleet().commit('fix(a): x\n\nRelease-As: 0.9.0', { 'plugins/a/index.js': '1' });
    const p = await plan(r);
    expect(versions(p)).toEqual({ a: '1.0.0 → 1.0.1' });
    expect(p.warnings.join('\n')).toContain(`commit ${r.head().slice(0, 7)} asks for Release-As 0.9.0`);
  });

  it('--set and --bump are recorded in the plan and its hash', async () => {
    const r = fleet().commit('fix(a): x', { 'plugins/a/index.js': '1' });
    const plain = await plan(r);
    const decided = await plan(r, { overrides: parseOverrides({ set: ['a=3.0.0'], bump: ['slack=minor'] }) });
    expect(versions(decided)).toEqual({ a: '1.0.0 → 3.0.0', slack: '1.0.0 → 1.1.0' });
    expect(decided.releases.find((x) => x.name === 'slack')).toMatchObject({ reason: 'override', override: { source: 'bump', bump: 'minor' } });
    expect(decided.hash).not.toBe(plain.hash);
  });

  it('an override that cannot be released is an error naming the plugin and the value', async () => {
    const r = fleet();
    r.git('checkout', '-q', '-b', 'elsewhere');
    r.commit('feat(a): x', { 'plugins/a/x.js': '1' }).tag('a@1.2.0');
    r.git('checkout', '-q', 'main');
    const below = await planError(plan(r, { overrides: parseOverrides({ set: ['a=1.0.0'] }) }));
    expect(below.message).toBe('--set a=1.0.0: 1.0.0 is not above the last release 1.0.0');
    const taken = await planError(plan(r, { overrides: parseOverrides({ set: ['a=1.2.0'] }) }));
    expect(taken.message).toContain('1.2.0 is already tagged');
    const unknown = await planError(plan(r, { overrides: parseOverrides({ set: ['nope=2.0.0'] }) }));
    expect(unknown.message).toContain('"nope", which is not a plugin of this fleet');
    expect(() => parseOverrides({ bump: ['a=huge'] })).toThrow('"huge" is not major, minor or patch');
  });
});
