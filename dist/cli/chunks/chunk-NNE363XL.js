import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  repositoryUrl
} from "./chunk-4CSZ42WN.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";

// src/adapters/github/target.ts
async function resolveGitHubTarget(options) {
  const env = options.env ?? process.env;
  let fullName = options.repo ?? env["GITHUB_REPOSITORY"];
  if (!fullName) {
    const url = await repositoryUrl(options.cwd, options.remote ?? "origin");
    fullName = url?.replace(/^https:\/\/github\.com\//, "");
  }
  const match = fullName ? /^([\w.-]+)\/([\w.-]+)$/.exec(fullName) : null;
  if (!match) {
    throw new SlipwayError("USAGE", fullName ? `"${fullName}" is not OWNER/NAME` : "which repository? none given and no GitHub remote found", {
      subject: "--repo",
      hint: "pass --repo OWNER/NAME (or run inside a clone whose origin is on github.com)"
    });
  }
  const token = env["GITHUB_TOKEN"] || env["GH_TOKEN"];
  if (!token) {
    throw new SlipwayError("USAGE", "no GitHub token: set GITHUB_TOKEN or GH_TOKEN", {
      subject: "GITHUB_TOKEN",
      hint: "with the gh CLI: GH_TOKEN=$(gh auth token) slipway \u2026; managing environments needs a repository admin's token"
    });
  }
  return { repo: { owner: match[1], repo: match[2] }, baseUrl: options.apiUrl ?? env["GITHUB_API_URL"] ?? "https://api.github.com", token };
}

// src/core/setup/environment-gate.ts
var MAX_REVIEWERS = 6;
var MAX_WAIT_TIMER_MINUTES = 43200;
function parseReviewer(text) {
  const value = text.trim().replace(/^@/, "");
  const team = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9_.-]+)$/.exec(value);
  if (team) return { type: "Team", org: team[1], slug: team[2] };
  if (/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/.test(value)) return { type: "User", login: value };
  throw new SlipwayError("USAGE", `"${text}" is neither a GitHub user (alice) nor a team (org/team-slug)`, {
    subject: "--reviewer",
    hint: "name a user by login, or a team as ORG/TEAM-SLUG (the slug is in the team's URL)"
  });
}
function reviewerName(spec) {
  return spec.type === "User" ? spec.login : `${spec.org}/${spec.slug}`;
}
function gateChanges(current, spec) {
  if (spec.reviewers.length > MAX_REVIEWERS) {
    throw new SlipwayError("USAGE", `${spec.reviewers.length} reviewers given; GitHub allows at most ${MAX_REVIEWERS} per environment`, {
      subject: "--reviewer",
      hint: "name a team instead of several of its members"
    });
  }
  const changes = [];
  if (!current) changes.push(`create environment "${spec.environment}"`);
  const key = (r) => `${r.type}:${r.id}`;
  const have = new Set((current?.reviewers ?? []).map(key));
  if (spec.reviewers.length && (spec.reviewers.length !== have.size || !spec.reviewers.every((r) => have.has(key(r))))) {
    changes.push(`set required reviewers to ${spec.reviewers.map((r) => r.name).join(", ")}`);
  }
  if (spec.preventSelfReview !== void 0 && spec.preventSelfReview !== (current?.preventSelfReview ?? false)) {
    changes.push(`${spec.preventSelfReview ? "prevent" : "allow"} self-review`);
  }
  if (spec.waitTimer !== void 0 && spec.waitTimer !== (current?.waitTimer ?? 0)) changes.push(`set the wait timer to ${spec.waitTimer} min`);
  if (spec.branch !== void 0) {
    if (!current?.branchPolicy?.customBranchPolicies) changes.push(`allow deployments from selected branches only`);
    if (!current?.branchPatterns.includes(spec.branch)) changes.push(`allow branch "${spec.branch}"`);
  }
  return changes;
}
function environmentRequest(spec, options) {
  const body = {};
  if (options.withRules && spec.reviewers.length) body.reviewers = spec.reviewers.map((r) => ({ type: r.type, id: r.id }));
  if (options.withRules && spec.preventSelfReview !== void 0) body.prevent_self_review = spec.preventSelfReview;
  if (options.withRules && spec.waitTimer !== void 0) body.wait_timer = spec.waitTimer;
  if (spec.branch !== void 0) body.deployment_branch_policy = { protected_branches: false, custom_branch_policies: true };
  return body;
}
function gateGaps(current, environment, branch) {
  if (!current) {
    return [{ what: "environment", message: `environment "${environment}" does not exist: the ship job would create it on first use, unprotected, and ship without approval` }];
  }
  const gaps = [];
  if (current.reviewers.length === 0) {
    gaps.push({ what: "reviewers", message: `environment "${environment}" has no required reviewers: GitHub would run the ship job without waiting for anyone` });
  }
  if (!current.branchPolicy) {
    gaps.push({ what: "branch-policy", message: `environment "${environment}" has no deployment branch policy: a workflow on any branch could ship from it` });
  } else if (current.branchPolicy.customBranchPolicies && !current.branchPatterns.includes(branch)) {
    const allowed = current.branchPatterns.length ? current.branchPatterns.map((p) => `"${p}"`).join(", ") : "none";
    gaps.push({ what: "branch-policy", message: `environment "${environment}" does not allow the release branch "${branch}" (allowed: ${allowed}): the ship job would be refused` });
  }
  return gaps;
}
function setupCommand(environment, branch, reviewers) {
  const who = reviewers.length ? reviewers.map((r) => `--reviewer ${r}`).join(" ") : "--reviewer USER --reviewer ORG/TEAM";
  return `slipway setup --environment ${environment} ${who} --branch ${branch}`;
}

