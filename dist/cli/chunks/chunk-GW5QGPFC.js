import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  fileExists,
  invalidManifest,
  readManifest
} from "./chunk-U3UJK7Z7.js";
import {
  require_dist
} from "./chunk-IBDRWFRH.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/adapters/changesets/read-changesets.ts
var import_yaml = __toESM(require_dist(), 1);
import { readdir } from "node:fs/promises";
import { matchesGlob, posix } from "node:path";
var CHANGESET_DIR = ".changeset";
var BUMPS = /* @__PURE__ */ new Set(["major", "minor", "patch", "none"]);
var NONE = { present: false, changesets: [], groups: { fixed: [], linked: [] }, config: { fixed: [], linked: [], access: void 0, ignore: [] } };
async function readChangesets(cwd, names) {
  let entries;
  try {
    entries = await readdir(posix.join(cwd, CHANGESET_DIR));
  } catch {
    return NONE;
  }
  const configFile = posix.join(CHANGESET_DIR, "config.json");
  const config = await fileExists(cwd, configFile) ? parseConfig(await readManifest(cwd, configFile), configFile) : NONE.config;
  const files = entries.filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md").sort();
  const changesets = await Promise.all(files.map(async (name) => {
    const file = posix.join(CHANGESET_DIR, name);
    return parseChangeset(await readManifest(cwd, file), file);
  }));
  const ignored = (name) => config.ignore.some((pattern) => name === pattern || matchesGlob(name, pattern));
  const resolve = (groups) => groups.map((group) => names.filter((name) => !ignored(name) && group.some((pattern) => name === pattern || matchesGlob(name, pattern))));
  return {
    present: true,
    config,
    changesets: changesets.map((c) => ({ ...c, releases: c.releases.filter((r) => !ignored(r.name)) })),
    groups: { fixed: resolve(config.fixed), linked: resolve(config.linked) }
  };
}
function parseChangeset(text, file) {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!match) throw invalidManifest(file, "a changeset starts with a front matter between --- lines", { line: 1, hint: `write e.g. ---\\n"@acme/a": minor\\n---\\n\\nWhat changed. (or delete ${file})` });
  let front;
  try {
    front = match[1].trim() === "" ? {} : (0, import_yaml.parse)(match[1]);
  } catch (error) {
    const line = error.linePos?.[0]?.line;
    throw invalidManifest(file, `its front matter is not valid YAML: ${error.message.split("\n")[0]}`, { line: line ? line + 1 : 1, cause: error });
  }
  if (typeof front !== "object" || front === null || Array.isArray(front)) throw invalidManifest(file, "its front matter must map package names to major, minor, patch or none", { line: 2 });
  const releases = Object.entries(front).map(([name, type]) => {
    if (typeof type !== "string" || !BUMPS.has(type)) {
      throw invalidManifest(file, `"${name}": ${JSON.stringify(type)} is not a bump: use major, minor, patch or none`, { line: 2 });
    }
    return { name, type };
  });
  return { file, releases, summary: match[2].trim() };
}
function parseConfig(text, file) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidManifest(file, `not valid JSON: ${error.message}`, { cause: error });
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw invalidManifest(file, "must hold a JSON object");
  const value = json;
  const groups = (key) => {
    const raw = value[key] ?? [];
    if (!Array.isArray(raw) || !raw.every((g) => Array.isArray(g) && g.every((n) => typeof n === "string"))) {
      throw invalidManifest(file, `"${key}" must be a list of groups, each a list of package names or globs`, { hint: `e.g. "${key}": [["@acme/*"]]` });
    }
    return raw;
  };
  const access = value.access;
  if (access !== void 0 && access !== "public" && access !== "restricted") {
    throw new SlipwayError("CONFIG_INVALID", `${file}: "access" must be "public" or "restricted", not ${JSON.stringify(access)}`, { subject: file, hint: 'fix "access" in .changeset/config.json' });
  }
  const ignore = value.ignore ?? [];
  if (!Array.isArray(ignore) || !ignore.every((n) => typeof n === "string")) throw invalidManifest(file, '"ignore" must be a list of package names or globs');
  return { fixed: groups("fixed"), linked: groups("linked"), access, ignore };
}

export {
  readChangesets
};
