/**
 * Runs the chosen install once at the repository root, its output in a log group, and says
 * what failed and how to fix it. Validate and release both install through here.
 */
import { runRootCommand } from '../../adapters/validate/run-plugin-command.ts';
import type { Reporter } from '../../core/reporter.ts';
import { installFix } from './chosen-commands.ts';
import { commandFailure, outcomeWords } from './command-report.ts';

export type InstallResult = { ok: true } | { ok: false; command: string; message: string };

export async function runInstall(cwd: string, choice: { command: string; configured: boolean }, timeoutMinutes: number, reporter: Reporter): Promise<InstallResult> {
  const result = await runRootCommand({ command: choice.command, dir: cwd, timeoutMs: timeoutMinutes * 60_000 });
  await reporter.group(`install: ${result.command} (${outcomeWords(result)})`, async () => {
    if (result.output) reporter.info(result.output);
  });
  if (result.ok) return { ok: true };
  return { ok: false, command: result.command, message: `${commandFailure('install', result, timeoutMinutes)}\n(${installFix(choice, result.exitCode)})` };
}
