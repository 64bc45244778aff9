/**
 * Org mode with Maven plugin repositories, for real: slipway.yml lives in an npm repository,
 * the organisation (listed through the local GitHub server) holds one Maven repository per
 * plugin, and each is tested with Maven because its checkout is a Maven project — nothing
 * assumes npm. Plan and shard run on machines of their own.
 */
import { execa, execaSync } from 'execa';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config-file.ts';
import type { CoreBuild, ShardResult } from '../../src/core/compat/compat-run.ts';
import { parseShardResult } from '../../src/core/compat/parse-results.ts';
import type { CompatMatrix } from '../../src/core/compat/plan-shards.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { reportCompat, type CompatReport } from '../../src/jobs/compat/report.ts';
import { startHarness, type Harness } from '../github/harness.ts';
import { cleanupTempDirs, repo, tempDir } from '../helpers/repo.ts';
import { companyRepository, coreRepository, machine, pluginRepository } from './jvm-fleet.ts';

const MACHINE = join(import.meta.dirname, 'jvm-machine.ts');

async function onMachine(env: Record<string, string>, step: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await execa(process.execPath, [MACHINE, JSON.stringify(step)], { env: { ...process.env, ...env }, reject: false, all: true });
  if (result.exitCode !== 0) throw new Error(`step ${String(step['step'])} failed (exit ${result.exitCode}):\n${result.all}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

let h: Harness;
let plan: { matrix: CompatMatrix; planned: string[]; tested: CoreBuild };
let shard: ShardResult;
let report: CompatReport;

beforeAll(async () => {
  h = await startHarness();
  h.github.state.addOrg('acme');
  h.github.state.addRepo('acme/plugin-pass', { topics: ['acme-plugin'] });
  h.github.state.addRepo('acme/plugin-regress', { topics: ['acme-plugin'] });
  h.github.state.addRepo('acme/website', { topics: [] });
  const remotes = tempDir('slipway-jvm-remotes-');
  for (const name of ['plugin-pass', 'plugin-regress'] as const) execaSync('git', ['clone', '-q', '--bare', '--', pluginRepository(name).dir, join(remotes, 'acme', `${name}.git`)]);

  const company = companyRepository();
  const core = coreRepository();
  // The repository holding slipway.yml is an npm package: that says nothing about the plugins.
  const fleet = repo()
    .files({
      'package.json': JSON.stringify({ name: '@acme/compat-config', version: '1.0.0', private: true }) + '\n',
      'slipway.yml': `core:
  repository: ${core.dir}
  branch: develop
compat:
  baseline: stored-run
  retries: 0
  results:
    remote: ''
  org:
    name: acme
    topic: acme-plugin
    cloneUrl: file://${remotes}/{repo}.git
`,
    })
    .commit('chore: compat configuration');
  const github = { baseUrl: h.github.url, token: h.github.token };

  const artifact = join(tempDir('slipway-jvm-artifact-'), 'core');
  plan = (await onMachine(machine(company).env, { step: 'plan', cwd: fleet.dir, artifactDir: artifact, workDir: tempDir('slipway-jvm-work-'), github })) as unknown as typeof plan;
  const downloaded = join(tempDir('slipway-jvm-download-'), 'core');
  cpSync(artifact, downloaded, { recursive: true });
  const resultFile = join(tempDir('slipway-jvm-results-'), 'shard-1.json');
  const plugins = plan.matrix.include.flatMap((entry) => entry.plugins);
  await onMachine(machine(company).env, { step: 'run', cwd: fleet.dir, artifactDir: downloaded, workDir: tempDir('slipway-jvm-work-'), shard: 1, plugins, resultFile, github });
  shard = parseShardResult(readFileSync(resultFile, 'utf8'), resultFile);
  report = await reportCompat({ config: await loadConfig(fleet.dir), reporter: memoryReporter(), shards: [shard], runId: 'org-1', planned: plan.planned });
}, 900_000);

afterAll(async () => {
  h?.github.assertNoViolations();
  await h?.github.close();
  cleanupTempDirs();
});

describe('org mode with Maven plugin repositories', () => {
  it('plans the organisation’s plugin repositories and builds the Maven core it finds in the core checkout', () => {
    expect(plan.planned).toEqual(['acme/plugin-pass', 'acme/plugin-regress']);
    expect(plan.tested).toMatchObject({ version: '1.1.0-SNAPSHOT' });
  });

  it('tests each cloned repository with Maven, reading its version from its pom', () => {
    const byName = Object.fromEntries(shard.results.map((r) => [r.plugin, r]));
    expect(byName['acme/plugin-pass']).toMatchObject({ version: '0.1.0', attempts: [{ outcome: 'pass' }] });
    expect(byName['acme/plugin-pass']!.attempts[0]!.logTail).toMatch(/Tests run: 1, Failures: 0/);
    expect(byName['acme/plugin-regress']).toMatchObject({ version: '0.2.0', attempts: [{ outcome: 'fail', stage: 'test' }] });
  });

  it('classifies the plugin using the renamed API as regressed, the other as passed', () => {
    expect(Object.fromEntries(report.run.results.map((r) => [r.plugin, r.class]))).toEqual({ 'acme/plugin-pass': 'passed', 'acme/plugin-regress': 'regressed' });
  });
});
