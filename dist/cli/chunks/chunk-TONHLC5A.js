import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  mergeBases,
  readLog
} from "./chunk-4CSZ42WN.js";
import {
  refNameProblem,
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

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
var import_semver = __toESM(require_semver(), 1);
function guessLogStart(tags, formats) {
  for (const format of formats) {
    const newest = /* @__PURE__ */ new Map();
    for (const tag of tags) {
      if (tag.reachable === false) continue;
      const parsed = format.parse(tag.name);
      const version = parsed ? import_semver.default.parse(parsed.version) : null;
      if (!parsed || version?.version !== parsed.version) continue;
      const key = parsed.name ?? "";
      const current = newest.get(key);
      if (!current || version.compare(current.version) > 0) newest.set(key, { version, tag });
    }
    let oldest;
    for (const { tag } of newest.values()) if (!oldest || tag.madeAt < oldest.madeAt) oldest = tag;
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
var ParsedMessages = class {
  bySha = /* @__PURE__ */ new Map();
  of(commit) {
    let parsed = this.bySha.get(commit.sha);
    if (!parsed) this.bySha.set(commit.sha, parsed = parseConventionalCommit(commit.message));
    return parsed;
  }
};

// src/jobs/history/fleet-log.ts
function guessLog(cwd, head, tags, formats) {
  const start = guessLogStart(tags, formats);
  const index = new CommitIndex();
  const messages = new ParsedMessages();
  const stopped = new AbortController();
  const onCommit = (commit) => {
    index.add(commit);
    if (commit.parents.length <= 1) messages.of(commit);
  };
  const read = readLog(cwd, { to: head, exclude: start ? [start] : [] }, onCommit, stopped.signal);
  read.catch(() => void 0);
  return { start, index, messages, read, stop: () => stopped.abort() };
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

// src/core/versioning/next-version.ts
var import_semver2 = __toESM(require_semver(), 1);
function effectiveBump(current, bump) {
  return bump === "major" && import_semver2.default.major(current) === 0 ? "minor" : bump;
}
function nextVersion({ current, bump, prerelease }) {
  const applied = effectiveBump(current, bump);
  const currentPre = import_semver2.default.prerelease(current);
  const base = `${import_semver2.default.major(current)}.${import_semver2.default.minor(current)}.${import_semver2.default.patch(current)}`;
  if (currentPre) {
    const lastStable = previousStableFloor(current);
    const target = import_semver2.default.inc(lastStable, effectiveBump(lastStable, bump));
    const keepBase = import_semver2.default.gte(base, target);
    if (!prerelease) return keepBase ? base : target;
    if (keepBase) return import_semver2.default.inc(current, "prerelease", prerelease);
    return `${target}-${prerelease}.0`;
  }
  if (!prerelease) return import_semver2.default.inc(current, applied);
  return `${import_semver2.default.inc(current, applied)}-${prerelease}.0`;
}
function previousStableFloor(prerelease) {
  const major = import_semver2.default.major(prerelease);
  const minor = import_semver2.default.minor(prerelease);
  const patch = import_semver2.default.patch(prerelease);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.0`;
  return major > 0 ? `${major - 1}.0.0` : "0.0.0";
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

export {
  effectiveBump,
  nextVersion,
  parseConventionalCommit,
  ParsedMessages,
  guessLog,
  unreleasedOfPlugins,
  checkReleaseDate,
  planProblems,
  preflightError
};
