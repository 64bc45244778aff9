/**
 * Release tags: `{name}@{version}` in a fleet, `v{version}` for a repository that is one
 * plugin, or whatever `versioning.tagFormat` says.
 */
import semver from 'semver';
import type { PluginName, TagName, Version } from '../types.ts';

export const MONOREPO_TAG_FORMAT = '{name}@{version}';
export const SINGLE_TAG_FORMAT = 'v{version}';

export interface TagFormat {
  readonly pattern: string;
  format(name: PluginName, version: Version): TagName;
  /**
   * Reads a tag: `null` when the tag does not have this format's shape (someone else's tag),
   * otherwise the plugin name (undefined for formats without {name}) and the raw version text,
   * which may still fail to be semver — the caller reports that.
   */
  parse(tag: string): { name: string | undefined; version: string } | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function tagFormat(pattern: string): TagFormat {
  const hasName = pattern.includes('{name}');
  // Names may contain '@' and '/': match greedily and let the version (no '@') take the end.
  const source = escape(pattern)
    .replace(escape('{name}'), '(?<name>.+)')
    .replace(escape('{version}'), '(?<version>[^@\\s]+)');
  const regex = new RegExp(`^${source}$`);
  return {
    pattern,
    format: (name, version) => pattern.replace('{name}', name).replace('{version}', version) as TagName,
    parse(tag) {
      const match = regex.exec(tag);
      if (!match?.groups) return null;
      return { name: hasName ? match.groups['name'] : undefined, version: match.groups['version']! };
    },
  };
}

export function isValidVersion(text: string): text is Version {
  return semver.valid(text) === text;
}

/** The repository's tag format: configured, or the default for a fleet or for one plugin. */
export function tagFormatFor(config: { versioning: { tagFormat?: string | undefined } }, fleet: { single: boolean }): TagFormat {
  return tagFormat(config.versioning.tagFormat ?? (fleet.single ? SINGLE_TAG_FORMAT : MONOREPO_TAG_FORMAT));
}
