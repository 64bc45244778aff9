import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  SELECTION_FLAGS,
  SELECTION_USAGE,
  extractEntries,
  openFleetSource,
  releaseNotesFromEnvironment,
  selectReleased,
  selectTargets,
  selectionFrom
} from "./chunk-F5IXB4N3.js";
import "./chunk-VGXVAZQZ.js";
import {
  INDEX_FILE,
  PLUGINS_DIR,
  buildCatalog,
  catalogEntrySchema,
  changedFiles,
  filesToRead,
  mergeCatalog,
  pluginFileName,
  readIndex,
  staticFiles
} from "./chunk-6W3LNOEL.js";
import "./chunk-YNVKUNBH.js";
import {
  catalogLocation,
  updateCatalogBranch
} from "./chunk-VZF4Y6QS.js";
import "./chunk-JVWWHCAD.js";
import "./chunk-WMIOQNU6.js";
import "./chunk-4S7N4GC3.js";
import "./chunk-EO7ZISLG.js";
import {
  consoleReporter
} from "./chunk-NMLMUP2O.js";
import {
  external_exports,
  loadConfig,
  parseFlags
} from "./chunk-TSSOH7H4.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import "./chunk-X24BQQWF.js";

// src/cli/commands/index.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// src/jobs/index.ts
async function indexCatalog(options) {
  const { reporter } = options;
  const config = options.config ?? await loadConfig(options.cwd);
  const location = await catalogLocation(options.cwd, config, options.location);
  const orgMode = Boolean(options.location?.repository || config.catalog.repository);
  const needsFleet = options.entries === void 0 || options.rebuild || options.catchUp;
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - mark);
    mark = now;
    return ms;
  };
  const source = needsFleet ? await openFleetSource(options.cwd, config) : void 0;
  const fleetMs = lap();
  let entries = [...options.entries ?? []];
  let skipped = [];
  if (source && (options.rebuild || options.select)) {
    const selection = options.rebuild ? selectReleased(source.tagContext) : await selectTargets(source, options.select);
    skipped = selection.skipped;
    for (const skip of skipped) reporter.info(`skipped tag ${skip.tag}: ${skip.reason}`);
    entries = [...entries, ...(await extractEntries(source, selection.targets, { reporter, releaseNotes: options.releaseNotes })).entries];
  }
  const metadataMs = lap();
  const caughtUp = /* @__PURE__ */ new Map();
  let merged = entries;
  const result = await updateCatalogBranch(
    location,
    async (tip) => {
      merged = options.catchUp && source ? [...entries, ...await catchUp(source, tip, entries, caughtUp, options)] : entries;
      const changes = options.rebuild && source ? await rebuildChanges(tip, merged, source, orgMode) : await mergeChanges(tip, merged);
      return { changes, message: commitMessage(merged, options.rebuild === true) };
    },
    { reporter, dryRun: options.dryRun, maxAttempts: options.maxAttempts }
  );
  const timings = { fleet: fleetMs, metadata: metadataMs, catalog: lap() };
  reporter.info(summaryLine(result, merged, location));
  reporter.debug(`timings: fleet and tags ${timings.fleet} ms, metadata ${timings.metadata} ms, catalog ${timings.catalog} ms`);
  return { ...result, entries: merged, skipped, location: { url: location.url, branch: location.branch }, timings };
}
async function readFiles(tip, paths) {
  const texts = await Promise.all(paths.map((path) => tip.read(path)));
  return new Map(paths.map((path, i) => [path, texts[i]]));
}
async function mergeChanges(tip, entries) {
  if (entries.length === 0) return /* @__PURE__ */ new Map();
  const current = await readFiles(tip, filesToRead(entries));
  return changedFiles(current, mergeCatalog(current, entries));
}
async function rebuildChanges(tip, entries, source, orgMode) {
  const pluginPaths = await tip.list(PLUGINS_DIR);
  const current = await readFiles(tip, [INDEX_FILE, ...staticFiles().keys(), ...pluginPaths]);
  const ours = new Set(source.fleet.plugins.map((plugin) => pluginFileName(plugin.name)));
  const keep = /* @__PURE__ */ new Map();
  if (orgMode) {
    for (const path of pluginPaths) if (!ours.has(path)) keep.set(path, current.get(path));
  }
  return changedFiles(current, buildCatalog(entries, keep), { prune: true });
}
async function catchUp(source, tip, entries, cache, options) {
  const index = readIndex(await tip.read(INDEX_FILE));
  const known = new Set(index.plugins.flatMap((plugin) => plugin.versions.map((v) => `${plugin.name}@${v.version}`)));
  for (const entry of entries) known.add(`${entry.name}@${entry.version}`);
  const key = (t) => `${t.plugin}@${t.version}`;
  const missing = selectReleased(source.tagContext).targets.filter((t) => !known.has(key(t)));
  const toRead = missing.filter((t) => !cache.has(key(t)));
  if (toRead.length) {
    options.reporter.info(`catching up on ${toRead.length} released version(s) missing from the catalog`);
    const { entries: read } = await extractEntries(source, toRead, { reporter: options.reporter, releaseNotes: options.releaseNotes, tolerant: true });
    for (const t of toRead) cache.set(key(t), null);
    for (const entry of read) cache.set(`${entry.name}@${entry.version}`, entry);
  }
  return missing.map((t) => cache.get(key(t))).filter((entry) => entry != null);
}
function commitMessage(entries, rebuild) {
  if (rebuild) return `catalog: rebuild from ${entries.length} release tag(s)
`;
  const names = entries.map((entry) => `${entry.name}@${entry.version}`);
  if (names.length <= 3) return `catalog: index ${names.join(", ")}
`;
  return `catalog: index ${names.length} versions

${names.map((name) => `- ${name}`).join("\n")}
`;
}
function summaryLine(result, entries, location) {
  const where = `${location.branch} of ${location.url.replace(/\/\/[^/@]+@/, "//***@")}`;
  if (result.status === "unchanged") return `catalog unchanged (${entries.length} entr${entries.length === 1 ? "y" : "ies"} already up to date in ${where})`;
  if (result.status === "dry-run") return `dry run: ${result.changed.length} file(s) would change in ${where}`;
  const retries = result.attempts > 1 ? ` after ${result.attempts - 1} lost race(s)` : "";
  return `catalog updated: ${result.changed.length} file(s) in ${where} (${result.commit?.slice(0, 7)})${retries}`;
}

