/**
 * slipway.yml's text, read once (the planner reads it before the configuration's schema loads;
 * config-file.ts validates it).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILES, MAX_CONFIG_BYTES, configTooLarge } from '../core/config/config-file-name.ts';
import { SlipwayError } from '../core/errors.ts';

export interface ConfigText {
  /** slipway.yml or slipway.yaml */
  name: string;
  text: string;
}

/** The configuration file at the repository root; undefined when there is none. */
export async function readConfigText(root: string): Promise<ConfigText | undefined> {
  for (const name of CONFIG_FILES) {
    try {
      // Checked before reading, so a huge file is never loaded into memory.
      const { size } = await stat(join(root, name));
      if (size > MAX_CONFIG_BYTES) throw configTooLarge(name, size);
      return { name, text: await readFile(join(root, name), 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      if (error instanceof SlipwayError) throw error;
      throw new SlipwayError('CONFIG_UNREADABLE', `cannot read: ${(error as Error).message}`, { subject: name, cause: error });
    }
  }
  return undefined;
}
