/**
 * Runs one configured command (`sh -c`) with a time limit, keeping only the tail of its output
 * in memory and the whole output in a log file.
 *
 * On timeout the whole process tree is killed, not only the shell: a test runner's workers,
 * a dev server a test started, a Gradle daemon. execa's own `timeout` signals the direct child
 * only, so the command runs as the leader of a new process group (`detached`) and the group is
 * signalled: SIGTERM, then SIGKILL after a grace period. When the command exits on its own,
 * whatever it left running in its group is killed too — otherwise a leftover holding the
 * output pipe open would keep the run waiting until the timeout.
 */
import { execa } from 'execa';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface RunCommandOptions {
  command: string;
  cwd: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  /** Time between SIGTERM and SIGKILL of the group (default 5 s). */
  graceMs?: number;
  /** The whole output goes here (appended). */
  logFile?: string;
  /** Characters of output kept in memory (default 16,384). */
  tailChars?: number;
}

export interface CommandResult {
  /** null when killed by a signal or never started. */
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** The end of stdout and stderr, interleaved as written. */
  tail: string;
  /** Why it never started (ENOENT of the folder, …). */
  spawnError?: string;
}

const DEFAULT_TAIL = 16_384;

export async function runCommand(options: RunCommandOptions): Promise<CommandResult> {
  const started = performance.now();
  const tailChars = options.tailChars ?? DEFAULT_TAIL;
  let tail = '';
  let log: WriteStream | undefined;
  if (options.logFile) {
    await mkdir(dirname(options.logFile), { recursive: true });
    log = createWriteStream(options.logFile, { flags: 'a' });
    log.write(`$ ${options.command}\n`);
  }
  const keep = (chunk: Buffer | string) => {
    const text = chunk.toString();
    log?.write(text);
    tail = (tail + text).slice(-tailChars);
  };

  const child = execa(options.command, {
    shell: true,
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    detached: true,
    stdin: 'ignore',
    all: true,
    buffer: false,
    reject: false,
    // The group is killed here; execa's cleanup-on-exit does not reach detached children.
    cleanup: false,
    forceKillAfterDelay: false,
  });
  child.all?.on('data', keep);

  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  let timedOut = false;
  let forceKill: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup('SIGTERM');
    forceKill = setTimeout(() => killGroup('SIGKILL'), options.graceMs ?? 5000);
  }, options.timeoutMs);
  child.once('exit', () => killGroup('SIGKILL'));

  const result = await child;
  clearTimeout(timer);
  clearTimeout(forceKill);
  const durationMs = Math.round(performance.now() - started);
  if (log) await new Promise<void>((resolve) => log.end(resolve));

  const spawnError = result.failed && result.exitCode === undefined && result.signal === undefined && !timedOut ? result.shortMessage : undefined;
  return {
    exitCode: timedOut ? null : (result.exitCode ?? null),
    timedOut,
    durationMs,
    tail,
    ...(spawnError ? { spawnError } : {}),
  };
}

/**
 * The environment of plugin commands: the runner's, minus anything that looks like a secret
 * (a plugin's tests have no business with the Slack or GitHub token), plus `extra`.
 */
export function commandEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/(TOKEN|SECRET|PASSWORD|PASSPHRASE|_KEY|AUTH)$/i.test(name) || /^ACTIONS_(RUNTIME|ID_TOKEN|CACHE)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}
