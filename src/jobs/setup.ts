/**
 * The setup job: create or update the approval Environment (required reviewers, wait timer,
 * release-branch-only policy) and check an existing one. Every write checks what exists first,
 * so running it twice changes nothing the second time.
 */
import { addBranchPolicy, ProtectionRulesUnavailable, readEnvironment, readRepository, resolveReviewers, writeEnvironment, type RepoRef, type RepositoryFacts } from '../adapters/github/environments.ts';
import type { Octokit } from '../adapters/github/client.ts';
import { SlipwayError } from '../core/errors.ts';
import type { Reporter } from '../core/reporter.ts';
import { environmentRequest, gateChanges, gateGaps, MAX_WAIT_TIMER_MINUTES, parseReviewer, type EnvironmentState, type GateGap, type GateSpec } from '../core/setup/environment-gate.ts';
import { checkAdvice, fallbackGateAdvice, type CheckAdvice } from '../core/setup/gate-advice.ts';

export interface SetupOptions {
  octokit: Octokit;
  repo: RepoRef;
  environment: string;
  /** Logins and ORG/TEAM slugs. */
  reviewers: readonly string[];
  waitTimer?: number | undefined;
  preventSelfReview?: boolean | undefined;
  /** The release branch, the only one allowed to deploy. */
  branch?: string | undefined;
  dryRun?: boolean | undefined;
  reporter: Reporter;
}

export interface SetupResult {
  repository: RepositoryFacts;
  /** What was changed (or, in a dry run, would be). */
  changes: string[];
  outcome: 'changed' | 'unchanged' | 'dry-run';
  /** GitHub refused required reviewers (the repository's plan): use the fallback gate, see `advice`. */
  reviewersRefused: boolean;
  /** The environment as read back after the writes. */
  state: EnvironmentState | undefined;
  advice: string[];
}

export async function setupEnvironment(options: SetupOptions): Promise<SetupResult> {
  const { octokit, repo, environment, reporter } = options;
  if (options.waitTimer !== undefined && (!Number.isInteger(options.waitTimer) || options.waitTimer < 0 || options.waitTimer > MAX_WAIT_TIMER_MINUTES)) {
    throw new SlipwayError('USAGE', `the wait timer must be whole minutes from 0 to ${MAX_WAIT_TIMER_MINUTES} (30 days), got ${options.waitTimer}`, { subject: '--wait-timer' });
  }
  const specs = options.reviewers.map(parseReviewer);
  const [repository, reviewers, current] = await Promise.all([readRepository(octokit, repo), resolveReviewers(octokit, specs), readEnvironment(octokit, repo, environment)]);
  const spec: GateSpec = { environment, reviewers, waitTimer: options.waitTimer, preventSelfReview: options.preventSelfReview, branch: options.branch };
  const changes = gateChanges(current, spec);
  const where = `${repository.fullName} (${repository.visibility})`;
  if (changes.length === 0) {
    reporter.info(`environment "${environment}" of ${where} is already as asked: nothing to change`);
    return { repository, changes, outcome: 'unchanged', reviewersRefused: false, state: current, advice: [] };
  }
  const path = `/repos/${repo.owner}/${repo.repo}/environments/${encodeURIComponent(environment)}`;
  if (options.dryRun) {
    for (const change of changes) reporter.info(`would ${change}`);
    reporter.info(`would PUT ${path} ${JSON.stringify(environmentRequest(spec, { withRules: true }))}`);
    if (spec.branch && !current?.branchPatterns.includes(spec.branch)) reporter.info(`would POST ${path}/deployment-branch-policies ${JSON.stringify({ name: spec.branch, type: 'branch' })}`);
    return { repository, changes, outcome: 'dry-run', reviewersRefused: false, state: current, advice: [] };
  }

  let reviewersRefused = false;
  let advice: string[] = [];
  const publicRepository = repository.visibility === 'public';
  try {
    await writeEnvironment(octokit, repo, environment, environmentRequest(spec, { withRules: true }), { publicRepository });
  } catch (error) {
    if (!(error instanceof ProtectionRulesUnavailable)) throw error;
    reporter.warn(`GitHub refused required reviewers / wait timer for ${where}: "${error.githubMessage}"`);
    // Still make the environment and its branch policy: they limit where shipping may run from.
    await writeEnvironment(octokit, repo, environment, environmentRequest(spec, { withRules: false }), { publicRepository });
    reviewersRefused = true;
    advice = fallbackGateAdvice(repository.fullName, repository.visibility, environment);
  }
  if (spec.branch && !current?.branchPatterns.includes(spec.branch)) await addBranchPolicy(octokit, repo, environment, spec.branch);
  const state = await readEnvironment(octokit, repo, environment);
  const done = reviewersRefused ? changes.filter((c) => !/reviewers|self-review|wait timer/.test(c)) : changes;
  for (const change of done) reporter.info(`done: ${change}`);
  for (const line of advice) reporter.warn(line);
  return { repository, changes: done, outcome: 'changed', reviewersRefused, state, advice };
}

export interface CheckOptions {
  octokit: Octokit;
  repo: RepoRef;
  environment: string;
  branch: string;
}

export interface CheckResult extends CheckAdvice {
  repository: RepositoryFacts;
  state: EnvironmentState | undefined;
  gaps: GateGap[];
}

export async function checkEnvironment(options: CheckOptions): Promise<CheckResult> {
  const { octokit, repo, environment, branch } = options;
  const [repository, state] = await Promise.all([readRepository(octokit, repo), readEnvironment(octokit, repo, environment)]);
  const gaps = gateGaps(state, environment, branch);
  return { repository, state, gaps, ...checkAdvice({ repository: repository.fullName, visibility: repository.visibility, environment, branch, gaps }) };
}
