import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  readPlanFile
} from "./chunk-YU5H4KXO.js";
import {
  chosenInstall,
  chosenUnitCommand,
  commandFailure,
  outcomeWords,
  parsePlan,
  runInstall,
  runPluginCommand,
  seconds
} from "./chunk-466ZC5TL.js";
import {
  readPluginVersion
} from "./chunk-IVNHL57I.js";
import {
  GitObjectReader
} from "./chunk-Z7O4MYUZ.js";
import {
  readReleaseHistory
} from "./chunk-ZZBNQ76W.js";
import {
  pathRouter,
  preflight
} from "./chunk-MREMTMOB.js";
import {
  planRelease
} from "./chunk-W3TYGHOD.js";
import {
  effectiveBump,
  parseConventionalCommit,
  unreleasedOfPlugins
} from "./chunk-TONHLC5A.js";
import "./chunk-YK4KFZUA.js";
import {
  MANIFEST_FILES,
  checkPluginManifest
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
  consoleReporter
} from "./chunk-SMPAV5OI.js";
import {
  parseFlags
} from "./chunk-4WOUKBCQ.js";
import "./chunk-KPGBGOOP.js";
import {
  tagFormatFor
} from "./chunk-LDUL6X6Y.js";
import {
  readLog,
  readTags
} from "./chunk-4CSZ42WN.js";
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError,
  isSlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/cli/commands/validate.ts
import { resolve } from "node:path";

