/**
 * After shipping, the index workflow is dispatched for the new tags (GITHUB_TOKEN's pushes
 * start no workflow; more than three tags at once start none at all) — through the real
 * octokit client against the local GitHub server, which checks each request against GitHub's
 * OpenAPI description and refuses non-string inputs as GitHub does.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, type Octokit } from '../../src/adapters/github/client.ts';
import { indexDispatchDecision, MAX_TAGS_INPUT_CHARS, parseTagList, tagBatches } from '../../src/core/dispatch/index-dispatch.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { dispatchIndex } from '../../src/jobs/dispatch-index.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';
import { runActionEntry } from './action-runner.ts';

let github: GitHubServer;
let octokit: Octokit;
beforeAll(async () => {
  github = await startGitHubServer();
  github.state.addRepo('acme/fleet');
  octokit = createGitHubClient({ baseUrl: github.url, token: github.token, writeSpacingMs: 0 });
});
afterEach(() => github.assertNoViolations());
afterAll(() => github.close());

const dispatches = () => github.state.requireRepo('acme/fleet').dispatches;

describe('when to dispatch the index workflow', () => {
  it('always after a GITHUB_TOKEN push; after an App token push only for more than three tags', () => {
    expect(indexDispatchDecision({ tags: ['a@1.0.0'], pushedWithAppToken: false })).toEqual({ dispatch: true, reason: 'the 1 tag was pushed with GITHUB_TOKEN, which starts no push: tags workflow' });
    expect(indexDispatchDecision({ tags: ['a@1', 'b@1', 'c@1'], pushedWithAppToken: true })).toEqual({ dispatch: false, reason: 'the App token\'s push of 3 tags starts the push: tags workflow itself' });
    expect(indexDispatchDecision({ tags: ['a@1', 'b@1', 'c@1', 'd@1'], pushedWithAppToken: true })).toEqual({ dispatch: true, reason: '4 tags were pushed at once, and GitHub creates no push events for more than 3' });
    expect(indexDispatchDecision({ tags: [], pushedWithAppToken: false }).dispatch).toBe(false);
  });

  it('reads the release step\'s JSON output and hand-typed lists alike', () => {
    expect(parseTagList('["a@1.0.0","@s/b@2.0.0"]')).toEqual(['a@1.0.0', '@s/b@2.0.0']);
    expect(parseTagList(' a@1.0.0, b@2.0.0\nc@3.0.0 ')).toEqual(['a@1.0.0', 'b@2.0.0', 'c@3.0.0']);
    expect(() => parseTagList('[1, 2]')).toThrow('must be a JSON array of tag names');
  });

  it('splits 1,300 tags into batches under GitHub\'s input size limit, in order, none lost', () => {
    const tags = Array.from({ length: 1300 }, (_, i) => `@acme-enterprise/plugin-with-a-long-name-${i}@${i}.0.0`);
    const batches = tagBatches(tags);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(MAX_TAGS_INPUT_CHARS);
    expect(batches.flatMap((b) => b.split(' '))).toEqual(tags);
  });
});

describe('dispatchIndex', () => {
  it('dispatches index.yml on the release branch with the tags as one string input', async () => {
    const reporter = memoryReporter();
    const result = await dispatchIndex({ octokit, repo: { owner: 'acme', repo: 'fleet' }, tags: ['a@1.1.0', 'b@2.0.0'], ref: 'main', reporter });
    expect(result).toMatchObject({ dispatch: true, batches: ['a@1.1.0 b@2.0.0'] });
    expect(dispatches().map((d) => [d.workflowId, d.ref, d.inputs])).toEqual([['index.yml', 'main', { tags: 'a@1.1.0 b@2.0.0' }]]);
    expect(reporter.lines).toContain('info: dispatched index.yml on main for 2 tag(s)');
  });

  it('makes one dispatch per batch for a very large release', async () => {
    const before = dispatches().length;
    const tags = Array.from({ length: 1300 }, (_, i) => `@acme-enterprise/plugin-with-a-long-name-${i}@${i}.0.0`);
    const result = await dispatchIndex({ octokit, repo: { owner: 'acme', repo: 'fleet' }, tags, ref: 'main', workflow: 'catalog.yml', reporter: memoryReporter() });
    const made = dispatches().slice(before);
    expect(made).toHaveLength(result.batches.length);
    expect(made.flatMap((d) => d.inputs['tags']!.split(' '))).toEqual(tags);
    expect(new Set(made.map((d) => d.workflowId))).toEqual(new Set(['catalog.yml']));
  });

  it('makes no dispatch after an App token pushed three tags, and none in a dry run', async () => {
    const before = github.count('actions/create-workflow-dispatch');
    const app = await dispatchIndex({ octokit, repo: { owner: 'acme', repo: 'fleet' }, tags: ['a@1', 'b@1', 'c@1'], ref: 'main', pushedWithAppToken: true, reporter: memoryReporter() });
    const reporter = memoryReporter();
    const dry = await dispatchIndex({ octokit, repo: { owner: 'acme', repo: 'fleet' }, tags: ['a@1'], ref: 'main', dryRun: true, reporter });
    expect(app.dispatch).toBe(false);
    expect(dry.batches).toEqual(['a@1']);
    expect(reporter.lines).toContain('info: would dispatch index.yml on main for 1 tag(s): POST /repos/acme/fleet/actions/workflows/index.yml/dispatches');
    expect(github.count('actions/create-workflow-dispatch')).toBe(before);
  });

  it('says what to check when GitHub refuses the dispatch', async () => {
    await expect(dispatchIndex({ octokit, repo: { owner: 'acme', repo: 'missing' }, tags: ['a@1'], ref: 'main', reporter: memoryReporter() })).rejects.toMatchObject({
      code: 'API_FAILED',
      message: 'dispatching workflow index.yml on main failed: 404 Not Found',
      hint: 'check that .github/workflows/index.yml exists on main, has `on: workflow_dispatch` with the input(s) tags, and that the job has `permissions: actions: write`',
    });
    const stranger = createGitHubClient({ baseUrl: github.url, token: 'not-a-token', retries: 0 });
    await expect(dispatchIndex({ octokit: stranger, repo: { owner: 'acme', repo: 'fleet' }, tags: ['a@1'], ref: 'main', reporter: memoryReporter() })).rejects.toMatchObject({
      hint: 'the token was refused: set GITHUB_TOKEN (or GH_TOKEN) to a valid token',
    });
  });

});

describe('the dispatch-index action', () => {
  it('takes the release step\'s JSON output and dispatches with the job\'s token', async () => {
    const before = dispatches().length;
    const result = await runActionEntry('dispatch-index', { tags: '["a@1.2.0","b@2.0.0"]', ref: 'main', 'github-token': github.token, 'github-api-url': github.url }, { GITHUB_REPOSITORY: 'acme/fleet' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ dispatched: 'true', dispatches: '1' });
    expect(dispatches().slice(before).map((d) => d.inputs)).toEqual([{ tags: 'a@1.2.0 b@2.0.0' }]);
  });

  it('after an App token pushed a few tags: a notice, no dispatch', async () => {
    const before = dispatches().length;
    const result = await runActionEntry('dispatch-index', { tags: 'a@1.3.0', ref: 'main', 'pushed-with-app-token': 'true', 'github-token': github.token, 'github-api-url': github.url }, { GITHUB_REPOSITORY: 'acme/fleet' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("::notice::index workflow not dispatched: the App token's push of 1 tag starts the push: tags workflow itself");
    expect(dispatches().length).toBe(before);
  });
});
