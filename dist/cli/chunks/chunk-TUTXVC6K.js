import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  execa
} from "./chunk-YK4KFZUA.js";
import {
  git,
  readTags
} from "./chunk-4CSZ42WN.js";
import {
  sha
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";

// src/adapters/git-release.ts
async function readRemoteState(cwd, remote, branch, tags) {
  const patterns = [`refs/heads/${branch}`, ...tags.flatMap((t) => [`refs/tags/${t}`, `refs/tags/${t}^{}`])];
  const out = await git(cwd, ["ls-remote", "--", remote, ...patterns]);
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
  const run = await execa("git", ["cat-file", "-e", "--end-of-options", `${commit}^{commit}`], { cwd, reject: false });
  return run.exitCode === 0;
}
async function isAncestor(cwd, ancestor, descendant) {
  const run = await execa("git", ["merge-base", "--is-ancestor", "--end-of-options", ancestor, descendant], { cwd, reject: false });
  if (run.exitCode === 0) return true;
  if (run.exitCode === 1) return false;
  throw new SlipwayError("GIT_FAILED", `git merge-base failed: ${run.stderr.trim()}`, { subject: `${ancestor.slice(0, 12)}..${descendant.slice(0, 12)}` });
}
async function fetchBranch(cwd, remote, branch) {
  await git(cwd, ["fetch", "--quiet", "--no-tags", "--", remote, `refs/heads/${branch}`]);
  return sha(await git(cwd, ["rev-parse", "FETCH_HEAD"]));
}
async function fastForward(cwd, to) {
  await git(cwd, ["merge", "--ff-only", "--quiet", "--end-of-options", to]);
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
    await git(cwd, [...identity, "rebase", "--quiet", "--end-of-options", onto]);
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
  const run = await execa("git", ["show", "--end-of-options", `${commit}:${path}`], { cwd, reject: false, stripFinalNewline: false });
  return run.exitCode === 0 ? run.stdout : void 0;
}
async function trackedPaths(cwd, paths) {
  if (paths.length === 0) return [];
  const out = await git(cwd, ["ls-files", "-z", "--", ...paths]);
  return out.split("\0").filter(Boolean);
}
async function commitPaths(cwd, message, paths) {
  const identity = await identityArgs(cwd);
  await git(cwd, ["add", "--", ...paths]);
  await git(cwd, [...identity, "commit", "--quiet", "--no-verify", "--file=-", "--", ...paths], { input: message });
  return sha(await git(cwd, ["rev-parse", "HEAD"]));
}
async function createAnnotatedTag(cwd, name, target, message, options = {}) {
  const identity = await identityArgs(cwd);
  await git(cwd, [...identity, "tag", "--annotate", ...options.force ? ["--force"] : [], "--file=-", "--", name, target], { input: message });
}
async function commitMessage(cwd, commit) {
  return git(cwd, ["log", "-1", "--format=%B", "--end-of-options", commit]);
}
async function pushAtomic(cwd, remote, refspecs) {
  const run = await execa("git", ["push", "--atomic", "--porcelain", "--", remote, ...refspecs], { cwd, reject: false, all: true });
  if (run.exitCode === 0) return { ok: true };
  const output = run.all ?? "";
  if (/\[rejected\][^\n]*\((?:fetch first|non-fast-forward)\)/.test(output)) return { ok: false, reason: "behind", message: "the remote branch has commits this one does not" };
  const lines = output.split("\n").map((l) => l.trim());
  const why = lines.find((l) => /^remote: /.test(l) && !/^remote:\s*$/.test(l))?.replace(/^remote:\s*/, "") ?? lines.find((l) => /\[remote rejected\]|\[rejected\]|^error:|^fatal:/.test(l)) ?? `git push exited with ${run.exitCode}`;
  return { ok: false, reason: "rejected", message: why };
}
async function commitsBetween(cwd, from, to) {
  const out = await git(cwd, ["rev-list", "--end-of-options", `${from}..${to}`]);
  return out ? out.split("\n").map(sha) : [];
}
async function detachedWorktree(cwd, dir, commit) {
  await git(cwd, ["worktree", "add", "--quiet", "--detach", "--", dir, commit]);
  return async () => {
    await git(cwd, ["worktree", "remove", "--force", "--", dir]).catch(() => void 0);
  };
}

// src/core/config/release-branches.ts
function releaseBranches(config) {
  return config.release.branches ?? [config.release.branch];
}
function branchAllowed(branch, patterns) {
  return patterns.some((pattern) => patternRegex(pattern).test(branch));
}
function patternRegex(pattern) {
  const source = pattern.split(/(\*\*|\*)/).map((part) => part === "**" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("");
  return new RegExp(`^${source}$`);
}

export {
  readRemoteState,
  readLocalTags,
  hasCommit,
  isAncestor,
  fetchBranch,
  fastForward,
  rebaseOnto,
  changedPaths,
  fileAt,
  trackedPaths,
  commitPaths,
  createAnnotatedTag,
  commitMessage,
  pushAtomic,
  commitsBetween,
  detachedWorktree,
  releaseBranches,
  branchAllowed
};
