import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  commandPublisher,
  parsePlan,
  parsePlanHash,
  readPlanFile
} from "./chunk-M7GFUI4G.js";
import {
  renderPlanText
} from "./chunk-YJFMY5JB.js";
import {
  branchAllowed,
  pathRouter,
  planRelease,
  releaseBranches
} from "./chunk-GJFS7FR3.js";
import {
  hashPlan
} from "./chunk-XSZT4K7E.js";
import "./chunk-WMIOQNU6.js";
import {
  discoverFleet,
  pMap,
  updaterFor
} from "./chunk-4S7N4GC3.js";
import {
  require_semver
} from "./chunk-EO7ZISLG.js";
import {
  createGitHubClient
} from "./chunk-TU3GLH7N.js";
import {
  consoleReporter
} from "./chunk-NMLMUP2O.js";
import {
  currentBranch,
  execa,
  git,
  headSha,
  loadConfig,
  parseFlags,
  readLog,
  readTags,
  repositoryUrl,
  sha
} from "./chunk-TSSOH7H4.js";
import {
  SlipwayError,
  formatError,
  isSlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/cli/commands/release.ts
import { resolve } from "node:path";

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
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(?:es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

// src/jobs/release.ts
import { join as join3 } from "node:path";

// src/adapters/git-release.ts
async function readRemoteState(cwd, remote, branch, tags) {
  const patterns = [`refs/heads/${branch}`, ...tags.flatMap((t) => [`refs/tags/${t}`, `refs/tags/${t}^{}`])];
  const out = await git(cwd, ["ls-remote", remote, ...patterns]);
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
  const run2 = await execa("git", ["cat-file", "-e", `${commit}^{commit}`], { cwd, reject: false });
  return run2.exitCode === 0;
}
async function isAncestor(cwd, ancestor, descendant) {
  const run2 = await execa("git", ["merge-base", "--is-ancestor", ancestor, descendant], { cwd, reject: false });
  if (run2.exitCode === 0) return true;
  if (run2.exitCode === 1) return false;
  throw new SlipwayError("GIT_FAILED", `git merge-base failed: ${run2.stderr.trim()}`, { subject: `${ancestor.slice(0, 12)}..${descendant.slice(0, 12)}` });
}
async function fetchBranch(cwd, remote, branch) {
  await git(cwd, ["fetch", "--quiet", "--no-tags", remote, `refs/heads/${branch}`]);
  return sha(await git(cwd, ["rev-parse", "FETCH_HEAD"]));
}
async function fastForward(cwd, to) {
  await git(cwd, ["merge", "--ff-only", "--quiet", to]);
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
    await git(cwd, [...identity, "rebase", "--quiet", onto]);
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
  const run2 = await execa("git", ["show", `${commit}:${path}`], { cwd, reject: false, stripFinalNewline: false });
  return run2.exitCode === 0 ? run2.stdout : void 0;
}
async function commitPaths(cwd, message, paths) {
  const identity = await identityArgs(cwd);
  await git(cwd, ["add", "--", ...paths]);
  await git(cwd, [...identity, "commit", "--quiet", "--no-verify", "--file=-", "--", ...paths], { input: message });
  return sha(await git(cwd, ["rev-parse", "HEAD"]));
}
async function createAnnotatedTag(cwd, name, target, message, options = {}) {
  const identity = await identityArgs(cwd);
  await git(cwd, [...identity, "tag", "--annotate", ...options.force ? ["--force"] : [], "--file=-", name, target], { input: message });
}
async function commitMessage(cwd, commit) {
  return git(cwd, ["log", "-1", "--format=%B", commit]);
}
async function pushAtomic(cwd, remote, refspecs) {
  const run2 = await execa("git", ["push", "--atomic", "--porcelain", remote, ...refspecs], { cwd, reject: false, all: true });
  if (run2.exitCode === 0) return { ok: true };
  const output = run2.all ?? "";
  if (/\[rejected\][^\n]*\((?:fetch first|non-fast-forward)\)/.test(output)) return { ok: false, reason: "behind", message: "the remote branch has commits this one does not" };
  const lines = output.split("\n").map((l) => l.trim());
  const why = lines.find((l) => /^remote: /.test(l) && !/^remote:\s*$/.test(l))?.replace(/^remote:\s*/, "") ?? lines.find((l) => /\[remote rejected\]|\[rejected\]|^error:|^fatal:/.test(l)) ?? `git push exited with ${run2.exitCode}`;
  return { ok: false, reason: "rejected", message: why };
}
async function commitsBetween(cwd, from, to) {
  const out = await git(cwd, ["rev-list", `${from}..${to}`]);
  return out ? out.split("\n").map(sha) : [];
}

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

// src/adapters/registry/npm-registry.ts
var import_semver = __toESM(require_semver(), 1);
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  const pre = import_semver.default.prerelease(version);
  if (!pre) return void 0;
  const first = pre[0];
  return typeof first === "string" && /^[a-z][a-z0-9-]*$/i.test(first) ? first : "next";
}
async function publish(dir, opts) {
  const registry = registryUrl(opts.registry);
  const { name, version } = await readPackage(dir);
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
  const configDir = opts.token ? await mkdtemp(join(tmpdir(), "slipway-npmrc-")) : void 0;
  try {
    if (configDir && opts.token) {
      const userconfig = join(configDir, ".npmrc");
      await writeFile(userconfig, `${nerfDart(registry)}:_authToken=${opts.token}
`, { mode: 384 });
      args.push("--userconfig", userconfig);
    }
    const run2 = await execa("npm", args, {
      cwd: dir,
      all: true,
      reject: false,
      // npm asks for a one-time password on a terminal; here it must fail (EOTP) instead of hanging.
      stdin: "ignore",
      timeout: opts.timeoutMs ?? PUBLISH_TIMEOUT_MS
    });
    if (run2.exitCode === 0) return result(opts.dryRun ? "dry-run" : "published");
    const output = redact(run2.all ?? run2.message, opts.token);
    const failure = npmFailure(output);
    if (CONFLICT.test(output)) return result("already-published");
    if (failure.code === "E409" && await isPublished(name, version, opts)) return result("already-published");
    const why = run2.timedOut ? `npm publish timed out after ${Math.round((opts.timeoutMs ?? PUBLISH_TIMEOUT_MS) / 1e3)} s` : run2.exitCode === void 0 ? `could not run npm: ${redact(run2.originalMessage ?? run2.message ?? "spawn failed", opts.token)}` : failure.line;
    throw new SlipwayError("PUBLISH_FAILED", `publishing ${name}@${version} to ${registry} failed: ${why}`, {
      subject: `${name}@${version}`,
      hint: publishHint(failure, { name, registry, dir, hasToken: !!opts.token }),
      cause: new Error(lastLines(output, 30))
    });
  } finally {
    if (configDir) await rm(configDir, { recursive: true, force: true });
  }
}
function npmRegistry(opts) {
  const destination = registryUrl(opts.registry);
  return {
    destination,
    publishedVersions: (name) => publishedVersions(name, opts),
    isPublished: (name, version) => isPublished(name, version, opts),
    async publish(target, options = {}) {
      const manifest = await readPackage(target.dir);
      if (manifest.name !== target.name || manifest.version !== target.version) {
        throw new SlipwayError(
          "PUBLISH_FAILED",
          `${join(target.dir, "package.json")} says ${manifest.name}@${manifest.version}, but the plan publishes ${target.name}@${target.version}`,
          { subject: `${target.name}@${target.version}`, hint: "bump the manifest before publishing (the release job does this when it applies the plan)" }
        );
      }
      return publish(target.dir, { ...opts, ...options });
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
    return "a higher version is already published: pass a dist-tag for this older line (for example `v1`)";
  if (/\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN)\b|network/i.test(output) || code === "ETIMEDOUT")
    return `could not reach ${at.registry}: check the URL, the network and any proxy settings`;
  return `run \`npm publish --dry-run\` in ${at.dir} to see npm's full output`;
}
async function readPackage(dir) {
  const file = join(dir, "package.json");
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new SlipwayError("MANIFEST_MISSING", `no package.json to publish in ${dir}`, { subject: file, cause: error });
  }
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new SlipwayError("MANIFEST_INVALID", `package.json is not valid JSON: ${error.message}`, { subject: file, cause: error });
  }
  if (typeof manifest.name !== "string" || typeof manifest.version !== "string" || !import_semver.default.valid(manifest.version)) {
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

// src/adapters/release/journal-file.ts
import { mkdir, rename, writeFile as writeFile2 } from "node:fs/promises";
import { dirname } from "node:path";
var DEFAULT_INTERVAL_MS = 500;
function journalWriter(file, intervalMs = DEFAULT_INTERVAL_MS) {
  if (!file) return { save: async () => {
  }, flush: async () => {
  } };
  let made = false;
  let lastWrite = 0;
  let last = Promise.resolve();
  const write = (journal) => {
    const text = JSON.stringify(journal, null, 2) + "\n";
    lastWrite = Date.now();
    last = last.then(async () => {
      if (!made) {
        await mkdir(dirname(file), { recursive: true });
        made = true;
      }
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile2(temp, text);
      await rename(temp, file);
    });
    return last;
  };
  return {
    save: (journal) => Date.now() - lastWrite >= intervalMs ? write(journal) : last,
    flush: write
  };
}

// src/adapters/release/worktree-files.ts
import { mkdir as mkdir2, readFile as readFile2, writeFile as writeFile3 } from "node:fs/promises";
import { dirname as dirname2, join as join2 } from "node:path";
async function readWorktreeFile(root, path) {
  try {
    return await readFile2(join2(root, path), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}
async function writeWorktreeFile(root, path, text) {
  const full = join2(root, path);
  await mkdir2(dirname2(full), { recursive: true });
  await writeFile3(full, text);
}

// src/core/release/github-release-content.ts
var import_semver2 = __toESM(require_semver(), 1);
function githubReleaseContent(release) {
  const [heading, ...rest] = release.changelog.split("\n");
  const body = (heading?.startsWith("## ") ? rest : release.changelog.split("\n")).join("\n").trim();
  return {
    tag: release.tag,
    name: `${release.name} ${release.to}`,
    body: body === "" ? `Release ${release.name} ${release.to}.` : body,
    prerelease: import_semver2.default.prerelease(release.to) !== null
  };
}

// src/core/release/journal.ts
function newJournal(planHash, dryRun, now) {
  return { schemaVersion: 1, planHash, dryRun, startedAt: now, finishedAt: null, result: "running", error: null, entries: [] };
}
function resultLine(journal, released) {
  const count = (status) => journal.entries.filter((e) => e.status === status && e.step !== "verify" && e.step !== "sync").length;
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
      return `release failed${at}: ${journal.error?.message ?? "unknown error"} (steps ${tally()} before it; rerun with the same plan to finish: finished steps are skipped)`;
    }
    case "running":
      return `release running: steps ${tally()}`;
  }
}

// src/core/release/release-commit.ts
var PLAN_TRAILER = "Slipway-Plan";
var RELEASE_COMMIT_SUBJECT = "chore(release): publish";
function releaseCommitMessage(plan) {
  const list = plan.releases.map((r) => `- ${r.name}@${r.to}`);
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

// src/core/release/release-steps.ts
var STEP_KINDS = ["manifest", "changelog", "commit", "tag", "push", "github-release", "publish"];
var stepKey = (step) => step.plugin ? `${step.kind} ${step.plugin}` : step.kind;
function releaseSteps(plan) {
  const perPlugin = (kind) => plan.releases.map((r) => ({ kind, plugin: r.name }));
  const waves = publishWaves(plan.releases);
  const publish2 = plan.releases.filter((r) => !r.private).map((r) => ({ kind: "publish", plugin: r.name, wave: waves.get(r.name) })).sort((a, b) => a.wave - b.wave);
  return [...perPlugin("manifest"), ...perPlugin("changelog"), { kind: "commit" }, ...perPlugin("tag"), { kind: "push" }, ...perPlugin("github-release"), ...publish2];
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
  const stale = [];
  for (const commit of commits) {
    if (commit === releaseCommit || after.has(commit.sha)) continue;
    const plugins = /* @__PURE__ */ new Set();
    for (const file of commit.files) {
      const owner = router.pluginFor(file);
      if (owner !== void 0 && planned.has(owner)) plugins.add(owner);
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
function bumpedManifest(release, text) {
  const dependencies = Object.fromEntries(release.dependencyUpdates.map((u) => [u.name, u.to]));
  return updaterFor(release.ecosystem).update(text, { version: release.to, dependencies }, release.manifestFile);
}
function changelogWithSection(release, text) {
  return prependChangelogSection(text, release.changelog, release.to);
}
function plannedFiles(releases, changelogName) {
  const files = /* @__PURE__ */ new Map();
  const add = (path, release, kind) => files.set(path, [...files.get(path) ?? [], { release, kind }]);
  for (const release of releases) {
    add(release.manifestFile, release, "manifest");
    add(changelogPath(release, changelogName), release, "changelog");
  }
  return files;
}
function releasedContent(writers, base) {
  let text = base;
  for (const { release, kind } of writers) {
    if (kind === "changelog") text = changelogWithSection(release, text).text;
    else if (text !== void 0) text = bumpedManifest(release, text);
  }
  return text;
}

// src/jobs/release/release-state.ts
var DIVERGED_HINT = (remote, branch) => `bring the local branch in line with ${remote}/${branch} (git pull --rebase), then rerun`;
async function readReleaseState({ cwd, plan, config }) {
  const { remote, branch } = config.release;
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
  const files = plannedFiles(plan.releases, changelogName);
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
    if (now !== releasedContent(writers, base)) foreign.push(path);
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
  constructor(cause, journal) {
    const inner = isSlipwayError(cause) ? cause : void 0;
    super(inner?.code ?? "RELEASE_FAILED", inner?.message ?? formatError(cause), { subject: inner?.subject, hint: inner?.hint, cause });
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
  const finish = async (result, released, error) => {
    journal.result = result;
    journal.finishedAt = (/* @__PURE__ */ new Date()).toISOString();
    if (error) {
      const e = isSlipwayError(error.cause) ? error.cause : void 0;
      journal.error = { code: e?.code, message: e?.message ?? formatError(error.cause), hint: e?.hint, step: error.step };
    }
    await journalFile.flush(journal);
    return resultLine(journal, released);
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
  await save(journal);
  const run2 = new ReleaseRun({ options, plan, config, state, journal, save, dryRun, env });
  try {
    await run2.all();
  } catch (error) {
    const line2 = await finish("failed", names, { cause: error, step: run2.failedAt });
    reporter.error(line2);
    throw new ReleaseRunError(error, journal);
  }
  const line = await finish(dryRun ? "dry-run" : "released", names);
  reporter.info(line);
  return { journal, released: run2.released(), line };
}
var ReleaseRun = class {
  input;
  cwd;
  plan;
  reporter;
  byName;
  /** This plan's release commit, once made or found. */
  releaseCommit;
  releaseCommitOnRemote;
  remoteTags;
  localTags;
  github;
  publishers = /* @__PURE__ */ new Map();
  /** Notices already given (once per run, not once per plugin). */
  warned = /* @__PURE__ */ new Set();
  failedAt;
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
  released() {
    const entries = this.input.journal.entries;
    return this.plan.releases.map((r) => {
      const release = entries.find((e) => e.step === "github-release" && e.plugin === r.name);
      const publish2 = entries.find((e) => e.step === "publish" && e.plugin === r.name);
      return {
        name: r.name,
        version: r.to,
        tag: r.tag,
        githubRelease: release?.url,
        publish: r.private ? "private" : !publish2 || publish2.status === "skipped" ? "skipped" : publish2.status === "dry-run" ? "dry-run" : publish2.status === "done" ? "published" : "already-published"
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
      manifest: () => this.manifest(release),
      changelog: () => this.changelog(release),
      commit: () => this.commit(),
      tag: () => this.tag(release),
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
    const { remote, branch } = this.input.config.release;
    await this.record("sync", void 0, async () => {
      if (sync.kind === "fast-forward") {
        if (this.input.dryRun) return { status: "dry-run", detail: `fast-forward to ${remote}/${branch} at ${sync.to.slice(0, 7)} (its new commits touch no planned plugin)`, sha: sync.to };
        await fastForward(this.cwd, sync.to);
        return { status: "done", detail: `fast-forwarded to ${remote}/${branch} at ${sync.to.slice(0, 7)}: the release goes on top of its new commits, which touch no planned plugin`, sha: sync.to };
      }
      if (this.input.dryRun) return { status: "dry-run", detail: `replay the unpushed release commit ${sync.commit.slice(0, 7)} onto ${remote}/${branch} at ${sync.onto.slice(0, 7)}`, sha: sync.onto };
      this.releaseCommit = await this.replayOnto(sync.onto);
      return { status: "done", detail: `replayed the unpushed release commit ${sync.commit.slice(0, 7)} onto ${remote}/${branch} (${sync.onto.slice(0, 7)}) as ${this.releaseCommit.slice(0, 7)}`, sha: this.releaseCommit };
    });
  }
  // --- files and the release commit -------------------------------------------------------
  get committed() {
    return this.releaseCommit !== void 0;
  }
  async manifest(release) {
    const file = release.manifestFile;
    if (this.committed) return { status: "already-done", detail: `${file} is in the release commit ${this.releaseCommit.slice(0, 7)}` };
    const text = await readWorktreeFile(this.cwd, file);
    if (text === void 0) {
      throw new SlipwayError("MANIFEST_MISSING", `${file} does not exist`, { subject: release.name, hint: "the plugin moved since the plan was made: plan again" });
    }
    const next = bumpedManifest(release, text);
    if (next === text) return { status: "already-done", detail: `${file} already says ${release.to}` };
    const deps = release.dependencyUpdates.map((u) => `${u.name} ${u.from} \u2192 ${u.to}`);
    const detail = `${file}: ${release.from} \u2192 ${release.to}${deps.length ? `; ${deps.join(", ")}` : ""}`;
    if (this.input.dryRun) return { status: "dry-run", detail: `write ${detail}` };
    await writeWorktreeFile(this.cwd, file, next);
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
    const files = [...plannedFiles(this.plan.releases, this.input.config.release.changelog).keys()];
    if (this.input.dryRun) return { status: "dry-run", detail: `commit ${files.length} files: "${message.split("\n")[0]}" with trailer Slipway-Plan: ${this.plan.hash.slice(0, 19)}\u2026` };
    this.releaseCommit = await commitPaths(this.cwd, message, files);
    return { status: "done", detail: `committed ${files.length} files as ${this.releaseCommit.slice(0, 7)}`, sha: this.releaseCommit };
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
    const { remote, branch } = this.input.config.release;
    const tags = this.plan.releases.map((r) => r.tag);
    let target = this.releaseCommit;
    if (target === void 0) return { status: "dry-run", detail: `push the release commit and ${tags.length} tags to ${remote}/${branch} atomically` };
    const missing = () => tags.filter((t) => this.remoteTags.get(t) !== target);
    if (this.releaseCommitOnRemote && missing().length === 0) return { status: "already-done", detail: `${remote}/${branch} has ${target.slice(0, 7)} and all ${tags.length} tags`, sha: target };
    if (this.input.dryRun) return { status: "dry-run", detail: `git push --atomic ${remote} ${target.slice(0, 7)}:${branch} and ${missing().length} tags` };
    for (let attempt = 1; ; attempt++) {
      const tagsToPush = missing();
      const refspecs = [...this.releaseCommitOnRemote ? [] : [`${target}:refs/heads/${branch}`], ...tagsToPush.map((t) => `refs/tags/${t}:refs/tags/${t}`)];
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
  publisherFor(release) {
    const key = release.ecosystem === "npm" ? "npm" : "command";
    let publisher = this.publishers.get(key);
    if (!publisher) {
      const { options, config } = this.input;
      if (key === "npm") {
        publisher = npmRegistry({ registry: options.registry?.url ?? config.release.registry ?? DEFAULT_NPM_REGISTRY, token: options.registry?.token });
      } else {
        publisher = config.commands.publish ? commandPublisher(config.commands.publish) : { skipped: `no publish command for ${release.ecosystem} plugins (commands.publish in slipway.yml)` };
      }
      this.publishers.set(key, publisher);
    }
    return publisher;
  }
  async publish(release) {
    const publisher = this.publisherFor(release);
    if ("skipped" in publisher) {
      if (!this.warned.has(publisher.skipped)) this.reporter.warn(publisher.skipped);
      this.warned.add(publisher.skipped);
      return { status: "skipped", detail: publisher.skipped };
    }
    const where = publisher.destination;
    if (await publisher.isPublished(release.name, release.to) === true) {
      return { status: "already-done", detail: `${release.name}@${release.to} is already on ${where}`, url: where };
    }
    if (this.input.dryRun) return { status: "dry-run", detail: `publish ${release.name}@${release.to} to ${where}` };
    const provenance = release.ecosystem === "npm" && !!this.input.env["ACTIONS_ID_TOKEN_REQUEST_URL"];
    const result = await publisher.publish({ name: release.name, version: release.to, dir: join3(this.cwd, release.path) }, { provenance });
    return {
      status: result.status === "already-published" ? "already-done" : "done",
      detail: `${result.status === "already-published" ? "already on" : "published to"} ${where}${result.distTag ? ` (dist-tag ${result.distTag})` : ""}${provenance ? " with provenance" : ""}`,
      url: where
    };
  }
};
async function githubRepositoryOf(cwd, remote) {
  const url = await repositoryUrl(cwd, remote);
  return url?.replace(/^https:\/\/github\.com\//, "");
}

// src/cli/commands/release.ts
var usage = `usage: slipway release [options]

Ships a release plan: bumps manifests, prepends changelogs, makes one release commit and a
tag per plugin, pushes them atomically, creates GitHub Releases and publishes. Without --plan
it plans first. It shows the plan and asks for approval (y/N) before writing anything.
Rerunning after a failure finishes the job: steps already done are skipped.

options:
  --plan FILE          ship this plan (written by \`slipway plan --out FILE\`) instead of planning now
  --hash HASH          refuse the plan unless its hash is HASH (the one you approved)
  --yes                approve the plan without asking (no terminal needed)
  --dry-run            show each write (file, commit, tag, push, release, publish) without making it
  --registry URL       npm registry to publish to (default: release.registry in slipway.yml, else npmjs);
                       the token is read from NPM_TOKEN
  --github-url URL     GitHub API root, for GitHub Enterprise Server (default: https://api.github.com);
                       the token is read from GITHUB_TOKEN or GH_TOKEN \u2014 without one, GitHub Releases are skipped
  --repo OWNER/NAME    the GitHub repository for Releases (default: the remote's, when it is on github.com)
  --journal FILE       write the journal of what was done (JSON) to FILE
  --json               print the released plugins as JSON on stdout
  --cwd DIR            the repository (default: the current folder)
  --prerelease ID      when planning: prereleases on channel ID
  --date YYYY-MM-DD    when planning: the release date written into changelogs (default: today, UTC)`;
async function run(args, context, io = {}) {
  const { values } = parseFlags(
    args,
    {
      plan: { type: "string" },
      hash: { type: "string" },
      yes: { type: "boolean" },
      "dry-run": { type: "boolean" },
      registry: { type: "string" },
      "github-url": { type: "string" },
      repo: { type: "string" },
      journal: { type: "string" },
      json: { type: "boolean" },
      cwd: { type: "string" },
      prerelease: { type: "string" },
      date: { type: "string" }
    },
    "release"
  );
  const env = io.env ?? process.env;
  const output = io.output ?? process.stderr;
  const reporter = consoleReporter({ debug: context.debug, stream: output });
  const cwd = resolve(values.cwd ?? ".");
  const dryRun = values["dry-run"] ?? false;
  const source = values.plan ?? "the plan shown above";
  const plan = values.plan ? parsePlan(await readPlanFile(values.plan), values.plan) : (await planRelease({ cwd, reporter, prerelease: values.prerelease, date: values.date })).plan;
  output.write(renderPlanText(plan));
  if (plan.releases.length === 0) return 0;
  if (!dryRun && !values.yes) {
    if (!canPrompt({ input: io.input, output })) {
      throw new SlipwayError("USAGE", "a release needs your approval, and there is no terminal to ask at", {
        hint: "run it in a terminal to answer y/N, pass --yes to approve the plan shown, or --dry-run to only see the writes (on GitHub, the release workflow asks reviewers through its Environment)"
      });
    }
    const count = plan.releases.length;
    if (!await confirm(`
Release ${count} plugin${count === 1 ? "" : "s"} as shown (plan ${plan.hash.slice(0, 19)})?`, { input: io.input, output })) {
      reporter.info("not released: nothing was written");
      return 1;
    }
  }
  const expectedHash = values.hash ? parsePlanHash(values.hash, "--hash") : plan.hash;
  const result = await shipPlan({
    cwd,
    plan,
    planSource: source,
    expectedHash,
    reporter,
    dryRun,
    journalFile: values.journal ? resolve(values.journal) : void 0,
    github: { token: env["GITHUB_TOKEN"] || env["GH_TOKEN"] || void 0, baseUrl: values["github-url"], repository: values.repo },
    registry: { url: values.registry, token: env["NPM_TOKEN"] || void 0 },
    env
  });
  if (values.json) process.stdout.write(JSON.stringify(result.released, null, 2) + "\n");
  return 0;
}
export {
  run,
  usage
};
