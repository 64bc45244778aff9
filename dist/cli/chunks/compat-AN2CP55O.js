import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  cell,
  fenced,
  htmlEscape,
  lastLines,
  listSome,
  repositoryFilter,
  slackEscape
} from "./chunk-MCKMGWEC.js";
import {
  catalogLocation,
  updateCatalogBranch
} from "./chunk-EBAVTW3J.js";
import {
  stableJson
} from "./chunk-Z7O4MYUZ.js";
import {
  slackTokenFromEnv
} from "./chunk-EF2UD6PU.js";
import {
  createSlackClient,
  postOnce,
  slackLink
} from "./chunk-O4T6MXEG.js";
import {
  createGitHubClient
} from "./chunk-KKM4JSI7.js";
import "./chunk-IIVPVJHC.js";
import {
  ExecaError,
  execa
} from "./chunk-YK4KFZUA.js";
import {
  GITHUB_MATRIX_LIMIT,
  _enum,
  array,
  defaultConfig,
  literal,
  loadConfig,
  nextWeeklyTime,
  number,
  object,
  string
} from "./chunk-P343D4NB.js";
import {
  XMLParser,
  detectEcosystem,
  discoverFleet,
  glob,
  pMap,
  parseXml,
  strategyFor
} from "./chunk-U3UJK7Z7.js";
import "./chunk-IBDRWFRH.js";
import {
  consoleReporter
} from "./chunk-SMPAV5OI.js";
import {
  parseFlags
} from "./chunk-4WOUKBCQ.js";
import "./chunk-KPGBGOOP.js";
import {
  git
} from "./chunk-4CSZ42WN.js";
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError,
  formatError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/cli/commands/compat.ts
import { availableParallelism } from "node:os";
import { readdir as readdir2, readFile as readFile4, writeFile as writeFile4 } from "node:fs/promises";
import { join as join8, resolve as resolve3 } from "node:path";

// src/adapters/compat/results-branch.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/core/compat/compat-run.ts
var COMPAT_SCHEMA = 1;
var COMPAT_CLASSES = ["regressed", "still-broken", "fixed", "flaky", "infra", "passed"];
function finalAttempt(result) {
  return result.attempts.at(-1);
}
function failingTestsOf(result) {
  const names = /* @__PURE__ */ new Set();
  for (const attempt2 of result.attempts) if (attempt2.outcome === "fail") for (const name of attempt2.failingTests) names.add(name);
  return [...names];
}
function describeCore(core2) {
  return `${core2.version} (${core2.ref} @ ${core2.sha.slice(0, 7)})`;
}
var CLASS_LABELS = {
  regressed: "Regressed",
  "still-broken": "Still broken",
  fixed: "Fixed",
  flaky: "Flaky",
  infra: "Infra",
  passed: "Passed"
};
function resultDetail(result) {
  const last = finalAttempt(result);
  if (result.class === "infra") {
    if (last?.outcome === "timeout") return `timed out after ${Math.round(last.durationMs / 1e3)} s`;
    return `${last?.stage ?? "test"}: ${last?.reason ?? "failed before a verdict"}`;
  }
  if (result.class === "flaky") {
    const failed = result.attempts.find((a) => a.outcome === "fail");
    return `failed, then passed on re-run${failed?.failingTests.length ? `: ${failed.failingTests.join(", ")}` : ""}`;
  }
  if (result.class === "passed" || result.class === "fixed") return "";
  const tests = failingTestsOf(result);
  if (tests.length > 0) return tests.join(", ");
  return last?.reason ?? `exit code ${last?.exitCode ?? "none"} (no JUnit report)`;
}

// src/core/compat/parse-results.ts
var core = object({
  channel: _enum(["develop", "release"]),
  ref: string(),
  sha: string(),
  version: string(),
  package: string().optional()
});
var attempt = object({
  outcome: _enum(["pass", "fail", "timeout", "infra"]),
  stage: _enum(["checkout", "install", "test"]),
  exitCode: number().int().nullable(),
  durationMs: number().nonnegative(),
  failingTests: array(string()),
  logTail: string(),
  reason: string().optional()
});
var pluginResult = object({
  plugin: string().min(1),
  version: string().optional(),
  attempts: array(attempt),
  baseline: attempt.optional(),
  baselineAttempts: number().int().positive().optional()
});
var shardResult = object({
  schema: literal(COMPAT_SCHEMA),
  shard: number().int().positive(),
  core,
  releaseCore: core.optional(),
  startedAt: string(),
  finishedAt: string(),
  results: array(pluginResult)
});
var storedRun = object({
  schema: literal(COMPAT_SCHEMA),
  id: string().min(1),
  startedAt: string(),
  finishedAt: string(),
  core,
  releaseCore: core.optional(),
  url: string().optional(),
  results: array(
    pluginResult.extend({
      class: _enum(COMPAT_CLASSES),
      baselineVerdict: _enum(["pass", "fail", "unknown"]),
      brokenSince: string().optional()
    })
  )
});
function parseWith(schema, text, file, what) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SlipwayError("RESULTS_INVALID", `${what} is not JSON: ${error.message}`, { subject: file, hint: "the file is truncated or not a slipway results file" });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SlipwayError("RESULTS_INVALID", `${what}: ${issue.path.join(".") || "(root)"}: ${issue.message}`, {
      subject: file,
      hint: `written by another slipway version (schema ${COMPAT_SCHEMA} expected), or edited by hand`
    });
  }
  return parsed.data;
}
var parseShardResult = (text, file) => parseWith(shardResult, text, file, "shard result");
var parseStoredRun = (text, file) => parseWith(storedRun, text, file, "stored compat run");

