import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  PLAN_SCHEMA_VERSION
} from "./chunk-MREMTMOB.js";
import {
  execa
} from "./chunk-YK4KFZUA.js";
import {
  _enum,
  array,
  boolean,
  discriminatedUnion,
  literal,
  strictObject,
  string
} from "./chunk-P343D4NB.js";
import {
  DEPENDENCY_KINDS,
  ECOSYSTEMS,
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/release/plan-schema.ts
var import_semver = __toESM(require_semver(), 1);
var version = string().refine((v) => import_semver.default.valid(v) === v, "must be a semver version");
var sha = string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, "must be a full commit SHA");
var PLAN_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;
var plannedCommit = strictObject({
  sha,
  type: string(),
  scope: string().nullable(),
  subject: string(),
  breaking: boolean(),
  author: string().min(1).max(200).optional()
});
var dependencyUpdate = strictObject({ name: string().min(1), kind: _enum(DEPENDENCY_KINDS), from: string(), to: string() });
var plannedRangeUpdate = strictObject({
  name: string().min(1),
  path: string(),
  ecosystem: _enum(ECOSYSTEMS),
  manifestFile: string().min(1),
  dependencyUpdates: array(dependencyUpdate).min(1)
});
var plannedRelease = strictObject({
  name: string().min(1),
  path: string(),
  ecosystem: _enum(ECOSYSTEMS),
  manifestFile: string().min(1),
  private: boolean(),
  from: version,
  to: version,
  bump: _enum(["major", "minor", "patch"]),
  reason: _enum(["commits", "changeset", "dependency", "group", "override"]),
  override: discriminatedUnion("source", [
    strictObject({ source: literal("set"), version }),
    strictObject({ source: literal("bump"), bump: _enum(["major", "minor", "patch"]) }),
    strictObject({ source: literal("release-as"), version, commit: sha })
  ]).optional(),
  tag: string().min(1),
  firstRelease: boolean(),
  commits: array(plannedCommit),
  dependencyUpdates: array(dependencyUpdate),
  dependents: array(string()),
  artifacts: array(string().min(1)).optional(),
  versionFiles: array(string().min(1)).optional(),
  nextSnapshot: version.optional(),
  changelog: string().startsWith("## ")
});
var releasePlan = strictObject({
  schemaVersion: literal(PLAN_SCHEMA_VERSION),
  baseSha: sha,
  date: string().regex(/^\d{4}-\d{2}-\d{2}$/),
  prerelease: string().nullable(),
  tagFormat: string(),
  releases: array(plannedRelease),
  rangeUpdates: array(plannedRangeUpdate),
  ignoredCommits: array(strictObject({ sha, header: string(), reason: string() })),
  warnings: array(string()),
  changesets: array(string().regex(/^\.changeset\/[^/]+\.md$/, "must be a .changeset/*.md file")).optional(),
  hash: string().regex(PLAN_HASH_PATTERN, "must be sha256:<64 hex digits>")
});
function parsePlan(json, source) {
  if (json && typeof json === "object" && "schemaVersion" in json && json.schemaVersion !== PLAN_SCHEMA_VERSION) {
    throw new SlipwayError("PLAN_INVALID", `the plan has schema version ${String(json.schemaVersion)}; this slipway reads version ${PLAN_SCHEMA_VERSION}`, {
      subject: source,
      hint: "plan and release with the same slipway version (plan again with this one)"
    });
  }
  const parsed = releasePlan.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(plan)"}: ${issue.message}`);
    throw new SlipwayError("PLAN_INVALID", `not a release plan: ${problems.join("; ")}`, {
      subject: source,
      hint: "pass the JSON file written by `slipway plan --out FILE` (or the plan job's artifact), unmodified"
    });
  }
  const plan = parsed.data;
  const tags = /* @__PURE__ */ new Set();
  const names = /* @__PURE__ */ new Set();
  for (const release of plan.releases) {
    if (tags.has(release.tag) || names.has(release.name)) {
      throw new SlipwayError("PLAN_INVALID", `the plan releases ${release.name} (tag ${release.tag}) twice`, { subject: source, hint: "plan again" });
    }
    tags.add(release.tag);
    names.add(release.name);
  }
  for (const update of plan.rangeUpdates) {
    if (names.has(update.name)) {
      throw new SlipwayError("PLAN_INVALID", `the plan both releases ${update.name} and lists it among the range updates of unreleased plugins`, { subject: source, hint: "plan again" });
    }
    names.add(update.name);
  }
  return plan;
}
function parsePlanHash(text, source) {
  const trimmed = text.trim();
  if (!PLAN_HASH_PATTERN.test(trimmed)) {
    throw new SlipwayError("INPUT_INVALID", `"${trimmed.slice(0, 80)}" is not a plan hash`, {
      subject: source,
      hint: "pass the plan job's `plan-hash` output: sha256: followed by 64 hex digits"
    });
  }
  return trimmed;
}

