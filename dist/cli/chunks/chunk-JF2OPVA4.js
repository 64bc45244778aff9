import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  withHash
} from "./chunk-7Y4KZRG2.js";
import {
  stripControls
} from "./chunk-IIVPVJHC.js";
import {
  looksLikeRelease,
  readChangesets,
  tagsReadByKnownFormats
} from "./chunk-F2D3DBXI.js";
import {
  MONOREPO_TAG_FORMAT,
  SINGLE_TAG_FORMAT,
  isValidVersion,
  tagFormat,
  tagFormatFor
} from "./chunk-73TDGJPH.js";
import {
  DEPENDENCY_SECTIONS,
  applyEdits,
  discoverFleet,
  jsonStringsAt,
  parsePackageJson,
  parseToml,
  parseXml,
  strategyFor,
  updaterFor
} from "./chunk-ME7ZLJNL.js";
import {
  RELEASE_TYPES,
  branchesContaining,
  currentBranch,
  execa,
  git,
  headSha,
  lastCommitWriting,
  listTags,
  loadConfig,
  mergeBases,
  readLog,
  readTags,
  refNameProblem,
  repositoryUrl,
  require_semver,
  sha,
  withReachability
} from "./chunk-37DR4MMP.js";
import {
  SlipwayError,
  formatError,
  isSlipwayError
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

// src/adapters/git-release.ts
async function readRemoteState(cwd, remote, branch, tags) {
  const patterns = [`refs/heads/${branch}`, ...tags.flatMap((t) => [`refs/tags/${t}`, `refs/tags/${t}^{}`])];
  const out = await git(cwd, ["ls-remote", "--", remote, ...patterns]);
  const wanted = new Set(tags);
  let branchTip;
  const direct = /* @__PURE__ */ new Map();
  const peeled = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const [object, ref] = line.split("	");
    if (!object || !ref) continue;
    if (ref === `refs/heads/${branch}`) branchTip = sha(object);
    else if (ref.startsWith("refs/tags/")) {
      const name = ref.slice("refs/tags/".length);
      if (name.endsWith("^{}") && wanted.has(name.slice(0, -3))) peeled.set(name.slice(0, -3), sha(object));
      else if (wanted.has(name)) direct.set(name, sha(object));
    }
  }
  const result = /* @__PURE__ */ new Map();
  for (const [name, object] of direct) result.set(name, peeled.get(name) ?? object);
  return { branchTip, tags: result };
}
async function readLocalTags(cwd, names) {
  const wanted = new Set(names);
  const found = /* @__PURE__ */ new Map();
  for (const tag of await readTags(cwd)) if (wanted.has(tag.name)) found.set(tag.name, tag.commit);
  return found;
}
async function hasCommit(cwd, commit) {
  const run = await execa("git", ["cat-file", "-e", "--end-of-options", `${commit}^{commit}`], { cwd, reject: false });
  return run.exitCode === 0;
}
async function isAncestor(cwd, ancestor, descendant) {
  const run = await execa("git", ["merge-base", "--is-ancestor", "--end-of-options", ancestor, descendant], { cwd, reject: false });
  if (run.exitCode === 0) return true;
  if (run.exitCode === 1) return false;
  throw new SlipwayError("GIT_FAILED", `git merge-base failed: ${run.stderr.trim()}`, { subject: `${ancestor.slice(0, 12)}..${descendant.slice(0, 12)}` });
}
async function fetchBranch(cwd, remote, branch) {
  await git(cwd, ["fetch", "--quiet", "--no-tags", "--", remote, `refs/heads/${branch}`]);
  return sha(await git(cwd, ["rev-parse", "FETCH_HEAD"]));
}
async function fastForward(cwd, to) {
  await git(cwd, ["merge", "--ff-only", "--quiet", "--end-of-options", to]);
}
var identities = /* @__PURE__ */ new Map();
function identityArgs(cwd) {
  let identity = identities.get(cwd);
  if (!identity) {
    identity = git(cwd, ["config", "user.email"]).then(
      (email) => email ? [] : BOT_IDENTITY,
      () => BOT_IDENTITY
    );
    identities.set(cwd, identity);
  }
  return identity;
}
var BOT_IDENTITY = ["-c", "user.name=github-actions[bot]", "-c", "user.email=41898282+github-actions[bot]@users.noreply.github.com"];
async function rebaseOnto(cwd, onto) {
  const identity = await identityArgs(cwd);
  try {
    await git(cwd, [...identity, "rebase", "--quiet", "--end-of-options", onto]);
  } catch (error) {
    await git(cwd, ["rebase", "--abort"]).catch(() => void 0);
    throw new SlipwayError("RELEASE_FAILED", `could not replay the local commits onto ${onto.slice(0, 7)}: ${error.message}`, {
      subject: `rebase onto ${onto.slice(0, 7)}`,
      hint: "the remote branch changed the same lines as a local commit: rebase by hand (git pull --rebase), then rerun",
      cause: error
    });
  }
}
async function changedPaths(cwd, paths) {
  if (paths.length === 0) return [];
  const out = await git(cwd, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ...paths]);
  return out.split("\0").filter((entry) => entry.length > 3).map((entry) => entry.slice(3));
}
async function fileAt(cwd, commit, path) {
  const run = await execa("git", ["show", "--end-of-options", `${commit}:${path}`], { cwd, reject: false, stripFinalNewline: false });
  return run.exitCode === 0 ? run.stdout : void 0;
}
async function trackedPaths(cwd, paths) {
  if (paths.length === 0) return [];
  const out = await git(cwd, ["ls-files", "-z", "--", ...paths]);
  return out.split("\0").filter(Boolean);
}
async function commitPaths(cwd, message, paths) {
  const identity = await identityArgs(cwd);
  await git(cwd, ["add", "--", ...paths]);
  await git(cwd, [...identity, "commit", "--quiet", "--no-verify", "--file=-", "--", ...paths], { input: message });
  return sha(await git(cwd, ["rev-parse", "HEAD"]));
}
async function createAnnotatedTag(cwd, name, target, message, options = {}) {
  const identity = await identityArgs(cwd);
  await git(cwd, [...identity, "tag", "--annotate", ...options.force ? ["--force"] : [], "--file=-", "--", name, target], { input: message });
}
async function commitMessage(cwd, commit) {
  return git(cwd, ["log", "-1", "--format=%B", "--end-of-options", commit]);
}
async function pushAtomic(cwd, remote, refspecs) {
  const run = await execa("git", ["push", "--atomic", "--porcelain", "--", remote, ...refspecs], { cwd, reject: false, all: true });
  if (run.exitCode === 0) return { ok: true };
  const output = run.all ?? "";
  if (/\[rejected\][^\n]*\((?:fetch first|non-fast-forward)\)/.test(output)) return { ok: false, reason: "behind", message: "the remote branch has commits this one does not" };
  const lines = output.split("\n").map((l) => l.trim());
  const why = lines.find((l) => /^remote: /.test(l) && !/^remote:\s*$/.test(l))?.replace(/^remote:\s*/, "") ?? lines.find((l) => /\[remote rejected\]|\[rejected\]|^error:|^fatal:/.test(l)) ?? `git push exited with ${run.exitCode}`;
  return { ok: false, reason: "rejected", message: why };
}
async function commitsBetween(cwd, from, to) {
  const out = await git(cwd, ["rev-list", "--end-of-options", `${from}..${to}`]);
  return out ? out.split("\n").map(sha) : [];
}
async function detachedWorktree(cwd, dir, commit) {
  await git(cwd, ["worktree", "add", "--quiet", "--detach", "--", dir, commit]);
  return async () => {
    await git(cwd, ["worktree", "remove", "--force", "--", dir]).catch(() => void 0);
  };
}

// src/core/history/last-release.ts
var import_semver2 = __toESM(require_semver(), 1);
function readReleaseHistory(plugins, tags, format) {
  const single = plugins.length === 1 && !format.named ? plugins[0] : void 0;
  const known = new Set(plugins.map((plugin) => plugin.name));
  const releases = /* @__PURE__ */ new Map();
  const diagnostics = [];
  const reachable = new Set(tags.filter((tag) => tag.reachable !== false).map((tag) => tag.name));
  for (const tag of tags) {
    const parsed = format.parse(tag.name);
    if (!parsed) continue;
    const plugin = single ? single.name : parsed.name;
    if (plugin === void 0 || !known.has(plugin)) continue;
    if (!isValidVersion(parsed.version)) {
      diagnostics.push({
        tag: tag.name,
        plugin,
        message: `tag "${tag.name}" has version "${parsed.version}", which is not semver; it is ignored \u2014 rename or delete the tag (git tag -d) if it is a release`
      });
      continue;
    }
    const list = releases.get(plugin) ?? [];
    list.push({ tag: tag.name, version: parsed.version, commit: tag.commit });
    releases.set(plugin, list);
  }
  const histories = /* @__PURE__ */ new Map();
  for (const plugin of plugins) {
    const all = (releases.get(plugin.name) ?? []).sort((a, b) => import_semver2.default.rcompare(a.version, b.version));
    const line = all.filter((release) => reachable.has(release.tag));
    histories.set(plugin.name, { last: line[0], versions: line.map((release) => release.version), elsewhere: all.filter((release) => !reachable.has(release.tag)) });
  }
  return { histories, diagnostics };
}
function releasedElsewhere(plugins, histories) {
  const found = [];
  for (const plugin of plugins) {
    const history = histories.get(plugin.name);
    if (!history || import_semver2.default.prerelease(plugin.version)) continue;
    if (history.last && import_semver2.default.lte(plugin.version, history.last.version)) continue;
    const release = history.elsewhere.find((r) => r.version === plugin.version);
    if (release) found.push({ plugin, release });
  }
  return found;
}
function withLineRelease(history, release, commit) {
  return {
    last: { ...release, commit },
    versions: [release.version, ...history.versions],
    elsewhere: history.elsewhere.filter((r) => r !== release)
  };
}

// src/core/history/route-commits.ts
function pathRouter(plugins) {
  const byFolder = /* @__PURE__ */ new Map();
  let rootPlugin;
  for (const plugin of plugins) {
    if (plugin.path === "") rootPlugin = plugin.name;
    else byFolder.set(plugin.path, plugin.name);
  }
  return {
    pluginFor(path) {
      let end = path.lastIndexOf("/");
      while (end > 0) {
        const owner = byFolder.get(path.slice(0, end));
        if (owner !== void 0) return owner;
        end = path.lastIndexOf("/", end - 1);
      }
      return rootPlugin;
    }
  };
}

// src/core/history/unmatched-tags.ts
var listed = (names, shown = 5) => names.length > shown ? `${names.slice(0, shown).join(", ")} and ${names.length - shown} more` : names.join(", ");
function unmatchedTagWarnings(input) {
  const { untagged, format } = input;
  if (untagged.length === 0) return [];
  const releaseLike = input.tags.filter(looksLikeRelease);
  if (releaseLike.length === 0) return [];
  const reading = format.patterns.join(", ");
  const warnings = [];
  const explained = /* @__PURE__ */ new Set();
  for (const read of tagsReadByKnownFormats(releaseLike, untagged, input.single)) {
    if (format.patterns.includes(read.pattern)) continue;
    const plugins = [...read.plugins].filter((name) => !explained.has(name)).sort();
    if (plugins.length === 0) continue;
    for (const name of plugins) explained.add(name);
    const example = read.tags.find((tag) => format.parse(tag) === null) ?? read.tags[0];
    warnings.push(
      `${listed(plugins)}: no tag matches the tag format ${reading}, but tags like "${example}" look like ${plugins.length === 1 ? "its" : "their"} releases: set versioning.tagFormat: "${read.pattern}" in slipway.yml (or add it to versioning.legacyTagFormats to keep writing ${format.pattern}); otherwise ${plugins.length === 1 ? "it is" : "they are"} planned as a first release with the whole history`
    );
  }
  const rest = untagged.filter((plugin) => !explained.has(plugin.name)).map((plugin) => plugin.name);
  const foreign = releaseLike.filter((tag) => format.parse(tag) === null);
  if (rest.length && foreign.length && !input.anyTagged) {
    warnings.push(
      `${listed([...rest].sort())}: no tag matches the tag format ${reading}, and the repository has ${foreign.length} other release-looking tag(s) such as "${foreign[0]}": if those are these plugins' releases, set versioning.tagFormat (placeholders {name}, {unscoped}, {dir}, {version}) in slipway.yml`
    );
  }
  return warnings;
}

