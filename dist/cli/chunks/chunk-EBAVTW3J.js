import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  GitObjectReader
} from "./chunk-Z7O4MYUZ.js";
import {
  execa
} from "./chunk-YK4KFZUA.js";
import {
  git
} from "./chunk-4CSZ42WN.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";

// src/adapters/catalog/catalog-location.ts
import { isAbsolute, resolve } from "node:path";
async function catalogLocation(cwd, config, overrides = {}) {
  const branch = overrides.branch ?? config.catalog.branch;
  const repository = overrides.repository ?? config.catalog.repository ?? overrides.defaultRepository;
  const token = overrides.token;
  if (repository) return { url: repositoryUrl(repository, cwd, overrides.serverUrl), branch, token };
  const remote = config.release.remote;
  const url = await git(cwd, ["remote", "get-url", "--", remote]).catch((error) => {
    throw new SlipwayError("CONFIG_INVALID", `the catalog goes to the "${remote}" remote, which this repository does not have`, {
      subject: "catalog.repository",
      hint: "set catalog.repository in slipway.yml (owner/name, a git URL or a path), or pass --catalog-repository",
      cause: error
    });
  });
  return { url: /^[a-z][a-z0-9+.-]*:\/\/|^[^/]+@[^:]+:/i.test(url) ? url : resolve(cwd, url), branch, token };
}
function repositoryUrl(repository, cwd, serverUrl) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repository) || /^[^/]+@[^:]+:/.test(repository)) return repository;
  if (isAbsolute(repository) || repository.startsWith(".")) return resolve(cwd, repository);
  if (/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository)) {
    const server = (serverUrl || process.env["GITHUB_SERVER_URL"] || "https://github.com").replace(/\/+$/, "");
    return `${server}/${repository.replace(/\.git$/, "")}.git`;
  }
  return resolve(cwd, repository);
}

