import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  MAX_WAIT_TIMER_MINUTES,
  ProtectionRulesUnavailable,
  addBranchPolicy,
  environmentRequest,
  gateChanges,
  gateGaps,
  parseReviewer,
  readEnvironment,
  readRepository,
  resolveGitHubTarget,
  resolveReviewers,
  setupCommand,
  writeEnvironment
} from "./chunk-NNE363XL.js";
import {
  createGitHubClient
} from "./chunk-KKM4JSI7.js";
import {
  loadConfig
} from "./chunk-P343D4NB.js";
import "./chunk-IBDRWFRH.js";
import {
  consoleReporter
} from "./chunk-SMPAV5OI.js";
import {
  parseFlags
} from "./chunk-4WOUKBCQ.js";
import "./chunk-KPGBGOOP.js";
import "./chunk-4CSZ42WN.js";
import "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import "./chunk-X24BQQWF.js";

// src/cli/commands/setup.ts
import { resolve } from "node:path";

// src/core/setup/gate-advice.ts
var FALLBACK_GATE_INPUT = "approval-gate";
var APPROVE_HASH_INPUT = "approve-plan-hash";
function fallbackGateAdvice(repository, visibility, environment) {
  return [
    `Required reviewers are only available on public repositories or with GitHub Enterprise, and ${repository} is ${visibility}.`,
    `Use the fallback gate: call the reusable release workflow with \`${FALLBACK_GATE_INPUT}: plan-hash\`. Scheduled runs then stop after the plan job (the plan and its hash are in the job summary),`,
    `and a release ships only from a manual run (Actions \u2192 release \u2192 Run workflow) whose \`${APPROVE_HASH_INPUT}\` input quotes that hash; the ship step refuses any other plan.`,
    `Who may approve is who may run workflows (write access). Environment "${environment}" still limits shipping to the release branch. See docs/approval.md.`
  ];
}
function checkAdvice(input) {
  const { gaps } = input;
  if (gaps.length === 0) return { ok: true, lines: [`environment "${input.environment}" of ${input.repository} is a complete approval gate: required reviewers, release branch "${input.branch}" only`] };
  const lines = gaps.map((gap) => `missing: ${gap.message}`);
  lines.push(`fix: ${setupCommand(input.environment, input.branch, [])}`);
  if (input.visibility !== "public" && gaps.some((gap) => gap.what === "reviewers" || gap.what === "environment")) {
    lines.push("", ...fallbackGateAdvice(input.repository, input.visibility, input.environment).map((line) => `note: ${line}`));
  }
  return { ok: false, lines };
}

// src/jobs/setup.ts
async function setupEnvironment(options) {
  const { octokit, repo, environment, reporter } = options;
  if (options.waitTimer !== void 0 && (!Number.isInteger(options.waitTimer) || options.waitTimer < 0 || options.waitTimer > MAX_WAIT_TIMER_MINUTES)) {
    throw new SlipwayError("USAGE", `the wait timer must be whole minutes from 0 to ${MAX_WAIT_TIMER_MINUTES} (30 days), got ${options.waitTimer}`, { subject: "--wait-timer" });
  }
  const specs = options.reviewers.map(parseReviewer);
  const [repository, reviewers, current] = await Promise.all([readRepository(octokit, repo), resolveReviewers(octokit, specs), readEnvironment(octokit, repo, environment)]);
  const spec = { environment, reviewers, waitTimer: options.waitTimer, preventSelfReview: options.preventSelfReview, branch: options.branch };
  const changes = gateChanges(current, spec);
  const where = `${repository.fullName} (${repository.visibility})`;
  if (changes.length === 0) {
    reporter.info(`environment "${environment}" of ${where} is already as asked: nothing to change`);
    return { repository, changes, outcome: "unchanged", reviewersRefused: false, state: current, advice: [] };
  }
  const path = `/repos/${repo.owner}/${repo.repo}/environments/${encodeURIComponent(environment)}`;
  if (options.dryRun) {
    for (const change of changes) reporter.info(`would ${change}`);
    reporter.info(`would PUT ${path} ${JSON.stringify(environmentRequest(spec, { withRules: true }))}`);
    if (spec.branch && !current?.branchPatterns.includes(spec.branch)) reporter.info(`would POST ${path}/deployment-branch-policies ${JSON.stringify({ name: spec.branch, type: "branch" })}`);
    return { repository, changes, outcome: "dry-run", reviewersRefused: false, state: current, advice: [] };
  }
  let reviewersRefused = false;
  let advice = [];
  const publicRepository = repository.visibility === "public";
  try {
    await writeEnvironment(octokit, repo, environment, environmentRequest(spec, { withRules: true }), { publicRepository });
  } catch (error) {
    if (!(error instanceof ProtectionRulesUnavailable)) throw error;
    reporter.warn(`GitHub refused required reviewers / wait timer for ${where}: "${error.githubMessage}"`);
    await writeEnvironment(octokit, repo, environment, environmentRequest(spec, { withRules: false }), { publicRepository });
    reviewersRefused = true;
    advice = fallbackGateAdvice(repository.fullName, repository.visibility, environment);
  }
  if (spec.branch && !current?.branchPatterns.includes(spec.branch)) await addBranchPolicy(octokit, repo, environment, spec.branch);
  const state = await readEnvironment(octokit, repo, environment);
  const done = reviewersRefused ? changes.filter((c) => !/reviewers|self-review|wait timer/.test(c)) : changes;
  for (const change of done) reporter.info(`done: ${change}`);
  for (const line of advice) reporter.warn(line);
  return { repository, changes: done, outcome: "changed", reviewersRefused, state, advice };
}
async function checkEnvironment(options) {
  const { octokit, repo, environment, branch } = options;
  const [repository, state] = await Promise.all([readRepository(octokit, repo), readEnvironment(octokit, repo, environment)]);
  const gaps = gateGaps(state, environment, branch);
  return { repository, state, gaps, ...checkAdvice({ repository: repository.fullName, visibility: repository.visibility, environment, branch, gaps }) };
}

