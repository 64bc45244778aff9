/**
 * A local Notion API (version 2025-09-03) for tests: the real `@notionhq/client` talks to it
 * over HTTP on 127.0.0.1. It keeps databases, data sources, pages and blocks, enforces
 * Notion's request limits with Notion's error shapes, and can rate-limit or fail on demand.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CallLog } from '../call-log.ts';
import { CountedFaults, TokenBucket, keyMatcher, type SustainedRate } from '../faults.ts';
import { listen, readBody, sendJson } from '../listen.ts';
import { NotionError, errorForStatus } from './errors.ts';
import { checkPayloadSize, checkSizes } from './request-limits.ts';
import { BOT_USER_ID, NotionStore, normalizeId, type BlockRecord, type DataSourceRecord, type DatabaseRecord, type PageRecord } from './store.ts';

/** The only API version this server speaks — and the default of @notionhq/client@5 (Client.defaultNotionVersion). */
export const NOTION_VERSION = '2025-09-03';
export const DEFAULT_NOTION_TOKEN = 'ntn_slipway_local_test_token';

type Json = Record<string, unknown>;

export interface NotionServerOptions {
  /** The integration token the server accepts. */
  token?: string;
  /** Clock in milliseconds, for created/edited times and the sustained rate limit. */
  now?: () => number;
  /**
   * Enforce an average request rate, answering 429 + Retry-After beyond it. Off by default.
   * Notion: "an average of three requests per second. Some bursts beyond the average rate are
   * allowed." — https://developers.notion.com/reference/request-limits
   */
  sustainedRate?: SustainedRate;
}

export interface NotionCall {
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface FailOptions {
  times?: number;
  /** Carry the request out before answering the error: "the write happened, the answer was lost". */
  applied?: boolean;
}

export interface NotionServer {
  /** What to give the client: `new Client({ auth: server.token, baseUrl: server.url })`. */
  url: string;
  token: string;
  version: typeof NOTION_VERSION;
  /** A page shared with the integration, to create databases under. */
  rootPageId: string;
  databases: ReadonlyMap<string, DatabaseRecord>;
  dataSources: ReadonlyMap<string, DataSourceRecord>;
  pages: ReadonlyMap<string, PageRecord>;
  blocks: ReadonlyMap<string, BlockRecord>;
  /** Every request by route (`POST /v1/pages`, `PATCH /v1/pages/:id`, ...), refused ones included. */
  calls: CallLog<NotionCall>;
  /** Creates a database with one data source directly (no request recorded). */
  seedDatabase(input: { title?: string; properties?: Json; parentPageId?: string }): { databaseId: string; dataSourceId: string };
  /** Pages of a data source as the API returns them, trashed ones left out unless asked for. */
  pagesIn(dataSourceId: string, options?: { includeTrashed?: boolean }): Json[];
  /** Child blocks of a page or block as the API returns them, trashed ones left out. */
  childrenOf(id: string): Json[];
  /** The next `times` requests (any route) get 429 `rate_limited` with `Retry-After: retryAfter`. */
  rateLimit(options?: { times?: number; retryAfter?: number }): void;
  /** The next `times` requests whose `METHOD /v1/path` matches get `status` with Notion's code for it. */
  fail(pathPattern: string | RegExp, status: number, times?: number | FailOptions): void;
  /** Turn the sustained average rate limit on (or off with `null`). */
  limitRate(rate: SustainedRate | null): void;
  close(): Promise<void>;
}

interface Route {
  method: string;
  pattern: RegExp;
  key: string;
  run: (store: NotionStore, params: string[], body: Json, query: URLSearchParams) => Json;
}

const route = (method: string, template: string, run: Route['run']): Route => ({
  method,
  key: `${method} ${template}`,
  pattern: new RegExp(`^${template.replaceAll(':id', '([^/]+)')}$`),
  run,
});

const ROUTES: Route[] = [
  route('GET', '/v1/users/me', () => ({ object: 'user', id: BOT_USER_ID, type: 'bot', name: 'slipway', avatar_url: null, bot: { owner: { type: 'workspace', workspace: true }, workspace_name: 'slipway test' } })),
  route('POST', '/v1/databases', (store, _p, body) => store.createDatabase(body)),
  route('GET', '/v1/databases/:id', (store, [id]) => store.getDatabase(id!)),
  route('GET', '/v1/data_sources/:id', (store, [id]) => store.getDataSource(id!)),
  route('PATCH', '/v1/data_sources/:id', (store, [id], body) => store.updateDataSource(id!, body)),
  route('POST', '/v1/data_sources/:id/query', (store, [id], body) => store.queryDataSource(id!, body)),
  route('POST', '/v1/pages', (store, _p, body) => store.createPage(body)),
  route('GET', '/v1/pages/:id', (store, [id]) => store.getPage(id!)),
  route('PATCH', '/v1/pages/:id', (store, [id], body) => store.updatePage(id!, body)),
  route('GET', '/v1/blocks/:id', (store, [id]) => store.blockApi(store.blocks.get(normalizeId(id!, 'block_id')) ?? failNotFound(id!))),
  route('GET', '/v1/blocks/:id/children', (store, [id], _b, query) => store.listChildren(id!, query)),
  route('PATCH', '/v1/blocks/:id/children', (store, [id], body) => store.appendChildren(id!, body)),
  route('DELETE', '/v1/blocks/:id', (store, [id]) => store.deleteBlock(id!)),
];

function failNotFound(id: string): never {
  throw new NotionError(404, 'object_not_found', `Could not find block with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`);
}

export async function startNotionServer(options: NotionServerOptions = {}): Promise<NotionServer> {
  const token = options.token ?? DEFAULT_NOTION_TOKEN;
  const now = options.now ?? Date.now;
  const store = new NotionStore(now);
  const calls = new CallLog<NotionCall>();
  const rateLimits = new CountedFaults<{ retryAfter: number }>();
  const failures = new CountedFaults<{ status: number; applied: boolean }>();
  let bucket = options.sustainedRate ? new TokenBucket(options.sustainedRate, now) : undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const matched = ROUTES.map((candidate) => ({ candidate, match: candidate.method === method ? candidate.pattern.exec(url.pathname) : null }))
      .find(({ match }) => match !== null);
    const key = matched?.candidate.key ?? `${method} ${url.pathname}`;
    const call: NotionCall = { path: url.pathname, query: Object.fromEntries(url.searchParams), body: undefined };
    const requestId = randomUUID();

    const answer = (status: number, body: Json, headers: Record<string, string> = {}): void => {
      calls.record({ key, args: call, status, ...(body.object === 'error' ? { error: String(body.code) } : {}) });
      sendJson(res, status, { ...body, request_id: requestId }, headers);
    };
    const refuse = (error: NotionError, headers: Record<string, string> = {}): void => answer(error.status, error.body(requestId), headers);

    // https://developers.notion.com/reference/status-codes: 401 unauthorized "API token is invalid."
    if (req.headers.authorization !== `Bearer ${token}`) return refuse(new NotionError(401, 'unauthorized', 'API token is invalid.'));
    const version = req.headers['notion-version'];
    if (version === undefined) {
      return refuse(new NotionError(400, 'missing_version', 'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.'));
    }
    // Notion still accepts older dated versions, but their shapes differ (no data sources before
    // 2025-09-03); this server implements only that version, so any other is a test bug.
    if (version !== NOTION_VERSION) {
      return refuse(new NotionError(400, 'validation_error', `Notion-Version header failed validation: Notion-Version header should be "${NOTION_VERSION}", instead was "${String(version)}".`));
    }

    const retryIn = bucket?.take() ?? 0;
    const injected = retryIn > 0 ? { retryAfter: retryIn } : rateLimits.take(key);
    if (injected) {
      // 429 "rate_limited" with Retry-After "set as an integer number of seconds" — request-limits.
      return refuse(new NotionError(429, 'rate_limited', 'You have been rate limited. Please try again in a few minutes.'), { 'retry-after': String(injected.retryAfter) });
    }
    if (!matched) return refuse(new NotionError(400, 'invalid_request_url', 'Invalid request URL.'));
    const failure = failures.take(`${method} ${url.pathname}`);
    if (failure && !failure.applied) return refuse(errorForStatus(failure.status));

    try {
      let body: Json = {};
      if (raw.length > 0 && method !== 'GET' && method !== 'DELETE') {
        checkPayloadSize(Buffer.byteLength(raw));
        try {
          const parsed: unknown = JSON.parse(raw);
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
          body = parsed as Json;
        } catch {
          throw new NotionError(400, 'invalid_json', 'Error parsing JSON body.');
        }
        call.body = body;
        checkSizes(body);
      }
      const result = matched.candidate.run(store, matched.match!.slice(1).map(decodeURIComponent), body, url.searchParams);
      if (failure) return refuse(errorForStatus(failure.status));
      answer(200, result);
    } catch (error) {
      if (!(error instanceof NotionError)) throw error;
      refuse(error);
    }
  };

