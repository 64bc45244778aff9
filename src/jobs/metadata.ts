/**
 * process-metadata: plugin versions (tags, a plugin and a version, a commit, or everything) →
 * catalog entries. Reads the fleet from the working tree (where each plugin lives) and every
 * file of a version at its commit (what was released). Writes nothing.
 */
import pMap from 'p-map';
import { GitObjectReader } from '../adapters/catalog/git-objects.ts';
import type { ReleaseNotesLookup } from '../adapters/catalog/github-release-notes.ts';
import { readPluginVersion } from '../adapters/catalog/read-plugin-version.ts';
import { readCommit, readRepoTags } from '../adapters/catalog/repo-tags.ts';
import { loadConfig } from '../adapters/config-file.ts';
import { discoverFleet, type Fleet } from '../adapters/fleet.ts';
import { composeEntry, metadataError, validatedManifest } from '../core/catalog/catalog-entry.ts';
import type { CatalogEntry } from '../core/catalog/catalog-schema.ts';
import { iconDataUri, iconSource } from '../core/catalog/icon.ts';
import { changelogSection } from '../core/catalog/release-notes.ts';
import { selectReleased, selectTags, type Selection, type SkippedTag, type TagContext, type VersionTarget } from '../core/catalog/select-versions.ts';
import type { SlipwayConfig } from '../core/config/schema.ts';
import { formatError, isSlipwayError, SlipwayError } from '../core/errors.ts';
import { isValidVersion } from '../core/history/tag-format.ts';
import type { Reporter } from '../core/reporter.ts';
import type { Artifact, Plugin } from '../core/types.ts';
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { strategyFor } from '../adapters/ecosystems/strategy.ts';
import { MANIFEST_FILES, type PluginManifest } from '../core/catalog/plugin-manifest.ts';
import { tagFormatFor } from '../core/history/tag-format.ts';

export type MetadataSelection =
  /** Tags by name (a push event's GITHUB_REF, the release job's dispatch, `--tag`). */
  | { kind: 'tags'; tags: readonly string[] }
  /** Released versions: of every plugin, of one plugin, or one version of one plugin. */
  | { kind: 'released'; plugin?: string | undefined; version?: string | undefined }
  /** One plugin at any commit (its version read from its manifest there). */
  | { kind: 'commit'; plugin: string; ref: string };

/** The repository as process-metadata sees it: config, fleet, tags. */
export interface FleetSource {
  cwd: string;
  config: SlipwayConfig;
  fleet: Fleet;
  tagContext: TagContext;
}

export interface MetadataOptions {
  cwd: string;
  reporter: Reporter;
  select: MetadataSelection;
  config?: SlipwayConfig;
  /** Where release notes come from when the plugin's changelog has no section for the version. */
  releaseNotes?: ReleaseNotesLookup | undefined;
}

export interface MetadataResult {
  entries: CatalogEntry[];
  skipped: SkippedTag[];
  source: FleetSource;
}

export async function processMetadata(options: MetadataOptions): Promise<MetadataResult> {
  const source = await openFleetSource(options.cwd, options.config);
  const { targets, skipped } = await selectTargets(source, options.select);
  for (const skip of skipped) options.reporter.info(`skipped tag ${skip.tag}: ${skip.reason}`);
  const { entries } = await extractEntries(source, targets, { reporter: options.reporter, releaseNotes: options.releaseNotes });
  return { entries, skipped, source };
}

export async function openFleetSource(cwd: string, config?: SlipwayConfig): Promise<FleetSource> {
  const loaded = config ?? (await loadConfig(cwd));
  const [fleet, tags] = await Promise.all([discoverFleet(cwd, loaded), readRepoTags(cwd)]);
  const tagContext: TagContext = { format: tagFormatFor(loaded, fleet), plugins: fleet.plugins.map((p) => p.name), single: fleet.single, tags };
  return { cwd, config: loaded, fleet, tagContext };
}

export async function selectTargets(source: FleetSource, select: MetadataSelection): Promise<Selection> {
  if (select.kind === 'tags') return selectTags(select.tags, source.tagContext);
  if (select.kind === 'released') return selectReleased(source.tagContext, select);
  const plugin = pluginNamed(source, select.plugin);
  const { commit, date } = await readCommit(source.cwd, select.ref);
  // The version is the one in the manifest at that commit, read with the rest below; the
  // target carries a placeholder that composeEntry's version check does not apply to.
  return { targets: [{ plugin: plugin.name, version: '', tag: select.ref, commit, date }], skipped: [] };
}

export interface ExtractOptions {
  reporter: Reporter;
  releaseNotes?: ReleaseNotesLookup | undefined;
  /**
   * Report a version that cannot be indexed as a warning and go on (catching up on old tags),
   * instead of failing the whole run (the versions asked for).
   */
  tolerant?: boolean;
}

