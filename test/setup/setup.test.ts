/**
 * `slipway setup` against the local GitHub server (every request and answer checked against
 * GitHub's OpenAPI description): the approval Environment is created with reviewers and a
 * release-branch policy, left alone when it already matches, checked for each missing part,
 * and — where GitHub refuses required reviewers — the fallback gate is explained.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, type Octokit } from '../../src/adapters/github/client.ts';
import { main } from '../../src/cli/main.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { checkEnvironment, setupEnvironment } from '../../src/jobs/setup.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';

let github: GitHubServer;
let octokit: Octokit;
let ids: { alice: number; bob: number; team: number };

beforeAll(async () => {
  github = await startGitHubServer();
  const { state } = github;
  state.addOrg('acme', { plan: 'team' });
  ids = { alice: state.addUser('alice').id, bob: state.addUser('bob').id, team: state.addTeam('acme', 'release-managers').id };
  for (const name of ['public-fleet', 'check-fleet', 'cli-fleet']) state.addRepo(`acme/${name}`);
  state.addRepo('acme/private-fleet', { visibility: 'private' });
  state.addRepo('acme/enterprise-fleet', { visibility: 'private', plan: 'enterprise' });
  octokit = createGitHubClient({ baseUrl: github.url, token: github.token, writeSpacingMs: 0, backoffUnitMs: 10 });
});
afterEach(() => github.assertNoViolations());
afterAll(() => github.close());

const repo = (name: string) => ({ owner: 'acme', repo: name });
const env = (name: string, environment = 'release') => github.state.requireRepo(`acme/${name}`).environments.get(environment);
const writes = () => github.count('repos/create-or-update-environment') + github.count('repos/create-deployment-branch-policy');

describe('slipway setup', () => {
  it('creates the environment with user and team reviewers, a wait timer and a release-branch policy', async () => {
    const reporter = memoryReporter();
    const result = await setupEnvironment({ octokit, repo: repo('public-fleet'), environment: 'release', reviewers: ['alice', 'acme/release-managers'], waitTimer: 10, branch: 'main', reporter });

    expect(result.changes).toEqual(['create environment "release"', 'set required reviewers to alice, acme/release-managers', 'set the wait timer to 10 min', 'allow deployments from selected branches only', 'allow branch "main"']);
    expect(result.reviewersRefused).toBe(false);
    const stored = env('public-fleet')!;
    expect(stored.reviewers).toEqual([{ type: 'User', id: ids.alice }, { type: 'Team', id: ids.team }]);
    expect(stored.waitTimer).toBe(10);
    expect(stored.branchPolicy).toEqual({ protected_branches: false, custom_branch_policies: true });
    expect(stored.branchPolicies.map((p) => [p.name, p.type])).toEqual([['main', 'branch']]);
    // What it read back is what GitHub holds.
    expect(result.state).toEqual({
      name: 'release',
      reviewers: [{ type: 'User', id: ids.alice, name: 'alice' }, { type: 'Team', id: ids.team, name: 'acme/release-managers' }],
      preventSelfReview: false,
      waitTimer: 10,
      branchPolicy: { protectedBranches: false, customBranchPolicies: true },
      branchPatterns: ['main'],
    });
    expect(reporter.lines).toContain('info: done: allow branch "main"');
  });

  it('changes nothing when run again, and only what differs when a reviewer is added', async () => {
    const before = writes();
    const again = await setupEnvironment({ octokit, repo: repo('public-fleet'), environment: 'release', reviewers: ['acme/release-managers', 'alice'], waitTimer: 10, branch: 'main', reporter: memoryReporter() });
    expect(again).toMatchObject({ outcome: 'unchanged', changes: [] });
    expect(writes()).toBe(before);

    const more = await setupEnvironment({ octokit, repo: repo('public-fleet'), environment: 'release', reviewers: ['alice', 'bob', 'acme/release-managers'], branch: 'main', reporter: memoryReporter() });
    expect(more.changes).toEqual(['set required reviewers to alice, bob, acme/release-managers']);
    expect(writes()).toBe(before + 1); // one PUT; the branch pattern exists already
    expect(env('public-fleet')!.waitTimer).toBe(10); // left out, so kept
  });

  it('shows each write in a dry run and makes none', async () => {
    const before = github.requests.length;
    const reporter = memoryReporter();
    const result = await setupEnvironment({ octokit, repo: repo('public-fleet'), environment: 'staging', reviewers: ['alice'], branch: 'main', dryRun: true, reporter });
    expect(result.outcome).toBe('dry-run');
    expect(github.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
    expect(env('public-fleet', 'staging')).toBeUndefined();
    expect(reporter.lines).toEqual([
      'info: would create environment "staging"',
      'info: would set required reviewers to alice',
      'info: would allow deployments from selected branches only',
      'info: would allow branch "main"',
      `info: would PUT /repos/acme/public-fleet/environments/staging {"reviewers":[{"type":"User","id":${ids.alice}}],"deployment_branch_policy":{"protected_branches":false,"custom_branch_policies":true}}`,
      'info: would POST /repos/acme/public-fleet/environments/staging/deployment-branch-policies {"name":"main","type":"branch"}',
    ]);
  });

  it('names a reviewer that does not exist, and refuses one that is neither a login nor ORG/TEAM', async () => {
    await expect(setupEnvironment({ octokit, repo: repo('public-fleet'), environment: 'x', reviewers: ['acme/nobody'], reporter: memoryReporter() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'no team "nobody" in organization "acme" (or the token cannot see it)',
      subject: '--reviewer acme/nobody',
    });
    await expect(setupEnvironment({ octokit, repo: repo('public-fleet'), environment: 'x', reviewers: ['not a login!'], reporter: memoryReporter() })).rejects.toMatchObject({ code: 'USAGE', subject: '--reviewer' });
  });

  it('on a private repository without Enterprise: keeps the branch policy, explains the fallback gate', async () => {
    const reporter = memoryReporter();
    const result = await setupEnvironment({ octokit, repo: repo('private-fleet'), environment: 'release', reviewers: ['alice'], branch: 'main', reporter });
    expect(result.reviewersRefused).toBe(true);
    expect(result.changes).toEqual(['create environment "release"', 'allow deployments from selected branches only', 'allow branch "main"']);
    expect(env('private-fleet')).toMatchObject({ reviewers: [], branchPolicy: { protected_branches: false, custom_branch_policies: true } });
    expect(result.advice.join(' ')).toContain('call the reusable release workflow with `approval-gate: plan-hash`');
    expect(result.advice.join(' ')).toContain('`approve-plan-hash` input quotes that hash');
    expect(reporter.lines).toContain('warning: GitHub refused required reviewers / wait timer for acme/private-fleet (private): "Fail to create protected rule, please ensure billing plan include protected branch gate."');
  });

  it('on a private repository of an Enterprise plan: required reviewers as on a public one', async () => {
    const result = await setupEnvironment({ octokit, repo: repo('enterprise-fleet'), environment: 'release', reviewers: ['acme/release-managers'], branch: 'main', reporter: memoryReporter() });
    expect(result.reviewersRefused).toBe(false);
    expect(env('enterprise-fleet')!.reviewers).toEqual([{ type: 'Team', id: ids.team }]);
  });
});

describe('slipway setup --check', () => {
  const check = () => checkEnvironment({ octokit, repo: repo('check-fleet'), environment: 'release', branch: 'main' });
  const put = (body: Record<string, unknown>) => octokit.request('PUT /repos/{owner}/{repo}/environments/{environment_name}', { owner: 'acme', repo: 'check-fleet', environment_name: 'release', ...body });

  it('finds each missing part in turn, and says what to run', async () => {
    let result = await check();
    expect(result.ok).toBe(false);
    expect(result.lines).toEqual([
      'missing: environment "release" does not exist: the ship job would create it on first use, unprotected, and ship without approval',
      'fix: slipway setup --environment release --reviewer USER --reviewer ORG/TEAM --branch main',
    ]);

    await put({ deployment_branch_policy: { protected_branches: false, custom_branch_policies: true } });
    result = await check();
    expect(result.gaps.map((g) => g.message)).toEqual([
      'environment "release" has no required reviewers: GitHub would run the ship job without waiting for anyone',
      'environment "release" does not allow the release branch "main" (allowed: none): the ship job would be refused',
    ]);

    await put({ reviewers: [{ type: 'User', id: ids.alice }], deployment_branch_policy: null });
    result = await check();
    expect(result.gaps.map((g) => g.message)).toEqual(['environment "release" has no deployment branch policy: a workflow on any branch could ship from it']);

    await put({ deployment_branch_policy: { protected_branches: false, custom_branch_policies: true } });
    await octokit.rest.repos.createDeploymentBranchPolicy({ owner: 'acme', repo: 'check-fleet', environment_name: 'release', name: 'main', type: 'branch' });
    result = await check();
    expect(result).toMatchObject({ ok: true, gaps: [], lines: ['environment "release" of acme/check-fleet is a complete approval gate: required reviewers, release branch "main" only'] });
  });

  it('adds the fallback gate to the advice on a private repository without reviewers', async () => {
    const result = await checkEnvironment({ octokit, repo: repo('private-fleet'), environment: 'release', branch: 'main' });
    expect(result.gaps.map((g) => g.what)).toEqual(['reviewers']);
    expect(result.lines.filter((l) => l.startsWith('note: '))).toHaveLength(4);
    expect(result.lines.join('\n')).toContain('acme/private-fleet is private');
  });
});

describe('the setup command', () => {
  it('sets up and checks from a terminal with the token in GITHUB_TOKEN, and exits 1 where reviewers are refused', async () => {
    const saved = process.env['GITHUB_TOKEN'];
    process.env['GITHUB_TOKEN'] = github.token;
    try {
      const common = ['--api-url', github.url, '--environment', 'release'];
      expect(await main(['setup', '--check', '--repo', 'acme/cli-fleet', ...common])).toBe(1);
      expect(await main(['setup', '--repo', 'acme/cli-fleet', '--reviewer', 'alice', '--branch', 'main', ...common])).toBe(0);
      expect(await main(['setup', '--check', '--repo', 'acme/cli-fleet', ...common])).toBe(0);
      expect(await main(['setup', '--repo', 'acme/private-fleet', '--reviewer', 'bob', ...common])).toBe(1);
      expect(env('cli-fleet')!.reviewers).toEqual([{ type: 'User', id: ids.alice }]);
    } finally {
      if (saved === undefined) delete process.env['GITHUB_TOKEN'];
      else process.env['GITHUB_TOKEN'] = saved;
    }
  });
});
