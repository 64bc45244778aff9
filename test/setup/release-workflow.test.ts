/**
 * The release workflows: they pass actionlint and our policy, the ship job is the one the
 * Environment gates (environment, needs plan, minimal permissions), and every slipway action
 * step passes inputs its action.yml declares.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkflows } from '../../scripts/workflow-policy.ts';

const root = join(import.meta.dirname, '../..');
const FILES = ['.github/workflows/release.yml', 'workflows/release.yml', '.github/workflows/validate.yml', 'workflows/validate.yml'];

type Step = { id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
type Job = { needs?: string | string[]; if?: string; environment?: unknown; permissions?: Record<string, string>; 'timeout-minutes'?: number; concurrency?: { group: string; 'cancel-in-progress': boolean }; steps?: Step[]; uses?: string; with?: Record<string, unknown> };
type Workflow = { on: Record<string, { inputs?: Record<string, { default?: unknown; type?: string }>; secrets?: Record<string, unknown> }> & { schedule?: unknown }; jobs: Record<string, Job> };

const load = (file: string) => parse(readFileSync(join(root, file), 'utf8')) as Workflow;
const reusable = load('.github/workflows/release.yml');
const starter = load('workflows/release.yml');
const steps = (job: string) => reusable.jobs[job]!.steps!;
const step = (job: string, id: string) => steps(job).find((s) => s.id === id)!;

describe('the release workflows', () => {
  it('pass actionlint and the permissions/injection policy', async () => {
    expect(await checkWorkflows(root, FILES)).toEqual([]);
  });

  it('gate the ship job with the Environment, after the plan, with only the permissions it uses', () => {
    const ship = reusable.jobs['ship']!;
    expect(ship.environment).toBe('${{ inputs.environment }}');
    expect(reusable.on['workflow_call']!.inputs!['environment']!.default).toBe('release');
    expect(ship.needs).toBe('plan');
    // actions: read finds the commit of slipway the workflow was called at (test/workflows/pinning.test.ts).
    expect(ship.permissions).toEqual({ contents: 'write', 'id-token': 'write', actions: 'read' });
    expect(reusable.jobs['plan']!.permissions).toEqual({ contents: 'read', actions: 'read' });
    // Only the job that dispatches the index workflow may start workflows.
    expect(reusable.jobs['index']!.permissions).toEqual({ actions: 'write' });
    expect(reusable.jobs['index']!.needs).toBe('ship');
  });

  it('give every job a time limit, and never run two ship jobs at once', () => {
    for (const [name, job] of Object.entries(reusable.jobs)) expect(job['timeout-minutes'], name).toBeGreaterThan(0);
    expect(reusable.jobs['ship']!.concurrency).toEqual({ group: 'slipway-release-${{ github.repository }}', 'cancel-in-progress': false });
  });

  it('ship exactly the approved plan: the artifact is checked against the plan job\'s hash or the quoted one', () => {
    expect(reusable.jobs['plan']!.steps!.some((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.['name'] === 'slipway-plan')).toBe(true);
    expect(step('ship', 'download-plan').with).toMatchObject({ name: 'slipway-plan' });
    expect(step('ship', 'release').with!['plan-hash']).toBe("${{ inputs.approval-gate == 'plan-hash' && inputs.approve-plan-hash || needs.plan.outputs.hash }}");
    // The fallback gate: without a quoted hash, the ship job does not run at all.
    expect(reusable.jobs['ship']!.if).toBe("needs.plan.outputs.count != '0' && (inputs.approval-gate == 'environment' || inputs.approve-plan-hash != '')");
  });

  it('check out full history in both jobs, and push only from ship', () => {
    const checkout = (job: string) => steps(job).find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout('plan').with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
    expect(checkout('ship').with).toMatchObject({ 'fetch-depth': 0 });
    expect(checkout('ship').with!['persist-credentials']).toBeUndefined();
  });

  it('alert Slack when the plan or ship job fails', () => {
    for (const job of ['plan', 'ship']) {
      const alert = steps(job).find((s) => s.if === 'failure()')!;
      expect(alert.uses).toBe('./.slipway-action/actions/release-notice');
      expect(alert.with).toMatchObject({ event: 'failure', job, steps: '${{ toJSON(steps) }}' });
    }
  });

  it('pass each slipway action only inputs its action.yml declares, and every required one', () => {
    const problems: string[] = [];
    for (const [name, job] of Object.entries(reusable.jobs)) {
      for (const s of job.steps ?? []) {
        const match = /^\.\/\.slipway-action\/actions\/([\w-]+)$/.exec(s.uses ?? '');
        if (!match) continue;
        const file = join(root, 'actions', match[1]!, 'action.yml');
        if (!existsSync(file)) {
          problems.push(`${name}: actions/${match[1]}/action.yml does not exist`);
          continue;
        }
        const action = parse(readFileSync(file, 'utf8')) as { inputs: Record<string, { required?: boolean; default?: unknown }>; runs: { main: string } };
        for (const input of Object.keys(s.with ?? {})) if (!(input in action.inputs)) problems.push(`${name}/${s.id}: ${match[1]} has no input "${input}"`);
        for (const [input, spec] of Object.entries(action.inputs)) if (spec.required && spec.default === undefined && !(input in (s.with ?? {}))) problems.push(`${name}/${s.id}: required input "${input}" of ${match[1]} is missing`);
        const entry = /^\.\.\/\.\.\/dist\/([\w-]+)\.js$/.exec(action.runs.main)?.[1];
        if (!entry || !existsSync(join(root, 'src/actions', `${entry}.ts`))) problems.push(`${match[1]}: runs.main ${action.runs.main} has no src/actions entry`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the starter calls it daily and on demand, granting what its jobs need', () => {
    expect(Object.keys(starter.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const job = starter.jobs['release']!;
    expect(job.uses).toBe('slipway-dev/slipway/.github/workflows/release.yml@v1');
    expect(job.permissions).toEqual({ contents: 'write', 'id-token': 'write', actions: 'write' });
    expect(job.with).toMatchObject({ environment: 'release', 'approve-plan-hash': "${{ inputs.approve-plan-hash || '' }}" });
    const declared = Object.keys(reusable.on['workflow_call']!.inputs!);
    for (const input of Object.keys(job.with ?? {})) expect(declared).toContain(input);
  });

  it('pass a manual run\'s `plugins` to the plan step and its `dist-tag` to the release step, never into a script', () => {
    const inputs = reusable.on['workflow_call']!.inputs!;
    expect(inputs['plugins']).toMatchObject({ type: 'string', default: '' });
    expect(inputs['dist-tag']).toMatchObject({ type: 'string', default: '' });
    expect(step('plan', 'plan').with).toMatchObject({ plugins: '${{ inputs.plugins }}', set: '${{ inputs.set-versions }}', bump: '${{ inputs.bump }}' });
    expect(step('ship', 'release').with).toMatchObject({ 'dist-tag': '${{ inputs.dist-tag }}' });
    // A person types these: they reach the actions as inputs (which check them), never shell code.
    for (const job of Object.values(reusable.jobs)) for (const s of job.steps ?? []) expect(s.run ?? '').not.toMatch(/inputs\.(plugins|dist-tag)/);

    const dispatch = starter.on['workflow_dispatch']!.inputs!;
    expect(Object.keys(dispatch)).toEqual(expect.arrayContaining(['plugins', 'dist-tag']));
    expect(starter.jobs['release']!.with).toMatchObject({ plugins: "${{ inputs.plugins || '' }}", 'dist-tag': "${{ inputs.dist-tag || '' }}" });
  });

  it('the org release passes its `dist-tag` to the ship step, which declares it', () => {
    const org = load('.github/workflows/org-release.yml');
    expect(org.on['workflow_call']!.inputs!['dist-tag']).toMatchObject({ type: 'string', default: '' });
    const ship = org.jobs['ship']!.steps!.find((s) => s.id === 'ship')!;
    expect(ship.with).toMatchObject({ mode: 'ship', 'dist-tag': '${{ inputs.dist-tag }}' });
    const action = parse(readFileSync(join(root, 'actions/org-release/action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(action.inputs).toHaveProperty('dist-tag');
    const orgStarter = load('workflows/org-release.yml');
    expect(orgStarter.on['workflow_dispatch']!.inputs).toHaveProperty('dist-tag');
    expect(orgStarter.jobs['release']!.with).toMatchObject({ 'dist-tag': "${{ inputs.dist-tag || '' }}" });
  });

  it('validate pull requests with read-only permissions and the full history', () => {
    const validate = load('.github/workflows/validate.yml').jobs['validate']!;
    expect(validate.permissions).toEqual({ contents: 'read', actions: 'read' });
    expect(validate.steps!.find((s) => s.uses?.startsWith('actions/checkout@'))!.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
    expect(Object.keys(load('workflows/validate.yml').on)).toEqual(['pull_request']);
  });
});
