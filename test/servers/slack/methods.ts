/**
 * The Web API methods slipway calls, each a function from request arguments to Slack's
 * answer. They refuse what Slack refuses, with the error strings from each method's
 * "Errors" table on docs.slack.dev.
 */
import { randomBytes } from 'node:crypto';
import { blockTextLength, validateBlocks } from './block-kit.ts';
import { conversationsList } from './conversations.ts';
import {
  BOT_ID, BOT_USER_ID, TEAM_ID, tsToMicros,
  type ScheduledMessage, type SlackMessage, type SlackMetadata, type SlackWorkspace,
} from './workspace.ts';

export type Args = Record<string, unknown>;
export type Answer = Record<string, unknown>;

/** A refusal: answered as HTTP 200 `{ ok: false, error, ...extra }`, as Slack does. */
export class SlackApiError extends Error {
  readonly error: string;
  readonly extra: Answer;
  constructor(error: string, extra: Answer = {}) {
    super(error);
    this.error = error;
    this.extra = extra;
  }
}

export interface MethodContext {
  ws: SlackWorkspace;
  /** See SlackServerOptions.blockTextLimit. */
  blockTextLimit: number | false;
}

// chat.postMessage `text`: "Provide no more than 40,000 characters or risk truncation"; its
// error table lists `msg_too_long`. — https://docs.slack.dev/reference/methods/chat.postMessage
export const MAX_MESSAGE_TEXT = 40_000;
// "You will only be able to schedule a message up to 120 days into the future ... time_too_far";
// "you cannot schedule more than 30 messages to post within a 5-minute window to the same
// channel ... restricted_too_many" — https://docs.slack.dev/reference/methods/chat.scheduleMessage
export const MAX_SCHEDULE_AHEAD_SECONDS = 120 * 24 * 60 * 60;
export const MAX_SCHEDULED_PER_WINDOW = 30;
export const SCHEDULE_WINDOW_SECONDS = 5 * 60;
// conversations.history `limit`: "Maximum of 999." — https://docs.slack.dev/reference/methods/conversations.history
export const MAX_HISTORY_LIMIT = 999;

type Method = (ctx: MethodContext, args: Args) => Answer;

