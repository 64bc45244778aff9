import { parseArgs, type ParseArgsConfig } from 'node:util';
import { distTagProblem } from '../core/config/dist-tag.ts';
import { SlipwayError } from '../core/errors.ts';

export interface CliContext {
  debug: boolean;
}

export interface CliCommand {
  usage: string;
  run(args: string[], context: CliContext): Promise<number>;
}

/**
 * node:util parseArgs with errors that name the flag and point at --help. A command that takes
 * no arguments but flags refuses any (`slipway plan ../fleet` would otherwise plan `.`).
 */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, command: string, takesArguments = false) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new SlipwayError('USAGE', (error as Error).message, { hint: `run \`slipway ${command} --help\`` });
  }
  const [extra] = parsed.positionals;
  if (!takesArguments && extra !== undefined) {
    throw new SlipwayError('USAGE', `unexpected argument "${extra}": slipway ${command} takes only options`, {
      subject: extra,
      hint: 'cwd' in options ? `to run in another folder, pass --cwd ${JSON.stringify(extra)}; see \`slipway ${command} --help\`` : `run \`slipway ${command} --help\``,
    });
  }
  return parsed;
}

/** A `--date` flag: YYYY-MM-DD and a real day (it becomes a changelog heading). */
export function dateFlag(value: string | undefined, flag = '--date'): string | undefined {
  if (value === undefined) return undefined;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : undefined;
  if (!parsed || parsed.toISOString().slice(0, 10) !== value) {
    throw new SlipwayError('USAGE', `${flag} "${value}" is not a date`, { subject: flag, hint: 'write the day as YYYY-MM-DD, e.g. 2026-03-01 (default: today, UTC)' });
  }
  return value;
}

/** A `--dist-tag` flag: a name npm accepts as a dist-tag (release.distTag's rule). */
export function distTagFlag(value: string | undefined, flag = '--dist-tag'): string | undefined {
  if (value === undefined) return undefined;
  const problem = distTagProblem(value);
  if (problem) throw new SlipwayError('USAGE', `"${value}" ${problem}`, { subject: flag, hint: 'e.g. --dist-tag next, or latest-1 for an older line' });
  return value;
}
