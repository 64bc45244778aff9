/**
 * Each plugin's release history from the repository's tags: the newest released version
 * (highest by semver, so a late hotfix tag on an old line does not win), the newest stable
 * one, and every version already taken.
 */
import semver from 'semver';
import type { Plugin, PluginName, Sha, TagName, Version } from '../types.ts';
import { isValidVersion, type TagFormat } from './tag-format.ts';

export interface TagRef {
  name: TagName;
  /** The commit the tag points at (annotated tags peeled). */
  commit: Sha;
}

export interface ReleasedVersion {
  tag: TagName;
  version: Version;
  commit: Sha;
}

export interface ReleaseHistory {
  /** The newest release, or none when the plugin was never tagged. */
  last: ReleasedVersion | undefined;
  /** Every version with a tag, highest first. */
  versions: Version[];
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
    const list = (releases.get(plugin.name) ?? []).sort((a, b) => semver.rcompare(a.version, b.version));
    histories.set(plugin.name, { last: list[0], versions: list.map((release) => release.version) });
  }
  return { histories, diagnostics };
}