export const methods: Record<string, Method> = {
  'auth.test': () => ({
    url: 'https://slipway-test.slack.com/',
    team: 'slipway test',
    user: 'slipway',
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    is_enterprise_install: false,
  }),

  'chat.postMessage': ({ ws, blockTextLimit }, args) => {
    const channel = channelArg(ws, args);
    const content = messageContent(args, blockTextLimit);
    const threadTs = threadArg(ws, channel, args);
    const message: SlackMessage = {
      channel,
      ts: ws.nextTs(),
      ...content,
      ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      ...optionalBool(args, 'unfurl_links'),
      ...optionalBool(args, 'unfurl_media'),
      ...optionalBool(args, 'reply_broadcast'),
    };
    ws.messages.push(message);
    return { channel, ts: message.ts, message: apiMessage(ws, message, true) };
  },

  'chat.update': ({ ws, blockTextLimit }, args) => {
    const channel = channelArg(ws, args);
    const ts = stringArg(args, 'ts');
    const message = ts === undefined ? undefined : ws.findMessage(channel, ts);
    if (!message) throw new SlackApiError('message_not_found');
    const content = messageContent(args, blockTextLimit);
    message.text = content.text;
    if (content.blocks !== undefined) message.blocks = content.blocks;
    if (content.metadata !== undefined) message.metadata = content.metadata;
    message.edited = { user: BOT_USER_ID, ts: ws.nextTs() };
    return { channel, ts: message.ts, text: message.text, message: apiMessage(ws, message, true) };
  },

  'chat.scheduleMessage': ({ ws, blockTextLimit }, args) => {
    const channel = channelArg(ws, args);
    const postAt = Number(args.post_at);
    if (args.post_at === undefined || args.post_at === '' || !Number.isFinite(postAt)) throw new SlackApiError('invalid_time');
    const postAtSeconds = Math.floor(postAt);
    const nowSeconds = Math.floor(ws.now() / 1000);
    if (postAtSeconds <= nowSeconds) throw new SlackApiError('time_in_past');
    if (postAtSeconds > nowSeconds + MAX_SCHEDULE_AHEAD_SECONDS) throw new SlackApiError('time_too_far');
    const crowded = ws.scheduled.filter(
      (other) => other.channel === channel && Math.abs(other.post_at - postAtSeconds) < SCHEDULE_WINDOW_SECONDS,
    );
    if (crowded.length >= MAX_SCHEDULED_PER_WINDOW) throw new SlackApiError('restricted_too_many');
    const content = messageContent(args, blockTextLimit);
    const threadTs = threadArg(ws, channel, args);
    const scheduled: ScheduledMessage = {
      id: ws.nextScheduledId(),
      channel,
      post_at: postAtSeconds,
      date_created: nowSeconds,
      ...content,
      ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
    };
    ws.scheduled.push(scheduled);
    return {
      channel,
      scheduled_message_id: scheduled.id,
      post_at: scheduled.post_at,
      message: {
        type: 'delayed_message',
        subtype: 'bot_message',
        bot_id: BOT_ID,
        user: BOT_USER_ID,
        team: TEAM_ID,
        text: scheduled.text,
        ...(scheduled.blocks ? { blocks: scheduled.blocks } : {}),
      },
    };
  },

  'chat.scheduledMessages.list': ({ ws }, args) => {
    const channel = args.channel === undefined || args.channel === '' ? undefined : channelArg(ws, args);
    const oldest = numberArg(args, 'oldest');
    const latest = numberArg(args, 'latest');
    const pending = ws.scheduled
      .filter((message) => channel === undefined || message.channel === channel)
      .filter((message) => (oldest === undefined || message.post_at >= oldest) && (latest === undefined || message.post_at <= latest))
      .sort((a, b) => a.post_at - b.post_at || a.id.localeCompare(b.id));
    const page = paginate(pending, args, 100, 1000, (message) => message.id);
    return {
      scheduled_messages: page.items.map((message) => ({
        id: message.id,
        channel_id: message.channel,
        post_at: message.post_at,
        date_created: message.date_created,
        text: message.text,
      })),
      response_metadata: { next_cursor: page.nextCursor },
    };
  },

  'chat.deleteScheduledMessage': ({ ws }, args) => {
    const channel = channelArg(ws, args);
    const index = ws.scheduled.findIndex((message) => message.channel === channel && message.id === args.scheduled_message_id);
    if (index < 0) throw new SlackApiError('invalid_scheduled_message_id');
    ws.scheduled.splice(index, 1);
    return {};
  },

  'conversations.list': ({ ws }, args) => conversationsList(ws, args),

  'conversations.history': ({ ws }, args) => {
    const channel = channelArg(ws, args);
    const withMetadata = boolArg(args, 'include_all_metadata');
    const inTimeRange = timeRange(args);
    // Replies stay in their thread unless they were broadcast to the channel.
    const visible = ws.messages
      .filter((message) => message.channel === channel && (message.thread_ts === undefined || message.reply_broadcast === true))
      .filter((message) => inTimeRange(message.ts))
      .reverse();
    const page = paginate(visible, args, 100, MAX_HISTORY_LIMIT, (message) => message.ts);
    return {
      messages: page.items.map((message) => apiMessage(ws, message, withMetadata)),
      has_more: page.nextCursor !== '',
      pin_count: 0,
      response_metadata: { next_cursor: page.nextCursor },
    };
  },

  'conversations.replies': ({ ws }, args) => {
    const channel = channelArg(ws, args);
    const ts = stringArg(args, 'ts');
    const found = ts === undefined ? undefined : ws.findMessage(channel, ts);
    if (!found) throw new SlackApiError('thread_not_found');
    const root = found.thread_ts === undefined ? found : ws.findMessage(channel, found.thread_ts);
    if (!root) throw new SlackApiError('thread_not_found');
    const inTimeRange = timeRange(args);
    const thread = [root, ...ws.repliesTo(channel, root.ts)].filter((message) => inTimeRange(message.ts));
    const page = paginate(thread, args, 1000, 1000, (message) => message.ts);
    return {
      messages: page.items.map((message) => apiMessage(ws, message, boolArg(args, 'include_all_metadata'))),
      has_more: page.nextCursor !== '',
      response_metadata: { next_cursor: page.nextCursor },
    };
  },
};

/** A stored message as the Web API returns it. */
function apiMessage(ws: SlackWorkspace, message: SlackMessage, withMetadata: boolean): Answer {
  const replies = message.thread_ts === undefined ? ws.repliesTo(message.channel, message.ts) : [];
  return {
    type: 'message',
    user: BOT_USER_ID,
    bot_id: BOT_ID,
    team: TEAM_ID,
    text: message.text,
    ts: message.ts,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts, parent_user_id: BOT_USER_ID } : {}),
    ...(replies.length > 0
      ? { thread_ts: message.ts, reply_count: replies.length, reply_users_count: 1, latest_reply: replies.at(-1)!.ts, reply_users: [BOT_USER_ID] }
      : {}),
    ...(message.edited ? { edited: message.edited } : {}),
    ...(withMetadata && message.metadata ? { metadata: message.metadata } : {}),
  };
}

interface MessageContent {
  text: string;
  blocks?: Record<string, unknown>[];
  metadata?: SlackMetadata;
}

