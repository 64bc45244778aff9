/** Where the configuration lives and how large it may be: shared by the reader and the parser, with no schema attached. */
import { SlipwayError } from '../errors.ts';

export const CONFIG_FILE = 'slipway.yml';
/** The names read, in order: the first that exists is the configuration. */
export const CONFIG_FILES = [CONFIG_FILE, 'slipway.yaml'] as const;
/** A slipway.yml is a few kilobytes; a larger one is a mistake or an attack (50 MB took 100 s and 4 GB of heap). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export function configTooLarge(file: string, bytes: number): SlipwayError {
  return new SlipwayError('CONFIG_INVALID', `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a configuration may be at most 1 MB`, {
    subject: file,
    hint: 'slipway.yml holds settings only: check that the right file is named slipway.yml',
  });
}
