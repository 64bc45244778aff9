import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  byCodePoint
} from "./chunk-Z7O4MYUZ.js";
import {
  ELEMENT_KINDS,
  MANIFEST_FILES,
  PACKAGE_JSON_FIELD,
  checkPluginManifest
} from "./chunk-TWRVX27L.js";
import {
  dependenciesOf,
  normaliseName,
  parsePackageJson,
  parseRequirement,
  parseToml,
  parseXml,
  readProperties,
  tableAt,
  versionIn
} from "./chunk-U3UJK7Z7.js";
import {
  require_dist
} from "./chunk-IBDRWFRH.js";
import {
  rangeOf,
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/catalog/catalog-entry.ts
var import_semver = __toESM(require_semver(), 1);
function metadataError(plugin, version, problems, hint) {
  const lines = problems.map((p) => `  - ${p.file}: ${p.field} ${p.message}`);
  return new SlipwayError("METADATA_INVALID", `catalog metadata is invalid:
${lines.join("\n")}`, {
    subject: `${plugin}@${version}`,
    hint: hint ?? "the files are read at the tag, so fix them and release a new version (or move the tag and reindex); the manifest is described in docs/plugin-manifest.md"
  });
}
function validatedManifest(plugin, version, source, lookedIn) {
  if (!source) {
    throw new SlipwayError("METADATA_INVALID", `has no plugin manifest: looked for ${lookedIn.join(", ")}`, {
      subject: `${plugin}@${version}`,
      hint: `add a plugin manifest (title and elements at least) in one of those places at the tag; see docs/plugin-manifest.md`
    });
  }
  const check = checkPluginManifest(source.value, source.prefix);
  if (!check.ok) throw metadataError(plugin, version, check.problems.map((p) => ({ ...p, file: source.file })));
  return check.manifest;
}
function composeEntry(input) {
  const { facts, manifest, release } = input;
  const problems = [];
  if (facts.version !== void 0 && facts.version !== release.version) {
    problems.push({
      file: facts.file,
      field: "version",
      message: `is ${JSON.stringify(facts.version)} at ${release.tag ?? release.commit.slice(0, 7)}, but the tag says ${release.version}`
    });
  }
  const description = manifest.description ?? facts.description;
  if (!description?.trim()) {
    problems.push({ file: facts.file, field: "description", message: `is missing: write it in ${facts.file} or as "description" in ${input.manifestFile}` });
  }
  const coreRange = manifest.coreRange ?? facts.coreRange;
  if (coreRange !== void 0 && import_semver.default.validRange(coreRange) === null) {
    problems.push({ file: facts.file, field: "core range", message: `${JSON.stringify(coreRange)} is not a semver range` });
  }
  if (problems.length) throw metadataError(facts.name, release.version, problems);
  return {
    name: facts.name,
    version: release.version,
    tag: release.tag,
    commit: release.commit,
    releaseDate: release.date,
    ecosystem: facts.ecosystem,
    title: manifest.title,
    group: manifest.group,
    description: description.trim(),
    license: manifest.license ?? facts.license,
    homepage: manifest.homepage ?? facts.homepage,
    repository: manifest.repository ?? facts.repository,
    keywords: sortedUnique(manifest.keywords ?? facts.keywords ?? []),
    categories: sortedUnique(manifest.categories),
    icon: input.icon,
    coreRange,
    releaseNotes: input.releaseNotes,
    elements: sortedElements(manifest.elements)
  };
}
function sortedUnique(list) {
  return [...new Set(list.map((item) => item.trim()).filter(Boolean))].sort(byCodePoint);
}
function sortedElements(elements) {
  const rank = (kind) => ELEMENT_KINDS.indexOf(kind);
  return elements.map((e) => ({ kind: e.kind, name: e.name, ...e.description === void 0 ? {} : { description: e.description } })).sort((a, b) => rank(a.kind) - rank(b.kind) || byCodePoint(a.name, b.name));
}

// src/adapters/catalog/read-plugin-version.ts
var import_yaml = __toESM(require_dist(), 1);
import { posix as posix2 } from "node:path";

// src/adapters/catalog/package-facts.ts
import { posix } from "node:path";

// src/core/catalog/core-range.ts
function semverFromPep440(specifier) {
  return specifier.split(",").map((part) => {
    const clause = part.trim();
    const compatible = /^~=\s*(\d+(?:\.\d+)*)$/.exec(clause);
    if (compatible) return compatible[1].split(".").length === 2 ? `^${compatible[1]}` : `~${compatible[1]}`;
    const wildcard = /^==\s*(\d+(?:\.\d+)*)\.\*$/.exec(clause);
    if (wildcard) return `${wildcard[1]}.x`;
    return clause.replace(/^==\s*/, "").replace(/^(>=|<=|>|<)\s+/, "$1");
  }).join(" ");
}
function semverFromMavenRange(range) {
  if (range === void 0) return void 0;
  const text = range.trim();
  const interval = /^([[(])\s*([^,\s]*)\s*(?:,\s*([^\])\s]*)\s*)?([\])])$/.exec(text);
  if (!interval) return /^\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?$/.test(text) ? `>=${text}` : text;
  const [, open, low = "", high, close] = interval;
  if (high === void 0) return open === "[" && close === "]" ? low : text;
  const parts = [];
  if (low) parts.push(`${open === "[" ? ">=" : ">"}${low}`);
  if (high) parts.push(`${close === "]" ? "<=" : "<"}${high}`);
  return parts.length ? parts.join(" ") : "*";
}

