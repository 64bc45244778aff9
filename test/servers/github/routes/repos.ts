/** Repositories, accounts and teams: https://docs.github.com/en/rest/repos/repos */
import type { RepoRecord } from '../state.ts';
import { findRepo, isReply, notFound, paginate, requiresAuthentication, type Routes } from './context.ts';

type Sort = 'created' | 'updated' | 'pushed' | 'full_name';

const byField: Record<Sort, (r: RepoRecord) => string> = {
  created: (r) => r.createdAt,
  updated: (r) => r.pushedAt,
  pushed: (r) => r.pushedAt,
  full_name: (r) => `${r.owner}/${r.name}`.toLowerCase(),
};

export const repoRoutes: Routes = {
  'repos/get': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    return { status: 200, body: ctx.make.fullRepository(repo) };
  },

  'repos/list-for-org': (ctx) => {
    const org = ctx.state.account(ctx.params.org ?? '');
    if (!org || org.type !== 'Organization') return notFound();
    const type = ctx.query.get('type') ?? 'all';
    const sort = (ctx.query.get('sort') ?? 'created') as Sort;
    // GitHub: direction defaults to asc for full_name and to desc for every other sort.
    const direction = ctx.query.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc');
    const key = byField[sort];
    const repos = ctx.state
      .reposOf(org.login)
      .filter((r) => (ctx.login ? true : r.visibility === 'public'))
      .filter((r) => (type === 'public' ? r.visibility === 'public' : type === 'private' ? r.visibility !== 'public' : type !== 'forks'))
      .sort((a, b) => (direction === 'asc' ? 1 : -1) * (key(a).localeCompare(key(b)) || a.id - b.id));
    const page = paginate(repos, ctx);
    return { status: 200, body: page.items.map((r) => ctx.make.minimalRepository(r)), headers: page.headers };
  },

  'repos/get-all-topics': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    return { status: 200, body: { names: paginate(repo.topics, ctx).items } };
  },

  'users/get-by-username': (ctx) => {
    const account = ctx.state.account(ctx.params.username ?? '');
    return account ? { status: 200, body: ctx.make.publicUser(account) } : notFound();
  },

  'users/get-authenticated': (ctx) => {
    if (!ctx.login) return requiresAuthentication();
    return { status: 200, body: ctx.make.publicUser(ctx.make.account(ctx.login)) };
  },

  'teams/get-by-name': (ctx) => {
    const team = ctx.state.team(ctx.params.org ?? '', ctx.params.team_slug ?? '');
    return team ? { status: 200, body: ctx.make.teamFull(team) } : notFound();
  },
};
