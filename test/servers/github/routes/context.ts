/**
 * What every route handler gets and gives back, and the answers GitHub gives the same way on
 * every endpoint (404, 422 validation errors, pagination with a `link` header).
 */
import type { Factories } from '../factories.ts';
import type { AppRecord, GitHubState, RepoRecord } from '../state.ts';

export interface RouteContext {
  state: GitHubState;
  make: Factories;
  /** Path parameters, URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, undefined when none was sent. */
  body: unknown;
  /** The authenticated login; undefined for anonymous requests. */
  login: string | undefined;
  /** The full request URL, on the server's own origin. */
  url: URL;
  /** The App, when the request authenticated with its JWT. */
  app?: AppRecord | undefined;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RouteContext) => Reply;

/** Handlers by GitHub operationId, e.g. 'repos/create-release'. */
export type Routes = Record<string, Handler>;

const DOCS = 'https://docs.github.com/rest';

export const notFound = (): Reply => ({ status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } });

export const requiresAuthentication = (): Reply => ({
  status: 401,
  body: { message: 'Requires authentication', documentation_url: DOCS, status: '401' },
});

/** GitHub's 422 shape: `Validation Failed` plus one entry per field. */
export const validationFailed = (errors: { resource: string; field: string; code: string; message?: string }[]): Reply => ({
  status: 422,
  body: { message: 'Validation Failed', errors, documentation_url: DOCS, status: '422' },
});

/** A 422 with only a message, as GitHub answers for rules that are not about one field. */
export const unprocessable = (message: string): Reply => ({ status: 422, body: { message, documentation_url: DOCS, status: '422' } });

export type Body = Record<string, unknown>;
export const bodyOf = (ctx: RouteContext): Body => (ctx.body && typeof ctx.body === 'object' ? (ctx.body as Body) : {});

/**
 * The repository of the path, or 404 — also for a private repository asked anonymously,
 * because GitHub hides private repositories rather than refusing them.
 */
export function findRepo(ctx: RouteContext): RepoRecord | Reply {
  const repo = ctx.state.repo(ctx.params.owner ?? '', ctx.params.repo);
  if (!repo || (repo.visibility !== 'public' && !ctx.login)) return notFound();
  return repo;
}

export const isReply = (value: unknown): value is Reply => typeof value === 'object' && value !== null && 'status' in value && typeof (value as Reply).status === 'number';

/** GitHub's page-number pagination: per_page ≤ 100 (default 30), `link` with next/last/first/prev. */
export function paginate<T>(items: readonly T[], ctx: RouteContext): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const url = new URL(ctx.url);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { items: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
}