// src/core/catalog/web-url.ts
function webUrl(value) {
  if (!value) return void 0;
  const url = value.trim();
  const shorthand = /^(?:github:)?([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)$/.exec(url);
  if (shorthand) return `https://github.com/${shorthand[1].replace(/\.git$/, "")}`;
  const scp = /^(?:ssh:\/\/)?git@([^:/]+)[:/](.+?)(?:\.git)?$/.exec(url);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  const http = /^(?:git\+)?(https?:\/\/.+?)(?:\.git)?(#.*)?$/.exec(url);
  if (http) return http[1];
  return void 0;
}

// src/adapters/catalog/package-facts.ts
var DEFAULT_CORE_PACKAGE = "@demo/core";
async function readPackageFacts(objects, commit, at, plugin, config) {
  return READERS[plugin.ecosystem]({ objects, commit, at, plugin, config });
}
async function required(context, file) {
  const text = await context.objects.readText(context.commit, file);
  if (text === void 0) {
    throw new SlipwayError("MANIFEST_MISSING", `${file} does not exist at ${context.at}`, {
      subject: `${context.plugin.name} (${file})`,
      hint: `the plugin's folder is taken from the current fleet (${context.plugin.path || "the repository root"}); if it moved since ${context.at}, index that version from a checkout where it is still there`
    });
  }
  return text;
}
var str = (value) => typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
var strings = (value) => Array.isArray(value) ? value.filter((v) => typeof v === "string") : void 0;
var corePackage = (config) => config.core.package ?? DEFAULT_CORE_PACKAGE;
var npmReader = async (context) => {
  const file = context.plugin.manifestFile;
  const pkg = parsePackageJson(await required(context, file), file);
  const repo = typeof pkg.repository === "object" && pkg.repository !== null ? pkg.repository : { url: pkg.repository };
  const repoUrl = webUrl(str(repo.url));
  const directory = str(repo.directory);
  const repository = repoUrl && directory && /^https:\/\/(github\.com|gitlab\.com)\//.test(repoUrl) ? `${repoUrl}/tree/HEAD/${directory}` : repoUrl;
  const license = typeof pkg.license === "object" && pkg.license !== null ? pkg.license.type : pkg.license;
  const facts = {
    name: context.plugin.name,
    ecosystem: "npm",
    file,
    version: str(pkg.version),
    description: str(pkg.description),
    license: str(license),
    homepage: webUrl(str(pkg.homepage)),
    repository,
    keywords: strings(pkg.keywords),
    coreRange: rangeOf(dependenciesOf(pkg, file), corePackage(context.config), ["runtime", "peer", "optional", "dev"])
  };
  const embedded = pkg[PACKAGE_JSON_FIELD];
  return embedded === void 0 ? { facts } : { facts, embedded: { file, prefix: PACKAGE_JSON_FIELD, value: embedded } };
};
var gradleReader = async (context) => {
  const { plugin, config } = context;
  const versionFile = plugin.manifestFile;
  const own = posix.join(plugin.path, "gradle.properties");
  const files = [.../* @__PURE__ */ new Set([versionFile, own, "gradle.properties"])];
  const texts = await Promise.all(files.map((file) => context.objects.readText(context.commit, file)));
  if (texts[0] === void 0) await required(context, versionFile);
  const properties = texts.map((text) => text === void 0 ? void 0 : readProperties(text));
  const first = (key) => properties.map((p) => p?.get(key)?.value).find((value) => value !== void 0);
  return {
    facts: {
      name: plugin.name,
      ecosystem: "gradle",
      file: versionFile,
      version: properties[0]?.get("version")?.value,
      description: str(properties[files.indexOf(own)]?.get("description")?.value),
      coreRange: semverFromMavenRange(first(config.fleet.coreVersionProperty))
    }
  };
};
var mavenReader = async (context) => {
  const { plugin, config } = context;
  const file = plugin.manifestFile;
  const project = parseXml(await required(context, file), file);
  const rootText = file === "pom.xml" ? void 0 : await context.objects.readText(context.commit, "pom.xml");
  const rootProject = rootText === void 0 ? void 0 : parseXml(rootText, "pom.xml");
  const property = (p) => str(p?.properties?.[config.fleet.coreVersionProperty]);
  const licenses = project.licenses?.license;
  const firstLicense = Array.isArray(licenses) ? licenses[0] : licenses;
  return {
    facts: {
      name: plugin.name,
      ecosystem: "maven",
      file,
      version: str(project.version),
      description: str(project.description),
      license: str(firstLicense?.name),
      homepage: webUrl(str(project.url)),
      repository: webUrl(str(project.scm?.url)),
      coreRange: semverFromMavenRange(property(project) ?? property(rootProject))
    }
  };
};
var pythonReader = async (context) => {
  const { plugin, config } = context;
  const file = plugin.manifestFile;
  const project = tableAt(parseToml(await required(context, file), file), "project") ?? {};
  const urls = Object.fromEntries(Object.entries(project.urls ?? {}).map(([k, v]) => [k.toLowerCase(), str(v)]));
  const license = typeof project.license === "object" && project.license !== null ? project.license.text : project.license;
  let coreRange;
  for (const requirement of strings(project.dependencies) ?? []) {
    const parsed = parseRequirement(requirement);
    if (parsed && normaliseName(parsed.name) === normaliseName(corePackage(config))) coreRange = semverFromPep440(parsed.specifier);
  }
  return {
    facts: {
      name: plugin.name,
      ecosystem: "python",
      file,
      version: str(project.version),
      description: str(project.description),
      license: str(license),
      homepage: webUrl(urls["homepage"]),
      repository: webUrl(urls["repository"] ?? urls["source"]),
      keywords: strings(project.keywords),
      coreRange
    }
  };
};
var genericReader = async (context) => {
  const file = context.plugin.manifestFile;
  return {
    facts: { name: context.plugin.name, ecosystem: "generic", file, version: versionIn(await required(context, file))?.value }
  };
};
var READERS = {
  npm: npmReader,
  gradle: gradleReader,
  maven: mavenReader,
  python: pythonReader,
  generic: genericReader
};

// src/adapters/catalog/read-plugin-version.ts
async function readPluginVersion(objects, target, config) {
  const { plugin, commit } = target;
  const inFolder = (file) => posix2.join(plugin.path, file);
  const [reading, changelog, ...manifestTexts] = await Promise.all([
    readPackageFacts(objects, commit, target.at, plugin, config),
    objects.readText(commit, inFolder(config.release.changelog)),
    ...MANIFEST_FILES.map((file) => objects.readText(commit, inFolder(file)))
  ]);
  const found = reading.embedded ? [reading.embedded] : [];
  MANIFEST_FILES.forEach((name, i) => {
    const text = manifestTexts[i];
    if (text !== void 0) found.push(parseManifestFile(inFolder(name), text, plugin.name, target.version));
  });
  if (found.length > 1) {
    const where = found.map((source) => source.prefix ? `"${source.prefix}" in ${source.file}` : source.file);
    throw metadataError(plugin.name, target.version, [
      { file: found[1].file, field: "(the manifest)", message: `is a second plugin manifest: ${where.join(" and ")} both exist; keep one` }
    ]);
  }
  const lookedIn = [
    ...plugin.ecosystem === "npm" ? [`"${PACKAGE_JSON_FIELD}" in ${plugin.manifestFile}`] : [],
    ...MANIFEST_FILES.map(inFolder)
  ];
  return {
    ...reading,
    manifest: found[0],
    lookedIn,
    changelog,
    readPluginFile: (path) => objects.read(commit, inFolder(path))
  };
}
function parseManifestFile(file, text, plugin, version) {
  if (file.endsWith(".json")) {
    try {
      return { file, prefix: "", value: JSON.parse(text.replace(/^\uFEFF/, "")) };
    } catch (error) {
      throw metadataError(plugin, version, [{ file, field: "(the file)", message: `is not valid JSON: ${error.message}` }]);
    }
  }
  const doc = (0, import_yaml.parseDocument)(text);
  if (doc.errors.length) {
    const error = doc.errors[0];
    const line = error.linePos?.[0]?.line;
    const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw metadataError(plugin, version, [{ file: line ? `${file}:${line}` : file, field: "(the file)", message: `is not valid YAML: ${message}` }]);
  }
  return { file, prefix: "", value: doc.toJS() };
}

export {
  metadataError,
  validatedManifest,
  composeEntry,
  readPluginVersion
};
