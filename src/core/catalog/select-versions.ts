/**
 * Which plugin versions to index: from tags (a `push: tags` event, or the tags the release job
 * dispatches), from a plugin and a version (a reindex), or every tag of the fleet (`--all`,
 * `--rebuild`). Pure: the tags of the repository and the fleet's plugin names come in as data.
 *
 * Tags of someone else (no plugin of this fleet) are skipped with a notice; a tag that is
 * clearly meant as a plugin's release but cannot be read as one is an error naming it.
 */
import { SlipwayError } from '../errors.ts';
import { isValidVersion, type TagFormat } from '../history/tag-format.ts';
import { pluginName, type Version } from '../types.ts';
import { byCodePoint } from './stable-json.ts';

/** A tag of the repository with the commit it points to and its date. */
export interface RepoTag {
  name: string;
  commit: string;
  /** Tagger date (annotated) or commit date (lightweight), ISO 8601 UTC. */
  date: string;
}

/** One plugin version to index. */
export interface VersionTarget {
  plugin: string;
  version: string;
  tag: string;
  commit: string;
  date: string;
}

export interface SkippedTag {
  tag: string;
  reason: string;
}

export interface Selection {
  targets: VersionTarget[];
  skipped: SkippedTag[];
}

export interface TagContext {
  format: TagFormat;
  /** The fleet's plugin names. */
  plugins: readonly string[];
  /** The fleet is one plugin (the tag format may then have no {name}). */
  single: boolean;
  /** Every tag of the repository, by name. */
  tags: ReadonlyMap<string, RepoTag>;
}

/** `refs/tags/a@1.0.0` and `a@1.0.0` are the same tag; GITHUB_REF carries the long form. */
export function shortTagName(ref: string): string {
  return ref.trim().replace(/^refs\/tags\//, '');
}

/** A list of tags as a person or a workflow writes it: separated by spaces, commas or newlines. */
export function splitTagList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map(shortTagName)
    .filter(Boolean);
}

/** The targets for tags named explicitly. Malformed and missing tags fail, all named at once. */
export function selectTags(requested: readonly string[], context: TagContext): Selection {
  const targets: VersionTarget[] = [];
  const skipped: SkippedTag[] = [];
  const errors: string[] = [];
  for (const raw of requested) {
    const tag = shortTagName(raw);
    const read = readTag(tag, context);
    if ('skip' in read) skipped.push({ tag, reason: read.skip });
    else if ('error' in read) errors.push(read.error);
    else {
      const found = context.tags.get(tag);
      if (!found) errors.push(`tag "${tag}" does not exist in this repository (fetch tags: actions/checkout with fetch-depth: 0, or git fetch --tags)`);
      else targets.push({ plugin: read.plugin, version: read.version, tag, commit: found.commit, date: found.date });
    }
  }
  if (errors.length) {
    throw new SlipwayError('TAG_INVALID', errors.length === 1 ? errors[0]! : `${errors.length} tags cannot be indexed:\n${errors.map((e) => `  - ${e}`).join('\n')}`, {
      subject: requested.length === 1 ? shortTagName(requested[0]!) : 'tags',
      hint: `release tags have the format ${context.format.pattern} with a semver version (e.g. ${example(context)}); nothing was indexed`,
    });
  }
  return { targets: unique(targets), skipped };
}

/**
 * Every released version of the plugins named (all plugins when `plugins` is undefined),
 * optionally one version. A plugin tag whose version is not semver is skipped with a notice:
 * one bad tag in history must not block every reindex.
 */
