/**
 * `slipway compat` on one machine: plan, build the core, test every plugin with a pool of
 * `jobs` workers, report — the workflow's three modes in one process. The pool takes plugins
 * longest first (the plan's order), so the slowest ones never start last.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandHome, installCores } from '../../adapters/compat/core-artifact.ts';
import type { ResultsBranch } from '../../adapters/compat/results-branch.ts';
import { testPlugins, type PluginTarget } from '../../adapters/compat/test-plugins.ts';
import { COMPAT_SCHEMA, type ShardResult } from '../../core/compat/compat-run.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import type { Reporter } from '../../core/reporter.ts';
import { buildCompatCores } from './core.ts';
import { planCompat } from './plan.ts';
import { reportCompat, type CompatReport, type CompatReportOptions } from './report.ts';
import { shardFile } from './run.ts';
import { compatCommandsAt } from './commands.ts';
import { describeCheckout } from './targets.ts';
import type { Octokit } from '../../adapters/github/client.ts';

export interface CompatLocalOptions extends Pick<CompatReportOptions, 'slack' | 'issues' | 'dryRun' | 'repository' | 'now' | 'catalog'> {
  /** `release`: test against the released core alone (a baseline run). */
  against?: 'develop' | 'release' | undefined;
  cwd: string;
  config: SlipwayConfig;
  reporter: Reporter;
  /** Plugins tested at once (--jobs). */
  jobs: number;
  results?: ResultsBranch | undefined;
  /** Scratch folder (core builds, logs, shard results); default a new temp folder. */
  workDir?: string | undefined;
  runId?: string | undefined;
  /** Overrides compat.timeoutMinutes. */
  timeoutMs?: number | undefined;
  graceMs?: number;
  octokit?: Octokit | undefined;
}

export interface CompatLocalResult extends CompatReport {
  workDir: string;
  shard: ShardResult;
}

export async function compatLocal(options: CompatLocalOptions): Promise<CompatLocalResult> {
  const { config, reporter } = options;
  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), 'slipway-compat-')));
  await mkdir(join(workDir, 'results'), { recursive: true });
  const startedAt = new Date();
  const runId = options.runId ?? `local-${startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  reporter.info(`compat ${runId}: work folder ${workDir}`);

  const { plan, targets } = await planCompat({ cwd: options.cwd, config, reporter, maxShards: options.jobs, results: options.results, octokit: options.octokit });
  const cores = await buildCompatCores({ cwd: options.cwd, config, reporter, ecosystem: targets.ecosystem, artifactDir: join(workDir, 'core'), workDir, against: options.against });
  const timeoutMs = options.timeoutMs ?? config.compat.timeoutMinutes * 60_000;
  const install = { mavenLocal: expandHome(config.compat.core.mavenLocal) };
  const [develop, release] = await installCores(cores.tested, cores.release, workDir, install);

  // Longest first: LPT order, which a pool of workers turns into a good dynamic schedule.
  const results = await testPlugins({
    targets: plan.order.map((name) => targets.target(name)).filter((t): t is PluginTarget => t !== undefined),
    develop,
    release,
    commands: (ecosystem, root) => compatCommandsAt(config, ecosystem, root),
    infraPatterns: config.compat.infraPatterns,
    describe: (dir) => describeCheckout(dir, config),
    timeoutMs,
    retries: config.compat.retries,
    jobs: options.jobs,
    workDir,
    reporter,
    graceMs: options.graceMs ?? 5000,
  });
  const shard: ShardResult = {
    schema: COMPAT_SCHEMA,
    shard: 1,
    core: develop.build,
    ...(release ? { releaseCore: release.build } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    results: results.sort((a, b) => (a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0)),
  };
  await writeFile(shardFile(join(workDir, 'results'), 1), JSON.stringify(shard, null, 2) + '\n');

  const report = await reportCompat({
    config,
    reporter,
    shards: [shard],
    runId,
    planned: targets.names,
    results: options.results,
    dryRun: options.dryRun,
    slack: options.slack,
    issues: options.issues,
    repository: options.repository,
    now: options.now,
    catalog: options.catalog,
  });
  await writeFile(join(workDir, 'report.html'), report.html);
  await writeFile(join(workDir, 'summary.md'), report.summary);
  return { ...report, workDir, shard };
}
