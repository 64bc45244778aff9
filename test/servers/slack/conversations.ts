/**
 * conversations.list, so callers can turn a configured channel name into the ID that
 * conversations.history needs (https://docs.slack.dev/reference/methods/conversations.list).
 * Every local channel is public and the bot is a member of it.
 */
// methods.ts imports this file too; SlackApiError is only used when a request runs, so the cycle is safe.
import { SlackApiError } from './methods.ts';
import type { SlackChannel, SlackWorkspace } from './workspace.ts';

type Args = Record<string, unknown>;
type Answer = Record<string, unknown>;

// "limit: The maximum number of items to return. Fewer than the requested number of items may
// be returned … Must be an integer under 1000." Default 100.
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const KNOWN_TYPES = new Set(['public_channel', 'private_channel', 'mpim', 'im']);

export function conversationsList(ws: SlackWorkspace, args: Args): Answer {
  const types = String(args.types ?? 'public_channel').split(',').map((t) => t.trim()).filter(Boolean);
  if (types.some((t) => !KNOWN_TYPES.has(t))) throw new SlackApiError('invalid_types');
  const limitArg = args.limit === undefined || args.limit === '' ? DEFAULT_LIMIT : Number(args.limit);
  if (!Number.isInteger(limitArg) || limitArg < 0) throw new SlackApiError('invalid_limit');
  const limit = Math.min(limitArg === 0 ? DEFAULT_LIMIT : limitArg, MAX_LIMIT);
  const channels = types.includes('public_channel') ? [...ws.channels] : [];
  let start = 0;
  const cursor = args.cursor === undefined ? '' : String(args.cursor);
  if (cursor) {
    const decoded = Buffer.from(cursor, 'base64').toString('utf8');
    start = decoded.startsWith('channel:') ? channels.findIndex((c) => c.id === decoded.slice(8)) : -1;
    if (start < 0) throw new SlackApiError('invalid_cursor');
  }
  const page = channels.slice(start, start + limit);
  const next = channels[start + limit];
  return {
    channels: page.map(apiChannel),
    response_metadata: { next_cursor: next ? Buffer.from(`channel:${next.id}`).toString('base64') : '' },
  };
}

function apiChannel(channel: SlackChannel): Answer {
  return {
    id: channel.id,
    name: channel.name,
    is_channel: true,
    is_group: false,
    is_im: false,
    is_private: false,
    is_archived: false,
    is_member: true,
    name_normalized: channel.name,
  };
}
