import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-IBDRWFRH.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/config/tag-format-hints.ts
var import_yaml = __toESM(require_dist(), 1);
function tagFormatHints(text) {
  if (text === void 0) return {};
  let value;
  try {
    value = (0, import_yaml.parse)(text.replace(/^\uFEFF/, ""), { maxAliasCount: 100 });
  } catch {
    return {};
  }
  const versioning = isRecord(value) && isRecord(value["versioning"]) ? value["versioning"] : {};
  const { tagFormat, legacyTagFormats } = versioning;
  return {
    tagFormat: typeof tagFormat === "string" ? tagFormat : void 0,
    legacyTagFormats: Array.isArray(legacyTagFormats) ? legacyTagFormats.filter((format) => typeof format === "string") : void 0
  };
}
var isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
export {
  tagFormatHints
};
