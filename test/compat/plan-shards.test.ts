import { describe, expect, it } from 'vitest';
import { NARROW, REALISTIC, syntheticDurations } from '../../bench/compat-durations.ts';
import { durationsFromHistory } from '../../src/core/compat/durations.ts';
import { matrixOf, median, planShards } from '../../src/core/compat/plan-shards.ts';
import type { Attempt, StoredRun } from '../../src/core/compat/compat-run.ts';

const names = (n: number) => Array.from({ length: n }, (_, i) => `plugin-${String(i).padStart(4, '0')}`);
const everyPlugin = (plan: ReturnType<typeof planShards>) => plan.shards.flatMap((s) => s.plugins).sort();

describe('packing plugins into matrix shards', () => {
  it('never emits more than 256 matrix entries, whatever max-shards says', () => {
    const plugins = names(1300);
    for (const maxShards of [256, 257, 1000, 10_000]) {
      const matrix = matrixOf(planShards(plugins, new Map(), maxShards));
      expect(matrix.include.length).toBe(256);
    }
    expect(matrixOf(planShards(plugins, new Map(), 64)).include).toHaveLength(64);
  });

  it('uses no more shards than plugins, and puts every plugin in exactly one', () => {
    const plan = planShards(names(5), new Map(), 64);
    expect(plan.shards).toHaveLength(5);
    expect(everyPlugin(plan)).toEqual(names(5));
    const big = planShards(names(1300), new Map(), 256);
    expect(everyPlugin(big)).toEqual(names(1300));
    expect(planShards([], new Map(), 64).shards).toEqual([]);
  });

  it('gives shards equal plugin counts when no durations are known', () => {
    const plan = planShards(names(10), new Map(), 3);
    expect(plan.shards.map((s) => s.plugins.length).sort()).toEqual([3, 3, 4]);
    expect(plan.estimated).toHaveLength(10);
  });

  it('puts the longest plugins first, each on the least loaded shard', () => {
    const durations = new Map([['a', 7], ['b', 6], ['c', 5], ['d', 4], ['e', 3], ['f', 2], ['g', 1]].map(([n, m]) => [n as string, (m as number) * 60_000]));
    const plan = planShards([...durations.keys()], durations, 3);
    expect(plan.order).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    // a | b | c, then d → c (load 5), e → b (6), f → a (7); all at 9, g → the first shard.
    expect(plan.shards.map((s) => s.plugins)).toEqual([['a', 'f', 'g'], ['b', 'e'], ['c', 'd']]);
    expect(plan.shards.map((s) => s.estimatedMs / 60_000)).toEqual([10, 9, 9]);
    expect(plan.makespanMs / 60_000).toBe(10);
    expect(plan.lowerBoundMs / 60_000).toBeCloseTo(28 / 3);
  });

  it('gives plugins never timed before the median of the known durations', () => {
    const durations = new Map([['a', 100], ['b', 300], ['c', 200]]);
    const plan = planShards(['a', 'b', 'c', 'new'], durations, 4);
    expect(plan.estimated).toEqual(['new']);
    expect(plan.shards.find((s) => s.plugins.includes('new'))!.estimatedMs).toBe(200);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is deterministic: the same input gives the same matrix', () => {
    const durations = syntheticDurations(300, 7);
    const once = JSON.stringify(matrixOf(planShards([...durations.keys()], durations, 32)));
    const twice = JSON.stringify(matrixOf(planShards([...durations.keys()].reverse(), durations, 32)));
    expect(twice).toBe(once);
  });

  it('packs 1,300 plugins into 256 shards within 10% of the lower bound', () => {
    for (const profile of [REALISTIC, NARROW]) {
      for (const seed of [1, 2, 3]) {
        const durations = syntheticDurations(1300, seed, profile);
        const plan = planShards([...durations.keys()], durations, 256);
        const total = [...durations.values()].reduce((a, b) => a + b, 0);
        const bound = Math.max(Math.max(...durations.values()), total / 256);
        expect(plan.lowerBoundMs).toBeCloseTo(bound);
        expect(plan.makespanMs / bound).toBeLessThanOrEqual(1.1);
      }
    }
  });

  it('refuses a max-shards below one, naming the setting', () => {
    expect(() => planShards(['a'], new Map(), 0)).toThrow(expect.objectContaining({ code: 'INPUT_INVALID', subject: 'compat.maxShards' }));
  });
});

describe('durations learnt from earlier runs', () => {
  const attempt = (outcome: Attempt['outcome'], durationMs: number): Attempt => ({ outcome, stage: 'test', exitCode: 0, durationMs, failingTests: [], logTail: '' });
  const run = (startedAt: string, results: StoredRun['results']): Pick<StoredRun, 'startedAt' | 'results'> => ({ startedAt, results });
  const result = (plugin: string, attempts: Attempt[], baseline?: Attempt) => ({ plugin, attempts, ...(baseline ? { baseline } : {}), class: 'passed' as const, baselineVerdict: 'unknown' as const });

  it('count what the shard paid: every attempt and the re-test against the released core', () => {
    const durations = durationsFromHistory([run('2026-01-03', [result('a', [attempt('fail', 1000), attempt('fail', 1000)], attempt('pass', 500))])]);
    expect(durations.get('a')).toBe(2500);
  });

  it('average the three most recent runs of each plugin', () => {
    const runs = [1, 2, 3, 4].map((week) => run(`2026-01-0${week}`, [result('a', [attempt('pass', week * 1000)])]));
    expect(durationsFromHistory(runs).get('a')).toBe(3000); // weeks 2, 3, 4
  });
});
