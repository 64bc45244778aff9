/**
 * The Slack and Notion writers on their own, against the local servers: what a rerun does
 * after a run that stopped halfway, how a changed release is updated in place, and pacing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDigestPages } from '../../src/adapters/digest/notion-digest.ts';
import { postDigestToSlack } from '../../src/adapters/digest/slack-digest.ts';
import { createNotionClient } from '../../src/adapters/notion/client.ts';
import { createSlackClient } from '../../src/adapters/slack/client.ts';
import { composeDigest, type Digest } from '../../src/core/digest/compose-digest.ts';
import { parseReleaseNotes } from '../../src/core/digest/release-notes.ts';
import { digestSchema, notionPages } from '../../src/core/digest/render-notion.ts';
import { renderSlackDigest, type SlackLimits } from '../../src/core/digest/render-slack.ts';
import { windowOf } from '../../src/core/digest/window.ts';
import { plainText, startNotionServer, type NotionServer, type RichText } from '../servers/notion/index.ts';
import { blockTextLength, startSlackServer, validateBlocks, type SlackServer } from '../servers/slack/index.ts';

const WEEK = windowOf('2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z');

function digestOf(releases: Array<{ plugin: string; notes: string }>): Digest {
  return composeDigest(
    WEEK,
    releases.map(({ plugin, notes }) => ({ plugin, version: '1.1.0', previous: '1.0.0', tag: `${plugin}@1.1.0`, releasedAt: '2025-03-05T10:00:00.000Z', url: null, notes: parseReleaseNotes(notes) })),
  );
}

const features = (count: number, prefix = 'feature') => `### Features\n\n${Array.from({ length: count }, (_, i) => `* ${prefix} ${i + 1}`).join('\n')}`;

describe('Slack messages within limits', () => {
  it('packs into as many thread replies as needed, continuing groups, and loses no line', () => {
    const limits: SlackLimits = { maxBlocks: 6, maxSectionChars: 400, maxMessageChars: 1500 };
    const digest = digestOf(Array.from({ length: 30 }, (_, i) => ({ plugin: `p${String(i).padStart(2, '0')}`, notes: i % 2 ? features(3) : '### Bug Fixes\n\n* a fix' })));
    const messages = renderSlackDigest(digest, { limits, digestUrl: 'https://example.com/digest' });

    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(limits.maxBlocks);
      expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(limits.maxMessageChars);
      for (const block of message.blocks) if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(limits.maxSectionChars);
    }
    const text = messages.flatMap((m) => m.blocks.map((b) => ('text' in b && b.text ? b.text.text : ''))).join('\n');
    for (const entry of digest.entries) expect(text).toContain(`*${entry.plugin}* 1.0.0 → *1.1.0*`);
    expect(text.match(/◦ Feature: feature/g)).toHaveLength(45);
    expect(text).toContain('*:sparkles: Features (continued)*');
    expect(JSON.stringify(messages[0]!.blocks)).toContain(`:thread: ${digest.entries.length - countEntries(messages[0]!)} more releases in the thread (${messages.length - 1} replies)`);
  });

  it('splits a single note longer than a section, keeping every character', () => {
    const digest = digestOf([{ plugin: 'big', notes: `### Features\n\n* ${'x'.repeat(7000)}` }]);
    const messages = renderSlackDigest(digest);
    const sections = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section' && b.text);
    expect(sections.every((s) => 'text' in s && s.text!.text.length <= 3000)).toBe(true);
    expect(sections.map((s) => ('text' in s ? s.text!.text : '')).join('').split('x').length - 1).toBe(7000);
    for (const message of messages) expect(validateBlocks(message.blocks)).toEqual([]);
  });
});

function countEntries(message: { blocks: Array<{ type: string }> }): number {
  return JSON.stringify(message.blocks).split('• ').length - 1;
}

describe('posting to Slack after a run that stopped halfway', () => {
  let slack: SlackServer;
  beforeAll(async () => {
    slack = await startSlackServer({ channels: [{ id: 'C0HALFWAY01', name: 'digest' }] });
  });
  afterAll(() => slack.close());

  it('posts only the thread replies that are missing', async () => {
    const client = createSlackClient({ token: slack.token, apiUrl: slack.apiUrl });
    const digest = digestOf(Array.from({ length: 60 }, (_, i) => ({ plugin: `plugin-${i}`, notes: features(5, 'a reasonably long feature description, to fill the message') })));
    const messages = renderSlackDigest(digest);
    expect(messages.length).toBeGreaterThanOrEqual(3);

    // The first run got the channel message and its first reply out, then died.
    const first = await postDigestToSlack(client, { channel: 'C0HALFWAY01', windowKey: WEEK.key, messages: messages.slice(0, 2), postIntervalMs: 0 });
    expect(first).toMatchObject({ posted: 2, found: 0 });

    const rerun = await postDigestToSlack(client, { channel: 'C0HALFWAY01', windowKey: WEEK.key, messages, postIntervalMs: 0 });
    expect(rerun).toEqual({ channel: 'C0HALFWAY01', ts: first.ts, posted: messages.length - 2, found: 2 });
    const thread = slack.messages.filter((m) => m.thread_ts === first.ts);
    expect(thread.map((m) => (m.metadata?.event_payload as { part: number }).part)).toEqual(messages.slice(1).map((_, i) => i + 2));

    const again = await postDigestToSlack(client, { channel: 'C0HALFWAY01', windowKey: WEEK.key, messages, postIntervalMs: 0 });
    expect(again.posted).toBe(0);
    expect(slack.messages).toHaveLength(messages.length);
  });
});

describe('Notion release pages', () => {
  let notion: NotionServer;
  let dataSourceId: string;
  beforeAll(async () => {
    notion = await startNotionServer();
    ({ dataSourceId } = notion.seedDatabase({ title: 'Releases', properties: digestSchema() }));
  });
  afterAll(() => notion.close());

  const client = (options: { retries?: number; requestsPerSecond?: number } = {}) =>
    createNotionClient({ token: notion.token, baseUrl: notion.url, requestsPerSecond: Infinity, initialRetryDelayMs: 10, ...options });
  const bullets = (pageId: string) =>
    notion.childrenOf(pageId).filter((b) => b.type === 'bulleted_list_item').map((b) => plainText((b.bulleted_list_item as { rich_text: RichText[] }).rich_text));
  const pageOf = (key: string) => notion.pagesIn(dataSourceId).filter((p) => plainText((p.properties as Record<string, { title: RichText[] }>).Release!.title) === key);

  it('finishes a page whose notes were cut off by a failure, without duplicating a block', async () => {
    const pages = notionPages(digestOf([{ plugin: 'long', notes: features(150) }]));
    expect(pages[0]!.children.length).toBe(151);
    notion.fail(/^PATCH \/v1\/blocks\/.*\/children$/, 500); // the second chunk of blocks
    await expect(writeDigestPages(client({ retries: 0 }), { dataSourceId, pages })).rejects.toThrow(/could not write the notes of long@1.1.0/);
    const [half] = pageOf('long@1.1.0');
    expect(bullets(half!.id as string)).toHaveLength(99);

    const result = await writeDigestPages(client(), { dataSourceId, pages });
    expect(result).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(pageOf('long@1.1.0')).toHaveLength(1);
    expect(bullets(half!.id as string)).toEqual(Array.from({ length: 150 }, (_, i) => `feature ${i + 1}`));
  });

  it('updates a release whose notes changed in place, and leaves unchanged ones alone', async () => {
    const before = notionPages(digestOf([{ plugin: 'a', notes: features(2) }, { plugin: 'b', notes: features(1) }]));
    expect(await writeDigestPages(client(), { dataSourceId, pages: before })).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const after = notionPages(digestOf([{ plugin: 'a', notes: `${features(2)}\n\n### Bug Fixes\n\n* fixed later` }, { plugin: 'b', notes: features(1) }]));
    const writes = notion.calls.count('POST /v1/pages');

    expect(await writeDigestPages(client(), { dataSourceId, pages: after })).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(notion.calls.count('POST /v1/pages')).toBe(writes);
    const [a] = pageOf('a@1.1.0');
    expect(bullets(a!.id as string)).toEqual(['feature 1', 'feature 2', 'fixed later']);
    expect(plainText((a!.properties as Record<string, { rich_text: RichText[] }>)['Type counts']!.rich_text)).toBe('2 features · 1 fix');
  });

  it('keeps to Notion\'s average of three requests a second, so the server never has to refuse one', async () => {
    notion.limitRate({ perSecond: 3, burst: 3 });
    try {
      const refusedBefore = notion.calls.all.filter((call) => call.status === 429).length;
      const started = Date.now();
      const pages = notionPages(digestOf(['c', 'd', 'e', 'f', 'g'].map((plugin) => ({ plugin, notes: features(1) }))));
      expect(await writeDigestPages(client({ requestsPerSecond: 3 }), { dataSourceId, pages })).toEqual({ created: 5, updated: 0, unchanged: 0 });
      expect(notion.calls.all.filter((call) => call.status === 429).length).toBe(refusedBefore);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1500); // 6 requests at one per 334 ms
    } finally {
      notion.limitRate(null);
    }
  });
});
