import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  INDEX_FILE,
  readIndex
} from "./chunk-2BJJJNWF.js";
import {
  catalogLocation,
  readCatalogBranch
} from "./chunk-EBAVTW3J.js";
import "./chunk-Z7O4MYUZ.js";
import "./chunk-YK4KFZUA.js";
import "./chunk-TWRVX27L.js";
import {
  loadConfig
} from "./chunk-P343D4NB.js";
import "./chunk-IBDRWFRH.js";
import {
  parseFlags
} from "./chunk-4WOUKBCQ.js";
import "./chunk-KPGBGOOP.js";
import {
  isValidVersion
} from "./chunk-LDUL6X6Y.js";
import "./chunk-4CSZ42WN.js";
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/cli/commands/catalog.ts
import { resolve } from "node:path";

// src/jobs/catalog.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";

// src/core/catalog/compatible.ts
var import_semver = __toESM(require_semver(), 1);
function compatibleWith(index, core, options = {}) {
  const answer = { core, compatible: [], incompatible: [], undeclared: [] };
  const includePrerelease = import_semver.default.prerelease(core) !== null;
  for (const plugin of index.plugins) {
    const declared = plugin.versions.filter((v) => v.coreRange !== void 0);
    if (declared.length === 0) {
      answer.undeclared.push(plugin.name);
      continue;
    }
    const match = declared.find(
      (v) => (options.prereleases || import_semver.default.prerelease(v.version) === null) && import_semver.default.satisfies(core, v.coreRange, { includePrerelease })
    );
    if (match) answer.compatible.push({ name: plugin.name, version: match.version, coreRange: match.coreRange });
    else answer.incompatible.push(plugin.name);
  }
  return answer;
}

// src/jobs/catalog.ts
async function readCatalogIndex(options) {
  if (options.dir) {
    const path = join(options.dir, INDEX_FILE);
    const text2 = await readFile(path, "utf8").catch((error) => {
      throw new SlipwayError("NOT_FOUND", `no ${INDEX_FILE} in ${options.dir}`, { subject: path, hint: "point --dir at a checkout of the catalog branch", cause: error });
    });
    return readIndex(text2);
  }
  const location = await catalogLocation(options.cwd, await loadConfig(options.cwd), options.location);
  const text = await readCatalogBranch(location, (tip) => tip.read(INDEX_FILE));
  if (text === void 0) {
    throw new SlipwayError("NOT_FOUND", `the catalog branch ${location.branch} has no ${INDEX_FILE} yet`, {
      subject: location.branch,
      hint: "index a release first: slipway index --tag <tag> (or --rebuild)"
    });
  }
  return readIndex(text);
}
async function compatiblePlugins(options) {
  if (!isValidVersion(options.core)) {
    throw new SlipwayError("VERSION_INVALID", `"${options.core}" is not a semver version`, { subject: "--core", hint: "give the core version, e.g. --core 1.4.0" });
  }
  return compatibleWith(await readCatalogIndex(options), options.core, { prereleases: options.prereleases });
}

// src/cli/commands/catalog.ts
var usage = `usage: slipway catalog compatible --core VERSION [options]

Lists the latest version of each plugin whose declared core range includes VERSION, from
the catalog's index.json (one read). Plugins with no compatible version, and plugins that
declare no core range, are listed after.

options:
  --core VERSION             the core version (semver), e.g. 1.4.0
  --prereleases              consider prerelease versions of plugins too
  --dir DIR                  read a catalog folder (a checkout of the branch) instead of fetching
  --cwd DIR                  the repository whose catalog to read (default: the current folder)
  --catalog-repository REPO  owner/name, git URL or path (default: catalog.repository, else origin)
  --catalog-branch BRANCH    default: catalog.branch (slipway-catalog)
  --json                     print the answer as JSON on stdout`;
async function run(args) {
  const { values, positionals } = parseFlags(
    args,
    {
      core: { type: "string" },
      prereleases: { type: "boolean" },
      dir: { type: "string" },
      cwd: { type: "string" },
      "catalog-repository": { type: "string" },
      "catalog-branch": { type: "string" },
      json: { type: "boolean" }
    },
    "catalog",
    true
  );
  if (positionals[0] !== "compatible" || positionals.length > 1) {
    throw new SlipwayError("USAGE", positionals.length ? `unknown catalog question "${positionals.join(" ")}"` : "ask a question: slipway catalog compatible --core VERSION", { hint: "run `slipway catalog --help`" });
  }
  if (!values.core) throw new SlipwayError("USAGE", "--core VERSION is required", { hint: "e.g. slipway catalog compatible --core 1.4.0" });
  const answer = await compatiblePlugins({
    cwd: resolve(values.cwd ?? "."),
    dir: values.dir ? resolve(values.dir) : void 0,
    core: values.core,
    prereleases: values.prereleases,
    location: {
      repository: values["catalog-repository"],
      branch: values["catalog-branch"],
      token: process.env["SLIPWAY_CATALOG_TOKEN"] || process.env["GITHUB_TOKEN"] || void 0
    }
  });
  if (values.json) {
    process.stdout.write(JSON.stringify(answer, null, 2) + "\n");
    return 0;
  }
  const width = Math.max(0, ...answer.compatible.map((p) => p.name.length));
  const lines = [`compatible with core ${answer.core}: ${answer.compatible.length} plugin(s)`];
  for (const p of answer.compatible) lines.push(`  ${p.name.padEnd(width)}  ${p.version}  (core ${p.coreRange})`);
  if (answer.incompatible.length) lines.push(`no version compatible: ${answer.incompatible.join(", ")}`);
  if (answer.undeclared.length) lines.push(`no core range declared: ${answer.undeclared.join(", ")}`);
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}
export {
  run,
  usage
};
