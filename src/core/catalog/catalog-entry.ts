/**
 * process-metadata's pure half: from what was read at a tag — the package manifest's facts,
 * the plugin manifest, the tag itself, the changelog section — to one catalog entry. Every
 * problem is collected and reported at once, each naming the file and the field to fix.
 */
import semver from 'semver';
import { SlipwayError } from '../errors.ts';
import type { Ecosystem } from '../types.ts';
import type { CatalogEntry } from './catalog-schema.ts';
import { byCodePoint } from './stable-json.ts';
import { checkPluginManifest, ELEMENT_KINDS, type CatalogElement, type FieldProblem, type PluginManifest } from './plugin-manifest.ts';

/** What the ecosystem's own manifest says, read at the ref. */
export interface PackageFacts {
  name: string;
  ecosystem: Ecosystem;
  /** The manifest file the facts come from (repository-relative), named in errors. */
  file: string;
  /** The version written there at the ref, if the ecosystem keeps one in a file. */
  version?: string | undefined;
  description?: string | undefined;
  license?: string | undefined;
  homepage?: string | undefined;
  repository?: string | undefined;
  keywords?: readonly string[] | undefined;
  coreRange?: string | undefined;
}

/** Where the plugin manifest was found: a file, or a field (`prefix`) inside the package manifest. */
export interface ManifestSource {
  file: string;
  /** `slipway` for package.json's field; '' for a file of its own. */
  prefix: string;
  value: unknown;
}

/** The version being indexed: a tag, or a commit. */
export interface ReleaseRef {
  version: string;
  tag?: string | undefined;
  commit: string;
  /** ISO 8601, UTC. */
  date: string;
}

export interface EntryProblem extends FieldProblem {
  file: string;
}

/** One METADATA_INVALID error for a plugin version, listing every problem with its file and field. */
export function metadataError(plugin: string, version: string, problems: readonly EntryProblem[], hint?: string): SlipwayError {
  const lines = problems.map((p) => `  - ${p.file}: ${p.field} ${p.message}`);
  return new SlipwayError('METADATA_INVALID', `catalog metadata is invalid:\n${lines.join('\n')}`, {
    subject: `${plugin}@${version}`,
    hint:
      hint ??
      'the files are read at the tag, so fix them and release a new version (or move the tag and reindex); the manifest is described in docs/plugin-manifest.md',
  });
}

/**
 * The validated plugin manifest, or METADATA_INVALID: none found (naming every place it may
 * be), or fields that do not fit (naming each).
 */
export function validatedManifest(plugin: string, version: string, source: ManifestSource | undefined, lookedIn: readonly string[]): PluginManifest {
  if (!source) {
    throw new SlipwayError('METADATA_INVALID', `has no plugin manifest: looked for ${lookedIn.join(', ')}`, {
      subject: `${plugin}@${version}`,
      hint: `add a plugin manifest (title and elements at least) in one of those places at the tag; see docs/plugin-manifest.md`,
    });
  }
  const check = checkPluginManifest(source.value, source.prefix);
  if (!check.ok) throw metadataError(plugin, version, check.problems.map((p) => ({ ...p, file: source.file })));
  return check.manifest;
}

export interface EntryInput {
  facts: PackageFacts;
  manifest: PluginManifest;
  /** Where the manifest was found, for errors about its fields. */
  manifestFile: string;
  release: ReleaseRef;
  releaseNotes?: string | undefined;
  /** The resolved icon (data: URI or https URL). */
  icon?: string | undefined;
}

/** The catalog entry, normalised (sorted lists, no empty optional fields), or METADATA_INVALID. */
export function composeEntry(input: EntryInput): CatalogEntry {
  const { facts, manifest, release } = input;
  const problems: EntryProblem[] = [];
  if (facts.version !== undefined && facts.version !== release.version) {
    problems.push({
      file: facts.file,
      field: 'version',
      message: `is ${JSON.stringify(facts.version)} at ${release.tag ?? release.commit.slice(0, 7)}, but the tag says ${release.version}`,
    });
  }
  const description = manifest.description ?? facts.description;
  if (!description?.trim()) {
    problems.push({ file: facts.file, field: 'description', message: `is missing: write it in ${facts.file} or as "description" in ${input.manifestFile}` });
  }
  const coreRange = manifest.coreRange ?? facts.coreRange;
  if (coreRange !== undefined && semver.validRange(coreRange) === null) {
    problems.push({ file: facts.file, field: 'core range', message: `${JSON.stringify(coreRange)} is not a semver range` });
  }
  if (problems.length) throw metadataError(facts.name, release.version, problems);

  return {
    name: facts.name,
    version: release.version,
    tag: release.tag,
    commit: release.commit,
    releaseDate: release.date,
    ecosystem: facts.ecosystem,
    title: manifest.title,
    group: manifest.group,
    description: description!.trim(),
    license: manifest.license ?? facts.license,
    homepage: manifest.homepage ?? facts.homepage,
    repository: manifest.repository ?? facts.repository,
    keywords: sortedUnique(manifest.keywords ?? facts.keywords ?? []),
    categories: sortedUnique(manifest.categories),
    icon: input.icon,
    coreRange,
    releaseNotes: input.releaseNotes,
    elements: sortedElements(manifest.elements),
  };
}

export function sortedUnique(list: readonly string[]): string[] {
  return [...new Set(list.map((item) => item.trim()).filter(Boolean))].sort(byCodePoint);
}

/** Elements by kind (in ELEMENT_KINDS order: tasks first), then by name. */
export function sortedElements(elements: readonly CatalogElement[]): CatalogElement[] {
  const rank = (kind: string) => (ELEMENT_KINDS as readonly string[]).indexOf(kind);
  return elements
    .map((e) => ({ kind: e.kind, name: e.name, ...(e.description === undefined ? {} : { description: e.description }) }))
    .sort((a, b) => rank(a.kind) - rank(b.kind) || byCodePoint(a.name, b.name));
}
