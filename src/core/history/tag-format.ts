/**
 * Release tags. A format is a pattern with placeholders:
 *
 *   {name}      the plugin's full name (`@acme/http`)
 *   {unscoped}  the name without its npm scope (`http`): release-please's `component`
 *   {dir}       the last segment of the plugin's folder (`plugins/http-client` → `http-client`)
 *   {version}   the version (required)
 *
 * Defaults: `{name}@{version}` in a fleet (changesets, lerna), `v{version}` for a repository
 * that is one plugin. One format writes; any number read (`versioning.legacyTagFormats`), so
 * a fleet can move from lerna or release-please tags without losing its history.
 *
 * Tags are hostile input and plugin names may be prefixes of each other (`a` and `a-b` with
 * `{unscoped}-v{version}`): a tag is read by matching each known plugin's own literal prefix
 * and suffix, never by a greedy pattern that guesses where a name ends.
 */
import semver from 'semver';
import type { PluginName, RepoPath, TagName, Version } from '../types.ts';

export const MONOREPO_TAG_FORMAT = '{name}@{version}';
export const SINGLE_TAG_FORMAT = 'v{version}';

/** The placeholders that name a plugin; a format with none of them tags a one-plugin repository. */
export const NAME_PLACEHOLDERS = ['{name}', '{unscoped}', '{dir}'] as const;

export interface TaggedPlugin {
  name: PluginName;
  path: RepoPath;
}

export interface TagFormat {
  /** The format new tags are written in. */
  readonly pattern: string;
  /** Every format tags are read in: `pattern` first, then the legacy ones. */
  readonly patterns: readonly string[];
  /** Whether the writing format names the plugin ({name}, {unscoped} or {dir}). */
  readonly named: boolean;
  format(name: PluginName, version: Version): TagName;
  /**
   * Reads a tag: `null` when it is no release of a known plugin in any reading format
   * (someone else's tag), otherwise the plugin's name (undefined for a format without a name
   * placeholder) and the raw version text, which may still fail to be semver — the caller
   * reports that. Without known plugins, names are read greedily (used only to guess).
   */
  parse(tag: string): { name: string | undefined; version: string } | null;
}

/** `@acme/http` → `http`; an unscoped name stays as it is. */
export const unscopedName = (name: string): string => (name.startsWith('@') && name.includes('/') ? name.slice(name.indexOf('/') + 1) : name);

/** The last segment of a folder; the name's unscoped part for a repository that is one plugin (path ''). */
export const folderName = (plugin: TaggedPlugin): string => plugin.path.split('/').filter(Boolean).at(-1) ?? unscopedName(plugin.name);

/** The pattern with the plugin's placeholders filled in; {version} stays. */
function render(pattern: string, plugin: TaggedPlugin): string {
  return pattern.replaceAll('{name}', plugin.name).replaceAll('{unscoped}', unscopedName(plugin.name)).replaceAll('{dir}', folderName(plugin));
}

export const isNamedPattern = (pattern: string): boolean => NAME_PLACEHOLDERS.some((placeholder) => pattern.includes(placeholder));

/** A tag with the plugin and version filled in. */
export function formatTag(pattern: string, plugin: TaggedPlugin, version: string): TagName {
  return render(pattern, plugin).replaceAll('{version}', version) as TagName;
}

/**
 * SemVer 2.0.0's own grammar (semver.org), to pick among readings of a tag cheaply; callers
 * still check the version with isValidVersion before trusting it.
 */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const looksLikeVersion = (text: string): boolean => SEMVER.test(text);

interface Affixes {
  plugin: TaggedPlugin | undefined;
  prefix: string;
  suffix: string;
}

/**
 * Reads tags in one pattern for a set of plugins: tags are looked up by their literal prefix
 * (one Map probe per prefix length), so 3,000 tags × 1,300 plugins stays cheap.
 */
