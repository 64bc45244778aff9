import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  sha,
  tagName
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";

// src/adapters/git.ts
import { existsSync } from "node:fs";

// src/adapters/git-log.ts
var LOG_ARGS = ["log", "-z", "--name-status", "--no-renames", "--no-color", "--format=%H%x00%P%x00%aI%x00%an%x00%B"];
var SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var PARENTS = /^(?:[0-9a-f]{40}|[0-9a-f]{64})(?: (?:[0-9a-f]{40}|[0-9a-f]{64}))*$/;
var STATUS = /^\n?[A-Z]$/;
var LogParser = class {
  commits = [];
  pending = "";
  expect = "sha";
  current;
  onCommit;
  /** `onCommit` is called with each commit once its last file is read (at the next commit, or at the end). */
  constructor(onCommit) {
    this.onCommit = onCommit;
  }
  push(chunk) {
    const text = this.pending + chunk;
    let start = 0;
    for (let end = text.indexOf("\0"); end !== -1; end = text.indexOf("\0", start)) {
      this.field(text.slice(start, end));
      start = end + 1;
    }
    this.pending = text.slice(start);
  }
  /** The commits, once git has exited; throws when the output ended inside a commit. */
  end() {
    if (this.pending !== "" || this.expect !== "sha" && this.expect !== "status-or-sha") {
      throw new Error(`git log output ended inside a commit (expected its ${this.expect})`);
    }
    if (this.current) this.onCommit?.(this.current);
    this.current = void 0;
    return this.commits;
  }
  field(value) {
    switch (this.expect) {
      case "status-or-sha":
        if (STATUS.test(value)) {
          this.expect = "path";
          return;
        }
        this.expect = "sha";
        this.field(value);
        return;
      case "path":
        this.current?.files.push(value);
        this.expect = "status-or-sha";
        return;
      case "sha":
        if (!SHA.test(value)) throw new Error(`git log output is not framed as expected: "${value.slice(0, 80)}" where a commit SHA belongs`);
        if (this.current) this.onCommit?.(this.current);
        this.current = { sha: sha(value), parents: [], date: "", author: "", message: "", files: [] };
        this.commits.push(this.current);
        this.expect = "parents";
        return;
      case "parents":
        if (value !== "" && !PARENTS.test(value)) throw new Error(`git log output is not framed as expected: "${value.slice(0, 80)}" where parent SHAs belong`);
        this.at().parents = value === "" ? [] : value.split(" ").map((p) => sha(p));
        this.expect = "date";
        return;
      case "date":
        this.at().date = value;
        this.expect = "author";
        return;
      case "author":
        this.at().author = value;
        this.expect = "message";
        return;
      case "message":
        this.at().message = value;
        this.expect = "status-or-sha";
        return;
    }
  }
  at() {
    if (!this.current) throw new Error("git log output is not framed as expected: a field before the first commit");
    return this.current;
  }
};

// src/adapters/git-process.ts
import { spawn } from "node:child_process";
var GitProcessError = class extends Error {
  stderr;
  exitCode;
  /** The system error code when git could not start (ENOENT: not installed, or no such folder). */
  code;
  constructor(args, details) {
    const why = details.code ? `could not start (${details.code})` : `exited with ${details.exitCode}`;
    super(`git ${args.slice(0, 3).join(" ")} ${why}${details.stderr ? `: ${details.stderr}` : ""}`, { cause: details.cause });
    this.name = "GitProcessError";
    this.stderr = details.stderr ?? "";
    this.exitCode = details.exitCode;
    this.code = details.code;
  }
};
function runGit(cwd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, env: options.env ? { ...process.env, ...options.env } : process.env, signal: options.signal });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", options.onStdout ?? ((chunk) => stdout += chunk));
    child.stderr.on("data", (chunk) => stderr += chunk);
    child.on("error", (error) => reject(new GitProcessError(args, { code: error.code ?? "EUNKNOWN", cause: error })));
    child.on("close", (exitCode) => resolve({ stdout: stdout.replace(/\r?\n$/, ""), stderr: stderr.trim(), exitCode: exitCode ?? -1 }));
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input);
  });
}
async function gitOutput(cwd, args, options = {}) {
  const result = await runGit(cwd, args, options);
  if (result.exitCode !== 0) throw new GitProcessError(args, { stderr: result.stderr, exitCode: result.exitCode });
  return result.stdout;
}

