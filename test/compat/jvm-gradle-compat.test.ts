/**
 * compat of a Gradle fleet for real with Debian's Gradle 4.4.1 (old, but it builds a small
 * offline Java project): a multi-project core's develop branch published with
 * `publishToMavenLocal`, two subprojects of a fleet without a wrapper tested from the build
 * root (`gradle :plugin-regress:test`), plan and shard on machines of their own. (The re-test
 * against the released core is the Maven spec's: each Gradle 4.4.1 start is slow.)
 */
import { execa } from 'execa';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config-file.ts';
import type { CoreBuild, ShardResult } from '../../src/core/compat/compat-run.ts';
import { parseShardResult } from '../../src/core/compat/parse-results.ts';
import type { CompatMatrix } from '../../src/core/compat/plan-shards.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { reportCompat, type CompatReport } from '../../src/jobs/compat/report.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { checkout, gradleCoreRepository, gradleFleetRepository, gradleMachine } from './jvm-fleet.ts';

const MACHINE = join(import.meta.dirname, 'jvm-machine.ts');

async function onMachine(env: Record<string, string>, step: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await execa(process.execPath, [MACHINE, JSON.stringify(step)], { env: { ...process.env, ...env }, reject: false, all: true });
  if (result.exitCode !== 0) throw new Error(`step ${String(step['step'])} failed (exit ${result.exitCode}):\n${result.all}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

let plan: { matrix: CompatMatrix; planned: string[]; tested: CoreBuild; release?: CoreBuild };
let artifact: string;
let shard: ShardResult;
let shardHome: string;
let report: CompatReport;

beforeAll(async () => {
  const core = gradleCoreRepository();
  const fleet = gradleFleetRepository(core);
  const planCheckout = checkout(fleet);
  artifact = join(tempDir('slipway-gradle-artifact-'), 'core');
  plan = (await onMachine(gradleMachine().env, { step: 'plan', cwd: planCheckout, artifactDir: artifact, workDir: tempDir('slipway-gradle-work-') })) as unknown as typeof plan;

  const machine = gradleMachine();
  shardHome = machine.home;
  const downloaded = join(tempDir('slipway-gradle-download-'), 'core');
  cpSync(artifact, downloaded, { recursive: true });
  const resultFile = join(tempDir('slipway-gradle-results-'), 'shard-1.json');
  const [only] = plan.matrix.include;
  await onMachine(machine.env, { step: 'run', cwd: checkout(fleet), artifactDir: downloaded, workDir: tempDir('slipway-gradle-work-'), shard: 1, plugins: only?.plugins ?? [], resultFile });
  shard = parseShardResult(readFileSync(resultFile, 'utf8'), resultFile);
  report = await reportCompat({ config: await loadConfig(planCheckout), reporter: memoryReporter(), shards: [shard], runId: 'gradle-1', planned: plan.planned });
}, 900_000);

afterAll(cleanupTempDirs);

describe('compat of a Gradle fleet (Debian’s Gradle 4.4.1)', () => {
  it('builds the core with publishToMavenLocal and reads the version the build produced', () => {
    expect(plan.tested).toMatchObject({ ref: 'develop', version: '1.1.0-SNAPSHOT' });
    expect(plan.release).toBeUndefined();
    expect(readdirSync(join(artifact, 'develop/repository/com/acme/api/1.1.0-SNAPSHOT'))).toEqual(expect.arrayContaining(['api-1.1.0-SNAPSHOT.jar', 'api-1.1.0-SNAPSHOT.pom']));
  });

  it('tests each subproject from the build root by its task path, against the core in the shard’s own ~/.m2', () => {
    const byName = Object.fromEntries(shard.results.map((r) => [r.plugin, r]));
    expect(byName['plugin-regress']!.attempts[0]!.logTail).toMatch(/:plugin-regress:compileTestJava/);
    expect(byName['plugin-regress']!.attempts[0]!.logTail).not.toMatch(/:plugin-pass:/);
    // The shard's ~/.m2 started empty: the develop core is there only because slipway put it there.
    expect(readdirSync(join(shardHome, '.m2/repository/com/acme/api')).filter((v) => /^\d/.test(v))).toEqual(['1.1.0-SNAPSHOT']);
    expect(byName['plugin-pass']!.attempts.map((a) => a.outcome)).toEqual(['pass']);
  });

  it('leaves no Gradle process running (the machines turn the daemon off)', async () => {
    const { stdout } = await execa('ps', ['-eo', 'args'], { reject: false });
    expect(stdout.split('\n').filter((line) => line.includes('slipway-gradle-home-'))).toEqual([]);
  });

  it('classifies: the plugin using the renamed API regressed (it fails to compile), the other passed', () => {
    expect(Object.fromEntries(report.run.results.map((r) => [r.plugin, r.class]))).toEqual({ 'plugin-pass': 'passed', 'plugin-regress': 'regressed' });
    const regress = report.run.results.find((r) => r.plugin === 'plugin-regress');
    expect(regress?.attempts[0]?.reason).toBe('does not compile: PluginTest.java:6: cannot find symbol (method run(String))');
  });
});
