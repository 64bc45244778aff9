/**
 * The one way slipway builds a Notion client: the real `@notionhq/client` on API version
 * 2025-09-03 (its default; databases hold data sources), paced and retried the way Notion
 * asks (https://developers.notion.com/reference/request-limits): "an average of three
 * requests per second", and on HTTP 429 wait the `Retry-After` seconds — which the client's
 * own retry does (it reads Retry-After; `retries` bounds how often).
 */
import { Client, LogLevel } from '@notionhq/client';
// Bottleneck spaces requests (already the GitHub client's pacer): the client has no pacing of its own.
import Bottleneck from 'bottleneck/light.js';

export const NOTION_API_VERSION = '2025-09-03';

export interface NotionClientOptions {
  /** An integration token (ntn_… / secret_…). */
  token: string;
  /** The API root, default https://api.notion.com; tests point it at the local server. */
  baseUrl?: string | undefined;
  /** Average requests per second (default 3, Notion's limit); Infinity turns pacing off. */
  requestsPerSecond?: number;
  /** Retries of one request after a rate limit or a server error (default 5). */
  retries?: number;
  /** Back-off without Retry-After starts here (default 1000 ms; tests lower it). */
  initialRetryDelayMs?: number;
  /** Receives the client's warnings and errors, with the token masked. */
  log?: (line: string) => void;
}

export function createNotionClient(options: NotionClientOptions): Client {
  const log = options.log ?? (() => {});
  const rate = options.requestsPerSecond ?? 3;
  const limiter = Number.isFinite(rate) ? new Bottleneck({ maxConcurrent: 1, minTime: Math.ceil(1000 / rate) }) : undefined;
  const paced: typeof fetch = limiter ? (url, init) => limiter.schedule(() => fetch(url, init)) : fetch;
  return new Client({
    auth: options.token,
    notionVersion: NOTION_API_VERSION,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    fetch: paced,
    retry: { maxRetries: options.retries ?? 5, initialRetryDelayMs: options.initialRetryDelayMs ?? 1000, maxRetryDelayMs: 60_000 },
    logLevel: LogLevel.WARN,
    logger: (level, message, extra) => log(`Notion ${level}: ${message} ${JSON.stringify(extra)}`.replaceAll(options.token, '***')),
  });
}
