/**
 * How long each plugin took in earlier runs, for balancing shards. A plugin's cost is what its
 * shard paid for it: every attempt plus the re-test against the released core.
 */
import type { PluginResult, StoredRun } from './compat-run.ts';

/** Runs averaged per plugin: enough to smooth one slow runner, few enough to follow real change. */
const RECENT_RUNS = 3;

export function pluginCostMs(result: PluginResult): number {
  // The released core's re-runs are kept as their count and last attempt: count each as long as that.
  return result.attempts.reduce((sum, a) => sum + a.durationMs, 0) + (result.baseline?.durationMs ?? 0) * (result.baselineAttempts ?? 1);
}

/** Mean cost of each plugin over its most recent runs; `runs` in any order. */
export function durationsFromHistory(runs: readonly Pick<StoredRun, 'startedAt' | 'results'>[]): Map<string, number> {
  const newestFirst = [...runs].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  const samples = new Map<string, number[]>();
  for (const run of newestFirst) {
    for (const result of run.results) {
      const list = samples.get(result.plugin) ?? [];
      if (list.length < RECENT_RUNS) list.push(pluginCostMs(result));
      samples.set(result.plugin, list);
    }
  }
  return new Map([...samples].map(([plugin, list]) => [plugin, list.reduce((a, b) => a + b, 0) / list.length]));
}
