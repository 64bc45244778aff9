import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  withHash
} from "./chunk-XSZT4K7E.js";
import {
  MONOREPO_TAG_FORMAT,
  SINGLE_TAG_FORMAT,
  isValidVersion,
  tagFormat,
  tagFormatFor
} from "./chunk-WMIOQNU6.js";
import {
  discoverFleet
} from "./chunk-4S7N4GC3.js";
import {
  require_semver
} from "./chunk-EO7ZISLG.js";
import {
  RELEASE_TYPES,
  branchesContaining,
  currentBranch,
  headSha,
  loadConfig,
  mergeBases,
  readLog,
  readTags,
  repositoryUrl
} from "./chunk-TSSOH7H4.js";
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

// src/core/history/last-release.ts
var import_semver2 = __toESM(require_semver(), 1);
function readReleaseHistory(plugins, tags, format) {
  const single = plugins.length === 1 && !format.pattern.includes("{name}") ? plugins[0] : void 0;
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

// src/core/history/unreleased-commits.ts
function unreleasedCommits(input) {
  const { commits, router, releaseCommit } = input;
  const index = /* @__PURE__ */ new Map();
  let linear = true;
  commits.forEach((commit, i) => {
    index.set(commit.sha, i);
    if (commit.parents.length > 1) linear = false;
  });
  const touching = /* @__PURE__ */ new Map();
  commits.forEach((commit, i) => {
    const seen = /* @__PURE__ */ new Set();
    for (const file of commit.files) {
      const plugin = router.pluginFor(file);
      if (plugin === void 0 || seen.has(plugin)) continue;
      seen.add(plugin);
      const list = touching.get(plugin);
      if (list) list.push(i);
      else touching.set(plugin, [i]);
    }
  });
  const ancestorsCache = /* @__PURE__ */ new Map();
  const ancestorsOf = (sha) => {
    let set = ancestorsCache.get(sha);
    if (set) return set;
    set = /* @__PURE__ */ new Set();
    const start = index.get(sha);
    const stack = start === void 0 ? [] : [start];
    while (stack.length) {
      const i = stack.pop();
      if (set.has(i)) continue;
      set.add(i);
      for (const parent of commits[i].parents) {
        const p = index.get(parent);
        if (p !== void 0 && !set.has(p)) stack.push(p);
      }
    }
    ancestorsCache.set(sha, set);
    return set;
  };
  const result = /* @__PURE__ */ new Map();
  for (const plugin of input.plugins) {
    const indices = touching.get(plugin) ?? [];
    const release = releaseCommit.get(plugin);
    const releaseIndex = release === void 0 ? void 0 : index.get(release);
    let keep;
    if (releaseIndex === void 0) {
      keep = () => true;
    } else if (linear) {
      keep = (i) => i < releaseIndex;
    } else {
      const ancestors = ancestorsOf(release);
      keep = (i) => !ancestors.has(i);
    }
    result.set(plugin, indices.filter(keep).map((i) => commits[i]));
  }
  return result;
}

// src/core/plan/assemble-plan.ts
var import_semver5 = __toESM(require_semver(), 1);

// src/core/versioning/bump.ts
var BUILT_IN = { feat: "minor", fix: "patch", perf: "patch", revert: "patch" };
var ORDER = { none: 0, patch: 1, minor: 2, major: 3 };
function maxBump(a, b) {
  return ORDER[a] >= ORDER[b] ? a : b;
}
function bumpForCommit(commit, releaseTypes = {}) {
  if (commit.breaking) return "major";
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

// src/core/versioning/changelog.ts
var SECTIONS = [
  ["feat", "Features"],
  ["fix", "Bug Fixes"],
  ["perf", "Performance Improvements"],
  ["revert", "Reverts"]
];
var OTHER_TITLE = "Other Changes";
function renderChangelogSection(input) {
  const lines = [`## ${input.version} (${input.date})`];
  const section = (title, items) => {
    if (items.length) lines.push("", `### ${title}`, "", ...items);
  };
  const ref = (sha) => {
    const short = sha.slice(0, 7);
    return input.repoUrl ? `([${short}](${input.repoUrl}/commit/${sha}))` : `(${short})`;
  };
  const scoped = (scope, text) => `* ${scope ? `**${scope}:** ` : ""}${text}`;
  section(
    "\u26A0 BREAKING CHANGES",
    input.commits.filter((commit) => commit.breaking).flatMap((commit) => (commit.breakingNotes?.length ? commit.breakingNotes : [commit.subject]).map((note) => scoped(commit.scope, note)))
  );
  const known = new Set(SECTIONS.map(([type]) => type));
  for (const [type, title] of SECTIONS) {
    section(title, input.commits.filter((c) => c.type === type).map((c) => `${scoped(c.scope, c.subject)} ${ref(c.sha)}`));
  }
  section(OTHER_TITLE, input.commits.filter((c) => !known.has(c.type)).map((c) => `${scoped(c.scope, c.subject)} ${ref(c.sha)}`));
  section(
    "Dependencies",
    input.dependencyUpdates.map((update) => `* **${update.name}:** ${update.from} \u2192 ${update.to}`)
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

// src/core/versioning/dependency-range.ts
var import_semver3 = __toESM(require_semver(), 1);
function updatedRange(range, version) {
  const trimmed = range.trim();
  if (trimmed.startsWith("workspace:") || trimmed === "*" || trimmed === "" || trimmed === "latest") return range;
  const simple = /^(\^|~|>=|=|v)?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(trimmed);
  if (simple) return `${simple[1] ?? ""}${version}`;
  return import_semver3.default.satisfies(version, trimmed, { includePrerelease: true }) ? range : `^${version}`;
}

// src/core/versioning/next-version.ts
var import_semver4 = __toESM(require_semver(), 1);
function effectiveBump(current, bump) {
  return bump === "major" && import_semver4.default.major(current) === 0 ? "minor" : bump;
}
function nextVersion({ current, bump, prerelease }) {
  const applied = effectiveBump(current, bump);
  const currentPre = import_semver4.default.prerelease(current);
  const base = `${import_semver4.default.major(current)}.${import_semver4.default.minor(current)}.${import_semver4.default.patch(current)}`;
  if (currentPre) {
    const lastStable = previousStableFloor(current);
    const target = import_semver4.default.inc(lastStable, effectiveBump(lastStable, bump));
    const keepBase = import_semver4.default.gte(base, target);
    if (!prerelease) return keepBase ? base : target;
    if (keepBase) return import_semver4.default.inc(current, "prerelease", prerelease);
    return `${target}-${prerelease}.0`;
  }
  if (!prerelease) return import_semver4.default.inc(current, applied);
  return `${import_semver4.default.inc(current, applied)}-${prerelease}.0`;
}
function previousStableFloor(prerelease) {
  const major = import_semver4.default.major(prerelease);
  const minor = import_semver4.default.minor(prerelease);
  const patch = import_semver4.default.patch(prerelease);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.0`;
  return major > 0 ? `${major - 1}.0.0` : "0.0.0";
}

// src/core/plan/release-plan.ts
var PLAN_SCHEMA_VERSION = 1;

// src/core/plan/assemble-plan.ts
function assemblePlan(input) {
  const prerelease = input.prerelease ?? input.versioning.prerelease;
  const warnings = [...input.warnings ?? []];
  const parsed = /* @__PURE__ */ new Map();
  const ignored = /* @__PURE__ */ new Map();
  const candidates = /* @__PURE__ */ new Map();
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
    const candidate = {
      plugin,
      current: history?.last?.version ?? plugin.version,
      firstRelease: !history?.last,
      commits: kept,
      bump: bumpForCommits(kept.map((c) => c.cc), input.versioning.releaseTypes),
      reason: "commits"
    };
    if (releaseAs) {
      const problem = overrideProblem(releaseAs.version, candidate.current, candidate.firstRelease, history);
      if (problem) warnings.push(`${plugin.name}: commit ${releaseAs.commit.slice(0, 7)} asks for Release-As ${releaseAs.version}, which is ignored: ${problem}`);
      else candidate.override = { source: "release-as", version: releaseAs.version, commit: releaseAs.commit };
    }
    candidates.set(plugin.name, candidate);
  }
  applyOverrides(candidates, input);
  const dependentsOf = reverseDependencies(input.plugins);
  const queue = [...candidates.values()].filter((c) => c.bump !== "none").map((c) => c.plugin.name);
  if (input.versioning.dependents === "patch") {
    for (let i = 0; i < queue.length; i++) {
      for (const dependent of dependentsOf.get(queue[i]) ?? []) {
        const candidate = candidates.get(dependent);
        if (candidate.bump !== "none") continue;
        candidate.bump = "patch";
        candidate.reason = "dependency";
        queue.push(dependent);
      }
    }
  }
  const releasing = [...candidates.values()].filter((c) => c.bump !== "none");
  const nextOf = new Map(
    releasing.map((c) => [
      c.plugin.name,
      c.override && c.override.source !== "bump" ? c.override.version : nextVersion({ current: c.current, bump: c.bump, prerelease })
    ])
  );
  const releases = releasing.map((candidate) => {
    const { plugin } = candidate;
    const to = nextOf.get(plugin.name);
    const dependencyUpdates = Object.entries(plugin.dependencies).filter(([name]) => nextOf.has(name)).map(([name, range]) => ({ name, from: range, to: updatedRange(range, nextOf.get(name)) })).filter((update) => update.from !== update.to).sort((a, b) => a.name.localeCompare(b.name));
    const commits = candidate.commits.map(({ raw, cc }) => commitOf(raw, cc));
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
      dependents: (dependentsOf.get(plugin.name) ?? []).filter((name) => nextOf.has(name)).sort(),
      changelog: renderChangelogSection({
        version: to,
        date: input.date,
        commits: candidate.commits.map(({ raw, cc }) => ({ ...commitOf(raw, cc), breakingNotes: cc.breakingNotes })),
        dependencyUpdates,
        repoUrl: input.repoUrl
      })
    };
  });
  releases.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return withHash({
    schemaVersion: PLAN_SCHEMA_VERSION,
    baseSha: input.baseSha,
    date: input.date,
    prerelease: prerelease ?? null,
    tagFormat: input.tagFormat.pattern,
    releases,
    ignoredCommits: [...ignored.values()],
    warnings
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
  if (import_semver5.default.major(to) !== import_semver5.default.major(from)) return "major";
  if (import_semver5.default.minor(to) !== import_semver5.default.minor(from)) return "minor";
  return "patch";
}
function commitOf(raw, cc) {
  return { sha: raw.sha, type: cc.type, scope: cc.scope, subject: cc.subject, breaking: cc.breaking };
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
function reverseDependencies(plugins) {
  const names = new Set(plugins.map((p) => p.name));
  const map = /* @__PURE__ */ new Map();
  for (const plugin of plugins) {
    for (const dependency of Object.keys(plugin.dependencies)) {
      if (!names.has(dependency) || dependency === plugin.name) continue;
      const list = map.get(dependency) ?? [];
      list.push(plugin.name);
      map.set(dependency, list);
    }
  }
  return map;
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

// src/core/history/log-range.ts
var import_semver6 = __toESM(require_semver(), 1);
function guessLogStart(tags, formats) {
  for (const format of formats) {
    const newest = /* @__PURE__ */ new Map();
    for (const tag of tags) {
      if (!tag.reachable) continue;
      const parsed = format.parse(tag.name);
      if (!parsed || !isValidVersion(parsed.version)) continue;
      const key = parsed.name ?? "";
      const current = newest.get(key);
      if (!current || import_semver6.default.gt(parsed.version, current.version)) newest.set(key, { version: parsed.version, tag });
    }
    let oldest;
    for (const { tag } of newest.values()) if (!oldest || tag.commitTime < oldest.commitTime) oldest = tag;
    if (oldest) return oldest.commit;
  }
  return void 0;
}
function logCovers(commits, used, releaseCommits) {
  if (used === void 0) return true;
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const reaches = /* @__PURE__ */ new Map();
  const reachesUsed = (start) => {
    const stack = [start];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (reaches.has(top)) {
        stack.pop();
        continue;
      }
      const commit = bySha.get(top);
      if (!commit) {
        reaches.set(top, top === used);
        stack.pop();
        continue;
      }
      const pending = commit.parents.filter((parent) => !reaches.has(parent));
      if (pending.length) {
        stack.push(...pending);
        continue;
      }
      reaches.set(top, commit.parents.some((parent) => reaches.get(parent) === true));
      stack.pop();
    }
    return reaches.get(start) === true;
  };
  for (const release of releaseCommits) {
    if (release === void 0) return false;
    if (release === used) continue;
    if (!bySha.has(release) || !reachesUsed(release)) return false;
  }
  return true;
}
function releaseCommitsOrAll(releaseCommits) {
  const distinct = /* @__PURE__ */ new Set();
  for (const commit of releaseCommits) {
    if (commit === void 0) return void 0;
    distinct.add(commit);
  }
  return [...distinct];
}

// src/jobs/history/fleet-log.ts
function guessLog(cwd, head, tags, formats) {
  const start = guessLogStart(tags, formats);
  const commits = readLog(cwd, { to: head, exclude: start ? [start] : [] });
  commits.catch(() => void 0);
  return { start, commits };
}
async function fleetLog(cwd, head, releaseCommits, reporter, guessed) {
  if (releaseCommits.length === 0) return [];
  if (guessed) {
    const commits = await guessed.commits;
    if (logCovers(commits, guessed.start, releaseCommits)) return commits;
    reporter.debug("history: the guessed start misses commits of some plugin; reading the log again from the merge base of the last releases");
  }
  const distinct = releaseCommitsOrAll(releaseCommits);
  const exclude = distinct === void 0 ? [] : await mergeBases(cwd, distinct);
  return readLog(cwd, { to: head, exclude });
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
  return configured ? [tagFormat(configured)] : [tagFormat(MONOREPO_TAG_FORMAT), tagFormat(SINGLE_TAG_FORMAT)];
}
async function planRelease(options) {
  const { cwd, reporter } = options;
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  const config = options.config ?? await loadConfig(cwd);
  if (options.prerelease !== void 0) checkPrereleaseChannel(options.prerelease);
  const head = await headSha(cwd);
  const tagsRead = readTags(cwd, head);
  const guessed = tagsRead.then((tags2) => guessLog(cwd, head, tags2, guessFormats(config)));
  guessed.catch(() => void 0);
  const [fleet, tags, repoUrl, branch] = await Promise.all([discoverFleet(cwd, config), tagsRead, repositoryUrl(cwd, config.release.remote), currentBranch(cwd)]);
  const format = tagFormatFor(config, fleet);
  reporter.debug(`fleet: ${fleet.plugins.length} ${fleet.ecosystem} plugin(s), ${tags.length} tag(s), tag format ${format.pattern} (${elapsed()})`);
  const { histories, diagnostics } = readReleaseHistory(fleet.plugins, tags, format);
  for (const diagnostic of diagnostics) reporter.warn(diagnostic.message, { title: diagnostic.plugin });
  const releaseCommits = fleet.plugins.map((plugin) => histories.get(plugin.name)?.last?.commit);
  const commits = await fleetLog(cwd, head, releaseCommits, reporter, await guessed);
  reporter.debug(`history: ${commits.length} commit(s) since the last releases (${elapsed()})`);
  const unreleased = unreleasedCommits({
    commits,
    router: pathRouter(fleet.plugins),
    releaseCommit: new Map(fleet.plugins.flatMap((plugin) => {
      const last = histories.get(plugin.name)?.last;
      return last ? [[plugin.name, last.commit]] : [];
    })),
    plugins: fleet.plugins.map((p) => p.name)
  });
  const branchWarning = branchPolicyWarning(branch, config);
  const plan = assemblePlan({
    plugins: fleet.plugins,
    histories,
    unreleased,
    baseSha: head,
    date: options.date ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10),
    tagFormat: format,
    versioning: config.versioning,
    prerelease: options.prerelease,
    repoUrl,
    warnings: [...diagnostics.map((d) => d.message), ...branchWarning ? [branchWarning] : []],
    overrides: options.overrides
  });
  await refuseTakenTags(cwd, plan, tags);
  reporter.debug(`plan: ${plan.releases.length} release(s) (${elapsed()})`);
  if (branchWarning) reporter.warn(branchWarning);
  reportIgnored(plan, reporter);
  return { plan, fleet, config };
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
  effectiveBump,
  readReleaseHistory,
  pathRouter,
  unreleasedCommits,
  parseConventionalCommit,
  parseOverrides,
  PLAN_SCHEMA_VERSION,
  releaseBranches,
  branchAllowed,
  fleetLog,
  planRelease
};
