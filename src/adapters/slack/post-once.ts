/**
 * Posts (or schedules) a message exactly once per key, however often the job reruns: before
 * writing, it looks for a message carrying the key — a scheduled one not delivered yet, then a
 * recent one in the channel's history — and returns that one instead.
 *
 * The key rides in the message's fallback `text` (shown only in notifications when blocks are
 * present) as `[key]`. Metadata would be tidier, but Slack drops scheduled messages that carry
 * metadata ("Messages scheduled with chat.scheduleMessage will not post if the metadata
 * parameter is used" — docs.slack.dev/reference/methods/chat.scheduleMessage), and
 * chat.scheduledMessages.list answers only the text. Immediate posts carry metadata as well.
 */
import type { WebClient } from '@slack/web-api';
import { SlipwayError } from '../../core/errors.ts';

export interface PostOnceMessage {
  channel: string;
  /** Unique per message: the same key is never posted twice. */
  key: string;
  text: string;
  blocks?: Record<string, unknown>[];
  /** Deliver at this time with chat.scheduleMessage; now (or in the past) posts at once. */
  postAt?: Date | undefined;
  /** Message metadata event type for immediate posts (default `slipway`). */
  eventType?: string;
}

export interface PostOnceOptions {
  /** How far back the channel history is searched (default 14 days). */
  lookbackSeconds?: number;
  /** Pages of history / scheduled messages read at most (default 10 each). */
  maxPages?: number;
  now?: () => number;
}

export type PostOnceResult =
  | { action: 'posted' | 'found-posted'; channel: string; ts: string }
  | { action: 'scheduled' | 'found-scheduled'; channel: string; scheduledMessageId: string; postAt: number };

// chat.scheduleMessage refuses a post_at in the past; one this close to now is posted instead.
const SCHEDULE_MIN_LEAD_SECONDS = 60;
const DEFAULT_LOOKBACK = 14 * 24 * 3600;

export const keyTag = (key: string) => `[${key}]`;

export async function postOnce(slack: WebClient, message: PostOnceMessage, options: PostOnceOptions = {}): Promise<PostOnceResult> {
  const now = options.now ?? Date.now;
  const maxPages = options.maxPages ?? 10;
  const tag = keyTag(message.key);
  const text = message.text.includes(tag) ? message.text : `${message.text} ${tag}`;
  const channel = await slackCall('resolve the channel', message.channel, () => channelId(slack, message.channel, maxPages));

  const scheduled = await slackCall('list scheduled messages', message.channel, async () => {
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const answer = await slack.chat.scheduledMessages.list({ channel, limit: 100, ...(cursor ? { cursor } : {}) });
      const found = answer.scheduled_messages?.find((m) => m.text?.includes(tag));
      if (found?.id && found.post_at !== undefined) return { id: found.id, postAt: found.post_at };
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return undefined;
  });
  if (scheduled) return { action: 'found-scheduled', channel, scheduledMessageId: scheduled.id, postAt: scheduled.postAt };

  const oldest = Math.floor(now() / 1000) - (options.lookbackSeconds ?? DEFAULT_LOOKBACK);
  const posted = await slackCall('read the channel history', message.channel, async () => {
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const answer = await slack.conversations.history({ channel, oldest: String(oldest), limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      const found = answer.messages?.find(
        (m) => m.text?.includes(tag) || (m.metadata?.event_payload as { key?: unknown } | undefined)?.key === message.key,
      );
      if (found?.ts) return found.ts;
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return undefined;
  });
  if (posted) return { action: 'found-posted', channel, ts: posted };

  const postAt = message.postAt ? Math.floor(message.postAt.getTime() / 1000) : undefined;
  const content = { text, ...(message.blocks ? { blocks: message.blocks } : {}) };
  if (postAt !== undefined && postAt > Math.floor(now() / 1000) + SCHEDULE_MIN_LEAD_SECONDS) {
    const answer = await slackCall('schedule the message', message.channel, () => slack.chat.scheduleMessage({ channel, post_at: postAt, ...content }));
    return { action: 'scheduled', channel, scheduledMessageId: answer.scheduled_message_id!, postAt: answer.post_at ?? postAt };
  }
  const answer = await slackCall('post the message', message.channel, () =>
    slack.chat.postMessage({
      channel,
      ...content,
      unfurl_links: false,
      metadata: { event_type: message.eventType ?? 'slipway', event_payload: { key: message.key } },
    }),
  );
  return { action: 'posted', channel: answer.channel ?? channel, ts: answer.ts! };
}

/** A channel ID as given (C…, G…), or the ID of a channel named `#name` / `name`. */
async function channelId(slack: WebClient, channel: string, maxPages: number): Promise<string> {
  if (/^[CGD][A-Z0-9]{6,}$/.test(channel)) return channel;
  const name = channel.replace(/^#/, '');
  let cursor: string | undefined;
  for (let page = 0; page < maxPages * 10; page++) {
    const answer = await slack.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 1000, ...(cursor ? { cursor } : {}) });
    const found = answer.channels?.find((c) => c.name === name);
    if (found?.id) return found.id;
    cursor = answer.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  throw new SlipwayError('NOT_FOUND', `no Slack channel named #${name} that the bot can see`, {
    subject: channel,
    hint: 'use the channel ID (right-click the channel → Copy link; it starts with C), or invite the bot to the channel',
  });
}

/** Slack errors for people: the method's error code, what slipway was doing, and where. */
async function slackCall<T>(doing: string, channel: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof SlipwayError) throw error;
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    const hints: Record<string, string> = {
      not_authed: 'set the Slack bot token (SLACK_BOT_TOKEN / the slack-token input)',
      invalid_auth: 'the Slack token is wrong or revoked: create a new bot token',
      channel_not_found: 'check the channel and invite the bot to it',
      not_in_channel: 'invite the bot to the channel (/invite @your-bot)',
      missing_scope: 'the bot needs chat:write, channels:history, channels:read (and groups:* for private channels)',
    };
    throw new SlipwayError('API_FAILED', `Slack refused to ${doing}: ${code}`, {
      subject: channel,
      hint: hints[code] ?? 'see https://docs.slack.dev/reference/methods for the error',
      cause: error,
    });
  }
}
