/**
 * The compat action as the workflow runs it: `node src/actions/compat.ts` with the inputs and
 * files GitHub provides (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP), once per job:
 * plan, two shards on "separate machines" (each with its own temp folder, the core artifact
 * copied as download-artifact would), and the report, which pushes the results branch.
 */
import { execa } from 'execa';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoFleet, type DemoFleet } from '../../src/adapters/demo/create-demo-fleet.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';

const ACTION = join(import.meta.dirname, '../../src/actions/compat.ts');

interface Step {
  exitCode: number | undefined;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

let fleet: DemoFleet;

/** Runs the action once in a fresh runner folder; `inputs` as in `with:`. */
async function step(inputs: Record<string, string>, runnerTemp = tempDir('slipway-runner-')): Promise<Step & { runnerTemp: string }> {
  const outputFile = join(runnerTemp, 'github-output');
  const summaryFile = join(runnerTemp, 'step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: fleet.fleetDir,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_RUN_ID: '777',
    GITHUB_REPOSITORY: 'acme/plugins',
    GITHUB_SERVER_URL: 'https://github.com',
    npm_config_registry: 'http://127.0.0.1:9/',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = await execa(process.execPath, [ACTION], { env, reject: false, cwd: fleet.fleetDir });
  return { exitCode: result.exitCode, stdout: result.stdout, outputs: readOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), runnerTemp };
}

/** GITHUB_OUTPUT's `name<<delimiter` … `delimiter` blocks. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

let plan: Step & { runnerTemp: string };
let shards: Array<Step & { runnerTemp: string }>;
let report: Step & { runnerTemp: string };
const reportResults = () => join(report.runnerTemp, 'downloaded');

beforeAll(async () => {
  fleet = await createDemoFleet(tempDir('slipway-compat-action-'));
  plan = await step({ mode: 'plan', 'max-shards': '2' });
  if (plan.exitCode !== 0) throw new Error(`plan failed:\n${plan.stdout}`);
  const matrix = JSON.parse(plan.outputs['matrix']!) as { include: Array<{ shard: number; plugins: string[] }> };
  shards = await Promise.all(
    matrix.include.map(async (entry) => {
      const runnerTemp = tempDir('slipway-runner-');
      // actions/download-artifact of slipway-compat-core into the shard's own runner.
      cpSync(plan.outputs['core-artifact']!, join(runnerTemp, 'core'), { recursive: true });
      return step({ mode: 'run', shard: String(entry.shard), plugins: JSON.stringify(entry.plugins), 'core-artifact': join(runnerTemp, 'core') }, runnerTemp);
    }),
  );
  const runnerTemp = tempDir('slipway-runner-');
  mkdirSync(join(runnerTemp, 'downloaded'));
  for (const shard of shards) cpSync(shard.outputs['result-file']!, join(runnerTemp, 'downloaded', shard.outputs['result-file']!.split('/').at(-1)!));
  // No catalog here: GITHUB_REPOSITORY names a repository on github.com, which tests never reach.
  report = await step({ mode: 'report', results: join(runnerTemp, 'downloaded'), matrix: plan.outputs['matrix']!, catalog: 'false' }, runnerTemp);
}, 180_000);
afterAll(cleanupTempDirs);

describe('the compat action, job by job', () => {
  it('plan: a matrix of at most max-shards entries holding every plugin, and the core built once', () => {
    expect(plan.outputs).toMatchObject({ shards: '2', plugins: '5', 'core-version': '2.0.0-dev' });
    const matrix = JSON.parse(plan.outputs['matrix']!);
    expect(matrix.include.map((e: { shard: number }) => e.shard)).toEqual([1, 2]);
    expect(matrix.include.flatMap((e: { plugins: string[] }) => e.plugins).sort()).toEqual(fleet.plugins.toSorted());
    for (const channel of ['develop', 'release']) expect(existsSync(join(plan.outputs['core-artifact']!, channel, 'core.json'))).toBe(true);
    expect(plan.summary).toMatch(/5 plugin\(s\) in 2 shard\(s\)/);
  });

  it('run: each shard tests its plugins against the downloaded core and writes its results file', () => {
    for (const shard of shards) {
      expect(shard.exitCode, shard.stdout).toBe(0);
      const result = JSON.parse(readFileSync(shard.outputs['result-file']!, 'utf8'));
      expect(result.core).toMatchObject({ channel: 'develop', version: '2.0.0-dev' });
      expect(result.results.length).toBeGreaterThan(0);
    }
  });

  it('report: classifies, sets one output per class, writes the job summary and pushes the results branch', async () => {
    expect(report.exitCode, report.stdout).toBe(0);
    expect(report.outputs).toMatchObject({ regressed: '1', 'still-broken': '0', fixed: '0', flaky: '0', infra: '0', passed: '4', 'run-id': '777' });
    expect(report.summary).toContain('### Regressed (1)');
    expect(report.summary).toContain('| @demo/plugin-slack | 1.0.0 | passes | slack.post goes to #general unless a channel is given |');
    expect(readFileSync(report.outputs['report-html']!, 'utf8')).toContain('data-plugin="@demo/plugin-slack"');
    const runs = (await execa('git', ['ls-tree', '--name-only', 'slipway-compat', 'runs/'], { cwd: fleet.remoteDir })).stdout;
    expect(runs).toMatch(/^runs\/.+_777\.json$/);
  });

  it('report, rerun: finds the stored run and pushes nothing', async () => {
    const tip = (await execa('git', ['rev-parse', 'slipway-compat'], { cwd: fleet.remoteDir })).stdout;
    const again = await step({ mode: 'report', results: reportResults(), matrix: plan.outputs['matrix']!, catalog: 'false' });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.stdout).toContain('already stored');
    expect((await execa('git', ['rev-parse', 'slipway-compat'], { cwd: fleet.remoteDir })).stdout).toBe(tip);
  });

  it('run without the core artifact fails the step, naming the folder and what to do', async () => {
    const missing = await step({ mode: 'run', shard: '1', plugins: '@demo/plugin-http', 'core-artifact': '/nonexistent/core' });
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain('::error::slipway compat: /nonexistent/core: no core build found');
    expect(missing.stdout).toContain('download the core artifact');
  });
});
