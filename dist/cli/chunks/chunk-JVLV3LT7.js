import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  RELEASE_TYPES,
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/plan/version-overrides.ts
var import_semver = __toESM(require_semver(), 1);
function parseOverride(flag, text) {
  const at = text.lastIndexOf("=");
  const name = text.slice(0, at).trim();
  const value = text.slice(at + 1).trim();
  const example = flag === "--set" ? "--set @acme/csv=2.0.0" : "--bump @acme/csv=major";
  if (at <= 0 || !name || !value) {
    throw new SlipwayError("USAGE", `${flag} "${text}" is not NAME=${flag === "--set" ? "VERSION" : "TYPE"}`, { subject: flag, hint: `e.g. ${example}` });
  }
  if (flag === "--bump") {
    const bump = RELEASE_TYPES.find((type) => type === value);
    if (!bump) throw new SlipwayError("USAGE", `${flag} ${name}=${value}: "${value}" is not major, minor or patch`, { subject: flag, hint: `e.g. ${example}` });
    return { plugin: name, kind: "bump", bump };
  }
  const version = value.replace(/^v(?=\d)/, "");
  if (import_semver.default.valid(version) !== version) {
    throw new SlipwayError("USAGE", `${flag} ${name}=${value}: "${value}" is not a semver version`, { subject: flag, hint: `e.g. ${example}` });
  }
  return { plugin: name, kind: "set", version };
}
function parseOverrides(lists) {
  const overrides = [...(lists.set ?? []).map((text) => parseOverride("--set", text)), ...(lists.bump ?? []).map((text) => parseOverride("--bump", text))];
  const seen = /* @__PURE__ */ new Set();
  for (const override of overrides) {
    if (seen.has(override.plugin)) {
      throw new SlipwayError("USAGE", `${override.plugin} is overridden twice`, { subject: "--set/--bump", hint: "give each plugin one --set or one --bump" });
    }
    seen.add(override.plugin);
  }
  return overrides;
}
function releaseAsFooter(message) {
  let found;
  for (const match of message.matchAll(/^release-as:[ \t]*(\S+)[ \t]*$/gim)) found = match[1];
  return found?.replace(/^v(?=\d)/, "");
}
function overrideProblem(version, current, firstRelease, history) {
  if (import_semver.default.valid(version) !== version) return `"${version}" is not a semver version`;
  if (firstRelease ? import_semver.default.lt(version, current) : import_semver.default.lte(version, current)) {
    return `${version} is not above ${firstRelease ? "the manifest version" : "the last release"} ${current}`;
  }
  const taken = [...history?.versions ?? [], ...history?.elsewhere.map((release) => release.version) ?? []];
  if (taken.includes(version)) return `${version} is already tagged`;
  return void 0;
}

export {
  parseOverride,
  parseOverrides,
  releaseAsFooter,
  overrideProblem
};