// src/adapters/git.ts
async function git(cwd, args, options = {}) {
  try {
    return await gitOutput(cwd, args, options);
  } catch (error) {
    throw gitError(cwd, args, error);
  }
}
function gitError(cwd, args, error) {
  const stderr = error instanceof GitProcessError ? error.stderr : "";
  if (!existsSync(cwd)) {
    return new SlipwayError("USAGE", "the folder does not exist", { subject: cwd, hint: "pass the folder of your repository (--cwd, or working-directory in a workflow)", cause: error });
  }
  if (/not a git repository/i.test(stderr)) {
    return new SlipwayError("GIT_FAILED", "not in a git repository", {
      subject: cwd,
      hint: "run slipway in a clone of your repository (git init and a first commit for a new one; actions/checkout with fetch-depth: 0 in a workflow)",
      cause: error
    });
  }
  if (error instanceof GitProcessError && error.code === "ENOENT") {
    return new SlipwayError("USAGE", "git is not installed (or not on PATH)", { subject: "git", hint: "install git and run again", cause: error });
  }
  if (/ambiguous argument 'HEAD'|unknown revision or path not in the working tree/i.test(stderr) && args.includes("HEAD")) {
    return new SlipwayError("GIT_FAILED", "the repository has no commit yet", { subject: cwd, hint: 'commit your files first (git add -A && git commit -m "chore: start")', cause: error });
  }
  const message = stderr.split("\n").find((line) => line.startsWith("fatal:") || line.startsWith("error:")) ?? (stderr || error.message);
  return new SlipwayError("GIT_FAILED", `git ${args[0]} failed: ${message}`, {
    subject: `git ${args.slice(0, 3).join(" ")}`,
    hint: "run slipway inside a git repository with its history and tags fetched (actions/checkout with fetch-depth: 0)",
    cause: error
  });
}
async function headSha(cwd) {
  return sha(await git(cwd, ["rev-parse", "HEAD"]));
}
var FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
async function readTags(cwd, head = "HEAD") {
  const [listed, reachable] = await Promise.all([listTags(cwd), tagsReachableFrom(cwd, head)]);
  return marked(listed, reachable);
}
async function listTags(cwd) {
  const out = await git(cwd, ["for-each-ref", "--format=%(refname)%00%(objectname)%00%(*objectname)%00%(creatordate:unix)", "refs/tags"]);
  const tags = [];
  for (const line of out.split("\n")) {
    if (!line) continue;
    const [ref = "", object = "", peeled, time] = line.split("\0");
    tags.push({ name: tagName(ref.slice("refs/tags/".length)), commit: sha(peeled || object), madeAt: Number(time || 0) });
  }
  return tags;
}
async function withReachability(cwd, head, tags) {
  return marked(tags, await tagsReachableFrom(cwd, head));
}
function marked(tags, reachable) {
  return tags.map((tag) => ({ ...tag, reachable: reachable.has(tag.name) }));
}
async function tagsReachableFrom(cwd, commit) {
  const merged = await git(cwd, ["for-each-ref", `--merged=${FULL_SHA.test(commit) ? commit : await resolveCommit(cwd, commit)}`, "--format=%(refname)", "refs/tags"]);
  return new Set(merged.split("\n").filter(Boolean).map((ref) => tagName(ref.slice("refs/tags/".length))));
}
async function resolveCommit(cwd, rev) {
  return sha(await git(cwd, ["rev-parse", "--verify", "--end-of-options", `${rev}^{commit}`]));
}
async function mergeBases(cwd, commits) {
  if (commits.length <= 1) return [...commits];
  const args = ["merge-base", "--octopus", "--all", ...commits];
  const result = await runGit(cwd, args).catch((error) => {
    throw gitError(cwd, args, error);
  });
  if (result.exitCode === 1 && !result.stderr) return [];
  if (result.exitCode !== 0) throw gitError(cwd, args, new GitProcessError(args, result));
  return result.stdout.split("\n").filter(Boolean).map(sha);
}
async function branchesContaining(cwd, commit) {
  const out = await git(cwd, ["for-each-ref", `--contains=${commit}`, "--format=%(refname:short)", "refs/heads", "refs/remotes"]).catch(() => "");
  return out.split("\n").filter((name) => name && !name.endsWith("/HEAD"));
}
async function readLog(cwd, range = {}, onCommit, signal) {
  const args = [...LOG_ARGS, "--end-of-options", range.to ?? "HEAD"];
  if (range.exclude?.length) args.push(...range.exclude.map((rev) => `^${rev}`));
  args.push("--");
  const parser = new LogParser(onCommit);
  let framing;
  const onStdout = (chunk) => {
    if (framing) return;
    try {
      parser.push(chunk);
    } catch (error) {
      framing = error;
    }
  };
  try {
    await gitOutput(cwd, args, { env: { GIT_FLUSH: "0" }, onStdout, signal });
  } catch (error) {
    throw gitError(cwd, args, error);
  }
  try {
    if (framing) throw framing;
    return parser.end();
  } catch (error) {
    throw new SlipwayError("GIT_FAILED", `could not read the history: ${error.message}`, {
      subject: "git log",
      hint: "report this with the output of `git log -z --name-status` for the commit it names",
      cause: error
    });
  }
}
async function currentBranch(cwd) {
  return git(cwd, ["symbolic-ref", "--short", "-q", "HEAD"]).then(
    (name) => name.trim() || void 0,
    () => void 0
  );
}
async function repositoryUrl(cwd, remote = "origin") {
  const url = await git(cwd, ["remote", "get-url", "--", remote]).catch(() => "");
  const match = /github\.com[:/]([^/]+\/[^/]+?)(?:\.git)?$/.exec(url);
  return match ? `https://github.com/${match[1]}` : void 0;
}
async function lastCommitWriting(cwd, head, text, path) {
  const out = await git(cwd, ["log", "-1", "--format=%H", "-S", text, "--end-of-options", head, "--", path]).catch(() => "");
  return out ? sha(out) : void 0;
}

export {
  git,
  headSha,
  readTags,
  listTags,
  withReachability,
  mergeBases,
  branchesContaining,
  readLog,
  currentBranch,
  repositoryUrl,
  lastCommitWriting
};
