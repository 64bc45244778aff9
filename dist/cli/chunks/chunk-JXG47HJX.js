import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  INDEX_FILE,
  PLUGINS_DIR,
  buildCatalog,
  changedFiles,
  filesToRead,
  mergeCatalog,
  pluginFileName,
  readIndex,
  staticFiles
} from "./chunk-2BJJJNWF.js";
import {
  extractEntries,
  openFleetSource,
  selectReleased,
  selectTargets
} from "./chunk-KFQYCL6H.js";
import {
  catalogLocation,
  updateCatalogBranch
} from "./chunk-EBAVTW3J.js";
import {
  loadConfig
} from "./chunk-P343D4NB.js";

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

export {
  indexCatalog
};
