/**
 * The compat shard benchmark: `node bench/compat-shards.ts [--plugins 1300] [--shards 256] [--seeds 5]`.
 *
 * Packs a synthetic fleet with realistic durations (bench/compat-durations.ts) into shards with
 * the planner compat uses, and prints the makespan (the longest shard) against the lower bound
 * max(longest plugin, total / shards) that no packing can beat. Target: within 10%.
 * Two profiles: `realistic` (a long tail: the longest plugin is the bound) and `narrow` (the
 * bound is total / shards, so the packing itself is measured).
 */
import { parseArgs } from 'node:util';
import { planShards } from '../src/core/compat/plan-shards.ts';
import { NARROW, REALISTIC, syntheticDurations } from './compat-durations.ts';

const TARGET = 1.1;
const { values } = parseArgs({
  options: { plugins: { type: 'string', default: '1300' }, shards: { type: 'string', default: '256' }, seeds: { type: 'string', default: '5' } },
});
const plugins = Number(values.plugins);
const shards = Number(values.shards);
const seeds = Number(values.seeds);

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
let worst = 0;
console.log(`compat shards: ${plugins} plugins into at most ${shards} shards (LPT)`);
console.log('profile    seed  total        longest    total/shards  makespan   ratio   plan time');
for (const [profileName, profile] of [['realistic', REALISTIC], ['narrow', NARROW]] as const)
for (let seed = 1; seed <= seeds; seed++) {
  const durations = syntheticDurations(plugins, seed, profile);
  const started = performance.now();
  const plan = planShards([...durations.keys()], durations, shards);
  const elapsed = performance.now() - started;
  const total = [...durations.values()].reduce((a, b) => a + b, 0);
  const ratio = plan.makespanMs / plan.lowerBoundMs;
  worst = Math.max(worst, ratio);
  console.log(
    `${profileName.padEnd(10)} ${String(seed).padEnd(5)} ${minutes(total).padEnd(12)} ${minutes(Math.max(...durations.values())).padEnd(10)} ${minutes(total / plan.shards.length).padEnd(13)} ${minutes(plan.makespanMs).padEnd(10)} ${ratio.toFixed(3).padEnd(7)} ${elapsed.toFixed(1)} ms`,
  );
}
console.log(`worst ratio ${worst.toFixed(3)} (target ≤ ${TARGET}): ${worst <= TARGET ? 'PASS' : 'MISS'}`);
if (worst > TARGET) process.exitCode = 1;