export function selectReleased(context: TagContext, filter: { plugin?: string | undefined; version?: string | undefined } = {}): Selection {
  if (filter.plugin !== undefined && !context.plugins.includes(filter.plugin)) {
    throw new SlipwayError('NOT_FOUND', `no plugin named "${filter.plugin}" in this fleet`, {
      subject: filter.plugin,
      hint: `the fleet's plugins are: ${context.plugins.slice(0, 10).join(', ')}${context.plugins.length > 10 ? ', …' : ''}`,
    });
  }
  if (filter.version !== undefined && !isValidVersion(filter.version)) {
    throw new SlipwayError('VERSION_INVALID', `"${filter.version}" is not a semver version`, { subject: 'version', hint: 'write e.g. 1.2.0, without a leading "v"' });
  }
  const targets: VersionTarget[] = [];
  const skipped: SkippedTag[] = [];
  for (const tag of context.tags.values()) {
    const read = readTag(tag.name, context);
    if ('skip' in read) continue;
    if ('error' in read) {
      skipped.push({ tag: tag.name, reason: read.error });
      continue;
    }
    if (filter.plugin !== undefined && read.plugin !== filter.plugin) continue;
    if (filter.version !== undefined && read.version !== filter.version) continue;
    targets.push({ plugin: read.plugin, version: read.version, tag: tag.name, commit: tag.commit, date: tag.date });
  }
  if (filter.plugin !== undefined && filter.version !== undefined && targets.length === 0) {
    const tag = context.format.format(pluginName(filter.plugin), filter.version as Version);
    throw new SlipwayError('NOT_FOUND', `${filter.plugin} has no release ${filter.version}: tag "${tag}" does not exist`, {
      subject: `${filter.plugin}@${filter.version}`,
      hint: 'fetch tags (git fetch --tags), or index a commit instead with `slipway metadata --plugin NAME --ref SHA`',
    });
  }
  return { targets: unique(targets), skipped };
}

type TagReading = { plugin: string; version: string } | { skip: string } | { error: string };

function readTag(tag: string, context: TagContext): TagReading {
  if (tag === '' || /\s/.test(tag) || [...tag].some((ch) => ch < ' ' || ch === '\x7f')) return { error: `${JSON.stringify(tag)} is not a tag name` };
  const parsed = context.format.parse(tag);
  const singlePlugin = context.single && !context.format.named ? context.plugins[0] : undefined;
  if (!parsed) {
    const meant = context.plugins.find((plugin) => tag === plugin || tag.startsWith(`${plugin}@`) || tag.startsWith(`${plugin}-v`));
    if (meant) return { error: `tag "${tag}" looks like a release of ${meant} but does not have the format ${context.format.pattern}` };
    // A version-shaped tag (v1.9.8, 1.9.8) that is not this fleet's is a misconfiguration, not
    // a tag to pass over: nothing would be indexed and the run would look green.
    if (/^v?\d+\.\d+(?:\.\d+)?(?:[-+].*)?$/.test(tag)) {
      return { error: `tag "${tag}" is a version but not a release tag of this fleet: its tags have the format ${context.format.pattern} (e.g. ${example(context)}); set versioning.tagFormat in slipway.yml if "${tag}" is how this fleet tags releases` };
    }
    return { skip: `not a release tag (the format is ${context.format.pattern})` };
  }
  const plugin = singlePlugin ?? parsed.name;
  if (plugin === undefined || !context.plugins.includes(plugin)) return { skip: `no plugin named "${plugin}" in this fleet` };
  if (!isValidVersion(parsed.version)) return { error: `tag "${tag}" of ${plugin} has version "${parsed.version}", which is not semver` };
  return { plugin, version: parsed.version };
}

function example(context: TagContext): string {
  const name = context.plugins[0] ?? 'my-plugin';
  return context.format.format(pluginName(name), '1.2.0' as Version);
}

/** One target per plugin version (two tags for one version: the first by name wins), sorted. */
function unique(targets: VersionTarget[]): VersionTarget[] {
  const byKey = new Map<string, VersionTarget>();
  for (const target of [...targets].sort((a, b) => byCodePoint(a.tag, b.tag))) {
    const key = `${target.plugin}\0${target.version}`;
    if (!byKey.has(key)) byKey.set(key, target);
  }
  return [...byKey.values()].sort((a, b) => byCodePoint(a.plugin, b.plugin) || byCodePoint(a.version, b.version));
}
