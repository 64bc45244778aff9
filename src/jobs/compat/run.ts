/**
 * compat run: one shard. Installs the core built at the start of the run (develop, and the
 * released core when there is one), then tests the shard's plugins against it.
 */
import { join } from 'node:path';
import { expandHome, installCores, readCoreArtifact } from '../../adapters/compat/core-artifact.ts';
import { testPlugins, type PluginTarget } from '../../adapters/compat/test-plugins.ts';
import type { Octokit } from '../../adapters/github/client.ts';
import { COMPAT_SCHEMA, type PluginResult, type ShardResult } from '../../core/compat/compat-run.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Reporter } from '../../core/reporter.ts';
import { compatCommandsAt } from './commands.ts';
import { describeCheckout, fleetTargets } from './targets.ts';

export interface CompatRunOptions {
  cwd: string;
  config: SlipwayConfig;
  reporter: Reporter;
  shard: number;
  /** The shard's plugins, from the matrix. */
  plugins: readonly string[];
  /** Where the core build of this run was downloaded (holds develop/ and maybe release/). */
  artifactDir: string;
  workDir: string;
  /** Plugins tested at once inside the shard (default 1, as one matrix job is one runner). */
  jobs?: number;
  /** Overrides compat.timeoutMinutes (tests use seconds). */
  timeoutMs?: number | undefined;
  octokit?: Octokit | undefined;
  graceMs?: number;
}

export async function runCompatShard(options: CompatRunOptions): Promise<ShardResult> {
  const { config, reporter } = options;
  const startedAt = new Date().toISOString();
  // A baseline run (against the released core) has only release/: then that is the core under test.
  const [developBuild, releaseBuild] = await Promise.all([readCoreArtifact(options.artifactDir, 'develop'), readCoreArtifact(options.artifactDir, 'release')]);
  const develop = developBuild ?? releaseBuild;
  const release = developBuild ? releaseBuild : undefined;
  if (!develop) {
    throw new SlipwayError('NOT_FOUND', 'no core build found (develop/core.json or release/core.json)', {
      subject: options.artifactDir,
      hint: 'download the core artifact of this run before the shard runs (actions/download-artifact)',
    });
  }
  const timeoutMs = options.timeoutMs ?? config.compat.timeoutMinutes * 60_000;
  const targets = await fleetTargets(options.cwd, config, options.octokit);

  const install = { mavenLocal: expandHome(config.compat.core.mavenLocal) };
  const [installedDevelop, installedRelease] = await reporter.group('install the core', () => installCores(develop, release, options.workDir, install));

  const known: PluginTarget[] = [];
  const missing: PluginResult[] = [];
  for (const name of options.plugins) {
    const target = targets.target(name);
    if (target) known.push(target);
    else {
      missing.push({
        plugin: name,
        attempts: [{ outcome: 'infra', stage: 'checkout', exitCode: null, durationMs: 0, failingTests: [], logTail: '', reason: 'not in the fleet any more (planned, then not found)' }],
      });
    }
  }
  const results = await reporter.group(`test ${known.length} plugin(s) against core ${develop.build.version}`, () =>
    testPlugins({
      targets: known,
      develop: installedDevelop,
      release: installedRelease,
      commands: (ecosystem, root) => compatCommandsAt(config, ecosystem, root),
      infraPatterns: config.compat.infraPatterns,
      timeoutMs,
      retries: config.compat.retries,
      jobs: options.jobs ?? 1,
      workDir: options.workDir,
      reporter,
      graceMs: options.graceMs ?? 5000,
      describe: (dir) => describeCheckout(dir, config),
    }),
  );
  return {
    schema: COMPAT_SCHEMA,
    shard: options.shard,
    core: develop.build,
    ...(release ? { releaseCore: release.build } : {}),
    startedAt,
    finishedAt: new Date().toISOString(),
    results: [...results, ...missing].sort((a, b) => (a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0)),
  };
}

export const shardFileName = (shard: number) => `shard-${String(shard).padStart(3, '0')}.json`;
export const shardFile = (dir: string, shard: number) => join(dir, shardFileName(shard));
