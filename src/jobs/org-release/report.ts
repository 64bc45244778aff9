/**
 * After the ship jobs: every new tag indexed into the central catalog (one compare-and-swap
 * commit, from the entries the ship jobs extracted), and one Slack message listing what shipped,
 * what failed (with links) and what was refused. Both are idempotent: the catalog merge of the
 * same entries changes nothing, and the message is posted once per distinct result.
 */
import { createHash } from 'node:crypto';
import { readOutcomes } from '../../adapters/org-release/outcome-files.ts';
import type { LocationOverrides } from '../../adapters/catalog/catalog-location.ts';
import { defaultConfig } from '../../core/config/schema.ts';
import { parseOrgPlan, verifyOrgPlanHash, type OrgPlan } from '../../core/org-release/org-plan.ts';
import { missingOutcomes, orgResultMessage, resultHeadline, type OrgResult, type RepositoryOutcome } from '../../core/org-release/outcomes.ts';
import { orgAwaitingApprovalMessage } from '../../core/org-release/messages.ts';
import type { Reporter } from '../../core/reporter.ts';
import type { PlanHash } from '../../core/types.ts';
import { indexCatalog } from '../index.ts';
import { sendNotice, type NoticeResult, type SlackTarget } from '../release-notice.ts';

export interface OrgReportOptions {
  plan: unknown;
  planSource?: string;
  expectedHash: PlanHash | undefined;
  /** The folder holding every ship job's outcome files. */
  resultsDir: string;
  /** The central catalog; without, nothing is indexed. */
  catalog?: LocationOverrides | undefined;
  slack?: SlackTarget | undefined;
  runUrl?: string | undefined;
  /** A scratch folder for the catalog update (any folder; nothing of it is read). */
  cwd: string;
  reporter: Reporter;
  dryRun?: boolean;
}

export interface OrgReportResult {
  result: OrgResult;
  /** Tags merged into the catalog. */
  indexed: string[];
  catalog: 'updated' | 'unchanged' | 'dry-run' | 'skipped';
  slack: NoticeResult;
}

export async function reportOrgRelease(options: OrgReportOptions): Promise<OrgReportResult> {
  const { reporter } = options;
  const source = options.planSource ?? 'the org plan';
  const plan = parseOrgPlan(options.plan, source);
  verifyOrgPlanHash(plan, options.expectedHash, source);
  const records = await readOutcomes(options.resultsDir, plan.hash);
  const outcomes: RepositoryOutcome[] = plan.repositories.flatMap((part) => {
    const record = records.get(part.repository);
    return record ? [record.outcome] : [];
  });
  for (const repository of missingOutcomes(plan, outcomes)) {
    outcomes.push({ repository, status: 'failed', message: 'its ship job left no result (cancelled, or it never ran): rerun the failed jobs', ...(options.runUrl ? { url: options.runUrl } : {}) });
  }
  const result: OrgResult = { org: plan.org, planHash: plan.hash, outcomes };

  const entries = [...records.values()].filter((r) => r.outcome.status === 'shipped').flatMap((r) => r.entries);
  let catalog: OrgReportResult['catalog'] = 'skipped';
  if (!options.catalog) reporter.info('no central catalog given: new tags are not indexed');
  else if (entries.length) {
    const indexed = await indexCatalog({ cwd: options.cwd, reporter, config: defaultConfig(), entries, location: options.catalog, dryRun: options.dryRun });
    catalog = indexed.status === 'dry-run' ? 'dry-run' : indexed.status === 'unchanged' ? 'unchanged' : 'updated';
  }
  reporter.info(`org release ${plan.org}: ${resultHeadline(result)}`);
  const slack = await postResult(options.slack, result, options.runUrl, reporter);
  return { result, indexed: entries.map((e) => `${e.name}@${e.version}`), catalog, slack };
}

/** One message per distinct result: a rerun that changes nothing posts nothing; one that ships the failed repository posts the new result. */
function postResult(target: SlackTarget | undefined, result: OrgResult, runUrl: string | undefined, reporter: Reporter): Promise<NoticeResult> {
  const digest = createHash('sha256').update(JSON.stringify(result.outcomes.map((o) => [o.repository, o.status]))).digest('hex').slice(0, 16);
  return sendNotice(target ?? {}, `slipway-org-release:${result.org}:${result.planHash}:${digest}`, orgResultMessage(result, runUrl), reporter);
}

export async function noticeOrgAwaitingApproval(options: { slack: SlackTarget | undefined; plan: OrgPlan; environment: string; runUrl: string | undefined; centralRepository: string | undefined; reporter: Reporter }): Promise<NoticeResult> {
  if (options.plan.repositories.length === 0) return { status: 'skipped', reason: 'the org plan releases nothing: no approval to ask for' };
  return sendNotice(options.slack ?? {}, `slipway-org-release-approval:${options.plan.org}:${options.plan.hash}`, orgAwaitingApprovalMessage(options), options.reporter);
}