/** Reads and checks every target; all problems are reported together, in one error. */
export async function extractEntries(source: FleetSource, targets: readonly VersionTarget[], options: ExtractOptions): Promise<{ entries: CatalogEntry[]; failed: VersionTarget[] }> {
  const objects = new GitObjectReader(source.cwd);
  const failures: { at: number; target: VersionTarget; error: unknown }[] = [];
  try {
    let done = 0;
    // Several versions in flight keep git cat-file's pipe full; the reads themselves are serial.
    const results = await pMap(
      targets,
      async (target, at) => {
        try {
          return await extractUnitEntries(source, objects, target, options.releaseNotes);
        } catch (error) {
          failures.push({ at, target, error });
          return undefined;
        } finally {
          options.reporter.progress('metadata', ++done, targets.length);
        }
      },
      { concurrency: 8 },
    );
    const entries = results.flatMap((unit) => unit ?? []);
    failures.sort((a, b) => a.at - b.at);
    if (failures.length && !options.tolerant) throw combined(failures.map((f) => f.error));
    for (const failure of failures) options.reporter.warn(`${failure.target.tag} is not indexed: ${formatError(failure.error)}`);
    return { entries, failed: failures.map((f) => f.target) };
  } finally {
    await objects.close();
  }
}

/**
 * A unit's catalog entries at one version: one per artifact for a Gradle/Maven unit that
 * publishes artifacts (the catalog is per artifact: groupId, artifactId, min core version),
 * else the unit's one entry.
 */
async function extractUnitEntries(source: FleetSource, objects: GitObjectReader, target: VersionTarget, releaseNotes: ReleaseNotesLookup | undefined): Promise<CatalogEntry[]> {
  const plugin = pluginNamed(source, target.plugin);
  const artifacts = plugin.artifacts ?? [];
  if (artifacts.length === 0 || !strategyFor(plugin.ecosystem).jvm) return [await extractEntry(source, objects, target, releaseNotes)];
  const fromCommit = target.version === '';
  const files = await readPluginVersion(objects, { plugin, version: target.version || target.tag, commit: target.commit, at: target.tag }, source.config);
  const version = fromCommit ? versionAtCommit(plugin, target, files.facts.version) : target.version;
  const notes = (files.changelog && changelogSection(files.changelog, version)) || (!fromCommit && releaseNotes ? await releaseNotes(target.tag) : undefined);
  const entries: CatalogEntry[] = [];
  const problems: unknown[] = [];
  for (const artifact of artifacts) {
    try {
      entries.push(await artifactEntry(objects, plugin, artifact, files, { version, target, fromCommit, notes }));
    } catch (error) {
      problems.push(error);
    }
  }
  if (problems.length) throw combined(problems);
  return entries;
}

/**
 * One artifact's entry. Its catalog facts come from a slipway-plugin.yml in its folder at the
 * tag when there is one, else from its build file (X-Kestra-Title/-Group/-Description,
 * project.description / <name>, <description>), read from the working tree's fleet.
 */
async function artifactEntry(
  objects: GitObjectReader,
  plugin: Plugin,
  artifact: Artifact,
  files: Awaited<ReturnType<typeof readPluginVersion>>,
  at: { version: string; target: VersionTarget; fromCommit: boolean; notes: string | undefined },
): Promise<CatalogEntry> {
  const name = artifact.artifactId;
  const inFolder = (file: string) => posix.join(artifact.path, file);
  const written = (await Promise.all(MANIFEST_FILES.map(async (file) => ({ file: inFolder(file), text: await objects.readText(at.target.commit, inFolder(file)) })))).find((f) => f.text !== undefined);
  const buildFile = plugin.ecosystem === 'maven' ? inFolder('pom.xml') : inFolder('build.gradle');
  let manifest: PluginManifest;
  let manifestFile = buildFile;
  if (written) {
    let value: unknown;
    try {
      value = written.file.endsWith('.json') ? (JSON.parse(written.text!) as unknown) : parseYaml(written.text!);
    } catch (error) {
      throw metadataError(name, at.version, [{ file: written.file, field: '(the file)', message: `does not parse: ${(error as Error).message.split('\n')[0]}` }]);
    }
    manifest = validatedManifest(name, at.version, { file: written.file, prefix: '', value }, [written.file]);
    manifestFile = written.file;
  } else if (artifact.title !== undefined || artifact.description !== undefined) {
    manifest = { title: artifact.title ?? name, categories: [], elements: [], ...(artifact.group ? { group: artifact.group } : {}) };
  } else {
    throw new SlipwayError('METADATA_INVALID', `has no catalog title: looked for "X-Kestra-Title" in ${buildFile} and for ${MANIFEST_FILES.map(inFolder).join(', ')}`, {
      subject: `${name}@${at.version}`,
      hint: `set the jar manifest attribute "X-Kestra-Title" (and project.description) in ${buildFile}, or add ${inFolder('slipway-plugin.yml')}`,
    });
  }
  const entry = composeEntry({
    facts: { ...files.facts, name, file: buildFile, ...(artifact.description ? { description: artifact.description } : {}) },
    manifest,
    manifestFile,
    release: { version: at.version, tag: at.fromCommit ? undefined : at.target.tag, commit: at.target.commit, date: at.target.date },
    releaseNotes: at.notes,
  });
  return { ...entry, ...(artifact.groupId ? { groupId: artifact.groupId } : {}), artifactId: artifact.artifactId, ...(name === plugin.name ? {} : { unit: plugin.name }) };
}

