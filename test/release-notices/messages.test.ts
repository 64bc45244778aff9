/** The release notices as Block Kit data: what they say, and that they fit Slack's limits at any fleet size. */
import { describe, expect, it } from 'vitest';
import { awaitingApprovalMessage, failedStep, failureMessage } from '../../src/core/notices/release-notices.ts';
import { validateBlocks } from '../servers/slack/index.ts';
import { planOf } from './plans.ts';

const runUrl = 'https://github.com/acme/fleet/actions/runs/42';

describe('the "waiting for approval" message', () => {
  it('lists each plugin with its versions, says how to approve, and links the run', () => {
    const plan = planOf(2, { name: (i) => ['@acme/http', '@acme/<csv>'][i]! });
    const message = awaitingApprovalMessage({ plan, repository: 'acme/fleet', runUrl, environment: 'release', gate: 'environment' });
    expect(message.text).toBe(`Release waiting for approval in acme/fleet: @acme/http 1.2.1, @acme/<csv> 1.3.0 ${runUrl}`);
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Release waiting for approval: 2 plugins' } },
      { type: 'section', text: { type: 'mrkdwn', text: `*acme/fleet* · plan \`${plan.hash.slice(0, 19)}…\` · base \`abababa\`` } },
      { type: 'section', text: { type: 'mrkdwn', text: '• *@acme/http* 1.2.0 → *1.2.1* (patch)\n• *@acme/&lt;csv&gt;* 1.2.0 → *1.3.0* (minor)' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'A required reviewer of environment `release` approves it in the run: *Review deployments* → *Approve and deploy*. Exactly this plan ships.' }] },
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Review the plan' }, url: runUrl }] },
    ]);
    expect(validateBlocks(message.blocks)).toEqual([]);
  });

  it('with the fallback gate, quotes the hash to approve with', () => {
    const plan = planOf(1);
    const message = awaitingApprovalMessage({ plan, repository: 'acme/fleet', runUrl, environment: 'release', gate: 'plan-hash' });
    expect(JSON.stringify(message.blocks)).toContain(`run the release workflow by hand with \`approve-plan-hash: ${plan.hash}\``);
  });

  it('stays within Slack\'s limits for 1,300 plugins, saying how many it left out', () => {
    const plan = planOf(1300);
    const message = awaitingApprovalMessage({ plan, repository: 'acme/fleet', runUrl, environment: 'release', gate: 'environment' });
    expect(validateBlocks(message.blocks)).toEqual([]);
    const list = (message.blocks[2] as { text: { text: string } }).text.text;
    expect(list.length).toBeLessThanOrEqual(3000);
    const shown = list.split('\n').filter((l) => l.startsWith('• ')).length;
    expect(list.split('\n').at(-1)).toBe(`…and ${1300 - shown} more: the full plan is in the run's summary`);
    expect(shown).toBeGreaterThan(40);
    expect(message.text).toBe(`Release waiting for approval in acme/fleet: ${plan.releases.slice(0, 5).map((r) => `${r.name} ${r.to}`).join(', ')}, and 1295 more ${runUrl}`);
  });
});

describe('the failure alert', () => {
  it('names the job and the failing step, says what a rerun does, and links the run', () => {
    const message = failureMessage({ job: 'ship', step: 'ship the plan', repository: 'acme/fleet', runUrl });
    expect(message.text).toBe(`Release failed in acme/fleet: ship job, step "ship the plan" ${runUrl}`);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Release failed: ship job, step "ship the plan"' } });
    expect(JSON.stringify(message.blocks[2])).toContain('Rerun the failed job');
    expect(validateBlocks(message.blocks)).toEqual([]);
  });

  it('finds the first failed step in the steps context, by its label', () => {
    const steps = JSON.stringify({
      checkout: { outcome: 'success', conclusion: 'success', outputs: {} },
      validate: { outcome: 'failure', conclusion: 'failure', outputs: {} },
      plan: { outcome: 'skipped', conclusion: 'skipped', outputs: {} },
    });
    expect(failedStep(steps, { validate: 'validate the plugins' })).toBe('validate the plugins');
    expect(failedStep(steps)).toBe('validate');
    expect(failedStep(JSON.stringify({ a: { outcome: 'success' } }))).toBeUndefined();
    expect(failedStep('not json')).toBeUndefined();
  });
});
