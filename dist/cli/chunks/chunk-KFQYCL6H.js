import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  composeEntry,
  metadataError,
  readPluginVersion,
  validatedManifest
} from "./chunk-IVNHL57I.js";
import {
  GitObjectReader,
  byCodePoint
} from "./chunk-Z7O4MYUZ.js";
import {
  MANIFEST_FILES
} from "./chunk-TWRVX27L.js";
import {
  loadConfig
} from "./chunk-P343D4NB.js";
import {
  discoverFleet,
  pMap,
  strategyFor
} from "./chunk-U3UJK7Z7.js";
import {
  require_dist
} from "./chunk-IBDRWFRH.js";
import {
  isValidVersion,
  tagFormatFor
} from "./chunk-LDUL6X6Y.js";
import {
  git
} from "./chunk-4CSZ42WN.js";
import {
  pluginName
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError,
  formatError,
  isSlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/adapters/catalog/repo-tags.ts
var isoFromUnix = (seconds) => new Date(seconds * 1e3).toISOString().replace(".000Z", "Z");
async function readRepoTags(cwd) {
  const out = await git(cwd, ["for-each-ref", "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(creatordate:unix)", "refs/tags"]);
  const tags = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    if (!line) continue;
    const [name, object, peeled, time] = line.split("\0");
    tags.set(name, { name, commit: peeled || object, date: isoFromUnix(Number(time)) });
  }
  return tags;
}
async function readCommit(cwd, rev) {
  const out = await git(cwd, ["log", "-1", "--format=%H%x00%ct", "--end-of-options", `${rev}^{commit}`, "--"]).catch((error) => {
    throw new SlipwayError("NOT_FOUND", `"${rev}" is not a commit of this repository`, {
      subject: rev,
      hint: "pass a tag, a branch or a SHA that exists here (fetch it first: git fetch --tags origin)",
      cause: error
    });
  });
  const [commit, time] = out.split("\0");
  return { commit, date: isoFromUnix(Number(time)) };
}

