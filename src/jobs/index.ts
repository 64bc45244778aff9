/**
 * The index job: plugin versions → catalog. Extracts the entries first (process-metadata, all
 * problems reported before anything is written), then merges them into the catalog branch as
 * a compare-and-swap (adapters/catalog/catalog-branch.ts): on a lost race the merge is redone
 * from the new tip. Same input, same bytes: a reindex that changes nothing makes no commit.
 *
 *   tags / a plugin (and version) / everything   merge those versions, keep the rest
 *   rebuild                                      the catalog made again from the tags alone
 *   catch-up                                     also every released version the catalog lacks
 */
import { updateCatalogBranch, type CatalogLocation, type CatalogTip, type CatalogUpdateResult } from '../adapters/catalog/catalog-branch.ts';
import { catalogLocation, type LocationOverrides } from '../adapters/catalog/catalog-location.ts';
import type { ReleaseNotesLookup } from '../adapters/catalog/github-release-notes.ts';
import { loadConfig } from '../adapters/config-file.ts';
import { INDEX_FILE, PLUGINS_DIR, type CatalogEntry } from '../core/catalog/catalog-schema.ts';
import { buildCatalog, changedFiles, filesToRead, mergeCatalog, readIndex, staticFiles, type CatalogChanges } from '../core/catalog/merge-catalog.ts';
import { pluginFileName } from '../core/catalog/plugin-file-name.ts';
import { selectReleased, type SkippedTag, type VersionTarget } from '../core/catalog/select-versions.ts';
import type { SlipwayConfig } from '../core/config/schema.ts';
import type { Reporter } from '../core/reporter.ts';
import { extractEntries, openFleetSource, selectTargets, type FleetSource, type MetadataSelection } from './metadata.ts';

export interface IndexOptions {
  cwd: string;
  reporter: Reporter;
  config?: SlipwayConfig;
  /** The versions to index. */
  select?: MetadataSelection;
  /** Entries already extracted (`slipway metadata --out`); no fleet is read then. */
  entries?: readonly CatalogEntry[];
  /** Make the whole catalog again from every release tag of the fleet (select is ignored). */
  rebuild?: boolean;
  /** Also index every released version the catalog lacks (a run whose event was lost). */
  catchUp?: boolean;
  location?: LocationOverrides;
  dryRun?: boolean;
  maxAttempts?: number;
  releaseNotes?: ReleaseNotesLookup | undefined;
}

export interface IndexResult extends CatalogUpdateResult {
  /** Every entry merged (caught-up ones included). */
  entries: CatalogEntry[];
  skipped: SkippedTag[];
  location: Omit<CatalogLocation, 'token'>;
  /** Milliseconds spent reading the fleet and tags, extracting metadata, and updating the catalog branch. */
  timings: { fleet: number; metadata: number; catalog: number };
}

export async function indexCatalog(options: IndexOptions): Promise<IndexResult> {
  const { reporter } = options;
  const config = options.config ?? (await loadConfig(options.cwd));
  const location = await catalogLocation(options.cwd, config, options.location);
  // A catalog repository of its own (org mode) holds other repositories' plugins too.
  const orgMode = Boolean(options.location?.repository || config.catalog.repository);
  const needsFleet = options.entries === undefined || options.rebuild || options.catchUp;
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - mark);
    mark = now;
    return ms;
  };
  const source = needsFleet ? await openFleetSource(options.cwd, config) : undefined;
  const fleetMs = lap();

  let entries: CatalogEntry[] = [...(options.entries ?? [])];
  let skipped: SkippedTag[] = [];
  if (source && (options.rebuild || options.select)) {
    const selection = options.rebuild ? selectReleased(source.tagContext) : await selectTargets(source, options.select!);
    skipped = selection.skipped;
    for (const skip of skipped) reporter.info(`skipped tag ${skip.tag}: ${skip.reason}`);
    entries = [...entries, ...(await extractEntries(source, selection.targets, { reporter, releaseNotes: options.releaseNotes })).entries];
  }
  const metadataMs = lap();

  // Caught-up entries are remembered across attempts: a retry re-merges, it does not re-read git.
  const caughtUp = new Map<string, CatalogEntry | null>();
  let merged = entries;
  const result = await updateCatalogBranch(
    location,
    async (tip) => {
      merged = options.catchUp && source ? [...entries, ...(await catchUp(source, tip, entries, caughtUp, options))] : entries;
      const changes = options.rebuild && source ? await rebuildChanges(tip, merged, source, orgMode) : await mergeChanges(tip, merged);
      return { changes, message: commitMessage(merged, options.rebuild === true) };
    },
    { reporter, dryRun: options.dryRun, maxAttempts: options.maxAttempts },
  );
  const timings = { fleet: fleetMs, metadata: metadataMs, catalog: lap() };
  reporter.info(summaryLine(result, merged, location));
  reporter.debug(`timings: fleet and tags ${timings.fleet} ms, metadata ${timings.metadata} ms, catalog ${timings.catalog} ms`);
  return { ...result, entries: merged, skipped, location: { url: location.url, branch: location.branch }, timings };
}