// src/adapters/github/environments.ts
var statusOf = (error) => error.status;
var messageOf = (error) => String(error.response?.data?.message ?? error.message);
function apiError(what, error, subject, knownHint) {
  const status = statusOf(error);
  const hint = knownHint ?? (status === 401 ? "the token was refused: set GITHUB_TOKEN (or GH_TOKEN) to a valid token" : status === 403 || status === 404 ? "this needs a repository admin's token (classic PAT with the repo scope, or fine-grained with Administration: write); a workflow's GITHUB_TOKEN cannot manage environments" : void 0);
  return new SlipwayError("API_FAILED", `${what} failed: ${status ?? ""} ${messageOf(error)}`.replace(/\s+/g, " ").trim(), { subject, ...hint ? { hint } : {}, cause: error });
}
async function resolveReviewers(octokit, specs) {
  return Promise.all(
    specs.map(async (spec) => {
      const name = reviewerName(spec);
      try {
        if (spec.type === "User") {
          const { data: data2 } = await octokit.rest.users.getByUsername({ username: spec.login });
          return { type: "User", id: data2.id, name: data2.login };
        }
        const { data } = await octokit.rest.teams.getByName({ org: spec.org, team_slug: spec.slug });
        return { type: "Team", id: data.id, name: `${spec.org}/${data.slug}` };
      } catch (error) {
        if (statusOf(error) === 404) {
          throw new SlipwayError("NOT_FOUND", spec.type === "User" ? `no GitHub user "${name}"` : `no team "${spec.slug}" in organization "${spec.org}" (or the token cannot see it)`, {
            subject: `--reviewer ${name}`,
            hint: spec.type === "User" ? "check the login" : "use the team's slug from its URL (github.com/orgs/ORG/teams/SLUG); the token needs read:org to see teams"
          });
        }
        throw apiError(`looking up reviewer ${name}`, error, `--reviewer ${name}`);
      }
    })
  );
}
async function readRepository(octokit, ref) {
  try {
    const { data } = await octokit.rest.repos.get({ owner: ref.owner, repo: ref.repo });
    return { fullName: data.full_name, visibility: data.visibility ?? (data.private ? "private" : "public"), defaultBranch: data.default_branch };
  } catch (error) {
    throw apiError(`reading repository ${ref.owner}/${ref.repo}`, error, `${ref.owner}/${ref.repo}`);
  }
}
async function readEnvironment(octokit, ref, name) {
  let data;
  try {
    ({ data } = await octokit.rest.repos.getEnvironment({ ...ref, environment_name: name }));
  } catch (error) {
    if (statusOf(error) === 404) return void 0;
    throw apiError(`reading environment "${name}"`, error, `${ref.owner}/${ref.repo}`);
  }
  const reviewers = [];
  let preventSelfReview = false;
  let waitTimer = 0;
  for (const rule of data.protection_rules ?? []) {
    if (rule.type === "required_reviewers" && "reviewers" in rule) {
      preventSelfReview = Boolean(rule.prevent_self_review);
      for (const entry of rule.reviewers ?? []) {
        const reviewer = entry.reviewer;
        if (!reviewer?.id) continue;
        const org = /\/orgs\/([^/]+)\/teams\//.exec(reviewer.html_url ?? "")?.[1];
        reviewers.push(
          entry.type === "Team" ? { type: "Team", id: reviewer.id, name: org ? `${org}/${reviewer.slug}` : String(reviewer.slug) } : { type: "User", id: reviewer.id, name: String(reviewer.login) }
        );
      }
    }
    if (rule.type === "wait_timer" && "wait_timer" in rule) waitTimer = Number(rule.wait_timer ?? 0);
  }
  const policy = data.deployment_branch_policy;
  const branchPolicy = policy ? { protectedBranches: policy.protected_branches, customBranchPolicies: policy.custom_branch_policies } : null;
  const branchPatterns = branchPolicy?.customBranchPolicies ? await listBranchPatterns(octokit, ref, name) : [];
  return { name: data.name, reviewers, preventSelfReview, waitTimer, branchPolicy, branchPatterns };
}
async function listBranchPatterns(octokit, ref, name) {
  try {
    const policies = await octokit.paginate(octokit.rest.repos.listDeploymentBranchPolicies, { ...ref, environment_name: name, per_page: 100 });
    return policies.filter((p) => p.type !== "tag").map((p) => p.name ?? "").filter(Boolean);
  } catch (error) {
    throw apiError(`listing the branch policies of environment "${name}"`, error, `${ref.owner}/${ref.repo}`);
  }
}
var ProtectionRulesUnavailable = class extends Error {
  status;
  githubMessage;
  constructor(error) {
    super(messageOf(error));
    this.status = statusOf(error);
    this.githubMessage = messageOf(error);
  }
};
async function writeEnvironment(octokit, ref, name, body, options) {
  try {
    await octokit.request("PUT /repos/{owner}/{repo}/environments/{environment_name}", { ...ref, environment_name: name, ...body });
  } catch (error) {
    const asksRules = body.reviewers !== void 0 || typeof body.wait_timer === "number" && body.wait_timer > 0;
    if (statusOf(error) === 422 && asksRules && !options.publicRepository) throw new ProtectionRulesUnavailable(error);
    throw apiError(`writing environment "${name}"`, error, `${ref.owner}/${ref.repo}`);
  }
}
async function addBranchPolicy(octokit, ref, name, branch) {
  try {
    await octokit.rest.repos.createDeploymentBranchPolicy({ ...ref, environment_name: name, name: branch, type: "branch" });
  } catch (error) {
    throw apiError(`allowing branch "${branch}" in environment "${name}"`, error, `${ref.owner}/${ref.repo}`);
  }
}

export {
  resolveGitHubTarget,
  MAX_WAIT_TIMER_MINUTES,
  parseReviewer,
  gateChanges,
  environmentRequest,
  gateGaps,
  setupCommand,
  apiError,
  resolveReviewers,
  readRepository,
  readEnvironment,
  ProtectionRulesUnavailable,
  writeEnvironment,
  addBranchPolicy
};
