/**
 * GitHub's GraphQL API for the local server: every query is validated against GitHub's real
 * schema (@octokit/graphql-schema) and executed by graphql-js over the server's state, with
 * resolvers for the part slipway reads (organization repositories, topics, releases,
 * rateLimit). A query the schema rejects, or a field this server does not resolve, is a
 * violation: tests fail instead of silently reading nulls.
 *
 * Limits and costs follow https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api:
 * connections need `first` or `last` (1–100); a query may touch at most 500,000 nodes; its
 * cost is the number of requests its connections need, divided by 100, at least 1.
 */
import { readFileSync } from 'node:fs';
import {
  buildClientSchema,
  execute,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type IntrospectionQuery,
  type SelectionSetNode,
} from 'graphql';
import type { Factories } from './factories.ts';
import type { AccountRecord, ReleaseRecord, RepoRecord, GitHubState } from './state.ts';

const MAX_PAGE = 100;
const MAX_NODES = 500_000;

let schema: GraphQLSchema | undefined;

/**
 * GitHub's schema from its introspection JSON. assumeValid: graphql-js 17 has stricter
 * type-system rules than GitHub's schema meets (deprecated interface fields); the schema is
 * GitHub's truth, what we check is the queries against it.
 */
export function githubGraphqlSchema(): GraphQLSchema {
  if (!schema) {
    const file = new URL('schema.json', import.meta.resolve('@octokit/graphql-schema'));
    schema = buildClientSchema(JSON.parse(readFileSync(file, 'utf8')) as IntrospectionQuery, { assumeValid: true });
  }
  return schema;
}

/** An error GitHub itself would answer, with its `type` (NOT_FOUND, EXCESSIVE_PAGINATION, …). */
class GitHubGraphqlError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const cursorOf = (index: number) => Buffer.from(`cursor:v2:${index}`).toString('base64');
function indexOf(cursor: string): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw new GitHubGraphqlError('INVALID_CURSOR_ARGUMENTS', `\`${cursor}\` does not appear to be a valid cursor.`);
  return Number(match[1]);
}

function connection<T, N>(all: readonly T[], args: ConnectionArgs, name: string, toNode: (item: T) => N) {
  const { first, last } = args;
  if (first == null && last == null) {
    throw new GitHubGraphqlError('MISSING_PAGINATION_BOUNDARIES', `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`);
  }
  for (const [arg, value] of [['first', first], ['last', last]] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE)) {
      throw new GitHubGraphqlError('EXCESSIVE_PAGINATION', `Requesting ${value} records on the \`${name}\` connection exceeds the \`${arg}\` limit of ${MAX_PAGE} records.`);
    }
  }
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? indexOf(args.before) : all.length;
  if (first != null) end = Math.min(end, start + first);
  if (last != null) start = Math.max(start, end - last);
  const nodes = all.slice(start, end).map(toNode);
  return {
    totalCount: all.length,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length ? cursorOf(start) : null,
      endCursor: nodes.length ? cursorOf(end - 1) : null,
    },
    nodes,
    edges: nodes.map((node, i) => ({ cursor: cursorOf(start + i), node })),
  };
}

type Order = { field: string; direction: 'ASC' | 'DESC' } | null | undefined;

/** A Commit object: GitHub's GitObject interface resolves by __typename. */
const commitNode = (oid: string, committedDate: string) => ({ __typename: 'Commit', oid, abbreviatedOid: oid.slice(0, 7), committedDate });

function ordered<T>(items: T[], order: Order, keys: Record<string, (item: T) => string>, fallback: (item: T) => string): T[] {
  const key = (order && keys[order.field]) || fallback;
  const sign = order?.direction === 'DESC' ? -1 : 1;
  return [...items].sort((a, b) => sign * key(a).localeCompare(key(b)));
}

/** Requests and nodes a query needs, counted over its connections as GitHub does. */
export function queryCost(document: DocumentNode, variables: Record<string, unknown>): { requests: number; nodes: number; cost: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let requests = 0;
  let nodes = 0;
  const limitOf = (field: FieldNode): number | undefined => {
    for (const arg of field.arguments ?? []) {
      if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
      if (arg.value.kind === Kind.INT) return Number(arg.value.value);
      if (arg.value.kind === Kind.VARIABLE) {
        const value = variables[arg.value.name.value];
        if (typeof value === 'number') return value;
      }
    }
    return undefined;
  };
  const walk = (set: SelectionSetNode | undefined, multiplier: number, depth: number) => {
    if (!set || depth > 30) return; // deeper than any real query; bounds fragment cycles too
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const limit = limitOf(selection);
        if (limit === undefined) {
          walk(selection.selectionSet, multiplier, depth + 1);
        } else {
          requests += multiplier;
          nodes += multiplier * limit;
          walk(selection.selectionSet, multiplier * limit, depth + 1);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, multiplier, depth + 1);
      } else {
        walk(fragments.get(selection.name.value)?.selectionSet, multiplier, depth + 1);
      }
    }
  };
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, 1, 0);
  return { requests, nodes, cost: Math.max(1, Math.round(requests / 100)) };
}

