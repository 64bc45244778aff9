/**
 * A local GitHub for tests: the real octokit client talks to it over HTTP on 127.0.0.1.
 *
 * Every request is routed by GitHub's OpenAPI description (an endpoint GitHub does not have
 * cannot be called), checked against it, answered from in-memory state, and the answer is
 * checked against it too. Whatever fails a check is kept in `violations`; tests end with
 * `server.assertNoViolations()`.
 */
import { verify } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendJson } from '../listen.ts';
import { Factories } from './factories.ts';
import { Faults, type InjectedFault, type SecondaryLimit } from './faults.ts';
import { GraphqlApi } from './graphql.ts';
import { githubOpenApi, type Operation } from './openapi.ts';
import { actionRoutes } from './routes/actions.ts';
import { appRoutes } from './routes/apps.ts';
import type { Reply, RouteContext, Routes } from './routes/context.ts';
import { environmentRoutes } from './routes/environments.ts';
import { issueRoutes } from './routes/issues.ts';
import { releaseRoutes } from './routes/releases.ts';
import { repoRoutes } from './routes/repos.ts';
import { GitHubState, type AppRecord } from './state.ts';

export interface GitHubServerOptions {
  /** token → login; every login becomes a user. Default: { 'test-token': 'slipway-bot' }. */
  tokens?: Record<string, string>;
}

export interface RequestLogEntry {
  method: string;
  /** Path without query. */
  path: string;
  query: string;
  status: number;
  /** GitHub's operationId ('repos/create-release'), 'graphql', or undefined for unknown routes. */
  operationId: string | undefined;
  /** Set when the answer was an injected or rate-limit failure. */
  fault?: string;
  body?: unknown;
}

export interface Violation {
  kind: 'request' | 'response' | 'unknown-route' | 'unimplemented' | 'graphql';
  method: string;
  path: string;
  operationId: string | undefined;
  problems: string[];
}

export interface GitHubServer {
  /** Use as octokit's baseUrl; GraphQL is at `${url}/graphql`. */
  url: string;
  /** The default token (the first of options.tokens). */
  token: string;
  state: GitHubState;
  requests: RequestLogEntry[];
  violations: Violation[];
  /** Fail the next `times` requests matching method/path with a rate limit or a 5xx. */
  inject(fault: InjectedFault): void;
  /** Injected failures not used up yet. */
  pendingFaults(): number;
  /** Forgets injected failures not used up yet. */
  clearFaults(): void;
  /** Enforce a secondary rate limit on content-creating requests; undefined lifts it. */
  secondaryLimit(limit: SecondaryLimit | undefined): void;
  /** Requests answered per operationId (faults included). */
  counts(): Record<string, number>;
  count(operationId: string): number;
  /** Throws listing every violation so far, and forgets them so the next test starts clean. */
  assertNoViolations(): void;
  /** Returns the violations so far and forgets them (for tests that provoke one on purpose). */
  takeViolations(): Violation[];
  close(): Promise<void>;
}

const ROUTES: Routes = {
  ...releaseRoutes,
  ...repoRoutes,
  ...environmentRoutes,
  ...actionRoutes,
  ...issueRoutes,
  ...appRoutes,
  'rate-limit/get': (ctx) => ({ status: 200, body: ctx.make.rateLimitOverview(ctx.state.rateLimits.core, ctx.state.rateLimits.graphql) }),
};
const HTML_URL = 'https://github.com';

