/**
 * What compat tells the catalog: for each plugin version, the core versions it was seen to
 * pass (and fail) with. Kept as `compat.json` beside the run files on the results branch, in a
 * form the catalog imports; merging only ever adds, so no observation is lost.
 *
 * A develop build's version is not unique from week to week (2.0.0-dev), so it carries the
 * commit as semver build metadata: 2.0.0-dev+g1a2b3c4 (still valid semver).
 */
import { finalAttempt, type CoreBuild, type StoredRun } from './compat-run.ts';

export const CATALOG_COMPAT_SCHEMA = 1;

export interface CoreObservations {
  passedWith: string[];
  failedWith: string[];
}

export interface CatalogCompat {
  schema: typeof CATALOG_COMPAT_SCHEMA;
  /** The core's package name, where known. */
  core?: string;
  /** plugin → plugin version → core versions. */
  plugins: Record<string, Record<string, CoreObservations>>;
  /** The last run merged in. */
  updatedBy?: string;
}

export function coreLabel(core: CoreBuild): string {
  if (core.channel === 'release' || core.version.includes('+')) return core.version;
  return `${core.version}+g${core.sha.slice(0, 7)}`;
}

export function mergeCatalogCompat(existing: CatalogCompat | undefined, run: StoredRun): CatalogCompat {
  const plugins: CatalogCompat['plugins'] = structuredClone(existing?.plugins ?? {});
  const note = (plugin: string, version: string, core: string, passed: boolean) => {
    const versions = (plugins[plugin] ??= {});
    const seen = (versions[version] ??= { passedWith: [], failedWith: [] });
    const list = passed ? seen.passedWith : seen.failedWith;
    if (!list.includes(core)) {
      list.push(core);
      list.sort();
    }
  };
  for (const result of run.results) {
    if (!result.version) continue;
    const last = finalAttempt(result);
    // Only verdicts: infra and timeouts say nothing about compatibility.
    if (last?.outcome === 'pass') note(result.plugin, result.version, coreLabel(run.core), true);
    else if (last?.outcome === 'fail') note(result.plugin, result.version, coreLabel(run.core), false);
    if (run.releaseCore && (result.baseline?.outcome === 'pass' || result.baseline?.outcome === 'fail')) {
      note(result.plugin, result.version, coreLabel(run.releaseCore), result.baseline.outcome === 'pass');
    }
  }
  const core = existing?.core ?? run.core.package;
  return { schema: CATALOG_COMPAT_SCHEMA, ...(core ? { core } : {}), plugins: sortKeys(plugins), updatedBy: run.id };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
