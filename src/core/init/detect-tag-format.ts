/**
 * Which tag format a repository already uses, so `slipway init` keeps its history readable:
 * a fleet that tagged `http-v1.2.0` for years must not start over at `http@1.2.0`.
 */
import { isValidVersion, MONOREPO_TAG_FORMAT, SINGLE_TAG_FORMAT, tagFormat } from '../history/tag-format.ts';

/** Formats seen in the wild (changesets, lerna, release-please, plain `v1.2.3`), the defaults first. */
const CANDIDATES = [MONOREPO_TAG_FORMAT, SINGLE_TAG_FORMAT, '{name}-v{version}', '{name}/v{version}', '{name}-{version}', '{version}'] as const;

export interface DetectedTagFormat {
  pattern: string;
  /** How many tags name a plugin of the fleet and a valid version in this format. */
  tags: number;
}

/**
 * The format most existing tags follow, or undefined when none names a plugin and a version.
 * A format without `{name}` only counts for a repository that is one plugin.
 */
export function detectTagFormat(tags: readonly string[], pluginNames: readonly string[], single: boolean): DetectedTagFormat | undefined {
  const names = new Set(pluginNames);
  let best: DetectedTagFormat | undefined;
  for (const pattern of CANDIDATES) {
    const format = tagFormat(pattern);
    const named = pattern.includes('{name}');
    if (!named && !single) continue;
    let count = 0;
    for (const tag of tags) {
      const parsed = format.parse(tag);
      if (parsed && isValidVersion(parsed.version) && (!named || names.has(parsed.name!))) count++;
    }
    // Ties keep the earlier candidate: the defaults come first.
    if (count > 0 && count > (best?.tags ?? 0)) best = { pattern, tags: count };
  }
  return best;
}

/** The format slipway uses when slipway.yml names none. */
export const defaultTagFormat = (single: boolean): string => (single ? SINGLE_TAG_FORMAT : MONOREPO_TAG_FORMAT);
