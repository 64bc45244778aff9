/**
 * Tests plugins against an installed core, a bounded number at a time. For each plugin: check
 * it out (org mode, where its ecosystem is read from the checkout), install (when configured),
 * run its tests with the per-plugin timeout, read the JUnit XML the run wrote, re-run a failure
 * to tell flaky from broken, and re-test a plugin that still fails against the released core —
 * re-run there too, so a flake against the released core cannot pass a regression off as
 * "still broken". A plugin that fails, hangs or cannot even be installed is a result like any
 * other: it never stops the others.
 */
import { execa } from 'execa';
import { readFile, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import pMap from 'p-map';
import { glob } from 'tinyglobby';
import type { Attempt, PluginResult, Stage } from '../../core/compat/compat-run.ts';
import { firstCompileError } from '../../core/compat/compile-errors.ts';
import { infraSignal, type InfraPattern } from '../../core/compat/infra-signals.ts';
import { failingTestsFromJUnit } from '../../core/compat/parse-junit.ts';
import { fillPlaceholders } from '../../core/compat/placeholders.ts';
import type { CompatCommands } from '../../core/compat/ecosystem-commands.ts';
import { formatError } from '../../core/errors.ts';
import type { Reporter } from '../../core/reporter.ts';
import type { Ecosystem } from '../../core/types.ts';
import { gradleCommand, type InstalledCore } from './core-artifact.ts';
import { commandEnv, runCommand, type CommandResult } from './run-command.ts';

/** A plugin in a folder on this machine: its own, and the build root it belongs to. */
export interface LocalTarget {
  name: string;
  version?: string | undefined;
  ecosystem: Ecosystem;
  dir: string;
  /** Where the build's settings are (the fleet root; gradle runs from there). */
  root: string;
  /** gradle: `:sub:` for a subproject, '' for the whole build. */
  taskPrefix: string;
}

/** A plugin to test: a folder on this machine, or a repository to clone first (org mode). */
export type PluginTarget = LocalTarget | { name: string; cloneUrl: string };

/** A cloned repository as the run sees it: its ecosystem and version. */
export interface DescribedCheckout {
  ecosystem: Ecosystem;
  version?: string | undefined;
}

export interface TestPluginsOptions {
  targets: readonly PluginTarget[];
  develop: InstalledCore;
  /** The released core: plugins that fail with develop are re-tested against it. */
  release?: InstalledCore | undefined;
  /** The commands for a plugin of an ecosystem in the checkout at `root`; rejects with a SlipwayError when they are not configured. */
  commands: (ecosystem: Ecosystem, root: string) => Promise<CompatCommands>;
  /** compat.infraPatterns. */
  infraPatterns?: readonly InfraPattern[];
  timeoutMs: number;
  /** Re-runs of a failure (compat.retries). */
  retries: number;
  /** Plugins tested at once. */
  jobs: number;
  /** Scratch space shared by the run: checkouts, logs. */
  workDir: string;
  reporter: Reporter;
  /** Reads a cloned plugin's ecosystem and version (org mode). */
  describe: (dir: string) => Promise<DescribedCheckout>;
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
  let local: LocalTarget;
  if ('cloneUrl' in target) {
    const dir = join(options.workDir, 'checkouts', safeName(target.name));
    const started = performance.now();
    try {
      await rm(dir, { recursive: true, force: true });
      await execa('git', ['clone', '--quiet', '--depth', '1', '--', target.cloneUrl, dir]);
    } catch (error) {
      const reason = String((error as { stderr?: string }).stderr ?? error).trim().split('\n').at(-1) ?? 'git clone failed';
      return { plugin: target.name, attempts: [infra('checkout', reason, performance.now() - started)] };
    }
    let described: DescribedCheckout;
    try {
      described = await options.describe(dir);
    } catch (error) {
      return { plugin: target.name, attempts: [infra('checkout', `cannot tell how to test it: ${formatError(error)}`, performance.now() - started)] };
    }
    local = { name: target.name, version: described.version, ecosystem: described.ecosystem, dir, root: dir, taskPrefix: '' };
  } else {
    local = target;
  }
  let commands: CompatCommands;
  try {
    commands = await options.commands(local.ecosystem, local.root);
  } catch (error) {
    // Only in org mode can this come this late (a monorepo's commands are checked when planning).
    return { plugin: target.name, ...(local.version ? { version: local.version } : {}), attempts: [infra('install', formatError(error), 0)] };
  }
  const cwd = commands.strategy.testFrom === 'build-root' ? local.root : local.dir;
  const gradle = await gradleCommand(local.root);

  let builtAgainst: InstalledCore | undefined;
  const run = async (core: InstalledCore): Promise<Attempt> => {
    if (builtAgainst !== core) await removeStaleOutputs(local.dir, commands.strategy.staleOutputs);
    builtAgainst = core;
    const values = { ...core.placeholders, plugin: target.name, path: local.dir, root: cwd, work: options.workDir, gradle, taskPrefix: local.taskPrefix };
    const env = commandEnv({
      ...core.env,
      SLIPWAY_WORK_DIR: options.workDir,
      SLIPWAY_PLUGIN: target.name,
      ...Object.fromEntries(Object.entries(commands.env).map(([k, v]) => [k, fillPlaceholders(v, values, `compat.env.${k}`)])),
    });
    if (commands.install) {
      const command = fillPlaceholders(commands.install, values, 'compat.install');
      const installed = await runCommand({ command, cwd: local.dir, env, timeoutMs: options.timeoutMs, logFile: log, graceMs: options.graceMs ?? 5000 });
      if (installed.exitCode !== 0) {
        const why = installed.timedOut ? 'timed out' : installed.spawnError ?? `exited with ${installed.exitCode}`;
        return { ...fromCommand(installed, 'install', [], options.infraPatterns), outcome: 'infra', reason: `install command ${why}` };
      }
    }
    const command = fillPlaceholders(commands.test, values, 'compat.test');
    const startedAt = Date.now();
    const tested = await runCommand({ command, cwd, env, timeoutMs: options.timeoutMs, logFile: log, graceMs: options.graceMs ?? 5000 });
    const failingTests = await readJUnit(local.dir, commands.junit, startedAt);
    return fromCommand(tested, 'test', failingTests, options.infraPatterns);
  };

  // A failure is re-run (compat.retries) against either core: the last attempt is the verdict.
  const attempt = async (core: InstalledCore): Promise<{ all: Attempt[]; last: Attempt }> => {
    let last = await run(core);
    const all = [last];
    while (last.outcome === 'fail' && all.length <= options.retries) all.push((last = await run(core)));
    return { all, last };
  };
  const develop = await attempt(options.develop);
  const result: PluginResult = { plugin: target.name, ...(local.version ? { version: local.version } : {}), attempts: develop.all };
  if (develop.last.outcome === 'fail' && options.release) {
    const baseline = await attempt(options.release);
    result.baseline = baseline.last;
    if (baseline.all.length > 1) result.baselineAttempts = baseline.all.length;
  }
  return result;
}

/** Deletes build output (folders matching the strategy's globs) inside the plugin folder, never outside it. */
async function removeStaleOutputs(dir: string, outputs: readonly string[]): Promise<void> {
  if (outputs.length === 0) return;
  const folders = await glob([...outputs], { cwd: dir, onlyDirectories: true, followSymbolicLinks: false, expandDirectories: false });
  for (const folder of folders) {
    const path = resolve(dir, folder);
    if (!path.startsWith(resolve(dir) + sep)) continue;
    await rm(path, { recursive: true, force: true });
  }
}

function fromCommand(result: CommandResult, stage: Stage, failingTests: string[], infraPatterns: readonly InfraPattern[] = []): Attempt {
  const base = { stage, exitCode: result.exitCode, durationMs: result.durationMs, failingTests, logTail: result.tail };
  if (result.timedOut) return { ...base, outcome: 'timeout', reason: `no result within ${Math.round(result.durationMs / 1000)} s` };
  if (result.spawnError) return { ...base, outcome: 'infra', reason: result.spawnError.split('\n').at(-1) ?? result.spawnError };
  if (result.exitCode === 0) return { ...base, outcome: 'pass' };
  const signal = failingTests.length === 0 ? infraSignal(result.tail, infraPatterns) : undefined;
  if (signal) return { ...base, outcome: 'infra', reason: signal };
  const compileError = failingTests.length === 0 ? firstCompileError(result.tail) : undefined;
  return { ...base, outcome: 'fail', ...(compileError ? { reason: compileError } : {}) };
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
