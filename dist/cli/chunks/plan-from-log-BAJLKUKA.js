import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  overrideProblem,
  releaseAsFooter
} from "./chunk-JVLV3LT7.js";
import {
  branchAllowed,
  fileAt,
  releaseBranches
} from "./chunk-TUTXVC6K.js";
import {
  readReleaseHistory,
  releasedElsewhere,
  withLineRelease
} from "./chunk-ZZBNQ76W.js";
import {
  PLAN_SCHEMA_VERSION,
  isWorkspaceRange,
  pathRouter,
  preflight
} from "./chunk-MREMTMOB.js";
import {
  withHash
} from "./chunk-7Y4KZRG2.js";
import {
  markdownLiteral
} from "./chunk-CNJATQYI.js";
import {
  ParsedMessages,
  nextVersion,
  unreleasedOfPlugins
} from "./chunk-TONHLC5A.js";
import {
  stripControls
} from "./chunk-IIVPVJHC.js";
import "./chunk-YK4KFZUA.js";
import {
  looksLikeRelease,
  tagsReadByKnownFormats
} from "./chunk-ACFCCGA2.js";
import {
  readChangesets
} from "./chunk-GW5QGPFC.js";
import {
  discoverFleet,
  strategyFor
} from "./chunk-U3UJK7Z7.js";
import "./chunk-IBDRWFRH.js";
import {
  tagFormatFor
} from "./chunk-LDUL6X6Y.js";
import {
  branchesContaining,
  currentBranch,
  lastCommitWriting,
  repositoryUrl,
  withReachability
} from "./chunk-4CSZ42WN.js";
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

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
var import_semver4 = __toESM(require_semver(), 1);

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
  const ref = (sha) => {
    const short = sha.slice(0, 7);
    return input.repoUrl ? `([${short}](${input.repoUrl}/commit/${sha}))` : `(${short})`;
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

// src/core/plan/commit-author.ts
var MAX_LENGTH = 80;
var BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
function commitAuthor(raw) {
  const name = stripControls(raw).replace(BIDI_CONTROLS, "").replace(/\s+/g, " ").trim();
  if (!name) return void 0;
  if (name.length <= MAX_LENGTH) return name;
  const chars = [...name];
  return chars.length > MAX_LENGTH ? `${chars.slice(0, MAX_LENGTH - 1).join("").trimEnd()}\u2026` : name;
}

// src/core/versioning/dependency-range.ts
var import_semver = __toESM(require_semver(), 1);
function updatedRange(range, version) {
  const trimmed = range.trim();
  if (trimmed.startsWith("workspace:") || trimmed === "*" || trimmed === "" || trimmed === "latest") return range;
  const simple = /^(\^|~|>=|=|v)?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(trimmed);
  if (simple) return `${simple[1] ?? ""}${version}`;
  return import_semver.default.satisfies(version, trimmed, { includePrerelease: true }) ? range : `^${version}`;
}
function acceptsVersion(range, version) {
  const trimmed = range.trim();
  if (trimmed.startsWith("workspace:") || trimmed === "*" || trimmed === "" || trimmed === "latest") return true;
  if (import_semver.default.validRange(trimmed) === null) return void 0;
  return import_semver.default.satisfies(version, trimmed, { includePrerelease: true });
}
function peerCrossesMajor(range, version) {
  if (acceptsVersion(range, version) !== false) return false;
  const floor = import_semver.default.minVersion(range.trim());
  if (!floor) return false;
  const next = import_semver.default.parse(version);
  if (!next) return false;
  return next.major !== floor.major || next.major === 0 && next.minor !== floor.minor;
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
var import_semver2 = __toESM(require_semver(), 1);
var SNAPSHOT_SUFFIX = "-SNAPSHOT";
function nextSnapshot(version) {
  const base = `${import_semver2.default.major(version)}.${import_semver2.default.minor(version)}.${import_semver2.default.patch(version)}`;
  return `${import_semver2.default.inc(base, "patch")}${SNAPSHOT_SUFFIX}`;
}
function withFloor(next, floor, last) {
  if (floor === void 0) return next;
  if (last !== void 0 && import_semver2.default.lte(floor, last)) return next;
  return import_semver2.default.gt(floor, next) ? floor : next;
}

// src/core/plan/release-intents.ts
var import_semver3 = __toESM(require_semver(), 1);
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
    const highest = inGroup.reduce((v, m) => import_semver3.default.gt(m.current, v) ? m.current : v, inGroup[0].current);
    for (const member of all ? inGroup : releasing) {
      member.bump = bump;
      base.set(member.name, highest);
    }
  };
  for (const group of groups.fixed) apply(group, true);
  for (const group of groups.linked) apply(group, false);
  return base;
}

// src/core/plan/assemble-plan.ts
function assemblePlan(input) {
  const prerelease = input.prerelease ?? input.versioning.prerelease;
  const authors = input.authors ?? true;
  const warnings = [...input.warnings ?? []];
  const messages = input.messages ?? new ParsedMessages();
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
      const result = messages.of(raw);
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
  if (import_semver4.default.major(to) !== import_semver4.default.major(from)) return "major";
  if (import_semver4.default.minor(to) !== import_semver4.default.minor(from)) return "minor";
  return "patch";
}
function cappedOnOlderLine(current, bump, prerelease, tagged) {
  if (bump === "patch") return bump;
  const next = nextVersion({ current, bump, prerelease });
  return tagged.some((version) => import_semver4.default.gt(version, current) && import_semver4.default.lte(version, next)) ? "patch" : bump;
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

// src/jobs/plan/plan-from-log.ts
async function planFromLog({ cwd, options, config, head, listed: listed2, guessed, now, elapsed }) {
  const { reporter } = options;
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
    authors: config.release.changelogAuthors,
    messages: guessed.messages
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
  planFromLog
};
