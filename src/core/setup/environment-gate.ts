/**
 * The approval gate as data: a GitHub Environment whose protection rules make GitHub pause the
 * ship job until a required reviewer approves (https://docs.github.com/en/actions/reference/workflows-and-actions/deployments-and-environments).
 * What a good gate looks like, what an existing one lacks, and the request that makes it —
 * all pure; src/adapters/github/environments.ts reads and writes it.
 */
import { SlipwayError } from '../errors.ts';

/** "You can list up to six users or teams as reviewers." */
export const MAX_REVIEWERS = 6;
/** The wait timer is "an integer between 0 and 43,200 (30 days)" minutes. */
export const MAX_WAIT_TIMER_MINUTES = 43_200;

export type ReviewerSpec = { type: 'User'; login: string } | { type: 'Team'; org: string; slug: string };

/** A reviewer with the numeric id the API wants, and the name people know. */
export interface Reviewer {
  type: 'User' | 'Team';
  id: number;
  /** `alice` or `acme/release-managers`. */
  name: string;
}

/** An Environment as read back from GitHub; undefined when it does not exist. */
export interface EnvironmentState {
  name: string;
  reviewers: Reviewer[];
  preventSelfReview: boolean;
  waitTimer: number;
  /** null: every branch may deploy. */
  branchPolicy: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
  /** The name patterns of custom branch policies (branches only). */
  branchPatterns: string[];
}

export interface GateSpec {
  environment: string;
  reviewers: Reviewer[];
  /** Minutes; undefined leaves the current value. */
  waitTimer?: number | undefined;
  preventSelfReview?: boolean | undefined;
  /** The release branch: the only branch allowed to deploy; undefined leaves the policy alone. */
  branch?: string | undefined;
}

/** `alice` → a user; `acme/release-managers` → a team of an organisation. */
export function parseReviewer(text: string): ReviewerSpec {
  const value = text.trim().replace(/^@/, '');
  const team = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9_.-]+)$/.exec(value);
  if (team) return { type: 'Team', org: team[1]!, slug: team[2]! };
  if (/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/.test(value)) return { type: 'User', login: value };
  throw new SlipwayError('USAGE', `"${text}" is neither a GitHub user (alice) nor a team (org/team-slug)`, {
    subject: '--reviewer',
    hint: 'name a user by login, or a team as ORG/TEAM-SLUG (the slug is in the team\'s URL)',
  });
}

export function reviewerName(spec: ReviewerSpec): string {
  return spec.type === 'User' ? spec.login : `${spec.org}/${spec.slug}`;
}

/** What `setup` will change, each a sentence; empty when the environment already matches. */
export function gateChanges(current: EnvironmentState | undefined, spec: GateSpec): string[] {
  if (spec.reviewers.length > MAX_REVIEWERS) {
    throw new SlipwayError('USAGE', `${spec.reviewers.length} reviewers given; GitHub allows at most ${MAX_REVIEWERS} per environment`, {
      subject: '--reviewer',
      hint: 'name a team instead of several of its members',
    });
  }
  const changes: string[] = [];
  if (!current) changes.push(`create environment "${spec.environment}"`);
  const key = (r: Reviewer) => `${r.type}:${r.id}`;
  const have = new Set((current?.reviewers ?? []).map(key));
  if (spec.reviewers.length && (spec.reviewers.length !== have.size || !spec.reviewers.every((r) => have.has(key(r))))) {
    changes.push(`set required reviewers to ${spec.reviewers.map((r) => r.name).join(', ')}`);
  }
  if (spec.preventSelfReview !== undefined && spec.preventSelfReview !== (current?.preventSelfReview ?? false)) {
    changes.push(`${spec.preventSelfReview ? 'prevent' : 'allow'} self-review`);
  }
  if (spec.waitTimer !== undefined && spec.waitTimer !== (current?.waitTimer ?? 0)) changes.push(`set the wait timer to ${spec.waitTimer} min`);
  if (spec.branch !== undefined) {
    if (!current?.branchPolicy?.customBranchPolicies) changes.push(`allow deployments from selected branches only`);
    if (!current?.branchPatterns.includes(spec.branch)) changes.push(`allow branch "${spec.branch}"`);
  }
  return changes;
}

/** The body of `PUT /repos/{owner}/{repo}/environments/{environment_name}`; left-out settings keep their value. */
export function environmentRequest(spec: GateSpec, options: { withRules: boolean }): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (options.withRules && spec.reviewers.length) body.reviewers = spec.reviewers.map((r) => ({ type: r.type, id: r.id }));
  if (options.withRules && spec.preventSelfReview !== undefined) body.prevent_self_review = spec.preventSelfReview;
  if (options.withRules && spec.waitTimer !== undefined) body.wait_timer = spec.waitTimer;
  if (spec.branch !== undefined) body.deployment_branch_policy = { protected_branches: false, custom_branch_policies: true };
  return body;
}

export interface GateGap {
  what: 'environment' | 'reviewers' | 'branch-policy';
  message: string;
}

/** What an existing gate lacks for a release from `branch`: each a sentence naming the risk. */
export function gateGaps(current: EnvironmentState | undefined, environment: string, branch: string): GateGap[] {
  if (!current) {
    return [{ what: 'environment', message: `environment "${environment}" does not exist: the ship job would create it on first use, unprotected, and ship without approval` }];
  }
  const gaps: GateGap[] = [];
  if (current.reviewers.length === 0) {
    gaps.push({ what: 'reviewers', message: `environment "${environment}" has no required reviewers: GitHub would run the ship job without waiting for anyone` });
  }
  if (!current.branchPolicy) {
    gaps.push({ what: 'branch-policy', message: `environment "${environment}" has no deployment branch policy: a workflow on any branch could ship from it` });
  } else if (current.branchPolicy.customBranchPolicies && !current.branchPatterns.includes(branch)) {
    const allowed = current.branchPatterns.length ? current.branchPatterns.map((p) => `"${p}"`).join(', ') : 'none';
    gaps.push({ what: 'branch-policy', message: `environment "${environment}" does not allow the release branch "${branch}" (allowed: ${allowed}): the ship job would be refused` });
  }
  return gaps;
}

/** The command that closes the gaps. */
export function setupCommand(environment: string, branch: string, reviewers: readonly string[]): string {
  const who = reviewers.length ? reviewers.map((r) => `--reviewer ${r}`).join(' ') : '--reviewer USER --reviewer ORG/TEAM';
  return `slipway setup --environment ${environment} ${who} --branch ${branch}`;
}
