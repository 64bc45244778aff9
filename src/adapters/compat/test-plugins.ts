/**
 * Tests plugins against an installed core, a bounded number at a time. For each plugin: check
 * it out (org mode), install (when configured), run its tests with the per-plugin timeout, read
 * the JUnit XML the run wrote, re-run a failure to tell flaky from broken, and re-test a
 * plugin that still fails against the released core. A plugin that fails, hangs or cannot
 * even be installed is a result like any other: it never stops the others.
 */
import { execa } from 'execa';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pMap from 'p-map';
import { glob } from 'tinyglobby';
import type { Attempt, PluginResult, Stage } from '../../core/compat/compat-run.ts';
import { infraSignal } from '../../core/compat/infra-signals.ts';
import { failingTestsFromJUnit } from '../../core/compat/parse-junit.ts';
import { fillPlaceholders } from '../../core/compat/placeholders.ts';
import type { CompatCommands } from '../../core/compat/ecosystem-commands.ts';
import type { Reporter } from '../../core/reporter.ts';
import type { InstalledCore } from './core-artifact.ts';
import { commandEnv, runCommand, type CommandResult } from './run-command.ts';

/** A plugin to test: a folder on this machine, or a repository to clone first (org mode). */
export type PluginTarget =
  | { name: string; version?: string | undefined; dir: string }
  | { name: string; cloneUrl: string };

export interface TestPluginsOptions {
  targets: readonly PluginTarget[];
  develop: InstalledCore;
  /** The released core: plugins that fail with develop are re-tested against it. */
  release?: InstalledCore | undefined;
  commands: Pick<CompatCommands, 'test' | 'install' | 'junit' | 'env'>;
  timeoutMs: number;
  /** Re-runs of a failure (compat.retries). */
  retries: number;
  /** Plugins tested at once. */
  jobs: number;
  /** Scratch space shared by the run: checkouts, logs. */
  workDir: string;
  reporter: Reporter;
  /** Reads a cloned plugin's version (org mode). */
  describe?: (dir: string) => Promise<{ version?: string | undefined }>;
  /** SIGTERM → SIGKILL grace on timeout (default 5 s). */
  graceMs?: number;
}

export async function testPlugins(options: TestPluginsOptions): Promise<PluginResult[]> {
  let done = 0;
  const total = options.targets.length;
  return pMap(
    options.targets,
    async (target) => {
      const result = await testPlugin(target, options);
      options.reporter.progress('plugins tested', ++done, total);
      const last = result.attempts.at(-1);
      options.reporter.debug(`${target.name}: ${result.attempts.map((a) => a.outcome).join(' → ')}${result.baseline ? `; released core: ${result.baseline.outcome}` : ''} (${last?.durationMs ?? 0} ms)`);
      return result;
    },
    { concurrency: Math.max(1, options.jobs) },
  );
}

/** File-name-safe form of a plugin name, for logs and checkouts. */
export const safeName = (name: string) => name.replace(/^@/, '').replace(/[^\w.-]+/g, '__');

async function testPlugin(target: PluginTarget, options: TestPluginsOptions): Promise<PluginResult> {
  const log = join(options.workDir, 'logs', `${safeName(target.name)}.log`);
  let dir: string;
  let version = 'dir' in target ? target.version : undefined;
  if ('cloneUrl' in target) {
    dir = join(options.workDir, 'checkouts', safeName(target.name));
    const started = performance.now();
    try {
      await rm(dir, { recursive: true, force: true });
      await execa('git', ['clone', '--quiet', '--depth', '1', '--', target.cloneUrl, dir]);
    } catch (error) {
      const reason = String((error as { stderr?: string }).stderr ?? error).trim().split('\n').at(-1) ?? 'git clone failed';
      return { plugin: target.name, attempts: [infra('checkout', reason, performance.now() - started)] };
    }
    version = (await options.describe?.(dir).catch(() => ({ version: undefined })))?.version;
  } else {
    dir = target.dir;
  }

  const run = async (core: InstalledCore): Promise<Attempt> => {
    const values = { ...core.placeholders, plugin: target.name, path: dir, work: options.workDir };
    const env = commandEnv({
      ...core.env,
      SLIPWAY_WORK_DIR: options.workDir,
      SLIPWAY_PLUGIN: target.name,
      ...Object.fromEntries(Object.entries(options.commands.env).map(([k, v]) => [k, fillPlaceholders(v, values, `compat.env.${k}`)])),
    });
    if (options.commands.install) {
      const command = fillPlaceholders(options.commands.install, values, 'compat.install');
      const installed = await runCommand({ command, cwd: dir, env, timeoutMs: options.timeoutMs, logFile: log, graceMs: options.graceMs ?? 5000 });
      if (installed.exitCode !== 0) {
        const why = installed.timedOut ? 'timed out' : installed.spawnError ?? `exited with ${installed.exitCode}`;
        return { ...fromCommand(installed, 'install', []), outcome: 'infra', reason: `install command ${why}` };
      }
    }
    const command = fillPlaceholders(options.commands.test, values, 'compat.test');
    const startedAt = Date.now();
    const tested = await runCommand({ command, cwd: dir, env, timeoutMs: options.timeoutMs, logFile: log, graceMs: options.graceMs ?? 5000 });
    const failingTests = await readJUnit(dir, options.commands.junit, startedAt);
    return fromCommand(tested, 'test', failingTests);
  };

  const attempts: Attempt[] = [await run(options.develop)];
  while (attempts.at(-1)!.outcome === 'fail' && attempts.length <= options.retries) attempts.push(await run(options.develop));
  const result: PluginResult = { plugin: target.name, ...(version ? { version } : {}), attempts };
  if (attempts.at(-1)!.outcome === 'fail' && options.release) result.baseline = await run(options.release);
  return result;
}

function fromCommand(result: CommandResult, stage: Stage, failingTests: string[]): Attempt {
  const base = { stage, exitCode: result.exitCode, durationMs: result.durationMs, failingTests, logTail: result.tail };
  if (result.timedOut) return { ...base, outcome: 'timeout', reason: `no result within ${Math.round(result.durationMs / 1000)} s` };
  if (result.spawnError) return { ...base, outcome: 'infra', reason: result.spawnError.split('\n').at(-1) ?? result.spawnError };
  if (result.exitCode === 0) return { ...base, outcome: 'pass' };
  const signal = failingTests.length === 0 ? infraSignal(result.tail) : undefined;
  return signal ? { ...base, outcome: 'infra', reason: signal } : { ...base, outcome: 'fail' };
}

function infra(stage: Stage, reason: string, durationMs: number): Attempt {
  return { outcome: 'infra', stage, exitCode: null, durationMs: Math.round(durationMs), failingTests: [], logTail: '', reason };
}

/** Failing tests from JUnit files written since the attempt started (older files are a previous attempt's). */
async function readJUnit(dir: string, patterns: readonly string[], since: number): Promise<string[]> {
  const files = await glob([...patterns], { cwd: dir, absolute: true, ignore: ['**/node_modules/**'] });
  const names = new Set<string>();
  for (const file of files.sort()) {
    const info = await stat(file).catch(() => undefined);
    // Filesystem timestamps can trail the clock by a tick; a second of slack is plenty.
    if (!info || info.mtimeMs < since - 1000) continue;
    for (const name of failingTestsFromJUnit(await readFile(file, 'utf8'))) names.add(name);
  }
  return [...names];
}
