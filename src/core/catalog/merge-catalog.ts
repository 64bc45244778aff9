/**
 * Merging entries into the catalog, as a pure function over file contents: given the current
 * text of the files an update touches, the new text of each. Indexing one version reads and
 * writes O(1) files — the plugin's own file and index.json — however large the catalog is.
 * A rebuild makes every file from the entries alone; both paths give the same bytes for the
 * same versions, because both go through `pluginFileText` and `indexText`.
 */
import semver from 'semver';
import { SlipwayError } from '../errors.ts';
import { catalogPage } from './catalog-page.ts';
import {
  CATALOG_SCHEMA_VERSION,
  catalogIndexSchema,
  INDEX_FILE,
  NOJEKYLL_FILE,
  PAGE_FILE,
  pluginFileSchema,
  PLUGINS_DIR,
  type CatalogEntry,
  type CatalogIndex,
  type CatalogVersion,
  type IndexedPlugin,
  type PluginFile,
} from './catalog-schema.ts';
import { pluginFileName } from './plugin-file-name.ts';
import { byCodePoint, stableJson } from './stable-json.ts';

/** Path → text of the catalog files in question; undefined where the file does not exist. */
export type CatalogSnapshot = ReadonlyMap<string, string | undefined>;
/** Path → new text, or null to delete the file. */
export type CatalogChanges = Map<string, string | null>;

/** The files that always sit at the catalog's root, with their constant text. */
export function staticFiles(): Map<string, string> {
  return new Map([
    [PAGE_FILE, catalogPage()],
    [NOJEKYLL_FILE, ''],
  ]);
}

/** The files `mergeCatalog` reads for these entries: index.json, the page and each plugin's file. */
export function filesToRead(entries: readonly Pick<CatalogEntry, 'name'>[]): string[] {
  const plugins = new Set(entries.map((entry) => pluginFileName(entry.name)));
  return [INDEX_FILE, ...staticFiles().keys(), ...[...plugins].sort(byCodePoint)];
}

/**
 * The new text of every file `filesToRead(entries)` names. A version already in the catalog
 * is replaced by its new entry (a reindex); every other version is kept.
 */
export function mergeCatalog(current: CatalogSnapshot, entries: readonly CatalogEntry[]): Map<string, string> {
  const next = staticFiles();
  const index = readIndex(current.get(INDEX_FILE));
  const summaries = new Map(index.plugins.map((plugin) => [plugin.name, plugin]));
  for (const [name, versions] of byPlugin(entries)) {
    const path = pluginFileName(name);
    const existing = readPluginFile(current.get(path), path, name);
    const merged = new Map(existing.versions.map((v) => [v.version, v]));
    for (const version of versions) merged.set(version.version, version);
    const file = pluginFile(name, [...merged.values()]);
    next.set(path, stableJson(file));
    summaries.set(name, summarise(file, path));
  }
  next.set(INDEX_FILE, indexText([...summaries.values()]));
  return next;
}

/**
 * The whole catalog from entries alone (`slipway index --rebuild`), plus plugin files to keep
 * as they are (org mode: other repositories' plugins in the same catalog).
 */
export function buildCatalog(entries: readonly CatalogEntry[], keep: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const next = staticFiles();
  const summaries: IndexedPlugin[] = [];
  const built = new Set<string>();
  for (const [name, versions] of byPlugin(entries)) {
    const path = pluginFileName(name);
    const file = pluginFile(name, versions);
    next.set(path, stableJson(file));
    summaries.push(summarise(file, path));
    built.add(path);
  }
  for (const [path, text] of keep) {
    if (built.has(path)) continue;
    const file = readPluginFile(text, path);
    next.set(path, text);
    summaries.push(summarise(file, path));
  }
  next.set(INDEX_FILE, indexText(summaries));
  return next;
}

/**
 * What differs between the current files and the next ones. With `prune`, plugin files that
 * exist now but are not in `next` are deleted (a rebuild); files outside plugins/ (a CNAME,
 * a README) are never touched.
 */
