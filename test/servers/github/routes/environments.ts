/**
 * Deployment environments, the approval gate: https://docs.github.com/en/rest/deployments/environments
 * and https://docs.github.com/en/rest/deployments/branch-policies
 */
import type { EnvironmentRecord, RepoRecord, ReviewerRecord } from '../state.ts';
import { bodyOf, findRepo, isReply, notFound, paginate, requiresAuthentication, unprocessable, type Reply, type RouteContext, type Routes } from './context.ts';

/** "You can list up to six users or teams as reviewers." */
const MAX_REVIEWERS = 6;

/**
 * GitHub's plans: "For access to other deployment protection rules, such as a wait timer or
 * required reviewers, in private or internal repositories, you must use GitHub Enterprise."
 * The message is the one GitHub answers then, as reported in
 * integrations/terraform-provider-github#1262 and pulumi/pulumi-github#251.
 */
export const PLAN_LACKS_PROTECTION_RULES = 'Fail to create protected rule, please ensure billing plan include protected branch gate.';

function findEnvironment(repo: RepoRecord, ctx: RouteContext): EnvironmentRecord | undefined {
  return repo.environments.get((ctx.params.environment_name ?? '').toLowerCase());
}

function environmentAndRepo(ctx: RouteContext): { repo: RepoRecord; env: EnvironmentRecord } | Reply {
  const repo = findRepo(ctx);
  if (isReply(repo)) return repo;
  const env = findEnvironment(repo, ctx);
  return env ? { repo, env } : notFound();
}

export const environmentRoutes: Routes = {
  'repos/create-or-update-environment': (ctx) => {
    if (!ctx.login) return requiresAuthentication();
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const name = ctx.params.environment_name ?? '';
    const body = bodyOf(ctx);

    const reviewers = Array.isArray(body.reviewers) ? (body.reviewers as ReviewerRecord[]) : undefined;
    if (reviewers && reviewers.length > MAX_REVIEWERS) return unprocessable(`Reviewers cannot exceed ${MAX_REVIEWERS}`);
    for (const r of reviewers ?? []) {
      const known = r.type === 'Team' ? ctx.state.teamById(r.id) : ctx.state.accountById(r.id);
      if (!known) return unprocessable(`Reviewer ${r.type} with id ${r.id} could not be found`);
    }
    const policy = body.deployment_branch_policy as EnvironmentRecord['branchPolicy'] | undefined;
    if (policy && policy.protected_branches === policy.custom_branch_policies) {
      return unprocessable('Only one of `protected_branches` and `custom_branch_policies` can be true in `deployment_branch_policy`');
    }
    const waitTimer = typeof body.wait_timer === 'number' ? body.wait_timer : undefined;
    const wantsRules = (reviewers?.length ?? 0) > 0 || (waitTimer ?? 0) > 0;
    if (wantsRules && repo.visibility !== 'public' && repo.plan !== 'enterprise') return unprocessable(PLAN_LACKS_PROTECTION_RULES);

    const now = ctx.state.now();
    const key = name.toLowerCase();
    const env: EnvironmentRecord = repo.environments.get(key) ?? {
      id: ctx.state.id(),
      name,
      createdAt: now,
      updatedAt: now,
      waitTimer: 0,
      preventSelfReview: false,
      reviewers: [],
      branchPolicy: null,
      branchPolicies: [],
      ruleIds: { waitTimer: ctx.state.id(), reviewers: ctx.state.id(), branchPolicy: ctx.state.id() },
    };
    // Settings left out of the request keep their value.
    if (waitTimer !== undefined) env.waitTimer = waitTimer;
    if (typeof body.prevent_self_review === 'boolean') env.preventSelfReview = body.prevent_self_review;
    if (reviewers) env.reviewers = reviewers.map((r) => ({ type: r.type, id: r.id }));
    if (policy !== undefined) env.branchPolicy = policy && { protected_branches: policy.protected_branches, custom_branch_policies: policy.custom_branch_policies };
    env.updatedAt = now;
    repo.environments.set(key, env);
    return { status: 200, body: ctx.make.environment(repo, env) };
  },

  'repos/get-environment': (ctx) => {
    const found = environmentAndRepo(ctx);
    if (isReply(found)) return found;
    return { status: 200, body: ctx.make.environment(found.repo, found.env) };
  },

  'repos/get-all-environments': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const all = [...repo.environments.values()];
    const page = paginate(all, ctx);
    return { status: 200, body: { total_count: all.length, environments: page.items.map((e) => ctx.make.environment(repo, e)) }, headers: page.headers };
  },

  'repos/create-deployment-branch-policy': (ctx) => {
    if (!ctx.login) return requiresAuthentication();
    const found = environmentAndRepo(ctx);
    if (isReply(found)) return found;
    const { repo, env } = found;
    // 404 "when deployment_branch_policy.custom_branch_policies is set to false".
    if (!env.branchPolicy?.custom_branch_policies) return notFound();
    const body = bodyOf(ctx);
    const name = String(body.name);
    const type = body.type === 'tag' ? 'tag' : 'branch';
    const existing = env.branchPolicies.find((p) => p.name === name && p.type === type);
    if (existing) {
      // 303 "if the same branch name pattern already exists", pointing at it.
      return { status: 303, headers: { location: `${ctx.url.origin}/repos/${repo.owner}/${repo.name}/environments/${encodeURIComponent(env.name)}/deployment-branch-policies/${existing.id}` } };
    }
    const policy = { id: ctx.state.id(), name, type } as const;
    env.branchPolicies.push(policy);
    return { status: 200, body: ctx.make.branchPolicy(policy) };
  },

  'repos/get-deployment-branch-policy': (ctx) => {
    const found = environmentAndRepo(ctx);
    if (isReply(found)) return found;
    const policy = found.env.branchPolicies.find((p) => p.id === Number(ctx.params.branch_policy_id));
    return policy ? { status: 200, body: ctx.make.branchPolicy(policy) } : notFound();
  },

  'repos/list-deployment-branch-policies': (ctx) => {
    const found = environmentAndRepo(ctx);
    if (isReply(found)) return found;
    const all = found.env.branchPolicies;
    const page = paginate(all, ctx);
    return { status: 200, body: { total_count: all.length, branch_policies: page.items.map((p) => ctx.make.branchPolicy(p)) }, headers: page.headers };
  },
};
