/**
 * A plugin whose releases are tagged in another format plans a first release with its whole
 * history: silently wrong. When the repository has release-looking tags and plugins match
 * none of them, the plan says so, naming an example tag and the tagFormat that would read it.
 */
import type { PluginName } from '../types.ts';
import { looksLikeRelease, tagsReadByKnownFormats } from './known-tag-formats.ts';
import type { TagFormat, TaggedPlugin } from './tag-format.ts';

const listed = (names: readonly string[], shown = 5) => (names.length > shown ? `${names.slice(0, shown).join(', ')} and ${names.length - shown} more` : names.join(', '));

/**
 * Warnings for `untagged` plugins (no tag read in the configured formats) when the repository
 * has release-looking tags. At most one warning per format that would match, plus one when
 * release-looking tags exist that no known format reads for them.
 */
export function unmatchedTagWarnings(input: {
  untagged: readonly TaggedPlugin[];
  tags: readonly string[];
  format: TagFormat;
  single: boolean;
  /** Some plugin of the fleet has a tag in the configured formats: other tags are then someone else's. */
  anyTagged: boolean;
}): string[] {
  const { untagged, format } = input;
  if (untagged.length === 0) return [];
  const releaseLike = input.tags.filter(looksLikeRelease);
  if (releaseLike.length === 0) return [];
  const reading = format.patterns.join(', ');
  const warnings: string[] = [];
  const explained = new Set<string>();
  for (const read of tagsReadByKnownFormats(releaseLike, untagged, input.single)) {
    if (format.patterns.includes(read.pattern)) continue;
    const plugins = [...read.plugins].filter((name) => !explained.has(name)).sort();
    if (plugins.length === 0) continue;
    for (const name of plugins) explained.add(name);
    const example = read.tags.find((tag) => format.parse(tag) === null) ?? read.tags[0];
    warnings.push(
      `${listed(plugins)}: no tag matches the tag format ${reading}, but tags like "${example}" look like ${plugins.length === 1 ? 'its' : 'their'} releases: set versioning.tagFormat: "${read.pattern}" in slipway.yml (or add it to versioning.legacyTagFormats to keep writing ${format.pattern}); otherwise ${plugins.length === 1 ? 'it is' : 'they are'} planned as a first release with the whole history`,
    );
  }
  const rest = untagged.filter((plugin) => !explained.has(plugin.name)).map((plugin) => plugin.name as PluginName);
  const foreign = releaseLike.filter((tag) => format.parse(tag) === null);
  if (rest.length && foreign.length && !input.anyTagged) {
    warnings.push(
      `${listed([...rest].sort())}: no tag matches the tag format ${reading}, and the repository has ${foreign.length} other release-looking tag(s) such as "${foreign[0]}": if those are these plugins' releases, set versioning.tagFormat (placeholders {name}, {unscoped}, {dir}, {version}) in slipway.yml`,
    );
  }
  return warnings;
}
