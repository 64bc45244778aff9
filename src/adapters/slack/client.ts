/**
 * The one way slipway builds a Slack client: the real `@slack/web-api` WebClient, which waits
 * out HTTP 429 for as long as `Retry-After` says and retries network failures (its own retry
 * policy, bounded here). Tests point `apiUrl` at the local Slack server.
 */
import { LogLevel, WebClient, type Logger } from '@slack/web-api';

export interface SlackClientOptions {
  token: string;
  /** The Web API root, ending in /api/; default https://slack.com/api/. */
  apiUrl?: string | undefined;
  /** Retries of a failed request (default 3). */
  retries?: number;
  /** Receives the client's warnings and errors; never the token. */
  log?: (line: string) => void;
}

export function createSlackClient(options: SlackClientOptions): WebClient {
  const log = options.log ?? (() => {});
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (...msgs: unknown[]) => log(msgs.map(String).join(' ')),
    error: (...msgs: unknown[]) => log(msgs.map(String).join(' ')),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };
  return new WebClient(options.token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: options.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
    logger,
  });
}

export type { WebClient };
