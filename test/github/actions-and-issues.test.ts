/** Workflow dispatch (the release job's trigger) and issues (one per compat regression). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
const repo = { owner: 'acme', repo: 'fleet' };

beforeAll(async () => {
  h = await startHarness();
  h.github.state.addRepo('acme/fleet');
});
afterEach(() => h.github.assertNoViolations());
afterAll(() => h.github.close());

describe('workflow dispatch', () => {
  it('records the ref and inputs of a dispatch and answers 204', async () => {
    const { status } = await h.octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: 'release.yml', ref: 'main', inputs: { plan: 'abc123', dry_run: 'false' } });
    expect(status).toBe(204);
    expect(h.github.state.requireRepo('acme/fleet').dispatches).toMatchObject([{ workflowId: 'release.yml', ref: 'main', inputs: { plan: 'abc123', dry_run: 'false' }, actorLogin: 'slipway-bot' }]);
  });

  it('refuses an input that is not a string with 422, like GitHub', async () => {
    const notAString = true as unknown as string; // deliberately a boolean, as a careless caller would send
    const error = await h.octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: 'release.yml', ref: 'main', inputs: { dry_run: notAString } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, response: { data: { message: "Invalid value for input 'dry_run'" } } });
    expect(h.github.state.requireRepo('acme/fleet').dispatches).toHaveLength(1);
  });

  it('answers the run id when asked, and the run can be read', async () => {
    const { data } = await h.octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      ...repo,
      workflow_id: 'index.yml',
      ref: 'v1.2.0',
      return_run_details: true,
    });
    const runId = (data as { workflow_run_id: number }).workflow_run_id;
    const run = await h.octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
    expect(run.data).toMatchObject({ id: runId, event: 'workflow_dispatch', status: 'queued', head_branch: 'v1.2.0', path: '.github/workflows/index.yml' });
  });
});

describe('issues', () => {
  it('creates, lists by label, comments on and closes an issue', async () => {
    await h.octokit.rest.issues.createLabel({ ...repo, name: 'compat-regression', color: 'd73a4a', description: 'Broke against core develop' });
    const label = await h.octokit.rest.issues.getLabel({ ...repo, name: 'compat-regression' });
    expect(label.data).toMatchObject({ name: 'compat-regression', color: 'd73a4a' });

    const first = await h.octokit.rest.issues.create({ ...repo, title: 'plugin-a regressed', body: 'details', labels: ['compat-regression', 'plugin:a'] });
    await h.octokit.rest.issues.create({ ...repo, title: 'unrelated', labels: ['docs'] });
    expect(first.status).toBe(201);
    expect(first.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['compat-regression', 'plugin:a']);

    const open = await h.octokit.rest.issues.listForRepo({ ...repo, labels: 'compat-regression', state: 'open' });
    expect(open.data.map((i) => i.title)).toEqual(['plugin-a regressed']);

    const comment = await h.octokit.rest.issues.createComment({ ...repo, issue_number: first.data.number, body: 'still broken on 2026-01-10' });
    expect(comment.data.body).toBe('still broken on 2026-01-10');

    const closed = await h.octokit.rest.issues.update({ ...repo, issue_number: first.data.number, state: 'closed', state_reason: 'completed', body: 'fixed in core' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed', body: 'fixed in core', comments: 1 });
    expect(closed.data.closed_at).not.toBeNull();

    const stillOpen = await h.octokit.rest.issues.listForRepo({ ...repo, labels: 'compat-regression' });
    expect(stillOpen.data).toEqual([]);
    const all = await h.octokit.rest.issues.listForRepo({ ...repo, labels: 'compat-regression', state: 'all' });
    expect(all.data.map((i) => i.number)).toEqual([first.data.number]);
  });

  it('answers 422 already_exists for a label that exists', async () => {
    await expect(h.octokit.rest.issues.createLabel({ ...repo, name: 'Compat-Regression' })).rejects.toMatchObject({ status: 422 });
  });

  it('reopens a closed issue with state_reason reopened, and replaces its labels', async () => {
    const issue = await h.octokit.rest.issues.create({ ...repo, title: 'flaky b', labels: ['compat-flaky'] });
    await h.octokit.rest.issues.update({ ...repo, issue_number: issue.data.number, state: 'closed', state_reason: 'not_planned' });
    const reopened = await h.octokit.rest.issues.update({ ...repo, issue_number: issue.data.number, state: 'open', labels: ['compat-regression'] });
    expect(reopened.data).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null });
    expect(reopened.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['compat-regression']);
  });

  it('pages through issues with per_page', async () => {
    for (let i = 0; i < 12; i++) h.github.state.addIssue('acme/fleet', { title: `bulk ${i}`, labels: ['bulk'] });
    const all = await h.octokit.paginate(h.octokit.rest.issues.listForRepo, { ...repo, labels: 'bulk', per_page: 5 });
    expect(all).toHaveLength(12);
    expect(all[0]!.title).toBe('bulk 11'); // newest first
  });
});
