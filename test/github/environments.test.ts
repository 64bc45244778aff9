/**
 * The approval gate: environments with required reviewers, wait timer and branch policies,
 * created and read back through the real client, and refused where GitHub's plans refuse them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_LACKS_PROTECTION_RULES } from '../servers/github/index.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const { state } = h.github;
  state.addOrg('acme', { plan: 'team' });
  state.addUser('alice', { name: 'Alice' });
  state.addTeam('acme', 'release-managers', { name: 'Release managers' });
  state.addRepo('acme/public-fleet');
  state.addRepo('acme/private-fleet', { visibility: 'private' });
  state.addRepo('acme/enterprise-fleet', { visibility: 'private', plan: 'enterprise' });
});
afterEach(() => h.github.assertNoViolations());
afterAll(() => h.github.close());

async function reviewerIds() {
  const user = await h.octokit.rest.users.getByUsername({ username: 'alice' });
  const team = await h.octokit.rest.teams.getByName({ org: 'acme', team_slug: 'release-managers' });
  return { user: user.data.id, team: team.data.id };
}

describe('environments', () => {
  it('creates an environment with user and team reviewers and reads it back', async () => {
    const ids = await reviewerIds();
    const put = await h.octokit.rest.repos.createOrUpdateEnvironment({
      owner: 'acme',
      repo: 'public-fleet',
      environment_name: 'release',
      wait_timer: 5,
      prevent_self_review: true,
      reviewers: [
        { type: 'User', id: ids.user },
        { type: 'Team', id: ids.team },
      ],
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    });
    expect(put.status).toBe(200);

    const { data } = await h.octokit.rest.repos.getEnvironment({ owner: 'acme', repo: 'public-fleet', environment_name: 'release' });
    expect(data.name).toBe('release');
    expect(data.deployment_branch_policy).toEqual({ protected_branches: false, custom_branch_policies: true });
    const rules = data.protection_rules ?? [];
    expect(rules.map((r) => r.type)).toEqual(['wait_timer', 'required_reviewers', 'branch_policy']);
    const reviewers = rules.find((r) => r.type === 'required_reviewers') as { prevent_self_review: boolean; reviewers: { type: string; reviewer: { login?: string; slug?: string } }[] };
    expect(reviewers.prevent_self_review).toBe(true);
    expect(reviewers.reviewers.map((r) => [r.type, r.reviewer.login ?? r.reviewer.slug])).toEqual([
      ['User', 'alice'],
      ['Team', 'release-managers'],
    ]);

    const all = await h.octokit.rest.repos.getAllEnvironments({ owner: 'acme', repo: 'public-fleet' });
    expect(all.data.total_count).toBe(1);
  });

  it('keeps branch name patterns, and answers 303 to the same pattern twice', async () => {
    const target = { owner: 'acme', repo: 'public-fleet', environment_name: 'release' };
    const policy = await h.octokit.rest.repos.createDeploymentBranchPolicy({ ...target, name: 'main', type: 'branch' });
    expect(policy.data).toMatchObject({ name: 'main', type: 'branch' });
    // GitHub answers 303 pointing at the existing policy; fetch follows it to the same object.
    const again = await h.octokit.rest.repos.createDeploymentBranchPolicy({ ...target, name: 'main', type: 'branch' });
    expect(again.data.id).toBe(policy.data.id);
    const list = await h.octokit.rest.repos.listDeploymentBranchPolicies(target);
    expect(list.data.branch_policies.map((p) => p.name)).toEqual(['main']);
  });

  it('answers 404 for an environment that does not exist', async () => {
    await expect(h.octokit.rest.repos.getEnvironment({ owner: 'acme', repo: 'public-fleet', environment_name: 'nope' })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses required reviewers on a private repository without GitHub Enterprise', async () => {
    const ids = await reviewerIds();
    const error = await h.octokit.rest.repos
      .createOrUpdateEnvironment({ owner: 'acme', repo: 'private-fleet', environment_name: 'release', reviewers: [{ type: 'User', id: ids.user }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, response: { data: { message: PLAN_LACKS_PROTECTION_RULES } } });
    await expect(h.octokit.rest.repos.getEnvironment({ owner: 'acme', repo: 'private-fleet', environment_name: 'release' })).rejects.toMatchObject({ status: 404 });
  });

  it('allows an environment without protection rules on that same private repository', async () => {
    const { data } = await h.octokit.rest.repos.createOrUpdateEnvironment({ owner: 'acme', repo: 'private-fleet', environment_name: 'staging' });
    expect(data.protection_rules).toEqual([]);
  });

  it('allows required reviewers on a private repository of an Enterprise plan', async () => {
    const ids = await reviewerIds();
    const { data } = await h.octokit.rest.repos.createOrUpdateEnvironment({
      owner: 'acme',
      repo: 'enterprise-fleet',
      environment_name: 'release',
      reviewers: [{ type: 'Team', id: ids.team }],
    });
    expect(data.protection_rules?.map((r) => r.type)).toEqual(['required_reviewers']);
  });

  it('refuses a deployment branch policy that is both or neither', async () => {
    await expect(
      h.octokit.rest.repos.createOrUpdateEnvironment({
        owner: 'acme',
        repo: 'public-fleet',
        environment_name: 'odd',
        deployment_branch_policy: { protected_branches: true, custom_branch_policies: true },
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('answers 404 for a reviewer login or team that does not exist', async () => {
    await expect(h.octokit.rest.users.getByUsername({ username: 'nobody' })).rejects.toMatchObject({ status: 404 });
    await expect(h.octokit.rest.teams.getByName({ org: 'acme', team_slug: 'nobody' })).rejects.toMatchObject({ status: 404 });
  });
});
