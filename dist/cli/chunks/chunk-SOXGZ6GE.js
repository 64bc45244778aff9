import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  isValidVersion
} from "./chunk-LDUL6X6Y.js";
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/history/last-release.ts
var import_semver = __toESM(require_semver(), 1);
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
    const all = (releases.get(plugin.name) ?? []).sort((a, b) => import_semver.default.rcompare(a.version, b.version));
    const line = all.filter((release) => reachable.has(release.tag));
    histories.set(plugin.name, { last: line[0], versions: line.map((release) => release.version), elsewhere: all.filter((release) => !reachable.has(release.tag)) });
  }
  return { histories, diagnostics };
}
function releasedElsewhere(plugins, histories) {
  const found = [];
  for (const plugin of plugins) {
    const history = histories.get(plugin.name);
    if (!history || import_semver.default.prerelease(plugin.version)) continue;
    if (history.last && import_semver.default.lte(plugin.version, history.last.version)) continue;
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

export {
  readReleaseHistory,
  releasedElsewhere,
  withLineRelease,
  parseConventionalCommit
};
