import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/history/tag-format.ts
var import_semver = __toESM(require_semver(), 1);
var MONOREPO_TAG_FORMAT = "{name}@{version}";
var SINGLE_TAG_FORMAT = "v{version}";
var NAME_PLACEHOLDERS = ["{name}", "{unscoped}", "{dir}"];
var unscopedName = (name) => name.startsWith("@") && name.includes("/") ? name.slice(name.indexOf("/") + 1) : name;
var folderName = (plugin) => plugin.path.split("/").filter(Boolean).at(-1) ?? unscopedName(plugin.name);
function render(pattern, plugin) {
  return pattern.replaceAll("{name}", plugin.name).replaceAll("{unscoped}", unscopedName(plugin.name)).replaceAll("{dir}", folderName(plugin));
}
var isNamedPattern = (pattern) => NAME_PLACEHOLDERS.some((placeholder) => pattern.includes(placeholder));
function formatTag(pattern, plugin, version) {
  return render(pattern, plugin).replaceAll("{version}", version);
}
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
var looksLikeVersion = (text) => SEMVER.test(text);
function reader(pattern, plugins) {
  const named = isNamedPattern(pattern);
  if (!named || !plugins) {
    const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    let source = escape(pattern).replace(escape("{version}"), "(?<version>[^@\\s]+)");
    for (const placeholder of NAME_PLACEHOLDERS) source = source.replaceAll(escape(placeholder), "(?<name>.+)");
    let seen = false;
    source = source.replace(/\(\?<name>/g, (group) => seen ? "(" : (seen = true, group));
    const regex = new RegExp(`^${source}$`, "s");
    return (tag) => {
      const match = regex.exec(tag);
      if (!match?.groups) return null;
      return { name: named ? match.groups["name"] : void 0, version: match.groups["version"] };
    };
  }
  const byPrefix = /* @__PURE__ */ new Map();
  for (const plugin of plugins) {
    const rendered = render(pattern, plugin);
    const cut = rendered.indexOf("{version}");
    const affixes = { plugin, prefix: rendered.slice(0, cut), suffix: rendered.slice(cut + "{version}".length) };
    const list = byPrefix.get(affixes.prefix);
    if (list) list.push(affixes);
    else byPrefix.set(affixes.prefix, [affixes]);
  }
  const lengths = [...new Set([...byPrefix.keys()].map((prefix) => prefix.length))].sort((a, b) => b - a);
  return (tag) => {
    let fallback = null;
    for (const length of lengths) {
      if (length > tag.length) continue;
      for (const { plugin, suffix } of byPrefix.get(tag.slice(0, length)) ?? []) {
        if (!tag.endsWith(suffix) || tag.length - suffix.length <= length) continue;
        const version = tag.slice(length, tag.length - suffix.length);
        const found = { name: plugin.name, version };
        if (looksLikeVersion(version)) return found;
        if (/^\d/.test(version)) fallback ??= found;
      }
    }
    return fallback;
  };
}
function tagFormat(pattern, options = {}) {
  const patterns = [.../* @__PURE__ */ new Set([pattern, ...options.legacy ?? []])];
  const readers = patterns.map((p) => reader(p, options.plugins));
  const byName = new Map((options.plugins ?? []).map((plugin) => [plugin.name, plugin]));
  return {
    pattern,
    patterns,
    named: isNamedPattern(pattern),
    format: (name, version) => formatTag(pattern, byName.get(name) ?? { name, path: "" }, version),
    parse(tag) {
      let fallback = null;
      for (const read of readers) {
        const parsed = read(tag);
        if (parsed && looksLikeVersion(parsed.version)) return parsed;
        fallback ??= parsed;
      }
      return fallback;
    }
  };
}
function isValidVersion(text) {
  return import_semver.default.valid(text) === text;
}
function tagFormatFor(config, fleet) {
  return tagFormat(config.versioning.tagFormat ?? (fleet.single ? SINGLE_TAG_FORMAT : MONOREPO_TAG_FORMAT), {
    legacy: config.versioning.legacyTagFormats,
    plugins: fleet.plugins
  });
}

export {
  MONOREPO_TAG_FORMAT,
  SINGLE_TAG_FORMAT,
  isNamedPattern,
  tagFormat,
  isValidVersion,
  tagFormatFor
};
