import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  _enum,
  array,
  strictObject,
  string,
  url
} from "./chunk-P343D4NB.js";
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/catalog/plugin-manifest.ts
var import_semver = __toESM(require_semver(), 1);
var ELEMENT_KINDS = ["task", "trigger", "condition", "action", "connection", "storage", "other"];
var MANIFEST_FILES = ["slipway-plugin.json", "slipway-plugin.yml", "slipway-plugin.yaml"];
var PACKAGE_JSON_FIELD = "slipway";
var text = (max) => string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
var slug = string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-" (e.g. "data-storage")');
var webUrl = url({ protocol: /^https?$/, error: "must be an http(s) URL" });
var elementSchema = strictObject({
  kind: _enum(ELEMENT_KINDS, { error: `must be one of ${ELEMENT_KINDS.join(", ")}` }),
  name: text(200),
  description: text(1e3).optional()
});
var pluginManifestSchema = strictObject({
  /** The name people read ("HTTP requests"); the package name stays the catalog key. */
  title: text(100),
  /** A family of plugins shown together (e.g. "io.kestra.plugin.aws", "storage"). */
  group: text(100).optional(),
  categories: array(slug).max(20, "at most 20 categories").default([]),
  /** A path inside the plugin folder (svg/png/jpeg/gif/webp), a data: URI, or an https URL. */
  icon: text(2e6).optional(),
  elements: array(elementSchema).min(1, "must list at least one element (a task, trigger, condition, \u2026)"),
  // Overrides for what the package manifest says, and the only source for ecosystems whose
  // manifest has no such field (Gradle, generic).
  description: text(1e3).optional(),
  license: text(100).optional(),
  homepage: webUrl.optional(),
  repository: webUrl.optional(),
  keywords: array(text(50)).max(50, "at most 50 keywords").optional(),
  /** The core versions this plugin works with, as a semver range (e.g. "^1.4.0"). */
  coreRange: string().refine((range) => import_semver.default.validRange(range) !== null, 'must be a semver range such as "^1.4.0" or ">=1.2 <2"').optional()
}).superRefine((manifest, ctx) => {
  const seen = /* @__PURE__ */ new Set();
  manifest.elements.forEach((element, index) => {
    const key = `${element.kind} ${element.name}`;
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["elements", index, "name"], message: `repeats the ${element.kind} "${element.name}"` });
    seen.add(key);
  });
});
function checkPluginManifest(value, prefix = "") {
  const result = pluginManifestSchema.safeParse(value);
  if (result.success) return { ok: true, manifest: result.data };
  const problems = result.error.issues.map((issue) => {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [void 0];
    return keys.map((key) => ({
      field: fieldPath(prefix, key === void 0 ? issue.path : [...issue.path, key]),
      message: issue.code === "unrecognized_keys" ? `is not a manifest field (known: ${knownKeys(issue.path)})` : issue.message
    }));
  });
  return { ok: false, problems: problems.flat() };
}
function knownKeys(path) {
  const shape = path.length === 0 ? pluginManifestSchema.shape : elementSchema.shape;
  return Object.keys(shape).join(", ");
}
function fieldPath(prefix, path) {
  let out = prefix;
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `${out ? "." : ""}${String(part)}`;
  return out || "(the manifest)";
}

export {
  ELEMENT_KINDS,
  MANIFEST_FILES,
  PACKAGE_JSON_FIELD,
  elementSchema,
  checkPluginManifest
};
