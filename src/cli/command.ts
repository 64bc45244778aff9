import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SlipwayError } from '../core/errors.ts';

export interface CliContext {
  debug: boolean;
}

export interface CliCommand {
  usage: string;
  run(args: string[], context: CliContext): Promise<number>;
}

/** node:util parseArgs with errors that name the flag and point at --help. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new SlipwayError('USAGE', (error as Error).message, { hint: `run \`slipway ${command} --help\`` });
  }
}
