/**
 * Applies the regression-issue plan (src/core/compat/regression-issues.ts) to a GitHub
 * repository: reads every issue with the label (open and closed, paginated), plans, then makes
 * only the writes the plan names — so a rerun with nothing new makes no writes at all.
 */
import type { StoredRun } from '../../core/compat/compat-run.ts';
import { planRegressionIssues, type ExistingIssue, type IssueAction } from '../../core/compat/regression-issues.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Octokit } from '../github/client.ts';

export interface IssueSyncOptions {
  owner: string;
  repo: string;
  label: string;
  dryRun?: boolean;
  /** Called once per write (or would-be write in a dry run). */
  onAction?: (action: IssueAction, issueNumber: number | undefined) => void;
}

export interface IssueSyncResult {
  actions: IssueAction[];
  /** Issue numbers by plugin for every issue created, updated or closed. */
  issues: Record<string, number>;
}

const LABEL_COLOR = 'd73a49';

export async function syncRegressionIssues(octokit: Octokit, run: StoredRun, options: IssueSyncOptions): Promise<IssueSyncResult> {
  const { owner, repo, label } = options;
  const existing = await api(`list issues labelled ${label}`, `${owner}/${repo}`, () =>
    octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'all', per_page: 100 }),
  );
  const issues: ExistingIssue[] = existing
    .filter((issue) => !issue.pull_request)
    .map((issue) => ({ number: issue.number, state: issue.state === 'closed' ? 'closed' : 'open', title: issue.title, body: issue.body ?? '' }));
  const actions = planRegressionIssues(run, issues);
  const numbers: Record<string, number> = {};
  if (options.dryRun) {
    for (const action of actions) options.onAction?.(action, 'number' in action ? action.number : undefined);
    return { actions, issues: numbers };
  }
  if (actions.some((a) => a.kind === 'create')) await ensureLabel(octokit, owner, repo, label);

  for (const action of actions) {
    const where = `${owner}/${repo}`;
    if (action.kind === 'create') {
      const created = await api(`open an issue for ${action.plugin}`, where, () =>
        octokit.rest.issues.create({ owner, repo, title: action.title, body: action.body, labels: [label] }),
      );
      numbers[action.plugin] = created.data.number;
    } else if (action.kind === 'update') {
      await api(`update issue #${action.number}`, where, () =>
        octokit.rest.issues.update({ owner, repo, issue_number: action.number, title: action.title, body: action.body, ...(action.reopen ? { state: 'open' as const } : {}) }),
      );
      if (action.reopen) {
        await api(`comment on issue #${action.number}`, where, () =>
          octokit.rest.issues.createComment({ owner, repo, issue_number: action.number, body: `Regressed again in compat run ${run.id}: reopening.` }),
        );
      }
      numbers[action.plugin] = action.number;
    } else {
      await api(`comment on issue #${action.number}`, where, () => octokit.rest.issues.createComment({ owner, repo, issue_number: action.number, body: action.comment }));
      await api(`close issue #${action.number}`, where, () =>
        octokit.rest.issues.update({ owner, repo, issue_number: action.number, state: 'closed', state_reason: 'completed' }),
      );
      numbers[action.plugin] = action.number;
    }
    options.onAction?.(action, numbers[action.plugin]);
  }
  return { actions, issues: numbers };
}

async function ensureLabel(octokit: Octokit, owner: string, repo: string, label: string): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ owner, repo, name: label });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw apiError(`read label ${label}`, `${owner}/${repo}`, error);
    await api(`create label ${label}`, `${owner}/${repo}`, () =>
      octokit.rest.issues.createLabel({ owner, repo, name: label, color: LABEL_COLOR, description: 'A plugin that fails with the core develop branch (slipway compat)' }),
    );
  }
}

async function api<T>(doing: string, where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw apiError(doing, where, error);
  }
}

function apiError(doing: string, where: string, error: unknown): SlipwayError {
  const status = (error as { status?: number }).status;
  return new SlipwayError('API_FAILED', `GitHub refused to ${doing}${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}`, {
    subject: where,
    hint: status === 403 || status === 404 ? 'the report job needs `permissions: issues: write` on this repository' : 'rerun the report job; it picks up where it stopped',
    cause: error,
  });
}