// src/core/catalog/icon.ts
var MAX_ICON_BYTES = 100 * 1024;
var MIME_BY_EXTENSION = {
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp"
};
function iconSource(icon) {
  if (/^data:image\/(svg\+xml|png|jpeg|gif|webp)(;[^,]*)?,/.test(icon)) return { kind: "inline", uri: icon };
  if (icon.startsWith("data:")) return { problem: "is a data: URI but not of an svg, png, jpeg, gif or webp image" };
  if (/^https:\/\//.test(icon)) return { kind: "inline", uri: icon };
  if (/^[a-z][a-z0-9+.-]*:/i.test(icon)) return { problem: "must be a path in the plugin folder, a data:image/\u2026 URI or an https URL" };
  const path = icon.replace(/^\.\//, "");
  if (path.startsWith("/") || path.split("/").includes("..")) return { problem: 'must be a path inside the plugin folder (no leading "/", no "..")' };
  if (!mimeOf(path)) return { problem: `must name an image file (${Object.keys(MIME_BY_EXTENSION).join(", ")})` };
  return { kind: "file", path };
}
function mimeOf(path) {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension ? MIME_BY_EXTENSION[extension] : void 0;
}
function iconDataUri(path, bytes) {
  if (bytes.length > MAX_ICON_BYTES) {
    return { problem: `${path} is ${Math.ceil(bytes.length / 1024)} KiB; icons must be at most ${MAX_ICON_BYTES / 1024} KiB (an SVG, or a 128\xD7128 PNG)` };
  }
  return { uri: `data:${mimeOf(path)};base64,${Buffer.from(bytes).toString("base64")}` };
}

// src/core/catalog/release-notes.ts
function changelogSection(markdown, version) {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const heading = new RegExp(`^(#{1,3})\\s+\\[?v?${escaped}\\]?(?=$|[\\s(:])`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return void 0;
  const level = heading.exec(lines[start])[1].length;
  let end = start + 1;
  while (end < lines.length && !isHeadingUpTo(lines[end], level)) end++;
  const body = lines.slice(start + 1, end).join("\n").trim();
  return body === "" ? void 0 : body + "\n";
}
function isHeadingUpTo(line, level) {
  const match = /^(#{1,6})\s/.exec(line);
  return match !== null && match[1].length <= level;
}

// src/core/catalog/select-versions.ts
function shortTagName(ref) {
  return ref.trim().replace(/^refs\/tags\//, "");
}
function splitTagList(text) {
  return text.split(/[\s,]+/).map(shortTagName).filter(Boolean);
}
function selectTags(requested, context) {
  const targets = [];
  const skipped = [];
  const errors = [];
  for (const raw of requested) {
    const tag = shortTagName(raw);
    const read = readTag(tag, context);
    if ("skip" in read) skipped.push({ tag, reason: read.skip });
    else if ("error" in read) errors.push(read.error);
    else {
      const found = context.tags.get(tag);
      if (!found) errors.push(`tag "${tag}" does not exist in this repository (fetch tags: actions/checkout with fetch-depth: 0, or git fetch --tags)`);
      else targets.push({ plugin: read.plugin, version: read.version, tag, commit: found.commit, date: found.date });
    }
  }
  if (errors.length) {
    throw new SlipwayError("TAG_INVALID", errors.length === 1 ? errors[0] : `${errors.length} tags cannot be indexed:
${errors.map((e) => `  - ${e}`).join("\n")}`, {
      subject: requested.length === 1 ? shortTagName(requested[0]) : "tags",
      hint: `release tags have the format ${context.format.pattern} with a semver version (e.g. ${example(context)}); nothing was indexed`
    });
  }
  return { targets: unique(targets), skipped };
}
function selectReleased(context, filter = {}) {
  if (filter.plugin !== void 0 && !context.plugins.includes(filter.plugin)) {
    throw new SlipwayError("NOT_FOUND", `no plugin named "${filter.plugin}" in this fleet`, {
      subject: filter.plugin,
      hint: `the fleet's plugins are: ${context.plugins.slice(0, 10).join(", ")}${context.plugins.length > 10 ? ", \u2026" : ""}`
    });
  }
  if (filter.version !== void 0 && !isValidVersion(filter.version)) {
    throw new SlipwayError("VERSION_INVALID", `"${filter.version}" is not a semver version`, { subject: "version", hint: 'write e.g. 1.2.0, without a leading "v"' });
  }
  const targets = [];
  const skipped = [];
  for (const tag of context.tags.values()) {
    const read = readTag(tag.name, context);
    if ("skip" in read) continue;
    if ("error" in read) {
      skipped.push({ tag: tag.name, reason: read.error });
      continue;
    }
    if (filter.plugin !== void 0 && read.plugin !== filter.plugin) continue;
    if (filter.version !== void 0 && read.version !== filter.version) continue;
    targets.push({ plugin: read.plugin, version: read.version, tag: tag.name, commit: tag.commit, date: tag.date });
  }
  if (filter.plugin !== void 0 && filter.version !== void 0 && targets.length === 0) {
    const tag = context.format.format(pluginName(filter.plugin), filter.version);
    throw new SlipwayError("NOT_FOUND", `${filter.plugin} has no release ${filter.version}: tag "${tag}" does not exist`, {
      subject: `${filter.plugin}@${filter.version}`,
      hint: "fetch tags (git fetch --tags), or index a commit instead with `slipway metadata --plugin NAME --ref SHA`"
    });
  }
  return { targets: unique(targets), skipped };
}
function readTag(tag, context) {
  if (tag === "" || /\s/.test(tag) || [...tag].some((ch) => ch < " " || ch === "\x7F")) return { error: `${JSON.stringify(tag)} is not a tag name` };
  const parsed = context.format.parse(tag);
  const singlePlugin = context.single && !context.format.named ? context.plugins[0] : void 0;
  if (!parsed) {
    const meant = context.plugins.find((plugin2) => tag === plugin2 || tag.startsWith(`${plugin2}@`) || tag.startsWith(`${plugin2}-v`));
    if (meant) return { error: `tag "${tag}" looks like a release of ${meant} but does not have the format ${context.format.pattern}` };
    if (/^v?\d+\.\d+(?:\.\d+)?(?:[-+].*)?$/.test(tag)) {
      return { error: `tag "${tag}" is a version but not a release tag of this fleet: its tags have the format ${context.format.pattern} (e.g. ${example(context)}); set versioning.tagFormat in slipway.yml if "${tag}" is how this fleet tags releases` };
    }
    return { skip: `not a release tag (the format is ${context.format.pattern})` };
  }
  const plugin = singlePlugin ?? parsed.name;
  if (plugin === void 0 || !context.plugins.includes(plugin)) return { skip: `no plugin named "${plugin}" in this fleet` };
  if (!isValidVersion(parsed.version)) return { error: `tag "${tag}" of ${plugin} has version "${parsed.version}", which is not semver` };
  return { plugin, version: parsed.version };
}
function example(context) {
  const name = context.plugins[0] ?? "my-plugin";
  return context.format.format(pluginName(name), "1.2.0");
}
function unique(targets) {
  const byKey = /* @__PURE__ */ new Map();
  for (const target of [...targets].sort((a, b) => byCodePoint(a.tag, b.tag))) {
    const key = `${target.plugin}\0${target.version}`;
    if (!byKey.has(key)) byKey.set(key, target);
  }
  return [...byKey.values()].sort((a, b) => byCodePoint(a.plugin, b.plugin) || byCodePoint(a.version, b.version));
}

// src/jobs/metadata.ts
var import_yaml = __toESM(require_dist(), 1);
import { posix } from "node:path";
async function processMetadata(options) {
  const source = await openFleetSource(options.cwd, options.config);
  const { targets, skipped } = await selectTargets(source, options.select);
  for (const skip of skipped) options.reporter.info(`skipped tag ${skip.tag}: ${skip.reason}`);
  const { entries } = await extractEntries(source, targets, { reporter: options.reporter, releaseNotes: options.releaseNotes });
  return { entries, skipped, source };
}
async function openFleetSource(cwd, config) {
  const loaded = config ?? await loadConfig(cwd);
  const [fleet, tags] = await Promise.all([discoverFleet(cwd, loaded), readRepoTags(cwd)]);
  const tagContext = { format: tagFormatFor(loaded, fleet), plugins: fleet.plugins.map((p) => p.name), single: fleet.single, tags };
  return { cwd, config: loaded, fleet, tagContext };
}
async function selectTargets(source, select) {
  if (select.kind === "tags") return selectTags(select.tags, source.tagContext);
  if (select.kind === "released") return selectReleased(source.tagContext, select);
  const plugin = pluginNamed(source, select.plugin);
  const { commit, date } = await readCommit(source.cwd, select.ref);
  return { targets: [{ plugin: plugin.name, version: "", tag: select.ref, commit, date }], skipped: [] };
}
async function extractEntries(source, targets, options) {
  const objects = new GitObjectReader(source.cwd);
  const failures = [];
  try {
    let done = 0;
    const results = await pMap(
      targets,
      async (target, at) => {
        try {
          return await extractUnitEntries(source, objects, target, options.releaseNotes);
        } catch (error) {
          failures.push({ at, target, error });
          return void 0;
        } finally {
          options.reporter.progress("metadata", ++done, targets.length);
        }
      },
      { concurrency: 8 }
    );
    const entries = results.flatMap((unit) => unit ?? []);
    failures.sort((a, b) => a.at - b.at);
    if (failures.length && !options.tolerant) throw combined(failures.map((f) => f.error));
    for (const failure of failures) options.reporter.warn(`${failure.target.tag} is not indexed: ${formatError(failure.error)}`);
    return { entries, failed: failures.map((f) => f.target) };
  } finally {
    await objects.close();
  }
}
async function extractUnitEntries(source, objects, target, releaseNotes) {
  const plugin = pluginNamed(source, target.plugin);
  const artifacts = plugin.artifacts ?? [];
  if (artifacts.length === 0 || !strategyFor(plugin.ecosystem).jvm) return [await extractEntry(source, objects, target, releaseNotes)];
  const fromCommit = target.version === "";
  const files = await readPluginVersion(objects, { plugin, version: target.version || target.tag, commit: target.commit, at: target.tag }, source.config);
  const version = fromCommit ? versionAtCommit(plugin, target, files.facts.version) : target.version;
  const notes = files.changelog && changelogSection(files.changelog, version) || (!fromCommit && releaseNotes ? await releaseNotes(target.tag) : void 0);
  const entries = [];
  const problems = [];
  for (const artifact of artifacts) {
    try {
      entries.push(await artifactEntry(objects, plugin, artifact, files, { version, target, fromCommit, notes }));
    } catch (error) {
      problems.push(error);
    }
  }
  if (problems.length) throw combined(problems);
  return entries;
}
async function artifactEntry(objects, plugin, artifact, files, at) {
  const name = artifact.artifactId;
  const inFolder = (file) => posix.join(artifact.path, file);
  const written = (await Promise.all(MANIFEST_FILES.map(async (file) => ({ file: inFolder(file), text: await objects.readText(at.target.commit, inFolder(file)) })))).find((f) => f.text !== void 0);
  const buildFile = plugin.ecosystem === "maven" ? inFolder("pom.xml") : inFolder("build.gradle");
  let manifest;
  let manifestFile = buildFile;
  if (written) {
    let value;
    try {
      value = written.file.endsWith(".json") ? JSON.parse(written.text) : (0, import_yaml.parse)(written.text);
    } catch (error) {
      throw metadataError(name, at.version, [{ file: written.file, field: "(the file)", message: `does not parse: ${error.message.split("\n")[0]}` }]);
    }
    manifest = validatedManifest(name, at.version, { file: written.file, prefix: "", value }, [written.file]);
    manifestFile = written.file;
  } else if (artifact.title !== void 0 || artifact.description !== void 0) {
    manifest = { title: artifact.title ?? name, categories: [], elements: [], ...artifact.group ? { group: artifact.group } : {} };
  } else {
    throw new SlipwayError("METADATA_INVALID", `has no catalog title: looked for "X-Kestra-Title" in ${buildFile} and for ${MANIFEST_FILES.map(inFolder).join(", ")}`, {
      subject: `${name}@${at.version}`,
      hint: `set the jar manifest attribute "X-Kestra-Title" (and project.description) in ${buildFile}, or add ${inFolder("slipway-plugin.yml")}`
    });
  }
  const entry = composeEntry({
    facts: { ...files.facts, name, file: buildFile, ...artifact.description ? { description: artifact.description } : {} },
    manifest,
    manifestFile,
    release: { version: at.version, tag: at.fromCommit ? void 0 : at.target.tag, commit: at.target.commit, date: at.target.date },
    releaseNotes: at.notes
  });
  return { ...entry, ...artifact.groupId ? { groupId: artifact.groupId } : {}, artifactId: artifact.artifactId, ...name === plugin.name ? {} : { unit: plugin.name } };
}
async function extractEntry(source, objects, target, releaseNotes) {
  const plugin = pluginNamed(source, target.plugin);
  const fromCommit = target.version === "";
  const files = await readPluginVersion(objects, { plugin, version: target.version || target.tag, commit: target.commit, at: target.tag }, source.config);
  const version = fromCommit ? versionAtCommit(plugin, target, files.facts.version) : target.version;
  const manifest = validatedManifest(plugin.name, version, files.manifest, files.lookedIn);
  const icon = manifest.icon === void 0 ? void 0 : await resolveIcon(manifest.icon, files, plugin, version);
  const notes = files.changelog && changelogSection(files.changelog, version) || (!fromCommit && releaseNotes ? await releaseNotes(target.tag) : void 0);
  return composeEntry({
    facts: files.facts,
    manifest,
    manifestFile: files.manifest.file,
    release: { version, tag: fromCommit ? void 0 : target.tag, commit: target.commit, date: target.date },
    releaseNotes: notes,
    icon
  });
}
function versionAtCommit(plugin, target, written) {
  if (written !== void 0 && isValidVersion(written)) return written;
  throw new SlipwayError("VERSION_INVALID", `${plugin.manifestFile} at ${target.tag} has no semver version (${JSON.stringify(written ?? null)})`, {
    subject: plugin.name,
    hint: "index a commit whose manifest holds the version being described"
  });
}
async function resolveIcon(icon, files, plugin, version) {
  const where = files.manifest.file;
  const field = files.manifest.prefix ? `${files.manifest.prefix}.icon` : "icon";
  const source = iconSource(icon);
  if ("problem" in source) throw metadataError(plugin.name, version, [{ file: where, field, message: source.problem }]);
  if (source.kind === "inline") return source.uri;
  const bytes = await files.readPluginFile(source.path);
  const path = plugin.path ? `${plugin.path}/${source.path}` : source.path;
  if (!bytes) throw metadataError(plugin.name, version, [{ file: where, field, message: `names ${path}, which does not exist at the tag` }]);
  const uri = iconDataUri(path, bytes);
  if ("problem" in uri) throw metadataError(plugin.name, version, [{ file: where, field, message: uri.problem }]);
  return uri.uri;
}
function pluginNamed(source, name) {
  const plugin = source.fleet.plugins.find((p) => p.name === name);
  if (!plugin) {
    throw new SlipwayError("NOT_FOUND", `no plugin named "${name}" in this fleet`, {
      subject: name,
      hint: `the fleet has ${source.fleet.plugins.length} plugin(s): ${source.fleet.plugins.slice(0, 10).map((p) => p.name).join(", ")}`
    });
  }
  return plugin;
}
function combined(errors) {
  if (errors.length === 1) return errors[0];
  const code = errors.every((e) => isSlipwayError(e) && e.code === "METADATA_INVALID") ? "METADATA_INVALID" : "VALIDATION_FAILED";
  const line = (e) => isSlipwayError(e) ? `${e.subject ? `${e.subject}: ` : ""}${e.message}` : formatError(e);
  return new SlipwayError(code, `${errors.length} plugin versions cannot be indexed:
${errors.map((e) => `\u2022 ${line(e).replace(/\n/g, "\n  ")}`).join("\n")}`, {
    subject: "metadata",
    hint: "nothing was indexed; fix the files named above (see docs/plugin-manifest.md)"
  });
}

export {
  splitTagList,
  selectReleased,
  processMetadata,
  openFleetSource,
  selectTargets,
  extractEntries
};
