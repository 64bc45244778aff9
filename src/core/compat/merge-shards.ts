/**
 * Merges the shard jobs' results into one run. A planned plugin with no result (its shard was
 * cancelled or crashed) is kept as infra rather than silently dropped: a missing result must
 * never read as "nothing to report".
 */
import { SlipwayError } from '../errors.ts';
import { COMPAT_SCHEMA, type CompatRun, type PluginResult, type ShardResult } from './compat-run.ts';

export interface MergeInput {
  id: string;
  url?: string | undefined;
  shards: readonly ShardResult[];
  /** Every plugin the plan put into a shard; default: those that reported. */
  planned?: readonly string[];
}

export function mergeShards({ id, url, shards, planned }: MergeInput): CompatRun {
  const first = shards[0];
  if (!first) {
    throw new SlipwayError('NOT_FOUND', 'no shard results to report', {
      subject: 'compat report',
      hint: 'check that the run jobs uploaded their results and that the report job downloaded them',
    });
  }
  for (const shard of shards) {
    if (shard.core.sha !== first.core.sha) {
      throw new SlipwayError('VALIDATION_FAILED', `shard ${shard.shard} tested core ${shard.core.sha.slice(0, 7)}, shard ${first.shard} core ${first.core.sha.slice(0, 7)}`, {
        subject: `shard ${shard.shard}`,
        hint: 'every shard must install the one core built at the start of the run; rerun the whole workflow',
      });
    }
  }
  const byPlugin = new Map<string, PluginResult>();
  for (const shard of [...shards].sort((a, b) => a.shard - b.shard)) {
    for (const result of shard.results) byPlugin.set(result.plugin, result);
  }
  for (const plugin of planned ?? []) {
    if (!byPlugin.has(plugin)) {
      byPlugin.set(plugin, {
        plugin,
        attempts: [{ outcome: 'infra', stage: 'test', exitCode: null, durationMs: 0, failingTests: [], logTail: '', reason: 'no result: its shard did not finish' }],
      });
    }
  }
  const results = [...byPlugin.values()].sort((a, b) => (a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0));
  const startedAt = shards.map((s) => s.startedAt).sort()[0]!;
  const finishedAt = shards.map((s) => s.finishedAt).sort().at(-1)!;
  const releaseCore = shards.find((s) => s.releaseCore)?.releaseCore;
  return {
    schema: COMPAT_SCHEMA,
    id,
    startedAt,
    finishedAt,
    core: first.core,
    ...(releaseCore ? { releaseCore } : {}),
    ...(url ? { url } : {}),
    results,
  };
}