function reader(pattern: string, plugins: readonly TaggedPlugin[] | undefined) {
  const named = isNamedPattern(pattern);
  if (!named || !plugins) {
    // No names to match against: a name-less pattern, or a guess before the fleet is known.
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    let source = escape(pattern).replace(escape('{version}'), '(?<version>[^@\\s]+)');
    for (const placeholder of NAME_PLACEHOLDERS) source = source.replaceAll(escape(placeholder), '(?<name>.+)');
    // A name placeholder used twice cannot repeat a named group: the later ones are plain groups.
    let seen = false;
    source = source.replace(/\(\?<name>/g, (group) => (seen ? '(' : ((seen = true), group)));
    const regex = new RegExp(`^${source}$`, 's');
    return (tag: string) => {
      const match = regex.exec(tag);
      if (!match?.groups) return null;
      return { name: named ? match.groups['name'] : undefined, version: match.groups['version']! };
    };
  }
  const byPrefix = new Map<string, Affixes[]>();
  for (const plugin of plugins) {
    const rendered = render(pattern, plugin);
    const cut = rendered.indexOf('{version}');
    const affixes = { plugin, prefix: rendered.slice(0, cut), suffix: rendered.slice(cut + '{version}'.length) };
    const list = byPrefix.get(affixes.prefix);
    if (list) list.push(affixes);
    else byPrefix.set(affixes.prefix, [affixes]);
  }
  const lengths = [...new Set([...byPrefix.keys()].map((prefix) => prefix.length))].sort((a, b) => b - a);
  return (tag: string) => {
    let fallback: { name: string; version: string } | null = null;
    // Longest prefix first: `a-b-v1.0.0` is a-b's before it is a's (whose version would be `b-v1.0.0`).
    for (const length of lengths) {
      if (length > tag.length) continue;
      for (const { plugin, suffix } of byPrefix.get(tag.slice(0, length)) ?? []) {
        if (!tag.endsWith(suffix) || tag.length - suffix.length <= length) continue;
        const version = tag.slice(length, tag.length - suffix.length);
        const found = { name: plugin!.name as string, version };
        if (looksLikeVersion(version)) return found;
        // A broken version of this plugin (`a-v1.x`) is reported by the caller; `a-b-v1.0.0`,
        // another plugin's tag, read as a's version `b-v1.0.0`, is not a's at all.
        if (/^\d/.test(version)) fallback ??= found;
      }
    }
    return fallback;
  };
}

export interface TagFormatOptions {
  /** Formats older tags were written in, read but never written. */
  legacy?: readonly string[] | undefined;
  /** The fleet's plugins: names are matched against them, and {dir} needs their folders. */
  plugins?: readonly TaggedPlugin[] | undefined;
}

export function tagFormat(pattern: string, options: TagFormatOptions = {}): TagFormat {
  const patterns = [...new Set([pattern, ...(options.legacy ?? [])])];
  const readers = patterns.map((p) => reader(p, options.plugins));
  const byName = new Map((options.plugins ?? []).map((plugin) => [plugin.name as string, plugin]));
  return {
    pattern,
    patterns,
    named: isNamedPattern(pattern),
    format: (name, version) => formatTag(pattern, byName.get(name) ?? { name, path: '' as RepoPath }, version),
    parse(tag) {
      let fallback: { name: string | undefined; version: string } | null = null;
      for (const read of readers) {
        const parsed = read(tag);
        if (parsed && looksLikeVersion(parsed.version)) return parsed;
        fallback ??= parsed;
      }
      return fallback;
    },
  };
}

export function isValidVersion(text: string): text is Version {
  return semver.valid(text) === text;
}

/** The repository's tag format: configured, or the default for a fleet or for one plugin, bound to the fleet's plugins. */
export function tagFormatFor(
  config: { versioning: { tagFormat?: string | undefined; legacyTagFormats?: readonly string[] | undefined } },
  fleet: { single: boolean; plugins?: readonly TaggedPlugin[] },
): TagFormat {
  return tagFormat(config.versioning.tagFormat ?? (fleet.single ? SINGLE_TAG_FORMAT : MONOREPO_TAG_FORMAT), {
    legacy: config.versioning.legacyTagFormats,
    plugins: fleet.plugins,
  });
}
