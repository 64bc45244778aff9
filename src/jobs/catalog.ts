/**
 * Questions to the catalog, answered from index.json alone: "the latest version of each plugin
 * compatible with core X" is one read and one pass.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCatalogBranch } from '../adapters/catalog/catalog-branch.ts';
import { catalogLocation, type LocationOverrides } from '../adapters/catalog/catalog-location.ts';
import { loadConfig } from '../adapters/config-file.ts';
import { INDEX_FILE, type CatalogIndex } from '../core/catalog/catalog-schema.ts';
import { compatibleWith, type CompatibilityAnswer } from '../core/catalog/compatible.ts';
import { readIndex } from '../core/catalog/merge-catalog.ts';
import { SlipwayError } from '../core/errors.ts';
import { isValidVersion } from '../core/history/tag-format.ts';

export interface CatalogSourceOptions {
  cwd: string;
  /** A folder holding the catalog files (a checkout of the branch); otherwise the branch is fetched. */
  dir?: string | undefined;
  location?: LocationOverrides;
}

export async function readCatalogIndex(options: CatalogSourceOptions): Promise<CatalogIndex> {
  if (options.dir) {
    const path = join(options.dir, INDEX_FILE);
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      throw new SlipwayError('NOT_FOUND', `no ${INDEX_FILE} in ${options.dir}`, { subject: path, hint: 'point --dir at a checkout of the catalog branch', cause: error });
    });
    return readIndex(text);
  }
  const location = await catalogLocation(options.cwd, await loadConfig(options.cwd), options.location);
  const text = await readCatalogBranch(location, (tip) => tip.read(INDEX_FILE));
  if (text === undefined) {
    throw new SlipwayError('NOT_FOUND', `the catalog branch ${location.branch} has no ${INDEX_FILE} yet`, {
      subject: location.branch,
      hint: 'index a release first: slipway index --tag <tag> (or --rebuild)',
    });
  }
  return readIndex(text);
}

export async function compatiblePlugins(options: CatalogSourceOptions & { core: string; prereleases?: boolean }): Promise<CompatibilityAnswer> {
  if (!isValidVersion(options.core)) {
    throw new SlipwayError('VERSION_INVALID', `"${options.core}" is not a semver version`, { subject: '--core', hint: 'give the core version, e.g. --core 1.4.0' });
  }
  return compatibleWith(await readCatalogIndex(options), options.core, { prereleases: options.prereleases });
}
