/**
 * The approval Environment through GitHub's REST API:
 * https://docs.github.com/en/rest/deployments/environments and
 * https://docs.github.com/en/rest/deployments/branch-policies. Creating or changing one needs
 * a repository admin's token (classic: `repo`; fine-grained: Administration write), which a
 * workflow's GITHUB_TOKEN never has — so `slipway setup` runs from a terminal.
 */
import { SlipwayError } from '../../core/errors.ts';
import { reviewerName, type EnvironmentState, type Reviewer, type ReviewerSpec } from '../../core/setup/environment-gate.ts';
import type { Octokit } from './client.ts';

export interface RepoRef {
  owner: string;
  repo: string;
}

const statusOf = (error: unknown) => (error as { status?: number }).status;
const messageOf = (error: unknown) => String((error as { response?: { data?: { message?: unknown } } }).response?.data?.message ?? (error as Error).message);

/** An API failure for people: what was asked, what GitHub said, and what usually fixes it. */
export function apiError(what: string, error: unknown, subject: string, knownHint?: string): SlipwayError {
  const status = statusOf(error);
  const hint =
    knownHint ??
    (status === 401
      ? 'the token was refused: set GITHUB_TOKEN (or GH_TOKEN) to a valid token'
      : status === 403 || status === 404
        ? 'this needs a repository admin\'s token (classic PAT with the repo scope, or fine-grained with Administration: write); a workflow\'s GITHUB_TOKEN cannot manage environments'
        : undefined);
  return new SlipwayError('API_FAILED', `${what} failed: ${status ?? ''} ${messageOf(error)}`.replace(/\s+/g, ' ').trim(), { subject, ...(hint ? { hint } : {}), cause: error });
}

/** Reviewer ids from logins and team slugs: `GET /users/{username}`, `GET /orgs/{org}/teams/{team_slug}`. */
export async function resolveReviewers(octokit: Octokit, specs: readonly ReviewerSpec[]): Promise<Reviewer[]> {
  return Promise.all(
    specs.map(async (spec): Promise<Reviewer> => {
      const name = reviewerName(spec);
      try {
        if (spec.type === 'User') {
          const { data } = await octokit.rest.users.getByUsername({ username: spec.login });
          return { type: 'User', id: data.id, name: data.login };
        }
        const { data } = await octokit.rest.teams.getByName({ org: spec.org, team_slug: spec.slug });
        return { type: 'Team', id: data.id, name: `${spec.org}/${data.slug}` };
      } catch (error) {
        if (statusOf(error) === 404) {
          throw new SlipwayError('NOT_FOUND', spec.type === 'User' ? `no GitHub user "${name}"` : `no team "${spec.slug}" in organization "${spec.org}" (or the token cannot see it)`, {
            subject: `--reviewer ${name}`,
            hint: spec.type === 'User' ? 'check the login' : 'use the team\'s slug from its URL (github.com/orgs/ORG/teams/SLUG); the token needs read:org to see teams',
          });
        }
        throw apiError(`looking up reviewer ${name}`, error, `--reviewer ${name}`);
      }
    }),
  );
}

export interface RepositoryFacts {
  fullName: string;
  visibility: string;
  defaultBranch: string;
}

export async function readRepository(octokit: Octokit, ref: RepoRef): Promise<RepositoryFacts> {
  try {
    const { data } = await octokit.rest.repos.get({ owner: ref.owner, repo: ref.repo });
    return { fullName: data.full_name, visibility: data.visibility ?? (data.private ? 'private' : 'public'), defaultBranch: data.default_branch };
  } catch (error) {
    throw apiError(`reading repository ${ref.owner}/${ref.repo}`, error, `${ref.owner}/${ref.repo}`);
  }
}

