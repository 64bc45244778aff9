/**
 * The compat Slack message through the real @slack/web-api client against the local Slack
 * server: scheduled for Monday morning, never twice, always within Block Kit's limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackClient } from '../../src/adapters/slack/client.ts';
import { keyTag, postOnce } from '../../src/adapters/slack/post-once.ts';
import { compatSlackMessage } from '../../src/core/compat/slack-report.ts';
import { blockTextLength, startSlackServer, type SlackServer } from '../servers/slack/index.ts';
import { chain, compatRun, result } from './builders.ts';

let server: SlackServer;
let clock = Date.parse('2026-03-28T02:30:00Z'); // a Saturday night run
const now = () => clock;

beforeAll(async () => {
  server = await startSlackServer({ channels: ['general', 'compat'], now });
});
afterAll(() => server.close());

const slack = () => createSlackClient({ token: server.token, apiUrl: server.apiUrl, retries: 0 });
const [weekOne] = chain(
  compatRun('run-1', 28, [result('@demo/plugin-slack', 'fail', 'fail', { baseline: 'pass' }), result('@demo/plugin-http', 'pass'), result('@demo/plugin-cache', 'fail', 'pass')]),
);

describe('posting a compat report to Slack once', () => {
  it('schedules it for Monday 09:00, and a rerun finds the scheduled message instead of adding one', async () => {
    const monday = new Date('2026-03-30T07:00:00Z');
    const message = { channel: '#compat', key: 'compat run-1', ...compatSlackMessage(weekOne!), postAt: monday };
    const first = await postOnce(slack(), message, { now });
    expect(first).toMatchObject({ action: 'scheduled', channel: server.channelId('compat'), postAt: monday.getTime() / 1000 });
    const again = await postOnce(slack(), message, { now });
    expect(again).toMatchObject({ action: 'found-scheduled', scheduledMessageId: (first as { scheduledMessageId: string }).scheduledMessageId });
    expect(server.scheduled.filter((m) => m.text.includes(keyTag('compat run-1')))).toHaveLength(1);
    expect(server.calls.count('chat.scheduleMessage')).toBe(1);

    // Monday comes: Slack delivers it; a rerun now finds it in the channel history.
    clock = Date.parse('2026-03-30T07:00:30Z');
    expect(server.deliverDue()).toHaveLength(1);
    const afterDelivery = await postOnce(slack(), message, { now });
    expect(afterDelivery).toMatchObject({ action: 'found-posted' });
    expect(server.messages.filter((m) => m.text.includes(keyTag('compat run-1')))).toHaveLength(1);
  });

  it('posts at once when told to (or when the time has come), with the key in metadata too', async () => {
    const message = { channel: server.channelId('compat'), key: 'compat run-2', ...compatSlackMessage(weekOne!) };
    const posted = await postOnce(slack(), message, { now });
    expect(posted.action).toBe('posted');
    const stored = server.messages.find((m) => m.ts === (posted as { ts: string }).ts)!;
    expect(stored.metadata).toEqual({ event_type: 'slipway', event_payload: { key: 'compat run-2' } });
    expect(await postOnce(slack(), message, { now })).toMatchObject({ action: 'found-posted', ts: stored.ts });
    const past = await postOnce(slack(), { ...message, key: 'compat run-3', postAt: new Date(clock - 1000) }, { now });
    expect(past.action).toBe('posted');
  });

  it('says the counts and names the regressions with their failing tests', () => {
    const { text, blocks } = compatSlackMessage(weekOne!);
    expect(text).toBe('Compatibility with core develop 2.0.0-dev: 1 regressed, 1 flaky, 1 passed');
    const body = JSON.stringify(blocks);
    expect(body).toContain('*@demo/plugin-slack* 1.0.0 — `a test`');
    expect(body).not.toContain('plugin-http');
  });

  it('stays within Block Kit limits for a fleet where 1,300 plugins regress', async () => {
    const many = Array.from({ length: 1300 }, (_, i) => result(`@fleet/plugin-${String(i).padStart(4, '0')}-with-a-long-name`, 'fail', 'fail', { baseline: 'pass' }));
    const [huge] = chain(compatRun('run-huge', 28, many));
    const content = compatSlackMessage(huge!);
    expect(blockTextLength(content.blocks)).toBeLessThan(12_000);
    expect(JSON.stringify(content.blocks)).toMatch(/…and \d+ more/);
    // The local server refuses whatever Slack would (block count, section text, header length).
    await expect(postOnce(slack(), { channel: '#compat', key: 'compat run-huge', ...content }, { now })).resolves.toMatchObject({ action: 'posted' });
  });

  it('names the channel and what to do when the bot cannot see it', async () => {
    await expect(postOnce(slack(), { channel: '#nowhere', key: 'k', text: 'x' }, { now })).rejects.toMatchObject({ code: 'NOT_FOUND', subject: '#nowhere' });
    const stranger = createSlackClient({ token: 'xoxb-wrong', apiUrl: server.apiUrl, retries: 0 });
    await expect(postOnce(stranger, { channel: 'C0NOTREAL1', key: 'k', text: 'x' }, { now })).rejects.toMatchObject({
      code: 'API_FAILED',
      message: expect.stringContaining('invalid_auth'),
    });
  });
});
