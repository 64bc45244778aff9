/**
 * compat void: take one run out of the results history (a broken runner, a bad core build) so
 * it stops distorting the classes of later runs, and rebuild compat.json and the report page
 * from the runs that remain. The run file goes in a commit of its own; history before it stays.
 */
import type { ResultsBranch } from '../../adapters/compat/results-branch.ts';
import { CATALOG_COMPAT_SCHEMA, mergeCatalogCompat, type CatalogCompat } from '../../core/compat/catalog-compat.ts';
import type { StoredRun } from '../../core/compat/compat-run.ts';
import { renderCompatHtml } from '../../core/compat/render-html.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Reporter } from '../../core/reporter.ts';

export interface VoidRunOptions {
  config: SlipwayConfig;
  reporter: Reporter;
  results: ResultsBranch;
  runId: string;
  dryRun?: boolean;
}

export interface VoidRunResult {
  /** The run file taken out (or that would be, in a dry run). */
  removed: string;
  commit: string | undefined;
  /** compat.json as rebuilt from the remaining runs. */
  compat: CatalogCompat;
}

/** compat.json from stored runs alone, oldest first: what it would hold had the voided run never happened. */
export function compatFromRuns(runs: readonly StoredRun[]): CatalogCompat {
  return runs.reduce<CatalogCompat | undefined>((compat, run) => mergeCatalogCompat(compat, run), undefined) ?? { schema: CATALOG_COMPAT_SCHEMA, plugins: {} };
}

export async function voidCompatRun(options: VoidRunOptions): Promise<VoidRunResult> {
  const { config, reporter, results, runId } = options;
  const branch = config.compat.results.branch;
  const rebuild = (remaining: StoredRun[]) => {
    const recent = remaining.slice(-config.compat.results.history);
    const last = recent.at(-1);
    return {
      compat: compatFromRuns(remaining),
      derived: last ? { 'index.html': renderCompatHtml(recent, { title: `Compatibility with core ${last.core.ref}` }) } : ({} as Record<string, string>),
    };
  };
  const outcome = await results.voidRun(runId, rebuild, { dryRun: options.dryRun ?? false });
  if (!outcome.removed) {
    const ids = outcome.remaining.slice(-10).map((r) => r.id);
    throw new SlipwayError('NOT_FOUND', `no stored run "${runId}" on the results branch ${branch}`, {
      subject: runId,
      hint: ids.length ? `the newest stored runs are: ${ids.join(', ')}` : `the results branch ${branch} has no runs yet`,
    });
  }
  const compat = rebuild(outcome.remaining).compat;
  reporter.info(options.dryRun ? `dry run: would remove ${branch}:${outcome.removed} and rebuild compat.json from ${outcome.remaining.length} run(s)` : `voided run ${runId}: removed ${branch}:${outcome.removed}; compat.json rebuilt from ${outcome.remaining.length} run(s)`);
  return { removed: outcome.removed, commit: options.dryRun ? undefined : outcome.commit, compat };
}