// src/adapters/catalog/catalog-branch.ts
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var DEFAULT_ATTEMPTS = 25;
var MAX_BACKOFF_MS = 2e3;
var TIP_REF = "refs/slipway/tip";
var NEW_REF = "refs/slipway/new";
var DEFAULT_AUTHOR = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };
async function updateCatalogBranch(location, compute, options) {
  const maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  return withScratchRepository(location, async (run, objects) => {
    for (let attempt = 1; ; attempt++) {
      const commit = await fetchTip(run, location);
      const { changes, message } = await compute(tipReader(run, objects, commit));
      const changed = [...changes.keys()];
      if (changed.length === 0) return { status: "unchanged", commit, changed, attempts: attempt };
      if (options.dryRun) {
        for (const [path, text] of changes) options.reporter.info(`would ${text === null ? "delete" : commit && await objects.read(commit, path) ? "update" : "create"} ${path}`);
        return { status: "dry-run", commit, changed, attempts: attempt };
      }
      const next = await writeCommit(run, commit, changes, message, options.author ?? DEFAULT_AUTHOR);
      const push = await pushCommit(run, location, next);
      if (push === "pushed") return { status: "committed", commit: next, changed, attempts: attempt };
      if (attempt >= maxAttempts) {
        throw new SlipwayError("GIT_FAILED", `the catalog branch kept moving: gave up after ${attempt} attempts (${push})`, {
          subject: `${location.branch} of ${redact(location.url)}`,
          hint: "other writers are updating the catalog at the same time; run again (indexing is idempotent) or raise --max-attempts"
        });
      }
      const waitMs = Math.random() * Math.min(MAX_BACKOFF_MS, (options.backoffMs ?? 50) * 2 ** (attempt - 1));
      options.reporter.debug(`catalog push lost a race (${push}); retrying from the new tip in ${Math.round(waitMs)} ms (attempt ${attempt + 1} of ${maxAttempts})`);
      await new Promise((resolve2) => setTimeout(resolve2, waitMs));
    }
  });
}
async function readCatalogBranch(location, fn) {
  return withScratchRepository(location, async (run, objects) => fn(tipReader(run, objects, await fetchTip(run, location))));
}
async function withScratchRepository(location, fn) {
  const scratch = await mkdtemp(join(tmpdir(), "slipway-catalog-"));
  const run = gitIn(scratch, location);
  try {
    await run(["init", "-q", "--bare", "--template="]);
    const objects = new GitObjectReader(scratch);
    try {
      return await fn(run, objects);
    } finally {
      await objects.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
function gitIn(dir, location) {
  const config = [
    ["gc.auto", "0"],
    ["maintenance.auto", "false"],
    ...Object.entries(authConfig(location))
  ];
  const env = {
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_COUNT: String(config.length),
    ...Object.fromEntries(config.flatMap(([key, value], i) => [[`GIT_CONFIG_KEY_${i}`, key], [`GIT_CONFIG_VALUE_${i}`, value]]))
  };
  const run = async (args, options = {}) => {
    const result = await execa("git", args, { cwd: dir, env, input: options.input, reject: false, stripFinalNewline: true });
    if (result.exitCode !== 0 && options.reject !== false) {
      const stderr = String(result.stderr).trim();
      const line = stderr.split("\n").find((l) => /^(fatal|error):/.test(l)) ?? stderr;
      throw new SlipwayError("GIT_FAILED", `git ${args[0]} failed: ${redact(line)}`, {
        subject: `${location.branch} of ${redact(location.url)}`,
        hint: location.token === void 0 && /^https?:/.test(location.url) ? "the catalog repository needs a token with contents: write (input catalog-token, or GITHUB_TOKEN)" : "check that the catalog repository exists and the token may push to it"
      });
    }
    return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? 1 };
  };
  return Object.assign(run, { dir });
}
function authConfig(location) {
  if (!location.token) return {};
  const origin = /^(https?:\/\/[^/]+)\//.exec(location.url)?.[1];
  if (!origin) return {};
  const basic = Buffer.from(`x-access-token:${location.token}`).toString("base64");
  return { [`http.${origin}/.extraheader`]: `AUTHORIZATION: basic ${basic}` };
}
function redact(url) {
  return url.replace(/\/\/[^/@]+@/, "//***@");
}
async function fetchTip(run, location) {
  const result = await run(["fetch", "-q", "--no-tags", "--depth=1", "--", location.url, `+refs/heads/${location.branch}:${TIP_REF}`], { reject: false });
  if (result.exitCode === 0) return fetchedTip(run);
  if (/couldn't find remote ref|no such ref|not our ref/i.test(result.stderr)) {
    await run(["update-ref", "-d", TIP_REF], { reject: false });
    return void 0;
  }
  await run(["fetch", "-q", "--no-tags", "--depth=1", "--", location.url, `+refs/heads/${location.branch}:${TIP_REF}`]);
  return fetchedTip(run);
}
async function fetchedTip(run) {
  const line = await readFile(join(run.dir, "FETCH_HEAD"), "utf8").catch(() => "");
  const oid = /^[0-9a-f]{40,64}\b/.exec(line)?.[0];
  return oid ?? (await run(["rev-parse", TIP_REF])).stdout;
}
function tipReader(run, objects, commit) {
  return {
    commit,
    read: async (path) => commit ? objects.readText(commit, path) : void 0,
    list: async (folder) => {
      if (!commit) return [];
      const out = (await run(["ls-tree", "-r", "-z", "--name-only", "--end-of-options", commit, "--", `${folder}/`])).stdout;
      return out.split("\0").filter(Boolean);
    }
  };
}
async function writeCommit(run, parent, changes, message, author) {
  const now = Math.floor(Date.now() / 1e3);
  const data = (text) => `data ${Buffer.byteLength(text)}
${text}
`;
  let stream = `commit ${NEW_REF}
mark :1
committer ${author.name} <${author.email}> ${now} +0000
${data(message)}`;
  if (parent) stream += `from ${parent}
`;
  for (const [path, text] of changes) {
    if (!/^[A-Za-z0-9._~/-]+$/.test(path)) throw new SlipwayError("CATALOG_INVALID", `refusing to write an unusual path`, { subject: path });
    stream += text === null ? `D ${path}
` : `M 100644 inline ${path}
${data(text)}`;
  }
  stream += "done\n";
  const marks = join(run.dir, "slipway-marks");
  await run(["fast-import", "--quiet", "--force", "--done", `--export-marks=${marks}`], { input: stream });
  const oid = /^:1 ([0-9a-f]{40,64})$/m.exec(await readFile(marks, "utf8"))?.[1];
  return oid ?? (await run(["rev-parse", NEW_REF])).stdout;
}
async function pushCommit(run, location, commit) {
  const result = await run(["push", "--porcelain", "--", location.url, `${commit}:refs/heads/${location.branch}`], { reject: false });
  if (result.exitCode === 0) return "pushed";
  const rejected = result.stdout.split("\n").find((line) => line.startsWith("!"));
  const reason = rejected?.split("	")[2] ?? "";
  if (/non-fast-forward|fetch first|stale info|failed to (update|lock)|cannot lock|incorrect old value|reference already exists/i.test(reason + result.stderr)) {
    return reason || "rejected";
  }
  throw new SlipwayError("GIT_FAILED", `pushing the catalog was refused: ${redact(reason || result.stderr.trim().split("\n").pop() || "unknown error")}`, {
    subject: `${location.branch} of ${redact(location.url)}`,
    hint: /protected|hook declined/i.test(reason + result.stderr) ? `the branch ${location.branch} is protected; let slipway's token push to it (or use a branch without protection for the catalog)` : "check that the token may push to the catalog repository (contents: write)"
  });
}

export {
  catalogLocation,
  updateCatalogBranch,
  readCatalogBranch
};
