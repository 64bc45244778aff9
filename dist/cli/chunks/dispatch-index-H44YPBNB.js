import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  apiError,
  resolveGitHubTarget
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

// src/cli/commands/dispatch-index.ts
import { resolve } from "node:path";

// src/core/dispatch/index-dispatch.ts
var MAX_TAGS_WITH_PUSH_EVENTS = 3;
var MAX_TAGS_INPUT_CHARS = 6e4;
function indexDispatchDecision(input) {
  const count = input.tags.length;
  if (count === 0) return { dispatch: false, reason: "no tags were released: nothing to index" };
  if (!input.pushedWithAppToken) {
    return { dispatch: true, reason: `the ${count} tag${count === 1 ? " was" : "s were"} pushed with GITHUB_TOKEN, which starts no push: tags workflow` };
  }
  if (count > MAX_TAGS_WITH_PUSH_EVENTS) {
    return { dispatch: true, reason: `${count} tags were pushed at once, and GitHub creates no push events for more than ${MAX_TAGS_WITH_PUSH_EVENTS}` };
  }
  return { dispatch: false, reason: `the App token's push of ${count} tag${count === 1 ? "" : "s"} starts the push: tags workflow itself` };
}
function tagBatches(tags, limit = MAX_TAGS_INPUT_CHARS) {
  const batches = [];
  let current = "";
  for (const tag of tags) {
    if (current && current.length + 1 + tag.length > limit) {
      batches.push(current);
      current = "";
    }
    current = current ? `${current} ${tag}` : tag;
  }
  if (current) batches.push(current);
  return batches;
}
function parseTagList(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    const parsed = JSON.parse(trimmed);
    if (!Array.isArray(parsed) || !parsed.every((t) => typeof t === "string")) throw new Error("must be a JSON array of tag names");
    return parsed.map((t) => t.trim()).filter(Boolean);
  }
  return trimmed.split(/[\s,]+/).filter(Boolean);
}

// src/adapters/github/dispatch.ts
async function dispatchWorkflow(octokit, repo, dispatch) {
  try {
    await octokit.rest.actions.createWorkflowDispatch({ owner: repo.owner, repo: repo.repo, workflow_id: dispatch.workflow, ref: dispatch.ref, inputs: dispatch.inputs });
  } catch (error) {
    const status = error.status;
    const hint = status === 404 || status === 422 ? `check that .github/workflows/${dispatch.workflow} exists on ${dispatch.ref}, has \`on: workflow_dispatch\` with the input(s) ${Object.keys(dispatch.inputs).join(", ")}, and that the job has \`permissions: actions: write\`` : status === 403 ? "the token may not start workflows: give the job `permissions: actions: write`" : void 0;
    const failure = apiError(`dispatching workflow ${dispatch.workflow} on ${dispatch.ref}`, error, `${repo.owner}/${repo.repo}`, hint);
    throw failure;
  }
}

// src/jobs/dispatch-index.ts
async function dispatchIndex(options) {
  const { reporter } = options;
  const decision = indexDispatchDecision({ tags: options.tags, pushedWithAppToken: options.pushedWithAppToken ?? false });
  if (!decision.dispatch) {
    reporter.info(`index workflow not dispatched: ${decision.reason}`);
    return { ...decision, batches: [] };
  }
  const workflow = options.workflow ?? "index.yml";
  const input = options.input ?? "tags";
  const batches = tagBatches(options.tags);
  for (const [i, batch] of batches.entries()) {
    const what = `${workflow} on ${options.ref} for ${batch.split(" ").length} tag(s)${batches.length > 1 ? ` (batch ${i + 1} of ${batches.length})` : ""}`;
    if (options.dryRun) {
      reporter.info(`would dispatch ${what}: POST /repos/${options.repo.owner}/${options.repo.repo}/actions/workflows/${workflow}/dispatches`);
      continue;
    }
    await dispatchWorkflow(options.octokit, options.repo, { workflow, ref: options.ref, inputs: { [input]: batch } });
    reporter.info(`dispatched ${what}`);
  }
  reporter.info(`(${decision.reason})`);
  return { ...decision, batches };
}

// src/cli/commands/dispatch-index.ts
var usage = `usage: slipway dispatch-index --tags "a@1.2.0 b@2.0.0" [options]

Starts the index workflow (workflow_dispatch) for released tags, as the release workflow does
after shipping: tags pushed with GITHUB_TOKEN start no push: tags workflow. Needs a token
that may run workflows in GITHUB_TOKEN or GH_TOKEN.

options:
  --tags LIST          the tags, separated by spaces or commas (or a JSON array)
  --ref BRANCH         the branch whose workflow runs (default: release.branch, "main")
  --workflow FILE      the workflow to start (default: index.yml)
  --input NAME         its input that takes the tags (default: tags)
  --app-token          the tags were pushed with a GitHub App token (\u2264 3 tags need no dispatch)
  --repo OWNER/NAME    the repository (default: GITHUB_REPOSITORY, else the origin remote)
  --api-url URL        the GitHub API (default: GITHUB_API_URL, else https://api.github.com)
  --cwd DIR            the repository folder (default: .)
  --dry-run            show the dispatch without making it`;
async function run(args, context) {
  const { values } = parseFlags(
    args,
    {
      tags: { type: "string" },
      ref: { type: "string" },
      workflow: { type: "string" },
      input: { type: "string" },
      "app-token": { type: "boolean" },
      repo: { type: "string" },
      "api-url": { type: "string" },
      cwd: { type: "string" },
      "dry-run": { type: "boolean" }
    },
    "dispatch-index"
  );
  if (!values.tags) throw new SlipwayError("USAGE", "--tags is required", { hint: 'e.g. --tags "a@1.2.0 b@2.0.0"' });
  const cwd = resolve(values.cwd ?? ".");
  const config = await loadConfig(cwd);
  const reporter = consoleReporter({ debug: context.debug });
  const target = await resolveGitHubTarget({ repo: values.repo, apiUrl: values["api-url"], cwd, remote: config.release.remote });
  await dispatchIndex({
    octokit: createGitHubClient({ token: target.token, baseUrl: target.baseUrl, log: (line) => reporter.debug(line) }),
    repo: target.repo,
    tags: parseTagList(values.tags),
    ref: values.ref ?? config.release.branch,
    workflow: values.workflow,
    input: values.input,
    pushedWithAppToken: values["app-token"],
    dryRun: values["dry-run"],
    reporter
  });
  return 0;
}
export {
  run,
  usage
};
