/**
 * Each plugin's release history from the repository's tags: the newest version released on
 * the planned line (the highest tag *reachable* from the planned head — a tag on another
 * branch, like a maintenance line's 1.0.1 or main's 1.1.0 seen from release/1.0, is not this
 * line's last release) and every version already taken anywhere, which is never planned again.
 */
import semver from 'semver';
import type { Plugin, PluginName, Sha, TagName, Version } from '../types.ts';
import { isValidVersion, type TagFormat } from './tag-format.ts';

export interface TagRef {
  name: TagName;
  /** The commit the tag points at (annotated tags peeled). */
  commit: Sha;
  /** Reachable from the planned head; tags without the flag count as reachable. */
  reachable?: boolean;
}

export interface ReleasedVersion {
  tag: TagName;
  version: Version;
  commit: Sha;
}

export interface ReleaseHistory {
  /** The newest release reachable from the planned head, or none when the line has no tag. */
  last: ReleasedVersion | undefined;
  /** Every version with a tag reachable from the planned head, highest first. */
  versions: Version[];
  /** Releases tagged on other lines (not reachable from the planned head): taken, not this line's. */
  elsewhere: ReleasedVersion[];
}

export interface TagDiagnostic {
  tag: TagName;
  plugin: PluginName;
  message: string;
}

export function readReleaseHistory(
  plugins: readonly Plugin[],
  tags: readonly TagRef[],
  format: TagFormat,
): { histories: Map<PluginName, ReleaseHistory>; diagnostics: TagDiagnostic[] } {
  const single = plugins.length === 1 && !format.named ? plugins[0] : undefined;
  const known = new Set<string>(plugins.map((plugin) => plugin.name));
  const releases = new Map<PluginName, ReleasedVersion[]>();
  const diagnostics: TagDiagnostic[] = [];
  const reachable = new Set<TagName>(tags.filter((tag) => tag.reachable !== false).map((tag) => tag.name));

  for (const tag of tags) {
    const parsed = format.parse(tag.name);
    if (!parsed) continue;
    const plugin = (single ? single.name : parsed.name) as PluginName | undefined;
    if (plugin === undefined || !known.has(plugin)) continue;
    if (!isValidVersion(parsed.version)) {
      diagnostics.push({
        tag: tag.name,
        plugin,
        message: `tag "${tag.name}" has version "${parsed.version}", which is not semver; it is ignored — rename or delete the tag (git tag -d) if it is a release`,
      });
      continue;
    }
    const list = releases.get(plugin) ?? [];
    list.push({ tag: tag.name, version: parsed.version, commit: tag.commit });
    releases.set(plugin, list);
  }

  const histories = new Map<PluginName, ReleaseHistory>();
  for (const plugin of plugins) {
    const all = (releases.get(plugin.name) ?? []).sort((a, b) => semver.rcompare(a.version, b.version));
    const line = all.filter((release) => reachable.has(release.tag));
    histories.set(plugin.name, { last: line[0], versions: line.map((release) => release.version), elsewhere: all.filter((release) => !reachable.has(release.tag)) });
  }
  return { histories, diagnostics };
}

/**
 * Releases this line made whose tag sits elsewhere: release-please merges the release commit
 * (the manifest now says 5.0.6) but a tag may have been put on a commit of another branch. When
 * a plugin's manifest on this line says a stable version above its last reachable release and
 * that version is tagged elsewhere, this line has released it: those plugins, to be located on
 * this line (the commit that wrote the version) by the caller.
 */
export function releasedElsewhere(plugins: readonly Plugin[], histories: ReadonlyMap<PluginName, ReleaseHistory>): Array<{ plugin: Plugin; release: ReleasedVersion }> {
  const found: Array<{ plugin: Plugin; release: ReleasedVersion }> = [];
  for (const plugin of plugins) {
    const history = histories.get(plugin.name);
    if (!history || semver.prerelease(plugin.version)) continue;
    if (history.last && semver.lte(plugin.version, history.last.version)) continue;
    const release = history.elsewhere.find((r) => r.version === plugin.version);
    if (release) found.push({ plugin, release });
  }
  return found;
}

/** The history with `release` (made on this line at `commit`) as its last release. */
export function withLineRelease(history: ReleaseHistory, release: ReleasedVersion, commit: Sha): ReleaseHistory {
  return {
    last: { ...release, commit },
    versions: [release.version, ...history.versions],
    elsewhere: history.elsewhere.filter((r) => r !== release),
  };
}
