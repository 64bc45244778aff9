/**
 * Pinning carries through: a caller that pins slipway's reusable workflow (a tag, a branch, a
 * full SHA, or a fork set up with `init --action-ref`) runs every slipway step at that commit.
 * GitHub resolves `uses: slipway-dev/slipway/actions/plan@v1` inside a reusable workflow to v1,
 * whatever the caller pinned; so each job finds the commit its workflow was called at (the run's
 * referenced_workflows), checks slipway out there and runs the actions from that checkout.
 */
import { execa } from 'execa';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { policyFindings, workflowFiles } from '../../scripts/workflow-policy.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const NODE = process.execPath;
const PINNED = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
/** A dot folder: plugin discovery (tinyglobby, dot: false) never walks into it. */
const CHECKOUT = '.slipway-action';

interface Step {
  id?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  steps?: Step[];
}

const reusable = workflowFiles(ROOT).filter((file) => file.startsWith('.github/workflows/'));
function jobsOf(file: string): [string, Job][] {
  const doc = parseDocument(readFileSync(join(ROOT, file), 'utf8')).toJS() as { jobs: Record<string, Job> };
  return Object.entries(doc.jobs);
}
const slipwaySteps = (job: Job) => (job.steps ?? []).filter((s) => s.uses?.startsWith(`./${CHECKOUT}/`));

let github: GitHubServer;
beforeAll(async () => {
  github = await startGitHubServer();
  github.state.addOrg('acme');
  github.state.addRepo('acme/plugins');
});
afterAll(async () => {
  await github.close();
  cleanupTempDirs();
});

/** Runs a job's slipway-ref step as the runner would (`shell: node {0}`), for the run `runId`. */
async function resolve(step: Step, runId: number) {
  const dir = tempDir('slipway-pin-');
  const script = join(dir, 'script');
  const output = join(dir, 'output');
  writeFileSync(script, step.run ?? '');
  writeFileSync(output, '');
  const run = await execa(NODE, [script], {
    reject: false,
    cwd: dir,
    extendEnv: false,
    env: {
      PATH: process.env.PATH,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/plugins',
      GITHUB_RUN_ID: String(runId),
      GITHUB_OUTPUT: output,
      GITHUB_TOKEN: github.token,
      SLIPWAY_WORKFLOW: step.env?.SLIPWAY_WORKFLOW,
    },
  });
  return { exitCode: run.exitCode, stdout: run.stdout, outputs: readFileSync(output, 'utf8') };
}