async function readFiles(tip: CatalogTip, paths: readonly string[]): Promise<Map<string, string | undefined>> {
  const texts = await Promise.all(paths.map((path) => tip.read(path)));
  return new Map(paths.map((path, i) => [path, texts[i]]));
}

/** O(1) files: index.json, the page, and the file of each plugin with a new entry. */
async function mergeChanges(tip: CatalogTip, entries: readonly CatalogEntry[]): Promise<CatalogChanges> {
  if (entries.length === 0) return new Map();
  const current = await readFiles(tip, filesToRead(entries));
  return changedFiles(current, mergeCatalog(current, entries));
}

/**
 * Every file from the entries alone; plugin files of other repositories are kept in org mode
 * (a central catalog cannot be rebuilt from one repository's tags), and pruned otherwise.
 */
async function rebuildChanges(tip: CatalogTip, entries: readonly CatalogEntry[], source: FleetSource, orgMode: boolean): Promise<CatalogChanges> {
  const pluginPaths = await tip.list(PLUGINS_DIR);
  const current = await readFiles(tip, [INDEX_FILE, ...staticFiles().keys(), ...pluginPaths]);
  const ours = new Set(source.fleet.plugins.map((plugin) => pluginFileName(plugin.name)));
  const keep = new Map<string, string>();
  if (orgMode) {
    for (const path of pluginPaths) if (!ours.has(path)) keep.set(path, current.get(path)!);
  }
  return changedFiles(current, buildCatalog(entries, keep), { prune: true });
}

async function catchUp(source: FleetSource, tip: CatalogTip, entries: readonly CatalogEntry[], cache: Map<string, CatalogEntry | null>, options: IndexOptions): Promise<CatalogEntry[]> {
  const index = readIndex(await tip.read(INDEX_FILE));
  const known = new Set(index.plugins.flatMap((plugin) => plugin.versions.map((v) => `${plugin.name}@${v.version}`)));
  for (const entry of entries) known.add(`${entry.name}@${entry.version}`);
  const key = (t: VersionTarget) => `${t.plugin}@${t.version}`;
  const missing = selectReleased(source.tagContext).targets.filter((t) => !known.has(key(t)));
  const toRead = missing.filter((t) => !cache.has(key(t)));
  if (toRead.length) {
    options.reporter.info(`catching up on ${toRead.length} released version(s) missing from the catalog`);
    const { entries: read } = await extractEntries(source, toRead, { reporter: options.reporter, releaseNotes: options.releaseNotes, tolerant: true });
    for (const t of toRead) cache.set(key(t), null);
    for (const entry of read) cache.set(`${entry.name}@${entry.version}`, entry);
  }
  return missing.map((t) => cache.get(key(t))).filter((entry): entry is CatalogEntry => entry != null);
}

function commitMessage(entries: readonly CatalogEntry[], rebuild: boolean): string {
  if (rebuild) return `catalog: rebuild from ${entries.length} release tag(s)\n`;
  const names = entries.map((entry) => `${entry.name}@${entry.version}`);
  if (names.length <= 3) return `catalog: index ${names.join(', ')}\n`;
  return `catalog: index ${names.length} versions\n\n${names.map((name) => `- ${name}`).join('\n')}\n`;
}

function summaryLine(result: CatalogUpdateResult, entries: readonly CatalogEntry[], location: CatalogLocation): string {
  const where = `${location.branch} of ${location.url.replace(/\/\/[^/@]+@/, '//***@')}`;
  if (result.status === 'unchanged') return `catalog unchanged (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} already up to date in ${where})`;
  if (result.status === 'dry-run') return `dry run: ${result.changed.length} file(s) would change in ${where}`;
  const retries = result.attempts > 1 ? ` after ${result.attempts - 1} lost race(s)` : '';
  return `catalog updated: ${result.changed.length} file(s) in ${where} (${result.commit?.slice(0, 7)})${retries}`;
}
