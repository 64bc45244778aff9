import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SlipwayError } from '../core/errors.ts';
import { CONFIG_FILE, parseConfig } from '../core/config/parse-config.ts';
import { defaultConfig, type SlipwayConfig } from '../core/config/schema.ts';

/** Reads slipway.yml (or slipway.yaml) at the repository root; none → all defaults. */
export async function loadConfig(root: string): Promise<SlipwayConfig> {
  for (const name of [CONFIG_FILE, 'slipway.yaml']) {
    let text: string;
    try {
      text = await readFile(join(root, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new SlipwayError('CONFIG_UNREADABLE', `cannot read: ${(error as Error).message}`, { subject: name, cause: error });
    }
    return parseConfig(text, name);
  }
  return defaultConfig();
}
