/**
 * Tag formats seen in real repositories, and which of a repository's tags each one reads for
 * a fleet: used by `slipway init` to pick the format the tags already use, and by the plan to
 * say which format would match when a plugin matches none.
 *
 *   {name}@{version}        changesets, lerna (`@acme/http@1.2.0`)
 *   v{version}              a repository that is one plugin
 *   {unscoped}-v{version}   release-please (`http-v1.2.0` for `@acme/http`)
 *   {dir}-v{version}        release-please with a component named after the folder
 */
import { isNamedPattern, isValidVersion, tagFormat, type TaggedPlugin } from './tag-format.ts';

/** Earlier wins a tie (the same tags read two ways, e.g. {name} and {unscoped} for unscoped names). */
export const KNOWN_TAG_FORMATS = [
  '{name}@{version}',
  'v{version}',
  '{name}-v{version}',
  '{unscoped}-v{version}',
  '{dir}-v{version}',
  '{unscoped}@{version}',
  '{dir}@{version}',
  '{name}/v{version}',
  '{unscoped}/v{version}',
  '{dir}/v{version}',
  '{name}-{version}',
  '{unscoped}-{version}',
  '{dir}-{version}',
  '{version}',
] as const;

export interface TagsRead {
  pattern: string;
  /** The tags this format reads as a release (valid semver) of one of the plugins. */
  tags: string[];
  /** The plugins those tags belong to. */
  plugins: Set<string>;
}

/**
 * For each known format, the tags it reads as releases of `plugins`. A format without a name
 * placeholder only counts for a repository that is one plugin.
 */
export function tagsReadByKnownFormats(tags: readonly string[], plugins: readonly TaggedPlugin[], single: boolean): TagsRead[] {
  const results: TagsRead[] = [];
  for (const pattern of KNOWN_TAG_FORMATS) {
    const named = isNamedPattern(pattern);
    if (!named && !single) continue;
    const format = tagFormat(pattern, { plugins });
    const read: TagsRead = { pattern, tags: [], plugins: new Set() };
    for (const tag of tags) {
      const parsed = format.parse(tag);
      if (!parsed || !isValidVersion(parsed.version)) continue;
      read.tags.push(tag);
      read.plugins.add(parsed.name ?? plugins[0]?.name ?? '');
    }
    if (read.tags.length) results.push(read);
  }
  return results;
}

/** A tag that looks like a release of something: it holds a semver version. */
export const looksLikeRelease = (tag: string): boolean => /(?:^|[^0-9A-Za-z.])v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(tag);
