/**
 * Posts the digest to Slack once: the channel message through the shared post-once helper
 * (src/adapters/slack/post-once.ts: found by its key in the channel's recent history), then
 * its thread replies. Replies live in the thread, not in the channel history, so they are
 * found with conversations.replies: each carries metadata naming the window and its part
 * (https://docs.slack.dev/messaging/message-metadata), and a rerun posts only the parts that
 * are missing — never the digest twice.
 */
import type { WebClient } from '@slack/web-api';
import type { SlackMessagePayload } from '../../core/digest/render-slack.ts';
import { SlipwayError } from '../../core/errors.ts';
import { postOnce } from '../slack/post-once.ts';

export const DIGEST_EVENT_TYPE = 'slipway_digest';

export interface SlackDigestInput {
  /** A channel ID (C…) or name. */
  channel: string;
  windowKey: string;
  /** [0] for the channel, the rest as thread replies, in order. */
  messages: readonly SlackMessagePayload[];
  /** Pause between two posts; Slack allows about one message per second per channel (default 1100 ms). */
  postIntervalMs?: number;
  log?: (line: string) => void;
}

export interface SlackDigestResult {
  /** The channel's ID. */
  channel: string;
  /** The channel message's ts. */
  ts: string;
  /** Messages posted by this run. */
  posted: number;
  /** Messages an earlier run had already posted. */
  found: number;
}

interface PartMetadata {
  event_type?: string;
  event_payload?: { window?: unknown; part?: unknown };
}

/** Thread pages read at most while looking for posted parts (1,000 replies each). */
const MAX_THREAD_PAGES = 10;

export const digestMessageKey = (windowKey: string) => `slipway-digest ${windowKey}`;

export async function postDigestToSlack(client: WebClient, input: SlackDigestInput): Promise<SlackDigestResult> {
  const log = input.log ?? (() => {});
  const parts = input.messages.length;
  const interval = input.postIntervalMs ?? 1100;
  const [first, ...replies] = input.messages;

  const parent = await postOnce(client, {
    channel: input.channel,
    key: digestMessageKey(input.windowKey),
    text: first!.text,
    blocks: first!.blocks,
    eventType: DIGEST_EVENT_TYPE,
  });
  if (parent.action !== 'posted' && parent.action !== 'found-posted') {
    throw new SlipwayError('API_FAILED', 'Slack: the digest message was scheduled, not posted', { subject: input.channel, hint: 'this is a bug in slipway; please report it' });
  }
  const { channel, ts } = parent;
  const found = new Set<number>(parent.action === 'found-posted' ? [1] : []);
  if (parent.action === 'found-posted' && replies.length > 0) {
    for (const part of await postedParts(client, channel, ts, input.windowKey)) found.add(part);
    log(`Slack: the digest for ${input.windowKey} is already in the channel (ts ${ts}); ${found.size} of ${parts} part(s) there`);
  }

  let posted = parent.action === 'posted' ? 1 : 0;
  for (const [index, message] of replies.entries()) {
    const part = index + 2;
    if (found.has(part)) continue;
    if (posted > 0 && interval > 0) await new Promise((resolve) => setTimeout(resolve, interval));
    await call(`post part ${part} of ${parts} in the thread`, channel, () =>
      client.chat.postMessage({
        channel,
        thread_ts: ts,
        text: message.text,
        blocks: message.blocks,
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key: `${digestMessageKey(input.windowKey)} #${part}`, window: input.windowKey, part, parts } },
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    posted += 1;
  }
  return { channel, ts, posted, found: found.size };
}

async function postedParts(client: WebClient, channel: string, ts: string, windowKey: string): Promise<number[]> {
  const parts: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_THREAD_PAGES; page++) {
    const answer = await call('read the digest thread', channel, () =>
      client.conversations.replies({ channel, ts, include_all_metadata: true, limit: 1000, ...(cursor ? { cursor } : {}) }),
    );
    for (const message of answer.messages ?? []) {
      const metadata = message.metadata as PartMetadata | undefined;
      if (message.ts === ts || metadata?.event_type !== DIGEST_EVENT_TYPE || metadata.event_payload?.window !== windowKey) continue;
      parts.push(Number(metadata.event_payload.part));
    }
    cursor = answer.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return parts;
}

async function call<T>(doing: string, channel: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    throw new SlipwayError('API_FAILED', `Slack refused to ${doing}: ${code}`, {
      subject: channel,
      hint: 'rerun the digest: the parts already posted are found in the thread and not posted again',
      cause: error,
    });
  }
}
