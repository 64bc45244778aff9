/**
 * The release notices through the real @slack/web-api client against the local Slack server
 * (Block Kit and message limits enforced, 429 with Retry-After): posted once per plan or per
 * failed attempt, skipped with a notice without a token or channel, and never an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryReporter } from '../../src/core/reporter.ts';
import { noticeAwaitingApproval, noticeFailure } from '../../src/jobs/release-notice.ts';
import { tempDir } from '../helpers/repo.ts';
import { startSlackServer, type SlackServer } from '../servers/slack/index.ts';
import { planOf } from './plans.ts';

let slack: SlackServer;
beforeAll(async () => {
  slack = await startSlackServer({ channels: ['releases', 'other'] });
});
afterAll(() => slack.close());

const runUrl = 'https://github.com/acme/fleet/actions/runs/7';
const target = (channel = '#releases') => ({ token: slack.token, apiUrl: slack.apiUrl, channel, retries: 1 });
const inChannel = (name: string) => slack.messages.filter((m) => m.channel === slack.channelId(name));

describe('release notices in Slack', () => {
  it('posts "waiting for approval" once per plan, however often the plan job reruns', async () => {
    const plan = planOf(3);
    const reporter = memoryReporter();
    const first = await noticeAwaitingApproval({ slack: target(), plan, repository: 'acme/fleet', runUrl, environment: 'release', gate: 'environment', reporter });
    const again = await noticeAwaitingApproval({ slack: target(), plan, repository: 'acme/fleet', runUrl, environment: 'release', gate: 'environment', reporter });

    expect(first).toMatchObject({ status: 'posted', channel: slack.channelId('releases') });
    expect(again).toMatchObject({ status: 'already-posted', ts: (first as { ts: string }).ts });
    const posted = inChannel('releases');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toContain('Release waiting for approval in acme/fleet: @acme/plugin-0000 1.2.1');
    expect(posted[0]!.blocks?.[0]).toMatchObject({ type: 'header', text: { text: 'Release waiting for approval: 3 plugins' } });
    expect(reporter.lines).toContain('info: Slack: already posted to #releases, not posted again');
  });

  it('posts a 1,300-plugin plan within Slack\'s limits', async () => {
    const result = await noticeAwaitingApproval({ slack: target('#other'), plan: planOf(1300), repository: 'acme/fleet', runUrl, environment: 'release', gate: 'environment', reporter: memoryReporter() });
    expect(result.status).toBe('posted');
  });

  it('alerts on a failure with the failing step, once per attempt', async () => {
    const base = { slack: target(), job: 'ship', step: 'ship the plan', repository: 'acme/fleet', runUrl, reporter: memoryReporter() };
    const before = inChannel('releases').length;
    expect((await noticeFailure({ ...base, attempt: '7.1' })).status).toBe('posted');
    expect((await noticeFailure({ ...base, attempt: '7.1' })).status).toBe('already-posted');
    expect((await noticeFailure({ ...base, attempt: '7.2' })).status).toBe('posted'); // the rerun failed too
    const alerts = inChannel('releases').slice(before);
    expect(alerts.map((m) => m.text.replace(/ \[.*\]$/, ''))).toEqual([
      `Release failed in acme/fleet: ship job, step "ship the plan" ${runUrl}`,
      `Release failed in acme/fleet: ship job, step "ship the plan" ${runUrl}`,
    ]);
  });

  it('waits out a rate limit (429 + Retry-After) and posts', async () => {
    slack.rateLimit('chat.postMessage', { times: 1, retryAfter: 1 });
    const started = performance.now();
    const result = await noticeFailure({ slack: target(), job: 'plan', step: 'validate', repository: 'acme/fleet', runUrl, attempt: '8.1', reporter: memoryReporter() });
    expect(result.status).toBe('posted');
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(slack.calls.of('chat.postMessage').filter((c) => c.status === 429)).toHaveLength(1);
  });

  it('without a token or a channel: skipped with a notice, and no call to Slack', async () => {
    const calls = slack.calls.count();
    const reporter = memoryReporter();
    const plan = planOf(1);
    expect(await noticeAwaitingApproval({ slack: { ...target(), token: undefined }, plan, repository: 'acme/fleet', runUrl, environment: 'release', gate: 'environment', reporter })).toEqual({
      status: 'skipped',
      reason: 'no Slack token (the slack-token secret): Slack notice skipped',
    });
    expect(await noticeFailure({ slack: { ...target(), channel: undefined }, job: 'plan', step: undefined, repository: 'acme/fleet', runUrl, attempt: '9.1', reporter })).toEqual({
      status: 'skipped',
      reason: 'no channel for release notices (slack.release in slipway.yml): Slack notice skipped',
    });
    expect(slack.calls.count()).toBe(calls);
  });

  it('turns a Slack refusal into a warning, never an error', async () => {
    const reporter = memoryReporter();
    const result = await noticeFailure({ slack: { ...target('#nowhere') }, job: 'plan', step: undefined, repository: 'acme/fleet', runUrl, attempt: '10.1', reporter });
    expect(result).toEqual({ status: 'failed', reason: expect.stringContaining('no Slack channel named #nowhere') });
    expect(reporter.lines.some((l) => l.startsWith('warning: Slack notice not posted (the release is not affected): #nowhere: no Slack channel named #nowhere'))).toBe(true);
  });
});

describe('the release-notice action', () => {
  async function runAction(inputs: Record<string, string>) {
    const dir = tempDir();
    const output = join(dir, 'output');
    writeFileSync(output, '');
    const env: Record<string, string> = { GITHUB_OUTPUT: output, GITHUB_WORKSPACE: dir, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '1' };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const result = await execa(process.execPath, [join(import.meta.dirname, '../../src/actions/release-notice.ts')], { env, reject: false, extendEnv: false });
    return { ...result, outputs: readFileSync(output, 'utf8') };
  }

  it('with no Slack token: a notice, status skipped, exit 0', async () => {
    const result = await runAction({ event: 'failure', job: 'plan', steps: '{}' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('::notice::no Slack token (the slack-token secret): Slack notice skipped');
    expect(result.outputs).toMatch(/status<<.*\nskipped\n/);
  });

  it('posts the failure alert with the failing step, the channel from the input', async () => {
    const before = inChannel('releases').length;
    const steps = JSON.stringify({ checkout: { outcome: 'success' }, release: { outcome: 'failure' } });
    const result = await runAction({ event: 'failure', job: 'ship', steps, 'slack-token': slack.token, 'slack-api-url': slack.apiUrl, channel: '#releases' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatch(/status<<.*\nposted\n/);
    expect(inChannel('releases').slice(before).map((m) => m.text.replace(/ \[.*\]$/, ''))).toEqual([
      'Release failed in acme/fleet: ship job, step "ship the plan" https://github.com/acme/fleet/actions/runs/77',
    ]);
  });
});