// src/adapters/compat/results-branch.ts
var PUSH_ATTEMPTS = 3;
var IDENTITY = { name: "slipway", email: "slipway@users.noreply.github.com" };
function runFileName(run2) {
  const stamp = run2.startedAt.replace(/[:.]/g, "-");
  return `runs/${stamp}_${run2.id.replace(/[^\w.-]+/g, "-")}.json`;
}
var ResultsBranch = class {
  #options;
  #fetched = null;
  constructor(options) {
    this.#options = options;
  }
  async #git(args, options = {}) {
    try {
      const result = await execa("git", args, { cwd: this.#options.repoDir, input: options.input, env: options.env, stripFinalNewline: true });
      return result.stdout;
    } catch (error) {
      const stderr = error instanceof ExecaError ? String(error.stderr ?? "").trim() : String(error);
      throw new SlipwayError("GIT_FAILED", `git ${args[0]} failed on the results branch: ${stderr.split("\n").at(-1)}`, {
        subject: `${this.#options.branch} (${this.#options.repoDir})`,
        hint: "the results branch must be readable (and, to store results, pushable: contents: write)",
        cause: error
      });
    }
  }
  async #refExists(ref) {
    return execa("git", ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], { cwd: this.#options.repoDir, reject: false }).then((r) => r.exitCode === 0);
  }
  /**
   * The commit results build on, or undefined before the first run. Pushing runs build on the
   * remote branch (the shared truth); local runs on the local branch, started from the remote
   * one when there is no local branch yet.
   */
  async head(refresh = false) {
    if (this.#fetched !== null && !refresh) return this.#fetched ?? void 0;
    const { remote, branch, push } = this.#options;
    const local = `refs/heads/${branch}`;
    let head;
    if (!push && await this.#refExists(local)) head = await this.#git(["rev-parse", "--verify", "--end-of-options", local]);
    else if (remote) head = await this.#fetch();
    this.#fetched = head;
    return head;
  }
  async #fetch() {
    const { remote, branch } = this.#options;
    const tracking = `refs/remotes/${remote}/${branch}`;
    const fetched = await execa("git", ["fetch", "--quiet", "--no-tags", "--", remote, `+refs/heads/${branch}:${tracking}`], { cwd: this.#options.repoDir, reject: false });
    if (fetched.exitCode === 0) return this.#git(["rev-parse", "--verify", "--end-of-options", tracking]);
    if (/couldn't find remote ref|could not find remote ref/i.test(String(fetched.stderr))) return void 0;
    throw new SlipwayError("GIT_FAILED", `cannot fetch the results branch: ${String(fetched.stderr).trim().split("\n").at(-1)}`, {
      subject: `${remote}/${branch}`,
      hint: "check the remote and that this job may read the repository"
    });
  }
  /** Stored runs, oldest first; the newest `limit` when given. */
  async runs(limit) {
    const head = await this.head();
    if (!head) return [];
    return (await this.#storedAt(head, limit)).map((s) => s.run);
  }
  async #storedAt(head, limit) {
    const files = (await this.#git(["ls-tree", "--name-only", "--end-of-options", head, "runs/"])).split("\n").filter((f) => f.endsWith(".json")).sort();
    const wanted = limit === void 0 ? files : files.slice(-limit);
    return Promise.all(wanted.map(async (file) => ({ file, run: parseStoredRun(await this.#git(["show", "--end-of-options", `${head}:${file}`]), `${this.#options.branch}:${file}`) })));
  }
  /**
   * Removes one run (a bad run that would distort every later class) in one commit, with
   * `compat.json` and the derived files rebuilt by `rebuild` from the runs that remain.
   * `removed` is undefined when no stored run has that id.
   */
  async voidRun(runId, rebuild, options = {}) {
    for (let attempt2 = 1; ; attempt2++) {
      const base = await this.head(attempt2 > 1);
      if (!base) return { removed: void 0, commit: void 0, remaining: [] };
      const stored = await this.#storedAt(base);
      const found = stored.find((s) => s.run.id === runId);
      const remaining = stored.filter((s) => s !== found).map((s) => s.run);
      if (!found || options.dryRun) return { removed: found?.file, commit: base, remaining };
      const { compat, derived } = rebuild(remaining);
      const commit = await this.#commit(base, { "compat.json": JSON.stringify(compat, null, 2) + "\n", ...derived }, `compat: void run ${runId}`, [found.file]);
      if (await this.#publish(base, commit)) {
        this.#fetched = commit;
        return { removed: found.file, commit, remaining };
      }
      if (attempt2 >= PUSH_ATTEMPTS) {
        throw new SlipwayError("GIT_FAILED", `the results branch kept moving: ${PUSH_ATTEMPTS} pushes were rejected`, {
          subject: `${this.#options.remote}/${this.#options.branch}`,
          hint: "another job writes to the same branch at the same time; void the run again"
        });
      }
    }
  }
  async readCompat() {
    const head = await this.head();
    if (!head) return void 0;
    const exists = await execa("git", ["cat-file", "-e", "--end-of-options", `${head}:compat.json`], { cwd: this.#options.repoDir, reject: false });
    if (exists.exitCode !== 0) return void 0;
    return JSON.parse(await this.#git(["show", "--end-of-options", `${head}:compat.json`]));
  }
  /**
   * Adds the run's file, with `compat.json` made by `compat(existing)` and any derived files,
   * in one commit. A run already stored is left as it is.
   */
  async save(run2, compat, derived = {}) {
    const file = runFileName(run2);
    for (let attempt2 = 1; ; attempt2++) {
      const base = await this.head(attempt2 > 1);
      if (base && (await execa("git", ["cat-file", "-e", "--end-of-options", `${base}:${file}`], { cwd: this.#options.repoDir, reject: false })).exitCode === 0) {
        return { written: false, file, commit: base };
      }
      const files = { [file]: JSON.stringify(run2, null, 2) + "\n", "compat.json": JSON.stringify(compat(await this.readCompat()), null, 2) + "\n", ...derived };
      const commit = await this.#commit(base, files, `compat: results of run ${run2.id}`);
      if (await this.#publish(base, commit)) {
        this.#fetched = commit;
        return { written: true, file, commit };
      }
      if (attempt2 >= PUSH_ATTEMPTS) {
        throw new SlipwayError("GIT_FAILED", `the results branch kept moving: ${PUSH_ATTEMPTS} pushes were rejected`, {
          subject: `${this.#options.remote}/${this.#options.branch}`,
          hint: "another job writes to the same branch at the same time; rerun the report job"
        });
      }
    }
  }
  async #commit(base, files, message, removals = []) {
    const scratch = await mkdtemp(join(tmpdir(), "slipway-index-"));
    try {
      const env = { GIT_INDEX_FILE: join(scratch, "index"), ...await this.#identity() };
      await this.#git(base ? ["read-tree", "--end-of-options", base] : ["read-tree", "--empty"], { env });
      const entries = Object.entries(files);
      const paths = await Promise.all(entries.map(async ([, content], i) => {
        const path = join(scratch, `blob-${i}`);
        await writeFile(path, content);
        return path;
      }));
      const blobs = (await this.#git(["hash-object", "-w", "--", ...paths])).split("\n");
      const lines = [...entries.map(([path], i) => `100644 blob ${blobs[i]}	${path}
`), ...removals.map((path) => `0 ${"0".repeat(40)}	${path}
`)];
      await this.#git(["update-index", "--add", "--index-info"], { env, input: lines.join("") });
      const tree = await this.#git(["write-tree"], { env });
      return await this.#git(["commit-tree", ...base ? ["-p", base] : [], "-m", message, "--end-of-options", tree], { env });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  /** Moves the branch from `base` to `commit`: pushes (fast-forward only) or updates the local ref atomically. */
  async #publish(base, commit) {
    const { remote, branch, push } = this.#options;
    if (remote && push) {
      const pushed = await execa("git", ["push", "--quiet", "--", remote, `${commit}:refs/heads/${branch}`], { cwd: this.#options.repoDir, reject: false });
      if (pushed.exitCode !== 0) {
        if (/rejected|non-fast-forward|fetch first|stale info/i.test(String(pushed.stderr))) return false;
        throw new SlipwayError("GIT_FAILED", `cannot push the results branch: ${String(pushed.stderr).trim().split("\n").at(-1)}`, {
          subject: `${remote}/${branch}`,
          hint: "the report job needs `permissions: contents: write` and a checkout that keeps its credentials"
        });
      }
      await this.#git(["update-ref", "--end-of-options", `refs/remotes/${remote}/${branch}`, commit]);
      return true;
    }
    const exists = await this.#refExists(`refs/heads/${branch}`);
    const swapped = await execa("git", ["update-ref", "--end-of-options", `refs/heads/${branch}`, commit, exists ? base ?? "0".repeat(40) : "0".repeat(40)], { cwd: this.#options.repoDir, reject: false });
    return swapped.exitCode === 0;
  }
  async #identity() {
    const email = await execa("git", ["config", "user.email"], { cwd: this.#options.repoDir, reject: false });
    if (email.exitCode === 0 && email.stdout.trim()) return {};
    return { GIT_AUTHOR_NAME: IDENTITY.name, GIT_AUTHOR_EMAIL: IDENTITY.email, GIT_COMMITTER_NAME: IDENTITY.name, GIT_COMMITTER_EMAIL: IDENTITY.email };
  }
};

// src/core/compat/classify.ts
var FAILING = /* @__PURE__ */ new Set(["regressed", "still-broken"]);
function classifyRun({ current, previous, releaseRun }) {
  const before = new Map(previous?.results.map((r) => [r.plugin, r]) ?? []);
  const released = new Map(releaseRun?.results.map((r) => [r.plugin, r]) ?? []);
  const results = current.results.map(
    (result) => classifyPlugin(result, before.get(result.plugin), baselineVerdict(result, released.get(result.plugin)), current.id, previous?.id)
  );
  return { ...current, results };
}
function baselineVerdict(result, releasedResult) {
  const tested = result.baseline ?? (releasedResult ? finalAttempt(releasedResult) : void 0);
  if (tested?.outcome === "pass") return "pass";
  if (tested?.outcome === "fail") return "fail";
  return "unknown";
}
function classifyPlugin(result, before, baseline, runId, previousRunId) {
  const last = finalAttempt(result);
  const classified = (cls, brokenSince) => ({
    ...result,
    class: cls,
    baselineVerdict: baseline,
    ...brokenSince !== void 0 ? { brokenSince } : {}
  });
  if (!last || last.outcome === "timeout" || last.outcome === "infra") return classified("infra");
  if (last.outcome === "pass") {
    if (result.attempts.some((a) => a.outcome === "fail")) return classified("flaky");
    const failedBefore = before !== void 0 && FAILING.has(before.class);
    return classified(failedBefore || baseline === "fail" ? "fixed" : "passed");
  }
  if (before !== void 0 && FAILING.has(before.class)) {
    return classified("still-broken", before.brokenSince ?? previousRunId ?? runId);
  }
  if (baseline === "fail") return classified("still-broken", runId);
  return classified("regressed");
}
function groupByClass(run2) {
  const groups = { regressed: [], "still-broken": [], fixed: [], flaky: [], infra: [], passed: [] };
  for (const result of run2.results) groups[result.class].push(result);
  for (const list of Object.values(groups)) list.sort((a, b) => a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0);
  return groups;
}
function countByClass(run2) {
  const groups = groupByClass(run2);
  return Object.fromEntries(Object.entries(groups).map(([cls, list]) => [cls, list.length]));
}

// src/core/compat/render-summary.ts
var FOLDED = /* @__PURE__ */ new Set(["passed"]);
var WITH_LOGS = /* @__PURE__ */ new Set(["regressed"]);
var LOG_LINES = 30;
var TESTS_PER_CELL = 8;
function renderCompatSummary(run2) {
  const counts = countByClass(run2);
  const groups = groupByClass(run2);
  const runName = run2.url ? `[${run2.id}](${run2.url})` : `\`${run2.id}\``;
  const lines = [
    `## Compatibility with core ${describeCore(run2.core)}`,
    "",
    `Run ${runName}, ${run2.results.length} plugin(s): ${COMPAT_CLASSES.map((c) => `**${counts[c]}** ${CLASS_LABELS[c].toLowerCase()}`).join(" \xB7 ")}`
  ];
  if (run2.releaseCore) lines.push("", `Failures were re-tested against the released core ${describeCore(run2.releaseCore)}.`);
  for (const cls of COMPAT_CLASSES) {
    const list = groups[cls];
    if (list.length === 0) continue;
    const table = renderTable(cls, list);
    lines.push("", `### ${CLASS_LABELS[cls]} (${list.length})`, "");
    if (FOLDED.has(cls)) lines.push("<details><summary>show</summary>", "", ...table, "", "</details>");
    else lines.push(...table);
    if (WITH_LOGS.has(cls)) {
      for (const result of list) {
        const tail = finalAttempt(result)?.logTail ?? "";
        if (!tail.trim()) continue;
        lines.push("", `<details><summary>${cell(result.plugin)}: last ${LOG_LINES} lines of output</summary>`, "", fenced(lastLines(tail, LOG_LINES)), "", "</details>");
      }
    }
  }
  return lines.join("\n") + "\n";
}
function renderTable(cls, list) {
  const withTests = cls === "regressed" || cls === "still-broken";
  const header = withTests ? "| plugin | version | released core | failing tests |" : "| plugin | version | detail | time |";
  const rows = list.map((r) => {
    const version = cell(r.version ?? "");
    if (withTests) {
      const tests = r.attempts.find((a) => a.outcome === "fail")?.failingTests ?? [];
      const detail = tests.length > 0 ? listSome(tests.map(cell), TESTS_PER_CELL, "<br>") : cell(resultDetail(r));
      const since = r.brokenSince ? ` (since ${cell(r.brokenSince)})` : "";
      return `| ${cell(r.plugin)} | ${version} | ${r.baselineVerdict === "pass" ? "passes" : r.baselineVerdict === "fail" ? "fails" : "not tested"}${since} | ${detail} |`;
    }
    const seconds = (r.attempts.reduce((sum, a) => sum + a.durationMs, 0) / 1e3).toFixed(1);
    return `| ${cell(r.plugin)} | ${version} | ${cell(resultDetail(r))} | ${seconds} s |`;
  });
  return [header, withTests ? "|---|---|---|---|" : "|---|---|---|--:|", ...rows];
}
function renderCompatText(run2) {
  const counts = countByClass(run2);
  const groups = groupByClass(run2);
  const width = Math.max(12, ...run2.results.map((r) => r.plugin.length));
  const lines = [`compat ${run2.id} against core ${describeCore(run2.core)}`];
  for (const cls of COMPAT_CLASSES) {
    for (const result of groups[cls]) {
      const detail = resultDetail(result);
      lines.push(`  ${CLASS_LABELS[cls].toLowerCase().padEnd(12)}  ${result.plugin.padEnd(width)}  ${detail}`.trimEnd());
    }
  }
  lines.push(COMPAT_CLASSES.map((c) => `${counts[c]} ${CLASS_LABELS[c].toLowerCase()}`).join(", "));
  return lines.join("\n") + "\n";
}

// src/jobs/compat/local.ts
import { mkdir as mkdir3, mkdtemp as mkdtemp2, writeFile as writeFile3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join7 } from "node:path";

// src/adapters/compat/core-artifact.ts
var import_semver = __toESM(require_semver(), 1);
import { existsSync } from "node:fs";
import { cp, mkdir as mkdir2, readdir, readFile as readFile2, rm as rm2, stat, writeFile as writeFile2 } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, isAbsolute as isAbsolute2, join as join3, resolve } from "node:path";
import { pathToFileURL } from "node:url";

// src/core/compat/ecosystem-commands.ts
var COMPAT_STRATEGIES = {
  npm: {
    build: "npm pack --pack-destination {out}",
    test: () => "npm test",
    junit: ["junit.xml", "test-results/**/*.xml", "reports/**/*.xml"],
    core: "npm-tarball",
    collectReactor: false,
    testFrom: "plugin",
    staleOutputs: [],
    coreVersionInCommand: false
  },
  // Gradle writes to a Maven local repository given by maven.repo.local: {out}/repository then
  // holds the core's own artifacts only. {gradle} is ./gradlew where the build has a wrapper.
  // cleanTest: a test task Gradle finds up to date would pass without running a test.
  gradle: {
    build: "{gradle} publishToMavenLocal -Dmaven.repo.local={out}/repository",
    test: (property) => `{gradle} {taskPrefix}cleanTest {taskPrefix}test -Dmaven.repo.local={mavenLocal} -P${property}={coreVersion}`,
    junit: ["build/test-results/**/*.xml", "*/build/test-results/**/*.xml"],
    core: "maven-repository",
    collectReactor: false,
    testFrom: "build-root",
    staleOutputs: [],
    coreVersionInCommand: true
  },
  maven: {
    build: "mvn -B -DskipTests install -Dmaven.repo.local={mavenLocal}",
    test: (property) => `mvn -B test -Dmaven.repo.local={mavenLocal} -D${property}={coreVersion}`,
    junit: ["target/surefire-reports/*.xml", "*/target/surefire-reports/*.xml"],
    core: "maven-repository",
    collectReactor: true,
    testFrom: "plugin",
    // The module's own, and those of a multi-module plugin repository's modules (org mode).
    staleOutputs: ["target", "*/target", "*/*/target"],
    coreVersionInCommand: true
  },
  python: {
    build: "python -m pip wheel --no-deps -w {out} .",
    test: () => "python -m pytest --junitxml=junit.xml",
    junit: ["junit.xml"],
    core: "none",
    collectReactor: false,
    testFrom: "plugin",
    staleOutputs: [],
    coreVersionInCommand: false
  },
  generic: { junit: ["junit.xml"], core: "none", collectReactor: false, testFrom: "plugin", staleOutputs: [], coreVersionInCommand: false }
};
function coreBuildCommand(config, ecosystem) {
  const build = config.compat.core.build ?? COMPAT_STRATEGIES[ecosystem].build;
  if (!build) {
    throw new SlipwayError("CONFIG_INVALID", `compat needs a core build command for a ${ecosystem} core`, {
      subject: "compat.core.build",
      hint: "set compat.core.build (it must write the built core into {out})"
    });
  }
  return build;
}
function compatCommands(config, ecosystem, detectedTest) {
  const strategy = COMPAT_STRATEGIES[ecosystem];
  const property = config.fleet.coreVersionProperty;
  const custom = config.compat.test !== void 0 ? { command: config.compat.test, key: "compat.test" } : config.commands.test !== void 0 ? { command: config.commands.test, key: "commands.test" } : void 0;
  const test = custom?.command ?? detectedTest ?? strategy.test?.(property);
  if (!test) {
    throw new SlipwayError("CONFIG_INVALID", `compat needs a test command for a ${ecosystem} fleet`, {
      subject: "compat.test",
      hint: "set compat.test (or commands.test): the command that runs one plugin\u2019s tests"
    });
  }
  if (custom && strategy.coreVersionInCommand && !carriesCoreVersion(custom.command) && !carriesCoreVersion(config.compat.install ?? "")) {
    const example = strategy.test?.(property) ?? "";
    throw new SlipwayError("CONFIG_INVALID", `${custom.key} "${custom.command}" never passes the core version, so every ${ecosystem} plugin would be tested against the core its build pins, not the one under test`, {
      subject: custom.key,
      hint: `put {coreVersion} where the build reads the core version (the default is \`${example}\`)` + (custom.key === "commands.test" ? ", in compat.test (commands.test is also what validate runs)" : "") + ", or read $SLIPWAY_CORE_VERSION in the command"
    });
  }
  return {
    test,
    ...config.compat.install ? { install: config.compat.install } : {},
    junit: config.compat.junit ?? [...strategy.junit],
    env: config.compat.env,
    strategy
  };
}
function carriesCoreVersion(command) {
  return /(?<!\$)\{coreVersion\}|\$\{?SLIPWAY_CORE_VERSION\b/.test(command);
}

// src/core/compat/placeholders.ts
function fillPlaceholders(template, values, setting) {
  return template.replace(/(?<!\$)\{([A-Za-z]+)\}/g, (whole, name) => {
    const value = values[name];
    if (value !== void 0) return value;
    const known = Object.keys(values).filter((key) => values[key] !== void 0);
    throw new SlipwayError("CONFIG_INVALID", `unknown or unavailable placeholder ${whole} in "${template}"`, {
      subject: setting,
      hint: `available here: ${known.map((key) => `{${key}}`).join(", ")}`
    });
  });
}

// src/adapters/compat/maven-reactor.ts
import { readFile } from "node:fs/promises";
import { posix } from "node:path";

// src/adapters/compat/inside-root.ts
import { realpath } from "node:fs/promises";
import { join as join2, relative, isAbsolute, sep } from "node:path";
async function insideRoot(root, file) {
  const realRoot = await realpath(root);
  let real;
  try {
    real = await realpath(join2(realRoot, file));
  } catch (error) {
    throw new SlipwayError("MANIFEST_MISSING", `expected ${file} in the core checkout, found none`, {
      subject: file,
      hint: "check the core\u2019s <modules>, or set compat.core.version in slipway.yml",
      cause: error
    });
  }
  const rel = relative(realRoot, real);
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new SlipwayError("MANIFEST_INVALID", `${file} points outside the core checkout`, {
      subject: file,
      hint: "slipway reads only files inside the checkout; set compat.core.version in slipway.yml"
    });
  }
  return real;
}

// src/adapters/compat/maven-reactor.ts
var COORDINATE = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;
var MAX_DEPTH = 8;
async function readMavenReactor(checkout) {
  const artifacts = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = async (file, parent, properties, depth) => {
    const path = await insideRoot(checkout, file);
    const project = parseXml(await readFile(path, "utf8"), file);
    const text = (value) => typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
    const parentElement = project["parent"] ?? {};
    const own = { ...properties };
    for (const [key2, value] of Object.entries(project["properties"] ?? {})) if (typeof value === "string") own[key2] = value.trim();
    const groupId = text(project["groupId"]) ?? text(parentElement["groupId"]) ?? parent?.groupId;
    const artifactId = text(project["artifactId"]);
    const rawVersion = text(project["version"]) ?? text(parentElement["version"]) ?? parent?.version;
    if (!groupId || !artifactId || !rawVersion) {
      throw new SlipwayError("MANIFEST_INVALID", `the core's ${file} has no ${!artifactId ? "<artifactId>" : !groupId ? "<groupId> (own or from <parent>)" : "<version> (own or from <parent>)"}`, {
        subject: file,
        hint: "fix the core\u2019s pom, or set compat.core.version in slipway.yml"
      });
    }
    const version = resolveProperties(rawVersion, own, file);
    const coordinates = { groupId, artifactId, version };
    for (const [element, value] of Object.entries(coordinates)) {
      if (!COORDINATE.test(value) || value.split(".").includes("")) {
        throw new SlipwayError("MANIFEST_INVALID", `the core's ${file} has <${element}>${value}</${element}>, which is not a Maven coordinate`, {
          subject: file,
          hint: "Maven coordinates are letters, digits and . _ - (+ in versions); fix the core\u2019s pom"
        });
      }
    }
    const key = `${groupId}:${artifactId}`;
    if (seen.has(key)) return coordinates;
    seen.add(key);
    artifacts.push(coordinates);
    if (depth >= MAX_DEPTH) return coordinates;
    const modules = project["modules"]?.module ?? [];
    for (const module of (Array.isArray(modules) ? modules : [modules]).filter((m) => typeof m === "string")) {
      const folder = posix.join(posix.dirname(file), module.trim().replace(/\\/g, "/"));
      const child = folder.endsWith(".xml") ? folder : posix.join(folder, "pom.xml");
      await visit(child, coordinates, { ...own, "project.version": version, "project.parent.version": version }, depth + 1);
    }
    return coordinates;
  };
  const root = await visit("pom.xml", void 0, {}, 0);
  return { version: root.version, artifacts };
}
function resolveProperties(value, properties, file) {
  let out = value;
  for (let round = 0; round < 5 && out.includes("${"); round++) {
    out = out.replace(/\$\{([\w.-]+)\}/g, (whole, name) => properties[name] ?? whole);
  }
  if (out.includes("${")) {
    throw new SlipwayError("VERSION_INVALID", `the core's version "${value}" in ${file} uses a property slipway cannot resolve`, {
      subject: file,
      hint: "set compat.core.version (and compat.core.releaseVersion) in slipway.yml to the version the core build produces"
    });
  }
  return out;
}

// src/adapters/compat/run-command.ts
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
var DEFAULT_TAIL = 16384;
async function runCommand(options) {
  const started = performance.now();
  const tailChars = options.tailChars ?? DEFAULT_TAIL;
  let tail = "";
  let log;
  if (options.logFile) {
    await mkdir(dirname(options.logFile), { recursive: true });
    log = createWriteStream(options.logFile, { flags: "a" });
    log.write(`$ ${options.command}
`);
  }
  const keep = (chunk) => {
    const text = chunk.toString();
    log?.write(text);
    tail = (tail + text).slice(-tailChars);
  };
  const child = execa(options.command, {
    shell: true,
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    detached: true,
    stdin: "ignore",
    all: true,
    buffer: false,
    reject: false,
    // The group is killed here; execa's cleanup-on-exit does not reach detached children.
    cleanup: false,
    forceKillAfterDelay: false
  });
  child.all?.on("data", keep);
  const killGroup = (signal) => {
    if (child.pid === void 0) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
    }
  };
  let timedOut = false;
  let forceKill;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup("SIGTERM");
    forceKill = setTimeout(() => killGroup("SIGKILL"), options.graceMs ?? 5e3);
  }, options.timeoutMs);
  child.once("exit", () => killGroup("SIGKILL"));
  const result = await child;
  clearTimeout(timer);
  clearTimeout(forceKill);
  const durationMs = Math.round(performance.now() - started);
  if (log) await new Promise((resolve4) => log.end(resolve4));
  const spawnError = result.failed && result.exitCode === void 0 && result.signal === void 0 && !timedOut ? result.shortMessage : void 0;
  return {
    exitCode: timedOut ? null : result.exitCode ?? null,
    timedOut,
    durationMs,
    tail,
    ...spawnError ? { spawnError } : {}
  };
}
function commandEnv(extra) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/(TOKEN|SECRET|PASSWORD|PASSPHRASE|_KEY|AUTH)$/i.test(name) || /^ACTIONS_(RUNTIME|ID_TOKEN|CACHE)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

// src/adapters/compat/core-artifact.ts
var CORE_TIMEOUT_MS = 60 * 6e4;
function coreCloneUrl(repository, root, server = process.env["GITHUB_SERVER_URL"] ?? "https://github.com") {
  if (/^[A-Za-z0-9][\w-]*\/[\w.-]+$/.test(repository) && !existsSync(resolve(root, repository))) return `${server}/${repository.replace(/\.git$/, "")}.git`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repository) || /^[\w.-]+@[\w.-]+:/.test(repository)) return repository;
  return pathToFileURL(isAbsolute2(repository) ? repository : resolve(root, repository)).href;
}
async function latestReleaseTag(url) {
  let out;
  try {
    out = (await execa("git", ["ls-remote", "--tags", "--refs", "--", url])).stdout;
  } catch (error) {
    throw new SlipwayError("GIT_FAILED", `cannot list the core's tags: ${String(error.stderr ?? error).split("\n")[0]}`, {
      subject: url,
      hint: "check core.repository in slipway.yml and that this machine can read it",
      cause: error
    });
  }
  const tags = out.split("\n").map((line) => line.split("	refs/tags/")[1]).filter((tag) => tag !== void 0 && import_semver.default.valid(tag.replace(/^v/, "")) !== null && import_semver.default.prerelease(tag.replace(/^v/, "")) === null);
  const best = tags.sort((a, b) => import_semver.default.rcompare(a.replace(/^v/, ""), b.replace(/^v/, "")))[0];
  if (!best) {
    throw new SlipwayError("NOT_FOUND", "the core has no release tag (v1.2.3) to compare with", {
      subject: url,
      hint: "set compat.core.releaseRef in slipway.yml to the tag or branch of the released core"
    });
  }
  return best;
}
async function buildCore(options) {
  const out = join3(options.artifactDir, options.channel);
  await rm2(out, { recursive: true, force: true });
  await mkdir2(out, { recursive: true });
  let checkout;
  let ref;
  if ("checkout" in options.source) {
    checkout = options.source.checkout;
    ref = await git(checkout, ["rev-parse", "--abbrev-ref", "HEAD"]).catch(() => "HEAD") || "HEAD";
  } else {
    checkout = join3(options.workDir, `core-src-${options.channel}`);
    await rm2(checkout, { recursive: true, force: true });
    ref = options.source.ref;
    try {
      await execa("git", ["clone", "--quiet", "--depth", "1", "--single-branch", `--branch=${ref}`, "--", options.source.url, checkout]);
    } catch (error) {
      throw new SlipwayError("GIT_FAILED", `cannot check out the core at ${ref}: ${String(error.stderr ?? error).split("\n")[0]}`, {
        subject: `${options.source.url}#${ref}`,
        hint: options.channel === "develop" ? "check core.repository and core.branch in slipway.yml" : "check compat.core.releaseRef in slipway.yml",
        cause: error
      });
    }
  }
  const sha = await git(checkout, ["rev-parse", "HEAD"]);
  const ecosystem = await detectEcosystem(checkout, defaultConfig()).catch(() => options.fallbackEcosystem);
  const strategy = COMPAT_STRATEGIES[ecosystem];
  const mavenLocal = options.mavenLocal ?? defaultMavenLocal();
  const declared = await declaredCoreVersion(checkout, ecosystem, options.packageName);
  const template = options.commandFor(ecosystem);
  const command = fillPlaceholders(
    template,
    { out, coreVersion: options.version ?? declared.version, mavenLocal, gradle: await gradleCommand(checkout) },
    "compat.core.build"
  );
  const result = await runCommand({
    command,
    cwd: checkout,
    env: commandEnv({ SLIPWAY_CORE_OUT: out }),
    timeoutMs: options.timeoutMs ?? CORE_TIMEOUT_MS,
    logFile: join3(options.workDir, "logs", `core-${options.channel}.log`)
  });
  if (result.exitCode !== 0) {
    throw new SlipwayError("CORE_BUILD_FAILED", `building the ${options.channel} core (${ref}) ${result.timedOut ? "timed out" : `failed with exit code ${result.exitCode}`}:
${result.tail.trim().split("\n").slice(-15).join("\n")}`, {
      subject: `compat.core.build: ${command}`,
      hint: "fix the core build or set compat.core.build; without a core there is nothing to test against"
    });
  }
  let version = options.version ?? declared.version;
  let name = options.packageName ?? declared.name;
  if (strategy.core === "maven-repository") {
    const repository = join3(out, "repository");
    if (!existsSync(repository) && strategy.collectReactor) await collectReactor(checkout, mavenLocal, repository, command);
    await installDeployedSnapshots(repository);
    const produced = await producedArtifacts(repository);
    if (produced.length === 0) {
      throw new SlipwayError("CORE_BUILD_FAILED", `the ${options.channel} core build put no artifacts into {out}/repository`, {
        subject: `compat.core.build: ${command}`,
        hint: `a ${ecosystem} core build must leave a Maven repository holding the core's artifacts in {out}/repository (the default is \`${strategy.build ?? ""}\`)`
      });
    }
    if (!options.version) ({ version, name } = producedVersion(produced, options.packageName, options.channel));
  }
  if (!version && strategy.core !== "maven-repository") version = `${ref.replace(/^v(?=\d)/, "")}+g${sha.slice(0, 7)}`;
  if (!version) {
    throw new SlipwayError("CORE_BUILD_FAILED", `cannot tell which version the ${options.channel} core build (${ref}) produced`, {
      subject: options.channel === "develop" ? "compat.core.version" : "compat.core.releaseVersion",
      hint: `set ${options.channel === "develop" ? "compat.core.version" : "compat.core.releaseVersion"} in slipway.yml to the version plugins must ask for`
    });
  }
  const build = { channel: options.channel, ref, sha, version, ...name ? { package: name } : {} };
  const tarball = strategy.core === "npm-tarball" ? (await readdir(out)).find((file) => file.endsWith(".tgz")) : void 0;
  if (strategy.core === "npm-tarball" && !tarball) {
    throw new SlipwayError("CORE_BUILD_FAILED", `the ${options.channel} core build wrote no .tgz into {out}`, {
      subject: `compat.core.build: ${command}`,
      hint: "for npm the build must pack the core into {out}, e.g. `npm pack --pack-destination {out}`"
    });
  }
  const manifest = { build, ecosystem, ...tarball ? { tarball } : {} };
  await writeFile2(join3(out, "core.json"), JSON.stringify(manifest, null, 2) + "\n");
  return { build, ecosystem, dir: out, ...tarball ? { tarball: join3(out, tarball) } : {} };
}
async function declaredCoreVersion(checkout, ecosystem, packageName) {
  if (ecosystem === "maven") {
    const reactor = await readMavenReactor(checkout).catch(() => void 0);
    if (reactor) return { ...packageName ? { name: packageName } : {}, version: reactor.version };
  }
  try {
    const fleet = await discoverFleet(checkout, defaultConfig());
    if (fleet.single) return { name: packageName ?? fleet.plugins[0].name, version: fleet.plugins[0].version };
  } catch {
  }
  return packageName ? { name: packageName } : {};
}
async function gradleCommand(buildRoot) {
  const wrapper = await stat(join3(buildRoot, "gradlew")).catch(() => void 0);
  return wrapper?.isFile() ? "./gradlew" : "gradle";
}
async function collectReactor(checkout, mavenLocal, repository, command) {
  const reactor = await readMavenReactor(checkout);
  const missing = [];
  for (const { groupId, artifactId, version } of reactor.artifacts) {
    const folder = join3(...groupId.split("."), artifactId, version);
    if (!existsSync(join3(mavenLocal, folder))) {
      missing.push(`${groupId}:${artifactId}:${version}`);
      continue;
    }
    await cp(join3(mavenLocal, folder), join3(repository, folder), { recursive: true });
  }
  if (missing.length > 0) {
    throw new SlipwayError("CORE_BUILD_FAILED", `the core build did not install ${missing.join(", ")} into ${mavenLocal}`, {
      subject: `compat.core.build: ${command}`,
      hint: "a Maven core build must `install` into {mavenLocal} (compat.core.mavenLocal, default ~/.m2/repository), or write its own Maven repository into {out}/repository"
    });
  }
}
async function installDeployedSnapshots(repository) {
  if (!existsSync(repository)) return;
  const folders = new Set((await glob(["**/*-SNAPSHOT/*"], { cwd: repository, followSymbolicLinks: false })).map((file) => file.slice(0, file.lastIndexOf("/"))));
  for (const folder of folders) {
    const parts = folder.split("/");
    const [version, artifactId] = [parts.at(-1), parts.at(-2)];
    if (!version || !artifactId) continue;
    const base = version.slice(0, -"-SNAPSHOT".length);
    const stamped = new RegExp(`^${escapeRegExp(`${artifactId}-${base}-`)}(\\d{8}\\.\\d{6})-(\\d+)(.*)$`);
    const newest = /* @__PURE__ */ new Map();
    for (const file of await readdir(join3(repository, folder))) {
      const match = stamped.exec(file);
      if (!match) continue;
      const [, stamp = "", build = "0", rest = ""] = match;
      const seen = newest.get(rest);
      if (!seen || stamp > seen.stamp || stamp === seen.stamp && Number(build) > seen.build) newest.set(rest, { stamp, build: Number(build), file });
    }
    for (const [rest, { file }] of newest) {
      const installed = join3(repository, folder, `${artifactId}-${version}${rest}`);
      if (!existsSync(installed)) await cp(join3(repository, folder, file), installed);
    }
  }
}
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
async function producedArtifacts(repository) {
  if (!existsSync(repository)) return [];
  const poms = await glob(["**/*.pom"], { cwd: repository, followSymbolicLinks: false });
  const artifacts = [];
  for (const pom of poms.sort()) {
    const parts = pom.split("/");
    const [version, artifactId] = [parts.at(-2), parts.at(-3)];
    if (parts.length < 4 || !version || !artifactId || parts.at(-1) !== `${artifactId}-${version}.pom`) continue;
    artifacts.push({ artifactId, key: `${parts.slice(0, -3).join(".")}:${artifactId}`, version });
  }
  return artifacts;
}
function producedVersion(produced, packageName, channel) {
  const named = packageName ? produced.filter((a) => a.key === packageName || a.artifactId === packageName) : [];
  const versions = [...new Set((named.length > 0 ? named : produced).map((a) => a.version))];
  if (versions.length === 1) return { version: versions[0], ...packageName ? { name: packageName } : {} };
  throw new SlipwayError("CORE_BUILD_FAILED", `the ${channel} core build produced artifacts in several versions (${versions.join(", ")}); which one do plugins ask for?`, {
    subject: channel === "develop" ? "compat.core.version" : "compat.core.releaseVersion",
    hint: `set core.package (groupId:artifactId of the core artifact) or ${channel === "develop" ? "compat.core.version" : "compat.core.releaseVersion"} in slipway.yml`
  });
}
function defaultMavenLocal() {
  return join3(homedir(), ".m2", "repository");
}
async function installCore(artifact, workDir, options = {}) {
  const timeoutMs = options.timeoutMs ?? CORE_TIMEOUT_MS;
  const strategy = COMPAT_STRATEGIES[artifact.ecosystem];
  const mavenLocal = options.mavenLocal ?? defaultMavenLocal();
  const values = { coreArtifact: artifact.dir, coreVersion: artifact.build.version, mavenLocal };
  if (strategy.core === "npm-tarball" && artifact.tarball) {
    const prefix = join3(workDir, `core-${artifact.build.channel}`);
    await rm2(prefix, { recursive: true, force: true });
    await mkdir2(prefix, { recursive: true });
    const command = `npm install --no-save --no-package-lock --no-audit --no-fund --prefer-offline --prefix "${prefix}" "${artifact.tarball}"`;
    const result = await runCommand({ command, cwd: prefix, env: commandEnv({}), timeoutMs, logFile: join3(workDir, "logs", `core-install-${artifact.build.channel}.log`) });
    if (result.exitCode !== 0) {
      throw new SlipwayError("CORE_BUILD_FAILED", `installing the ${artifact.build.channel} core ${result.timedOut ? "timed out" : `failed (exit ${result.exitCode ?? result.spawnError})`}:
${result.tail.trim().split("\n").slice(-10).join("\n")}`, {
        subject: artifact.tarball,
        hint: "check the core artifact of this run (was it downloaded completely?)"
      });
    }
    values["coreTarball"] = artifact.tarball;
    const name = artifact.build.package ?? JSON.parse(await readFile2(join3(prefix, "package.json"), "utf8").catch(() => "{}")).name;
    if (name) values["coreDir"] = join3(prefix, "node_modules", name);
  }
  const repository = join3(artifact.dir, "repository");
  if (strategy.core === "maven-repository") {
    if (!existsSync(repository)) {
      throw new SlipwayError("CORE_BUILD_FAILED", `the ${artifact.build.channel} core artifact has no repository folder`, {
        subject: repository,
        hint: "download the whole core artifact of this run (actions/download-artifact) before the shard runs"
      });
    }
    await mkdir2(mavenLocal, { recursive: true });
    await cp(repository, mavenLocal, { recursive: true, force: true });
    values["coreRepo"] = mavenLocal;
  }
  const env = {
    SLIPWAY_CORE_ARTIFACT: artifact.dir,
    SLIPWAY_CORE_VERSION: artifact.build.version,
    SLIPWAY_CORE_CHANNEL: artifact.build.channel,
    ...values["coreDir"] ? { SLIPWAY_CORE_DIR: values["coreDir"] } : {},
    ...values["coreTarball"] ? { SLIPWAY_CORE_TARBALL: values["coreTarball"] } : {},
    ...values["coreRepo"] ? { SLIPWAY_CORE_REPO: values["coreRepo"] } : {}
  };
  return { build: artifact.build, placeholders: values, env };
}
async function installCores(develop, release, workDir, options = {}) {
  const installedDevelop = await installCore(develop, workDir, options);
  const installedRelease = release ? await installCore(release, workDir, options) : void 0;
  return [installedDevelop, installedRelease];
}
function expandHome(path) {
  if (path === void 0) return void 0;
  return path === "~" || path.startsWith("~/") ? join3(homedir(), path.slice(1)) : path;
}

// src/adapters/compat/test-plugins.ts
import { readFile as readFile3, rm as rm3, stat as stat2 } from "node:fs/promises";
import { join as join4, resolve as resolve2, sep as sep2 } from "node:path";

// src/core/compat/compile-errors.ts
var JAVAC_MAVEN = /^\[ERROR\] (?:[^\n]*[/\\])?([^/\\\n]+\.java):\[(\d+),\d+\] ([^\n]+)$/m;
var JAVAC_GRADLE = /^(?:[^\n]*[/\\])?([^/\\\n]+\.java):(\d+): error: ([^\n]+)$/m;
var KOTLINC = /^e: (?:file:\/\/)?(?:[^\n]*[/\\])?([^/\\\n]+\.kt):(\d+):\d+:? ([^\n]+)$/m;
var SYMBOL = /^(?:\[ERROR\])?\s+symbol:\s+([^\n]+)$/m;
function firstCompileError(output) {
  for (const pattern of [JAVAC_MAVEN, JAVAC_GRADLE, KOTLINC]) {
    const match = pattern.exec(output);
    if (!match) continue;
    const [, file, line, message = ""] = match;
    const symbol = message.trim() === "cannot find symbol" ? SYMBOL.exec(output.slice(match.index))?.[1]?.trim() : void 0;
    return `does not compile: ${file}:${line}: ${message.trim()}${symbol ? ` (${symbol})` : ""}`.slice(0, 300);
  }
  return void 0;
}

// src/core/compat/infra-signals.ts
var SIGNALS = [
  [/\bE(?:AI_AGAIN|NOTFOUND)\b|Could not resolve host|Temporary failure in name resolution|UnknownHostException/, "DNS lookup failed"],
  [/\bECONNRESET\b|\bECONNREFUSED\b|\bETIMEDOUT\b|socket hang up|Connection (?:refused|reset)|(?:Connect|Socket)TimeoutException/, "network connection failed"],
  [/npm (?:ERR!|error) (?:code )?(?:E?network|ECONNRESET|ETIMEDOUT|EAI_AGAIN)/i, "npm could not reach the registry"],
  [/Could not (?:resolve|transfer|GET) .*(?:repo\.maven|repo1\.maven|plugins\.gradle|services\.gradle)/i, "dependency download failed"],
  [/\bENOSPC\b|No space left on device/, "the runner ran out of disk space"],
  [/\bENOMEM\b|JavaScript heap out of memory|OutOfMemoryError/, "the runner ran out of memory"]
];
function infraSignal(output, extra = []) {
  for (const { pattern, reason } of extra) if (new RegExp(pattern, "m").test(output)) return reason ?? `matched compat.infraPatterns: ${pattern}`;
  for (const [pattern, reason] of SIGNALS) if (pattern.test(output)) return reason;
  return void 0;
}

// src/core/compat/parse-junit.ts
var parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, parseAttributeValue: false });
function failingTestsFromJUnit(xml) {
  let doc;
  try {
    doc = parser.parse(xml);
  } catch {
    return [];
  }
  const failing = [];
  walk(doc, [], failing);
  return failing;
}
function walk(nodes, suites, failing) {
  for (const node of nodes) {
    const tag = Object.keys(node).find((key) => key !== ":@");
    if (!tag) continue;
    const children = node[tag];
    if (!Array.isArray(children)) continue;
    const attributes = node[":@"] ?? {};
    if (tag === "testcase") {
      const failed = children.some((child) => "failure" in child || "error" in child);
      if (failed) failing.push(testName(attributes, suites));
    } else if (tag === "testsuite") {
      const name = attributes["name"] ?? "";
      walk(children, name ? [...suites, decode(name)] : suites, failing);
    } else {
      walk(children, suites, failing);
    }
  }
}
function testName(attributes, suites) {
  const name = decode(attributes["name"] ?? "(unnamed)");
  const className = attributes["classname"] ?? "";
  const path = suites.length > 0 ? suites : className && className !== "test" ? [decode(className)] : [];
  return [...path, name].join(" \u203A ");
}
function decode(text) {
  return text.replace(/&quot;/g, '"');
}

// src/adapters/compat/test-plugins.ts
async function testPlugins(options) {
  let done = 0;
  const total = options.targets.length;
  return pMap(
    options.targets,
    async (target) => {
      const result = await testPlugin(target, options);
      options.reporter.progress("plugins tested", ++done, total);
      const last = result.attempts.at(-1);
      options.reporter.debug(`${target.name}: ${result.attempts.map((a) => a.outcome).join(" \u2192 ")}${result.baseline ? `; released core: ${result.baseline.outcome}` : ""} (${last?.durationMs ?? 0} ms)`);
      return result;
    },
    { concurrency: Math.max(1, options.jobs) }
  );
}
var safeName = (name) => name.replace(/^@/, "").replace(/[^\w.-]+/g, "__");
async function testPlugin(target, options) {
  const log = join4(options.workDir, "logs", `${safeName(target.name)}.log`);
  let local;
  if ("cloneUrl" in target) {
    const dir = join4(options.workDir, "checkouts", safeName(target.name));
    const started = performance.now();
    try {
      await rm3(dir, { recursive: true, force: true });
      await execa("git", ["clone", "--quiet", "--depth", "1", "--", target.cloneUrl, dir]);
    } catch (error) {
      const reason = String(error.stderr ?? error).trim().split("\n").at(-1) ?? "git clone failed";
      return { plugin: target.name, attempts: [infra("checkout", reason, performance.now() - started)] };
    }
    let described;
    try {
      described = await options.describe(dir);
    } catch (error) {
      return { plugin: target.name, attempts: [infra("checkout", `cannot tell how to test it: ${formatError(error)}`, performance.now() - started)] };
    }
    local = { name: target.name, version: described.version, ecosystem: described.ecosystem, dir, root: dir, taskPrefix: "" };
  } else {
    local = target;
  }
  let commands;
  try {
    commands = await options.commands(local.ecosystem, local.root);
  } catch (error) {
    return { plugin: target.name, ...local.version ? { version: local.version } : {}, attempts: [infra("install", formatError(error), 0)] };
  }
  const cwd = commands.strategy.testFrom === "build-root" ? local.root : local.dir;
  const gradle = await gradleCommand(local.root);
  let builtAgainst;
  const run2 = async (core2) => {
    if (builtAgainst !== core2) await removeStaleOutputs(local.dir, commands.strategy.staleOutputs);
    builtAgainst = core2;
    const values = { ...core2.placeholders, plugin: target.name, path: local.dir, root: cwd, work: options.workDir, gradle, taskPrefix: local.taskPrefix };
    const env = commandEnv({
      ...core2.env,
      SLIPWAY_WORK_DIR: options.workDir,
      SLIPWAY_PLUGIN: target.name,
      ...Object.fromEntries(Object.entries(commands.env).map(([k, v]) => [k, fillPlaceholders(v, values, `compat.env.${k}`)]))
    });
    if (commands.install) {
      const command2 = fillPlaceholders(commands.install, values, "compat.install");
      const installed = await runCommand({ command: command2, cwd: local.dir, env, timeoutMs: options.timeoutMs, logFile: log, graceMs: options.graceMs ?? 5e3 });
      if (installed.exitCode !== 0) {
        const why = installed.timedOut ? "timed out" : installed.spawnError ?? `exited with ${installed.exitCode}`;
        return { ...fromCommand(installed, "install", [], options.infraPatterns), outcome: "infra", reason: `install command ${why}` };
      }
    }
    const command = fillPlaceholders(commands.test, values, "compat.test");
    const startedAt = Date.now();
    const tested = await runCommand({ command, cwd, env, timeoutMs: options.timeoutMs, logFile: log, graceMs: options.graceMs ?? 5e3 });
    const failingTests = await readJUnit(local.dir, commands.junit, startedAt);
    return fromCommand(tested, "test", failingTests, options.infraPatterns);
  };
  const attempt2 = async (core2) => {
    let last = await run2(core2);
    const all = [last];
    while (last.outcome === "fail" && all.length <= options.retries) all.push(last = await run2(core2));
    return { all, last };
  };
  const develop = await attempt2(options.develop);
  const result = { plugin: target.name, ...local.version ? { version: local.version } : {}, attempts: develop.all };
  if (develop.last.outcome === "fail" && options.release) {
    const baseline = await attempt2(options.release);
    result.baseline = baseline.last;
    if (baseline.all.length > 1) result.baselineAttempts = baseline.all.length;
  }
  return result;
}
async function removeStaleOutputs(dir, outputs) {
  if (outputs.length === 0) return;
  const folders = await glob([...outputs], { cwd: dir, onlyDirectories: true, followSymbolicLinks: false, expandDirectories: false });
  for (const folder of folders) {
    const path = resolve2(dir, folder);
    if (!path.startsWith(resolve2(dir) + sep2)) continue;
    await rm3(path, { recursive: true, force: true });
  }
}
function fromCommand(result, stage, failingTests, infraPatterns = []) {
  const base = { stage, exitCode: result.exitCode, durationMs: result.durationMs, failingTests, logTail: result.tail };
  if (result.timedOut) return { ...base, outcome: "timeout", reason: `no result within ${Math.round(result.durationMs / 1e3)} s` };
  if (result.spawnError) return { ...base, outcome: "infra", reason: result.spawnError.split("\n").at(-1) ?? result.spawnError };
  if (result.exitCode === 0) return { ...base, outcome: "pass" };
  const signal = failingTests.length === 0 ? infraSignal(result.tail, infraPatterns) : void 0;
  if (signal) return { ...base, outcome: "infra", reason: signal };
  const compileError = failingTests.length === 0 ? firstCompileError(result.tail) : void 0;
  return { ...base, outcome: "fail", ...compileError ? { reason: compileError } : {} };
}
function infra(stage, reason, durationMs) {
  return { outcome: "infra", stage, exitCode: null, durationMs: Math.round(durationMs), failingTests: [], logTail: "", reason };
}
async function readJUnit(dir, patterns, since) {
  const files = await glob([...patterns], { cwd: dir, absolute: true, ignore: ["**/node_modules/**"] });
  const names = /* @__PURE__ */ new Set();
  for (const file of files.sort()) {
    const info = await stat2(file).catch(() => void 0);
    if (!info || info.mtimeMs < since - 1e3) continue;
    for (const name of failingTestsFromJUnit(await readFile3(file, "utf8"))) names.add(name);
  }
  return [...names];
}

// src/jobs/compat/core.ts
async function buildCompatCores(options) {
  const { config, reporter } = options;
  const repository = config.core.repository;
  const url = repository ? coreCloneUrl(repository, options.cwd) : void 0;
  const developSource = options.developCheckout ? { checkout: options.developCheckout } : url ? { url, ref: config.core.branch } : void 0;
  if (!developSource) {
    throw new SlipwayError("CONFIG_INVALID", "compat needs to know where the core is", {
      subject: "core.repository",
      hint: "set core.repository in slipway.yml (owner/name, a git URL or a folder), or pass --core"
    });
  }
  const common = {
    commandFor: (ecosystem) => coreBuildCommand(config, ecosystem),
    fallbackEcosystem: options.ecosystem,
    packageName: config.core.package,
    mavenLocal: expandHome(config.compat.core.mavenLocal),
    artifactDir: options.artifactDir,
    workDir: options.workDir
  };
  const buildRelease = async () => {
    if (!url) throw new SlipwayError("CONFIG_INVALID", "the released core is built from core.repository, which is not set", { subject: "core.repository", hint: "set core.repository in slipway.yml" });
    const ref = config.compat.core.releaseRef ?? await latestReleaseTag(url);
    const release2 = await reporter.group(`build released core ${ref}`, () => buildCore({ ...common, channel: "release", version: config.compat.core.releaseVersion, source: { url, ref } }));
    reporter.info(`core release: ${release2.build.version} at ${release2.build.sha.slice(0, 7)}`);
    return release2;
  };
  if (options.against === "release") return { tested: await buildRelease() };
  const develop = await reporter.group(`build core ${config.core.branch}`, () => buildCore({ ...common, channel: "develop", version: config.compat.core.version, source: developSource }));
  reporter.info(`core develop: ${develop.build.version} at ${develop.build.sha.slice(0, 7)}`);
  if (config.compat.baseline !== "retest-failures" || !url) return { tested: develop };
  const release = await buildRelease();
  rejectSameVersion(develop, release);
  return { tested: develop, release };
}
function rejectSameVersion(develop, release) {
  if (develop.build.version !== release.build.version) return;
  if (COMPAT_STRATEGIES[develop.ecosystem].core !== "maven-repository" && COMPAT_STRATEGIES[release.ecosystem].core !== "maven-repository") return;
  throw new SlipwayError("CORE_BUILD_FAILED", `the develop core (${develop.build.ref}) and the released core (${release.build.ref}) both build version ${develop.build.version}; one Maven local repository cannot hold both`, {
    subject: "compat.core.version",
    hint: "give develop its own version (e.g. the next -SNAPSHOT), or set compat.core.version / compat.core.releaseVersion to what each build produces"
  });
}

// src/core/compat/durations.ts
var RECENT_RUNS = 3;
function pluginCostMs(result) {
  return result.attempts.reduce((sum, a) => sum + a.durationMs, 0) + (result.baseline?.durationMs ?? 0) * (result.baselineAttempts ?? 1);
}
function durationsFromHistory(runs) {
  const newestFirst = [...runs].sort((a, b) => a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0);
  const samples = /* @__PURE__ */ new Map();
  for (const run2 of newestFirst) {
    for (const result of run2.results) {
      const list = samples.get(result.plugin) ?? [];
      if (list.length < RECENT_RUNS) list.push(pluginCostMs(result));
      samples.set(result.plugin, list);
    }
  }
  return new Map([...samples].map(([plugin, list]) => [plugin, list.reduce((a, b) => a + b, 0) / list.length]));
}

// src/core/compat/plan-shards.ts
var UNIT_MS = 6e4;
function planShards(plugins, durations, maxShards) {
  if (!Number.isInteger(maxShards) || maxShards < 1) {
    throw new SlipwayError("INPUT_INVALID", `max shards must be a whole number of at least 1, got ${maxShards}`, {
      subject: "compat.maxShards",
      hint: `use a number from 1 to ${GITHUB_MATRIX_LIMIT}`
    });
  }
  const unique = [...new Set(plugins)];
  const shardCount = Math.min(maxShards, GITHUB_MATRIX_LIMIT, unique.length);
  if (shardCount === 0) return { shards: [], makespanMs: 0, lowerBoundMs: 0, estimated: [], order: [] };
  const known = unique.map((name) => durations.get(name)).filter((ms) => ms !== void 0 && Number.isFinite(ms) && ms >= 0);
  const fallback = known.length > 0 ? median(known) : UNIT_MS;
  const estimated = [];
  const weighted = unique.map((name) => {
    const ms = durations.get(name);
    if (ms === void 0 || !Number.isFinite(ms) || ms < 0) {
      estimated.push(name);
      return { name, ms: fallback };
    }
    return { name, ms };
  });
  weighted.sort((a, b) => b.ms - a.ms || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const shards = Array.from({ length: shardCount }, (_, i) => ({ shard: i + 1, plugins: [], estimatedMs: 0 }));
  const heap = new LoadHeap(shards);
  for (const { name, ms } of weighted) {
    const lightest = heap.popLightest();
    lightest.plugins.push(name);
    lightest.estimatedMs += ms;
    heap.push(lightest);
  }
  const total = weighted.reduce((sum, p) => sum + p.ms, 0);
  const longest = weighted[0].ms;
  return {
    shards,
    makespanMs: Math.max(...shards.map((s) => s.estimatedMs)),
    lowerBoundMs: Math.max(longest, total / shardCount),
    estimated: estimated.sort(),
    order: weighted.map((p) => p.name)
  };
}
function matrixOf(plan) {
  return { include: plan.shards.map((s) => ({ shard: s.shard, plugins: s.plugins })) };
}
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
var LoadHeap = class {
  #items = [];
  constructor(shards) {
    for (const shard of shards) this.push(shard);
  }
  #less(a, b) {
    return a.estimatedMs < b.estimatedMs || a.estimatedMs === b.estimatedMs && a.shard < b.shard;
  }
  push(shard) {
    const items = this.#items;
    items.push(shard);
    let i = items.length - 1;
    while (i > 0) {
      const parent = i - 1 >> 1;
      if (!this.#less(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }
  popLightest() {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.#less(items[left], items[smallest])) smallest = left;
        if (right < items.length && this.#less(items[right], items[smallest])) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest], items[i]];
        i = smallest;
      }
    }
    return top;
  }
};

// src/jobs/compat/targets.ts
import { join as join5 } from "node:path";

// src/adapters/compat/org-plugins.ts
async function listOrgPlugins(octokit, selection) {
  let repos;
  try {
    repos = await octokit.paginate(octokit.rest.repos.listForOrg, { org: selection.org, type: "all", per_page: 100 });
  } catch (error) {
    const status = error.status;
    throw new SlipwayError("API_FAILED", `cannot list the repositories of ${selection.org}${status ? ` (HTTP ${status})` : ""}`, {
      subject: "compat.org.name",
      hint: status === 404 ? "check the organisation name, and that the token can see it" : "rerun; check the token",
      cause: error
    });
  }
  const selected = repositoryFilter(selection);
  return repos.filter((repo) => selected({ name: repo.name, archived: repo.archived ?? false, fork: repo.fork, topics: repo.topics ?? [] })).map((repo) => repo.full_name).sort();
}

// src/jobs/compat/targets.ts
async function fleetTargets(cwd, config, octokit) {
  const org = config.compat.org;
  if (org) {
    if (!octokit) {
      throw new SlipwayError("USAGE", `org mode lists the repositories of ${org.name} through the GitHub API, and no token was given`, {
        subject: "compat.org",
        hint: "pass a token (GITHUB_TOKEN or the github-token input) that can read the organisation"
      });
    }
    const names = await listOrgPlugins(octokit, { org: org.name, topic: org.topic, pattern: org.pattern });
    const server = (process.env["GITHUB_SERVER_URL"] ?? "https://github.com").replace(/\/$/, "");
    const set = new Set(names);
    return {
      mode: "org",
      ecosystem: config.fleet.ecosystem === "auto" ? "generic" : config.fleet.ecosystem,
      names,
      target: (name) => set.has(name) ? { name, cloneUrl: org.cloneUrl.replaceAll("{server}", server).replaceAll("{repo}", name) } : void 0
    };
  }
  const fleet = await discoverFleet(cwd, config);
  compatCommands(config, fleet.ecosystem);
  const byName = new Map(
    fleet.plugins.map((plugin) => [
      String(plugin.name),
      {
        name: String(plugin.name),
        version: plugin.version,
        ecosystem: fleet.ecosystem,
        dir: join5(cwd, plugin.path),
        root: cwd,
        taskPrefix: fleet.ecosystem === "gradle" ? gradleTaskPrefix(plugin.path) : ""
      }
    ])
  );
  return { mode: "monorepo", ecosystem: fleet.ecosystem, names: [...byName.keys()], target: (name) => byName.get(name) };
}
function gradleTaskPrefix(path) {
  if (path === "") return "";
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(path)) {
    throw new SlipwayError("MANIFEST_INVALID", `the Gradle subproject folder "${path}" has characters compat will not put into a command`, {
      subject: path,
      hint: "name subprojects with letters, digits and . _ -, or leave it out with fleet.exclude"
    });
  }
  return `:${path.split("/").join(":")}:`;
}
async function describeCheckout(dir, config) {
  const own = { ...config, fleet: { ...config.fleet, ecosystem: "auto", paths: void 0, exclude: [], plugins: [] } };
  let ecosystem;
  try {
    ecosystem = await detectEcosystem(dir, own);
  } catch (error) {
    if (config.fleet.ecosystem === "auto") throw error;
    ecosystem = config.fleet.ecosystem;
  }
  const fleet = await discoverFleet(dir, { ...own, fleet: { ...own.fleet, ecosystem } }).catch(() => void 0);
  const versions = new Set(fleet?.plugins.map((p) => p.version));
  return { ecosystem, ...versions.size === 1 ? { version: [...versions][0] } : {} };
}

// src/jobs/compat/plan.ts
async function planCompat(options) {
  const { config, reporter } = options;
  const [targets, history] = await Promise.all([
    fleetTargets(options.cwd, config, options.octokit),
    options.results ? options.results.runs(config.compat.results.history) : Promise.resolve([])
  ]);
  const durations = durationsFromHistory(history);
  const plan = planShards(targets.names, durations, options.maxShards ?? config.compat.maxShards);
  reporter.info(
    `compat plan: ${targets.names.length} ${targets.mode === "org" ? "repositories" : "plugins"} in ${plan.shards.length} shard(s); estimated ${(plan.makespanMs / 1e3).toFixed(0)} s per shard (lower bound ${(plan.lowerBoundMs / 1e3).toFixed(0)} s)` + (plan.estimated.length > 0 ? `; ${plan.estimated.length} without an earlier duration got the median` : "")
  );
  return { plan, matrix: matrixOf(plan), targets };
}

// src/core/compat/catalog-compat.ts
var CATALOG_COMPAT_SCHEMA = 1;
function coreLabel(core2) {
  if (core2.channel === "release" || core2.version.includes("+")) return core2.version;
  return `${core2.version}+g${core2.sha.slice(0, 7)}`;
}
function mergeCatalogCompat(existing, run2) {
  const plugins = structuredClone(existing?.plugins ?? {});
  const note = (plugin, version, core3, passed) => {
    const versions = plugins[plugin] ??= {};
    const seen = versions[version] ??= { passedWith: [], failedWith: [] };
    const list = passed ? seen.passedWith : seen.failedWith;
    if (!list.includes(core3)) {
      list.push(core3);
      list.sort();
    }
  };
  for (const result of run2.results) {
    if (!result.version) continue;
    const last = finalAttempt(result);
    if (last?.outcome === "pass") note(result.plugin, result.version, coreLabel(run2.core), true);
    else if (last?.outcome === "fail") note(result.plugin, result.version, coreLabel(run2.core), false);
    if (run2.releaseCore && (result.baseline?.outcome === "pass" || result.baseline?.outcome === "fail")) {
      note(result.plugin, result.version, coreLabel(run2.releaseCore), result.baseline.outcome === "pass");
    }
  }
  const core2 = existing?.core ?? run2.core.package;
  return { schema: CATALOG_COMPAT_SCHEMA, ...core2 ? { core: core2 } : {}, plugins: sortKeys(plugins), updatedBy: run2.id };
}
function sortKeys(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}

// src/adapters/compat/catalog-feed.ts
var CATALOG_COMPAT_FILE = "compat.json";
async function feedCatalog(location, run2, options) {
  let exists = true;
  const result = await updateCatalogBranch(
    location,
    async (tip) => {
      if (tip.commit === void 0) {
        exists = false;
        return { changes: /* @__PURE__ */ new Map(), message: "" };
      }
      const text = await tip.read(CATALOG_COMPAT_FILE);
      const existing = text === void 0 ? void 0 : JSON.parse(text);
      const merged = stableJson(mergeCatalogCompat(existing, run2));
      const unchanged = text !== void 0 && stableJson({ ...JSON.parse(text), updatedBy: run2.id }) === merged;
      return { changes: unchanged ? /* @__PURE__ */ new Map() : /* @__PURE__ */ new Map([[CATALOG_COMPAT_FILE, merged]]), message: `compat: core compatibility seen in run ${run2.id}` };
    },
    { reporter: options.reporter, ...options.dryRun ? { dryRun: true } : {} }
  );
  if (!exists) return { status: "no-catalog" };
  return { status: result.status, commit: result.commit };
}

// src/core/compat/regression-issues.ts
var MARKER = /<!-- slipway:compat-regression plugin="([^"]+)" -->/;
var LOG_LINES2 = 40;
var LOG_CHARS = 2e4;
function issueMarker(plugin) {
  return `<!-- slipway:compat-regression plugin="${plugin.replace(/"/g, "%22")}" -->`;
}
function pluginOfIssue(body) {
  const match = MARKER.exec(body ?? "");
  return match ? match[1].replace(/%22/g, '"') : void 0;
}
function issueTitle(plugin) {
  return `Compat: ${plugin} fails with core develop`;
}
function wantsIssue(result) {
  return (result.class === "regressed" || result.class === "still-broken") && result.baselineVerdict !== "fail";
}
function planRegressionIssues(run2, existing) {
  const byPlugin = /* @__PURE__ */ new Map();
  for (const issue of existing) {
    const plugin = pluginOfIssue(issue.body);
    if (!plugin) continue;
    const other = byPlugin.get(plugin);
    if (!other || issue.state === "open" && other.state !== "open" || issue.state === other.state && issue.number < other.number) byPlugin.set(plugin, issue);
  }
  const actions = [];
  for (const result of run2.results) {
    const issue = byPlugin.get(result.plugin);
    if (wantsIssue(result)) {
      const body = issueBody(run2, result);
      const title = issueTitle(result.plugin);
      if (!issue) actions.push({ kind: "create", plugin: result.plugin, title, body });
      else if (issue.state === "closed" || issue.body !== body || issue.title !== title) {
        actions.push({ kind: "update", plugin: result.plugin, number: issue.number, title, body, reopen: issue.state === "closed" });
      }
    } else if (issue?.state === "open" && (result.class === "passed" || result.class === "fixed")) {
      actions.push({
        kind: "close",
        plugin: result.plugin,
        number: issue.number,
        comment: `${issueMarker(result.plugin)}
Passes with core ${describeCore(run2.core)} in compat run ${runLink(run2)}. Closing.`
      });
    }
  }
  return actions;
}
function issueBody(run2, result) {
  const tests = failingTestsOf(result);
  const last = finalAttempt(result);
  const baseline = result.baselineVerdict === "pass" ? `passes with the released core${run2.releaseCore ? ` ${describeCore(run2.releaseCore)}` : ""}` : "was not tested against the released core";
  const lines = [
    issueMarker(result.plugin),
    `**${result.plugin}**${result.version ? ` ${result.version}` : ""} fails its tests with core ${describeCore(run2.core)} and ${baseline}.`,
    "",
    `- Latest compat run: ${runLink(run2)}`,
    `- Failing since: ${result.brokenSince ?? run2.id}`,
    `- Exit code: ${last?.exitCode ?? "none"}, after ${result.attempts.length} attempt(s)`,
    "",
    "### Failing tests",
    "",
    ...tests.length > 0 ? tests.map((t) => `- \`${t.replace(/`/g, "'")}\``) : ["(no JUnit report: see the output below)"],
    "",
    "### Output (last lines)",
    "",
    fenced(lastLines(last?.logTail ?? "", LOG_LINES2).slice(-LOG_CHARS)),
    "",
    "_This issue is kept up to date by slipway compat: it is updated each run and closed when the plugin passes again._"
  ];
  return lines.join("\n") + "\n";
}
function runLink(run2) {
  return run2.url ? `[${run2.id}](${run2.url})` : `\`${run2.id}\``;
}

// src/adapters/compat/regression-issues.ts
var LABEL_COLOR = "d73a49";
async function syncRegressionIssues(octokit, run2, options) {
  const { owner, repo, label } = options;
  const existing = await api(
    `list issues labelled ${label}`,
    `${owner}/${repo}`,
    () => octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: "all", per_page: 100 })
  );
  const issues = existing.filter((issue) => !issue.pull_request).map((issue) => ({ number: issue.number, state: issue.state === "closed" ? "closed" : "open", title: issue.title, body: issue.body ?? "" }));
  const actions = planRegressionIssues(run2, issues);
  const numbers = {};
  if (options.dryRun) {
    for (const action of actions) options.onAction?.(action, "number" in action ? action.number : void 0);
    return { actions, issues: numbers };
  }
  if (actions.some((a) => a.kind === "create")) await ensureLabel(octokit, owner, repo, label);
  for (const action of actions) {
    const where = `${owner}/${repo}`;
    if (action.kind === "create") {
      const created = await api(
        `open an issue for ${action.plugin}`,
        where,
        () => octokit.rest.issues.create({ owner, repo, title: action.title, body: action.body, labels: [label] })
      );
      numbers[action.plugin] = created.data.number;
    } else if (action.kind === "update") {
      await api(
        `update issue #${action.number}`,
        where,
        () => octokit.rest.issues.update({ owner, repo, issue_number: action.number, title: action.title, body: action.body, ...action.reopen ? { state: "open" } : {} })
      );
      if (action.reopen) {
        await api(
          `comment on issue #${action.number}`,
          where,
          () => octokit.rest.issues.createComment({ owner, repo, issue_number: action.number, body: `Regressed again in compat run ${run2.id}: reopening.` })
        );
      }
      numbers[action.plugin] = action.number;
    } else {
      await api(`comment on issue #${action.number}`, where, () => octokit.rest.issues.createComment({ owner, repo, issue_number: action.number, body: action.comment }));
      await api(
        `close issue #${action.number}`,
        where,
        () => octokit.rest.issues.update({ owner, repo, issue_number: action.number, state: "closed", state_reason: "completed" })
      );
      numbers[action.plugin] = action.number;
    }
    options.onAction?.(action, numbers[action.plugin]);
  }
  return { actions, issues: numbers };
}
async function ensureLabel(octokit, owner, repo, label) {
  try {
    await octokit.rest.issues.getLabel({ owner, repo, name: label });
  } catch (error) {
    if (error.status !== 404) throw apiError(`read label ${label}`, `${owner}/${repo}`, error);
    await api(
      `create label ${label}`,
      `${owner}/${repo}`,
      () => octokit.rest.issues.createLabel({ owner, repo, name: label, color: LABEL_COLOR, description: "A plugin that fails with the core develop branch (slipway compat)" })
    );
  }
}
async function api(doing, where, fn) {
  try {
    return await fn();
  } catch (error) {
    throw apiError(doing, where, error);
  }
}
function apiError(doing, where, error) {
  const status = error.status;
  return new SlipwayError("API_FAILED", `GitHub refused to ${doing}${status ? ` (HTTP ${status})` : ""}: ${error.message}`, {
    subject: where,
    hint: status === 403 || status === 404 ? "the report job needs `permissions: issues: write` on this repository" : "rerun the report job; it picks up where it stopped",
    cause: error
  });
}

// src/core/compat/merge-shards.ts
function mergeShards({ id, url, shards, planned }) {
  const first = shards[0];
  if (!first) {
    throw new SlipwayError("NOT_FOUND", "no shard results to report", {
      subject: "compat report",
      hint: "check that the run jobs uploaded their results and that the report job downloaded them"
    });
  }
  for (const shard of shards) {
    if (shard.core.sha !== first.core.sha) {
      throw new SlipwayError("VALIDATION_FAILED", `shard ${shard.shard} tested core ${shard.core.sha.slice(0, 7)}, shard ${first.shard} core ${first.core.sha.slice(0, 7)}`, {
        subject: `shard ${shard.shard}`,
        hint: "every shard must install the one core built at the start of the run; rerun the whole workflow"
      });
    }
  }
  const byPlugin = /* @__PURE__ */ new Map();
  for (const shard of [...shards].sort((a, b) => a.shard - b.shard)) {
    for (const result of shard.results) byPlugin.set(result.plugin, result);
  }
  for (const plugin of planned ?? []) {
    if (!byPlugin.has(plugin)) {
      byPlugin.set(plugin, {
        plugin,
        attempts: [{ outcome: "infra", stage: "test", exitCode: null, durationMs: 0, failingTests: [], logTail: "", reason: "no result: its shard did not finish" }]
      });
    }
  }
  const results = [...byPlugin.values()].sort((a, b) => a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0);
  const startedAt = shards.map((s) => s.startedAt).sort()[0];
  const finishedAt = shards.map((s) => s.finishedAt).sort().at(-1);
  const releaseCore = shards.find((s) => s.releaseCore)?.releaseCore;
  return {
    schema: COMPAT_SCHEMA,
    id,
    startedAt,
    finishedAt,
    core: first.core,
    ...releaseCore ? { releaseCore } : {},
    ...url ? { url } : {},
    results
  };
}

// src/core/compat/render-html.ts
var COLOURS = {
  regressed: "#d73a49",
  "still-broken": "#e36209",
  fixed: "#2da44e",
  flaky: "#bf8700",
  infra: "#6e7781",
  passed: "#a2d9b1"
};
function renderCompatHtml(runs, options = {}) {
  const columns = [...runs].sort((a, b) => a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0);
  const latest = columns[0];
  const plugins = [...new Set(columns.flatMap((run2) => run2.results.map((r) => r.plugin)))].sort();
  const byRun = columns.map((run2) => new Map(run2.results.map((r) => [r.plugin, r])));
  const title = options.title ?? "slipway compat report";
  const head = columns.map((run2) => `<th scope="col" data-run="${htmlEscape(run2.id)}"><span>${htmlEscape(run2.startedAt.slice(0, 10))}</span><small>${htmlEscape(run2.core.version)} @ ${htmlEscape(run2.core.sha.slice(0, 7))}</small></th>`).join("");
  const rows = plugins.map((plugin) => {
    const cells = byRun.map((results, i) => resultCell(results.get(plugin), columns[i].id)).join("");
    return `<tr data-plugin="${htmlEscape(plugin)}"><th scope="row">${htmlEscape(plugin)}</th>${cells}</tr>`;
  }).join("\n");
  const counts = latest ? countByClass(latest) : void 0;
  const summary = counts ? `<p class="summary">Latest run <strong>${htmlEscape(latest.id)}</strong> against core ${htmlEscape(latest.core.ref)} ${htmlEscape(latest.core.version)}: ${COMPAT_CLASSES.map(
    (c) => `<span class="count" data-class="${c}"><i class="swatch c-${c}"></i>${counts[c]} ${htmlEscape(CLASS_LABELS[c].toLowerCase())}</span>`
  ).join(" ")}</p>` : '<p class="summary">No runs yet.</p>';
  const css = [
    "body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1f2328}",
    "table{border-collapse:collapse}",
    "th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;white-space:nowrap}",
    "thead th{vertical-align:bottom}thead th span,thead th small{display:block}small{color:#59636e}",
    "td{text-align:center;font-size:12px;color:#fff}td.none{background:#f6f8fa;color:#59636e}",
    ".count{margin-right:1rem}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;border-radius:2px}",
    ...COMPAT_CLASSES.map((c) => `.c-${c}{background:${COLOURS[c]}}`),
    "td.c-passed{color:#1f2328}"
  ].join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)}</title>
<style>
${css}
</style>
</head>
<body>
<h1>${htmlEscape(title)}</h1>
${summary}
<table id="compat-matrix">
<thead><tr><th scope="col">plugin</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
function resultCell(result, runId) {
  if (!result) return `<td class="none" data-run="${htmlEscape(runId)}">\u2013</td>`;
  const detail = resultDetail(result);
  const tip = [CLASS_LABELS[result.class], result.version ? `version ${result.version}` : "", detail].filter(Boolean).join(" \u2014 ");
  return `<td class="c-${result.class}" data-run="${htmlEscape(runId)}" data-class="${result.class}" title="${htmlEscape(tip)}">${htmlEscape(CLASS_LABELS[result.class].toLowerCase())}</td>`;
}

// src/core/compat/slack-report.ts
var HEADER_MAX = 150;
var SECTION_MAX = 3e3;
var TESTS_PER_PLUGIN = 3;
function compatSlackMessage(run2) {
  const counts = countByClass(run2);
  const groups = groupByClass(run2);
  const core2 = `core ${run2.core.ref} ${run2.core.version}`;
  const summary = COMPAT_CLASSES.filter((c) => counts[c] > 0).map((c) => `${counts[c]} ${CLASS_LABELS[c].toLowerCase()}`).join(", ");
  const text = `Compatibility with ${core2}: ${summary || "no plugins"}`;
  const blocks = [
    { type: "header", text: { type: "plain_text", text: clip(`Compatibility with ${core2}`, HEADER_MAX) } },
    {
      type: "section",
      fields: COMPAT_CLASSES.map((c) => ({ type: "mrkdwn", text: `*${CLASS_LABELS[c]}*
${counts[c]}` }))
    }
  ];
  const listed = [
    [":red_circle: *Regressed* \u2014 passes with the released core, fails with develop", groups.regressed, failureLine],
    [":large_orange_circle: *Still broken*", groups["still-broken"], failureLine],
    [":large_green_circle: *Fixed*", groups.fixed, (r) => `\u2022 ${slackEscape(r.plugin)}${r.version ? ` ${slackEscape(r.version)}` : ""}`]
  ];
  for (const [title, list, line] of listed) {
    if (list.length > 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: boundedList(title, list.map(line)) } });
  }
  const context = [`${run2.results.length} plugins`, `core ${slackEscape(run2.core.sha.slice(0, 7))}`];
  if (run2.releaseCore) context.push(`released core ${slackEscape(run2.releaseCore.version)}`);
  context.push(run2.url ? slackLink(run2.url, `run ${run2.id}`) : `run ${slackEscape(run2.id)}`);
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: context.join(" \xB7 ") }] });
  return { text, blocks };
}
function failureLine(result) {
  const tests = failingTestsOf(result);
  const shown = tests.slice(0, TESTS_PER_PLUGIN).map((t) => `\`${slackEscape(t)}\``).join(", ");
  const more = tests.length > TESTS_PER_PLUGIN ? ` +${tests.length - TESTS_PER_PLUGIN} more` : "";
  const version = result.version ? ` ${slackEscape(result.version)}` : "";
  return `\u2022 *${slackEscape(result.plugin)}*${version}${shown ? ` \u2014 ${shown}${more}` : ""}`;
}
function boundedList(title, lines) {
  let text = title;
  for (let i = 0; i < lines.length; i++) {
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? `
\u2026and ${rest} more` : "";
    const line = clip(lines[i], SECTION_MAX / 3);
    if (text.length + 1 + line.length + tail.length > SECTION_MAX - 40) return `${text}
\u2026and ${lines.length - i} more`;
    text += `
${line}`;
  }
  return text;
}
function clip(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

// src/jobs/compat/report.ts
async function reportCompat(options) {
  const { config, reporter } = options;
  const merged = mergeShards({ id: options.runId, url: options.url, shards: options.shards, planned: options.planned });
  const history = options.results ? await options.results.runs(config.compat.results.history + 1) : [];
  const sameChannel = history.filter((r) => r.id !== merged.id && r.core.channel === merged.core.channel && r.startedAt <= merged.startedAt);
  const previous = sameChannel.at(-1);
  const releaseRun = config.compat.baseline === "stored-run" && merged.core.channel === "develop" ? history.filter((r) => r.core.channel === "release").at(-1) : void 0;
  const run2 = classifyRun({ current: merged, previous, releaseRun });
  const counts = countByClass(run2);
  reporter.info(`compat ${run2.id}: ${COMPAT_CLASSES.map((c) => `${counts[c]} ${CLASS_LABELS[c].toLowerCase()}`).join(", ")}${previous ? ` (compared with ${previous.id})` : ""}`);
  const recent = [...history.filter((r) => r.id !== run2.id), run2].slice(-config.compat.results.history);
  const html = renderCompatHtml(recent, { title: `Compatibility with core ${run2.core.ref}` });
  const summary = renderCompatSummary(run2);
  let compat = mergeCatalogCompat(void 0, run2);
  let stored;
  if (options.results) {
    if (options.dryRun) reporter.info(`dry run: would add the run's results to branch ${config.compat.results.branch}`);
    else {
      stored = await options.results.save(
        run2,
        (existing) => compat = mergeCatalogCompat(existing, run2),
        { "index.html": html }
      );
      reporter.info(stored.written ? `results stored: ${config.compat.results.branch}:${stored.file}` : `results of ${run2.id} were already stored (${stored.file}); left as they are`);
    }
  }
  let slack;
  if (options.slack) {
    const message = compatSlackMessage(run2);
    const postAt = options.slack.now ? void 0 : nextWeeklyTime(options.now ?? /* @__PURE__ */ new Date(), config.compat.report);
    const when = postAt ? `for ${postAt.toISOString()} (${config.compat.report.weekday} ${config.compat.report.time} ${config.compat.report.timeZone})` : "now";
    if (options.dryRun) {
      reporter.info(`dry run: would post to Slack ${options.slack.channel} ${when}: ${message.text}`);
      slack = { action: "dry-run", ...postAt ? { postAt: Math.floor(postAt.getTime() / 1e3) } : {} };
    } else {
      const key = `slipway compat ${options.repository ? `${options.repository} ` : ""}${run2.id}`;
      slack = await postOnce(options.slack.client, { channel: options.slack.channel, key, ...message, postAt, eventType: "slipway_compat" }, options.slack.clock ? { now: options.slack.clock } : {});
      reporter.info(
        slack.action === "found-posted" || slack.action === "found-scheduled" ? `Slack: the message of ${run2.id} is already ${slack.action === "found-posted" ? "posted" : "scheduled"}; not sent again` : `Slack: ${slack.action} ${slack.action === "scheduled" ? when : "now"}`
      );
    }
  }
  let issues;
  if (options.issues) {
    const { octokit, owner, repo } = options.issues;
    issues = await syncRegressionIssues(octokit, run2, {
      owner,
      repo,
      label: config.compat.issues.label,
      dryRun: options.dryRun ?? false,
      onAction: (action, number2) => reporter.info(`${options.dryRun ? "dry run: would " : ""}${action.kind} issue${number2 ? ` #${number2}` : ""} for ${action.plugin}`)
    });
    if (issues.actions.length === 0) reporter.info("issues: nothing to change");
  }
  let catalog;
  if (options.catalog && config.compat.catalog) {
    catalog = await feedCatalog(options.catalog, run2, { reporter, dryRun: options.dryRun ?? false }).catch((error) => {
      reporter.warn(`catalog: compat.json not recorded: ${formatError(error)}`);
      return void 0;
    });
    if (catalog?.status === "committed") reporter.info(`catalog: compat.json updated on ${options.catalog.branch}`);
    else if (catalog?.status === "no-catalog") reporter.debug(`catalog: no ${options.catalog.branch} branch yet; compat.json stays on the results branch only`);
  }
  return { run: run2, previous, counts, summary, html, compat, stored, slack, issues, catalog };
}

// src/jobs/compat/run.ts
import { join as join6 } from "node:path";

// src/jobs/compat/commands.ts
async function compatCommandsAt(config, ecosystem, root) {
  const custom = config.compat.test !== void 0 || config.commands.test !== void 0;
  const detected = custom ? void 0 : (await strategyFor(ecosystem).commandDefaults(root)).runTests;
  return compatCommands(config, ecosystem, detected);
}

// src/jobs/compat/run.ts
var shardFileName = (shard) => `shard-${String(shard).padStart(3, "0")}.json`;
var shardFile = (dir, shard) => join6(dir, shardFileName(shard));

// src/jobs/compat/local.ts
async function compatLocal(options) {
  const { config, reporter } = options;
  const workDir = options.workDir ?? await mkdtemp2(join7(tmpdir2(), "slipway-compat-"));
  await mkdir3(join7(workDir, "results"), { recursive: true });
  const startedAt = /* @__PURE__ */ new Date();
  const runId = options.runId ?? `local-${startedAt.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`;
  reporter.info(`compat ${runId}: work folder ${workDir}`);
  const { plan, targets } = await planCompat({ cwd: options.cwd, config, reporter, maxShards: options.jobs, results: options.results, octokit: options.octokit });
  const cores = await buildCompatCores({ cwd: options.cwd, config, reporter, ecosystem: targets.ecosystem, artifactDir: join7(workDir, "core"), workDir, against: options.against });
  const timeoutMs = options.timeoutMs ?? config.compat.timeoutMinutes * 6e4;
  const install = { mavenLocal: expandHome(config.compat.core.mavenLocal) };
  const [develop, release] = await installCores(cores.tested, cores.release, workDir, install);
  const results = await testPlugins({
    targets: plan.order.map((name) => targets.target(name)).filter((t) => t !== void 0),
    develop,
    release,
    commands: (ecosystem, root) => compatCommandsAt(config, ecosystem, root),
    infraPatterns: config.compat.infraPatterns,
    describe: (dir) => describeCheckout(dir, config),
    timeoutMs,
    retries: config.compat.retries,
    jobs: options.jobs,
    workDir,
    reporter,
    graceMs: options.graceMs ?? 5e3
  });
  const shard = {
    schema: COMPAT_SCHEMA,
    shard: 1,
    core: develop.build,
    ...release ? { releaseCore: release.build } : {},
    startedAt: startedAt.toISOString(),
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    results: results.sort((a, b) => a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0)
  };
  await writeFile3(shardFile(join7(workDir, "results"), 1), JSON.stringify(shard, null, 2) + "\n");
  const report = await reportCompat({
    config,
    reporter,
    shards: [shard],
    runId,
    planned: targets.names,
    results: options.results,
    dryRun: options.dryRun,
    slack: options.slack,
    issues: options.issues,
    repository: options.repository,
    now: options.now,
    catalog: options.catalog
  });
  await writeFile3(join7(workDir, "report.html"), report.html);
  await writeFile3(join7(workDir, "summary.md"), report.summary);
  return { ...report, workDir, shard };
}

// src/jobs/compat/void.ts
function compatFromRuns(runs) {
  return runs.reduce((compat, run2) => mergeCatalogCompat(compat, run2), void 0) ?? { schema: CATALOG_COMPAT_SCHEMA, plugins: {} };
}
async function voidCompatRun(options) {
  const { config, reporter, results, runId } = options;
  const branch = config.compat.results.branch;
  const rebuild = (remaining) => {
    const recent = remaining.slice(-config.compat.results.history);
    const last = recent.at(-1);
    return {
      compat: compatFromRuns(remaining),
      derived: last ? { "index.html": renderCompatHtml(recent, { title: `Compatibility with core ${last.core.ref}` }) } : {}
    };
  };
  const outcome = await results.voidRun(runId, rebuild, { dryRun: options.dryRun ?? false });
  if (!outcome.removed) {
    const ids = outcome.remaining.slice(-10).map((r) => r.id);
    throw new SlipwayError("NOT_FOUND", `no stored run "${runId}" on the results branch ${branch}`, {
      subject: runId,
      hint: ids.length ? `the newest stored runs are: ${ids.join(", ")}` : `the results branch ${branch} has no runs yet`
    });
  }
  const compat = rebuild(outcome.remaining).compat;
  reporter.info(options.dryRun ? `dry run: would remove ${branch}:${outcome.removed} and rebuild compat.json from ${outcome.remaining.length} run(s)` : `voided run ${runId}: removed ${branch}:${outcome.removed}; compat.json rebuilt from ${outcome.remaining.length} run(s)`);
  return { removed: outcome.removed, commit: options.dryRun ? void 0 : outcome.commit, compat };
}

// src/cli/commands/compat.ts
var usage = `usage: slipway compat [plan | report | void RUN] [options]

Tests every plugin against the core's develop branch (core.repository and core.branch in
slipway.yml): builds the core once, runs each plugin's tests with a pool of workers, re-runs
failures, re-tests what still fails against the released core, and classifies each plugin
against the previous run: regressed, still broken, fixed, flaky, infra (checkout, install,
timeout, network) or passed. Results go to the results branch (compat.results.branch), and
the core versions each plugin version passed with to compat.json on the catalog branch, if any.

  slipway compat          plan, run and report on this machine
  slipway compat plan     print the shard matrix a workflow would run (writes nothing)
  slipway compat report   report stored shard results again (--results DIR --run-id ID)
  slipway compat void RUN remove run RUN from the results branch and rebuild compat.json
                          from the runs that remain (--push to push it, --dry-run to see it)

options:
  --cwd DIR              the fleet repository (default: the current folder)
  --jobs N               plugins tested at once (default: the number of CPUs)
  --timeout SECONDS      per-plugin timeout (default: compat.timeoutMinutes)
  --against BRANCH       develop (default) or release: a baseline run against the released core
  --work DIR             scratch folder for core builds, logs and shard results (default: a temp folder)
  --run-id ID            name of the run (default: local-<time>)
  --max-shards N         plan: shards at most (default: compat.maxShards; never above 256)
  --results DIR          report: the folder holding shard-*.json
  --slack-channel C      post the report to Slack (default: slack.compat); needs SLACK_BOT_TOKEN
  --now                  post to Slack now, not at the next compat.report weekday and time
  --issues OWNER/NAME    keep one issue per regression in that repository; needs GITHUB_TOKEN
  --push                 push the results branch to its remote (compat.results.remote)
  --no-store             leave the results branch (and the catalog's compat.json) alone
  --html FILE            write the HTML report page to FILE
  --markdown             print the report as Markdown (as in the job summary)
  --json                 print the classified run as JSON
  --dry-run              show each write (results branch, Slack, issues) without making it

environment: SLACK_BOT_TOKEN, SLACK_API_URL (another Slack API root), GITHUB_TOKEN, GITHUB_API_URL.`;
var FLAGS = {
  cwd: { type: "string" },
  jobs: { type: "string" },
  timeout: { type: "string" },
  against: { type: "string" },
  work: { type: "string" },
  "run-id": { type: "string" },
  "max-shards": { type: "string" },
  results: { type: "string" },
  "slack-channel": { type: "string" },
  now: { type: "boolean" },
  issues: { type: "string" },
  push: { type: "boolean" },
  "no-store": { type: "boolean" },
  html: { type: "string" },
  markdown: { type: "boolean" },
  json: { type: "boolean" },
  "dry-run": { type: "boolean" }
};
async function run(args, context) {
  const { values, positionals } = parseFlags(args, FLAGS, "compat", true);
  const mode = positionals[0] ?? "all";
  if (!["all", "plan", "report", "void"].includes(mode) || positionals.length > (mode === "void" ? 2 : 1)) {
    throw new SlipwayError("USAGE", `unknown compat mode "${positionals.join(" ")}"`, { hint: "use `slipway compat`, `slipway compat plan`, `slipway compat report` or `slipway compat void RUN`" });
  }
  const reporter = consoleReporter({ debug: context.debug });
  const cwd = resolve3(values.cwd ?? ".");
  const config = await loadConfig(cwd);
  const results = values["no-store"] ? void 0 : new ResultsBranch({ repoDir: cwd, branch: config.compat.results.branch, remote: config.compat.results.remote, push: values.push ?? false });
  if (mode === "void") {
    const runId = positionals[1];
    if (!runId) throw new SlipwayError("USAGE", "compat void needs the id of the run to remove", { hint: "e.g. `slipway compat void 1234567890` (the ids are the runs/*.json names on the results branch)" });
    if (!results) throw new SlipwayError("USAGE", "compat void changes the results branch; --no-store leaves it alone", { hint: "leave out --no-store" });
    const voided = await voidCompatRun({ config, reporter, results, runId, dryRun: values["dry-run"] ?? false });
    if (values.json) process.stdout.write(JSON.stringify(voided, null, 2) + "\n");
    return 0;
  }
  if (mode === "plan") {
    const maxShards = values["max-shards"] ? integer(values["max-shards"], "--max-shards", 1) : void 0;
    const { matrix, plan } = await planCompat({ cwd, config, reporter, maxShards, results, octokit: githubClient() });
    process.stdout.write(values.json ? JSON.stringify({ matrix, plan }, null, 2) + "\n" : JSON.stringify(matrix) + "\n");
    return 0;
  }
  const outputs = {
    slack: slackTarget(values, config),
    issues: issuesTarget(values, config),
    dryRun: values["dry-run"] ?? false,
    catalog: values["no-store"] ? void 0 : await catalogTarget(cwd, config, reporter)
  };
  let report;
  if (mode === "report") {
    report = await reportFromFiles(values, config, reporter, results, outputs);
  } else {
    const against = values.against ?? "develop";
    if (against !== "develop" && against !== "release") throw new SlipwayError("USAGE", `--against must be develop or release, got "${against}"`, { hint: "run `slipway compat --help`" });
    const local = await compatLocal({
      cwd,
      config,
      reporter,
      jobs: values.jobs ? integer(values.jobs, "--jobs", 1) : availableParallelism(),
      timeoutMs: values.timeout ? integer(values.timeout, "--timeout", 1) * 1e3 : void 0,
      against,
      workDir: values.work ? resolve3(values.work) : void 0,
      runId: values["run-id"],
      results,
      octokit: githubClient(),
      repository: outputs.issues ? `${outputs.issues.owner}/${outputs.issues.repo}` : void 0,
      ...outputs
    });
    reporter.info(`logs and shard results: ${local.workDir}`);
    report = local;
  }
  if (values.html) {
    await writeFile4(values.html, report.html);
    reporter.info(`HTML report written to ${values.html}`);
  }
  process.stdout.write(values.json ? JSON.stringify(report.run, null, 2) + "\n" : values.markdown ? report.summary : renderCompatText(report.run));
  return 0;
}
async function reportFromFiles(values, config, reporter, results, outputs) {
  if (!values.results || !values["run-id"]) {
    throw new SlipwayError("USAGE", "compat report needs --results DIR (the shard-*.json files) and --run-id ID", { hint: "run `slipway compat --help`" });
  }
  const dir = resolve3(values.results);
  const files = (await readdir2(dir)).filter((f) => /^shard-\d+\.json$/.test(f)).sort();
  if (files.length === 0) throw new SlipwayError("NOT_FOUND", "no shard-*.json files", { subject: dir, hint: "point --results at the folder the shard results were written to" });
  const shards = await Promise.all(files.map(async (f) => parseShardResult(await readFile4(join8(dir, f), "utf8"), join8(dir, f))));
  return reportCompat({
    config,
    reporter,
    shards,
    runId: values["run-id"],
    results,
    ...outputs,
    repository: outputs.issues ? `${outputs.issues.owner}/${outputs.issues.repo}` : void 0
  });
}
async function catalogTarget(cwd, config, reporter) {
  if (!config.compat.catalog) return void 0;
  try {
    return await catalogLocation(cwd, config, { token: process.env["GITHUB_TOKEN"] || void 0 });
  } catch (error) {
    reporter.debug(`catalog: not recording compatibility (${error.message})`);
    return void 0;
  }
}
function slackTarget(values, config) {
  const channel = values["slack-channel"] ?? config.slack.compat;
  if (!channel) return void 0;
  const token = slackTokenFromEnv();
  if (!token) {
    if (values["dry-run"]) return void 0;
    throw new SlipwayError("USAGE", `posting to Slack channel ${channel} needs a bot token`, { subject: "SLACK_BOT_TOKEN", hint: "set SLACK_BOT_TOKEN, or leave out --slack-channel (and slack.compat)" });
  }
  return { client: createSlackClient({ token, apiUrl: process.env["SLACK_API_URL"] }), channel, now: values.now ?? false };
}
function issuesTarget(values, config) {
  const repository = values.issues ?? (config.compat.issues.enabled ? config.compat.issues.repository : void 0);
  if (!repository) return void 0;
  const [owner, repo, extra] = repository.split("/");
  if (!owner || !repo || extra !== void 0) throw new SlipwayError("USAGE", `--issues must be owner/name, got "${repository}"`, { hint: "e.g. --issues acme/plugins" });
  const octokit = githubClient();
  if (!octokit) throw new SlipwayError("USAGE", `keeping issues in ${repository} needs a token`, { subject: "GITHUB_TOKEN", hint: "set GITHUB_TOKEN (issues: write), or leave out --issues" });
  return { octokit, owner, repo };
}
function githubClient() {
  const token = process.env["GITHUB_TOKEN"];
  if (!token) return void 0;
  return createGitHubClient({ token, baseUrl: process.env["GITHUB_API_URL"], log: (line) => process.stderr.write(`github: ${line}
`) });
}
function integer(text, flag, min) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new SlipwayError("USAGE", `${flag} must be a whole number of at least ${min}, got "${text}"`, { hint: "run `slipway compat --help`" });
  return value;
}
export {
  run,
  usage
};