describe('a caller pinned to a SHA runs every slipway step at that SHA', () => {
  it.each(reusable)('%s names no slipway action at a fixed ref', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/slipway\/actions\/[\w-]+@/);
  });

  it.each(reusable)('%s: every job that runs slipway checks it out at the called commit first, with actions: read', (file) => {
    const jobs = jobsOf(file).filter(([, job]) => slipwaySteps(job).length > 0);
    expect(jobs.length).toBeGreaterThan(0);
    for (const [name, job] of jobs) {
      const steps = job.steps ?? [];
      const at = steps.findIndex((s) => s.id === 'slipway-ref');
      expect(at, `${file} job ${name}`).toBeGreaterThanOrEqual(0);
      expect(steps[at]?.shell).toBe('node {0}');
      expect(steps[at]?.env?.SLIPWAY_WORKFLOW).toBe(file.split('/').pop());
      const checkout = steps[at + 1];
      expect(checkout?.uses).toMatch(/^actions\/checkout@/);
      expect(checkout?.with).toMatchObject({
        repository: '${{ steps.slipway-ref.outputs.repository }}',
        ref: '${{ steps.slipway-ref.outputs.sha }}',
        path: CHECKOUT,
        'persist-credentials': false,
      });
      // No slipway step before the checkout, and each one names an action this repository has.
      for (const [i, step] of steps.entries()) {
        if (!step.uses?.startsWith(`./${CHECKOUT}/`)) continue;
        expect(i, `${file} job ${name} step ${step.id ?? step.uses}`).toBeGreaterThan(at + 1);
        expect(existsSync(join(ROOT, step.uses.slice(`./${CHECKOUT}/`.length), 'action.yml'))).toBe(true);
      }
      expect(['read', 'write'], `${file} job ${name}: actions permission`).toContain(job.permissions?.actions);
    }
  });

  it('every copy of the resolving script is the same', () => {
    const scripts = new Set(reusable.flatMap((file) => jobsOf(file).flatMap(([, job]) => (job.steps ?? []).filter((s) => s.id === 'slipway-ref').map((s) => s.run))));
    expect(scripts.size).toBe(1);
  });

  it.each(reusable)('%s resolves to the pinned SHA, in slipway or in a fork, among other reusable workflows', async (file) => {
    const name = file.split('/').pop() ?? '';
    for (const repository of ['slipway-dev/slipway', 'a-fork/slipway-fork']) {
      const run = github.state.addRun('acme/plugins', {
        workflowId: 'release.yml',
        referencedWorkflows: [
          { path: `acme/shared/.github/workflows/lint.yml@main`, sha: 'a'.repeat(40), ref: 'refs/heads/main' },
          { path: `${repository}/.github/workflows/${name}@${PINNED}`, sha: PINNED },
        ],
      });
      for (const [job, steps] of jobsOf(file).map(([n, j]) => [n, j.steps ?? []] as const)) {
        const step = steps.find((s) => s.id === 'slipway-ref');
        if (!step) continue;
        const result = await resolve(step, run.id);
        expect(result.exitCode, `${file} ${job}: ${result.stdout}`).toBe(0);
        expect(result.outputs).toBe(`repository=${repository}\nsha=${PINNED}\n`);
      }
    }
  });

  it('a branch or tag pin resolves to the commit GitHub resolved it to when the run started', async () => {
    const step = jobsOf('.github/workflows/release.yml')[0]?.[1].steps?.find((s) => s.id === 'slipway-ref');
    const sha = 'b'.repeat(40);
    const run = github.state.addRun('acme/plugins', {
      workflowId: 'release.yml',
      referencedWorkflows: [{ path: 'slipway-dev/slipway/.github/workflows/release.yml@v1', sha, ref: 'refs/tags/v1' }],
    });
    expect((await resolve(step ?? {}, run.id)).outputs).toBe(`repository=slipway-dev/slipway\nsha=${sha}\n`);
  });

  it('stops with an error annotation when the run names no such workflow, or two, or the API refuses', async () => {
    const step = jobsOf('.github/workflows/release.yml')[0]?.[1].steps?.find((s) => s.id === 'slipway-ref') ?? {};
    const none = github.state.addRun('acme/plugins', { workflowId: 'release.yml', referencedWorkflows: [] });
    const none_ = await resolve(step, none.id);
    expect(none_.exitCode).toBe(1);
    expect(none_.stdout).toContain('::error::expected one reusable workflow */.github/workflows/release.yml in this run, found 0');
    const two = github.state.addRun('acme/plugins', {
      workflowId: 'release.yml',
      referencedWorkflows: [
        { path: 'slipway-dev/slipway/.github/workflows/release.yml@v1', sha: 'b'.repeat(40) },
        { path: 'slipway-dev/slipway/.github/workflows/release.yml@v2', sha: 'c'.repeat(40) },
      ],
    });
    expect((await resolve(step, two.id)).stdout).toContain('found 2');
    const missing = await resolve(step, 999_999);
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain('HTTP 404 (the calling job must grant actions: read)');
    // A path or SHA that is not what GitHub writes never reaches GITHUB_OUTPUT.
    const hostile = github.state.addRun('acme/plugins', {
      workflowId: 'release.yml',
      referencedWorkflows: [{ path: 'x/y\nsha=evil/.github/workflows/release.yml@v1', sha: 'b'.repeat(40) }],
    });
    const refused = await resolve(step, hostile.id);
    expect(refused.exitCode).toBe(1);
    expect(refused.outputs).toBe('');
    expect(github.violations).toEqual([]);
  });
});

describe('the starters grant what the reusable workflows need', () => {
  it.each(workflowFiles(ROOT).filter((file) => file.startsWith('workflows/')))('%s grants actions read or write', (file) => {
    const doc = parseDocument(readFileSync(join(ROOT, file), 'utf8'));
    const jobs = doc.get('jobs');
    expect(isMap(jobs)).toBe(true);
    for (const pair of (jobs as YAMLMap).items) {
      const job = pair.value;
      if (!isMap(job) || !job.has('uses')) continue;
      const permissions = job.get('permissions');
      expect(isMap(permissions) && ['read', 'write'].includes(String((permissions as YAMLMap).get('actions')))).toBe(true);
    }
  });
});

describe('the workflow policy', () => {
  it('flags a reusable workflow step that runs a slipway action at a fixed ref', () => {
    const text = `on:\n  workflow_call:\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    permissions: {}\n    steps:\n      - uses: slipway-dev/slipway/actions/plan@v1\n`;
    expect(policyFindings(text, '.github/workflows/release.yml').map((f) => `${f.line}: ${f.message}`)).toEqual([
      '9: job "a": "slipway-dev/slipway/actions/plan@v1" runs slipway at a fixed ref, not the one the caller pinned; check slipway out at the called commit and use ./.slipway-action/actions/…',
    ]);
    // A caller's own workflow pins the action itself: nothing to carry through.
    expect(policyFindings(text.replace('  workflow_call:', '  push:'), '.github/workflows/release.yml')).toEqual([]);
  });
});
