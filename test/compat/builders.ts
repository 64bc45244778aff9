/** Small builders of compat data for the pure specs: a result reads like its attempts. */
import { classifyRun } from '../../src/core/compat/classify.ts';
import { COMPAT_SCHEMA, type Attempt, type CompatRun, type CoreBuild, type PluginResult, type StoredRun } from '../../src/core/compat/compat-run.ts';

export const developCore: CoreBuild = { channel: 'develop', ref: 'develop', sha: 'a'.repeat(40), version: '2.0.0-dev', package: '@demo/core' };
export const releaseCore: CoreBuild = { channel: 'release', ref: 'v1.4.0', sha: 'b'.repeat(40), version: '1.4.0', package: '@demo/core' };

export function attempt(outcome: Attempt['outcome'], extra: Partial<Attempt> = {}): Attempt {
  return {
    outcome,
    stage: 'test',
    exitCode: outcome === 'pass' ? 0 : outcome === 'fail' ? 1 : null,
    durationMs: 1000,
    failingTests: outcome === 'fail' ? ['a test'] : [],
    logTail: outcome === 'fail' ? 'not ok 1 - a test\n' : 'ok\n',
    ...extra,
  };
}

/** `result('x', 'fail', 'pass')`: attempts in order; `{ baseline: 'pass' }` adds the released-core re-test. */
export function result(plugin: string, ...outcomes: Array<Attempt['outcome'] | { baseline: Attempt['outcome'] }>): PluginResult {
  const attempts: Attempt[] = [];
  let baseline: Attempt | undefined;
  for (const o of outcomes) {
    if (typeof o === 'string') attempts.push(attempt(o));
    else baseline = attempt(o.baseline);
  }
  return { plugin, version: '1.0.0', attempts, ...(baseline ? { baseline } : {}) };
}

export function compatRun(id: string, day: number, results: PluginResult[], core: CoreBuild = developCore): CompatRun {
  const startedAt = `2026-01-${String(day).padStart(2, '0')}T02:00:00.000Z`;
  return { schema: COMPAT_SCHEMA, id, startedAt, finishedAt: startedAt, core, releaseCore, results };
}

/** Classifies a chain of runs, each against the one before. */
export function chain(...runs: CompatRun[]): StoredRun[] {
  const stored: StoredRun[] = [];
  for (const run of runs) stored.push(classifyRun({ current: run, previous: stored.at(-1) }));
  return stored;
}

export const classOf = (run: StoredRun, plugin: string) => run.results.find((r) => r.plugin === plugin)?.class;