// src/adapters/registry/command-publisher.ts
var COMMAND_TIMEOUT_MS = 20 * 6e4;
function commandPublisher(command, options = {}) {
  const destination = `command: ${command}`;
  return {
    destination,
    publishedVersions: async () => void 0,
    isPublished: async () => void 0,
    async publish(target, publishOptions = {}) {
      const result = (status) => ({
        status,
        name: target.name,
        version: target.version,
        destination
      });
      const values = { name: target.name, version: target.version, path: target.dir };
      const filled = fillPlaceholders(command, values);
      if (publishOptions.dryRun) return result("dry-run");
      const timeoutMs = options.timeoutMs ?? COMMAND_TIMEOUT_MS;
      const run = await execa(filled, {
        shell: true,
        cwd: target.dir,
        env: { SLIPWAY_NAME: values.name, SLIPWAY_VERSION: values.version, SLIPWAY_PATH: values.path },
        all: true,
        reject: false,
        stdin: "ignore",
        timeout: timeoutMs
      });
      if (run.exitCode === 0) return result("published");
      const output = run.all ?? "";
      if (options.alreadyPublished?.test(output)) return result("already-published");
      const why = run.timedOut ? `timed out after ${Math.round(timeoutMs / 1e3)} s` : run.exitCode === void 0 ? `could not start: ${run.originalMessage ?? run.message}` : `exited with code ${run.exitCode}${lastLine(output) ? `: ${lastLine(output)}` : ""}`;
      throw new SlipwayError("PUBLISH_FAILED", `publishing ${target.name}@${target.version}: the publish command ${why}`, {
        subject: `${target.name}@${target.version}`,
        hint: `run it yourself in ${target.dir} to see why: ${filled}`,
        cause: new Error(output.split("\n").slice(-30).join("\n"))
      });
    }
  };
}
function fillPlaceholders(command, values) {
  return command.replace(/(?<!\$)\{(name|version|path)\}/g, (_, key) => shellWord(values[key]));
}
function shellWord(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
function lastLine(text) {
  return text.split("\n").map((line) => line.trim()).filter(Boolean).at(-1);
}

// src/adapters/validate/run-plugin-command.ts
async function runRootCommand(spec) {
  return runCommand(spec.command, spec.dir, {}, spec.timeoutMs);
}
var KILL_GRACE_MS = 5e3;
async function runPluginCommand(spec) {
  const command = fillPlaceholders(spec.command, { name: spec.name, version: spec.version, path: spec.dir });
  return runCommand(command, spec.dir, { SLIPWAY_NAME: spec.name, SLIPWAY_VERSION: spec.version, SLIPWAY_PATH: spec.dir }, spec.timeoutMs);
}
async function runCommand(command, dir, env, timeoutMs) {
  const started = performance.now();
  const child = execa(command, {
    shell: true,
    cwd: dir,
    env: { ...env, CI: process.env["CI"] ?? "true" },
    all: true,
    reject: false,
    stdin: "ignore",
    detached: true
  });
  let timedOut = false;
  const killGroup = (signal) => {
    try {
      if (child.pid !== void 0) process.kill(-child.pid, signal);
    } catch {
    }
  };
  let hardKill;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup("SIGTERM");
    hardKill = setTimeout(() => killGroup("SIGKILL"), KILL_GRACE_MS);
  }, timeoutMs);
  const result = await child;
  clearTimeout(timer);
  if (hardKill) clearTimeout(hardKill);
  killGroup("SIGKILL");
  const notStarted = result.exitCode === void 0 && !timedOut && !result.isTerminated;
  return {
    command,
    ok: result.exitCode === 0 && !timedOut,
    exitCode: result.exitCode,
    timedOut,
    durationMs: Math.round(performance.now() - started),
    output: String(result.all ?? ""),
    ...notStarted ? { startError: result.originalMessage ?? result.shortMessage } : {}
  };
}

