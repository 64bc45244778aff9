/**
 * The compat workflows and action.yml: actionlint and our policy pass, shard jobs only read,
 * and every input the action reads is declared (and described) in action.yml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkflows } from '../../scripts/workflow-policy.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const reusable = parse(read('.github/workflows/compat.yml'));
const starter = parse(read('workflows/compat.yml'));
const action = parse(read('actions/compat/action.yml'));

describe('the compat workflows', () => {
  it('pass actionlint and the permissions/injection policy', async () => {
    expect(await checkWorkflows(ROOT, ['.github/workflows/compat.yml', 'workflows/compat.yml'])).toEqual([]);
  }, 60_000);

  // actions: read finds the commit of slipway the workflow was called at (test/workflows/pinning.test.ts).
  it('give the shard jobs (and the plan) nothing but contents: read; only the report writes', () => {
    expect(reusable.jobs.run.permissions).toEqual({ contents: 'read', actions: 'read' });
    expect(reusable.jobs.plan.permissions).toEqual({ contents: 'read', actions: 'read' });
    expect(reusable.jobs.report.permissions).toEqual({ contents: 'write', issues: 'write', actions: 'read' });
    expect(reusable.permissions).toBeUndefined();
  });

  it('run every shard of the plan’s matrix to the end, and report even when a shard failed', () => {
    expect(reusable.jobs.run.strategy).toEqual({ 'fail-fast': false, matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' });
    expect(reusable.jobs.report.needs).toEqual(['plan', 'run']);
    expect(reusable.jobs.report.if).toBe("always() && needs.plan.result == 'success'");
    for (const job of Object.values(reusable.jobs) as Array<{ 'timeout-minutes'?: unknown }>) expect(job['timeout-minutes']).toBeDefined();
  });

  it('set up the JDK of the java-version input (default 21) and restore the Maven and Gradle caches where the core is built and plugins tested', () => {
    expect(reusable.on.workflow_call.inputs['java-version']).toMatchObject({ type: 'string', default: '21' });
    for (const job of ['plan', 'run']) {
      const steps = reusable.jobs[job].steps as Array<{ uses?: string; with?: Record<string, string> }>;
      const java = steps.find((s) => s.uses?.startsWith('actions/setup-java@'));
      expect(java?.with).toMatchObject({ 'java-version': '${{ inputs.java-version }}', distribution: '${{ inputs.java-distribution }}' });
      const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
      expect(cache?.with?.['path']).toEqual(expect.stringContaining('~/.m2/repository'));
      expect(cache?.with?.['path']).toEqual(expect.stringContaining('~/.gradle/caches'));
      // Before slipway runs: the core build and the plugin tests find the JDK and the caches.
      const slipway = steps.findIndex((s) => s.uses?.endsWith('/actions/compat'));
      expect(slipway).toBeGreaterThan(0);
      expect(steps.indexOf(cache!)).toBeLessThan(slipway);
    }
    expect(reusable.jobs.report.steps.some((s: { uses?: string }) => s.uses?.startsWith('actions/setup-java@'))).toBe(false);
  });

  it('start on Saturdays and by hand', () => {
    expect(starter.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* 6$/);
    expect(starter.on.workflow_dispatch).toBeDefined();
    expect(starter.jobs.compat.uses).toBe('slipway-dev/slipway/.github/workflows/compat.yml@v1');
  });
});

describe('actions/compat/action.yml', () => {
  it('runs the compat bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: '../../dist/compat.js' });
  });

  it('declares and describes every input the action reads, and every output it sets', () => {
    const source = read('src/actions/compat.ts');
    const read_ = [...source.matchAll(/(?:string|boolean|integer|choice|required|secret)Input\('([\w-]+)'/g)].map((m) => m[1]!);
    const set = [...source.matchAll(/setOutput\('([\w-]+)'/g)].map((m) => m[1]!);
    expect(read_.length).toBeGreaterThan(10);
    for (const name of read_) expect(action.inputs[name]?.description, `input ${name}`).toBeTruthy();
    for (const name of set) expect(action.outputs[name]?.description, `output ${name}`).toBeTruthy();
    // The per-class outputs are set in a loop.
    for (const cls of ['regressed', 'still-broken', 'fixed', 'flaky', 'infra', 'passed']) expect(action.outputs[cls]?.description).toBeTruthy();
  });
});