// src/cli/commands/setup.ts
var usage = `usage: slipway setup --reviewer USER|ORG/TEAM \u2026 [options]
       slipway setup --check [options]

Creates or updates the GitHub Environment that gates releases: GitHub pauses the ship job
until one of its required reviewers approves. Sets the reviewers, an optional wait timer, and
a deployment branch policy that lets only the release branch ship. Running it again changes
nothing. --check reports what an existing environment lacks, and what to run.

Needs a repository admin's token in GITHUB_TOKEN or GH_TOKEN (GH_TOKEN=$(gh auth token)).
Private repositories get required reviewers only with GitHub Enterprise; where GitHub refuses
them, setup explains the fallback gate (docs/approval.md) and exits 1.

options:
  --environment NAME   the environment (default: release.environment in slipway.yml, "release")
  --reviewer WHO       a required reviewer: a login, or ORG/TEAM-SLUG (repeatable, at most 6)
  --wait-timer MIN     minutes GitHub waits after approval before the job runs (0\u201343200)
  --prevent-self-review  the person who started the run may not approve it
  --branch NAME        the only branch allowed to ship (default: release.branch, "main")
  --check              report what the environment lacks; change nothing
  --repo OWNER/NAME    the repository (default: GITHUB_REPOSITORY, else the origin remote)
  --api-url URL        the GitHub API (default: GITHUB_API_URL, else https://api.github.com)
  --cwd DIR            the repository folder, for slipway.yml and the remote (default: .)
  --dry-run            show each write without doing it
  --json               print the result as JSON`;
async function run(args, context) {
  const { values } = parseFlags(
    args,
    {
      environment: { type: "string" },
      reviewer: { type: "string", multiple: true },
      "wait-timer": { type: "string" },
      "prevent-self-review": { type: "boolean" },
      branch: { type: "string" },
      check: { type: "boolean" },
      repo: { type: "string" },
      "api-url": { type: "string" },
      cwd: { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" }
    },
    "setup"
  );
  const cwd = resolve(values.cwd ?? ".");
  const config = await loadConfig(cwd);
  const environment = values.environment ?? config.release.environment;
  const branch = values.branch ?? config.release.branch;
  const reporter = consoleReporter({ debug: context.debug });
  const target = await resolveGitHubTarget({ repo: values.repo, apiUrl: values["api-url"], cwd, remote: config.release.remote });
  const octokit = createGitHubClient({ token: target.token, baseUrl: target.baseUrl, log: (line) => reporter.debug(line) });
  const print = (result2) => {
    if (values.json) process.stdout.write(JSON.stringify(result2, null, 2) + "\n");
  };
  if (values.check) {
    if (values.reviewer?.length || values["wait-timer"] || values["dry-run"]) throw new SlipwayError("USAGE", "--check changes nothing, so it takes no --reviewer, --wait-timer or --dry-run", { hint: "run the check alone, then setup without --check" });
    const result2 = await checkEnvironment({ octokit, repo: target.repo, environment, branch });
    for (const line of result2.lines) {
      if (line.startsWith("missing: ")) reporter.warn(line.slice("missing: ".length));
      else reporter.info(line);
    }
    print(result2);
    return result2.ok ? 0 : 1;
  }
  const waitTimer = values["wait-timer"] === void 0 ? void 0 : Number(values["wait-timer"]);
  if (!values.reviewer?.length && waitTimer === void 0 && values.branch === void 0 && values.environment === void 0) {
    throw new SlipwayError("USAGE", "nothing to set up: name at least one --reviewer", { hint: "e.g. slipway setup --reviewer alice --reviewer acme/release-managers; or slipway setup --check" });
  }
  const result = await setupEnvironment({
    octokit,
    repo: target.repo,
    environment,
    reviewers: values.reviewer ?? [],
    waitTimer,
    preventSelfReview: values["prevent-self-review"],
    branch,
    dryRun: values["dry-run"],
    reporter
  });
  print(result);
  return result.reviewersRefused ? 1 : 0;
}
export {
  run,
  usage
};
