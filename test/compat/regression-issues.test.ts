/**
 * One issue per regressed plugin, through the real octokit against the local GitHub server
 * (every request and answer checked against GitHub's OpenAPI description).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncRegressionIssues } from '../../src/adapters/compat/regression-issues.ts';
import { issueMarker, pluginOfIssue } from '../../src/core/compat/regression-issues.ts';
import type { StoredRun } from '../../src/core/compat/compat-run.ts';
import { startHarness, type Harness } from '../github/harness.ts';
import { chain, compatRun, result } from './builders.ts';

let h: Harness;
const REPO = 'acme/plugins';
const LABEL = 'compat-regression';

beforeAll(async () => {
  h = await startHarness();
  h.github.state.addRepo(REPO);
  // Someone's own issue with the label but no marker: slipway must leave it alone.
  h.github.state.addIssue(REPO, { title: 'Triage notes', body: 'by hand', labels: [LABEL] });
});
afterAll(async () => {
  h.github.assertNoViolations();
  await h.github.close();
});

const sync = (run: StoredRun) => syncRegressionIssues(h.octokit, run, { owner: 'acme', repo: 'plugins', label: LABEL });
const issues = () => h.github.state.requireRepo(REPO).issues;
const slackIssues = () => issues().filter((i) => pluginOfIssue(i.body) === '@demo/plugin-slack');
const writes = () => h.github.requests.filter((r) => r.method !== 'GET').length;

// Week by week: regressed, rerun of the same report, still broken, fixed, regressed again.
const weeks = chain(
  compatRun('run-1', 3, [result('@demo/plugin-slack', 'fail', 'fail', { baseline: 'pass' }), result('@demo/plugin-csv', 'fail', 'fail', { baseline: 'fail' }), result('@demo/plugin-http', 'pass')]),
  compatRun('run-2', 10, [result('@demo/plugin-slack', 'fail', 'fail', { baseline: 'pass' }), result('@demo/plugin-http', 'pass')]),
  compatRun('run-3', 17, [result('@demo/plugin-slack', 'pass'), result('@demo/plugin-http', 'pass')]),
  compatRun('run-4', 24, [result('@demo/plugin-slack', 'fail', 'fail', { baseline: 'pass' })]),
);

describe('regression issues', () => {
  it('opens one labelled issue per regression, with a hidden marker naming the plugin', async () => {
    const outcome = await sync(weeks[0]!);
    expect(outcome.actions.map((a) => `${a.kind} ${a.plugin}`)).toEqual(['create @demo/plugin-slack']);
    const [issue] = slackIssues();
    expect(issue).toMatchObject({ state: 'open', title: 'Compat: @demo/plugin-slack fails with core develop', labels: [LABEL] });
    expect(issue!.body).toContain(issueMarker('@demo/plugin-slack'));
    expect(issue!.body).toContain('- `a test`');
    expect(issue!.body).toContain('passes with the released core 1.4.0');
    // csv fails with the released core too: not a develop regression, no issue.
    expect(issues().some((i) => pluginOfIssue(i.body) === '@demo/plugin-csv')).toBe(false);
  });

  it('writes nothing when the same report runs again', async () => {
    const before = writes();
    expect((await sync(weeks[0]!)).actions).toEqual([]);
    expect(writes()).toBe(before);
    expect(slackIssues()).toHaveLength(1);
  });

  it('updates the same issue while the plugin stays broken', async () => {
    const outcome = await sync(weeks[1]!);
    expect(outcome.actions.map((a) => a.kind)).toEqual(['update']);
    expect(slackIssues()).toHaveLength(1);
    expect(slackIssues()[0]!.body).toContain('Latest compat run: `run-2`');
    expect(slackIssues()[0]!.body).toContain('Failing since: run-1');
  });

  it('closes it, saying why, when the plugin passes again', async () => {
    await sync(weeks[2]!);
    const [issue] = slackIssues();
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(issue!.comments.at(-1)!.body).toContain('Passes with core 2.0.0-dev');
    expect((await sync(weeks[2]!)).actions).toEqual([]);
  });

  it('reopens the same issue, never a second one, when it regresses again', async () => {
    const outcome = await sync(weeks[3]!);
    expect(outcome.actions).toMatchObject([{ kind: 'update', reopen: true }]);
    expect(slackIssues()).toHaveLength(1);
    expect(slackIssues()[0]).toMatchObject({ state: 'open', stateReason: 'reopened' });
    expect(issues().find((i) => i.title === 'Triage notes')).toMatchObject({ state: 'open', body: 'by hand' });
  });

  it('creates the label, coloured and described, in a repository that lacks it', async () => {
    h.github.state.addRepo('acme/fresh');
    await syncRegressionIssues(h.octokit, weeks[0]!, { owner: 'acme', repo: 'fresh', label: LABEL });
    expect(h.github.state.requireRepo('acme/fresh').labels.get(LABEL)).toMatchObject({ color: 'd73a49', description: expect.stringContaining('slipway compat') });
  });

  it('shows the writes it would make in a dry run, and makes none', async () => {
    const fresh = chain(compatRun('run-5', 31, [result('@demo/plugin-s3', 'fail', 'fail', { baseline: 'pass' })]))[0]!;
    const before = writes();
    const seen: string[] = [];
    const outcome = await syncRegressionIssues(h.octokit, fresh, { owner: 'acme', repo: 'plugins', label: LABEL, dryRun: true, onAction: (a) => seen.push(`${a.kind} ${a.plugin}`) });
    expect(seen).toEqual(['create @demo/plugin-s3']);
    expect(outcome.actions).toHaveLength(1);
    expect(writes()).toBe(before);
  });
});
