/**
 * A local Slack Web API for tests: the real `@slack/web-api` client talks to it over HTTP on
 * 127.0.0.1. It keeps state (messages, threads, scheduled messages), enforces Block Kit and
 * message limits, and can answer HTTP 429 + Retry-After like Slack's rate limiter.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CallLog } from '../call-log.ts';
import { CountedFaults } from '../faults.ts';
import { listen, readBody, sendJson } from '../listen.ts';
import { SlackApiError, methods, type Args } from './methods.ts';
import { SlackWorkspace, type ScheduledMessage, type SlackChannel, type SlackMessage } from './workspace.ts';

export interface SlackServerOptions {
  /** The bot token the server accepts. */
  token?: string;
  /** Channels that exist, as names (IDs generated) or `{ id, name }`. Default: `#general`. */
  channels?: Array<string | SlackChannel>;
  /** Clock in milliseconds, for chat.scheduleMessage's past/120-day checks and message ts. */
  now?: () => number;
  /**
   * Characters of block text above which Slack answers `msg_blocks_too_long`. Undocumented:
   * observed between 13,172 and 13,297 characters (slackapi/bolt-js#2509), so 13,000 by
   * default; `false` turns it off.
   */
  blockTextLimit?: number | false;
}

export interface RateLimitOptions {
  /** How many consecutive calls to answer with 429. Default 1. */
  times?: number;
  /** Seconds in the Retry-After header. Default 1. */
  retryAfter?: number;
}

export interface SlackServer {
  /** Base URL of the server. */
  url: string;
  /** What to give the client: `new WebClient(token, { slackApiUrl: server.apiUrl })`. */
  apiUrl: string;
  /** The one valid bot token; any other answers `invalid_auth`, none `not_authed`. */
  token: string;
  channels: readonly SlackChannel[];
  /** Every message posted, in order (replies included, with `thread_ts`). */
  messages: readonly SlackMessage[];
  /** Scheduled messages not yet delivered or deleted. */
  scheduled: readonly ScheduledMessage[];
  /** Every call by method name, refused ones included. */
  calls: CallLog<Args>;
  /** The next `times` calls to `method` get HTTP 429 with `Retry-After: retryAfter`. */
  rateLimit(method: string, options?: RateLimitOptions): void;
  addChannel(name: string, id?: string): string;
  /** The ID of a channel by name (with or without `#`). */
  channelId(name: string): string;
  /**
   * Posts every scheduled message whose post_at has come (at `atMs`, default now) and returns
   * them. Messages scheduled with metadata are dropped instead: Slack's docs carry the bug
   * alert "Messages scheduled with chat.scheduleMessage will not post if the metadata
   * parameter is used." (https://docs.slack.dev/reference/methods/chat.scheduleMessage)
   */
  deliverDue(atMs?: number): SlackMessage[];
  close(): Promise<void>;
}

export const DEFAULT_SLACK_TOKEN = 'xoxb-0000000001-slipway-local-test';

export async function startSlackServer(options: SlackServerOptions = {}): Promise<SlackServer> {
  const token = options.token ?? DEFAULT_SLACK_TOKEN;
  const ws = new SlackWorkspace(options.channels ?? [{ id: 'C0GENERAL01', name: 'general' }], options.now ?? Date.now);
  const blockTextLimit = options.blockTextLimit ?? 13_000;
  const calls = new CallLog<Args>();
  const rateLimits = new CountedFaults<{ retryAfter: number }>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = url.pathname.replace(/^\/api\//, '');
    let args: Args;
    try {
      args = await readArgs(req, url);
    } catch {
      return sendJson(res, 200, { ok: false, error: 'invalid_json' });
    }
    const { token: bodyToken, ...recorded } = args;
    const answer = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void => {
      calls.record({ key: method, args: recorded, status, ...(body.ok === false ? { error: String(body.error) } : {}) });
      sendJson(res, status, body, headers);
    };

    if (!url.pathname.startsWith('/api/') || !Object.hasOwn(methods, method)) return answer(200, { ok: false, error: 'unknown_method' });
    // "Tokens should be passed as an HTTP Authorization header or alternatively, as a POST parameter."
    const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof bodyToken === 'string' ? bodyToken : undefined);
    if (!presented) return answer(200, { ok: false, error: 'not_authed' });
    if (presented !== token) return answer(200, { ok: false, error: 'invalid_auth' });
    // "your app will receive a HTTP 429 Too Many Requests error, and a Retry-After HTTP header
    // containing the number of seconds until you can retry" — https://docs.slack.dev/apis/web-api/rate-limits
    const limited = rateLimits.take(method);
    if (limited) return answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(limited.retryAfter) });

    try {
      answer(200, { ok: true, ...methods[method]!({ ws, blockTextLimit }, recorded) });
    } catch (error) {
      if (!(error instanceof SlackApiError)) throw error;
      answer(200, { ok: false, error: error.error, ...error.extra });
    }
  };

  const listening = await listen(handle);
  return {
    url: listening.url,
    apiUrl: `${listening.url}/api/`,
    token,
    channels: ws.channels,
    messages: ws.messages,
    scheduled: ws.scheduled,
    calls,
    rateLimit(method, { times = 1, retryAfter = 1 } = {}) {
      rateLimits.add((key) => key === method, times, { retryAfter });
    },
    addChannel: (name, id) => ws.addChannel(name, id),
    channelId(name) {
      const channel = ws.findChannel(name);
      if (!channel) throw new Error(`no channel ${name} in the local Slack workspace`);
      return channel.id;
    },
    deliverDue(atMs = ws.now()) {
      const due = ws.scheduled.filter((message) => message.post_at * 1000 <= atMs);
      const delivered: SlackMessage[] = [];
      for (const message of due) {
        ws.scheduled.splice(ws.scheduled.indexOf(message), 1);
        if (message.metadata) continue;
        const posted: SlackMessage = {
          channel: message.channel,
          ts: ws.nextTs(message.post_at * 1000),
          text: message.text,
          ...(message.blocks ? { blocks: message.blocks } : {}),
          ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts } : {}),
        };
        ws.messages.push(posted);
        delivered.push(posted);
      }
      return delivered;
    },
    close: () => listening.close(),
  };
}

/**
 * Arguments from the query string and the body. The client sends
 * application/x-www-form-urlencoded by default (objects such as `blocks` as JSON strings);
 * Slack also accepts application/json.
 */
async function readArgs(req: IncomingMessage, url: URL): Promise<Args> {
  const args: Args = Object.fromEntries(url.searchParams);
  const body = await readBody(req);
  if (body.length === 0) return args;
  if ((req.headers['content-type'] ?? '').startsWith('application/json')) {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('JSON body must be an object');
    return { ...args, ...(parsed as Args) };
  }
  return { ...args, ...Object.fromEntries(new URLSearchParams(body)) };
}
