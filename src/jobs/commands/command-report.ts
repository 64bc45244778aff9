/**
 * How a command run by a job reads in its messages: the failure with its reason and the tail
 * of its output, and the short outcome in a log group's title. Shared by validate and release.
 */
import type { CommandRun } from '../../adapters/validate/run-plugin-command.ts';

/** How many lines of a failed command's output go into its message; the full log is in its group. */
const TAIL_LINES = 20;

export type CommandKind = 'install' | 'build' | 'test';

/** "build `pnpm run build` failed with exit code 1 after 0.4 s; last 3 lines: …" */
export function commandFailure(kind: CommandKind, run: CommandRun, timeoutMinutes: number): string {
  const why = run.startError
    ? `could not start: ${run.startError}`
    : run.timedOut
      ? `was stopped at its time limit of ${timeoutMinutes} min (validate.timeoutMinutes in slipway.yml)`
      : `failed with exit code ${run.exitCode} after ${seconds(run.durationMs)}`;
  const lines = run.output.trimEnd().split('\n');
  const tail = lines.slice(-TAIL_LINES).join('\n');
  return `${kind} \`${run.command}\` ${why}${tail ? `; last ${Math.min(lines.length, TAIL_LINES)} lines:\n${tail}` : ''}`;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const outcomeWords = (run: CommandRun) => (run.ok ? `ok, ${seconds(run.durationMs)}` : run.timedOut ? 'timed out' : `failed, exit ${run.exitCode ?? '?'}`);
