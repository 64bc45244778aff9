/**
 * Which tag format a repository already uses, so `slipway init` keeps its history readable:
 * a fleet that tagged `http-v1.2.0` for years (release-please) must not start over at
 * `@acme/http@1.2.0`. A repository that changed tools (lerna, then release-please) keeps the
 * older format as a legacy one, read but never written.
 */
import { KNOWN_TAG_FORMATS, tagsReadByKnownFormats } from '../history/known-tag-formats.ts';
import { MONOREPO_TAG_FORMAT, SINGLE_TAG_FORMAT, type TaggedPlugin } from '../history/tag-format.ts';

export { KNOWN_TAG_FORMATS };

export interface DetectedTagFormat {
  pattern: string;
  /** How many tags name a plugin of the fleet and a valid version in this format. */
  tags: number;
  /** Other formats that read tags this one does not (older tags of the same fleet). */
  legacy: string[];
}

/**
 * The format most existing tags follow, or undefined when none names a plugin and a version.
 * A format without a name placeholder only counts for a repository that is one plugin.
 */
export function detectTagFormat(tags: readonly string[], plugins: readonly TaggedPlugin[], single: boolean): DetectedTagFormat | undefined {
  const read = tagsReadByKnownFormats(tags, plugins, single);
  // Most tags first; ties keep the earlier known format (the defaults come first).
  const ranked = [...read].sort((a, b) => b.tags.length - a.tags.length || rank(a.pattern) - rank(b.pattern));
  const best = ranked[0];
  if (!best) return undefined;
  const covered = new Set(best.tags);
  const legacy: string[] = [];
  for (const other of ranked.slice(1)) {
    const fresh = other.tags.filter((tag) => !covered.has(tag));
    if (fresh.length === 0) continue;
    legacy.push(other.pattern);
    for (const tag of fresh) covered.add(tag);
  }
  return { pattern: best.pattern, tags: best.tags.length, legacy };
}

const rank = (pattern: string) => (KNOWN_TAG_FORMATS as readonly string[]).indexOf(pattern);

/** The format slipway uses when slipway.yml names none. */
export const defaultTagFormat = (single: boolean): string => (single ? SINGLE_TAG_FORMAT : MONOREPO_TAG_FORMAT);
