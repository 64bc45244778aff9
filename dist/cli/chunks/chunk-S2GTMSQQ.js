import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  chosenInstall,
  chosenUnitCommand,
  commandFailure,
  commandPublisher,
  outcomeWords,
  parsePlan,
  runInstall,
  runPluginCommand
} from "./chunk-466ZC5TL.js";
import {
  createGitHubClient
} from "./chunk-KKM4JSI7.js";
import {
  branchAllowed,
  changedPaths,
  commitMessage,
  commitPaths,
  commitsBetween,
  createAnnotatedTag,
  detachedWorktree,
  fastForward,
  fetchBranch,
  fileAt,
  hasCommit,
  isAncestor,
  pushAtomic,
  readLocalTags,
  readRemoteState,
  rebaseOnto,
  releaseBranches,
  trackedPaths
} from "./chunk-TUTXVC6K.js";
import {
  bumpedManifest,
  bumpedVersionFile,
  changelogPath,
  changelogWithSection,
  npmRegistry,
  pathRouter,
  plannedFiles,
  preflight,
  readWorktreeFile,
  releasedContent,
  snapshotManifest,
  writeWorktreeFile
} from "./chunk-MREMTMOB.js";
import {
  hashPlan
} from "./chunk-7Y4KZRG2.js";
import {
  loadConfig
} from "./chunk-P343D4NB.js";
import {
  readChangesets
} from "./chunk-GW5QGPFC.js";
import {
  discoverFleet,
  fileExists,
  foldersWithManifest,
  pMap,
  parsePackageJson,
  readEach,
  readManifest,
  strategyFor,
  workspacePatterns
} from "./chunk-U3UJK7Z7.js";
import {
  terminalSafe
} from "./chunk-SMPAV5OI.js";
import {
  currentBranch,
  headSha,
  readLog,
  repositoryUrl
} from "./chunk-4CSZ42WN.js";
import {
  gitRefName,
  gitRemoteName,
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError,
  formatError,
  isSlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/adapters/terminal-prompt.ts
import { createInterface } from "node:readline/promises";
function canPrompt(streams = {}) {
  const input = streams.input ?? process.stdin;
  const output = streams.output ?? process.stderr;
  return input.isTTY === true && output.isTTY === true;
}
async function confirm(question, streams = {}) {
  const rl = createInterface({ input: streams.input ?? process.stdin, output: streams.output ?? process.stderr });
  try {
    const answer = await rl.question(`${terminalSafe(question)} [y/N] `);
    return /^y(?:es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

// src/jobs/release.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/adapters/github/releases.ts
var PER_PAGE = 100;
var toExisting = (r) => ({
  id: r.id,
  tag: r.tag_name,
  name: r.name,
  body: r.body ?? null,
  prerelease: r.prerelease,
  draft: r.draft,
  url: r.html_url
});
function githubReleases(octokit, repository) {
  const [owner, repo] = splitRepository(repository);
  const failed = (what, error) => apiError(`${what} in ${repository}`, repository, error);
  async function byTag(tag) {
    try {
      return toExisting((await octokit.rest.repos.getReleaseByTag({ owner, repo, tag })).data);
    } catch (error) {
      if (statusOf(error) === 404) return void 0;
      throw failed(`reading the release of ${tag}`, error);
    }
  }
  return {
    repository,
    async find(tags) {
      const missing = new Set(tags);
      const found = /* @__PURE__ */ new Map();
      if (missing.size === 0) return found;
      let pages = 0;
      let listedAll = true;
      try {
        for await (const page of octokit.paginate.iterator(octokit.rest.repos.listReleases, { owner, repo, per_page: PER_PAGE })) {
          pages += 1;
          for (const release of page.data) {
            if (missing.delete(release.tag_name)) found.set(release.tag_name, toExisting(release));
          }
          if (missing.size === 0 || !/rel="next"/.test(page.headers.link ?? "")) break;
          if (pages >= missing.size) {
            listedAll = false;
            break;
          }
        }
      } catch (error) {
        throw failed("listing releases", error);
      }
      if (!listedAll) {
        for (const tag of missing) {
          const release = await byTag(tag);
          if (release) found.set(tag, release);
        }
      }
      return found;
    },
    async create(input) {
      try {
        const { data } = await octokit.rest.repos.createRelease({
          owner,
          repo,
          tag_name: input.tag,
          target_commitish: input.target,
          name: input.name,
          body: input.body,
          prerelease: input.prerelease
        });
        return toExisting(data);
      } catch (error) {
        if (statusOf(error) === 422 && /already_exists/.test(JSON.stringify(error.response?.data ?? ""))) {
          const existing = await byTag(input.tag);
          if (existing) return existing;
        }
        throw failed(`creating the release of ${input.tag}`, error);
      }
    },
    async update(id, input) {
      try {
        const { data } = await octokit.rest.repos.updateRelease({
          owner,
          repo,
          release_id: id,
          name: input.name,
          body: input.body,
          prerelease: input.prerelease,
          draft: false
        });
        return toExisting(data);
      } catch (error) {
        throw failed(`updating the release of ${input.tag}`, error);
      }
    }
  };
}
function splitRepository(repository) {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repository);
  if (!match) {
    throw new SlipwayError("INPUT_INVALID", `"${repository}" is not a GitHub repository name`, { subject: "repository", hint: "use owner/name, e.g. acme/plugins" });
  }
  return [match[1], match[2]];
}
var statusOf = (error) => error.status;
function apiError(what, repository, error) {
  const status = statusOf(error);
  const message = error.message ?? String(error);
  const hint = status === 401 ? "the GitHub token is invalid or expired" : status === 403 || status === 404 ? `the token needs \`contents: write\` on ${repository} (workflow permissions), and the repository must exist` : status !== void 0 && status >= 500 ? "GitHub failed (after retries); rerun the release: finished steps are skipped" : "rerun the release: finished steps are skipped";
  return new SlipwayError("API_FAILED", `GitHub ${what} failed${status ? ` (HTTP ${status})` : ""}: ${message}`, { subject: repository, hint, cause: error });
}

// src/adapters/ecosystems/npm/workspace-packages.ts
import { posix } from "node:path";
async function workspacePackageVersions(root) {
  const rootPkg = await fileExists(root, "package.json") ? parsePackageJson(await readManifest(root, "package.json"), "package.json") : void 0;
  const workspace = await workspacePatterns(root, rootPkg);
  const versions = /* @__PURE__ */ new Map();
  if (!workspace) return versions;
  const folders = await foldersWithManifest(root, workspace.patterns, ["package.json"], []);
  const manifests = await readEach(folders, async (folder) => {
    const file = posix.join(folder, "package.json");
    return parsePackageJson(await readManifest(root, file), file);
  });
  for (const pkg of manifests) if (typeof pkg.name === "string" && typeof pkg.version === "string") versions.set(pkg.name, pkg.version);
  return versions;
}

// src/adapters/release/journal-file.ts
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";

// src/core/release/journal.ts
var PRE_STEPS = /* @__PURE__ */ new Set(["verify", "install", "build", "sync"]);
var isReleaseStep = (entry) => !PRE_STEPS.has(entry.step);
function newJournal(planHash, dryRun, now) {
  return { schemaVersion: 1, planHash, dryRun, startedAt: now, finishedAt: null, result: "running", error: null, entries: [] };
}
function runProgress(journal, total, rerun) {
  const done = journal.entries.filter((e) => isReleaseStep(e) && e.status !== "failed").length;
  return { done, left: Math.max(total - done, 0), rerun };
}
function finishHint(progress) {
  const steps = (n) => `${n} step${n === 1 ? "" : "s"}`;
  return `${steps(progress.done)} done, ${progress.left} left; rerun \`${progress.rerun}\` with the same plan to finish (finished steps are skipped)`;
}
function resultLine(journal, released, progress) {
  const count = (status) => journal.entries.filter((e) => e.status === status && isReleaseStep(e)).length;
  const seconds = journal.finishedAt ? ` in ${((Date.parse(journal.finishedAt) - Date.parse(journal.startedAt)) / 1e3).toFixed(1)} s` : "";
  const names = released.length > 5 ? `${released.slice(0, 5).join(", ")} and ${released.length - 5} more` : released.join(", ");
  const plugins = `${released.length} plugin${released.length === 1 ? "" : "s"}`;
  const tally = () => {
    const parts = [`${count("done")} done`];
    if (count("already-done")) parts.push(`${count("already-done")} already done`);
    if (count("skipped")) parts.push(`${count("skipped")} skipped`);
    return parts.join(", ");
  };
  switch (journal.result) {
    case "released":
      return `released ${plugins} (${names}): steps ${tally()}${seconds}`;
    case "nothing-to-release":
      return "nothing to release: the plan has no releases";
    case "dry-run":
      return `dry run: ${count("dry-run")} writes for ${plugins} (${names}) would be made${count("already-done") ? `, ${count("already-done")} are already done` : ""}; nothing was written`;
    case "refused":
      return `release refused, nothing was written: ${journal.error?.message ?? "unknown reason"}`;
    case "failed": {
      const at = journal.error?.step ? ` at ${journal.error.step}` : "";
      return `release failed${at}: ${journal.error?.message ?? "unknown error"} (steps ${tally()} before it); ${progress ? finishHint(progress) : "rerun with the same plan to finish: finished steps are skipped"}`;
    }
    case "running":
      return `release running: steps ${tally()}`;
  }
}

// src/adapters/release/journal-file.ts
function journalWriter(file) {
  if (!file) return { file, save: async () => {
  }, finish: async () => {
  } };
  let handle;
  let started = false;
  let written = 0;
  let last = Promise.resolve();
  const append = (journal, end) => {
    last = last.then(async () => {
      const upto = journal.entries.length;
      const lines = [];
      if (!started) lines.push({ type: "start", schemaVersion: 1, planHash: journal.planHash, dryRun: journal.dryRun, startedAt: journal.startedAt });
      for (const entry of journal.entries.slice(written, upto)) lines.push({ type: "entry", ...entry });
      if (end) lines.push({ type: "end", planHash: journal.planHash, result: journal.result, finishedAt: journal.finishedAt, error: journal.error });
      if (lines.length === 0) return;
      try {
        if (!handle) {
          await mkdir(dirname(file), { recursive: true });
          handle = await open(file, "a", 420);
        }
        await handle.write(lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
        await handle.datasync();
      } catch (error) {
        throw journalError(file, error);
      }
      started = true;
      written = upto;
      if (end) {
        await handle.close().catch(() => void 0);
        handle = void 0;
      }
    });
    return last;
  };
  return { file, save: (journal) => append(journal, false), finish: (journal) => append(journal, true) };
}
function journalError(file, error) {
  const code = error.code;
  return new SlipwayError("RELEASE_FAILED", `cannot write the release journal: ${code ?? ""}${code ? " " : ""}${error.message}`, {
    subject: file,
    hint: code === "ENOSPC" ? "the disk is full: free space" : code === "EROFS" || code === "EACCES" || code === "EPERM" ? "the journal folder is not writable: pass a writable --journal path" : "check the journal path",
    cause: error
  });
}

// src/core/release/github-release-content.ts
var import_semver = __toESM(require_semver(), 1);
function githubReleaseContent(release) {
  const [heading, ...rest] = release.changelog.split("\n");
  const body = (heading?.startsWith("## ") ? rest : release.changelog.split("\n")).join("\n").trim();
  return {
    tag: release.tag,
    name: `${release.name} ${release.to}`,
    body: body === "" ? `Release ${release.name} ${release.to}.` : body,
    prerelease: import_semver.default.prerelease(release.to) !== null
  };
}

// src/core/release/release-commit.ts
var PLAN_TRAILER = "Slipway-Plan";
var RELEASE_COMMIT_SUBJECT = "chore(release): publish";
function releaseCommitMessage(plan) {
  const list = plan.releases.map((r) => `- ${r.name}@${r.to}`);
  for (const update of plan.rangeUpdates ?? []) list.push(`- ${update.name}: ${update.dependencyUpdates.map((u) => `${u.name} ${u.to}`).join(", ")} (not released)`);
  return `${RELEASE_COMMIT_SUBJECT}

${list.join("\n")}

${PLAN_TRAILER}: ${plan.hash}
`;
}
function planHashInMessage(message) {
  const paragraphs = message.trimEnd().split(/\n[ \t]*\n/);
  const last = paragraphs.length > 1 ? paragraphs.at(-1) : "";
  const match = new RegExp(`^${PLAN_TRAILER}:[ \\t]*(sha256:[0-9a-f]{64})[ \\t]*$`, "m").exec(last);
  return match ? match[1] : void 0;
}
function tagMessage(release, hash) {
  return `${release.name} ${release.to}

${PLAN_TRAILER}: ${hash}
`;
}
var SNAPSHOT_TRAILER = "Slipway-Snapshot";
function snapshotCommitMessage(plan) {
  const list = plan.releases.filter((r) => r.nextSnapshot).map((r) => `- ${r.name} ${r.nextSnapshot}`);
  return `chore(version): next development version

${list.join("\n")}

${SNAPSHOT_TRAILER}: ${plan.hash}
`;
}
function snapshotHashInMessage(message) {
  const paragraphs = message.trimEnd().split(/\n[ \t]*\n/);
  const last = paragraphs.length > 1 ? paragraphs.at(-1) : "";
  const match = new RegExp(`^${SNAPSHOT_TRAILER}:[ \\t]*(sha256:[0-9a-f]{64})[ \\t]*$`, "m").exec(last);
  return match ? match[1] : void 0;
}

// src/core/release/release-steps.ts
var STEP_KINDS = ["manifest", "changelog", "commit", "tag", "snapshot", "push", "github-release", "publish"];
var stepKey = (step) => step.plugin ? `${step.kind} ${step.plugin}` : step.kind;
function releaseSteps(plan) {
  const perPlugin = (kind) => plan.releases.map((r) => ({ kind, plugin: r.name }));
  const rangeOnly = (plan.rangeUpdates ?? []).map((u) => ({ kind: "manifest", plugin: u.name }));
  const waves = publishWaves(plan.releases);
  const publish = plan.releases.filter((r) => !r.private).map((r) => ({ kind: "publish", plugin: r.name, wave: waves.get(r.name) })).sort((a, b) => a.wave - b.wave);
  const snapshot = plan.releases.some((r) => r.nextSnapshot !== void 0) ? [{ kind: "snapshot" }] : [];
  return [...perPlugin("manifest"), ...rangeOnly, ...perPlugin("changelog"), { kind: "commit" }, ...perPlugin("tag"), ...snapshot, { kind: "push" }, ...perPlugin("github-release"), ...publish];
}
function publishWaves(releases) {
  const planned = new Set(releases.map((r) => r.name));
  const waiting = new Map(releases.map((r) => [r.name, 0]));
  for (const r of releases) for (const d of r.dependents) if (planned.has(d) && d !== r.name) waiting.set(d, waiting.get(d) + 1);
  const dependentsOf = new Map(releases.map((r) => [r.name, r.dependents.filter((d) => planned.has(d) && d !== r.name)]));
  const wave = /* @__PURE__ */ new Map();
  let ready = releases.filter((r) => waiting.get(r.name) === 0).map((r) => r.name);
  for (let depth = 0; ready.length; depth++) {
    const next = [];
    for (const name of ready) {
      wave.set(name, depth);
      for (const dependent of dependentsOf.get(name)) {
        const left = waiting.get(dependent) - 1;
        waiting.set(dependent, left);
        if (left === 0) next.push(dependent);
      }
    }
    ready = next;
  }
  const last = wave.size ? Math.max(...wave.values()) + 1 : 0;
  for (const r of releases) if (!wave.has(r.name)) wave.set(r.name, last);
  return wave;
}

// src/core/release/verify-plan.ts
var REPLAN_HINT = "plan again (`slipway plan --out plan.json`, or rerun the release workflow) and approve the new plan";
function verifyPlanHash(plan, expected, source) {
  const actual = hashPlan(plan);
  if (actual !== plan.hash) {
    throw new SlipwayError("PLAN_TAMPERED", `the plan was changed after it was made: its content hashes to ${actual}, but it carries ${plan.hash}`, {
      subject: source,
      hint: `release the plan file exactly as the plan job wrote it, or ${REPLAN_HINT}`
    });
  }
  if (expected !== void 0 && expected !== plan.hash) {
    throw new SlipwayError("PLAN_TAMPERED", `this is not the approved plan: it is ${plan.hash}, the approved one is ${expected}`, {
      subject: source,
      hint: `the plan file and the approved hash must come from the same plan run; ${REPLAN_HINT}`
    });
  }
}
function checkHistory(plan, commits, router) {
  const releaseCommit = commits.find((c) => planHashInMessage(c.message) === plan.hash);
  const after = releaseCommit ? descendantsOf(releaseCommit.sha, commits) : /* @__PURE__ */ new Set();
  const planned = new Set(plan.releases.map((r) => r.name));
  const rangeManifests = new Map(plan.rangeUpdates.map((u) => [u.manifestFile, u.name]));
  const stale = [];
  for (const commit of commits) {
    if (commit === releaseCommit || after.has(commit.sha)) continue;
    const plugins = /* @__PURE__ */ new Set();
    for (const file of commit.files) {
      const owner = router.pluginFor(file);
      if (owner !== void 0 && planned.has(owner)) plugins.add(owner);
      const ranged = rangeManifests.get(file);
      if (ranged !== void 0) plugins.add(ranged);
    }
    if (plugins.size) stale.push({ sha: commit.sha, header: commit.message.split("\n", 1)[0], plugins: [...plugins].sort() });
  }
  return { releaseCommit, stale };
}
function staleError(plan, stale) {
  const plugins = [...new Set(stale.flatMap((c) => c.plugins))].sort();
  const shown = stale.slice(0, 10).map((c) => `${c.sha.slice(0, 7)} "${c.header}" (${c.plugins.join(", ")})`);
  const more = stale.length > shown.length ? `, and ${stale.length - shown.length} more` : "";
  return new SlipwayError(
    "PLAN_STALE",
    `the plan is stale: ${stale.length} commit${stale.length === 1 ? "" : "s"} since its base ${plan.baseSha.slice(0, 7)} change${stale.length === 1 ? "s" : ""} ${plugins.join(", ")}: ${shown.join("; ")}${more}`,
    { subject: `plan ${plan.hash.slice(0, 19)}`, hint: `those changes are not in the approved plan; ${REPLAN_HINT}` }
  );
}
function descendantsOf(root, commits) {
  const children = /* @__PURE__ */ new Map();
  for (const commit of commits) {
    for (const parent of commit.parents) {
      const list = children.get(parent) ?? [];
      list.push(commit.sha);
      children.set(parent, list);
    }
  }
  const seen = /* @__PURE__ */ new Set();
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.pop()) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return seen;
}

// src/jobs/release/release-build.ts
import { join } from "node:path";
function releasesToBuild(releases) {
  return releases.filter((r) => !r.private && strategyFor(r.ecosystem).buildsBeforeRelease);
}
async function buildBeforeRelease(input) {
  const { cwd, config, reporter } = input;
  const [first] = input.releases;
  if (!first) return;
  const defaults = await strategyFor(first.ecosystem).commandDefaults(cwd);
  const chosen = await Promise.all(input.releases.map(async (release) => ({ release, build: await chosenUnitCommand(config.commands.build, "build", () => defaults.build(release)) })));
  const builds = chosen.filter((c) => "command" in c.build);
  for (const c of chosen) if ("skipped" in c.build) reporter.debug(`build ${c.release.name}: ${c.build.skipped}`);
  if (builds.length === 0) return;
  if (defaults.tool) reporter.info(`package manager: ${defaults.tool}`);
  const folders = [...new Set(input.releases.map((r) => r.path || "."))];
  const changedBefore = new Set(await changedPaths(cwd, folders));
  await install(input, await chosenInstall(config.commands.install, defaults.install));
  const waves = publishWaves(builds.map((b) => b.release));
  const order = [.../* @__PURE__ */ new Set([...waves.values()])].sort((a, b) => a - b);
  let started = 0;
  let done = 0;
  for (const wave of order) {
    const failures = [];
    await pMap(
      builds.filter((b) => waves.get(b.release.name) === wave),
      async ({ release, build }) => {
        const where = release.path || ".";
        if (!input.dryRun) reporter.info(`building ${release.name} (${++started}/${builds.length}): ${build.command} in ${where}`);
        await input.record("build", release.name, () => buildOne(input, release, build.command)).catch((error) => {
          if (!(error instanceof SlipwayError)) throw error;
          failures.push(error);
        });
        reporter.progress("build", ++done, builds.length);
      },
      { concurrency: config.validate.concurrency }
    );
    const [failure, ...more] = failures;
    if (failure) throw more.length ? new SlipwayError("BUILD_FAILED", [failure, ...more].map((f) => f.message).join("\n\n"), { subject: failure.subject, hint: failure.hint }) : failure;
  }
  if (!input.dryRun) await refuseUnignoredOutput(cwd, folders, changedBefore);
}
async function install(input, choice) {
  const { cwd, config, reporter } = input;
  if ("skipped" in choice) {
    if (choice.dependenciesInPlace) reporter.info(`install: ${choice.skipped}`);
    return;
  }
  await input.record("install", void 0, async () => {
    const source = choice.configured ? "commands.install in slipway.yml" : "node_modules is missing";
    if (input.dryRun) return { status: "dry-run", detail: `run \`${choice.command}\` at the root (${source})` };
    reporter.info(`installing: ${choice.command} (${source})`);
    const result = await runInstall(cwd, choice, config.validate.timeoutMinutes, reporter);
    if (!result.ok) {
      throw new SlipwayError("BUILD_FAILED", result.message, {
        subject: "install",
        hint: "the release stopped before its first write: fix the install, then rerun the release with the same plan"
      });
    }
    return { status: "done", detail: `ran \`${choice.command}\` at the root` };
  });
}
async function buildOne(input, release, command) {
  const { cwd, config, reporter } = input;
  const where = release.path || ".";
  if (input.dryRun) return { status: "dry-run", detail: `run \`${command}\` in ${where}` };
  const result = await runPluginCommand({ command, dir: join(cwd, release.path), name: release.name, version: release.to, timeoutMs: config.validate.timeoutMinutes * 6e4 });
  await reporter.group(`build ${release.name}: ${result.command} (${outcomeWords(result)})`, async () => {
    if (result.output) reporter.info(result.output);
  });
  if (result.ok) return { status: "done", detail: `ran \`${result.command}\` in ${where} (${outcomeWords(result)})` };
  const fix = config.commands.build !== void 0 ? "fix commands.build in slipway.yml" : `fix the "build" script of ${where}/package.json`;
  throw new SlipwayError("BUILD_FAILED", `${release.name}: ${commandFailure("build", result, config.validate.timeoutMinutes)}`, {
    subject: release.name,
    hint: `the release stopped before its first write: ${fix} (try \`${result.command}\` in ${where}), then rerun the release with the same plan`
  });
}
async function refuseUnignoredOutput(cwd, folders, before) {
  const left = (await changedPaths(cwd, folders)).filter((path) => !before.has(path)).sort();
  if (left.length === 0) return;
  throw new SlipwayError("BUILD_FAILED", `the install or a build left files that git does not ignore in planned plugins: ${left.slice(0, 10).join(", ")}${left.length > 10 ? `, and ${left.length - 10} more` : ""}`, {
    subject: left[0],
    hint: "add the build output (dist/, node_modules/) to .gitignore and commit it; the release stopped before its first write"
  });
}

// src/jobs/release/release-state.ts
var DIVERGED_HINT = (remote, branch) => `bring the local branch in line with ${remote}/${branch} (git pull --rebase), then rerun`;
function releaseTarget(config) {
  return {
    remote: gitRemoteName(config.release.remote, "slipway.yml: release.remote"),
    branch: gitRefName(config.release.branch, "slipway.yml: release.branch")
  };
}
async function readReleaseState({ cwd, plan, config }) {
  const { remote, branch } = releaseTarget(config);
  const tags = plan.releases.map((r) => r.tag);
  const [head, remoteState, fleet] = await Promise.all([headSha(cwd), readRemoteState(cwd, remote, branch, tags), discoverFleet(cwd, config)]);
  const remoteTip = remoteState.branchTip;
  if (!await hasCommit(cwd, plan.baseSha)) {
    throw new SlipwayError("PLAN_STALE", `the plan's base commit ${plan.baseSha.slice(0, 12)} is not in this clone`, {
      subject: `plan ${plan.hash.slice(0, 19)}`,
      hint: "release from a clone with the full history (actions/checkout with fetch-depth: 0), or plan again here"
    });
  }
  if (remoteTip && remoteTip !== head && !await hasCommit(cwd, remoteTip)) await fetchBranch(cwd, remote, branch);
  const tips = [head, ...remoteTip && remoteTip !== head ? [remoteTip] : []];
  for (const tip of tips) {
    if (!await isAncestor(cwd, plan.baseSha, tip)) {
      if (tip !== head) await refuseUnpushedBase(cwd, plan, { remoteTip: tip, remote, branch });
      const which = tip === head ? "HEAD" : `${remote}/${branch}`;
      throw new SlipwayError("PLAN_STALE", `the plan's base commit ${plan.baseSha.slice(0, 7)} is not in the history of ${which} (${tip.slice(0, 7)}): the branch was rewritten or the plan was made elsewhere`, {
        subject: `plan ${plan.hash.slice(0, 19)}`,
        hint: `plan again on ${branch} and approve the new plan`
      });
    }
  }
  const commits = await commitsSince(cwd, plan.baseSha, tips);
  const router = pathRouter([...fleet.plugins, ...plan.releases.filter((r) => !fleet.plugins.some((p) => p.name === r.name))]);
  const history = checkHistory(plan, commits, router);
  if (history.stale.length) throw staleError(plan, history.stale);
  const releaseCommit = history.releaseCommit?.sha;
  const releaseCommitOnRemote = !!(releaseCommit && remoteTip && (releaseCommit === remoteTip || await isAncestor(cwd, releaseCommit, remoteTip)));
  const sync = await syncAction(cwd, { head, remoteTip, releaseCommit, remote, branch });
  const releaseCommitOnHead = !!releaseCommit && (releaseCommit === head || await isAncestor(cwd, releaseCommit, head));
  await refuseForeignChanges(cwd, plan, config.release.changelog, releaseCommitOnHead || releaseCommitOnRemote);
  return { head, remoteTip, remoteTags: remoteState.tags, releaseCommit, releaseCommitOnRemote, sync, commitsSinceBase: commits.length, router };
}
async function refuseUnpushedBase(cwd, plan, at) {
  const unpushed = await commitsBetween(cwd, at.remoteTip, plan.baseSha);
  if (unpushed.length === 0 || !await isAncestor(cwd, at.remoteTip, plan.baseSha)) return;
  throw new SlipwayError("PLAN_STALE", `the plan was made on ${unpushed.length} local commit${unpushed.length === 1 ? "" : "s"} that ${at.remote}/${at.branch} does not have (${unpushed.slice(0, 5).map((c) => c.slice(0, 7)).join(", ")}${unpushed.length > 5 ? ", \u2026" : ""}): they are not pushed`, {
    subject: `${at.remote}/${at.branch}`,
    hint: `push them first (git push ${at.remote} HEAD:${at.branch}) and rerun with the same plan, or plan again from ${at.remote}/${at.branch}`
  });
}
async function commitsSince(cwd, base, tips) {
  const seen = /* @__PURE__ */ new Map();
  for (const tip of tips) for (const commit of await readLog(cwd, { to: tip, exclude: [base] })) seen.set(commit.sha, commit);
  return [...seen.values()];
}
async function syncAction(cwd, at) {
  const { head, remoteTip, releaseCommit, remote, branch } = at;
  if (!remoteTip || remoteTip === head) return { kind: "none" };
  if (await isAncestor(cwd, head, remoteTip)) return { kind: "fast-forward", to: remoteTip };
  if (await isAncestor(cwd, remoteTip, head)) return { kind: "none" };
  const unpushed = await commitsBetween(cwd, remoteTip, head);
  if (releaseCommit && unpushed.includes(releaseCommit)) return { kind: "rebase", commit: releaseCommit, onto: remoteTip };
  throw new SlipwayError("RELEASE_FAILED", `the local branch and ${remote}/${branch} have diverged: ${unpushed.length} local commit${unpushed.length === 1 ? "" : "s"} (${unpushed.slice(0, 5).map((c) => c.slice(0, 7)).join(", ")}) are not on the remote, and the remote has commits that are not here`, {
    subject: `${remote}/${branch}`,
    hint: DIVERGED_HINT(remote, branch)
  });
}
async function refuseForeignChanges(cwd, plan, changelogName, committed) {
  const files = plannedFiles(plan, changelogName);
  const folders = [...new Set(plan.releases.map((r) => r.path || "."))];
  const changed = await changedPaths(cwd, [...folders, ...files.keys()]);
  const foreign = [];
  for (const path of changed) {
    const writers = files.get(path);
    if (!writers || committed) {
      foreign.push(path);
      continue;
    }
    const [now, base] = await Promise.all([readWorktreeFile(cwd, path), fileAt(cwd, "HEAD", path)]);
    if (now !== releasedContent(path, writers, base)) foreign.push(path);
  }
  if (foreign.length) {
    foreign.sort();
    throw new SlipwayError("RELEASE_FAILED", `uncommitted changes in planned plugins would be published without being approved: ${foreign.slice(0, 10).join(", ")}${foreign.length > 10 ? `, and ${foreign.length - 10} more` : ""}`, {
      subject: cwd,
      hint: "commit them (and plan again) or set them aside (git stash --include-untracked), then rerun"
    });
  }
}

// src/jobs/release.ts
var DEFAULT_NPM_REGISTRY = "https://registry.npmjs.org/";
var PUSH_ATTEMPTS = 3;
var ReleaseRunError = class extends SlipwayError {
  journal;
  /** `finish`: how to finish a release stopped after it started writing; it follows the cause's own hint. */
  constructor(cause, journal, finish) {
    const inner = isSlipwayError(cause) ? cause : void 0;
    const hint = [inner?.hint, finish].filter(Boolean).join("; then ") || void 0;
    super(inner?.code ?? "RELEASE_FAILED", inner?.message ?? formatError(cause), { subject: inner?.subject, hint, cause });
    this.journal = journal;
  }
};
async function withReleaseBranch(cwd, config) {
  const branch = await currentBranch(cwd);
  if (branch === void 0 || branch === config.release.branch) return config;
  const allowed = releaseBranches(config);
  if (!branchAllowed(branch, allowed)) {
    throw new SlipwayError("BRANCH_NOT_ALLOWED", `releases do not ship from branch "${branch}" (release.branches: ${allowed.join(", ")})`, {
      subject: "release.branches",
      hint: `check out a release branch, or add a pattern for "${branch}" to release.branches in slipway.yml`
    });
  }
  return { ...config, release: { ...config.release, branch } };
}
async function shipPlan(options) {
  const { cwd, reporter } = options;
  const dryRun = options.dryRun ?? false;
  const env = options.env ?? process.env;
  const source = options.planSource ?? "the plan";
  const journalFile = journalWriter(options.journalFile);
  const save = (j) => journalFile.save(j);
  const journal = newJournal(null, dryRun, (/* @__PURE__ */ new Date()).toISOString());
  const rerun = options.rerun ?? `slipway release --plan ${source}`;
  const finish = async (result, released, error, progress) => {
    journal.result = result;
    journal.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    if (error) {
      const e = isSlipwayError(error.cause) ? error.cause : void 0;
      journal.error = { code: e?.code, message: e?.message ?? formatError(error.cause), hint: e?.hint, step: error.step };
    }
    await journalFile.finish(journal).catch((journalError2) => reporter.warn(formatError(journalError2)));
    return resultLine(journal, released, progress);
  };
  const verifyStarted = (/* @__PURE__ */ new Date()).toISOString();
  let plan;
  let config;
  let state;
  try {
    plan = parsePlan(options.plan, source);
    journal.planHash = plan.hash;
    verifyPlanHash(plan, options.expectedHash, source);
    if (plan.releases.length === 0) {
      const line2 = await finish("nothing-to-release", []);
      reporter.info(line2);
      return { journal, released: [], line: line2 };
    }
    config = await withReleaseBranch(cwd, options.config ?? await loadConfig(cwd));
    state = await readReleaseState({ cwd, plan, config });
    await preflight({ cwd, plan, changelogName: config.release.changelog, now: options.now ?? /* @__PURE__ */ new Date() });
    if (!dryRun) await checkRegistries(cwd, plan, options, config);
  } catch (error) {
    const line2 = await finish("refused", [], { cause: error, step: "verify" });
    reporter.error(line2);
    throw new ReleaseRunError(error, journal);
  }
  const names = plan.releases.map((r) => `${r.name}@${r.to}`);
  journal.entries.push({
    step: "verify",
    status: "done",
    startedAt: verifyStarted,
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    detail: `plan ${plan.hash} verified${options.expectedHash ? " and approved" : ""}: ${state.commitsSinceBase} commit(s) since its base ${plan.baseSha.slice(0, 7)}, none touching a planned plugin; release commit: ${state.releaseCommit ? state.releaseCommit.slice(0, 7) : "not made yet"}`,
    sha: plan.baseSha
  });
  const run = new ReleaseRun({ options, plan, config, state, journal, save, dryRun, env });
  try {
    await save(journal);
    await run.build();
    await run.all();
  } catch (error) {
    if (run.stoppedInBuild && state.releaseCommit === void 0) {
      const line3 = await finish("refused", [], { cause: error, step: run.failedAt });
      reporter.error(line3);
      throw new ReleaseRunError(error, journal);
    }
    const progress = runProgress(journal, releaseSteps(plan).length, rerun);
    const line2 = await finish("failed", names, { cause: error, step: run.failedAt }, progress);
    reporter.error(line2);
    throw new ReleaseRunError(error, journal, finishHint(progress));
  }
  const line = await finish(dryRun ? "dry-run" : "released", names);
  reporter.info(line);
  return { journal, released: run.released(), line };
}
var ReleaseRun = class {
  input;
  cwd;
  plan;
  reporter;
  byName;
  /** This plan's release commit, once made or found. */
  releaseCommit;
  /** The SNAPSHOT cycle's commit on top of it (next development versions), once made or found. */
  snapshotCommit;
  releaseCommitOnRemote;
  remoteTags;
  localTags;
  github;
  publishers = /* @__PURE__ */ new Map();
  workspaceVersions;
  changesetAccess;
  /** Notices already given (once per run, not once per plugin). */
  warned = /* @__PURE__ */ new Set();
  failedAt;
  /** The run stopped in the install or a build, before any release step. */
  stoppedInBuild = false;
  constructor(input) {
    this.input = input;
    this.cwd = input.options.cwd;
    this.plan = input.plan;
    this.reporter = input.options.reporter;
    this.byName = new Map(input.plan.releases.map((r) => [r.name, r]));
    this.releaseCommit = input.state.releaseCommit;
    this.releaseCommitOnRemote = input.state.releaseCommitOnRemote;
    this.remoteTags = new Map(input.state.remoteTags);
  }
  async all() {
    await this.sync();
    const steps = releaseSteps(this.plan);
    for (const kind of STEP_KINDS) {
      const group = steps.filter((s) => s.kind === kind);
      if (group.length === 0) continue;
      await this.reporter.group(`${kind} (${group.length})`, async () => {
        if (kind !== "publish") {
          let done = 0;
          for (const step of group) {
            await this.step(step);
            this.reporter.progress(kind, ++done, group.length);
          }
          return;
        }
        const waves = [...new Set(group.map((s) => s.wave))];
        for (const wave of waves) {
          const results = await pMap(group.filter((s) => s.wave === wave), (step) => this.step(step).then(() => void 0, (error) => error), {
            concurrency: this.input.options.publishConcurrency ?? 4
          });
          const failure = results.find((r) => r !== void 0);
          if (failure !== void 0) throw failure;
        }
      });
    }
  }
  /**
   * Installs and builds what publishing needs, before the first write (./release/release-build.ts).
   * A resumed run (the release commit exists) builds only the packages still to publish: the
   * checkout may be a fresh one (a rerun of the ship job) whose build output is gone, and an
   * earlier run's output, if any, cannot be told from a stale one. With every version out,
   * nothing is installed or built.
   */
  async build() {
    const candidates = releasesToBuild(this.plan.releases);
    let releases = candidates;
    if (this.releaseCommit !== void 0 && candidates.length) {
      const unpublished = await Promise.all(candidates.map(async (r) => !await this.publishedAlready(r)));
      releases = candidates.filter((_, i) => unpublished[i]);
      const published = candidates.filter((_, i) => !unpublished[i]).map((r) => `${r.name}@${r.to}`);
      if (published.length) this.reporter.info(`build: ${published.join(", ")} ${published.length === 1 ? "is" : "are"} published already, not built again`);
    }
    try {
      await buildBeforeRelease({ cwd: this.cwd, config: this.input.config, releases, dryRun: this.input.dryRun, reporter: this.reporter, record: (step, plugin, work) => this.record(step, plugin, work) });
    } catch (error) {
      this.stoppedInBuild = true;
      throw error;
    }
  }
  /** Whether this release's version is on its registry already (a resumed run); nothing to publish counts as published. */
  async publishedAlready(release) {
    const found = await this.publisherFor(release);
    if ("skipped" in found) return true;
    return await found.client.isPublished(release.name, release.to) === true;
  }
  released() {
    const entries = this.input.journal.entries;
    return this.plan.releases.map((r) => {
      const release = entries.find((e) => e.step === "github-release" && e.plugin === r.name);
      const publish = entries.find((e) => e.step === "publish" && e.plugin === r.name);
      return {
        name: r.name,
        version: r.to,
        tag: r.tag,
        githubRelease: release?.url,
        publish: r.private ? "private" : !publish || publish.status === "skipped" ? "skipped" : publish.status === "dry-run" ? "dry-run" : publish.status === "done" ? "published" : "already-published"
      };
    });
  }
  // --- the journal frame around every step ------------------------------------------------
  async record(step, plugin, work) {
    const key = stepKey({ kind: step, plugin });
    const startedAt = (/* @__PURE__ */ new Date()).toISOString();
    let entry;
    try {
      const outcome = await work();
      entry = { step, ...plugin ? { plugin } : {}, startedAt, finishedAt: (/* @__PURE__ */ new Date()).toISOString(), ...outcome };
    } catch (error) {
      this.failedAt ??= key;
      this.input.journal.entries.push({ step, ...plugin ? { plugin } : {}, status: "failed", startedAt, finishedAt: (/* @__PURE__ */ new Date()).toISOString(), detail: formatError(error) });
      throw error;
    }
    this.input.journal.entries.push(entry);
    await this.input.save(this.input.journal);
    const line = `${key}: ${entry.detail}`;
    if (entry.status === "done" || entry.status === "dry-run") this.reporter.info(`  ${entry.status === "dry-run" ? "would" : "\u2713"} ${line}`);
    else this.reporter.debug(`  ${entry.status}: ${line}`);
    try {
      await this.input.options.afterStep?.(entry);
    } catch (error) {
      this.failedAt ??= `after ${key}`;
      throw error;
    }
  }
  step(step) {
    const release = step.plugin ? this.byName.get(step.plugin) : void 0;
    const work = {
      manifest: () => this.manifest(release ?? this.rangeUpdateOf(step.plugin)),
      changelog: () => this.changelog(release),
      commit: () => this.commit(),
      tag: () => this.tag(release),
      snapshot: () => this.snapshot(),
      push: () => this.push(),
      "github-release": () => this.githubRelease(release),
      publish: () => this.publish(release)
    };
    return this.record(step.kind, step.plugin, work[step.kind]);
  }
  // --- sync: the release goes on top of the remote branch --------------------------------
  async sync() {
    const { sync } = this.input.state;
    if (sync.kind === "none") return;
    const { remote, branch } = releaseTarget(this.input.config);
    await this.record("sync", void 0, async () => {
      if (sync.kind === "fast-forward") {
        if (this.input.dryRun) return { status: "dry-run", detail: `fast-forward to ${remote}/${branch} at ${sync.to.slice(0, 7)} (its new commits touch no planned plugin)`, sha: sync.to };
        await fastForward(this.cwd, sync.to);
        return { status: "done", detail: `fast-forwarded to ${remote}/${branch} at ${sync.to.slice(0, 7)}: the release goes on top of its new commits, which touch no planned plugin`, sha: sync.to };
      }
      if (this.input.dryRun) return { status: "dry-run", detail: `replay the unpushed release commit ${sync.commit.slice(0, 7)} onto ${remote}/${branch} at ${sync.onto.slice(0, 7)}`, sha: sync.onto };
      this.releaseCommit = await this.replayOnto(sync.onto);
      this.snapshotCommit = await this.findSnapshotCommit();
      return { status: "done", detail: `replayed the unpushed release commit ${sync.commit.slice(0, 7)} onto ${remote}/${branch} (${sync.onto.slice(0, 7)}) as ${this.releaseCommit.slice(0, 7)}`, sha: this.releaseCommit };
    });
  }
  // --- files and the release commit -------------------------------------------------------
  get committed() {
    return this.releaseCommit !== void 0;
  }
  rangeUpdateOf(name) {
    const update = this.plan.rangeUpdates.find((u) => u.name === name);
    if (!update) throw new SlipwayError("PLAN_INVALID", `the plan has no release or range update of ${String(name)}`, { hint: "plan again" });
    return update;
  }
  async manifest(release) {
    const file = release.manifestFile;
    if (this.committed) return { status: "already-done", detail: `${file} is in the release commit ${this.releaseCommit.slice(0, 7)}` };
    const text = await readWorktreeFile(this.cwd, file);
    if (text === void 0) {
      throw new SlipwayError("MANIFEST_MISSING", `${file} does not exist`, { subject: release.name, hint: "the plugin moved since the plan was made: plan again" });
    }
    const next = bumpedManifest(release, text);
    const others = [];
    const to = release.to;
    for (const other of release.versionFiles ?? []) {
      if (to === void 0) break;
      const current = await readWorktreeFile(this.cwd, other);
      if (current === void 0) throw new SlipwayError("MANIFEST_MISSING", `${other} does not exist`, { subject: release.name, hint: "the module moved since the plan was made: plan again" });
      others.push({ file: other, text: current, next: bumpedVersionFile({ ecosystem: release.ecosystem, to }, current, other) });
    }
    const changed = others.filter((o) => o.next !== o.text);
    if (next === text && changed.length === 0) return { status: "already-done", detail: `${file} already says ${release.to ?? "the planned ranges"}` };
    const deps = release.dependencyUpdates.map((u) => `${u.name} ${u.from} \u2192 ${u.to}${u.kind === "runtime" ? "" : ` (${u.kind})`}`);
    const version = release.from !== void 0 && release.to !== void 0 ? `${release.from} \u2192 ${release.to}` : "not released";
    const modules = others.length ? `; ${others.length} module${others.length === 1 ? "" : "s"} follow` : "";
    const detail = `${file}: ${version}${deps.length ? `; ${deps.join(", ")}` : ""}${modules}`;
    if (this.input.dryRun) return { status: "dry-run", detail: `write ${detail}` };
    if (next !== text) await writeWorktreeFile(this.cwd, file, next);
    for (const other of changed) await writeWorktreeFile(this.cwd, other.file, other.next);
    return { status: "done", detail };
  }
  async changelog(release) {
    const file = changelogPath(release, this.input.config.release.changelog);
    if (this.committed) return { status: "already-done", detail: `${file} is in the release commit ${this.releaseCommit.slice(0, 7)}` };
    const text = await readWorktreeFile(this.cwd, file);
    const edit = changelogWithSection(release, text);
    if (!edit.changed) return { status: "already-done", detail: `${file} already has a ${release.to} section` };
    const detail = `${file}: ${text === void 0 ? "created with" : "prepended"} the ${release.to} section`;
    if (this.input.dryRun) return { status: "dry-run", detail: `write ${detail}` };
    await writeWorktreeFile(this.cwd, file, edit.text);
    return { status: "done", detail };
  }
  async commit() {
    if (this.committed) return { status: "already-done", detail: `release commit ${this.releaseCommit.slice(0, 7)} (found by its Slipway-Plan trailer)`, sha: this.releaseCommit };
    const message = releaseCommitMessage(this.plan);
    const files = [...plannedFiles(this.plan, this.input.config.release.changelog).keys()];
    const consumed = await trackedPaths(this.cwd, this.plan.changesets ?? []);
    if (this.input.dryRun) return { status: "dry-run", detail: `commit ${files.length} files${consumed.length ? ` and delete ${consumed.join(", ")}` : ""}: "${message.split("\n")[0]}" with trailer Slipway-Plan: ${this.plan.hash.slice(0, 19)}\u2026` };
    await Promise.all(consumed.map((file) => rm(join2(this.cwd, file), { force: true })));
    this.releaseCommit = await commitPaths(this.cwd, message, [...files, ...consumed]);
    return { status: "done", detail: `committed ${files.length} files as ${this.releaseCommit.slice(0, 7)}`, sha: this.releaseCommit };
  }
  /**
   * The SNAPSHOT cycle: on top of the release commit, a commit that writes each unit's next
   * development version (1.9.9-SNAPSHOT). The tags stay on the release commit; the push sends
   * both commits and the tags atomically, so the remote never has one without the other.
   */
  async snapshot() {
    const releases = this.plan.releases.filter((r) => r.nextSnapshot !== void 0);
    const versions = releases.map((r) => `${r.name} ${r.nextSnapshot}`).join(", ");
    if (this.releaseCommit === void 0) return { status: "dry-run", detail: `commit the next development version${releases.length === 1 ? "" : "s"} ${versions} on top of the release commit` };
    if (this.releaseCommitOnRemote) return { status: "already-done", detail: `pushed with the release commit ${this.releaseCommit.slice(0, 7)}` };
    this.snapshotCommit ??= await this.findSnapshotCommit();
    if (this.snapshotCommit) return { status: "already-done", detail: `SNAPSHOT commit ${this.snapshotCommit.slice(0, 7)} (found by its Slipway-Snapshot trailer)`, sha: this.snapshotCommit };
    const writes = [];
    for (const release of releases) {
      for (const file of [release.manifestFile, ...release.versionFiles ?? []]) {
        const text = await readWorktreeFile(this.cwd, file);
        if (text === void 0) throw new SlipwayError("MANIFEST_MISSING", `${file} does not exist`, { subject: release.name, hint: "restore it from the release commit and rerun" });
        writes.push({ file, text: snapshotManifest(release, text, file) });
      }
    }
    if (this.input.dryRun) return { status: "dry-run", detail: `commit ${versions} in ${writes.length} file(s)` };
    for (const write of writes) await writeWorktreeFile(this.cwd, write.file, write.text);
    this.snapshotCommit = await commitPaths(this.cwd, snapshotCommitMessage(this.plan), writes.map((w) => w.file));
    return { status: "done", detail: `committed ${versions} as ${this.snapshotCommit.slice(0, 7)}`, sha: this.snapshotCommit };
  }
  /** This plan's SNAPSHOT commit among the local commits after the release commit, if an earlier run made it. */
  async findSnapshotCommit() {
    if (this.releaseCommit === void 0) return void 0;
    const after = await readLog(this.cwd, { to: "HEAD", exclude: [this.releaseCommit] });
    return after.find((c) => snapshotHashInMessage(c.message) === this.plan.hash)?.sha;
  }
  // --- tags and the push ------------------------------------------------------------------
  async tag(release) {
    const tag = release.tag;
    const target = this.releaseCommit;
    const onRemote = this.remoteTags.get(tag);
    const conflict = (where, at) => new SlipwayError("RELEASE_FAILED", `tag ${tag} already exists ${where} and points at ${at.slice(0, 7)}, not at this plan's release commit${target ? ` ${target.slice(0, 7)}` : ""}`, {
      subject: tag,
      hint: where === "on the remote" ? "a pushed tag is never moved: if that release is wrong, plan a new version; if the tag was pushed by mistake, delete it on the remote yourself and rerun" : `if the local tag is a leftover, delete it (git tag -d ${tag}) and rerun`
    });
    if (onRemote !== void 0) {
      if (target !== void 0 && onRemote === target) return { status: "already-done", detail: `${tag} is on the remote at ${target.slice(0, 7)}`, sha: target };
      if (target !== void 0 || !this.input.dryRun) throw conflict("on the remote", onRemote);
    }
    this.localTags ??= await readLocalTags(this.cwd, this.plan.releases.map((r) => r.tag));
    const local = this.localTags.get(tag);
    if (target === void 0) {
      if (onRemote !== void 0 || local !== void 0) throw conflict(onRemote !== void 0 ? "on the remote" : "here", onRemote ?? local);
      return { status: "dry-run", detail: `create annotated tag ${tag} on the release commit` };
    }
    if (local === target) return { status: "already-done", detail: `${tag} points at the release commit ${target.slice(0, 7)}`, sha: target };
    if (local !== void 0) {
      if (planHashInMessage(await commitMessage(this.cwd, local)) !== this.plan.hash) throw conflict("here", local);
      if (this.input.dryRun) return { status: "dry-run", detail: `move ${tag} from ${local.slice(0, 7)} to ${target.slice(0, 7)}` };
      await createAnnotatedTag(this.cwd, tag, target, tagMessage(release, this.plan.hash), { force: true });
      this.localTags.set(tag, target);
      return { status: "done", detail: `moved ${tag} from the replayed ${local.slice(0, 7)} to ${target.slice(0, 7)}`, sha: target };
    }
    if (this.input.dryRun) return { status: "dry-run", detail: `create annotated tag ${tag} on ${target.slice(0, 7)}` };
    await createAnnotatedTag(this.cwd, tag, target, tagMessage(release, this.plan.hash));
    this.localTags.set(tag, target);
    return { status: "done", detail: `created ${tag} on ${target.slice(0, 7)}`, sha: target };
  }
  async push() {
    const { remote, branch } = releaseTarget(this.input.config);
    const tags = this.plan.releases.map((r) => r.tag);
    let target = this.releaseCommit;
    if (target === void 0) return { status: "dry-run", detail: `push the release commit and ${tags.length} tags to ${remote}/${branch} atomically` };
    const missing = () => tags.filter((t) => this.remoteTags.get(t) !== target);
    if (this.releaseCommitOnRemote && missing().length === 0) return { status: "already-done", detail: `${remote}/${branch} has ${target.slice(0, 7)} and all ${tags.length} tags`, sha: target };
    if (this.input.dryRun) return { status: "dry-run", detail: `git push --atomic ${remote} ${target.slice(0, 7)}:${branch} and ${missing().length} tags` };
    for (let attempt = 1; ; attempt++) {
      const tagsToPush = missing();
      const branchTip = this.snapshotCommit ?? target;
      const refspecs = [...this.releaseCommitOnRemote ? [] : [`${branchTip}:refs/heads/${branch}`], ...tagsToPush.map((t) => `refs/tags/${t}:refs/tags/${t}`)];
      const outcome = await pushAtomic(this.cwd, remote, refspecs);
      if (outcome.ok) {
        for (const t of tags) this.remoteTags.set(t, target);
        this.releaseCommitOnRemote = true;
        const replayed = attempt > 1 ? ` (replayed onto ${attempt - 1} concurrent push${attempt > 2 ? "es" : ""})` : "";
        return { status: "done", detail: `pushed ${target.slice(0, 7)} and ${tagsToPush.length} tags to ${remote}/${branch}${replayed}`, sha: target };
      }
      if (outcome.reason === "rejected" || attempt >= PUSH_ATTEMPTS) {
        throw new SlipwayError("RELEASE_FAILED", `${remote} refused the push of the release: ${outcome.message}`, {
          subject: `${remote}/${branch}`,
          hint: "nothing was pushed (the push is atomic); fix the cause (branch protection, hooks, permissions) and rerun: the release commit and tags are reused"
        });
      }
      target = await this.replayOntoRemote(remote, branch);
    }
  }
  /**
   * The remote branch moved while we released. If its new commits touch no planned plugin, the
   * release commit is replayed on top of them and the (never pushed) tags follow it; otherwise
   * the plan is stale.
   */
  async replayOntoRemote(remote, branch) {
    const tip = await fetchBranch(this.cwd, remote, branch);
    const commits = await readLog(this.cwd, { to: tip, exclude: [this.plan.baseSha] });
    const history = checkHistory(this.plan, commits, this.input.state.router);
    if (history.stale.length) {
      const error = staleError(this.plan, history.stale);
      throw new SlipwayError("PLAN_STALE", `${error.message} (pushed to ${remote}/${branch} while releasing)`, {
        subject: error.subject,
        hint: `${error.hint}. Nothing was pushed; drop the local release commit and tags first (git reset --hard ${remote}/${branch}; git tag -d <the plan's tags>)`
      });
    }
    this.releaseCommit = await this.replayOnto(tip);
    if (this.snapshotCommit !== void 0) this.snapshotCommit = await this.findSnapshotCommit();
    this.reporter.info(`  ${remote}/${branch} moved on to ${tip.slice(0, 7)}; replayed the release commit as ${this.releaseCommit.slice(0, 7)}`);
    for (const release of this.plan.releases) {
      await createAnnotatedTag(this.cwd, release.tag, this.releaseCommit, tagMessage(release, this.plan.hash), { force: true });
      this.localTags?.set(release.tag, this.releaseCommit);
    }
    return this.releaseCommit;
  }
  /** Replays the unpushed local commits onto `onto` and returns the release commit's new SHA (found by its trailer). */
  async replayOnto(onto) {
    await rebaseOnto(this.cwd, onto);
    const replayed = (await readLog(this.cwd, { to: "HEAD", exclude: [onto] })).find((c) => planHashInMessage(c.message) === this.plan.hash);
    if (!replayed) throw new SlipwayError("RELEASE_FAILED", `the release commit is missing after replaying onto ${onto.slice(0, 7)}`, { hint: "inspect `git log`; rerun to start from what is there" });
    return replayed.sha;
  }
  // --- GitHub Releases and publishing ------------------------------------------------------
  async githubTarget() {
    return this.github ??= await this.makeGitHubTarget();
  }
  async makeGitHubTarget() {
    const { options, config, env } = this.input;
    if (!config.release.githubRelease) return { skipped: "GitHub Releases are turned off (release.githubRelease: false in slipway.yml)" };
    const github = options.github ?? {};
    const client = github.client ?? (github.token ? createGitHubClient({ token: github.token, baseUrl: github.baseUrl, log: (line) => this.reporter.debug(line) }) : void 0);
    if (!client) return { skipped: "no GitHub token (GITHUB_TOKEN): GitHub Releases are skipped" };
    const repository = github.repository ?? env["GITHUB_REPOSITORY"] ?? await githubRepositoryOf(this.cwd, config.release.remote);
    if (!repository) return { skipped: "no GitHub repository (the remote is not on github.com; pass the repository): GitHub Releases are skipped" };
    return { releases: githubReleases(client, repository) };
  }
  async githubRelease(release) {
    const target = await this.githubTarget();
    if ("skipped" in target) {
      if (!this.warned.has(target.skipped)) this.reporter.warn(target.skipped);
      this.warned.add(target.skipped);
      return { status: "skipped", detail: target.skipped };
    }
    target.existing ??= await target.releases.find(this.plan.releases.map((r) => r.tag));
    const content = githubReleaseContent(release);
    const found = target.existing.get(release.tag);
    if (found && !found.draft && found.body === content.body && found.name === content.name && found.prerelease === content.prerelease) {
      return { status: "already-done", detail: `${release.tag} has its GitHub Release`, id: found.id, url: found.url };
    }
    if (this.input.dryRun) return { status: "dry-run", detail: `${found ? "update" : "create"} the GitHub Release ${content.name}${content.prerelease ? " (prerelease)" : ""} in ${target.releases.repository}` };
    const made = found ? await target.releases.update(found.id, content) : await target.releases.create({ ...content, target: this.releaseCommit });
    target.existing.set(release.tag, made);
    return { status: "done", detail: `${found ? "updated" : "created"} the GitHub Release ${content.name}`, id: made.id, url: made.url };
  }
  /** The publisher and the folder it runs in: slipway.yml's command in the unit's folder, else the ecosystem's default. */
  async publisherFor(release) {
    const { options, config } = this.input;
    const root = this.cwd;
    const unitDir = join2(root, release.path);
    if (config.commands.publish) {
      const client = this.cachedPublisher("configured", () => commandPublisher(config.commands.publish));
      return { client, root, dir: unitDir };
    }
    const fallback = await strategyFor(release.ecosystem).publishDefault(root, { path: release.path });
    switch (fallback.kind) {
      case "npm-registry":
        return {
          client: this.cachedPublisher("npm", () => npmRegistry({ registry: options.registry?.url ?? config.release.registry ?? DEFAULT_NPM_REGISTRY, token: options.registry?.token })),
          root,
          dir: unitDir
        };
      case "command":
        return {
          client: this.cachedPublisher(`${fallback.command}`, () => commandPublisher(fallback.command, fallback.alreadyPublished ? { alreadyPublished: fallback.alreadyPublished } : {})),
          root,
          dir: fallback.cwd
        };
      case "none":
        return { skipped: fallback.reason };
    }
  }
  cachedPublisher(key, make) {
    let publisher = this.publishers.get(key);
    if (!publisher) this.publishers.set(key, publisher = make());
    return publisher;
  }
  /**
   * Runs `work` in the publisher's folder as it is at the release commit. After the SNAPSHOT
   * commit the working tree says 1.9.9-SNAPSHOT, so the build is run from a detached checkout of
   * the release commit instead (built from exactly what was tagged).
   */
  async fromReleaseCommit(release, found, work) {
    if (release.nextSnapshot === void 0 || this.releaseCommit === void 0 || await headSha(this.cwd) === this.releaseCommit) return work(found.dir);
    const parent = await temporaryFolder();
    const checkout = join2(parent, "release");
    const remove = await detachedWorktree(this.cwd, checkout, this.releaseCommit);
    try {
      return await work(join2(checkout, found.dir.slice(found.root.length)));
    } finally {
      await remove();
      await rm(parent, { recursive: true, force: true });
    }
  }
  async publish(release) {
    const found = await this.publisherFor(release);
    if ("skipped" in found) {
      if (!this.warned.has(found.skipped)) this.reporter.warn(found.skipped);
      this.warned.add(found.skipped);
      return { status: "skipped", detail: found.skipped };
    }
    const publisher = found.client;
    const where = publisher.destination;
    if (await publisher.isPublished(release.name, release.to) === true) {
      return { status: "already-done", detail: `${release.name}@${release.to} is already on ${where}`, url: where };
    }
    if (this.input.dryRun) return { status: "dry-run", detail: `publish ${release.name}@${release.to} to ${where}` };
    const provenance = release.ecosystem === "npm" && !!this.input.env["ACTIONS_ID_TOKEN_REQUEST_URL"];
    if (release.ecosystem === "npm") this.workspaceVersions ??= workspacePackageVersions(this.cwd);
    const workspaceVersions = release.ecosystem === "npm" ? await this.workspaceVersions : void 0;
    this.changesetAccess ??= readChangesets(this.cwd, []).then((c) => c.config.access);
    const access = release.ecosystem === "npm" ? await this.changesetAccess : void 0;
    const distTag = this.input.options.registry?.distTag ?? this.input.config.release.distTag;
    const result = await this.fromReleaseCommit(
      release,
      found,
      (dir) => publisher.publish({ name: release.name, version: release.to, dir, ...workspaceVersions ? { workspaceVersions } : {} }, { provenance, ...access ? { access } : {}, ...distTag ? { distTag } : {} })
    );
    return {
      status: result.status === "already-published" ? "already-done" : "done",
      detail: `${result.status === "already-published" ? "already on" : "published to"} ${where}${result.distTag ? ` (dist-tag ${result.distTag})` : ""}${provenance ? " with provenance" : ""}`,
      url: where
    };
  }
};
async function checkRegistries(cwd, plan, options, config) {
  if (config.commands.publish) return;
  for (const release of plan.releases) {
    if (release.private) continue;
    if ((await strategyFor(release.ecosystem).publishDefault(cwd, { path: release.path })).kind !== "npm-registry") continue;
    await npmRegistry({ registry: options.registry?.url ?? config.release.registry ?? DEFAULT_NPM_REGISTRY, token: options.registry?.token }).checkAccess?.(release.name);
    return;
  }
}
async function temporaryFolder() {
  return mkdtemp(join2(tmpdir(), "slipway-publish-"));
}
async function githubRepositoryOf(cwd, remote) {
  const url = await repositoryUrl(cwd, remote);
  return url?.replace(/^https:\/\/github\.com\//, "");
}

export {
  canPrompt,
  confirm,
  ReleaseRunError,
  shipPlan
};
