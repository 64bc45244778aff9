/** Issues, comments and labels: https://docs.github.com/en/rest/issues */
import type { IssueRecord, RepoRecord } from '../state.ts';
import { bodyOf, findRepo, isReply, notFound, paginate, requiresAuthentication, validationFailed, type Body, type RouteContext, type Routes } from './context.ts';

/** Label names from a request: strings or `{ name }` objects, as the schema allows. */
function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name ?? ''))).filter((l) => l !== '');
}

/** Setting a label that does not exist creates it, as GitHub does for people with push access. */
function applyLabels(ctx: RouteContext, repo: RepoRecord, names: string[]): string[] {
  return names.map((name) => (repo.labels.get(name.toLowerCase()) ?? ctx.state.addLabel(`${repo.owner}/${repo.name}`, { name })).name);
}

function findIssue(repo: RepoRecord, ctx: RouteContext): IssueRecord | undefined {
  const number = Number(ctx.params.issue_number);
  return repo.issues.find((i) => i.number === number);
}

/** `state_reason` is "ignored unless `state` is changed". */
function applyState(issue: IssueRecord, body: Body, now: string): void {
  const reason = body.state_reason as IssueRecord['stateReason'] | undefined;
  if (body.state === 'closed' && issue.state !== 'closed') {
    issue.state = 'closed';
    issue.closedAt = now;
    issue.stateReason = reason ?? 'completed';
  } else if (body.state === 'open' && issue.state !== 'open') {
    issue.state = 'open';
    issue.closedAt = null;
    issue.stateReason = 'reopened';
  }
}

export const issueRoutes: Routes = {
  'issues/create': (ctx) => {
    if (!ctx.login) return requiresAuthentication();
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const body = bodyOf(ctx);
    if (body.title === undefined || body.title === '') return validationFailed([{ resource: 'Issue', field: 'title', code: 'missing_field' }]);
    const labels = applyLabels(ctx, repo, labelNames(body.labels));
    const issue = ctx.state.addIssue(`${repo.owner}/${repo.name}`, {
      title: String(body.title),
      body: typeof body.body === 'string' ? body.body : null,
      labels,
      authorLogin: ctx.login,
    });
    const made = ctx.make.issue(repo, issue);
    return { status: 201, body: made, headers: { location: made.url } };
  },

  'issues/get': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const issue = findIssue(repo, ctx);
    return issue ? { status: 200, body: ctx.make.issue(repo, issue) } : notFound();
  },

  'issues/update': (ctx) => {
    if (!ctx.login) return requiresAuthentication();
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const issue = findIssue(repo, ctx);
    if (!issue) return notFound();
    const body = bodyOf(ctx);
    const now = ctx.state.now();
    if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
    if (body.body !== undefined) issue.body = typeof body.body === 'string' ? body.body : null;
    if (body.labels !== undefined) issue.labels = applyLabels(ctx, repo, labelNames(body.labels));
    applyState(issue, body, now);
    issue.updatedAt = now;
    return { status: 200, body: ctx.make.issue(repo, issue) };
  },

  'issues/list-for-repo': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const state = ctx.query.get('state') ?? 'open';
    // `labels` is a comma-separated list; an issue must carry every one of them.
    const wanted = (ctx.query.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
    const creator = ctx.query.get('creator')?.toLowerCase();
    const sort = ctx.query.get('sort') ?? 'created';
    const direction = ctx.query.get('direction') ?? 'desc';
    const key = (i: IssueRecord) => (sort === 'updated' ? i.updatedAt : sort === 'comments' ? String(i.comments.length).padStart(9, '0') : i.createdAt);
    const issues = repo.issues
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
      .filter((i) => !creator || i.authorLogin.toLowerCase() === creator)
      .sort((a, b) => (direction === 'asc' ? 1 : -1) * (key(a).localeCompare(key(b)) || a.number - b.number));
    const page = paginate(issues, ctx);
    return { status: 200, body: page.items.map((i) => ctx.make.issue(repo, i)), headers: page.headers };
  },

  'issues/create-comment': (ctx) => {
    if (!ctx.login) return requiresAuthentication();
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const issue = findIssue(repo, ctx);
    if (!issue) return notFound();
    const now = ctx.state.now();
    const comment = { id: ctx.state.id(), body: String(bodyOf(ctx).body), authorLogin: ctx.login, createdAt: now };
    issue.comments.push(comment);
    issue.updatedAt = now;
    const made = ctx.make.issueComment(repo, issue, comment);
    return { status: 201, body: made, headers: { location: made.url } };
  },

  'issues/create-label': (ctx) => {
    if (!ctx.login) return requiresAuthentication();
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const body = bodyOf(ctx);
    const name = String(body.name);
    if (repo.labels.has(name.toLowerCase())) return validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    const label = ctx.state.addLabel(`${repo.owner}/${repo.name}`, {
      name,
      color: typeof body.color === 'string' ? body.color.replace(/^#/, '') : undefined,
      description: typeof body.description === 'string' ? body.description : null,
    });
    const made = ctx.make.label(repo, label);
    return { status: 201, body: made, headers: { location: made.url } };
  },

  'issues/get-label': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const label = repo.labels.get((ctx.params.name ?? '').toLowerCase());
    return label ? { status: 200, body: ctx.make.label(repo, label) } : notFound();
  },

  'issues/list-labels-for-repo': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const page = paginate([...repo.labels.values()], ctx);
    return { status: 200, body: page.items.map((l) => ctx.make.label(repo, l)), headers: page.headers };
  },
};