// src/cli/commands/index.ts
var usage = `usage: slipway index [options]

Adds plugin versions to the catalog: reads each version's metadata at its tag (as
\`slipway metadata\` does) and merges it into the catalog branch (default slipway-catalog, or
catalog.repository in slipway.yml). The push is a compare-and-swap: when another run moved
the branch first, the merge is redone from the new tip. Same input, same bytes: a reindex that
changes nothing makes no commit.

options:
  --cwd DIR                  the repository (default: the current folder)
${SELECTION_USAGE}
  --rebuild                  make the whole catalog again from the release tags alone
  --catch-up                 also index every released version the catalog lacks
  --entries FILE             merge entries written by \`slipway metadata --out\`
  --catalog-repository REPO  owner/name, git URL or path (default: catalog.repository, else
                             this repository's remote)
  --catalog-branch BRANCH    default: catalog.branch (slipway-catalog)
  --max-attempts N           give up after N lost races (default 25)
  --dry-run                  show the files that would change; push nothing
  --json                     print the result as JSON on stdout

An https catalog repository is pushed with SLIPWAY_CATALOG_TOKEN, else GITHUB_TOKEN.`;
async function run(args, context) {
  const { values } = parseFlags(
    args,
    {
      cwd: { type: "string" },
      ...SELECTION_FLAGS,
      rebuild: { type: "boolean" },
      "catch-up": { type: "boolean" },
      entries: { type: "string" },
      "catalog-repository": { type: "string" },
      "catalog-branch": { type: "string" },
      "max-attempts": { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" }
    },
    "index"
  );
  const select = selectionFrom(values, "index");
  if (!select && !values.rebuild && !values.entries && !values["catch-up"]) {
    throw new SlipwayError("USAGE", "say what to index: --tag, --plugin, --all, --rebuild, --catch-up or --entries", { hint: "run `slipway index --help`" });
  }
  const maxAttempts = values["max-attempts"] === void 0 ? void 0 : Number(values["max-attempts"]);
  if (maxAttempts !== void 0 && !(Number.isInteger(maxAttempts) && maxAttempts > 0)) {
    throw new SlipwayError("USAGE", `--max-attempts must be a whole number above 0, got "${values["max-attempts"]}"`);
  }
  const reporter = consoleReporter({ debug: context.debug });
  const result = await indexCatalog({
    cwd: resolve(values.cwd ?? "."),
    reporter,
    select,
    entries: values.entries ? await readEntries(values.entries) : void 0,
    rebuild: values.rebuild,
    catchUp: values["catch-up"],
    location: {
      repository: values["catalog-repository"],
      branch: values["catalog-branch"],
      token: process.env["SLIPWAY_CATALOG_TOKEN"] || process.env["GITHUB_TOKEN"] || void 0
    },
    dryRun: values["dry-run"],
    maxAttempts,
    releaseNotes: releaseNotesFromEnvironment()
  });
  if (values.json) {
    const { entries, ...rest } = result;
    process.stdout.write(JSON.stringify({ ...rest, versions: entries.map((e) => `${e.name}@${e.version}`) }, null, 2) + "\n");
  }
  return 0;
}
async function readEntries(path) {
  let value;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new SlipwayError("INPUT_INVALID", `cannot read catalog entries: ${error.message}`, { subject: path, hint: "pass the file `slipway metadata --out` wrote" });
  }
  const parsed = external_exports.array(catalogEntrySchema).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SlipwayError("INPUT_INVALID", `not a list of catalog entries: [${issue.path.join(".")}] ${issue.message}`, { subject: path, hint: "pass the file `slipway metadata --out` wrote" });
  }
  return parsed.data;
}
export {
  run,
  usage
};
