/**
 * compat plan: the plugins to test, packed into at most `maxShards` matrix shards balanced by
 * their durations in earlier runs (read from the results branch). Writes nothing.
 */
import type { Octokit } from '../../adapters/github/client.ts';
import type { ResultsBranch } from '../../adapters/compat/results-branch.ts';
import { durationsFromHistory } from '../../core/compat/durations.ts';
import { matrixOf, planShards, type CompatMatrix, type CompatPlan } from '../../core/compat/plan-shards.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import type { Reporter } from '../../core/reporter.ts';
import { fleetTargets, type FleetTargets } from './targets.ts';

export interface CompatPlanOptions {
  cwd: string;
  config: SlipwayConfig;
  reporter: Reporter;
  /** Overrides compat.maxShards. */
  maxShards?: number | undefined;
  results?: ResultsBranch | undefined;
  octokit?: Octokit | undefined;
}

export interface CompatPlanResult {
  plan: CompatPlan;
  matrix: CompatMatrix;
  targets: FleetTargets;
}

export async function planCompat(options: CompatPlanOptions): Promise<CompatPlanResult> {
  const { config, reporter } = options;
  const [targets, history] = await Promise.all([
    fleetTargets(options.cwd, config, options.octokit),
    options.results ? options.results.runs(config.compat.results.history) : Promise.resolve([]),
  ]);
  const durations = durationsFromHistory(history);
  const plan = planShards(targets.names, durations, options.maxShards ?? config.compat.maxShards);
  reporter.info(
    `compat plan: ${targets.names.length} ${targets.mode === 'org' ? 'repositories' : 'plugins'} in ${plan.shards.length} shard(s); ` +
      `estimated ${(plan.makespanMs / 1000).toFixed(0)} s per shard (lower bound ${(plan.lowerBoundMs / 1000).toFixed(0)} s)` +
      (plan.estimated.length > 0 ? `; ${plan.estimated.length} without an earlier duration got the median` : ''),
  );
  return { plan, matrix: matrixOf(plan), targets };
}