/** text + blocks + metadata, checked the way chat.postMessage checks them. */
function messageContent(args: Args, blockTextLimit: number | false): MessageContent {
  const text = args.text === undefined ? '' : String(args.text);
  const blocks = jsonArg(args, 'blocks', 'invalid_blocks_format');
  if (blocks !== undefined) {
    const errors = validateBlocks(blocks);
    if (errors.length > 0) {
      throw new SlackApiError('invalid_blocks', { errors, response_metadata: { messages: errors.map((error) => `[ERROR] ${error}`) } });
    }
    if (blockTextLimit !== false && blockTextLength(blocks) > blockTextLimit) throw new SlackApiError('msg_blocks_too_long');
  }
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  if (text.length === 0 && !hasBlocks && args.attachments === undefined) throw new SlackApiError('no_text');
  if (text.length > MAX_MESSAGE_TEXT) throw new SlackApiError('msg_too_long');
  const metadata = jsonArg(args, 'metadata', 'invalid_metadata_format');
  if (metadata !== undefined && !isMetadata(metadata)) throw new SlackApiError('invalid_metadata_format');
  return {
    text,
    ...(hasBlocks ? { blocks: (blocks as Record<string, unknown>[]).map(withBlockId) } : {}),
    ...(metadata !== undefined ? { metadata } : {}),
  };
}

/** Slack fills in a block_id for every block sent without one; stored blocks show it. */
function withBlockId(block: Record<string, unknown>): Record<string, unknown> {
  return block.block_id === undefined ? { ...block, block_id: randomBytes(3).toString('base64url') } : block;
}

function isMetadata(value: unknown): value is SlackMetadata {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.event_type === 'string' && candidate.event_type.length > 0
    && typeof candidate.event_payload === 'object' && candidate.event_payload !== null && !Array.isArray(candidate.event_payload);
}

function channelArg(ws: SlackWorkspace, args: Args): string {
  const given = stringArg(args, 'channel');
  const channel = given === undefined ? undefined : ws.findChannel(given);
  if (!channel) throw new SlackApiError('channel_not_found');
  return channel.id;
}

/**
 * A reply must name an existing parent. Slack itself answers `invalid_thread_ts` for a
 * malformed value but accepts an unknown one and files an orphan reply nobody sees
 * (slackapi/python-slack-sdk#840); refusing it here makes that bug visible in tests.
 */
function threadArg(ws: SlackWorkspace, channel: string, args: Args): string | undefined {
  const threadTs = stringArg(args, 'thread_ts');
  if (threadTs === undefined || threadTs === '') return undefined;
  if (tsToMicros(threadTs) === undefined) throw new SlackApiError('invalid_thread_ts');
  const parent = ws.findMessage(channel, threadTs);
  if (!parent) throw new SlackApiError('thread_not_found');
  // "Avoid using a reply's ts value; use its parent instead" — Slack files it in the parent's thread.
  return parent.thread_ts ?? parent.ts;
}

function timeRange(args: Args): (ts: string) => boolean {
  const oldest = args.oldest === undefined ? undefined : tsToMicros(String(args.oldest));
  const latest = args.latest === undefined ? undefined : tsToMicros(String(args.latest));
  if ((args.oldest !== undefined && oldest === undefined) || (args.latest !== undefined && latest === undefined)) {
    throw new SlackApiError('invalid_ts_oldest');
  }
  const inclusive = boolArg(args, 'inclusive');
  return (ts) => {
    const at = tsToMicros(ts)!;
    if (oldest !== undefined && (inclusive ? at < oldest : at <= oldest)) return false;
    if (latest !== undefined && (inclusive ? at > latest : at >= latest)) return false;
    return true;
  };
}

/** Cursor pagination: the cursor names the first item of the next page, base64-encoded like Slack's. */
function paginate<T>(items: T[], args: Args, defaultLimit: number, maxLimit: number, keyOf: (item: T) => string): { items: T[]; nextCursor: string } {
  const requested = numberArg(args, 'limit');
  const limit = Math.min(requested === undefined || requested <= 0 ? defaultLimit : Math.floor(requested), maxLimit);
  let start = 0;
  const cursor = stringArg(args, 'cursor');
  if (cursor) {
    const decoded = Buffer.from(cursor, 'base64').toString('utf8');
    start = decoded.startsWith('next:') ? items.findIndex((item) => keyOf(item) === decoded.slice(5)) : -1;
    if (start < 0) throw new SlackApiError('invalid_cursor');
  }
  const page = items.slice(start, start + limit);
  const next = items[start + limit];
  return { items: page, nextCursor: next === undefined ? '' : Buffer.from(`next:${keyOf(next)}`).toString('base64') };
}

function stringArg(args: Args, name: string): string | undefined {
  const value = args[name];
  return value === undefined || value === null ? undefined : String(value);
}

function numberArg(args: Args, name: string): number | undefined {
  const value = args[name];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** Form bodies carry booleans as "true"/"1"; JSON bodies as booleans. */
function boolArg(args: Args, name: string): boolean {
  const value = args[name];
  return value === true || value === 'true' || value === '1' || value === 1;
}

function optionalBool(args: Args, name: string): Record<string, boolean> {
  return args[name] === undefined ? {} : { [name]: boolArg(args, name) };
}

/** The client sends objects form-encoded as JSON strings; JSON bodies may carry them as-is. */
function jsonArg(args: Args, name: string, error: string): unknown {
  const value = args[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new SlackApiError(error);
  }
}
