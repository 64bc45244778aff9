/**
 * One git process: node:child_process rather than execa (which the rest of slipway uses for
 * build tools and package managers). The planner runs git six times, two of them before
 * its one `git log` can start, and on a 1,300-plugin fleet that is its critical path:
 * execa added ~35 ms to load and ~8 ms of CPU per process (measured: bench/, and a loop of 30
 * `git rev-parse`). git is one binary with plain arguments, so spawn without a shell is all
 * this needs; arguments are never parsed by a shell.
 */
import { spawn } from 'node:child_process';

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface GitRunOptions {
  /** Written to git's stdin, then closed. */
  input?: string | undefined;
  /** Added to the environment this process has. */
  env?: Readonly<Record<string, string>>;
  /** Receives stdout as it arrives, instead of collecting it into `stdout`. */
  onStdout?: (chunk: string) => void;
  /** Ends git (SIGTERM) when aborted; the run then rejects. */
  signal?: AbortSignal | undefined;
}

/** git could not start, or exited with a failure: carries what it printed to stderr. */
export class GitProcessError extends Error {
  readonly stderr: string;
  readonly exitCode: number | undefined;
  /** The system error code when git could not start (ENOENT: not installed, or no such folder). */
  readonly code: string | undefined;

  constructor(args: readonly string[], details: { stderr?: string; exitCode?: number; code?: string | undefined; cause?: unknown }) {
    const why = details.code ? `could not start (${details.code})` : `exited with ${details.exitCode}`;
    super(`git ${args.slice(0, 3).join(' ')} ${why}${details.stderr ? `: ${details.stderr}` : ''}`, { cause: details.cause });
    this.name = 'GitProcessError';
    this.stderr = details.stderr ?? '';
    this.exitCode = details.exitCode;
    this.code = details.code;
  }
}

/** Runs git and resolves with what it printed, whatever its exit code (one trailing newline dropped from stdout). */
export function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: options.env ? { ...process.env, ...options.env } : process.env, signal: options.signal });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', options.onStdout ?? ((chunk: string) => (stdout += chunk)));
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(new GitProcessError(args, { code: error.code ?? 'EUNKNOWN', cause: error })));
    child.on('close', (exitCode) => resolve({ stdout: stdout.replace(/\r?\n$/, ''), stderr: stderr.trim(), exitCode: exitCode ?? -1 }));
    // git may exit before it reads all of its input (a bad argument): that is its error to report, not EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

/** Runs git and resolves with its stdout; rejects with a GitProcessError when it fails. */
export async function gitOutput(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  const result = await runGit(cwd, args, options);
  if (result.exitCode !== 0) throw new GitProcessError(args, { stderr: result.stderr, exitCode: result.exitCode });
  return result.stdout;
}