export function changedFiles(current: CatalogSnapshot, next: ReadonlyMap<string, string>, options: { prune?: boolean } = {}): CatalogChanges {
  const changes: CatalogChanges = new Map();
  for (const [path, text] of next) if (current.get(path) !== text) changes.set(path, text);
  if (options.prune) {
    for (const [path, text] of current) {
      if (text !== undefined && path.startsWith(`${PLUGINS_DIR}/`) && !next.has(path)) changes.set(path, null);
    }
  }
  return new Map([...changes].sort(([a], [b]) => byCodePoint(a, b)));
}

/** Parses index.json (absent → an empty catalog). */
export function readIndex(text: string | undefined): CatalogIndex {
  if (text === undefined) return { schemaVersion: CATALOG_SCHEMA_VERSION, plugins: [] };
  return parseCatalogFile(text, INDEX_FILE, catalogIndexSchema);
}

/** Parses a plugin file (absent → no versions yet). */
export function readPluginFile(text: string | undefined, path: string, name?: string): PluginFile {
  if (text === undefined) return { schemaVersion: CATALOG_SCHEMA_VERSION, name: name ?? '', versions: [] };
  const file = parseCatalogFile(text, path, pluginFileSchema);
  if (name !== undefined && file.name !== name) {
    throw catalogInvalid(path, `holds plugin "${file.name}", but this path belongs to "${name}"`);
  }
  for (const version of file.versions) {
    if (semver.valid(version.version) !== version.version) throw catalogInvalid(path, `version "${version.version}" is not semver`);
  }
  return file;
}

function parseCatalogFile<T>(text: string, path: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw catalogInvalid(path, `is not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw catalogInvalid(path, `does not fit catalog schema ${CATALOG_SCHEMA_VERSION}: ${issue.path.join('.') || '(root)'} ${issue.message}`);
  }
  return result.data;
}

function catalogInvalid(path: string, message: string): SlipwayError {
  return new SlipwayError('CATALOG_INVALID', message, {
    subject: path,
    hint: 'catalog files are generated: if it was edited by hand, run `slipway index --rebuild` to make the catalog again from the tags',
  });
}

function byPlugin(entries: readonly CatalogEntry[]): Map<string, CatalogVersion[]> {
  const groups = new Map<string, CatalogVersion[]>();
  for (const { name, ...version } of entries) {
    const list = groups.get(name) ?? [];
    const same = list.findIndex((v) => v.version === version.version);
    if (same >= 0) list.splice(same, 1); // the later entry for a version wins
    list.push(version);
    groups.set(name, list);
  }
  return groups;
}

function pluginFile(name: string, versions: CatalogVersion[]): PluginFile {
  return { schemaVersion: CATALOG_SCHEMA_VERSION, name, versions: [...versions].sort((a, b) => semver.rcompare(a.version, b.version)) };
}

/** The highest stable version, or the highest prerelease when there is no stable one. */
export function latestVersion<T extends { version: string }>(newestFirst: readonly T[]): T | undefined {
  return newestFirst.find((v) => semver.prerelease(v.version) === null) ?? newestFirst[0];
}

function summarise(file: PluginFile, path: string): IndexedPlugin {
  const latest = latestVersion(file.versions);
  if (!latest) throw catalogInvalid(path, 'lists no versions');
  return {
    name: file.name,
    file: path,
    latest: latest.version,
    ...(latest.groupId === undefined ? {} : { groupId: latest.groupId }),
    ...(latest.artifactId === undefined ? {} : { artifactId: latest.artifactId }),
    ecosystem: latest.ecosystem,
    title: latest.title,
    group: latest.group,
    description: latest.description,
    keywords: latest.keywords,
    categories: latest.categories,
    versions: file.versions.map((v) => ({ version: v.version, coreRange: v.coreRange, releaseDate: v.releaseDate })),
  };
}

function indexText(plugins: IndexedPlugin[]): string {
  const index: CatalogIndex = { schemaVersion: CATALOG_SCHEMA_VERSION, plugins: [...plugins].sort((a, b) => byCodePoint(a.name, b.name)) };
  return stableJson(index);
}
