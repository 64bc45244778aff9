/**
 * Compat feeds the catalog: `compat.json` (plugin → version → core versions it passed and
 * failed with; src/core/compat/catalog-compat.ts) is written beside the catalog's index.json on
 * the catalog branch, through the catalog's own compare-and-swap writer, so it is served with
 * the catalog (GitHub Pages) and survives concurrent index runs. The catalog's rebuild prunes
 * only the files it owns (index.json, plugins/*), so compat.json is never removed by it.
 *
 * Only where a catalog exists: compat never creates the catalog branch.
 */
import { updateCatalogBranch, type CatalogLocation, type CatalogUpdateResult } from '../catalog/catalog-branch.ts';
import { mergeCatalogCompat, type CatalogCompat } from '../../core/compat/catalog-compat.ts';
import type { StoredRun } from '../../core/compat/compat-run.ts';
import { stableJson } from '../../core/catalog/stable-json.ts';
import type { Reporter } from '../../core/reporter.ts';

export const CATALOG_COMPAT_FILE = 'compat.json';

export interface CatalogFeedResult {
  status: CatalogUpdateResult['status'] | 'no-catalog';
  commit?: string | undefined;
}

export async function feedCatalog(location: CatalogLocation, run: StoredRun, options: { reporter: Reporter; dryRun?: boolean }): Promise<CatalogFeedResult> {
  let exists = true;
  const result = await updateCatalogBranch(
    location,
    async (tip) => {
      if (tip.commit === undefined) {
        exists = false;
        return { changes: new Map(), message: '' };
      }
      const text = await tip.read(CATALOG_COMPAT_FILE);
      const existing = text === undefined ? undefined : (JSON.parse(text) as CatalogCompat);
      // updatedBy names the last run that added something: a rerun of the same run changes nothing.
      const merged = stableJson(mergeCatalogCompat(existing, run));
      const unchanged = text !== undefined && stableJson({ ...JSON.parse(text), updatedBy: run.id }) === merged;
      return { changes: unchanged ? new Map() : new Map([[CATALOG_COMPAT_FILE, merged]]), message: `compat: core compatibility seen in run ${run.id}` };
    },
    { reporter: options.reporter, ...(options.dryRun ? { dryRun: true } : {}) },
  );
  if (!exists) return { status: 'no-catalog' };
  return { status: result.status, commit: result.commit };
}
