import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  isValidVersion
} from "./chunk-LDUL6X6Y.js";
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/history/last-release.ts
var import_semver = __toESM(require_semver(), 1);
function readReleaseHistory(plugins, tags, format) {
  const single = plugins.length === 1 && !format.named ? plugins[0] : void 0;
  const known = new Set(plugins.map((plugin) => plugin.name));
  const releases = /* @__PURE__ */ new Map();
  const diagnostics = [];
  const reachable = new Set(tags.filter((tag) => tag.reachable !== false).map((tag) => tag.name));
  for (const tag of tags) {
    const parsed = format.parse(tag.name);
    if (!parsed) continue;
    const plugin = single ? single.name : parsed.name;
    if (plugin === void 0 || !known.has(plugin)) continue;
    if (!isValidVersion(parsed.version)) {
      diagnostics.push({
        tag: tag.name,
        plugin,
        message: `tag "${tag.name}" has version "${parsed.version}", which is not semver; it is ignored \u2014 rename or delete the tag (git tag -d) if it is a release`
      });
      continue;
    }
    const list = releases.get(plugin) ?? [];
    list.push({ tag: tag.name, version: parsed.version, commit: tag.commit });
    releases.set(plugin, list);
  }
  const histories = /* @__PURE__ */ new Map();
  for (const plugin of plugins) {
    const all = (releases.get(plugin.name) ?? []).sort((a, b) => import_semver.default.rcompare(a.version, b.version));
    const line = all.filter((release) => reachable.has(release.tag));
    histories.set(plugin.name, { last: line[0], versions: line.map((release) => release.version), elsewhere: all.filter((release) => !reachable.has(release.tag)) });
  }
  return { histories, diagnostics };
}
function releasedElsewhere(plugins, histories) {
  const found = [];
  for (const plugin of plugins) {
    const history = histories.get(plugin.name);
    if (!history || import_semver.default.prerelease(plugin.version)) continue;
    if (history.last && import_semver.default.lte(plugin.version, history.last.version)) continue;
    const release = history.elsewhere.find((r) => r.version === plugin.version);
    if (release) found.push({ plugin, release });
  }
  return found;
}
function withLineRelease(history, release, commit) {
  return {
    last: { ...release, commit },
    versions: [release.version, ...history.versions],
    elsewhere: history.elsewhere.filter((r) => r !== release)
  };
}

export {
  readReleaseHistory,
  releasedElsewhere,
  withLineRelease
};
