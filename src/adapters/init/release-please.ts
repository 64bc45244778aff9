/** release-please's manifest config at the repository root, read for `slipway init` to follow its behaviour. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const RELEASE_PLEASE_CONFIG = 'release-please-config.json';

/** The parsed file; undefined when there is none; `{ invalid }` when it is not JSON (init then says so and keeps slipway's defaults). */
export async function readReleasePleaseConfig(root: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(root, RELEASE_PLEASE_CONFIG), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    return { invalid: (error as Error).message };
  }
}
