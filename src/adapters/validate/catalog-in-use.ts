/**
 * Whether a repository lists its plugins in a catalog, for `validate.profile: auto`: a catalog
 * repository is configured, or one of its workflows runs slipway's index (the reusable index
 * workflow, or the index or metadata action). Only then are catalog-only checks (plugin
 * manifest, repository link) held against its plugins.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SlipwayConfig } from '../../core/config/schema.ts';

const RUNS_INDEX = /slipway[\w.-]*\/(?:\.github\/workflows\/index\.ya?ml|actions\/(?:index|metadata))\b/;

export async function catalogInUse(cwd: string, config: SlipwayConfig): Promise<boolean> {
  if (config.catalog.repository !== undefined) return true;
  const dir = join(cwd, '.github', 'workflows');
  let files: string[];
  try {
    files = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name));
  } catch {
    return false;
  }
  const texts = await Promise.all(files.map((name) => readFile(join(dir, name), 'utf8').catch(() => '')));
  return texts.some((text) => RUNS_INDEX.test(text));
}