/** The environment with its rules and branch patterns, or undefined when it does not exist. */
export async function readEnvironment(octokit: Octokit, ref: RepoRef, name: string): Promise<EnvironmentState | undefined> {
  let data;
  try {
    ({ data } = await octokit.rest.repos.getEnvironment({ ...ref, environment_name: name }));
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw apiError(`reading environment "${name}"`, error, `${ref.owner}/${ref.repo}`);
  }
  const reviewers: Reviewer[] = [];
  let preventSelfReview = false;
  let waitTimer = 0;
  for (const rule of data.protection_rules ?? []) {
    if (rule.type === 'required_reviewers' && 'reviewers' in rule) {
      preventSelfReview = Boolean((rule as { prevent_self_review?: boolean }).prevent_self_review);
      for (const entry of rule.reviewers ?? []) {
        const reviewer = entry.reviewer as { id?: number; login?: string; slug?: string; html_url?: string } | undefined;
        if (!reviewer?.id) continue;
        // The team object carries no organization field; its html_url is …/orgs/{org}/teams/{slug}.
        const org = /\/orgs\/([^/]+)\/teams\//.exec(reviewer.html_url ?? '')?.[1];
        reviewers.push(
          entry.type === 'Team'
            ? { type: 'Team', id: reviewer.id, name: org ? `${org}/${reviewer.slug}` : String(reviewer.slug) }
            : { type: 'User', id: reviewer.id, name: String(reviewer.login) },
        );
      }
    }
    if (rule.type === 'wait_timer' && 'wait_timer' in rule) waitTimer = Number(rule.wait_timer ?? 0);
  }
  const policy = data.deployment_branch_policy;
  const branchPolicy = policy ? { protectedBranches: policy.protected_branches, customBranchPolicies: policy.custom_branch_policies } : null;
  const branchPatterns = branchPolicy?.customBranchPolicies ? await listBranchPatterns(octokit, ref, name) : [];
  return { name: data.name, reviewers, preventSelfReview, waitTimer, branchPolicy, branchPatterns };
}

async function listBranchPatterns(octokit: Octokit, ref: RepoRef, name: string): Promise<string[]> {
  try {
    // paginate() unwraps `{ total_count, branch_policies }` pages into one list.
    const policies = await octokit.paginate(octokit.rest.repos.listDeploymentBranchPolicies, { ...ref, environment_name: name, per_page: 100 });
    return policies.filter((p) => p.type !== 'tag').map((p) => p.name ?? '').filter(Boolean);
  } catch (error) {
    throw apiError(`listing the branch policies of environment "${name}"`, error, `${ref.owner}/${ref.repo}`);
  }
}

/** Thrown when GitHub refuses protection rules for the repository's plan; see the fallback gate. */
export class ProtectionRulesUnavailable extends Error {
  readonly status: number | undefined;
  readonly githubMessage: string;
  constructor(error: unknown) {
    super(messageOf(error));
    this.status = statusOf(error);
    this.githubMessage = messageOf(error);
  }
}

/**
 * `PUT /repos/{owner}/{repo}/environments/{environment_name}`. A 422 for a request with
 * reviewers or a wait timer on a non-public repository is GitHub's plan limit ("required
 * reviewers … in private or internal repositories, you must use GitHub Enterprise"): it is
 * thrown as ProtectionRulesUnavailable so the caller can offer the fallback gate.
 */
export async function writeEnvironment(octokit: Octokit, ref: RepoRef, name: string, body: Record<string, unknown>, options: { publicRepository: boolean }): Promise<void> {
  try {
    await octokit.request('PUT /repos/{owner}/{repo}/environments/{environment_name}', { ...ref, environment_name: name, ...body });
  } catch (error) {
    const asksRules = body.reviewers !== undefined || (typeof body.wait_timer === 'number' && body.wait_timer > 0);
    if (statusOf(error) === 422 && asksRules && !options.publicRepository) throw new ProtectionRulesUnavailable(error);
    throw apiError(`writing environment "${name}"`, error, `${ref.owner}/${ref.repo}`);
  }
}

/** Allows deployments from `branch` (idempotent: GitHub answers 303 for a pattern it has, which is followed). */
export async function addBranchPolicy(octokit: Octokit, ref: RepoRef, name: string, branch: string): Promise<void> {
  try {
    await octokit.rest.repos.createDeploymentBranchPolicy({ ...ref, environment_name: name, name: branch, type: 'branch' });
  } catch (error) {
    throw apiError(`allowing branch "${branch}" in environment "${name}"`, error, `${ref.owner}/${ref.repo}`);
  }
}