// src/core/plan/assemble-plan.ts
var import_semver8 = __toESM(require_semver(), 1);

// src/core/versioning/bump.ts
var BUILT_IN = { feat: "minor", fix: "patch", perf: "patch", revert: "patch", "chore(version)": "none" };
var ORDER = { none: 0, patch: 1, minor: 2, major: 3 };
function maxBump(a, b) {
  return ORDER[a] >= ORDER[b] ? a : b;
}
function bumpForCommit(commit, releaseTypes = {}) {
  if (commit.breaking) return "major";
  const scoped = commit.scope === null ? void 0 : `${commit.type}(${commit.scope})`;
  if (scoped !== void 0) {
    const bump = releaseTypes[scoped] ?? BUILT_IN[scoped];
    if (bump !== void 0) return bump;
  }
  return releaseTypes[commit.type] ?? BUILT_IN[commit.type] ?? "none";
}
function bumpForCommits(commits, releaseTypes = {}) {
  let bump = "none";
  for (const commit of commits) {
    bump = maxBump(bump, bumpForCommit(commit, releaseTypes));
    if (bump === "major") break;
  }
  return bump;
}

// src/core/text/escape-markdown.ts
function markdownText(text) {
  return stripControls(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function markdownCell(text) {
  return markdownText(text).replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ");
}
function markdownLiteral(text) {
  return stripControls(text).replace(/\s+/g, " ").trim().replace(/[\\`*_[\]()<>&!~|#:{}]/g, "\\$&").replace(/@/g, "@\u200B");
}

// src/core/versioning/changelog.ts
var SECTIONS = [
  ["feat", "Features"],
  ["fix", "Bug Fixes"],
  ["perf", "Performance Improvements"],
  ["revert", "Reverts"]
];
var OTHER_TITLE = "Other Changes";
function bulleted(summary) {
  const [first = "", ...rest] = summary.split(/\r?\n/);
  return [`* ${first}`, ...rest.map((line) => line.trim() ? `  ${line}` : "")].join("\n");
}
function renderChangelogSection(input) {
  const heading = input.repoUrl && input.compare ? `[${input.version}](${input.repoUrl}/compare/${encodeURIComponent(input.compare.from)}...${encodeURIComponent(input.compare.to)})` : input.version;
  const lines = [`## ${heading} (${input.date})`];
  const section = (title, items) => {
    if (items.length) lines.push("", `### ${title}`, "", ...items);
  };
  const ref = (sha2) => {
    const short = sha2.slice(0, 7);
    return input.repoUrl ? `([${short}](${input.repoUrl}/commit/${sha2}))` : `(${short})`;
  };
  const linked = (text) => input.repoUrl ? text.replace(/\(#(\d+)\)/g, (_, n) => `([#${n}](${input.repoUrl}/pull/${n}))`) : text;
  const scoped = (scope, text) => `* ${scope ? `**${scope}:** ` : ""}${linked(text)}`;
  const by = (author) => author ? ` \u2014 ${markdownLiteral(author)}` : "";
  const item = (c) => `${scoped(c.scope, c.subject)} ${ref(c.sha)}${by(c.author)}`;
  for (const [bump, title] of [["major", "Major Changes"], ["minor", "Minor Changes"], ["patch", "Patch Changes"]]) {
    section(title, (input.notes ?? []).filter((n) => n.bump === bump).map((n) => bulleted(n.summary)));
  }
  section(
    "\u26A0 BREAKING CHANGES",
    input.commits.filter((commit) => commit.breaking).flatMap((commit) => (commit.breakingNotes?.length ? commit.breakingNotes : [commit.subject]).map((note) => scoped(commit.scope, note)))
  );
  const known = new Set(SECTIONS.map(([type]) => type));
  for (const [type, title] of SECTIONS) {
    section(title, input.commits.filter((c) => c.type === type).map(item));
  }
  section(OTHER_TITLE, input.commits.filter((c) => !known.has(c.type)).map(item));
  section(
    "Dependencies",
    input.dependencyUpdates.map((update) => {
      const version = input.dependencyVersions?.get(update.name);
      const kind = update.kind === "runtime" ? "" : ` (${update.kind})`;
      return update.from === update.to && version ? `* **${update.name}:** ${version} (${update.from})${kind}` : `* **${update.name}:** ${update.from} \u2192 ${update.to}${kind}`;
    })
  );
  return lines.join("\n") + "\n";
}

// node_modules/conventional-commits-parser/dist/regex.js
var nomatchRegex = /(?!.*)/;
function escape(string) {
  return string.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function joinOr(parts) {
  return parts.map((val) => typeof val === "string" ? escape(val.trim()) : val.source).filter(Boolean).join("|");
}
function getNotesRegex(noteKeywords, notesPattern) {
  if (!noteKeywords) {
    return nomatchRegex;
  }
  const noteKeywordsSelection = joinOr(noteKeywords);
  if (!notesPattern) {
    return new RegExp(`^(?:\\*\\s+)?(${noteKeywordsSelection}):\\s*(.*)`, "i");
  }
  return notesPattern(noteKeywordsSelection);
}
function getReferencePartsRegex(issuePrefixes, issuePrefixesCaseSensitive) {
  if (!issuePrefixes) {
    return nomatchRegex;
  }
  const flags = issuePrefixesCaseSensitive ? "gy" : "giy";
  const repositoryChar = "[\\w-\\.\\/]";
  return new RegExp(`.*?(?<!${repositoryChar})(?:(${repositoryChar}+)(?!${repositoryChar}))?(${joinOr(issuePrefixes)})((?=[\\w-]*\\d)[\\w-]+)(?=\\s|$|[,;.)\\]])`, flags);
}
function getReferencesRegex(referenceActions, separator = "") {
  if (!referenceActions) {
    return /()(.+)/gi;
  }
  const joinedKeywords = joinOr(referenceActions);
  const nextKeyword = `(?<!\\w)(?:${joinedKeywords})(?!\\w)`;
  return new RegExp(`(?<!\\w)(${joinedKeywords})${separator}(?:\\s+(.*?))(?=${nextKeyword}|$)`, "gi");
}
function getFooterTokenRegex(issuePrefixes) {
  const issuePrefixSeparator = issuePrefixes ? `|\\s+(?:${joinOr(issuePrefixes)})` : "";
  return new RegExp(`^(?:BREAKING CHANGE|[\\w-]+)(?::\\s+${issuePrefixSeparator}).+`, "i");
}
function getParserRegexes(options = {}) {
  const notes = getNotesRegex(options.noteKeywords, options.notesPattern);
  const referenceParts = getReferencePartsRegex(options.issuePrefixes, options.issuePrefixesCaseSensitive);
  const references = getReferencesRegex(options.referenceActions);
  const footerReferences = getReferencesRegex(options.referenceActions, ":?");
  const footerToken = getFooterTokenRegex(options.issuePrefixes);
  return {
    notes,
    referenceParts,
    references,
    footerReferences,
    footerToken,
    mentions: /@([\w-]+)/g,
    url: /\b(?:https?):\/\/(?:www\.)?([-a-zA-Z0-9@:%_+.~#?&//=])+\b/
  };
}

// node_modules/conventional-commits-parser/dist/utils.js
var SCISSOR = "------------------------ >8 ------------------------";
function trimNewLines(input) {
  const matches = input.match(/[^\r\n]/);
  if (typeof matches?.index !== "number") {
    return "";
  }
  const firstIndex = matches.index;
  let lastIndex = input.length - 1;
  while (input[lastIndex] === "\r" || input[lastIndex] === "\n") {
    lastIndex--;
  }
  return input.substring(firstIndex, lastIndex + 1);
}
function appendLine(src, line) {
  return src ? `${src}
${line || ""}` : line || "";
}
function getCommentFilter(char) {
  return char ? (line) => !line.startsWith(char) : () => true;
}
function truncateToScissor(lines, commentChar) {
  const scissorIndex = lines.indexOf(`${commentChar} ${SCISSOR}`);
  if (scissorIndex === -1) {
    return lines;
  }
  return lines.slice(0, scissorIndex);
}
function gpgFilter(line) {
  return !line.match(/^\s*gpg:/);
}
function assignMatchedCorrespondence(target, matches, correspondence) {
  const { groups } = matches;
  for (let i = 0, len = correspondence.length, key; i < len; i++) {
    key = correspondence[i];
    target[key] = (groups ? groups[key] : matches[i + 1]) || null;
  }
  return target;
}

// node_modules/conventional-commits-parser/dist/options.js
var defaultOptions = {
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  issuePrefixes: ["#"],
  referenceActions: [
    "close",
    "closes",
    "closed",
    "fix",
    "fixes",
    "fixed",
    "resolve",
    "resolves",
    "resolved"
  ],
  headerPattern: /^(\w*)(?:\(([\w$@.\-*/ ]*)\))?: (.*)$/,
  headerCorrespondence: [
    "type",
    "scope",
    "subject"
  ],
  revertPattern: /^Revert\s"([\s\S]*)"\s*This reverts commit (\w*)\.?/,
  revertCorrespondence: ["header", "hash"],
  // The field name must contain at least one word character so that
  // YAML document markers like `---` are not treated as field markers.
  fieldPattern: /^-(?=.*\w)(.*?)-$/
};

// node_modules/conventional-commits-parser/dist/CommitParser.js
function createCommitObject(initialData = {}) {
  return {
    merge: null,
    revert: null,
    header: null,
    body: null,
    footer: null,
    notes: [],
    mentions: [],
    references: [],
    ...initialData
  };
}
var CommitParser = class {
  options;
  regexes;
  lines = [];
  lineIndex = 0;
  commit = createCommitObject();
  constructor(options = {}) {
    this.options = {
      ...defaultOptions,
      ...options
    };
    this.regexes = getParserRegexes(this.options);
  }
  currentLine() {
    return this.lines[this.lineIndex];
  }
  nextLine() {
    return this.lines[this.lineIndex++];
  }
  isLineAvailable() {
    return this.lineIndex < this.lines.length;
  }
  parseReference(input, action) {
    const { regexes } = this;
    if (regexes.url.test(input)) {
      return null;
    }
    const matches = regexes.referenceParts.exec(input);
    if (!matches) {
      return null;
    }
    let [raw, repository = null, prefix, issue] = matches;
    let owner = null;
    if (repository) {
      const slashIndex = repository.indexOf("/");
      if (slashIndex !== -1) {
        owner = repository.slice(0, slashIndex);
        repository = repository.slice(slashIndex + 1);
      }
    }
    return {
      raw,
      action,
      owner,
      repository,
      prefix,
      issue
    };
  }
  parseReferences(input, isFooterToken = false) {
    const { regexes } = this;
    const regex = isFooterToken ? regexes.footerReferences : regexes.references;
    const sentences = [];
    let lastIndex = 0;
    let matches;
    while (true) {
      matches = regex.exec(input);
      if (!matches) {
        break;
      }
      sentences.push([null, input.slice(lastIndex, matches.index)], [matches[1] || null, matches[2] || ""]);
      lastIndex = regex.lastIndex;
    }
    sentences.push([null, input.slice(lastIndex)]);
    const references = [];
    let reference;
    for (const [action, sentence] of sentences) {
      while (true) {
        reference = this.parseReference(sentence, action);
        if (!reference) {
          break;
        }
        references.push(reference);
      }
    }
    return references;
  }
  skipEmptyLines() {
    let line = this.currentLine();
    while (line !== void 0 && !line.trim()) {
      this.nextLine();
      line = this.currentLine();
    }
  }
  parseMerge() {
    const { commit, options } = this;
    const correspondence = options.mergeCorrespondence || [];
    const merge = this.currentLine();
    const matches = merge && options.mergePattern ? merge.match(options.mergePattern) : null;
    if (matches) {
      this.nextLine();
      commit.merge = matches[0] || null;
      assignMatchedCorrespondence(commit, matches, correspondence);
      return true;
    }
    return false;
  }
  parseHeader(isMergeCommit) {
    if (isMergeCommit) {
      this.skipEmptyLines();
    }
    const { commit, options } = this;
    const correspondence = options.headerCorrespondence || [];
    const header = commit.header ?? this.nextLine();
    let matches = null;
    if (header) {
      if (options.breakingHeaderPattern) {
        matches = header.match(options.breakingHeaderPattern);
      }
      if (!matches && options.headerPattern) {
        matches = header.match(options.headerPattern);
      }
    }
    if (header) {
      commit.header = header;
    }
    if (matches) {
      assignMatchedCorrespondence(commit, matches, correspondence);
    }
  }
  parseMeta() {
    const { options, commit } = this;
    if (!options.fieldPattern || !this.isLineAvailable()) {
      return false;
    }
    let matches;
    let field = null;
    let parsed = false;
    while (this.isLineAvailable()) {
      matches = this.currentLine().match(options.fieldPattern);
      if (matches) {
        field = matches[1] || null;
        this.nextLine();
        continue;
      }
      if (field) {
        parsed = true;
        commit[field] = appendLine(commit[field], this.currentLine());
        this.nextLine();
      } else {
        break;
      }
    }
    return parsed;
  }
  parseNotes() {
    const { regexes, commit } = this;
    if (!this.isLineAvailable()) {
      return false;
    }
    const matches = this.currentLine().match(regexes.notes);
    let isFooterToken;
    if (matches) {
      const note = {
        title: matches[1],
        text: matches[2]
      };
      commit.notes.push(note);
      commit.footer = appendLine(commit.footer, this.currentLine());
      this.nextLine();
      while (this.isLineAvailable()) {
        if (this.parseMeta()) {
          return true;
        }
        if (this.parseNotes()) {
          return true;
        }
        isFooterToken = regexes.footerToken.test(this.currentLine());
        commit.references.push(...this.parseReferences(this.currentLine(), isFooterToken));
        if (!isFooterToken) {
          note.text = appendLine(note.text, this.currentLine());
        }
        commit.footer = appendLine(commit.footer, this.currentLine());
        this.nextLine();
        if (isFooterToken) {
          break;
        }
      }
      return true;
    }
    return false;
  }
  parseBodyAndFooter(isBody) {
    const { commit, regexes } = this;
    if (!this.isLineAvailable()) {
      return isBody;
    }
    const isFooterToken = regexes.footerToken.test(this.currentLine());
    const isStillBody = !isFooterToken && isBody;
    commit.references.push(...this.parseReferences(this.currentLine(), isFooterToken));
    if (isStillBody) {
      commit.body = appendLine(commit.body, this.currentLine());
    } else {
      commit.footer = appendLine(commit.footer, this.currentLine());
    }
    this.nextLine();
    return isStillBody;
  }
  parseBreakingHeader() {
    const { commit, options } = this;
    if (!options.breakingHeaderPattern || commit.notes.length || !commit.header) {
      return;
    }
    const matches = commit.header.match(options.breakingHeaderPattern);
    if (matches) {
      commit.notes.push({
        title: "BREAKING CHANGE",
        text: matches[3]
      });
    }
  }
  parseMentions(input) {
    const { commit, regexes } = this;
    let matches;
    for (; ; ) {
      matches = regexes.mentions.exec(input);
      if (!matches) {
        break;
      }
      commit.mentions.push(matches[1]);
    }
  }
  parseRevert(input) {
    const { commit, options } = this;
    const correspondence = options.revertCorrespondence || [];
    const matches = options.revertPattern ? input.match(options.revertPattern) : null;
    if (matches) {
      commit.revert = assignMatchedCorrespondence({}, matches, correspondence);
    }
  }
  cleanupCommit() {
    const { commit } = this;
    commit.body &&= trimNewLines(commit.body);
    commit.footer &&= trimNewLines(commit.footer);
    commit.notes.forEach((note) => {
      note.text = trimNewLines(note.text);
    });
    const referencesSet = /* @__PURE__ */ new Set();
    commit.references = commit.references.filter((reference) => {
      const uid = `${reference.action} ${reference.raw}`.toLocaleLowerCase();
      const ok = !referencesSet.has(uid);
      if (ok) {
        referencesSet.add(uid);
      }
      return ok;
    });
  }
  /**
   * Parse commit message string into an object.
   * @param input - Commit message string.
   * @returns Commit object.
   */
  parse(input) {
    if (!input.trim()) {
      throw new TypeError("Expected a raw commit");
    }
    const { commentChar } = this.options;
    const commentFilter = getCommentFilter(commentChar);
    const rawLines = trimNewLines(input).split(/\r?\n/);
    const lines = commentChar ? truncateToScissor(rawLines, commentChar).filter((line) => commentFilter(line) && gpgFilter(line)) : rawLines.filter((line) => gpgFilter(line));
    const commit = createCommitObject();
    this.lines = lines;
    this.lineIndex = 0;
    this.commit = commit;
    const isMergeCommit = this.parseMerge();
    this.parseHeader(isMergeCommit);
    if (commit.header) {
      commit.references = this.parseReferences(commit.header);
    }
    let isBody = true;
    while (this.isLineAvailable()) {
      this.parseMeta();
      if (this.parseNotes()) {
        isBody = false;
      }
      if (!this.parseBodyAndFooter(isBody)) {
        isBody = false;
      }
    }
    this.parseBreakingHeader();
    this.parseMentions(input);
    this.parseRevert(input);
    this.cleanupCommit();
    return commit;
  }
};

// src/core/versioning/conventional-commit.ts
var parser = new CommitParser({
  // The spec's optional `!` before the colon; scopes may hold anything but parentheses.
  headerPattern: /^(\w+)(?:\(([^()]*)\))?!?: (.+)$/,
  breakingHeaderPattern: /^(\w+)(?:\(([^()]*)\))?!: (.+)$/,
  headerCorrespondence: ["type", "scope", "subject"],
  // Footer tokens are case-insensitive in the spec except BREAKING CHANGE, which must be uppercase.
  noteKeywords: [/BREAKING[ -]CHANGE/],
  revertPattern: /^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w+)\.?/,
  revertCorrespondence: ["header", "hash"]
});
function parseConventionalCommit(message) {
  const text = message.trim();
  if (!text) return { conventional: false, header: "" };
  let parsed;
  try {
    parsed = parser.parse(text);
  } catch {
    return { conventional: false, header: text.split("\n", 1)[0] ?? "" };
  }
  const header = parsed.header ?? message.split("\n", 1)[0] ?? "";
  const revert = parsed.revert;
  if (revert) {
    return {
      conventional: true,
      commit: {
        type: "revert",
        scope: null,
        subject: revert.header ?? header,
        body: parsed.body,
        breaking: false,
        breakingNotes: [],
        reverts: { header: revert.header ?? null, sha: revert.hash ?? null }
      }
    };
  }
  if (!parsed.type || !parsed.subject) return { conventional: false, header };
  const breakingNotes = parsed.notes.filter((note) => /^BREAKING[ -]CHANGE$/.test(note.title)).map((note) => note.text.trim());
  return {
    conventional: true,
    commit: {
      type: parsed.type.toLowerCase(),
      scope: parsed.scope || null,
      subject: parsed.subject.trim(),
      body: parsed.body,
      breaking: breakingNotes.length > 0,
      breakingNotes,
      reverts: parsed.type.toLowerCase() === "revert" ? { header: parsed.subject, sha: null } : null
    }
  };
}

// src/core/versioning/next-version.ts
var import_semver3 = __toESM(require_semver(), 1);
function effectiveBump(current, bump) {
  return bump === "major" && import_semver3.default.major(current) === 0 ? "minor" : bump;
}
function nextVersion({ current, bump, prerelease }) {
  const applied = effectiveBump(current, bump);
  const currentPre = import_semver3.default.prerelease(current);
  const base = `${import_semver3.default.major(current)}.${import_semver3.default.minor(current)}.${import_semver3.default.patch(current)}`;
  if (currentPre) {
    const lastStable = previousStableFloor(current);
    const target = import_semver3.default.inc(lastStable, effectiveBump(lastStable, bump));
    const keepBase = import_semver3.default.gte(base, target);
    if (!prerelease) return keepBase ? base : target;
    if (keepBase) return import_semver3.default.inc(current, "prerelease", prerelease);
    return `${target}-${prerelease}.0`;
  }
  if (!prerelease) return import_semver3.default.inc(current, applied);
  return `${import_semver3.default.inc(current, applied)}-${prerelease}.0`;
}
function previousStableFloor(prerelease) {
  const major = import_semver3.default.major(prerelease);
  const minor = import_semver3.default.minor(prerelease);
  const patch = import_semver3.default.patch(prerelease);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.0`;
  return major > 0 ? `${major - 1}.0.0` : "0.0.0";
}

// src/core/plan/commit-author.ts
var MAX_LENGTH = 80;
var BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
function commitAuthor(raw) {
  const name = stripControls(raw).replace(BIDI_CONTROLS, "").replace(/\s+/g, " ").trim();
  if (!name) return void 0;
  const chars = [...name];
  return chars.length > MAX_LENGTH ? `${chars.slice(0, MAX_LENGTH - 1).join("").trimEnd()}\u2026` : name;
}

// src/core/versioning/dependency-range.ts
var import_semver4 = __toESM(require_semver(), 1);
function updatedRange(range, version) {
  const trimmed = range.trim();
  if (trimmed.startsWith("workspace:") || trimmed === "*" || trimmed === "" || trimmed === "latest") return range;
  const simple = /^(\^|~|>=|=|v)?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(trimmed);
  if (simple) return `${simple[1] ?? ""}${version}`;
  return import_semver4.default.satisfies(version, trimmed, { includePrerelease: true }) ? range : `^${version}`;
}
function acceptsVersion(range, version) {
  const trimmed = range.trim();
  if (trimmed.startsWith("workspace:") || trimmed === "*" || trimmed === "" || trimmed === "latest") return true;
  if (import_semver4.default.validRange(trimmed) === null) return void 0;
  return import_semver4.default.satisfies(version, trimmed, { includePrerelease: true });
}
function peerCrossesMajor(range, version) {
  if (acceptsVersion(range, version) !== false) return false;
  const floor = import_semver4.default.minVersion(range.trim());
  if (!floor) return false;
  const next = import_semver4.default.parse(version);
  if (!next) return false;
  return next.major !== floor.major || next.major === 0 && next.minor !== floor.minor;
}

// src/core/versioning/workspace-range.ts
var import_semver5 = __toESM(require_semver(), 1);
var PROTOCOL = "workspace:";
function isWorkspaceRange(range) {
  return range.trim().startsWith(PROTOCOL);
}
function publishedRange(range, version, dependency) {
  const spec = range.trim().slice(PROTOCOL.length).trim();
  if (spec === "*" || spec === "" || spec.startsWith(".") || spec.startsWith("/")) return version;
  if (spec === "^" || spec === "~") return `${spec}${version}`;
  if (import_semver5.default.validRange(spec)) return spec;
  throw new SlipwayError("MANIFEST_INVALID", `"${dependency}": "${range}" is not a workspace range slipway can publish`, {
    subject: dependency,
    hint: "use workspace:*, workspace:^, workspace:~ or workspace:<semver range>"
  });
}

// src/core/plan/dependents.ts
var KIND_ORDER = { runtime: 0, peer: 1, optional: 2, dev: 3 };
function cascadeDependents(input) {
  const edges = reverseEdges(input.plugins);
  const bumps = new Map(input.bumps);
  const byDependency = /* @__PURE__ */ new Set();
  const next = /* @__PURE__ */ new Map();
  const settle = (name) => {
    const bump = bumps.get(name) ?? "none";
    if (bump === "none") next.delete(name);
    else next.set(name, input.nextVersion(name, bump));
  };
  for (const name of bumps.keys()) settle(name);
  const queue = [...next.keys()];
  for (const released of queue) {
    const version = next.get(released);
    if (version === void 0) continue;
    for (const edge of edges.get(released) ?? []) {
      if (input.policy[edge.kind] !== "patch") continue;
      const before = bumps.get(edge.dependent) ?? "none";
      let wanted = "patch";
      if (edge.kind === "peer" && peerCrossesMajor(edge.range, version)) wanted = "major";
      const after = maxBump(before, wanted);
      if (after === before) continue;
      if (before === "none") byDependency.add(edge.dependent);
      bumps.set(edge.dependent, after);
      settle(edge.dependent);
      queue.push(edge.dependent);
    }
  }
  const rangeUpdates = /* @__PURE__ */ new Map();
  const warnings = [];
  const dependents = /* @__PURE__ */ new Map();
  for (const [dependency, list] of edges) {
    const version = next.get(dependency);
    if (version === void 0) continue;
    for (const edge of list) {
      const dependentReleased = next.has(edge.dependent);
      const moves = input.policy[edge.kind] !== "none" || dependentReleased;
      const to = moves ? updatedRange(edge.range, version) : edge.range;
      if (to !== edge.range || dependentReleased && isWorkspaceRange(edge.range)) {
        const updates = rangeUpdates.get(edge.dependent) ?? [];
        updates.push({ name: dependency, kind: edge.kind, from: edge.range, to });
        rangeUpdates.set(edge.dependent, updates);
      }
      if (dependentReleased && !dependents.get(dependency)?.includes(edge.dependent)) {
        dependents.set(dependency, [...dependents.get(dependency) ?? [], edge.dependent]);
      }
      if (acceptsVersion(to, version) === false) {
        const fix = input.policy[edge.kind] === "none" ? `set versioning.dependents.${edge.kind} to range or patch in slipway.yml, or update the range by hand` : "update the range by hand";
        warnings.push(`${edge.dependent}: its ${edge.kind} dependency range "${to}" on ${dependency} does not accept ${dependency}'s planned ${version}; ${fix}`);
      }
    }
  }
  for (const updates of rangeUpdates.values()) updates.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  for (const list of dependents.values()) list.sort();
  return { bumps, byDependency, next, rangeUpdates, warnings: warnings.sort(), dependents };
}
function reverseEdges(plugins) {
  const names = new Set(plugins.map((p) => p.name));
  const map = /* @__PURE__ */ new Map();
  for (const plugin of plugins) {
    for (const { name, range, kind } of plugin.dependencies) {
      if (!names.has(name) || name === plugin.name) continue;
      const list = map.get(name) ?? [];
      list.push({ dependent: plugin.name, range, kind });
      map.set(name, list);
    }
  }
  return map;
}

// src/core/versioning/snapshot.ts
var import_semver6 = __toESM(require_semver(), 1);
var SNAPSHOT_SUFFIX = "-SNAPSHOT";
function nextSnapshot(version) {
  const base = `${import_semver6.default.major(version)}.${import_semver6.default.minor(version)}.${import_semver6.default.patch(version)}`;
  return `${import_semver6.default.inc(base, "patch")}${SNAPSHOT_SUFFIX}`;
}
function withFloor(next, floor, last) {
  if (floor === void 0) return next;
  if (last !== void 0 && import_semver6.default.lte(floor, last)) return next;
  return import_semver6.default.gt(floor, next) ? floor : next;
}

// src/core/plan/release-intents.ts
var import_semver7 = __toESM(require_semver(), 1);
function changesetBumps(changesets) {
  const byPlugin = /* @__PURE__ */ new Map();
  for (const changeset of [...changesets].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) {
    for (const release of changeset.releases) {
      const entry = byPlugin.get(release.name) ?? { bump: "none", notes: [] };
      entry.bump = maxBump(entry.bump, release.type);
      if (release.type !== "none" && changeset.summary.trim()) entry.notes.push({ bump: release.type, summary: changeset.summary.trim() });
      byPlugin.set(release.name, entry);
    }
  }
  return byPlugin;
}
function applyVersionGroups(members, groups) {
  const base = /* @__PURE__ */ new Map();
  const apply = (group, all) => {
    const inGroup = group.map((name) => members.get(name)).filter((m) => m !== void 0);
    const releasing = inGroup.filter((m) => m.bump !== "none");
    if (releasing.length === 0) return;
    const bump = releasing.reduce((b, m) => maxBump(b, m.bump), "none");
    const highest = inGroup.reduce((v, m) => import_semver7.default.gt(m.current, v) ? m.current : v, inGroup[0].current);
    for (const member of all ? inGroup : releasing) {
      member.bump = bump;
      base.set(member.name, highest);
    }
  };
  for (const group of groups.fixed) apply(group, true);
  for (const group of groups.linked) apply(group, false);
  return base;
}

// src/core/plan/release-plan.ts
var PLAN_SCHEMA_VERSION = 2;

// src/core/plan/assemble-plan.ts
function assemblePlan(input) {
  const prerelease = input.prerelease ?? input.versioning.prerelease;
  const authors = input.authors ?? true;
  const warnings = [...input.warnings ?? []];
  const parsed = /* @__PURE__ */ new Map();
  const ignored = /* @__PURE__ */ new Map();
  const candidates = /* @__PURE__ */ new Map();
  const fromChangesets = changesetBumps(input.intents?.changesets ?? []);
  for (const plugin of input.plugins) {
    const history = input.histories.get(plugin.name);
    const commits = [];
    let releaseAs;
    for (const raw of input.unreleased.get(plugin.name) ?? []) {
      if (raw.parents.length > 1) continue;
      const asked = releaseAs ? void 0 : releaseAsFooter(raw.message);
      if (asked !== void 0) releaseAs = { version: asked, commit: raw.sha };
      let result = parsed.get(raw.sha);
      if (!result) parsed.set(raw.sha, result = parseConventionalCommit(raw.message));
      if (!result.conventional) {
        ignored.set(raw.sha, { sha: raw.sha, header: result.header, reason: result.header.trim() ? "not a Conventional Commit (type(scope): subject)" : "an empty commit message" });
        continue;
      }
      commits.push({ raw, cc: result.commit });
    }
    const kept = dropRevertedPairs(commits);
    const byCommits = raisedForCore(bumpForCommits(kept.map((c) => c.cc), input.versioning.releaseTypes), input.versioning.coreRaise, input.coreRaised?.has(plugin.name) ?? false);
    const bump = maxBump(byCommits, fromChangesets.get(plugin.name)?.bump ?? "none");
    const candidate = {
      plugin,
      current: history?.last?.version ?? plugin.version,
      firstRelease: !history?.last,
      commits: kept,
      bump,
      reason: byCommits === "none" && bump !== "none" ? "changeset" : "commits"
    };
    if (releaseAs) {
      const problem = overrideProblem(releaseAs.version, candidate.current, candidate.firstRelease, history);
      if (problem) warnings.push(`${plugin.name}: commit ${releaseAs.commit.slice(0, 7)} asks for Release-As ${releaseAs.version}, which is ignored: ${problem}`);
      else candidate.override = { source: "release-as", version: releaseAs.version, commit: releaseAs.commit };
    }
    candidates.set(plugin.name, candidate);
  }
  let bases = applyGroups(candidates, input.intents);
  applyOverrides(candidates, input);
  const lineBump = (candidate, bump) => {
    if (candidate.override) return bump;
    const history = input.histories.get(candidate.plugin.name);
    const taken = history?.last ? [...history.versions, ...history.elsewhere.map((release) => release.version)] : [];
    return cappedOnOlderLine(candidate.current, bump, prerelease, taken);
  };
  const versionOf = (candidate, bump) => {
    if (candidate.override && candidate.override.source !== "bump") return candidate.override.version;
    const next = nextVersion({ current: bases.get(candidate.plugin.name) ?? candidate.current, bump, prerelease });
    return prerelease ? next : withFloor(next, candidate.plugin.versionFloor, input.histories.get(candidate.plugin.name)?.last?.version);
  };
  let cascade;
  for (; ; ) {
    cascade = cascadeDependents({
      plugins: input.plugins,
      policy: input.versioning.dependents,
      bumps: new Map([...candidates].map(([name, c]) => [name, c.bump])),
      nextVersion: (name, bump) => {
        const candidate = candidates.get(name);
        return candidate ? versionOf(candidate, lineBump(candidate, bump)) : nextVersion({ current: "0.0.0", bump, prerelease });
      }
    });
    for (const candidate of candidates.values()) {
      const bump = cascade.bumps.get(candidate.plugin.name) ?? candidate.bump;
      candidate.bump = bump === "none" ? bump : lineBump(candidate, bump);
      if (cascade.byDependency.has(candidate.plugin.name) && candidate.reason !== "override") candidate.reason = "dependency";
    }
    const before = [...candidates.values()].map((c) => c.bump).join();
    bases = applyGroups(candidates, input.intents);
    if ([...candidates.values()].map((c) => c.bump).join() === before) break;
  }
  const releasing = [...candidates.values()].filter((c) => c.bump !== "none");
  const nextOf = cascade.next;
  warnings.push(...cascade.warnings);
  const releases = releasing.map((candidate) => {
    const { plugin } = candidate;
    const to = nextOf.get(plugin.name);
    const dependencyUpdates = cascade.rangeUpdates.get(plugin.name) ?? [];
    const commits = candidate.commits.map(({ raw, cc }) => commitOf(raw, cc, authors));
    const history = input.histories.get(plugin.name);
    const tag = input.tagFormat.format(plugin.name, to);
    if (history?.versions.includes(to)) warnings.push(`${plugin.name}: version ${to} is already tagged; the release would collide with ${tag}`);
    return {
      name: plugin.name,
      path: plugin.path,
      ecosystem: plugin.ecosystem,
      manifestFile: plugin.manifestFile,
      private: plugin.private,
      from: candidate.current,
      to,
      bump: candidate.bump,
      reason: candidate.reason,
      ...candidate.override ? { override: candidate.override } : {},
      tag,
      firstRelease: candidate.firstRelease,
      commits,
      dependencyUpdates,
      dependents: cascade.dependents.get(plugin.name) ?? [],
      ...plugin.artifacts?.length ? { artifacts: plugin.artifacts.map(artifactCoordinate) } : {},
      ...plugin.versionFiles?.length ? { versionFiles: plugin.versionFiles } : {},
      ...plugin.snapshotCycle && !prerelease ? { nextSnapshot: nextSnapshot(to) } : {},
      changelog: renderChangelogSection({
        version: to,
        date: input.date,
        commits: candidate.commits.map(({ raw, cc }) => ({ ...commitOf(raw, cc, authors), breakingNotes: cc.breakingNotes })),
        dependencyUpdates,
        dependencyVersions: nextOf,
        notes: fromChangesets.get(plugin.name)?.notes,
        repoUrl: input.repoUrl,
        compare: history?.last ? { from: history.last.tag, to: tag } : void 0
      })
    };
  });
  releases.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const changesets = consumedChangesets(input.intents, nextOf, candidates, warnings);
  return withHash({
    schemaVersion: PLAN_SCHEMA_VERSION,
    baseSha: input.baseSha,
    date: input.date,
    prerelease: prerelease ?? null,
    tagFormat: input.tagFormat.pattern,
    releases,
    rangeUpdates: input.plugins.filter((plugin) => !nextOf.has(plugin.name) && cascade.rangeUpdates.has(plugin.name)).map((plugin) => ({ name: plugin.name, path: plugin.path, ecosystem: plugin.ecosystem, manifestFile: plugin.manifestFile, dependencyUpdates: cascade.rangeUpdates.get(plugin.name) ?? [] })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    ignoredCommits: [...ignored.values()],
    warnings,
    ...changesets.length ? { changesets } : {}
  });
}
function applyOverrides(candidates, input) {
  for (const override of input.overrides ?? []) {
    const candidate = candidates.get(override.plugin);
    const flag = override.kind === "set" ? "--set" : "--bump";
    if (!candidate) {
      throw new SlipwayError("OVERRIDE_INVALID", `${flag} names "${override.plugin}", which is not a plugin of this fleet`, {
        subject: flag,
        hint: `use one of: ${[...candidates.keys()].slice(0, 10).join(", ")}${candidates.size > 10 ? ", \u2026" : ""}`
      });
    }
    if (override.kind === "set") {
      const problem = overrideProblem(override.version, candidate.current, candidate.firstRelease, input.histories.get(override.plugin));
      if (problem) throw new SlipwayError("OVERRIDE_INVALID", `${flag} ${override.plugin}=${override.version}: ${problem}`, { subject: flag, hint: "choose a version above the last release that has no tag yet" });
      candidate.override = { source: "set", version: override.version };
    } else {
      candidate.override = { source: "bump", bump: override.bump };
    }
  }
  for (const candidate of candidates.values()) {
    const override = candidate.override;
    if (!override) continue;
    const bump = override.source === "bump" ? override.bump : bumpBetween(candidate.current, override.version);
    if (candidate.bump === "none") candidate.reason = "override";
    candidate.bump = bump;
  }
}
function bumpBetween(from, to) {
  if (import_semver8.default.major(to) !== import_semver8.default.major(from)) return "major";
  if (import_semver8.default.minor(to) !== import_semver8.default.minor(from)) return "minor";
  return "patch";
}
function cappedOnOlderLine(current, bump, prerelease, tagged) {
  if (bump === "patch") return bump;
  const next = nextVersion({ current, bump, prerelease });
  return tagged.some((version) => import_semver8.default.gt(version, current) && import_semver8.default.lte(version, next)) ? "patch" : bump;
}
function raisedForCore(bump, coreRaise, raised) {
  return raised && coreRaise === "minor" && bump === "patch" ? "minor" : bump;
}
function artifactCoordinate(artifact) {
  return artifact.groupId ? `${artifact.groupId}:${artifact.artifactId}` : artifact.artifactId;
}
function applyGroups(candidates, intents) {
  if (!intents || intents.groups.fixed.length === 0 && intents.groups.linked.length === 0) return /* @__PURE__ */ new Map();
  const members = new Map([...candidates].map(([name, c]) => [name, { name, current: c.current, bump: c.bump }]));
  const bases = applyVersionGroups(members, intents.groups);
  for (const [name, member] of members) {
    const candidate = candidates.get(name);
    if (!candidate) continue;
    if (candidate.bump === "none" && member.bump !== "none") candidate.reason = "group";
    candidate.bump = member.bump;
  }
  return bases;
}
function consumedChangesets(intents, releasing, candidates, warnings) {
  const files = [];
  for (const changeset of intents?.changesets ?? []) {
    for (const release of changeset.releases) {
      if (!candidates.has(release.name)) warnings.push(`${changeset.file}: "${release.name}" is not a plugin of this fleet; that line is ignored`);
    }
    if (changeset.releases.some((r) => releasing.has(r.name))) files.push(changeset.file);
  }
  return files.sort();
}
function commitOf(raw, cc, authors) {
  const author = authors ? commitAuthor(raw.author) : void 0;
  return { sha: raw.sha, type: cc.type, scope: cc.scope, subject: cc.subject, breaking: cc.breaking, ...author ? { author } : {} };
}
function dropRevertedPairs(commits) {
  const cancelled = /* @__PURE__ */ new Set();
  for (const { raw, cc } of commits) {
    const target = cc.reverts?.sha;
    if (!target || target.length < 7) continue;
    const reverted = commits.find((c) => c.raw.sha.startsWith(target) && !cancelled.has(c.raw.sha));
    if (reverted) {
      cancelled.add(reverted.raw.sha);
      cancelled.add(raw.sha);
    }
  }
  return cancelled.size ? commits.filter((c) => !cancelled.has(c.raw.sha)) : commits;
}

// src/core/plan/select-plugins.ts
function selectPlugins(plan, names, fleet, changesetPlugins = /* @__PURE__ */ new Map()) {
  const known = new Set(fleet);
  for (const name of names) {
    if (!known.has(name)) {
      throw new SlipwayError("USAGE", `"${name}" is not a plugin of this fleet, so it cannot be selected`, {
        subject: "plugins to plan",
        hint: `use one of: ${[...known].slice(0, 10).join(", ")}${known.size > 10 ? `, \u2026 (${known.size} plugins)` : ""}`
      });
    }
  }
  const byName = new Map(plan.releases.map((r) => [r.name, r]));
  const keep = new Set(names.filter((name) => byName.has(name)));
  const queue = [...keep];
  for (let i = 0; i < queue.length; i++) {
    for (const update of byName.get(queue[i])?.dependencyUpdates ?? []) {
      if (byName.has(update.name) && !keep.has(update.name)) {
        keep.add(update.name);
        queue.push(update.name);
      }
    }
  }
  const left = plan.releases.filter((r) => !keep.has(r.name)).map((r) => r.name);
  const warnings = [...plan.warnings];
  if (left.length) warnings.push(`plugins to plan: ${left.length} planned release(s) left for a later plan: ${left.join(", ")}`);
  const changesets = (plan.changesets ?? []).filter((file) => (changesetPlugins.get(file) ?? []).every((name) => !byName.has(name) || keep.has(name)));
  const { hash: _old, changesets: _all, ...rest } = plan;
  void _old;
  void _all;
  return withHash({
    ...rest,
    releases: plan.releases.filter((r) => keep.has(r.name)).map((r) => ({ ...r, dependents: r.dependents.filter((d) => keep.has(d)) })),
    rangeUpdates: plan.rangeUpdates.map((u) => ({ ...u, dependencyUpdates: u.dependencyUpdates.filter((d) => keep.has(d.name)) })).filter((u) => u.dependencyUpdates.length > 0),
    warnings,
    ...changesets.length ? { changesets } : {}
  });
}

// src/core/config/release-branches.ts
function releaseBranches(config) {
  return config.release.branches ?? [config.release.branch];
}
function branchAllowed(branch, patterns) {
  return patterns.some((pattern) => patternRegex(pattern).test(branch));
}
function patternRegex(pattern) {
  const source = pattern.split(/(\*\*|\*)/).map((part) => part === "**" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("");
  return new RegExp(`^${source}$`);
}

// src/core/history/commit-index.ts
var CommitIndex = class _CommitIndex {
  /** Newest first, in the order git listed them. */
  commits = [];
  positions = /* @__PURE__ */ new Map();
  merges = false;
  router;
  touching = /* @__PURE__ */ new Map();
  parents;
  /** An index of commits already read; routed when `router` is given. */
  static of(commits, router) {
    const index = new _CommitIndex();
    if (router) index.route(router);
    for (const commit of commits) index.add(commit);
    return index;
  }
  add(commit) {
    const position = this.commits.length;
    this.positions.set(commit.sha, position);
    this.commits.push(commit);
    if (commit.parents.length > 1) this.merges = true;
    if (this.router) this.routeOne(commit, position);
  }
  /** Routes the commits added so far, and every later one as it comes. Once: the fleet does not change mid-plan. */
  route(router) {
    if (this.router) throw new Error("the commit index is already routed");
    this.router = router;
    this.commits.forEach((commit, position) => this.routeOne(commit, position));
  }
  get routed() {
    return this.router !== void 0;
  }
  positionOf(commit) {
    return this.positions.get(commit);
  }
  /** No merge commit: list position alone orders ancestors (git lists children before parents). */
  get linear() {
    return !this.merges;
  }
  /**
   * Each commit's parents as positions (-1: outside the log), for walks that would otherwise
   * look SHAs up again and again: `list[first[i]] … list[first[i + 1] - 1]` are commit i's.
   * Built on first use, once every commit is in.
   */
  parentPositions() {
    if (this.parents?.size === this.commits.length) return this.parents;
    const first = new Int32Array(this.commits.length + 1);
    const list = [];
    this.commits.forEach((commit, i) => {
      first[i] = list.length;
      for (const parent of commit.parents) list.push(this.positions.get(parent) ?? -1);
    });
    first[this.commits.length] = list.length;
    this.parents = { size: this.commits.length, first, list: Int32Array.from(list) };
    return this.parents;
  }
  /** Positions of the commits touching `plugin`, in log order (newest first). */
  touchingPlugin(plugin) {
    return this.touching.get(plugin) ?? [];
  }
  routeOne(commit, position) {
    const router = this.router;
    if (!router) return;
    for (const file of commit.files) {
      const plugin = router.pluginFor(file);
      if (plugin === void 0) continue;
      const list = this.touching.get(plugin);
      if (!list) this.touching.set(plugin, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  }
};

// src/core/history/log-range.ts
var import_semver9 = __toESM(require_semver(), 1);
function guessLogStart(tags, formats) {
  for (const format of formats) {
    const newest = /* @__PURE__ */ new Map();
    for (const tag of tags) {
      if (tag.reachable === false) continue;
      const parsed = format.parse(tag.name);
      if (!parsed || !isValidVersion(parsed.version)) continue;
      const key = parsed.name ?? "";
      const current = newest.get(key);
      if (!current || import_semver9.default.gt(parsed.version, current.version)) newest.set(key, { version: parsed.version, tag });
    }
    let oldest;
    for (const { tag } of newest.values()) if (!oldest || tag.commitTime < oldest.commitTime) oldest = tag;
    if (oldest) return oldest.commit;
  }
  return void 0;
}
function logCovers(log, used, releaseCommits) {
  if (used === void 0) return true;
  const { first, list } = log.parentPositions();
  const state = new Uint8Array(log.commits.length);
  log.commits.forEach((commit, i) => {
    if (commit.parents.includes(used)) state[i] = REACHES;
  });
  const reachesUsed = (start) => {
    const stack = [start];
    for (let top = stack.at(-1); top !== void 0; top = stack.at(-1)) {
      if (state[top] !== UNKNOWN) {
        stack.pop();
        continue;
      }
      const from = first[top] ?? 0;
      const to = first[top + 1] ?? from;
      let reaches = false;
      for (let k = from; k < to && !reaches; k++) reaches = state[list[k] ?? -1] === REACHES;
      if (reaches) {
        state[top] = REACHES;
        continue;
      }
      const before = stack.length;
      for (let k = from; k < to; k++) {
        const parent = list[k] ?? -1;
        if (parent >= 0 && state[parent] === UNKNOWN) stack.push(parent);
      }
      if (stack.length === before) state[top] = DOES_NOT;
    }
    return state[start] === REACHES;
  };
  for (const release of releaseCommits) {
    if (release === void 0) return false;
    if (release === used) continue;
    const position = log.positionOf(release);
    if (position === void 0 || !reachesUsed(position)) return false;
  }
  return true;
}
var UNKNOWN = 0;
var REACHES = 1;
var DOES_NOT = 2;
function releaseCommitsOrAll(releaseCommits) {
  const distinct = /* @__PURE__ */ new Set();
  for (const commit of releaseCommits) {
    if (commit === void 0) return void 0;
    distinct.add(commit);
  }
  return [...distinct];
}

// src/core/history/unreleased-commits.ts
function unreleasedCommits(input) {
  const { log, releaseCommit } = input;
  if (!log.routed) throw new Error("unreleasedCommits needs a routed commit index");
  const { commits } = log;
  const ancestorsCache = /* @__PURE__ */ new Map();
  const ancestorsOf = (release, start) => {
    let seen = ancestorsCache.get(release);
    if (seen) return seen;
    seen = new Uint8Array(commits.length);
    const { first, list } = log.parentPositions();
    const stack = [start];
    for (let i = stack.pop(); i !== void 0; i = stack.pop()) {
      if (seen[i]) continue;
      seen[i] = 1;
      for (let k = first[i] ?? 0; k < (first[i + 1] ?? 0); k++) {
        const p = list[k] ?? -1;
        if (p >= 0 && !seen[p]) stack.push(p);
      }
    }
    ancestorsCache.set(release, seen);
    return seen;
  };
  const result = /* @__PURE__ */ new Map();
  for (const plugin of input.plugins) {
    const release = releaseCommit.get(plugin);
    const releaseIndex = release === void 0 ? void 0 : log.positionOf(release);
    let keep;
    if (release === void 0 || releaseIndex === void 0) {
      keep = () => true;
    } else if (log.linear) {
      keep = (i) => i < releaseIndex;
    } else {
      const ancestors = ancestorsOf(release, releaseIndex);
      keep = (i) => ancestors[i] !== 1;
    }
    const kept = [];
    for (const i of log.touchingPlugin(plugin)) {
      const commit = commits[i];
      if (commit && keep(i)) kept.push(commit);
    }
    result.set(plugin, kept);
  }
  return result;
}

// src/jobs/history/fleet-log.ts
function guessLog(cwd, head, tags, formats) {
  const start = guessLogStart(tags, formats);
  const index = new CommitIndex();
  const read = readLog(cwd, { to: head, exclude: start ? [start] : [] }, (commit) => index.add(commit));
  read.catch(() => void 0);
  return { start, index, read };
}
async function fleetLog(cwd, head, releaseCommits, router, reporter, guessed) {
  if (releaseCommits.length === 0) return CommitIndex.of([], router);
  if (guessed) {
    if (!guessed.index.routed) guessed.index.route(router);
    await guessed.read;
    if (logCovers(guessed.index, guessed.start, releaseCommits)) return guessed.index;
    reporter.debug("history: the guessed start misses commits of some plugin; reading the log again from the merge base of the last releases");
  }
  const distinct = releaseCommitsOrAll(releaseCommits);
  const exclude = distinct === void 0 ? [] : await mergeBases(cwd, distinct);
  const index = CommitIndex.of([], router);
  await readLog(cwd, { to: head, exclude }, (commit) => index.add(commit));
  return index;
}
async function unreleasedOfPlugins(cwd, head, plugins, histories, router, reporter, guessed) {
  const releaseCommit = /* @__PURE__ */ new Map();
  for (const plugin of plugins) {
    const last = histories.get(plugin.name)?.last;
    if (last) releaseCommit.set(plugin.name, last.commit);
  }
  const log = await fleetLog(cwd, head, plugins.map((plugin) => releaseCommit.get(plugin.name)), router, reporter, guessed);
  return { commits: log.commits, unreleased: unreleasedCommits({ log, releaseCommit, plugins: plugins.map((p) => p.name) }) };
}

// src/core/release/preflight.ts
var latestDate = (now) => new Date(now.getTime() + 14 * 36e5).toISOString().slice(0, 10);
function releaseDateProblem(date, now) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return `"${date}" is not a date in the form YYYY-MM-DD`;
  const parsed = /* @__PURE__ */ new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return `${date} is not a real day`;
  if (date > latestDate(now)) return `${date} is in the future (today is ${now.toISOString().slice(0, 10)})`;
  return void 0;
}
function checkReleaseDate(date, now, subject = "--date") {
  const problem = releaseDateProblem(date, now);
  if (problem) throw new SlipwayError("USAGE", `release date ${problem}`, { subject, hint: "pass the day of the release as YYYY-MM-DD, or leave --date out for today" });
}
function planProblems(plan, now) {
  const problems = [];
  const byTag = /* @__PURE__ */ new Map();
  for (const release of plan.releases) byTag.set(release.tag, [...byTag.get(release.tag) ?? [], release.name]);
  for (const [tag, names] of byTag) {
    if (names.length > 1) {
      problems.push({
        subject: tag,
        message: `${names.length} releases would create the same tag ${tag} (${names.join(", ")}): the tag format "${plan.tagFormat}" must tell plugins apart, e.g. "{name}@{version}" (versioning.tagFormat in slipway.yml)`
      });
    }
    const problem = refNameProblem(tag);
    if (problem) problems.push({ subject: tag, message: `the tag "${tag}" of ${names.join(", ")} is not a valid git tag name: ${problem}` });
  }
  const dateProblem = releaseDateProblem(plan.date, now);
  if (dateProblem) problems.push({ subject: "date", message: `the release date ${dateProblem}` });
  return problems;
}
function preflightError(problems) {
  const lines = problems.map((p) => p.message.startsWith(p.subject) ? p.message : `${p.subject}: ${p.message}`);
  return new SlipwayError("PLAN_INVALID", problems.length === 1 ? problems[0].message : `the plan cannot be released as it is:
- ${lines.join("\n- ")}`, {
    subject: problems[0]?.subject,
    hint: "fix what is named, then plan again; nothing was written"
  });
}

// src/adapters/registry/npm-registry.ts
var import_semver10 = __toESM(require_semver(), 1);
import { readFile as readFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/adapters/registry/packed-manifest.ts
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
var SECTIONS2 = new Set(DEPENDENCY_SECTIONS);
function hasWorkspaceRanges(text, file) {
  const pkg = parsePackageJson(text, file);
  return DEPENDENCY_SECTIONS.some((section) => {
    const deps = pkg[section];
    return typeof deps === "object" && deps !== null && Object.values(deps).some((range) => typeof range === "string" && isWorkspaceRange(range));
  });
}
function withPublishedRanges(text, versions, file) {
  const before = parsePackageJson(text, file);
  const located = jsonStringsAt(text, (path) => path.length === 2 && SECTIONS2.has(path[0])).filter((s) => isWorkspaceRange(s.value));
  const expected = structuredClone(before);
  const edits = located.map((s) => {
    const [section, name] = s.path;
    const version = versions.get(name);
    if (version === void 0) {
      throw new SlipwayError("MANIFEST_INVALID", `${file}: "${section}.${name}" is "${s.value}", but the workspace has no package named ${name}`, {
        subject: file,
        hint: `add ${name} to the workspace, or depend on a published range of it`
      });
    }
    const range = publishedRange(s.value, version, name);
    expected[section][name] = range;
    return { start: s.start, end: s.end, replacement: JSON.stringify(range) };
  });
  const after = applyEdits(text, edits);
  if (!isDeepStrictEqual(parsePackageJson(after, file), expected)) {
    throw new SlipwayError("MANIFEST_INVALID", `${file}: its workspace: ranges could not be replaced without changing other values`, { subject: file });
  }
  return after;
}
async function packedCopyWithPublishedRanges(dir, versions, name) {
  const temp = await mkdtemp(join(tmpdir(), "slipway-pack-"));
  const remove = () => rm(temp, { recursive: true, force: true });
  try {
    const packed = await execa("npm", ["pack", "--pack-destination", temp, "--loglevel=error"], { cwd: dir, all: true, reject: false, stdin: "ignore" });
    const tarball = (await readdir(temp)).find((f) => f.endsWith(".tgz"));
    if (packed.exitCode !== 0 || !tarball) {
      throw new SlipwayError("PUBLISH_FAILED", `packing ${name} failed: ${(packed.all ?? "").trim().split("\n").pop() ?? "npm pack exited with an error"}`, {
        subject: name,
        hint: `run \`npm pack --dry-run\` in ${dir} to see npm's full output`
      });
    }
    const unpacked = await execa("tar", ["-xzf", join(temp, tarball), "-C", temp], { all: true, reject: false });
    if (unpacked.exitCode !== 0) {
      throw new SlipwayError("PUBLISH_FAILED", `unpacking ${tarball} failed: ${(unpacked.all ?? unpacked.message).trim()}`, { subject: name, hint: "slipway needs `tar` on PATH to publish packages with workspace: ranges" });
    }
    const manifest = join(temp, "package", "package.json");
    await writeFile(manifest, withPublishedRanges(await readFile(manifest, "utf8"), versions, `${name} (packed package.json)`));
    await rm(join(temp, tarball));
    return { dir: join(temp, "package"), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

// src/adapters/registry/npm-registry.ts
var READ_TIMEOUT_MS = 3e4;
var PUBLISH_TIMEOUT_MS = 10 * 6e4;
async function publishedVersions(name, opts) {
  const registry = registryUrl(opts.registry);
  const url = new URL(encodePackageName(name), registry);
  let res;
  try {
    res = await fetch(url, {
      headers: {
        // The abbreviated packument npm itself asks for: versions and dist-tags, without readmes.
        accept: "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*",
        ...opts.token ? { authorization: `Bearer ${opts.token}` } : {}
      },
      signal: AbortSignal.timeout(READ_TIMEOUT_MS)
    });
  } catch (error) {
    throw new SlipwayError("API_FAILED", `could not read ${name} from ${registry}: ${causeText(error)}`, {
      subject: name,
      hint: `check the registry URL (${registry}) and the network`,
      cause: error
    });
  }
  if (res.status === 404) return [];
  if (!res.ok) {
    throw new SlipwayError("API_FAILED", `${registry} answered HTTP ${res.status} when reading ${name}`, {
      subject: name,
      hint: res.status === 401 || res.status === 403 ? AUTH_HINT(registry) : `check the registry URL (${registry})`
    });
  }
  const packument = await res.json();
  return Object.keys(packument.versions ?? {});
}
async function isPublished(name, version, opts) {
  return (await publishedVersions(name, opts)).includes(version);
}
function defaultDistTag(version) {
  const pre = import_semver10.default.prerelease(version);
  if (!pre) return void 0;
  const first = pre[0];
  return typeof first === "string" && /^[a-z][a-z0-9-]*$/i.test(first) ? first : "next";
}
async function publish(dir, opts) {
  const registry = registryUrl(opts.registry);
  const { name, version, text } = await readPackage(dir);
  const distTag = opts.distTag ?? defaultDistTag(version);
  const result = (status) => ({
    status,
    name,
    version,
    destination: registry,
    distTag: distTag ?? "latest"
  });
  if (await isPublished(name, version, opts)) return result("already-published");
  const args = ["publish", "--registry", registry];
  const scope = name.startsWith("@") ? name.slice(0, name.indexOf("/")) : void 0;
  if (scope) args.push(`--${scope}:registry=${registry}`);
  if (distTag) args.push("--tag", distTag);
  if (opts.access) args.push("--access", opts.access);
  if (opts.provenance) args.push("--provenance");
  if (opts.dryRun) args.push("--dry-run");
  let packed;
  if (hasWorkspaceRanges(text, join2(dir, "package.json"))) {
    packed = await packedCopyWithPublishedRanges(dir, opts.workspaceVersions ?? /* @__PURE__ */ new Map(), name);
    args.push("--ignore-scripts");
  }
  try {
    const run = await execa("npm", args, {
      cwd: packed?.dir ?? dir,
      all: true,
      reject: false,
      env: opts.token ? { [`npm_config_${nerfDart(registry)}:_authToken`]: opts.token } : {},
      // npm asks for a one-time password on a terminal; here it must fail (EOTP) instead of hanging.
      stdin: "ignore",
      timeout: opts.timeoutMs ?? PUBLISH_TIMEOUT_MS
    });
    if (run.exitCode === 0) return result(opts.dryRun ? "dry-run" : "published");
    const output = redact(run.all ?? run.message, opts.token);
    const failure = npmFailure(output);
    if (CONFLICT.test(output)) return result("already-published");
    if (failure.code === "E409" && await isPublished(name, version, opts)) return result("already-published");
    const why = run.timedOut ? `npm publish timed out after ${Math.round((opts.timeoutMs ?? PUBLISH_TIMEOUT_MS) / 1e3)} s` : run.exitCode === void 0 ? `could not run npm: ${redact(run.originalMessage ?? run.message ?? "spawn failed", opts.token)}` : failure.line;
    throw new SlipwayError("PUBLISH_FAILED", `publishing ${name}@${version} to ${registry} failed: ${why}`, {
      subject: `${name}@${version}`,
      hint: publishHint(failure, { name, registry, dir, hasToken: !!opts.token }),
      cause: new Error(lastLines(output, 30))
    });
  } finally {
    await packed?.remove();
  }
}
async function checkAccess(name, opts) {
  await publishedVersions(name, opts);
  if (!opts.token) return;
  const registry = registryUrl(opts.registry);
  let res;
  try {
    res = await fetch(new URL("-/whoami", registry), { headers: { authorization: `Bearer ${opts.token}` }, signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
  } catch (error) {
    throw new SlipwayError("API_FAILED", `could not reach ${registry}: ${causeText(error)}`, { subject: registry, hint: `check the registry URL (${registry}) and the network`, cause: error });
  }
  const body = res.ok ? await res.json().catch(() => ({})) : {};
  if (!res.ok || typeof body.username !== "string" || body.username === "") {
    throw new SlipwayError("PUBLISH_FAILED", `${registry} does not accept the token (GET /-/whoami answered HTTP ${res.status}${res.ok ? " without a user" : ""})`, {
      subject: registry,
      hint: AUTH_HINT(registry, name)
    });
  }
}
function npmRegistry(opts) {
  const destination = registryUrl(opts.registry);
  return {
    destination,
    publishedVersions: (name) => publishedVersions(name, opts),
    isPublished: (name, version) => isPublished(name, version, opts),
    checkAccess: (name) => checkAccess(name, opts),
    async publish(target, options = {}) {
      const manifest = await readPackage(target.dir);
      if (manifest.name !== target.name || manifest.version !== target.version) {
        throw new SlipwayError(
          "PUBLISH_FAILED",
          `${join2(target.dir, "package.json")} says ${manifest.name}@${manifest.version}, but the plan publishes ${target.name}@${target.version}`,
          { subject: `${target.name}@${target.version}`, hint: "bump the manifest before publishing (the release job does this when it applies the plan)" }
        );
      }
      return publish(target.dir, { ...opts, ...options, ...target.workspaceVersions ? { workspaceVersions: target.workspaceVersions } : {} });
    }
  };
}
var CONFLICT = /cannot publish over (?:the )?previously published version|EPUBLISHCONFLICT|this package is already present/i;
function npmFailure(output) {
  const errors = output.split("\n").map((line2) => /^npm (?:error|ERR!) ?(.*)$/.exec(line2.trim())?.[1]?.trim()).filter((line2) => !!line2);
  const code = errors.map((line2) => /^code (\S+)/.exec(line2)?.[1]).find(Boolean);
  const line = errors.find((l) => !/^(code|errno|syscall) /.test(l) && !/^A complete log of this run/.test(l)) ?? lastLines(output, 1) ?? "npm exited with an error";
  return { code, line, output };
}
var AUTH_HINT = (registry, name) => `check the token (NPM_TOKEN): it must be valid for ${registry}, not expired, and allowed to publish${name ? ` ${name}` : ""}`;
function publishHint(failure, at) {
  const { code, output } = failure;
  const scope = at.name.startsWith("@") ? at.name.split("/")[0] : void 0;
  if (code === "EOTP" || /one-time pass/i.test(output))
    return "the account requires a one-time password: use an automation or granular access token, or trusted publishing";
  if (code === "ENEEDAUTH" && !at.hasToken) return `no token was given: set NPM_TOKEN, or run \`npm login --registry ${at.registry}\``;
  if (code === "E401" || code === "E403" || code === "ENEEDAUTH") return AUTH_HINT(at.registry, at.name);
  if (code === "E402") return "the registry wants a paid plan for private packages: publish with access: public";
  if (code === "E404")
    return scope ? `the scope ${scope} may not exist at ${at.registry}, or the token may not publish to it: create the scope (npm org) or fix the package name` : `check the registry URL (${at.registry})`;
  if (code === "E413") return "the package is too large for the registry: check `files` in package.json and .npmignore";
  if (code === "EPRIVATE" || /marked as private/i.test(output)) return 'the package is private: remove "private" from package.json or leave it out of the release';
  if (/Cannot implicitly apply the "latest" tag/.test(output))
    return "a higher version is already published: publish this older line to its own dist-tag (`slipway release --dist-tag latest-1`, the release action's dist-tag input, or release.distTag in slipway.yml)";
  if (/\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN)\b|network/i.test(output) || code === "ETIMEDOUT")
    return `could not reach ${at.registry}: check the URL, the network and any proxy settings`;
  return `run \`npm publish --dry-run\` in ${at.dir} to see npm's full output`;
}
async function readPackage(dir) {
  const file = join2(dir, "package.json");
  let text;
  try {
    text = await readFile2(file, "utf8");
  } catch (error) {
    throw new SlipwayError("MANIFEST_MISSING", `no package.json to publish in ${dir}`, { subject: file, cause: error });
  }
  return { ...packageToPublish(text, file), text };
}
function packageToPublish(text, file) {
  let manifest;
  try {
    manifest = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new SlipwayError("MANIFEST_INVALID", `package.json is not valid JSON: ${error.message}`, { subject: file, cause: error });
  }
  if (typeof manifest !== "object" || manifest === null || typeof manifest.name !== "string" || typeof manifest.version !== "string" || !import_semver10.default.valid(manifest.version)) {
    throw new SlipwayError("MANIFEST_INVALID", 'package.json needs a "name" and a valid semver "version" to be published', {
      subject: file
    });
  }
  return { name: manifest.name, version: manifest.version };
}
function registryUrl(registry) {
  let url;
  try {
    url = new URL(registry);
  } catch {
    throw new SlipwayError("INPUT_INVALID", `"${registry}" is not a registry URL`, {
      subject: "registry",
      hint: "use a full URL such as https://registry.npmjs.org/"
    });
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.toString();
}
function nerfDart(registry) {
  const url = new URL(registry);
  return `//${url.host}${url.pathname}`;
}
function encodePackageName(name) {
  return name.startsWith("@") ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
}
function redact(text, token) {
  if (!token) return text;
  return text.split(token).join("***").split(encodeURIComponent(token)).join("***");
}
function causeText(error) {
  const cause = error.cause;
  return cause?.code ?? cause?.message ?? error.message;
}
function lastLines(text, count) {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines.length ? lines.slice(-count).join("\n") : void 0;
}

// src/adapters/release/worktree-files.ts
import { readFileSync } from "node:fs";
import { join as join4 } from "node:path";

// src/adapters/safe-path.ts
import { constants, lstatSync, realpathSync } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import { dirname, isAbsolute, join as join3, relative, sep } from "node:path";
var inside = (root, path) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
function resolved(path, memo) {
  if (memo?.has(path)) return memo.get(path);
  let real;
  try {
    real = realpathSync.native(path);
  } catch (error) {
    const code = error.code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
  }
  memo?.set(path, real);
  return real;
}
async function unsafeWriteReason(root, path, memo) {
  if (isAbsolute(path) || path.split(/[\\/]/).includes("..")) return "the path leaves the repository";
  const realRoot = resolved(root, memo) ?? realpathSync.native(root);
  const full = join3(root, path);
  let stats;
  try {
    stats = lstatSync(full);
  } catch (error) {
    const code = error.code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
  }
  if (stats?.isSymbolicLink()) return "it is a symbolic link; slipway rewrites only regular files (replace the link with the file)";
  if (stats && !stats.isFile()) return "it is not a regular file";
  let folder = dirname(full);
  for (; ; ) {
    const real = resolved(folder, memo);
    if (real !== void 0) {
      return inside(realRoot, real) ? void 0 : `its folder ${relative(root, folder) || "."} is a symbolic link to ${real}, outside the repository`;
    }
    const up = dirname(folder);
    if (up === folder) return void 0;
    folder = up;
  }
}
async function assertSafeWrite(root, path) {
  const reason = await unsafeWriteReason(root, path);
  if (reason) {
    throw new SlipwayError("INPUT_INVALID", `slipway will not write ${path}: ${reason}`, {
      subject: path,
      hint: "a release writes only regular files inside the repository; commit the real file instead of a link, then plan again"
    });
  }
}
async function writeInside(root, path, text) {
  await assertSafeWrite(root, path);
  const full = join3(root, path);
  await mkdir(dirname(full), { recursive: true });
  await assertSafeWrite(root, path);
  const handle = await open(full, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 420);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

// src/adapters/release/worktree-files.ts
async function readWorktreeFile(root, path) {
  try {
    return readFileSync(join4(root, path), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}
async function writeWorktreeFile(root, path, text) {
  await writeInside(root, path, text);
}

// src/jobs/release/planned-files.ts
import { posix } from "node:path";

// src/core/release/changelog-file.ts
var CHANGELOG_TITLE = "# Changelog";
function prependChangelogSection(existing, section, version) {
  if (existing === void 0 || existing.trim() === "") {
    return { text: `${CHANGELOG_TITLE}

${withNewline(section)}`, changed: true };
  }
  if (hasVersionSection(existing, version)) return { text: existing, changed: false };
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  const block = withNewline(section).replace(/\r?\n/g, eol);
  const lines = existing.split(eol);
  const firstSection = lines.findIndex((line) => line.startsWith("## "));
  if (firstSection === -1) {
    const body = existing.endsWith(eol) ? existing : existing + eol;
    return { text: `${body}${body.endsWith(eol + eol) ? "" : eol}${block}`, changed: true };
  }
  const after = lines.slice(firstSection).join(eol);
  let head = firstSection === 0 ? "" : lines.slice(0, firstSection).join(eol) + eol;
  if (head !== "" && !head.endsWith(eol + eol)) head += eol;
  return { text: `${head}${block}${eol}${after}`, changed: true };
}
function hasVersionSection(text, version) {
  const v = version.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^##\\s+\\[?v?${v}(?:\\]|\\s|$)`, "m").test(text);
}
var withNewline = (text) => text.endsWith("\n") ? text : text + "\n";

// src/jobs/release/planned-files.ts
var changelogPath = (release, changelogName) => posix.join(release.path || ".", changelogName);
function bumpedManifest(write, text) {
  const dependencies = write.dependencyUpdates.map((u) => ({ name: u.name, kind: u.kind, range: u.to }));
  return updaterFor(write.ecosystem).update(text, { ...write.to === void 0 ? {} : { version: write.to }, dependencies }, write.manifestFile);
}
function bumpedVersionFile(release, text, file, version = release.to) {
  return updaterFor(release.ecosystem).update(text, { parentVersion: version }, file);
}
function snapshotManifest(release, text, file) {
  return file === release.manifestFile ? updaterFor(release.ecosystem).update(text, { version: release.nextSnapshot }, file) : bumpedVersionFile(release, text, file, release.nextSnapshot);
}
function changelogWithSection(release, text) {
  return prependChangelogSection(text, release.changelog, release.to);
}
function plannedFiles(plan, changelogName) {
  const files = /* @__PURE__ */ new Map();
  const add = (path, writer) => files.set(path, [...files.get(path) ?? [], writer]);
  for (const release of plan.releases) {
    add(release.manifestFile, { kind: "manifest", release });
    for (const file of release.versionFiles ?? []) add(file, { kind: "version-file", release });
    add(changelogPath(release, changelogName), { kind: "changelog", release });
  }
  for (const update of plan.rangeUpdates) add(update.manifestFile, { kind: "manifest", release: update });
  return files;
}
function releasedContent(path, writers, base) {
  let text = base;
  for (const writer of writers) {
    if (writer.kind === "changelog") text = changelogWithSection(writer.release, text).text;
    else if (text === void 0) continue;
    else if (writer.kind === "version-file") text = bumpedVersionFile(writer.release, text, path);
    else text = bumpedManifest(writer.release, text);
  }
  return text;
}

// src/jobs/release/preflight.ts
var READ_AS_PUBLISHED = {
  npm: (text, file, write) => {
    const { name, version } = packageToPublish(text, file);
    if (!write) return void 0;
    if (name !== write.name) return `its name is "${name}", but the plan releases ${write.name}`;
    if (write.to !== void 0 && version !== write.to) return `its version would be ${version} after the release, not ${write.to}`;
    return void 0;
  },
  python: (text, file) => {
    parseToml(text.replace(/^\uFEFF/, ""), file);
    return void 0;
  },
  maven: (text, file) => {
    parseXml(text.replace(/^\uFEFF/, ""), file);
    return void 0;
  },
  gradle: () => void 0,
  generic: () => void 0
};
async function preflightProblems(input) {
  const { cwd, plan } = input;
  const problems = planProblems(plan, input.now);
  const files = plannedFiles(plan, input.changelogName);
  const realpaths = /* @__PURE__ */ new Map();
  await Promise.all(
    [...files].map(async ([path, writers]) => {
      const unsafe = await unsafeWriteReason(cwd, path, realpaths);
      if (unsafe) {
        problems.push({ subject: path, message: `slipway will not write ${path}: ${unsafe}` });
        return;
      }
      const manifests = writers.filter((w) => w.kind !== "changelog");
      const first = manifests[0];
      if (!first) return;
      try {
        const text = await readWorktreeFile(cwd, path);
        if (text === void 0) {
          problems.push({ subject: path, message: `${path}, the manifest of ${first.release.name}, does not exist` });
          return;
        }
        const written = releasedContent(path, manifests, text) ?? text;
        for (const writer of manifests) {
          const problem = READ_AS_PUBLISHED[writer.release.ecosystem](written, path, writer.kind === "manifest" ? writer.release : void 0);
          if (problem) problems.push({ subject: path, message: `${path}: ${problem}` });
        }
      } catch (error) {
        const subject = isSlipwayError(error) && error.subject ? error.subject : path;
        const message = isSlipwayError(error) ? error.message : formatError(error);
        problems.push({ subject, message: `${subject}: ${message}` });
      }
    })
  );
  return problems;
}
async function preflight(input) {
  const problems = await preflightProblems(input);
  if (problems.length) throw preflightError(problems.sort((a, b) => a.subject.localeCompare(b.subject)));
}

// src/jobs/plan.ts
function checkPrereleaseChannel(channel) {
  if (!/^[0-9A-Za-z-]+$/.test(channel)) {
    throw new SlipwayError("USAGE", `prerelease channel "${channel}" is not a semver identifier`, {
      subject: "--prerelease",
      hint: 'use letters, digits and "-" only, e.g. next, beta, rc'
    });
  }
}
function guessFormats(config) {
  const configured = config.versioning.tagFormat;
  const legacy = config.versioning.legacyTagFormats;
  return configured ? [tagFormat(configured, { legacy })] : [tagFormat(MONOREPO_TAG_FORMAT, { legacy }), tagFormat(SINGLE_TAG_FORMAT, { legacy })];
}
async function planRelease(options) {
  const { cwd, reporter } = options;
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  if (options.prerelease !== void 0) checkPrereleaseChannel(options.prerelease);
  const now = options.now ?? /* @__PURE__ */ new Date();
  if (options.date !== void 0) checkReleaseDate(options.date, now);
  const [config, head, listed2] = await Promise.all([options.config ?? loadConfig(cwd), headSha(cwd), listTags(cwd)]);
  const guessed = guessLog(cwd, head, listed2, guessFormats(config));
  reporter.debug(`history: git log started (${elapsed()})`);
  const fleetRead = discoverFleet(cwd, config);
  const tagsRead = fleetRead.then(() => withReachability(cwd, head, listed2));
  const [fleet, tags, repoUrl, branch] = await Promise.all([fleetRead, tagsRead, repositoryUrl(cwd, config.release.remote), currentBranch(cwd)]);
  const router = pathRouter(fleet.plugins);
  guessed.index.route(router);
  const intents = await readChangesets(cwd, fleet.plugins.map((p) => p.name));
  const format = tagFormatFor(config, fleet);
  reporter.debug(`fleet: ${fleet.plugins.length} ${fleet.ecosystem} plugin(s), ${tags.length} tag(s), tag format ${format.pattern} (${elapsed()})`);
  const { histories, diagnostics } = readReleaseHistory(fleet.plugins, tags, format);
  for (const diagnostic of diagnostics) reporter.warn(diagnostic.message, { title: diagnostic.plugin });
  await adoptReleasesTaggedElsewhere(cwd, head, fleet, histories, reporter);
  const untagged = fleet.plugins.filter((plugin) => !histories.get(plugin.name)?.last);
  const tagWarnings = unmatchedTagWarnings({ untagged, tags: tags.map((t) => t.name), format, single: fleet.single, anyTagged: untagged.length < fleet.plugins.length });
  for (const warning of tagWarnings) reporter.warn(warning);
  const { commits, unreleased } = await unreleasedOfPlugins(cwd, head, fleet.plugins, histories, router, reporter, guessed);
  reporter.debug(`history: ${commits.length} commit(s) since the last releases (${elapsed()})`);
  const branchWarning = branchPolicyWarning(branch, config);
  const coreRaised = config.versioning.coreRaise === "none" ? /* @__PURE__ */ new Set() : await coreRaisedSince(cwd, fleet, histories, config);
  const assembled = assemblePlan({
    coreRaised,
    plugins: fleet.plugins,
    histories,
    unreleased,
    baseSha: head,
    date: options.date ?? now.toISOString().slice(0, 10),
    tagFormat: format,
    versioning: config.versioning,
    prerelease: options.prerelease,
    repoUrl,
    warnings: [...diagnostics.map((d) => d.message), ...tagWarnings, ...branchWarning ? [branchWarning] : []],
    overrides: options.overrides,
    intents,
    authors: config.release.changelogAuthors
  });
  const plan = options.plugins?.length ? selectPlugins(assembled, options.plugins, fleet.plugins.map((p) => p.name), new Map(intents.changesets.map((c) => [c.file, c.releases.map((r) => r.name)]))) : assembled;
  await refuseTakenTags(cwd, plan, tags);
  reporter.debug(`plan: ${plan.releases.length} release(s) (${elapsed()})`);
  if (branchWarning) reporter.warn(branchWarning);
  await preflight({ cwd, plan, changelogName: config.release.changelog, now });
  reporter.debug(`preflight: passed (${elapsed()})`);
  reportIgnored(plan, reporter);
  return { plan, fleet, config };
}
async function adoptReleasesTaggedElsewhere(cwd, head, fleet, histories, reporter) {
  for (const { plugin, release } of releasedElsewhere(fleet.plugins, histories)) {
    const commit = await lastCommitWriting(cwd, head, plugin.version, plugin.manifestFile);
    const history = histories.get(plugin.name);
    if (!commit || !history) continue;
    histories.set(plugin.name, withLineRelease(history, release, commit));
    reporter.debug(`${plugin.name}: ${release.tag} is on another branch, but ${plugin.manifestFile} here says ${plugin.version}: released on this line at ${commit.slice(0, 7)}`);
  }
}
function branchPolicyWarning(branch, config) {
  const allowed = releaseBranches(config);
  if (branch === void 0 || branchAllowed(branch, allowed)) return void 0;
  return `the checked-out branch "${branch}" is not a release branch (release.branches: ${allowed.join(", ")}); this plan cannot be released from it`;
}
async function refuseTakenTags(cwd, plan, tags) {
  const byName = new Map(tags.map((tag) => [tag.name, tag]));
  for (const release of plan.releases) {
    const existing = byName.get(release.tag);
    if (!existing) continue;
    const branches = await branchesContaining(cwd, existing.commit);
    const where = branches.length ? `on ${branches.slice(0, 3).join(", ")}${branches.length > 3 ? ", \u2026" : ""}` : "on no branch";
    throw new SlipwayError("TAG_EXISTS", `${release.name} would be released as ${release.to}, but tag ${release.tag} already exists (${where}, commit ${existing.commit.slice(0, 7)})`, {
      subject: release.tag,
      hint: existing.reachable ? "the tag is on this line but its version is not above the last release: check the tag format (versioning.tagFormat) and the manifest version" : `that release was made on another line; release this line with a version no one has tagged (e.g. --set ${release.name}=<version>), or plan on the branch that holds the tag`
    });
  }
}
async function coreRaisedSince(cwd, fleet, histories, config) {
  const raised = /* @__PURE__ */ new Set();
  for (const plugin of fleet.plugins) {
    const last = histories.get(plugin.name)?.last;
    if (plugin.coreRange === void 0 || !last) continue;
    const text = await fileAt(cwd, last.commit, plugin.manifestFile);
    if (text === void 0) continue;
    let before;
    try {
      before = strategyFor(plugin.ecosystem).coreRangeIn(text, plugin.manifestFile, config);
    } catch {
      continue;
    }
    if (before !== void 0 && before !== plugin.coreRange) raised.add(plugin.name);
  }
  return raised;
}
function reportIgnored(plan, reporter, shown = 5) {
  const ignored = plan.ignoredCommits;
  for (const commit of ignored.slice(0, shown)) {
    reporter.warn(`commit ${commit.sha.slice(0, 7)} "${commit.header}" is ${commit.reason}; it is ignored`);
  }
  if (ignored.length > shown) {
    reporter.warn(`${ignored.length - shown} more commits are not Conventional Commits and are ignored (all are listed in the plan: --json or --markdown)`);
  }
}

export {
  markdownText,
  markdownCell,
  effectiveBump,
  readRemoteState,
  readLocalTags,
  hasCommit,
  isAncestor,
  fetchBranch,
  fastForward,
  rebaseOnto,
  changedPaths,
  fileAt,
  trackedPaths,
  commitPaths,
  createAnnotatedTag,
  commitMessage,
  pushAtomic,
  commitsBetween,
  detachedWorktree,
  readReleaseHistory,
  pathRouter,
  parseConventionalCommit,
  parseOverride,
  parseOverrides,
  PLAN_SCHEMA_VERSION,
  releaseBranches,
  branchAllowed,
  unreleasedOfPlugins,
  npmRegistry,
  readWorktreeFile,
  writeWorktreeFile,
  changelogPath,
  bumpedManifest,
  bumpedVersionFile,
  snapshotManifest,
  changelogWithSection,
  plannedFiles,
  releasedContent,
  preflight,
  planRelease
};
