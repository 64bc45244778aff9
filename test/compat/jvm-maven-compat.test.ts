/**
 * compat of a Maven fleet for real (Debian's JDK 17 and Maven 3.8, offline), as the workflow
 * runs it: plan on one machine (builds the multi-module core's develop branch and its v1.0.0
 * release), each shard on a machine of its own (its own HOME and ~/.m2, its own checkout of the
 * fleet, and the core artifact folder as the only thing handed over), then the report. See
 * jvm-fleet.ts for the fleet and what each plugin must come out as.
 */
import { execa } from 'execa';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config-file.ts';
import type { CoreBuild, ShardResult } from '../../src/core/compat/compat-run.ts';
import { parseShardResult } from '../../src/core/compat/parse-results.ts';
import type { CompatMatrix } from '../../src/core/compat/plan-shards.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { reportCompat, type CompatReport } from '../../src/jobs/compat/report.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { checkout, companyRepository, coreRepository, fleetRepository, machine } from './jvm-fleet.ts';

const MACHINE = join(import.meta.dirname, 'jvm-machine.ts');

/** Runs one step on a fresh machine: a child process whose HOME is that machine's. */
async function onMachine(env: Record<string, string>, step: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await execa(process.execPath, [MACHINE, JSON.stringify(step)], { env: { ...process.env, ...env }, reject: false, all: true });
  if (result.exitCode !== 0) throw new Error(`step ${String(step['step'])} failed (exit ${result.exitCode}):\n${result.all}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

interface Planned {
  matrix: CompatMatrix;
  planned: string[];
  tested: CoreBuild;
  release: CoreBuild;
}

let plan: Planned;
let planArtifact: string;
let planHome: string;
const shardHomes: string[] = [];
let shards: ShardResult[];
let report: CompatReport;

beforeAll(async () => {
  const company = companyRepository();
  const core = coreRepository();
  const fleet = fleetRepository(core);

  // plan: builds both cores into the artifact folder.
  const planMachine = machine(company);
  planHome = planMachine.home;
  const planCheckout = checkout(fleet);
  planArtifact = join(tempDir('slipway-jvm-artifact-'), 'core');
  plan = (await onMachine(planMachine.env, { step: 'plan', cwd: planCheckout, artifactDir: planArtifact, workDir: tempDir('slipway-jvm-work-') })) as unknown as Planned;

  // run: every shard on its own machine; only the artifact folder travels (upload/download-artifact).
  shards = await Promise.all(
    plan.matrix.include.map(async ({ shard, plugins }) => {
      const shardMachine = machine(company);
      shardHomes.push(shardMachine.home);
      const downloaded = join(tempDir('slipway-jvm-download-'), 'core');
      cpSync(planArtifact, downloaded, { recursive: true });
      const resultFile = join(tempDir('slipway-jvm-results-'), `shard-${shard}.json`);
      await onMachine(shardMachine.env, { step: 'run', cwd: checkout(fleet), artifactDir: downloaded, workDir: tempDir('slipway-jvm-work-'), shard, plugins, resultFile });
      return parseShardResult(readFileSync(resultFile, 'utf8'), resultFile);
    }),
  );

  // report: the shard results files are all it reads.
  report = await reportCompat({ config: await loadConfig(planCheckout), reporter: memoryReporter(), shards, runId: 'jvm-1', planned: plan.planned });
}, 1_200_000);

afterAll(cleanupTempDirs);

describe('compat of a Maven fleet on separate shard machines', () => {
  it('builds the core’s reactor version — 1.1.0-SNAPSHOT on develop, 1.0.0 at v1.0.0 — not a ref+sha', () => {
    expect(plan.tested).toMatchObject({ channel: 'develop', ref: 'develop', version: '1.1.0-SNAPSHOT' });
    expect(plan.release).toMatchObject({ channel: 'release', ref: 'v1.0.0', version: '1.0.0' });
    expect(plan.matrix.include).toHaveLength(2);
  });

  it('ships the installed SNAPSHOT (its -SNAPSHOT file names) and every module of the reactor in the artifact', () => {
    const snapshot = join(planArtifact, 'develop/repository/com/acme/core-api/1.1.0-SNAPSHOT');
    expect(readdirSync(snapshot)).toEqual(expect.arrayContaining(['core-api-1.1.0-SNAPSHOT.jar', 'core-api-1.1.0-SNAPSHOT.pom']));
    expect(existsSync(join(planArtifact, 'develop/repository/com/acme/core-parent/1.1.0-SNAPSHOT/core-parent-1.1.0-SNAPSHOT.pom'))).toBe(true);
    expect(existsSync(join(planArtifact, 'release/repository/com/acme/core-api/1.0.0/core-api-1.0.0.jar'))).toBe(true);
    // Only the core: nothing the build downloaded travels with it.
    expect(readdirSync(join(planArtifact, 'develop/repository'))).toEqual(['com']);
    expect(readdirSync(join(planArtifact, 'develop/repository/com/acme')).sort()).toEqual(['core-api', 'core-parent']);
  });

  it('installs both cores into each shard machine’s own ~/.m2, which started empty', () => {
    expect(shardHomes).toHaveLength(2);
    for (const home of [...shardHomes]) {
      expect(home).not.toBe(planHome);
      const local = join(home, '.m2/repository/com/acme/core-api');
      expect(readdirSync(local).filter((v) => /^\d/.test(v)).sort()).toEqual(['1.0.0', '1.1.0-SNAPSHOT']);
    }
  });

  it('classifies each plugin: passed, regressed, flaky, still broken', () => {
    const classes = Object.fromEntries(report.run.results.map((r) => [r.plugin, r.class]));
    expect(classes).toEqual({ 'plugin-broken': 'still-broken', 'plugin-flaky': 'flaky', 'plugin-pass': 'passed', 'plugin-regress': 'regressed' });
    expect(report.counts).toMatchObject({ passed: 1, regressed: 1, flaky: 1, 'still-broken': 1, infra: 0 });
  });

  it('tells why: the regression passes with the released core, the broken plugin fails with both, by test name', () => {
    const byName = Object.fromEntries(report.run.results.map((r) => [r.plugin, r]));
    expect(byName['plugin-regress']).toMatchObject({ baselineVerdict: 'pass', baseline: { outcome: 'pass' } });
    expect(byName['plugin-regress']!.attempts.map((a) => a.outcome)).toEqual(['fail', 'fail']);
    expect(byName['plugin-regress']!.attempts[0]!.reason).toBe('does not compile: PluginTest.java:6: cannot find symbol (method run(java.lang.String))');
    expect(byName['plugin-broken']).toMatchObject({ baselineVerdict: 'fail', baseline: { outcome: 'fail' }, baselineAttempts: 2 });
    expect(byName['plugin-broken']!.attempts[0]!.failingTests).toEqual([expect.stringContaining('plugin_broken')]);
    expect(byName['plugin-flaky']!.attempts.map((a) => a.outcome)).toEqual(['fail', 'pass']);
    expect(byName['plugin-pass']!.attempts.map((a) => a.outcome)).toEqual(['pass']);
    expect(byName['plugin-pass']!.version).toBe('0.1.0');
  });
});
