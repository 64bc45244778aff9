/**
 * Everything process-metadata reads for one plugin version, at its commit: the package
 * manifest's facts, the plugin manifest (package.json's `slipway` field or a
 * slipway-plugin.json/.yml file in the plugin folder), the changelog, and — on request — an
 * icon file. Files are read through one shared `git cat-file --batch` (./git-objects.ts).
 */
import { posix } from 'node:path';
import { parseDocument } from 'yaml';
import { metadataError, type ManifestSource } from '../../core/catalog/catalog-entry.ts';
import { MANIFEST_FILES, PACKAGE_JSON_FIELD } from '../../core/catalog/plugin-manifest.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import type { Plugin } from '../../core/types.ts';
import type { GitObjectReader } from './git-objects.ts';
import { readPackageFacts, type PackageReading } from './package-facts.ts';

export interface PluginVersionFiles extends PackageReading {
  manifest: ManifestSource | undefined;
  /** Every place the plugin manifest may be (for the "none found" error). */
  lookedIn: string[];
  /** The plugin's changelog at the commit, if it has one. */
  changelog: string | undefined;
  /** A file of the plugin folder at the commit (for the icon). */
  readPluginFile(path: string): Promise<Buffer | undefined>;
}

export interface VersionAt {
  plugin: Plugin;
  version: string;
  commit: string;
  /** The tag, or the revision asked for (messages only). */
  at: string;
}

export async function readPluginVersion(objects: GitObjectReader, target: VersionAt, config: SlipwayConfig): Promise<PluginVersionFiles> {
  const { plugin, commit } = target;
  const inFolder = (file: string) => posix.join(plugin.path, file);
  const [reading, changelog, ...manifestTexts] = await Promise.all([
    readPackageFacts(objects, commit, target.at, plugin, config),
    objects.readText(commit, inFolder(config.release.changelog)),
    ...MANIFEST_FILES.map((file) => objects.readText(commit, inFolder(file))),
  ]);
  const found: ManifestSource[] = reading.embedded ? [reading.embedded] : [];
  MANIFEST_FILES.forEach((name, i) => {
    const text = manifestTexts[i];
    if (text !== undefined) found.push(parseManifestFile(inFolder(name), text, plugin.name, target.version));
  });
  if (found.length > 1) {
    const where = found.map((source) => (source.prefix ? `"${source.prefix}" in ${source.file}` : source.file));
    throw metadataError(plugin.name, target.version, [
      { file: found[1]!.file, field: '(the manifest)', message: `is a second plugin manifest: ${where.join(' and ')} both exist; keep one` },
    ]);
  }
  const lookedIn = [
    ...(plugin.ecosystem === 'npm' ? [`"${PACKAGE_JSON_FIELD}" in ${plugin.manifestFile}`] : []),
    ...MANIFEST_FILES.map(inFolder),
  ];
  return {
    ...reading,
    manifest: found[0],
    lookedIn,
    changelog,
    readPluginFile: (path) => objects.read(commit, inFolder(path)),
  };
}

function parseManifestFile(file: string, text: string, plugin: string, version: string): ManifestSource {
  if (file.endsWith('.json')) {
    try {
      return { file, prefix: '', value: JSON.parse(text.replace(/^\uFEFF/, '')) };
    } catch (error) {
      throw metadataError(plugin, version, [{ file, field: '(the file)', message: `is not valid JSON: ${(error as Error).message}` }]);
    }
  }
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    const line = error.linePos?.[0]?.line;
    // The message's first line, without the position (it goes into the file name) or the excerpt.
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw metadataError(plugin, version, [{ file: line ? `${file}:${line}` : file, field: '(the file)', message: `is not valid YAML: ${message}` }]);
  }
  return { file, prefix: '', value: doc.toJS() };
}