  const listening = await listen(handle);
  return {
    url: listening.url,
    token,
    version: NOTION_VERSION,
    rootPageId: store.rootPageId,
    databases: store.databases,
    dataSources: store.dataSources,
    pages: store.pages,
    blocks: store.blocks,
    calls,
    seedDatabase({ title = 'Database', properties, parentPageId = store.rootPageId }) {
      const database = store.createDatabase({
        parent: { type: 'page_id', page_id: parentPageId },
        title: [{ text: { content: title } }],
        initial_data_source: properties === undefined ? {} : { properties },
      });
      const [dataSource] = database.data_sources as Array<{ id: string }>;
      return { databaseId: database.id as string, dataSourceId: dataSource!.id };
    },
    pagesIn(dataSourceId, { includeTrashed = false } = {}) {
      const id = normalizeId(dataSourceId, 'data_source_id');
      return [...store.pages.values()].filter((page) => page.dataSourceId === id && (includeTrashed || !page.in_trash)).map((page) => store.pageApi(page));
    },
    childrenOf: (id) => store.childrenOf(id).map((block) => store.blockApi(block)),
    rateLimit({ times = 1, retryAfter = 1 } = {}) {
      rateLimits.add(() => true, times, { retryAfter });
    },
    fail(pathPattern, status, times = 1) {
      const { times: count = 1, applied = false } = typeof times === 'number' ? { times } : times;
      failures.add(keyMatcher(pathPattern), count, { status, applied });
    },
    limitRate(rate) {
      bucket = rate ? new TokenBucket(rate, now) : undefined;
    },
    close: () => listening.close(),
  };
}
