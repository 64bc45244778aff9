import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SlipwayError } from '../core/errors.ts';
import { CONFIG_FILE, MAX_CONFIG_BYTES, configTooLarge, parseConfig } from '../core/config/parse-config.ts';
import { defaultConfig, type SlipwayConfig } from '../core/config/schema.ts';

/** Reads slipway.yml (or slipway.yaml) at the repository root; none → all defaults. */
export async function loadConfig(root: string): Promise<SlipwayConfig> {
  for (const name of [CONFIG_FILE, 'slipway.yaml']) {
    let text: string;
    try {
      // Checked before reading, so a huge file is never loaded into memory.
      const { size } = await stat(join(root, name));
      if (size > MAX_CONFIG_BYTES) throw configTooLarge(name, size);
      text = await readFile(join(root, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      if (error instanceof SlipwayError) throw error;
      throw new SlipwayError('CONFIG_UNREADABLE', `cannot read: ${(error as Error).message}`, { subject: name, cause: error });
    }
    return parseConfig(text, name);
  }
  return defaultConfig();
}