export interface GraphqlAnswer {
  status: number;
  body: unknown;
  /** Problems that mean the caller or this server is wrong (not GitHub's expected errors). */
  violations: string[];
  cost: number;
}

export interface GraphqlRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export class GraphqlApi {
  private readonly state: GitHubState;
  private readonly make: Factories;
  private readonly htmlUrl: string;

  constructor(state: GitHubState, make: Factories, htmlUrl: string) {
    this.state = state;
    this.make = make;
    this.htmlUrl = htmlUrl;
  }

  async answer(request: GraphqlRequest, login: string): Promise<GraphqlAnswer> {
    if (typeof request.query !== 'string') {
      return { status: 200, body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] }, violations: ['request has no query string'], cost: 0 };
    }
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (error) {
      const e = error as GraphQLError;
      return { status: 200, body: { errors: [{ message: e.message, locations: e.locations }] }, violations: [`query does not parse: ${e.message}`], cost: 0 };
    }
    const invalid = validate(githubGraphqlSchema(), document);
    if (invalid.length > 0) {
      // GitHub answers 200 with `errors` for a query its schema rejects; the wording is graphql-js's.
      return {
        status: 200,
        body: { errors: invalid.map((e) => ({ message: e.message, locations: e.locations })) },
        violations: invalid.map((e) => `query is invalid against GitHub's schema: ${e.message}`),
        cost: 0,
      };
    }
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    const { nodes, cost } = queryCost(document, variables);
    if (nodes > MAX_NODES) {
      const message = `By the time this query traverses to the nodes connection, it is requesting up to ${nodes} possible nodes which exceeds the maximum limit of ${MAX_NODES}.`;
      return { status: 200, body: { errors: [{ type: 'MAX_NODE_LIMIT_EXCEEDED', message }] }, violations: [message], cost: 0 };
    }
    this.state.rateLimits.graphql.used += cost;

    const result = await execute({
      schema: githubGraphqlSchema(),
      document,
      variableValues: variables,
      operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
      rootValue: this.root(login, { cost, nodes }),
    });
    const violations: string[] = [];
    const errors = (result.errors ?? []).map((e) => {
      const original = e.originalError;
      if (!(original instanceof GitHubGraphqlError)) violations.push(`${e.path?.join('.') ?? 'query'}: ${e.message} (not resolved by the local GitHub server)`);
      return { type: original instanceof GitHubGraphqlError ? original.type : undefined, path: e.path, locations: e.locations, message: e.message };
    });
    return { status: 200, body: errors.length ? { data: result.data ?? null, errors } : { data: result.data }, violations, cost };
  }

  private root(login: string, usage: { cost: number; nodes: number }) {
    return {
      organization: ({ login: org }: { login: string }) => {
        const account = this.state.account(org);
        if (!account || account.type !== 'Organization') {
          throw new GitHubGraphqlError('NOT_FOUND', `Could not resolve to an Organization with the login of '${org}'.`);
        }
        return this.ownerNode(account);
      },
      user: ({ login: user }: { login: string }) => {
        const account = this.state.account(user);
        if (!account || account.type === 'Organization') throw new GitHubGraphqlError('NOT_FOUND', `Could not resolve to a User with the login of '${user}'.`);
        return this.ownerNode(account);
      },
      repository: ({ owner, name }: { owner: string; name: string }) => {
        const repo = this.state.repo(owner, name);
        if (!repo) throw new GitHubGraphqlError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
        return this.repoNode(repo);
      },
      viewer: () => this.ownerNode(this.make.account(login)),
      rateLimit: () => {
        const budget = this.state.rateLimits.graphql;
        return {
          cost: usage.cost,
          limit: budget.limit,
          nodeCount: usage.nodes,
          remaining: Math.max(0, budget.limit - budget.used),
          resetAt: new Date(budget.reset * 1000).toISOString(),
          used: budget.used,
        };
      },
    };
  }

  private ownerNode(account: AccountRecord) {
    return {
      id: `O_${account.id}`,
      databaseId: account.id,
      login: account.login,
      name: account.name,
      url: `${this.htmlUrl}/${account.login}`,
      repositories: (args: ConnectionArgs & { orderBy?: Order; privacy?: string | null; isArchived?: boolean | null; isFork?: boolean | null }) => {
        const repos = this.state
          .reposOf(account.login)
          .filter((r) => !args.privacy || r.visibility.toUpperCase() === args.privacy)
          .filter((r) => args.isArchived == null || r.archived === args.isArchived)
          .filter((r) => args.isFork == null || r.fork === args.isFork);
        const sorted = ordered(
          repos,
          args.orderBy,
          { NAME: (r) => r.name.toLowerCase(), CREATED_AT: (r) => r.createdAt, UPDATED_AT: (r) => r.pushedAt, PUSHED_AT: (r) => r.pushedAt },
          (r) => String(r.id).padStart(12, '0'),
        );
        return connection(sorted, args, 'repositories', (r) => this.repoNode(r));
      },
    };
  }

  private repoNode(repo: RepoRecord) {
    const fullName = `${repo.owner}/${repo.name}`;
    const releases = () => repo.releases;
    // One read of the refs per repository per query (a bare repository costs a git process).
    let refsRead: ReturnType<NonNullable<RepoRecord['git']>> | undefined;
    const gitRefs = () => (refsRead ??= repo.git?.());
    return {
      id: `R_${repo.id}`,
      databaseId: repo.id,
      name: repo.name,
      nameWithOwner: fullName,
      url: `${this.htmlUrl}/${fullName}`,
      description: repo.description,
      isPrivate: repo.visibility !== 'public',
      isArchived: repo.archived,
      isFork: repo.fork,
      visibility: repo.visibility.toUpperCase(),
      createdAt: repo.createdAt,
      updatedAt: repo.pushedAt,
      pushedAt: repo.pushedAt,
      owner: { login: repo.owner, url: `${this.htmlUrl}/${repo.owner}` },
      defaultBranchRef: () => {
        const head = gitRefs()?.heads.get(repo.defaultBranch);
        return head ? { name: repo.defaultBranch, prefix: 'refs/heads/', target: commitNode(head.oid, head.date) } : null;
      },
      refs: (args: ConnectionArgs & { refPrefix: string; orderBy?: Order; query?: string | null }) => {
        if (args.refPrefix !== 'refs/tags/' && args.refPrefix !== 'refs/heads/') {
          throw new Error(`refs(refPrefix: ${JSON.stringify(args.refPrefix)}) is not resolved by the local GitHub server`);
        }
        const refs = gitRefs();
        if (!refs) return null;
        const all =
          args.refPrefix === 'refs/heads/'
            ? [...refs.heads].map(([name, head]) => ({ name, target: commitNode(head.oid, head.date), date: head.date }))
            : refs.tags.map((tag) => ({
                name: tag.name,
                target: tag.oid === tag.commit ? commitNode(tag.commit, tag.commitDate) : { __typename: 'Tag', oid: tag.oid, name: tag.name, target: commitNode(tag.commit, tag.commitDate) },
                date: tag.commitDate,
              }));
        const filtered = args.query ? all.filter((r) => r.name.includes(args.query!)) : all;
        const sorted = ordered(filtered, args.orderBy, { ALPHABETICAL: (r) => r.name, TAG_COMMIT_DATE: (r) => r.date }, (r) => r.name);
        return connection(sorted, args, 'refs', (r) => ({ name: r.name, prefix: args.refPrefix, target: r.target }));
      },
      repositoryTopics: (args: ConnectionArgs) =>
        connection(repo.topics, args, 'repositoryTopics', (name) => ({ topic: { name }, url: `${this.htmlUrl}/topics/${name}` })),
      releases: (args: ConnectionArgs & { orderBy?: Order }) => {
        // GitHub does not document the default order; callers should pass orderBy.
        const sorted = ordered(releases(), args.orderBy ?? { field: 'CREATED_AT', direction: 'DESC' }, { CREATED_AT: (r) => r.createdAt, NAME: (r) => r.name ?? '' }, (r) => r.createdAt);
        return connection(sorted, args, 'releases', (r) => this.releaseNode(repo, r));
      },
      latestRelease: () => {
        const latest = ordered(releases().filter((r) => !r.draft && !r.prerelease), { field: 'CREATED_AT', direction: 'DESC' }, {}, (r) => r.createdAt)[0];
        return latest ? this.releaseNode(repo, latest) : null;
      },
      release: ({ tagName }: { tagName: string }) => {
        const release = releases().find((r) => r.tagName === tagName);
        return release ? this.releaseNode(repo, release) : null;
      },
    };
  }

  private releaseNode(repo: RepoRecord, release: ReleaseRecord) {
    const latest = repo.releases.filter((r) => !r.draft && !r.prerelease).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    return {
      id: `RE_${release.id}`,
      databaseId: release.id,
      tagName: release.tagName,
      name: release.name,
      description: release.body,
      createdAt: release.createdAt,
      publishedAt: release.publishedAt,
      updatedAt: release.updatedAt,
      url: `${this.htmlUrl}/${repo.owner}/${repo.name}/releases/tag/${encodeURIComponent(release.tagName)}`,
      isDraft: release.draft,
      isPrerelease: release.prerelease,
      isLatest: latest?.id === release.id,
      author: { login: release.authorLogin },
    };
  }
}
