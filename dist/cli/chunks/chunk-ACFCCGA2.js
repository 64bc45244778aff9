import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  isNamedPattern,
  isValidVersion,
  tagFormat
} from "./chunk-LDUL6X6Y.js";

// src/core/history/known-tag-formats.ts
var KNOWN_TAG_FORMATS = [
  "{name}@{version}",
  "v{version}",
  "{name}-v{version}",
  "{unscoped}-v{version}",
  "{dir}-v{version}",
  "{unscoped}@{version}",
  "{dir}@{version}",
  "{name}/v{version}",
  "{unscoped}/v{version}",
  "{dir}/v{version}",
  "{name}-{version}",
  "{unscoped}-{version}",
  "{dir}-{version}",
  "{version}"
];
function tagsReadByKnownFormats(tags, plugins, single) {
  const results = [];
  for (const pattern of KNOWN_TAG_FORMATS) {
    const named = isNamedPattern(pattern);
    if (!named && !single) continue;
    const format = tagFormat(pattern, { plugins });
    const read = { pattern, tags: [], plugins: /* @__PURE__ */ new Set() };
    for (const tag of tags) {
      const parsed = format.parse(tag);
      if (!parsed || !isValidVersion(parsed.version)) continue;
      read.tags.push(tag);
      read.plugins.add(parsed.name ?? plugins[0]?.name ?? "");
    }
    if (read.tags.length) results.push(read);
  }
  return results;
}
var looksLikeRelease = (tag) => /(?:^|[^0-9A-Za-z.])v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(tag);

export {
  KNOWN_TAG_FORMATS,
  tagsReadByKnownFormats,
  looksLikeRelease
};
