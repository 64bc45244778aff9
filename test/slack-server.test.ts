/**
 * The local Slack server, driven by the real @slack/web-api client: every method slipway uses
 * works and keeps state, and every documented limit is refused the way Slack refuses it.
 */
import { ErrorCode, LogLevel, WebClient, type Logger } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTextLength, startSlackServer, type SlackServer } from './servers/slack/index.ts';

let server: SlackServer;
let slack: WebClient;
let startupMs: number;

// The client logs the `[ERROR] ...` lines of refused calls; these tests refuse on purpose.
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

/** No retries by default: a refusal must surface at once. */
function client(token: string | undefined, extra: ConstructorParameters<typeof WebClient>[1] = {}): WebClient {
  return new WebClient(token, { slackApiUrl: server.apiUrl, retryConfig: { retries: 0 }, logger: quiet, ...extra });
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

beforeAll(async () => {
  const started = performance.now();
  server = await startSlackServer({ channels: ['releases', { id: 'C0COMPAT001', name: 'compat' }] });
  startupMs = performance.now() - started;
  slack = client(server.token);
});
afterAll(() => server.close());

describe('the local Slack server', () => {
  it('starts in well under a second and needs no files', () => {
    // Target is < 50 ms; the bound leaves room for a loaded CI machine.
    expect(startupMs).toBeLessThan(250);
    expect(server.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('authenticates only its own bot token', async () => {
    await expect(slack.auth.test()).resolves.toMatchObject({ ok: true, bot_id: expect.any(String), team_id: expect.any(String) });
    await expect(client('xoxb-someone-else').auth.test()).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'invalid_auth' } });
    await expect(client(undefined).auth.test()).rejects.toMatchObject({ data: { error: 'not_authed' } });
  });

  it('keeps posted messages, threads and metadata, and reads them back like Slack', async () => {
    const channel = server.channelId('releases');
    const metadata = { event_type: 'slipway_digest', event_payload: { week: '2026-W01' } };
    const parent = await slack.chat.postMessage({ channel: '#releases', text: 'Digest', blocks: [section('*3 releases*')], metadata, unfurl_links: false });
    expect(parent).toMatchObject({ ok: true, channel, message: { text: 'Digest', metadata } });
    const reply = await slack.chat.postMessage({ channel, text: 'details', thread_ts: parent.ts! });

    const stored = server.messages.find((message) => message.ts === parent.ts)!;
    expect(stored).toMatchObject({ channel, text: 'Digest', metadata, unfurl_links: false });
    // Slack fills in a block_id for blocks sent without one.
    expect(stored.blocks?.[0]).toMatchObject({ type: 'section', block_id: expect.any(String) });
    expect(server.messages.find((message) => message.ts === reply.ts)).toMatchObject({ thread_ts: parent.ts });

    const plain = await slack.conversations.history({ channel });
    const top = plain.messages!.find((message) => message.ts === parent.ts)!;
    expect(top).toMatchObject({ reply_count: 1, thread_ts: parent.ts });
    expect(top.metadata).toBeUndefined();
    expect(plain.messages!.some((message) => message.ts === reply.ts)).toBe(false);
    const withMetadata = await slack.conversations.history({ channel, include_all_metadata: true });
    expect(withMetadata.messages!.find((message) => message.ts === parent.ts)?.metadata).toEqual(metadata);

    const thread = await slack.conversations.replies({ channel, ts: parent.ts! });
    expect(thread.messages!.map((message) => message.ts)).toEqual([parent.ts, reply.ts]);
    await expect(slack.conversations.replies({ channel, ts: '1.000001' })).rejects.toMatchObject({ data: { error: 'thread_not_found' } });
    await expect(slack.chat.postMessage({ channel, text: 'orphan', thread_ts: '1.000001' })).rejects.toMatchObject({ data: { error: 'thread_not_found' } });
    await expect(slack.chat.postMessage({ channel, text: 'bad', thread_ts: 'yesterday' })).rejects.toMatchObject({ data: { error: 'invalid_thread_ts' } });
  });

  it('accepts JSON bodies as well as the form bodies the client sends', async () => {
    const response = await fetch(`${server.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C0COMPAT001', text: 'json', blocks: [section('as JSON')] }),
    });
    const body = (await response.json()) as { ok: boolean; ts: string };
    expect(body.ok).toBe(true);
    expect(server.messages.find((message) => message.ts === body.ts)?.blocks?.[0]).toMatchObject({ text: { text: 'as JSON' } });
  });

  it('updates a message in place', async () => {
    const channel = server.channelId('compat');
    const posted = await slack.chat.postMessage({ channel, text: 'v1' });
    await slack.chat.update({ channel, ts: posted.ts!, text: 'v2', blocks: [section('v2')] });
    expect(server.messages.filter((message) => message.ts === posted.ts)).toEqual([
      expect.objectContaining({ text: 'v2', edited: expect.any(Object) }),
    ]);
    await expect(slack.chat.update({ channel, ts: '1.000002', text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
  });

  it('pages conversations.history with cursors and filters by oldest', async () => {
    const channel = server.addChannel('paging');
    const posted: string[] = [];
    for (let i = 0; i < 5; i += 1) posted.push((await slack.chat.postMessage({ channel, text: `m${i}` })).ts!);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await slack.conversations.history({ channel, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...result.messages!.map((message) => message.ts!));
      cursor = result.response_metadata?.next_cursor;
      if (!result.has_more) break;
    }
    expect(seen).toEqual([...posted].reverse());
    expect(cursor).toBe('');

    const newer = await slack.conversations.history({ channel, oldest: posted[2] });
    expect(newer.messages!.map((message) => message.text)).toEqual(['m4', 'm3']);
    await expect(slack.conversations.history({ channel, cursor: 'bm9wZQ==' })).rejects.toMatchObject({ data: { error: 'invalid_cursor' } });
  });

  it('schedules, lists, deletes and delivers scheduled messages within the 120-day window', async () => {
    const channel = server.channelId('compat');
    const now = Math.floor(Date.now() / 1000);
    const monday = await slack.chat.scheduleMessage({ channel, post_at: now + 3600, text: 'compat report', blocks: [section('2 regressions')] });
    const dropped = await slack.chat.scheduleMessage({ channel, post_at: now + 7200, text: 'with metadata', metadata: { event_type: 'x', event_payload: {} } });
    expect(monday).toMatchObject({ ok: true, channel, post_at: now + 3600, scheduled_message_id: expect.stringMatching(/^Q/) });

    const listed = await slack.chat.scheduledMessages.list({ channel });
    expect(listed.scheduled_messages!.map((message) => message.id)).toEqual([monday.scheduled_message_id, dropped.scheduled_message_id]);

    await expect(slack.chat.scheduleMessage({ channel, post_at: now - 10, text: 'late' })).rejects.toMatchObject({ data: { error: 'time_in_past' } });
    await expect(slack.chat.scheduleMessage({ channel, post_at: now + 121 * 86_400, text: 'far' })).rejects.toMatchObject({ data: { error: 'time_too_far' } });
    await expect(slack.chat.scheduleMessage({ channel: 'C0NOWHERE01', post_at: now + 60, text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });

    const extra = await slack.chat.scheduleMessage({ channel, post_at: now + 600, text: 'cancel me' });
    await slack.chat.deleteScheduledMessage({ channel, scheduled_message_id: extra.scheduled_message_id! });
    await expect(slack.chat.deleteScheduledMessage({ channel, scheduled_message_id: extra.scheduled_message_id! }))
      .rejects.toMatchObject({ data: { error: 'invalid_scheduled_message_id' } });

    const delivered = server.deliverDue((now + 8000) * 1000);
    // Slack's documented bug: a message scheduled with metadata never posts.
    expect(delivered.map((message) => message.text)).toEqual(['compat report']);
    expect(server.scheduled.filter((message) => message.channel === channel)).toEqual([]);
  });

  it('answers 429 with Retry-After, and the real client waits and retries once', async () => {
    const fast = client(server.token, { retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 1 } });
    const before = server.calls.count('chat.postMessage');
    server.rateLimit('chat.postMessage', { times: 1, retryAfter: 1 });
    const started = performance.now();
    const posted = await fast.chat.postMessage({ channel: 'C0COMPAT001', text: 'after the limit' });
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(3000);
    expect(server.calls.of('chat.postMessage').slice(before).map((call) => call.status)).toEqual([429, 200]);
    expect(server.messages.filter((message) => message.text === 'after the limit')).toHaveLength(1);
    expect(posted.ok).toBe(true);
  });

  it('lets a client that rejects rate-limited calls see the Retry-After value', async () => {
    server.rateLimit('conversations.history', { retryAfter: 7 });
    const strict = client(server.token, { rejectRateLimitedCalls: true });
    await expect(strict.conversations.history({ channel: 'C0COMPAT001' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
  });
});

describe('limits the local Slack server enforces', () => {
  const post = (blocks: unknown[], text = 'fallback') => slack.chat.postMessage({ channel: 'C0COMPAT001', text, blocks: blocks as never });

  async function refusal(blocks: unknown[]): Promise<{ error: string; errors: string[] }> {
    const error = await post(blocks).then(() => undefined, (caught: { data: { error: string; errors: string[] } }) => caught.data);
    if (!error) throw new Error('the server accepted blocks it should refuse');
    return error;
  }

  it('refuses a 51-block message and accepts 50', async () => {
    await expect(post(Array.from({ length: 50 }, () => ({ type: 'divider' })))).resolves.toMatchObject({ ok: true });
    const refused = await refusal(Array.from({ length: 51 }, () => ({ type: 'divider' })));
    expect(refused).toEqual(expect.objectContaining({ error: 'invalid_blocks', errors: ['no more than 50 items allowed [json-pointer:/blocks]'] }));
  });

  it('refuses a 3,001-character section and accepts 3,000', async () => {
    await expect(post([section('x'.repeat(3000))])).resolves.toMatchObject({ ok: true });
    expect((await refusal([section('x'.repeat(3001))])).errors).toEqual(['must be less than 3001 characters [json-pointer:/blocks/0/text/text]']);
  });

  it('refuses more than 10 section fields or a field over 2,000 characters', async () => {
    const field = (text: string) => ({ type: 'mrkdwn', text });
    expect((await refusal([{ type: 'section', fields: Array.from({ length: 11 }, () => field('f')) }])).errors)
      .toEqual(['no more than 10 items allowed [json-pointer:/blocks/0/fields]']);
    expect((await refusal([{ type: 'section', fields: [field('ok'), field('y'.repeat(2001))] }])).errors)
      .toEqual(['must be less than 2001 characters [json-pointer:/blocks/0/fields/1/text]']);
  });

  it('refuses a header over 150 characters or in mrkdwn', async () => {
    expect((await refusal([{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }])).errors)
      .toEqual(['must be less than 151 characters [json-pointer:/blocks/0/text/text]']);
    expect((await refusal([{ type: 'header', text: { type: 'mrkdwn', text: '*h*' } }])).errors)
      .toEqual(['must be plain_text [json-pointer:/blocks/0/text/type]']);
  });

  it('refuses more than 10 context elements', async () => {
    const elements = Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' }));
    expect((await refusal([{ type: 'context', elements }])).errors).toEqual(['no more than 10 items allowed [json-pointer:/blocks/0/elements]']);
  });

  it('refuses a long or repeated block_id and unknown block types', async () => {
    expect((await refusal([{ type: 'divider', block_id: 'b'.repeat(256) }])).errors).toEqual(['must be less than 256 characters [json-pointer:/blocks/0/block_id]']);
    expect((await refusal([{ type: 'divider', block_id: 'same' }, { type: 'divider', block_id: 'same' }])).errors)
      .toEqual(['duplicate block_id: same [json-pointer:/blocks/1/block_id]']);
    expect((await refusal([{ type: 'banner' }])).errors).toEqual(['unsupported type: banner [json-pointer:/blocks/0/type]']);
  });

  it('refuses top-level text over 40,000 characters, unknown channels and empty messages', async () => {
    await expect(post([], 't'.repeat(40_001))).rejects.toMatchObject({ data: { error: 'msg_too_long' } });
    await expect(slack.chat.postMessage({ channel: '#nowhere', text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(slack.chat.postMessage({ channel: 'C0COMPAT001', text: '' })).rejects.toMatchObject({ data: { error: 'no_text' } });
  });

  it('counts block text and refuses payloads past the observed ~13k total', async () => {
    const blocks = Array.from({ length: 5 }, () => section('z'.repeat(2900)));
    expect(blockTextLength(blocks)).toBe(14_500);
    expect(blockTextLength([{ type: 'context', elements: [{ type: 'mrkdwn', text: 'abc' }] }, { type: 'divider' }])).toBe(3);
    await expect(post(blocks)).rejects.toMatchObject({ data: { error: 'msg_blocks_too_long' } });
  });

  it('records every call, refused or not', () => {
    const refused = server.calls.of('chat.postMessage').filter((call) => call.error === 'invalid_blocks');
    expect(refused.length).toBeGreaterThanOrEqual(8);
    expect(refused.every((call) => call.status === 200 && !('token' in call.args))).toBe(true);
  });
});