const badCredentials = (): Reply => ({
  status: 401,
  body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
});

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const api = githubOpenApi();
  const state = new GitHubState();
  const tokens = Object.entries(options.tokens ?? { 'test-token': 'slipway-bot' });
  for (const [token, login] of tokens) state.addToken(token, login);
  const faults = new Faults();
  const requests: RequestLogEntry[] = [];
  const violations: Violation[] = [];
  const urls = { api: '', html: HTML_URL };
  const make = new Factories(state, urls);
  const graphql = new GraphqlApi(state, make, HTML_URL);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', urls.api);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const raw = await readBody(req);
    const entry: RequestLogEntry = { method, path, query: url.search, status: 0, operationId: undefined };
    requests.push(entry);
    const violate = (kind: Violation['kind'], problems: string[]) => violations.push({ kind, method, path, operationId: entry.operationId, problems });
    const send = (reply: Reply, resource: 'core' | 'graphql' = 'core') => {
      entry.status = reply.status;
      const budget = state.rateLimits[resource];
      const headers = {
        'x-github-request-id': `LOCAL:${requests.length}`,
        'x-ratelimit-limit': String(budget.limit),
        'x-ratelimit-remaining': String(Math.max(0, budget.limit - budget.used)),
        'x-ratelimit-used': String(budget.used),
        'x-ratelimit-reset': String(budget.reset),
        'x-ratelimit-resource': resource,
        ...reply.headers,
      };
      if (reply.body === undefined) {
        res.writeHead(reply.status, headers);
        res.end();
      } else {
        sendJson(res, reply.status, reply.body, headers);
      }
    };

    // Authentication first, as GitHub: a bad token is 401 whatever the route.
    const auth = req.headers.authorization;
    let login: string | undefined;
    let token: string | undefined;
    let app: AppRecord | undefined;
    if (auth) {
      token = /^(?:token|bearer)\s+(\S+)$/i.exec(auth)?.[1];
      login = token === undefined ? undefined : state.tokens.get(token);
      if (!login && token !== undefined && token.split('.').length === 3) {
        const checked = verifyAppJwt(state, token);
        if (typeof checked === 'string') return send({ status: 401, body: { message: checked, documentation_url: 'https://docs.github.com/rest', status: '401' } });
        app = checked;
      } else if (!login) return send(badCredentials());
    }
    const userId = login ? (state.account(login)?.id ?? 0) : 0;

    let body: unknown;
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        violate('request', ['body is not valid JSON']);
        return send({ status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest', status: '400' } });
      }
    }
    if (method !== 'GET') entry.body = body;

    if (method === 'POST' && path === '/graphql') {
      entry.operationId = 'graphql';
      const fault = faults.take(method, path, userId);
      if (fault) {
        entry.fault = fault.kind;
        return send(fault.reply, 'graphql');
      }
      if (!login) {
        return send({ status: 401, body: { message: 'This endpoint requires you to be authenticated.', documentation_url: 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql' } }, 'graphql');
      }
      const answer = await graphql.answer((body ?? {}) as object, login);
      if (answer.violations.length) violate('graphql', answer.violations);
      return send({ status: answer.status, body: answer.body }, 'graphql');
    }

    const route = api.match(method, path);
    if ('error' in route) {
      violate('unknown-route', [`GitHub's REST API has no ${route.error === 'unknown-path' ? 'path' : 'method'} for ${method} ${path}`]);
      return send({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } });
    }
    const operation: Operation = route.operation;
    entry.operationId = operation.operationId;
    state.rateLimits.core.used += 1;

    const fault = faults.take(method, path, userId);
    if (fault) {
      entry.fault = fault.kind;
      return send(fault.reply);
    }

    const checked = api.validateRequest(operation, { params: route.params, query: url.searchParams, body });
    if (checked.ignored.length) violate('request', checked.ignored);
    if (checked.rejected.length) {
      const problems = checked.rejected;
      violate('request', problems);
      // GitHub's answer to a request its schema rejects: 422 "Invalid request." with the reasons.
      return send({ status: 422, body: { message: `Invalid request.\n\n${problems.join('\n')}`, documentation_url: 'https://docs.github.com/rest', status: '422' } });
    }

    // An App's JWT only reaches the App's own endpoints; installation tokens only their repositories.
    if (app && !operation.operationId.startsWith('apps/')) {
      return send({ status: 401, body: { message: 'A JSON web token could not be decoded', documentation_url: 'https://docs.github.com/rest', status: '401' } });
    }
    const scope = token === undefined ? undefined : state.tokenScopes.get(token);
    if (scope && route.params.owner !== undefined && route.params.repo !== undefined) {
      const repo = state.repo(route.params.owner, route.params.repo);
      const inScope = repo !== undefined && repo.owner.toLowerCase() === scope.org && (scope.repositoryIds === undefined || scope.repositoryIds.has(repo.id));
      if (repo && !inScope && (method !== 'GET' || repo.visibility !== 'public')) {
        if (method === 'GET') return send({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } });
        return send({ status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } });
      }
    }

    const handler = ROUTES[operation.operationId];
    if (!handler) {
      violate('unimplemented', [`${operation.operationId} (${method} ${operation.template}) is not implemented by the local GitHub server`]);
      return send({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } });
    }
    const ctx: RouteContext = { state, make, params: route.params, query: url.searchParams, body, login, url, app };
    const reply = handler(ctx);
    const wrong = api.validateResponse(operation, reply.status, reply.body);
    if (wrong.length) violate('response', wrong);
    return send(reply);
  }

  const server = await listen(handle);
  urls.api = server.url;

  return {
    url: server.url,
    token: tokens[0]?.[0] ?? '',
    state,
    requests,
    violations,
    inject: (fault) => faults.inject(fault),
    pendingFaults: () => faults.pending(),
    clearFaults: () => faults.clear(),
    secondaryLimit: (limit) => faults.secondaryLimit(limit),
    counts() {
      const counts: Record<string, number> = {};
      for (const r of requests) if (r.operationId) counts[r.operationId] = (counts[r.operationId] ?? 0) + 1;
      return counts;
    },
    count: (operationId) => requests.filter((r) => r.operationId === operationId).length,
    assertNoViolations() {
      if (violations.length === 0) return;
      const lines = violations.splice(0).map((v) => `- ${v.kind}: ${v.method} ${v.path}${v.operationId ? ` (${v.operationId})` : ''}\n    ${v.problems.join('\n    ')}`);
      throw new Error(`The local GitHub server saw ${lines.length} violation(s) of GitHub's API:\n${lines.join('\n')}`);
    },
    takeViolations: () => violations.splice(0),
    close: () => server.close(),
  };
}

/**
 * An App's JWT: RS256, signed by a key of a known App (`iss`), not expired, at most 10 minutes
 * long (docs.github.com, "Generating a JSON Web Token (JWT) for a GitHub App"). Returns the App,
 * or GitHub's message for why not.
 */
function verifyAppJwt(state: GitHubState, jwt: string): AppRecord | string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  let claims: { iat?: number; exp?: number; iss?: string | number };
  try {
    if ((JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string }).alg !== 'RS256') return 'A JSON web token could not be decoded';
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as typeof claims;
  } catch {
    return 'A JSON web token could not be decoded';
  }
  const app = state.apps.get(Number(claims.iss));
  if (!app) return 'Integration not found';
  if (!verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), app.publicKey, Buffer.from(signature, 'base64url'))) return 'A JSON web token could not be decoded';
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') return "'Issued at' claim ('iat') and 'Expiration time' claim ('exp') are required";
  if (claims.exp <= now) return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
  if (claims.iat > now + 60) return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
  if (claims.exp - claims.iat > 600) return "'Expiration time' claim ('exp') is too far in the future";
  return app;
}