// src/core/validate/finding.ts
var CHECKS = ["manifest", "version", "commits", "build", "test"];
function statusOf(outcome) {
  if (!outcome || outcome.skipped !== void 0) return "skip";
  if (outcome.findings.some((f) => f.severity === "error")) return "fail";
  return outcome.findings.length ? "warn" : "pass";
}
function allFindings(report) {
  const out = [...report.general];
  for (const p of report.plugins) for (const outcome of Object.values(p.checks)) for (const f of outcome?.findings ?? []) out.push({ ...f, plugin: p.plugin });
  return out;
}
function countFindings(report) {
  let errors = 0;
  let warnings = 0;
  for (const f of allFindings(report)) {
    if (f.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

// src/core/validate/render-report.ts
var MARK = { pass: "\u2713", warn: "\u26A0", fail: "\u2717", skip: "\u2013" };
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
var location = (f) => f.file ? `${f.file}${f.line ? `:${f.line}` : ""}` : f.commit ? f.commit.slice(0, 7) : "";
function describe(outcome) {
  const status = statusOf(outcome);
  if (!outcome || status === "skip") return outcome?.skipped ? `${MARK.skip} ${outcome.skipped}` : MARK.skip;
  if (status === "pass") return outcome.note ? `${MARK.pass} ${outcome.note}` : MARK.pass;
  const worst = outcome.findings.find((f) => f.severity === "error") ?? outcome.findings[0];
  const more = outcome.findings.length - 1;
  return `${MARK[status]} ${worst.message}${more > 0 ? ` (+${more} more)` : ""}`;
}
function headline(report) {
  const { errors, warnings } = countFindings(report);
  const count = report.plugins.length;
  const what = `${count} plugin${count === 1 ? "" : "s"}`;
  if (errors) return `\u2717 ${errors} error${errors === 1 ? "" : "s"}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""} in ${what}`;
  return `\u2713 ${what} valid${warnings ? ` (${warnings} warning${warnings === 1 ? "" : "s"})` : ""}`;
}
function renderValidationMarkdown(report) {
  const lines = [`### slipway validate (${report.context === "pull-request" ? "pull request" : "release"}): ${headline(report)}`, ""];
  if (report.plugins.length === 0) lines.push("No plugin to validate.", "");
  else {
    lines.push(`| plugin | ${CHECKS.join(" | ")} |`, `| --- |${" --- |".repeat(CHECKS.length)}`);
    for (const p of report.plugins) {
      const name = `${p.plugin} ${p.next ? `${p.version} \u2192 ${p.next}` : p.version}`;
      lines.push(`| ${cell(name)} | ${CHECKS.map((check) => cell(describe(p.checks[check]))).join(" | ")} |`);
    }
    lines.push("");
  }
  const findings = allFindings(report);
  if (findings.length) {
    lines.push(`<details${countFindings(report).errors ? " open" : ""}><summary>${findings.length} finding${findings.length === 1 ? "" : "s"}</summary>`, "");
    for (const f of findings) {
      const where = location(f);
      lines.push(`- ${f.severity === "error" ? "\u2717" : "\u26A0"} ${f.plugin ? `**${f.plugin}** ` : ""}${f.check}${where ? ` \`${where}\`` : ""}: ${cell(f.message)}`);
    }
    lines.push("", "</details>", "");
  }
  return lines.join("\n");
}
function renderValidationText(report) {
  const out = [`slipway validate: ${headline(report)}`];
  const width = Math.max(0, ...report.plugins.map((p) => p.plugin.length));
  for (const p of report.plugins) {
    const marks = CHECKS.map((check) => `${check} ${MARK[statusOf(p.checks[check])]}`).join("  ");
    out.push(`  ${p.plugin.padEnd(width)}  ${marks}`);
  }
  for (const f of report.general) out.push(`  ${f.severity}: ${f.message}`);
  return out.join("\n") + "\n";
}

// src/jobs/validate.ts
import { join as join2 } from "node:path";

// src/adapters/validate/catalog-in-use.ts
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
var RUNS_INDEX = /slipway[\w.-]*\/(?:\.github\/workflows\/index\.ya?ml|actions\/(?:index|metadata))\b/;
async function catalogInUse(cwd, config) {
  if (config.catalog.repository !== void 0) return true;
  const dir = join(cwd, ".github", "workflows");
  let files;
  try {
    files = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name));
  } catch {
    return false;
  }
  const texts = await Promise.all(files.map((name) => readFile(join(dir, name), "utf8").catch(() => "")));
  return texts.some((text) => RUNS_INDEX.test(text));
}

// src/core/validate/field-lines.ts
var import_yaml = __toESM(require_dist(), 1);
function fieldLocator(file, text) {
  if (/\.(xml|pom)$/.test(file)) return xmlLocator(text);
  if (/\.toml$/.test(file)) return tomlLocator(text);
  if (/\.properties$/.test(file)) return (path) => keyLine(text.split("\n"), 0, String(path[path.length - 1]), /[=:]/);
  return treeLocator(text);
}
function treeLocator(text) {
  const counter = new import_yaml.LineCounter();
  const root = (0, import_yaml.parseDocument)(text, { lineCounter: counter, uniqueKeys: false }).contents;
  const lineOf = (node) => node?.range ? counter.linePos(node.range[0]).line : void 0;
  return (path) => {
    let node = root;
    let line = lineOf(root);
    if (line === void 0) return void 0;
    for (const part of path) {
      let next;
      let at;
      if ((0, import_yaml.isMap)(node)) {
        const pair = node.items.find((item) => (0, import_yaml.isScalar)(item.key) && item.key.value === part);
        next = pair?.value;
        at = pair ? lineOf(pair.key) : void 0;
      } else if ((0, import_yaml.isSeq)(node) && typeof part === "number") {
        next = node.items[part];
        at = lineOf(next);
      }
      if (at === void 0) return { line, exact: false };
      line = at;
      node = next;
    }
    return { line, exact: true };
  };
}
function xmlLocator(text) {
  const lines = /* @__PURE__ */ new Map();
  const stack = [];
  const clean = text.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, " "));
  for (const match of clean.matchAll(/<(\/?)([\w.:-]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (closing) {
      stack.pop();
      continue;
    }
    stack.push(name);
    const key = stack.slice(1).join("/");
    if (!lines.has(key)) lines.set(key, lineAt(clean, match.index));
    if (selfClosing) stack.pop();
  }
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const line = lines.get(path.slice(0, n).join("/"));
      if (line !== void 0) return { line, exact: n === path.length };
    }
    return lines.size ? { line: 1, exact: false } : void 0;
  };
}
function tomlLocator(text) {
  const lines = text.split("\n");
  return (path) => {
    const table = path.slice(0, -1).join(".");
    const key = String(path[path.length - 1]);
    if (!table) return keyLine(lines, 0, key, /=/);
    const header = lines.findIndex((l) => new RegExp(`^\\s*\\[\\s*${escape(table)}\\s*\\]\\s*(#.*)?$`).test(l));
    if (header < 0) return void 0;
    const found = keyLine(lines, header + 1, key, /=/, /^\s*\[/);
    return found ?? { line: header + 1, exact: false };
  };
}
function keyLine(lines, from, key, separator, stop) {
  const pattern = new RegExp(`^\\s*["']?${escape(key)}["']?\\s*${separator.source}`);
  for (let i = from; i < lines.length; i++) {
    if (stop?.test(lines[i])) break;
    if (pattern.test(lines[i])) return { line: i + 1, exact: true };
  }
  return void 0;
}
var escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
var lineAt = (text, index) => text.slice(0, index).split("\n").length;
function parseFieldPath(field) {
  const out = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(match[2] !== void 0 ? Number(match[2]) : match[1]);
  return out;
}

// src/adapters/validate/manifest-inputs.ts
async function readManifestInputs(cwd, plugins, config, rev = "HEAD") {
  const objects = new GitObjectReader(cwd);
  const locators = /* @__PURE__ */ new Map();
  const locatorFor = (file) => {
    let locator = locators.get(file);
    if (!locator) {
      locator = objects.readText(rev, file).then((text) => text === void 0 ? () => void 0 : fieldLocator(file, text));
      locators.set(file, locator);
    }
    return locator;
  };
  try {
    const readings = await Promise.all(
      plugins.map(async (plugin) => {
        try {
          const files = await readPluginVersion(objects, { plugin, version: plugin.version, commit: rev, at: rev }, config);
          const fromBuild = plugin.artifacts?.length && plugin.artifacts.every((a) => a.title && a.description);
          if (!files.manifest && fromBuild) {
            const artifacts = plugin.artifacts;
            files.manifest = {
              file: files.facts.file,
              prefix: "",
              value: { title: artifacts[0].title, description: artifacts[0].description, elements: artifacts.map((a) => ({ kind: "other", name: a.artifactId })) }
            };
          }
          const needed = [files.facts.file, ...files.manifest ? [files.manifest.file] : []];
          const located = new Map(await Promise.all(needed.map(async (file) => [file, await locatorFor(file)])));
          return [
            plugin.name,
            {
              ok: true,
              input: {
                folder: plugin.path,
                facts: files.facts,
                manifest: files.manifest,
                lookedIn: files.lookedIn,
                locate: (file, path) => located.get(file)?.(path)
              }
            }
          ];
        } catch (error) {
          if (!isSlipwayError(error)) throw error;
          return [plugin.name, { ok: false, error }];
        }
      })
    );
    return new Map(readings);
  } finally {
    await objects.close();
  }
}

// src/core/validate/commit-lint.ts
var EXAMPLE = 'write "type(scope): subject", e.g. "fix(http): retry on 503"';
function isIgnoredMessage(message) {
  return /^(Merge (pull request|branch|remote-tracking branch|tag)\b|Merged? .+ (into|in) .+|Auto-merged |Automatic merge|fixup! |squash! |amend! )/.test(message);
}
function lintCommitMessage(message, rules) {
  const header = message.trim().split("\n", 1)[0] ?? "";
  const parsed = parseConventionalCommit(message);
  if (!parsed.conventional) return [`"${header}" is not a Conventional Commit: ${EXAMPLE}`];
  const problems = [];
  const { type } = parsed.commit;
  const written = /^(\w+)/.exec(header)?.[1] ?? type;
  if (written !== "Revert" && written !== written.toLowerCase()) problems.push(`type "${written}" must be lower-case ("${written.toLowerCase()}")`);
  if (!rules.types.includes(type)) problems.push(`type "${type}" is not one of ${rules.types.join(", ")}`);
  if (header.length > rules.headerMaxLength) problems.push(`header is ${header.length} characters long; keep it to ${rules.headerMaxLength}`);
  return problems;
}
function lintCommits(commits, rules, severity) {
  const findings = [];
  for (const commit of commits) {
    if (commit.parents.length > 1 || isIgnoredMessage(commit.message)) continue;
    const header = commit.message.trim().split("\n", 1)[0] ?? "";
    for (const problem of lintCommitMessage(commit.message, rules)) {
      const message = problem.startsWith('"') ? `commit ${commit.sha.slice(0, 7)}: ${problem}` : `commit ${commit.sha.slice(0, 7)} "${header}": ${problem}`;
      findings.push({ check: "commits", severity, message, commit: commit.sha });
    }
  }
  return findings;
}
function lintPullRequestTitle(title, rules, severity) {
  return lintCommitMessage(title, rules).map((problem) => ({
    check: "commits",
    severity,
    message: `pull request title: ${problem}${problem.startsWith('"') ? " (a squash merge uses the title as the commit message)" : ""}`
  }));
}

// src/core/validate/manifest-completeness.ts
var import_semver = __toESM(require_semver(), 1);
var PACKAGE_FIELDS = {
  npm: { description: ["description"], license: ["license"], homepage: ["homepage"], repository: ["repository"] },
  maven: { description: ["description"], license: ["licenses", "license", "name"], homepage: ["url"], repository: ["scm", "url"] },
  python: { description: ["project", "description"], license: ["project", "license"], homepage: ["project", "urls", "Homepage"], repository: ["project", "urls", "Repository"] },
  gradle: { description: ["description"], license: null, homepage: null, repository: null },
  generic: { description: null, license: null, homepage: null, repository: null }
};
var label = (ecosystem, path) => ecosystem === "maven" ? path.map((p) => `<${p}>`).join("") : ecosystem === "npm" ? `"${path.join(".")}"` : path.join(".");
function checkManifest(input, rules) {
  const { facts, manifest, locate } = input;
  const findings = [];
  const at = (file, path) => {
    const found = locate(file, path);
    return { file, ...found ? { line: found.line } : {} };
  };
  const error = (message, where) => ({ check: "manifest", severity: "error", message, ...where });
  const pluginManifestFile = (input.folder ? `${input.folder}/` : "") + MANIFEST_FILES[0];
  let overrides = {};
  const catalog = (rules.profile ?? "catalog") === "catalog";
  if (!manifest && catalog) {
    findings.push({
      check: "manifest",
      severity: rules.pluginManifest === "required" ? "error" : "warning",
      message: `no plugin manifest (looked for ${input.lookedIn.join(", ")}): add one with at least "title" and "elements" \u2014 the index job lists a plugin from it (docs/plugin-manifest.md)`,
      file: facts.file,
      line: 1
    });
  } else if (manifest) {
    const checked = checkPluginManifest(manifest.value, manifest.prefix);
    if (checked.ok) overrides = checked.manifest;
    else for (const problem of checked.problems) findings.push(error(`plugin manifest: ${problem.field} ${problem.message}`, at(manifest.file, parseFieldPath(problem.field))));
  }
  const value = (field) => overrides[field] ?? facts[field];
  const missing = (field, why) => {
    const path = PACKAGE_FIELDS[facts.ecosystem][field];
    const written = path ? locate(facts.file, path) : void 0;
    if (path && written?.exact) {
      return error(`${label(facts.ecosystem, path)} is empty or not ${field === "homepage" || field === "repository" ? "a link (https://\u2026, git+https://\u2026, owner/name)" : "text"}: ${why}`, {
        file: facts.file,
        line: written.line
      });
    }
    const where = path ? `${label(facts.ecosystem, path)} to ${facts.file}, or "${field}" to the plugin manifest` : `"${field}" to the plugin manifest (${manifest?.file ?? pluginManifestFile}; ${facts.file} has no such field)`;
    return error(`${field} is missing: add ${where} \u2014 ${why}`, { file: facts.file, line: 1 });
  };
  const publishCheck = (finding) => catalog ? finding : { ...finding, severity: "warning" };
  if (!rules.private) {
    if (!value("description")) findings.push(publishCheck(missing("description", "the catalog and the registry show it")));
    if (!value("license")) findings.push(publishCheck(missing("license", "nobody may use a plugin without one")));
  }
  if (catalog && !value("homepage") && !value("repository")) {
    const wrong = ["repository", "homepage"].find((f) => PACKAGE_FIELDS[facts.ecosystem][f] && locate(facts.file, PACKAGE_FIELDS[facts.ecosystem][f])?.exact);
    findings.push(missing(wrong ?? "repository", "the catalog links to the plugin's repository or homepage"));
  }
  const coreRange = overrides.coreRange ?? facts.coreRange;
  if (coreRange !== void 0 && import_semver.default.validRange(coreRange) === null) {
    findings.push(error(`the core range ${JSON.stringify(coreRange)} is not a semver range (e.g. "^1.4.0"): the catalog answers "compatible with core X" from it`, { file: facts.file }));
  }
  return findings;
}

// src/core/validate/version-sanity.ts
var import_semver2 = __toESM(require_semver(), 1);
function checkPlannedVersion(input) {
  const { release, history, versionAt } = input;
  const where = { file: versionAt.file, ...versionAt.line ? { line: versionAt.line } : {} };
  const error = (message) => ({ check: "version", severity: "error", message, ...where });
  const findings = [];
  if (import_semver2.default.valid(release.to) !== release.to) return [error(`next version "${release.to}" is not a semver version`)];
  const last = history?.last;
  if (last && !import_semver2.default.gt(release.to, last.version)) {
    findings.push(error(`next version ${release.to} is not greater than the last release ${last.version} (tag ${last.tag}); re-plan from the current tags`));
  }
  const taken = input.tags.get(release.tag);
  if (taken !== void 0) {
    findings.push(error(`tag ${release.tag} already exists (on commit ${taken.slice(0, 7)}); version ${release.to} was released already \u2014 re-plan, or delete the tag if it was made by mistake`));
  }
  const floor = lastStable(history);
  if (floor) {
    const breaking = release.commits.filter((c) => c.breaking);
    const features = release.commits.filter((c) => c.type === "feat");
    const needed = breaking.length ? effectiveBump(floor, "major") : features.length ? "minor" : void 0;
    if (needed && !reaches(floor, release.to, needed)) {
      const why = breaking.length ? `${breaking.length} breaking change${breaking.length === 1 ? "" : "s"} (${breaking.map((c) => c.sha.slice(0, 7)).join(", ")})` : `${features.length} feature${features.length === 1 ? "" : "s"}`;
      const rule = needed === "major" ? "a major release" : import_semver2.default.major(floor) === 0 && breaking.length ? "a minor release (breaking changes in 0.x move the minor)" : "a minor release";
      const count = breaking.length || features.length;
      findings.push(error(`${why} need${count === 1 ? "s" : ""} ${rule} after ${floor}, but the next version is ${release.to}`));
    }
  }
  if (last && input.manifestVersion !== last.version && release.nextSnapshot === void 0) {
    findings.push({
      check: "version",
      severity: "warning",
      message: `the manifest says ${input.manifestVersion} but the last release is ${last.version} (tag ${last.tag}); the release writes ${release.to} \u2014 versions come from tags, so leave the manifest version to slipway`,
      ...where
    });
  }
  return findings;
}
function lastStable(history) {
  return history?.versions.find((v) => import_semver2.default.prerelease(v) === null);
}
function reaches(from, to, bump) {
  const target = import_semver2.default.inc(from, bump);
  const base = `${import_semver2.default.major(to)}.${import_semver2.default.minor(to)}.${import_semver2.default.patch(to)}`;
  return import_semver2.default.gte(base, target);
}

// src/jobs/validate.ts
async function validateFleet(options) {
  const { cwd, reporter, context } = options;
  if (context === "pull-request" && !options.range) {
    throw new SlipwayError("USAGE", "validate on a pull request needs the range of its commits", {
      subject: "base..head",
      hint: "pass the pull request's base and head commits (--base/--head, or the action reads them from the pull_request event)"
    });
  }
  const config = options.config ?? await loadConfig(cwd);
  const quiet = quietReporter(reporter);
  const [planned, tags] = await Promise.all([
    // A given plan gets the release's preflight here; planRelease runs it on the plan it makes.
    options.plan ? preflight({ cwd, plan: options.plan, changelogName: config.release.changelog, now: /* @__PURE__ */ new Date() }).then(() => discoverFleet(cwd, config)).then((fleet2) => ({ plan: options.plan, fleet: fleet2 })) : planRelease({ cwd, reporter: quiet, config, prerelease: options.prerelease }),
    readTags(cwd, options.range?.head ?? "HEAD")
  ]);
  const { plan, fleet } = planned;
  const { histories } = readReleaseHistory(fleet.plugins, tags, tagFormatFor(config, fleet));
  const rules = { types: [.../* @__PURE__ */ new Set([...config.validate.types, ...Object.keys(config.versioning.releaseTypes)])], headerMaxLength: config.validate.headerMaxLength };
  const commitLevel = context === "pull-request" ? config.validate.commits.pullRequest : config.validate.commits.release;
  const router = pathRouter(fleet.plugins);
  const general = [];
  let commitsOf;
  let selected;
  if (context === "pull-request") {
    const commits = await readLog(cwd, { to: options.range.head, exclude: [options.range.base] });
    reporter.debug(`pull request: ${commits.length} commit(s) in ${options.range.base.slice(0, 7)}..${options.range.head.slice(0, 7)}`);
    commitsOf = commitsByPlugin(commits, router);
    const outside = commits.filter((c) => !c.files.some((file) => router.pluginFor(file) !== void 0));
    if (commitLevel !== "off") general.push(...lintCommits(outside, rules, commitLevel));
    if (options.prTitle !== void 0 && config.validate.prTitle !== "off") general.push(...lintPullRequestTitle(options.prTitle, rules, config.validate.prTitle));
    selected = fleet.plugins.filter((p) => commitsOf.has(p.name));
  } else {
    const names = new Set(plan.releases.map((r) => r.name));
    selected = fleet.plugins.filter((p) => names.has(p.name));
    commitsOf = selected.length ? (await unreleasedOfPlugins(cwd, "HEAD", selected, histories, router, reporter)).unreleased : /* @__PURE__ */ new Map();
  }
  if (options.only?.length) {
    const wanted = new Set(options.only);
    selected = selected.filter((p) => wanted.has(p.name));
  }
  const releaseOf = new Map(plan.releases.map((r) => [r.name, r]));
  const tagCommits = new Map(tags.map((t) => [t.name, t.commit]));
  const manifests = await readManifestInputs(cwd, selected, config, options.range?.head ?? "HEAD");
  const profile = config.validate.profile === "auto" ? await catalogInUse(cwd, config) ? "catalog" : "package" : config.validate.profile;
  const plugins = selected.map((plugin) => {
    const release = releaseOf.get(plugin.name);
    const checks = {};
    const reading = manifests.get(plugin.name);
    checks.manifest = reading.ok ? { findings: checkManifest(reading.input, { pluginManifest: config.validate.pluginManifest, profile, private: plugin.private }) } : { findings: [unreadableManifest(reading.error, plugin)] };
    if (release) {
      const located = reading.ok ? reading.input.locate(plugin.manifestFile, versionPath(plugin)) : void 0;
      checks.version = {
        findings: checkPlannedVersion({
          release,
          history: histories.get(plugin.name),
          tags: tagCommits,
          manifestVersion: plugin.version,
          versionAt: { file: plugin.manifestFile, line: located?.exact ? located.line : void 0 }
        }),
        note: `${release.from} \u2192 ${release.to} (${release.bump})`
      };
    } else {
      checks.version = { findings: [], skipped: "no release planned" };
    }
    const commits = commitsOf.get(plugin.name) ?? [];
    checks.commits = commitLevel === "off" ? { findings: [], skipped: "commit lint is off" } : { findings: lintCommits(commits, rules, commitLevel), note: `${commits.length} commit${commits.length === 1 ? "" : "s"}` };
    return { plugin: plugin.name, version: plugin.version, ...release ? { next: release.to } : {}, checks };
  });
  if (options.runCommands !== false) await runCommands(cwd, config, fleet.ecosystem, selected, plugins, general, reporter);
  const report = { context, plugins, general };
  printFindings(report, reporter);
  return { report, plan };
}
async function runCommands(cwd, config, ecosystem, selected, results, general, reporter) {
  const defaults = await strategyFor(ecosystem).commandDefaults(cwd);
  if (defaults.tool) reporter.info(`package manager: ${defaults.tool}`);
  const timeoutMs = config.validate.timeoutMinutes * 6e4;
  const byName = new Map(results.map((r) => [r.plugin, r]));
  const commandsOf = new Map(
    await Promise.all(
      selected.map(async (plugin) => [plugin.name, { build: await chosenUnitCommand(config.commands.build, "build", () => defaults.build(plugin)), test: await chosenUnitCommand(config.commands.test, "test", () => defaults.test(plugin)) }])
    )
  );
  const anyCommand = [...commandsOf.values()].some((c) => "command" in c.build || "command" in c.test);
  const installFailed = anyCommand ? await install(cwd, config, defaults.install, general, reporter) : void 0;
  const run2 = async (plugin, kind, command) => {
    const result = await runPluginCommand({ command, dir: join2(cwd, plugin.path), name: plugin.name, version: byName.get(plugin.name).next ?? plugin.version, timeoutMs });
    await reporter.group(`${kind} ${plugin.name}: ${result.command} (${outcomeWords(result)})`, async () => {
      if (result.output) reporter.info(result.output);
    });
    return result.ok ? { findings: [], note: seconds(result.durationMs) } : { findings: [{ check: kind, severity: "error", message: commandFailure(kind, result, config.validate.timeoutMinutes), file: plugin.manifestFile }] };
  };
  let done = 0;
  await pMap(
    selected,
    async (plugin) => {
      const checks = byName.get(plugin.name).checks;
      const { build, test } = commandsOf.get(plugin.name);
      if (installFailed) checks.build = { findings: [], skipped: installFailed };
      else checks.build = "command" in build ? await run2(plugin, "build", build.command) : { findings: [], skipped: build.skipped };
      if (installFailed) checks.test = { findings: [], skipped: installFailed };
      else if (!("command" in test)) checks.test = { findings: [], skipped: test.skipped };
      else if (checks.build.findings.length) checks.test = { findings: [], skipped: "the build failed" };
      else checks.test = await run2(plugin, "test", test.command);
      reporter.progress("build and test", ++done, selected.length);
    },
    { concurrency: config.validate.concurrency }
  );
}
async function install(cwd, config, fallback, general, reporter) {
  const choice = await chosenInstall(config.commands.install, fallback);
  if ("skipped" in choice) {
    if (choice.dependenciesInPlace) reporter.info(`install: ${choice.skipped}`);
    return void 0;
  }
  const result = await runInstall(cwd, choice, config.validate.timeoutMinutes, reporter);
  if (result.ok) return void 0;
  general.push({ check: "build", severity: "error", message: result.message });
  return `the install \`${result.command}\` failed`;
}
function printFindings(report, reporter) {
  const seen = /* @__PURE__ */ new Set();
  for (const f of allFindings(report)) {
    const key = `${f.commit ?? f.plugin}\0${f.message}`;
    if (f.commit && seen.has(key)) continue;
    seen.add(key);
    const where = { ...f.file ? { file: f.file } : {}, ...f.line ? { line: f.line } : {}, title: `${f.plugin ?? "slipway"} ${f.check}` };
    const print = f.severity === "error" ? reporter.error : reporter.warn;
    print(f.plugin && !f.commit ? `${f.plugin}: ${f.message}` : f.message, where);
  }
}
function commitsByPlugin(commits, router) {
  const map = /* @__PURE__ */ new Map();
  for (const commit of commits) {
    const touched = /* @__PURE__ */ new Set();
    for (const file of commit.files) {
      const plugin = router.pluginFor(file);
      if (plugin !== void 0) touched.add(plugin);
    }
    for (const plugin of touched) map.set(plugin, [...map.get(plugin) ?? [], commit]);
  }
  return map;
}
function versionPath(plugin) {
  if (plugin.ecosystem === "python") return ["project", "version"];
  return ["version"];
}
function unreadableManifest(error, plugin) {
  const named = /^\s+- ([^\s:]+)(?::(\d+))?: /m.exec(error.message);
  const message = `${error.message.replace(/^catalog metadata is invalid:\n\s+- /, "")}${error.hint ? ` (${error.hint})` : ""}`;
  return { check: "manifest", severity: "error", message, file: named?.[1] ?? plugin.manifestFile, ...named?.[2] ? { line: Number(named[2]) } : {} };
}
function quietReporter(reporter) {
  return { ...reporter, warn: (message) => reporter.debug(message), info: (message) => reporter.debug(message) };
}
function failed(report) {
  return allFindings(report).some((f) => f.severity === "error");
}

// src/cli/commands/validate.ts
var usage = `usage: slipway validate [options]

Checks each plugin that would be released (or, with --base/--head, each plugin a pull
request touches): its manifest is complete for the registry and the catalog, its next
version is greater than its last release and its tag is free, breaking changes make a major
(a minor while 0.x), commit messages are Conventional Commits, and its build and test
commands (commands.build / commands.test in slipway.yml) pass. Reads what is committed.
Exits 1 when anything is an error. Writes nothing.

options:
  --cwd DIR            the repository (default: the current folder)
  --plan FILE          check this plan (from \`slipway plan --out\`) instead of planning now
  --base REV           pull request mode: lint the commits in REV..HEAD (or ..--head) and
  --head REV           check the plugins they touch
  --title TEXT         the pull request title to lint too (a squash merge uses it)
  --plugin NAME        only this plugin (repeatable)
  --skip-commands      do not run the build and test commands
  --prerelease ID      plan prereleases on channel ID
  --json               print the report as JSON
  --markdown           print the report as Markdown (as in the job summary)`;
async function run(args, context) {
  const { values } = parseFlags(
    args,
    {
      cwd: { type: "string" },
      plan: { type: "string" },
      base: { type: "string" },
      head: { type: "string" },
      title: { type: "string" },
      plugin: { type: "string", multiple: true },
      "skip-commands": { type: "boolean" },
      prerelease: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" }
    },
    "validate"
  );
  if (values.head && !values.base) throw new SlipwayError("USAGE", "--head needs --base", { hint: "pass --base with the pull request's base commit or branch" });
  if (values.plan && values.prerelease) throw new SlipwayError("USAGE", "--prerelease plans; --plan reads a plan made already", { hint: "pass one of them" });
  const cwd = resolve(values.cwd ?? ".");
  const reporter = consoleReporter({ debug: context.debug });
  const plan = values.plan ? parsePlan(await readPlanFile(values.plan), values.plan) : void 0;
  const { report } = await validateFleet({
    cwd,
    reporter,
    context: values.base ? "pull-request" : "release",
    range: values.base ? { base: values.base, head: values.head ?? "HEAD" } : void 0,
    prTitle: values.title,
    plan,
    only: values.plugin,
    runCommands: !values["skip-commands"],
    prerelease: values.prerelease
  });
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + "\n" : values.markdown ? renderValidationMarkdown(report) : renderValidationText(report));
  return failed(report) ? 1 : 0;
}
export {
  run,
  usage
};
