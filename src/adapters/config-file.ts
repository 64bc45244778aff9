import { parseConfig } from '../core/config/parse-config.ts';
import { defaultConfig, type SlipwayConfig } from '../core/config/schema.ts';
import { readConfigText, type ConfigText } from './config-text.ts';

/** Reads slipway.yml (or slipway.yaml) at the repository root; none → all defaults. */
export async function loadConfig(root: string): Promise<SlipwayConfig> {
  return configFrom(await readConfigText(root));
}

/** The validated configuration from a file's text; no file → all defaults. */
export function configFrom(file: ConfigText | undefined): SlipwayConfig {
  return file ? parseConfig(file.text, file.name) : defaultConfig();
}
