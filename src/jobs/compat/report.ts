/**
 * compat report: merge the shards, classify against the previous run and the released core,
 * store the run on the results branch, and tell people — job summary, HTML page, a Slack
 * message scheduled for Monday morning, an issue per regression. Every write looks for what a
 * previous attempt of the same run already wrote, so rerunning the report duplicates nothing.
 */
import type { CatalogLocation } from '../../adapters/catalog/catalog-branch.ts';
import { feedCatalog, type CatalogFeedResult } from '../../adapters/compat/catalog-feed.ts';
import type { ResultsBranch, SaveResult } from '../../adapters/compat/results-branch.ts';
import { syncRegressionIssues, type IssueSyncResult } from '../../adapters/compat/regression-issues.ts';
import type { Octokit } from '../../adapters/github/client.ts';
import { postOnce, type PostOnceResult } from '../../adapters/slack/post-once.ts';
import type { WebClient } from '../../adapters/slack/client.ts';
import { mergeCatalogCompat, type CatalogCompat } from '../../core/compat/catalog-compat.ts';
import { classifyRun, countByClass } from '../../core/compat/classify.ts';
import { CLASS_LABELS, COMPAT_CLASSES, type ShardResult, type StoredRun } from '../../core/compat/compat-run.ts';
import { mergeShards } from '../../core/compat/merge-shards.ts';
import { nextWeeklyTime } from '../../core/compat/next-weekly-time.ts';
import { renderCompatHtml } from '../../core/compat/render-html.ts';
import { renderCompatSummary } from '../../core/compat/render-summary.ts';
import { compatSlackMessage } from '../../core/compat/slack-report.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { formatError } from '../../core/errors.ts';
import type { Reporter } from '../../core/reporter.ts';

export interface CompatReportOptions {
  config: SlipwayConfig;
  reporter: Reporter;
  shards: readonly ShardResult[];
  runId: string;
  url?: string | undefined;
  /** Every plugin the plan scheduled; a plugin without a result becomes infra. */
  planned?: readonly string[] | undefined;
  results?: ResultsBranch | undefined;
  /** Show every write instead of making it. */
  dryRun?: boolean;
  slack?: { client: WebClient; channel: string; now?: boolean; clock?: () => number } | undefined;
  issues?: { octokit: Octokit; owner: string; repo: string } | undefined;
  /** The catalog to record core compatibility in (compat.catalog); skipped where no catalog branch exists. */
  catalog?: CatalogLocation | undefined;
  /** Names the run in the Slack key, so two fleets can share a channel. */
  repository?: string | undefined;
  /** The time the report is made (default now), for scheduling. */
  now?: Date;
}

export interface CompatReport {
  run: StoredRun;
  previous?: StoredRun | undefined;
  counts: Record<string, number>;
  summary: string;
  html: string;
  compat: CatalogCompat;
  stored?: SaveResult | undefined;
  slack?: PostOnceResult | { action: 'dry-run'; postAt?: number } | undefined;
  issues?: IssueSyncResult | undefined;
  catalog?: CatalogFeedResult | undefined;
}

export async function reportCompat(options: CompatReportOptions): Promise<CompatReport> {
  const { config, reporter } = options;
  const merged = mergeShards({ id: options.runId, url: options.url, shards: options.shards, planned: options.planned });
  const history = options.results ? await options.results.runs(config.compat.results.history + 1) : [];
  const sameChannel = history.filter((r) => r.id !== merged.id && r.core.channel === merged.core.channel && r.startedAt <= merged.startedAt);
  const previous = sameChannel.at(-1);
  const releaseRun =
    config.compat.baseline === 'stored-run' && merged.core.channel === 'develop' ? history.filter((r) => r.core.channel === 'release').at(-1) : undefined;
  const run = classifyRun({ current: merged, previous, releaseRun });
  const counts = countByClass(run);
  reporter.info(`compat ${run.id}: ${COMPAT_CLASSES.map((c) => `${counts[c]} ${CLASS_LABELS[c].toLowerCase()}`).join(', ')}${previous ? ` (compared with ${previous.id})` : ''}`);

  const recent = [...history.filter((r) => r.id !== run.id), run].slice(-config.compat.results.history);
  const html = renderCompatHtml(recent, { title: `Compatibility with core ${run.core.ref}` });
  const summary = renderCompatSummary(run);
  let compat = mergeCatalogCompat(undefined, run);

  let stored: SaveResult | undefined;
  if (options.results) {
    if (options.dryRun) reporter.info(`dry run: would add the run's results to branch ${config.compat.results.branch}`);
    else {
      stored = await options.results.save(
        run,
        (existing) => (compat = mergeCatalogCompat(existing, run)),
        { 'index.html': html },
      );
      reporter.info(stored.written ? `results stored: ${config.compat.results.branch}:${stored.file}` : `results of ${run.id} were already stored (${stored.file}); left as they are`);
    }
  }

  let slack: CompatReport['slack'];
  if (options.slack) {
    const message = compatSlackMessage(run);
    const postAt = options.slack.now ? undefined : nextWeeklyTime(options.now ?? new Date(), config.compat.report);
    const when = postAt ? `for ${postAt.toISOString()} (${config.compat.report.weekday} ${config.compat.report.time} ${config.compat.report.timeZone})` : 'now';
    if (options.dryRun) {
      reporter.info(`dry run: would post to Slack ${options.slack.channel} ${when}: ${message.text}`);
      slack = { action: 'dry-run', ...(postAt ? { postAt: Math.floor(postAt.getTime() / 1000) } : {}) };
    } else {
      const key = `slipway compat ${options.repository ? `${options.repository} ` : ''}${run.id}`;
      slack = await postOnce(options.slack.client, { channel: options.slack.channel, key, ...message, postAt, eventType: 'slipway_compat' }, options.slack.clock ? { now: options.slack.clock } : {});
      reporter.info(
        slack.action === 'found-posted' || slack.action === 'found-scheduled'
          ? `Slack: the message of ${run.id} is already ${slack.action === 'found-posted' ? 'posted' : 'scheduled'}; not sent again`
          : `Slack: ${slack.action} ${slack.action === 'scheduled' ? when : 'now'}`,
      );
    }
  }

  let issues: IssueSyncResult | undefined;
  if (options.issues) {
    const { octokit, owner, repo } = options.issues;
    issues = await syncRegressionIssues(octokit, run, {
      owner,
      repo,
      label: config.compat.issues.label,
      dryRun: options.dryRun ?? false,
      onAction: (action, number) => reporter.info(`${options.dryRun ? 'dry run: would ' : ''}${action.kind} issue${number ? ` #${number}` : ''} for ${action.plugin}`),
    });
    if (issues.actions.length === 0) reporter.info('issues: nothing to change');
  }

  let catalog: CatalogFeedResult | undefined;
  if (options.catalog && config.compat.catalog) {
    // The run is stored and reported already: a catalog that cannot be written is a warning.
    catalog = await feedCatalog(options.catalog, run, { reporter, dryRun: options.dryRun ?? false }).catch((error: unknown) => {
      reporter.warn(`catalog: compat.json not recorded: ${formatError(error)}`);
      return undefined;
    });
    if (catalog?.status === 'committed') reporter.info(`catalog: compat.json updated on ${options.catalog.branch}`);
    else if (catalog?.status === 'no-catalog') reporter.debug(`catalog: no ${options.catalog.branch} branch yet; compat.json stays on the results branch only`);
  }

  return { run, previous, counts, summary, html, compat, stored, slack, issues, catalog };
}
