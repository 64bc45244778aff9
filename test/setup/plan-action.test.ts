/** The plan action of the release workflow's plan job: plan file, hash output, summary for the approver. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashPlan } from '../../src/core/plan/plan-hash.ts';
import type { ReleasePlan } from '../../src/core/plan/release-plan.ts';
import { npmFleet } from '../validate/fixtures.ts';
import { runActionEntry } from './action-runner.ts';

describe('the plan action', () => {
  it('writes the plan file, outputs its hash, count and tags, and puts the plan in the job summary', async () => {
    const r = npmFleet().commit('feat(a): add x', { 'plugins/a/x.js': 'x' });
    const result = await runActionEntry('plan', { 'plan-file': 'out/plan.json', date: '2026-02-03' }, { GITHUB_WORKSPACE: r.dir });

    expect(result.exitCode).toBe(0);
    const plan = JSON.parse(readFileSync(result.outputs['file']!, 'utf8')) as ReleasePlan;
    expect(result.outputs['file']).toBe(`${r.dir}/out/plan.json`);
    expect(plan.releases.map((p) => [p.name, p.to])).toEqual([['a', '1.1.0']]);
    expect(plan.date).toBe('2026-02-03');
    expect(result.outputs['hash']).toBe(hashPlan(plan));
    expect(result.outputs['hash']).toBe(plan.hash);
    expect(result.outputs).toMatchObject({ count: '1', plugins: 'a', tags: '["a@1.1.0"]' });
    expect(result.summary).toContain('### slipway release plan: 1 plugin to release');
    expect(result.summary).toContain('| a | 1.0.0 | **1.1.0** | minor | 1 commit |');
  });

  it('plans only the plugins the `plugins` input names, read like `set` and `bump` (spaces, commas, lines)', async () => {
    const r = npmFleet().commit('feat(a): add x', { 'plugins/a/x.js': 'x' }).commit('fix(b): y', { 'plugins/b/y.js': 'y' });
    const all = await runActionEntry('plan', {}, { GITHUB_WORKSPACE: r.dir });
    expect(all.outputs).toMatchObject({ count: '2', plugins: 'a b' });

    const onlyB = await runActionEntry('plan', { plugins: ' b\n' }, { GITHUB_WORKSPACE: r.dir });
    expect(onlyB.exitCode, onlyB.stdout).toBe(0);
    expect(onlyB.outputs).toMatchObject({ count: '1', plugins: 'b', tags: '["b@1.0.1"]' });
    const plan = JSON.parse(readFileSync(onlyB.outputs['file']!, 'utf8')) as ReleasePlan;
    expect(onlyB.outputs['hash']).toBe(hashPlan(plan));
    expect(plan.warnings).toContain('plugins to plan: 1 planned release(s) left for a later plan: a');

    const both = await runActionEntry('plan', { plugins: 'b,\na' }, { GITHUB_WORKSPACE: r.dir });
    expect(both.outputs).toMatchObject({ count: '2', plugins: 'a b' });
  });

  it('fails on a `plugins` name that is not in the fleet, naming it and the plugins there are', async () => {
    const r = npmFleet().commit('feat(a): add x', { 'plugins/a/x.js': 'x' });
    const result = await runActionEntry('plan', { plugins: 'a nope' }, { GITHUB_WORKSPACE: r.dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('::error::slipway plan: plugins to plan: "nope" is not a plugin of this fleet, so it cannot be selected');
    expect(result.stdout).toContain('hint: use one of: a, b');
    expect(result.outputs['hash']).toBeUndefined();
  });

  it('outputs a count of 0 when nothing is to be released', async () => {
    const r = npmFleet();
    const result = await runActionEntry('plan', {}, { GITHUB_WORKSPACE: r.dir });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ count: '0', plugins: '', tags: '[]' });
  });
});