async function extractEntry(source: FleetSource, objects: GitObjectReader, target: VersionTarget, releaseNotes: ReleaseNotesLookup | undefined): Promise<CatalogEntry> {
  const plugin = pluginNamed(source, target.plugin);
  const fromCommit = target.version === '';
  const files = await readPluginVersion(objects, { plugin, version: target.version || target.tag, commit: target.commit, at: target.tag }, source.config);
  const version = fromCommit ? versionAtCommit(plugin, target, files.facts.version) : target.version;
  const manifest = validatedManifest(plugin.name, version, files.manifest, files.lookedIn);
  const icon = manifest.icon === undefined ? undefined : await resolveIcon(manifest.icon, files, plugin, version);
  const notes = (files.changelog && changelogSection(files.changelog, version)) || (!fromCommit && releaseNotes ? await releaseNotes(target.tag) : undefined);
  return composeEntry({
    facts: files.facts,
    manifest,
    manifestFile: files.manifest!.file,
    release: { version, tag: fromCommit ? undefined : target.tag, commit: target.commit, date: target.date },
    releaseNotes: notes,
    icon,
  });
}

function versionAtCommit(plugin: Plugin, target: VersionTarget, written: string | undefined): string {
  if (written !== undefined && isValidVersion(written)) return written;
  throw new SlipwayError('VERSION_INVALID', `${plugin.manifestFile} at ${target.tag} has no semver version (${JSON.stringify(written ?? null)})`, {
    subject: plugin.name,
    hint: 'index a commit whose manifest holds the version being described',
  });
}

async function resolveIcon(icon: string, files: Awaited<ReturnType<typeof readPluginVersion>>, plugin: Plugin, version: string): Promise<string> {
  const where = files.manifest!.file;
  const field = files.manifest!.prefix ? `${files.manifest!.prefix}.icon` : 'icon';
  const source = iconSource(icon);
  if ('problem' in source) throw metadataError(plugin.name, version, [{ file: where, field, message: source.problem }]);
  if (source.kind === 'inline') return source.uri;
  const bytes = await files.readPluginFile(source.path);
  const path = plugin.path ? `${plugin.path}/${source.path}` : source.path;
  if (!bytes) throw metadataError(plugin.name, version, [{ file: where, field, message: `names ${path}, which does not exist at the tag` }]);
  const uri = iconDataUri(path, bytes);
  if ('problem' in uri) throw metadataError(plugin.name, version, [{ file: where, field, message: uri.problem }]);
  return uri.uri;
}

function pluginNamed(source: FleetSource, name: string): Plugin {
  const plugin = source.fleet.plugins.find((p) => p.name === name);
  if (!plugin) {
    throw new SlipwayError('NOT_FOUND', `no plugin named "${name}" in this fleet`, {
      subject: name,
      hint: `the fleet has ${source.fleet.plugins.length} plugin(s): ${source.fleet.plugins.slice(0, 10).map((p) => p.name).join(', ')}`,
    });
  }
  return plugin;
}

/** One error for many: each failure's own message (with its plugin, file and field) listed. */
function combined(errors: readonly unknown[]): unknown {
  if (errors.length === 1) return errors[0];
  const code = errors.every((e) => isSlipwayError(e) && e.code === 'METADATA_INVALID') ? 'METADATA_INVALID' : 'VALIDATION_FAILED';
  const line = (e: unknown) => (isSlipwayError(e) ? `${e.subject ? `${e.subject}: ` : ''}${e.message}` : formatError(e));
  return new SlipwayError(code, `${errors.length} plugin versions cannot be indexed:\n${errors.map((e) => `• ${line(e).replace(/\n/g, '\n  ')}`).join('\n')}`, {
    subject: 'metadata',
    hint: 'nothing was indexed; fix the files named above (see docs/plugin-manifest.md)',
  });
}