// src/jobs/commands/chosen-commands.ts
async function chosenUnitCommand(configured, kind, fallback) {
  if (configured === void 0) return fallback();
  return configured.trim() === "" ? { skipped: `commands.${kind} is empty in slipway.yml` } : { command: configured };
}
async function chosenInstall(configured, fallback) {
  if (configured !== void 0) return configured.trim() === "" ? { skipped: "commands.install is empty in slipway.yml", dependenciesInPlace: false } : { command: configured, configured: true };
  if (!fallback) return { skipped: "no install command for this repository", dependenciesInPlace: false };
  if (!await fallback.needed()) return { skipped: `dependencies are in place (node_modules), \`${fallback.command}\` not run`, dependenciesInPlace: true };
  return { command: fallback.command, configured: false };
}
function installFix(choice, exitCode) {
  if (choice.configured) return "fix commands.install in slipway.yml";
  if (exitCode === 127) {
    return `put ${choice.command.split(" ")[0]} on PATH (\`corepack enable\` brings pnpm and Yarn, \`npm install --global bun\` Bun; slipway's reusable workflows do both), or set commands.install in slipway.yml`;
  }
  return "commit a lockfile that matches package.json (run the install locally), or set commands.install in slipway.yml";
}

// src/jobs/commands/command-report.ts
var TAIL_LINES = 20;
function commandFailure(kind, run, timeoutMinutes) {
  const why = run.startError ? `could not start: ${run.startError}` : run.timedOut ? `was stopped at its time limit of ${timeoutMinutes} min (validate.timeoutMinutes in slipway.yml)` : `failed with exit code ${run.exitCode} after ${seconds(run.durationMs)}`;
  const lines = run.output.trimEnd().split("\n");
  const tail = lines.slice(-TAIL_LINES).join("\n");
  return `${kind} \`${run.command}\` ${why}${tail ? `; last ${Math.min(lines.length, TAIL_LINES)} lines:
${tail}` : ""}`;
}
var seconds = (ms) => `${(ms / 1e3).toFixed(1)} s`;
var outcomeWords = (run) => run.ok ? `ok, ${seconds(run.durationMs)}` : run.timedOut ? "timed out" : `failed, exit ${run.exitCode ?? "?"}`;

// src/jobs/commands/run-install.ts
async function runInstall(cwd, choice, timeoutMinutes, reporter) {
  const result = await runRootCommand({ command: choice.command, dir: cwd, timeoutMs: timeoutMinutes * 6e4 });
  await reporter.group(`install: ${result.command} (${outcomeWords(result)})`, async () => {
    if (result.output) reporter.info(result.output);
  });
  if (result.ok) return { ok: true };
  return { ok: false, command: result.command, message: `${commandFailure("install", result, timeoutMinutes)}
(${installFix(choice, result.exitCode)})` };
}

export {
  PLAN_HASH_PATTERN,
  parsePlan,
  parsePlanHash,
  commandPublisher,
  runPluginCommand,
  chosenUnitCommand,
  chosenInstall,
  commandFailure,
  seconds,
  outcomeWords,
  runInstall
};
