import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  require_semver
} from "./chunk-EO7ZISLG.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/history/tag-format.ts
var import_semver = __toESM(require_semver(), 1);
var MONOREPO_TAG_FORMAT = "{name}@{version}";
var SINGLE_TAG_FORMAT = "v{version}";
var escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function tagFormat(pattern) {
  const hasName = pattern.includes("{name}");
  const source = escape(pattern).replace(escape("{name}"), "(?<name>.+)").replace(escape("{version}"), "(?<version>[^@\\s]+)");
  const regex = new RegExp(`^${source}$`);
  return {
    pattern,
    format: (name, version) => pattern.replace("{name}", name).replace("{version}", version),
    parse(tag) {
      const match = regex.exec(tag);
      if (!match?.groups) return null;
      return { name: hasName ? match.groups["name"] : void 0, version: match.groups["version"] };
    }
  };
}
function isValidVersion(text) {
  return import_semver.default.valid(text) === text;
}
function tagFormatFor(config, fleet) {
  return tagFormat(config.versioning.tagFormat ?? (fleet.single ? SINGLE_TAG_FORMAT : MONOREPO_TAG_FORMAT));
}

export {
  MONOREPO_TAG_FORMAT,
  SINGLE_TAG_FORMAT,
  tagFormat,
  isValidVersion,
  tagFormatFor
};
