/**
 * The catalog's files, as data. The catalog is a folder (a branch, usually served by GitHub
 * Pages) holding:
 *
 *   index.json               every plugin: its latest version and, per version, the core range
 *   plugins/<file>.json      one plugin: every version's full entry, newest first
 *   index.html, .nojekyll    the browsable page (constant bytes; it fetches the JSON)
 *
 * The schemas validate what is read back from the branch (a hand-edited file that no longer
 * fits is CATALOG_INVALID, not a crash later) and, through z.infer, are the TypeScript types.
 * `schemaVersion` changes only when a reader would misread the new shape; documented in
 * docs/catalog.md.
 */
import * as z from 'zod';
import { ECOSYSTEMS } from '../types.ts';
import { elementSchema } from './plugin-manifest.ts';

export const CATALOG_SCHEMA_VERSION = 1;

/** Everything the catalog knows about one version of one plugin. */
export const catalogVersionSchema = z.strictObject({
  version: z.string(),
  /** A Maven artifact (one subproject/module of a Gradle/Maven release unit): its coordinate. */
  groupId: z.string().optional(),
  artifactId: z.string().optional(),
  /** The release unit the artifact ships with (its tag is the unit's), when it is not the artifact itself. */
  unit: z.string().optional(),
  /** The release tag; absent when the entry was made from a commit. */
  tag: z.string().optional(),
  commit: z.string(),
  /** When the version was released: the tag's date (tagger date, or commit date for a lightweight tag), ISO 8601 UTC. */
  releaseDate: z.string(),
  ecosystem: z.enum(ECOSYSTEMS),
  title: z.string(),
  group: z.string().optional(),
  description: z.string(),
  license: z.string().optional(),
  homepage: z.string().optional(),
  repository: z.string().optional(),
  keywords: z.array(z.string()),
  categories: z.array(z.string()),
  /** A data: URI or an https URL. */
  icon: z.string().optional(),
  /** The core versions this version works with (a semver range). */
  coreRange: z.string().optional(),
  /** This version's section of the plugin's changelog (Markdown). */
  releaseNotes: z.string().optional(),
  elements: z.array(elementSchema),
});
export type CatalogVersion = z.infer<typeof catalogVersionSchema>;

/** What process-metadata produces: one version of one plugin, named. */
export const catalogEntrySchema = catalogVersionSchema.extend({ name: z.string() });
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const pluginFileSchema = z.strictObject({
  schemaVersion: z.literal(CATALOG_SCHEMA_VERSION),
  name: z.string(),
  /** Newest first (semver order). */
  versions: z.array(catalogVersionSchema),
});
export type PluginFile = z.infer<typeof pluginFileSchema>;

export const indexedVersionSchema = z.strictObject({
  version: z.string(),
  coreRange: z.string().optional(),
  releaseDate: z.string(),
});
export type IndexedVersion = z.infer<typeof indexedVersionSchema>;

/** One plugin in index.json: enough to list, search and answer "compatible with core X". */
export const indexedPluginSchema = z.strictObject({
  name: z.string(),
  /** The plugin's file, relative to index.json. */
  file: z.string(),
  /** The highest stable version (the highest prerelease when there is no stable one). */
  latest: z.string(),
  groupId: z.string().optional(),
  artifactId: z.string().optional(),
  ecosystem: z.enum(ECOSYSTEMS),
  title: z.string(),
  group: z.string().optional(),
  description: z.string(),
  keywords: z.array(z.string()),
  categories: z.array(z.string()),
  /** Newest first. */
  versions: z.array(indexedVersionSchema),
});
export type IndexedPlugin = z.infer<typeof indexedPluginSchema>;

export const catalogIndexSchema = z.strictObject({
  schemaVersion: z.literal(CATALOG_SCHEMA_VERSION),
  /** Sorted by name (code points). */
  plugins: z.array(indexedPluginSchema),
});
export type CatalogIndex = z.infer<typeof catalogIndexSchema>;

export const INDEX_FILE = 'index.json';
export const PAGE_FILE = 'index.html';
/** Tells GitHub Pages to serve the files as they are, without a Jekyll build. */
export const NOJEKYLL_FILE = '.nojekyll';
export const PLUGINS_DIR = 'plugins';
