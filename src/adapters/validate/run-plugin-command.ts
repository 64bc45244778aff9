/**
 * Runs a plugin's build or test command (slipway.yml `commands.build` / `.test`, or the
 * ecosystem's default) in the plugin's folder, and the repository's install at its root, with a time limit, capturing stdout and stderr interleaved so the log
 * reads as it would in a terminal. `{name}`, `{version}`, `{path}` and the SLIPWAY_* variables
 * are the ones the publish command gets.
 *
 * The command runs in its own process group and a timeout kills the whole group: `npm test`
 * starts a shell, npm, then node, and killing only the first would leave the test running.
 */
import { execa } from 'execa';
import { fillPlaceholders } from '../registry/command-publisher.ts';

export interface PluginCommand {
  command: string;
  /** Absolute folder of the plugin. */
  dir: string;
  name: string;
  version: string;
  timeoutMs: number;
}

/** The install (`commands.install` or the package manager's), once at the repository root: no plugin, so no placeholders. */
export async function runRootCommand(spec: { command: string; dir: string; timeoutMs: number }): Promise<CommandRun> {
  return runCommand(spec.command, spec.dir, {}, spec.timeoutMs);
}

export interface CommandRun {
  /** The command as run (placeholders filled). */
  command: string;
  ok: boolean;
  exitCode: number | undefined;
  timedOut: boolean;
  durationMs: number;
  /** stdout and stderr, interleaved. */
  output: string;
  /** Why it could not start (no shell, no folder). */
  startError?: string;
}

/** Seconds between SIGTERM and SIGKILL for a command past its time. */
const KILL_GRACE_MS = 5_000;

export async function runPluginCommand(spec: PluginCommand): Promise<CommandRun> {
  const command = fillPlaceholders(spec.command, { name: spec.name, version: spec.version, path: spec.dir });
  return runCommand(command, spec.dir, { SLIPWAY_NAME: spec.name, SLIPWAY_VERSION: spec.version, SLIPWAY_PATH: spec.dir }, spec.timeoutMs);
}

async function runCommand(command: string, dir: string, env: Record<string, string>, timeoutMs: number): Promise<CommandRun> {
  const started = performance.now();
  const child = execa(command, {
    shell: true,
    cwd: dir,
    env: { ...env, CI: process.env['CI'] ?? 'true' },
    all: true,
    reject: false,
    stdin: 'ignore',
    detached: true,
  });
  let timedOut = false;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // the group is gone already
    }
  };
  let hardKill: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup('SIGTERM');
    hardKill = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
  }, timeoutMs);
  const result = await child;
  clearTimeout(timer);
  if (hardKill) clearTimeout(hardKill);
  // Children that outlived the shell (a background server a test forgot) go with it.
  killGroup('SIGKILL');
  const notStarted = result.exitCode === undefined && !timedOut && !result.isTerminated;
  return {
    command,
    ok: result.exitCode === 0 && !timedOut,
    exitCode: result.exitCode,
    timedOut,
    durationMs: Math.round(performance.now() - started),
    output: String(result.all ?? ''),
    ...(notStarted ? { startError: result.originalMessage ?? result.shortMessage } : {}),
  };
}
