import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  MONOREPO_TAG_FORMAT,
  SINGLE_TAG_FORMAT,
  isValidVersion,
  tagFormat
} from "./chunk-WMIOQNU6.js";
import {
  discoverFleet
} from "./chunk-4S7N4GC3.js";
import "./chunk-EO7ZISLG.js";
import {
  consoleReporter
} from "./chunk-NMLMUP2O.js";
import {
  CONFIG_FILE,
  configSchema,
  currentBranch,
  defaultConfig,
  loadConfig,
  parseFlags,
  readTags,
  require_dist
} from "./chunk-TSSOH7H4.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/cli/commands/init.ts
import { resolve } from "node:path";

// src/core/init/starter-workflows.ts
var STARTER_ACTION_REF = "slipway-dev/slipway@v1";
function parseActionRef(text) {
  const match = /^([\w.-]+\/[\w.-]+)@([\w][\w./-]*)$/.exec(text.trim());
  if (!match) {
    throw new SlipwayError("USAGE", `"${text}" is not OWNER/NAME@REF`, { subject: "--action-ref", hint: `e.g. ${STARTER_ACTION_REF}, or a commit SHA to pin it: slipway-dev/slipway@<sha>` });
  }
  return { repository: match[1], ref: match[2] };
}
function pointStarterAt(text, target) {
  const starter = parseActionRef(STARTER_ACTION_REF);
  const pattern = new RegExp(`${starter.repository.replace(/[.-]/g, "\\$&")}((?:/[^@\\s'"]*)?)@${starter.ref}\\b`, "g");
  return text.replace(pattern, (_, path) => `${target.repository}${path}@${target.ref}`);
}
function secretsUsed(workflows) {
  const uses = /* @__PURE__ */ new Map();
  for (const [file, text] of workflows) {
    for (const line of text.split("\n")) {
      for (const match of line.matchAll(/\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) {
        const name = match[1];
        if (name === "GITHUB_TOKEN") continue;
        const optional = line.trimStart().startsWith("#");
        const use = uses.get(name) ?? { name, workflows: [], optional: true };
        if (!use.workflows.includes(file)) use.workflows.push(file);
        use.optional &&= optional;
        uses.set(name, use);
      }
    }
  }
  return [...uses.values()].sort((a, b) => Number(a.optional) - Number(b.optional) || (a.name < b.name ? -1 : 1));
}

// src/adapters/init/files.ts
import { access, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
async function existingFiles(root, paths) {
  const found = await Promise.all(
    paths.map(
      (path) => access(join(root, path)).then(
        () => path,
        () => void 0
      )
    )
  );
  return found.filter((path) => path !== void 0);
}
async function writeFiles(root, files) {
  for (const file of files) {
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), file.text);
  }
}

// src/adapters/init/starter-workflows.ts
async function readStarterWorkflows() {
  return /* @__PURE__ */ new Map([["compat.yml", "# Starter workflow: copy to .github/workflows/compat.yml in your fleet repository.\n#\n# Every Saturday night, test every plugin against the core's develop branch (core.repository\n# and core.branch in slipway.yml). The Slack message (slack.compat in slipway.yml, and the\n# SLACK_BOT_TOKEN secret) is scheduled for Monday 09:00 in compat.report.timeZone, so the\n# regressions are on the team's desk when the week starts. Run it by hand to test now.\nname: Compatibility\n\non:\n  schedule:\n    # Saturdays, 02:00 UTC.\n    - cron: '0 2 * * 6'\n  workflow_dispatch:\n    inputs:\n      against:\n        description: Test against develop, or make a baseline run against the released core\n        type: choice\n        options: [develop, release]\n        default: develop\n      slack-now:\n        description: Post the Slack message now instead of Monday morning\n        type: boolean\n        default: false\n\njobs:\n  compat:\n    # The shard jobs only read; the report job pushes the results branch and keeps regression issues.\n    permissions:\n      contents: write\n      issues: write\n    uses: slipway-dev/slipway/.github/workflows/compat.yml@v1\n    with:\n      against: ${{ inputs.against || 'develop' }}\n      slack-now: ${{ inputs.slack-now || false }}\n    secrets:\n      slack-token: ${{ secrets.SLACK_BOT_TOKEN }}\n      # Org mode (compat.org in slipway.yml): a token that can list and clone the plugin repositories.\n      # org-token: ${{ secrets.ORG_READ_TOKEN }}\n"], ["digest.yml", "# Starter workflow: copy to .github/workflows/digest.yml.\n#\n# Every Monday, what shipped since the last digest: posted to Slack (slack.digest in\n# slipway.yml, a channel ID) and written to Notion (digest.notionDatabase; check it first with\n# `slipway digest setup-notion`). Add the SLACK_BOT_TOKEN and NOTION_TOKEN secrets; without one,\n# that sink is skipped. Run it by hand for another window, or as a dry run.\nname: Weekly digest\n\non:\n  schedule:\n    # Mondays 08:00 UTC: the digest covers up to Sunday night.\n    - cron: '0 8 * * 1'\n  workflow_dispatch:\n    inputs:\n      since:\n        description: Window start (YYYY-MM-DD); empty for \"since the last digest\"\n        type: string\n        required: false\n      until:\n        description: Window end, exclusive (YYYY-MM-DD); empty for today\n        type: string\n        required: false\n      dry-run:\n        description: Show what would be posted and written, write nothing\n        type: boolean\n        default: false\n\njobs:\n  digest:\n    # Pushes the last-digest mark (refs/slipway/digest).\n    permissions:\n      contents: write\n    uses: slipway-dev/slipway/.github/workflows/digest.yml@v1\n    with:\n      since: ${{ inputs.since || '' }}\n      until: ${{ inputs.until || '' }}\n      dry-run: ${{ inputs.dry-run || false }}\n      # Org mode: the plugins are the repositories of an organisation (digest.org / digest.topic\n      # in slipway.yml); private repositories need a token that can read them:\n      # org: my-org\n    secrets:\n      slack-token: ${{ secrets.SLACK_BOT_TOKEN }}\n      notion-token: ${{ secrets.NOTION_TOKEN }}\n      # github-token: ${{ secrets.PLUGIN_READ_TOKEN }}\n"], ["index.yml", "# Starter workflow: copy to .github/workflows/index.yml in your plugin repository.\n#\n# Every release tag becomes a catalog entry. Tags pushed with GITHUB_TOKEN start no workflow,\n# and a push of more than three tags at once creates no tag events, so the release job also\n# dispatches this workflow with the new tags (input `tags`). Run it by hand to reindex: one\n# plugin (`plugin`, optionally `version`), everything (`all`), or `rebuild` from the tags alone.\nname: Index plugins\n\non:\n  push:\n    tags: ['**']\n  workflow_dispatch:\n    inputs:\n      tags:\n        description: Tags to index (space-separated); sent by the release job\n        type: string\n        required: false\n      plugin:\n        description: Reindex this plugin\n        type: string\n        required: false\n      version:\n        description: With plugin, reindex only this version\n        type: string\n        required: false\n      all:\n        description: Reindex every released version of every plugin\n        type: boolean\n        default: false\n      rebuild:\n        description: Rebuild the whole catalog from the release tags\n        type: boolean\n        default: false\n\njobs:\n  index:\n    # The catalog branch of this repository is pushed. In org mode (catalog-repository below)\n    # the App token pushes the central catalog and `contents: read` is enough here.\n    permissions:\n      contents: write\n    uses: slipway-dev/slipway/.github/workflows/index.yml@v1\n    with:\n      tags: ${{ inputs.tags || '' }}\n      plugin: ${{ inputs.plugin || '' }}\n      version: ${{ inputs.version || '' }}\n      all: ${{ inputs.all || false }}\n      rebuild: ${{ inputs.rebuild || false }}\n      # Org mode: one central catalog for every plugin repository of the organisation\n      # (see docs/catalog.md for the GitHub App setup).\n      # catalog-repository: my-org/plugin-catalog\n      # catalog-app-id: ${{ vars.CATALOG_APP_ID }}\n    # secrets:\n    #   catalog-app-private-key: ${{ secrets.CATALOG_APP_PRIVATE_KEY }}\n"], ["release.yml", "# Starter workflow: copy to .github/workflows/release.yml in your fleet repository.\n#\n# Every morning, plan the release of every plugin with unreleased changes and ask for approval:\n# the plan is in the run's summary (and in Slack: slack.release in slipway.yml and the\n# SLACK_BOT_TOKEN secret). A required reviewer of the `release` Environment approves in the run\n# (\"Review deployments\"), and exactly that plan ships. Create the Environment once with\n#   slipway setup --environment release --reviewer YOU --reviewer ORG/TEAM --branch main\n# Run it by hand to release now.\nname: Release\n\non:\n  schedule:\n    # Every day, 06:00 UTC.\n    - cron: '0 6 * * *'\n  workflow_dispatch:\n    inputs:\n      approve-plan-hash:\n        description: 'Fallback gate only (approval-gate: plan-hash): the hash of the plan you approve, from a plan run''s summary'\n        type: string\n        required: false\n      prerelease:\n        description: Release prereleases on this channel (e.g. next)\n        type: string\n        required: false\n      set-versions:\n        description: 'Versions you decide, e.g. @acme/csv=2.0.0 (NAME=VERSION, space-separated)'\n        type: string\n        required: false\n      bump:\n        description: 'Bumps you decide, e.g. @acme/csv=major (NAME=major|minor|patch, space-separated)'\n        type: string\n        required: false\n\njobs:\n  release:\n    # The most the reusable workflow's jobs get; each takes only what it needs (plan reads,\n    # ship pushes and signs npm provenance, index dispatches the index workflow).\n    permissions:\n      contents: write\n      id-token: write\n      actions: write\n    uses: slipway-dev/slipway/.github/workflows/release.yml@v1\n    with:\n      environment: release\n      # Private repository without GitHub Enterprise (no required reviewers)? See docs/approval.md.\n      # approval-gate: plan-hash\n      approve-plan-hash: ${{ inputs.approve-plan-hash || '' }}\n      prerelease: ${{ inputs.prerelease || '' }}\n      set-versions: ${{ inputs.set-versions || '' }}\n      bump: ${{ inputs.bump || '' }}\n      # A GitHub App token pushes instead of GITHUB_TOKEN (see docs/release.md):\n      # app-id: ${{ vars.RELEASE_APP_ID }}\n    secrets:\n      npm-token: ${{ secrets.NPM_TOKEN }}\n      slack-token: ${{ secrets.SLACK_BOT_TOKEN }}\n      # app-private-key: ${{ secrets.RELEASE_APP_PRIVATE_KEY }}\n"], ["validate.yml", "# Starter workflow: copy to .github/workflows/validate.yml in your fleet repository.\n#\n# On every pull request, check the plugins it touches and lint its commits and title as\n# Conventional Commits (validate.* in slipway.yml sets how strictly). Make it a required\n# status check so nothing that would break the daily release is merged.\nname: Validate\n\non:\n  pull_request:\n\njobs:\n  validate:\n    permissions:\n      contents: read\n    uses: slipway-dev/slipway/.github/workflows/validate.yml@v1\n"]]);
}

// src/core/init/detect-tag-format.ts
var CANDIDATES = [MONOREPO_TAG_FORMAT, SINGLE_TAG_FORMAT, "{name}-v{version}", "{name}/v{version}", "{name}-{version}", "{version}"];
function detectTagFormat(tags, pluginNames, single) {
  const names = new Set(pluginNames);
  let best;
  for (const pattern of CANDIDATES) {
    const format = tagFormat(pattern);
    const named = pattern.includes("{name}");
    if (!named && !single) continue;
    let count = 0;
    for (const tag of tags) {
      const parsed = format.parse(tag);
      if (parsed && isValidVersion(parsed.version) && (!named || names.has(parsed.name))) count++;
    }
    if (count > 0 && count > (best?.tags ?? 0)) best = { pattern, tags: count };
  }
  return best;
}
var defaultTagFormat = (single) => single ? SINGLE_TAG_FORMAT : MONOREPO_TAG_FORMAT;

// src/core/init/init-config.ts
var import_yaml = __toESM(require_dist(), 1);
var KEY_DOCS = {
  "fleet.ecosystem": "The ecosystem of the plugins (auto detects it).",
  "fleet.paths": "Where the plugins are, as globs of folders.",
  "fleet.exclude": "Folders left out of the fleet.",
  "versioning.tagFormat": "The release tag of a plugin version.",
  "versioning.releaseTypes": "Commit types that release, and how much.",
  "commands.build": "Run in a plugin's folder before its tests (validate, compat).",
  "commands.test": "Run in a plugin's folder (validate, compat).",
  "core.repository": "The core the plugins are built against (owner/name, a git URL or a path).",
  "core.branch": "The core's branch compat tests against.",
  "core.package": "The core's package name, to read each plugin's required core range.",
  "compat.test": "The test command of one plugin in compat runs.",
  "compat.env": "Environment of the compat test runs.",
  "release.branch": "The branch releases are made from.",
  "release.environment": "The Environment whose required reviewers approve releases.",
  "release.registry": "The npm registry the plugins are published to.",
  "digest.notionDatabase": "The Notion database of the weekly digest."
};
var isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function differingSettings(config, reasons) {
  const settings = [];
  const walk = (value, base, path) => {
    if (isRecord(value) && (isRecord(base) || base === void 0)) {
      for (const [key2, child] of Object.entries(value)) walk(child, isRecord(base) ? base[key2] : void 0, [...path, key2]);
      return;
    }
    if (value === void 0 || JSON.stringify(value) === JSON.stringify(base)) return;
    if (isRecord(value) && Object.keys(value).length === 0) return;
    const key = path.join(".");
    settings.push({ path, value, comment: reasons.get(key) ?? KEY_DOCS[key] ?? KEY_DOCS[path.slice(0, 2).join(".")] });
  };
  walk(config, defaultConfig(), []);
  return settings;
}
function renderInitConfig(header, settings) {
  const headerText = header.map((line) => `# ${line}`.trimEnd()).join("\n");
  if (settings.length === 0) return `${headerText}
#
# Nothing here differs from the defaults yet: add keys as you need them.
`;
  const doc = new import_yaml.Document({});
  for (const setting of settings) doc.setIn(setting.path, doc.createNode(setting.value));
  let previous;
  for (const setting of settings) {
    const pair = findPair(doc.contents, setting.path);
    const repeated = previous !== void 0 && previous.comment === setting.comment && previous.path.slice(0, -1).join(".") === setting.path.slice(0, -1).join(".");
    const sameGroup = previous !== void 0 && previous.path.length > 2 && setting.path.slice(0, 2).join(".") === previous.path.slice(0, 2).join(".");
    previous = setting;
    if (!pair || !setting.comment || repeated || sameGroup) continue;
    const key = (0, import_yaml.isScalar)(pair.key) ? pair.key : new import_yaml.Scalar(pair.key);
    key.commentBefore = ` ${setting.comment}`;
    pair.key = key;
  }
  doc.commentBefore = header.map((line) => ` ${line}`.trimEnd()).join("\n");
  return doc.toString({ lineWidth: 0 });
}
function findPair(map, path) {
  let current = map;
  let pair;
  for (const key of path) {
    if (!(0, import_yaml.isMap)(current)) return void 0;
    pair = current.items.find((item) => (0, import_yaml.isPair)(item) && ((0, import_yaml.isScalar)(item.key) ? item.key.value : item.key) === key);
    current = pair?.value;
  }
  return pair;
}

// src/core/init/next-steps.ts
var SECRET_PURPOSE = {
  NPM_TOKEN: "an npm automation token allowed to publish the plugins",
  SLACK_BOT_TOKEN: "a Slack bot token (chat:write, channels:read, channels:history); without it nothing is posted",
  NOTION_TOKEN: "a Notion integration token, shared with the digest database",
  RELEASE_APP_PRIVATE_KEY: "the private key of a GitHub App that pushes releases (with the RELEASE_APP_ID variable)",
  CATALOG_APP_PRIVATE_KEY: "org mode: the private key of a GitHub App that pushes the central catalog",
  ORG_READ_TOKEN: "org mode: a token that can list and clone the plugin repositories",
  PLUGIN_READ_TOKEN: "org mode: a token that can read private plugin repositories"
};
function nextSteps(input) {
  const lines = [];
  let n = 0;
  const step = (text) => lines.push(`${++n}. ${text}`);
  const required = input.secrets.filter((s) => !s.optional);
  const optional = input.secrets.filter((s) => s.optional);
  if (input.secrets.length) {
    step("Add the repository secrets the workflows read (Settings \u2192 Secrets and variables \u2192 Actions, or `gh secret set NAME`):");
    const width = Math.max(...input.secrets.map((s) => s.name.length));
    for (const secret of required) lines.push(`     ${secret.name.padEnd(width)}  ${SECRET_PURPOSE[secret.name] ?? "used by"} (${secret.workflows.join(", ")})`);
    for (const secret of optional) lines.push(`     ${secret.name.padEnd(width)}  optional \u2014 ${SECRET_PURPOSE[secret.name] ?? "an option"} (${secret.workflows.join(", ")}, commented out)`);
  }
  step(`Create the approval Environment; GitHub then pauses each release until a reviewer approves:
     slipway setup --environment ${input.environment} --reviewer YOUR-LOGIN --reviewer ORG/TEAM --branch ${input.branch}
     (needs a repository admin's token in GITHUB_TOKEN, e.g. GITHUB_TOKEN=$(gh auth token))`);
  if (!input.slack) step("Name the Slack channels in slipway.yml (slack.release, slack.compat, slack.digest), or rerun init with --slack-channel ID --force.");
  if (input.compatSkipped) step("To test every plugin against the core each week, rerun with --core OWNER/NAME --force: it adds .github/workflows/compat.yml.");
  step(`Commit and push: git add ${input.files.join(" ")} && git commit -m "ci: release with slipway" && git push`);
  return lines;
}

// src/jobs/init.ts
async function initRepository(options) {
  const { cwd, reporter } = options;
  const actionRef = parseActionRef(options.actionRef ?? STARTER_ACTION_REF);
  const base = await loadConfig(cwd);
  const [fleet, tags, checkedOut, starters] = await Promise.all([discoverFleet(cwd, base), readTags(cwd), currentBranch(cwd), readStarterWorkflows()]);
  const names = fleet.plugins.map((p) => p.name);
  reporter.info(`found ${fleet.single ? "a repository that is one" : `a fleet of ${names.length}`} ${fleet.ecosystem} plugin${names.length === 1 ? "" : "s"}: ${list(names)}`);
  const reasons = /* @__PURE__ */ new Map();
  const wanted = structuredClone(base);
  const set = (path, value, reason) => {
    if (value === void 0) return;
    const keys = path.split(".");
    let target = wanted;
    for (const key of keys.slice(0, -1)) target = target[key];
    target[keys.at(-1)] = value;
    reasons.set(path, reason);
  };
  const detected = detectTagFormat(tags.map((t) => t.name), names, fleet.single);
  const fleetDefault = defaultTagFormat(fleet.single);
  if (detected && detected.pattern !== (base.versioning.tagFormat ?? fleetDefault)) {
    set("versioning.tagFormat", detected.pattern, `Your ${detected.tags} existing release tag(s) use this format (slipway's default here is ${fleetDefault}).`);
  }
  if (wanted.versioning.tagFormat === fleetDefault) delete wanted.versioning.tagFormat;
  if (options.branch) set("release.branch", options.branch, "The branch releases are made from (--branch).");
  else if (checkedOut && checkedOut !== base.release.branch) set("release.branch", checkedOut, "The branch releases are made from: the branch checked out when init ran.");
  set("release.environment", options.environment, "The Environment whose required reviewers approve releases (--environment).");
  set("core.repository", options.core, "The core the plugins are built against; compat tests them against its develop branch (--core).");
  for (const job of ["release", "compat", "digest"]) set(`slack.${job}`, options.slackChannel, "The Slack channel of the release, compat and digest messages (--slack-channel).");
  set("digest.notionDatabase", options.notionDatabase, "The Notion database the weekly digest writes a page per release to (--notion-database).");
  const checked = configSchema.safeParse(wanted);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new SlipwayError("USAGE", `${issue.path.join(".")}: ${issue.message}`, { subject: "slipway init", hint: "check the flag that sets it" });
  }
  const config = checked.data;
  const settings = differingSettings(config, reasons);
  const header = [
    `slipway's settings, written by \`slipway init\`. Found: ${fleet.single ? "one" : names.length} ${fleet.ecosystem} plugin${names.length === 1 ? "" : "s"}`,
    `(${list(names)}).`,
    "Only what differs from the defaults is here; every other key keeps its default",
    "(README.md \u203A Configuration). Check it with `slipway plan`."
  ];
  const compatSkipped = !config.core.repository && !options.workflows;
  const chosen = [...starters.keys()].filter((file) => {
    const name = file.replace(/\.ya?ml$/, "");
    return options.workflows ? options.workflows.includes(name) : !(name === "compat" && compatSkipped);
  });
  for (const name of options.workflows ?? []) {
    if (!chosen.some((file) => file.replace(/\.ya?ml$/, "") === name)) {
      throw new SlipwayError("USAGE", `no starter workflow "${name}"`, { subject: "--workflows", hint: `choose from ${[...starters.keys()].map((f) => f.replace(/\.ya?ml$/, "")).join(", ")}` });
    }
  }
  const workflows = new Map(chosen.map((file) => [`.github/workflows/${file}`, pointStarterAt(starters.get(file), actionRef)]));
  const planned = [{ path: CONFIG_FILE, text: renderInitConfig(header, settings) }, ...[...workflows].map(([path, text]) => ({ path, text }))];
  const existing = new Set(await existingFiles(cwd, planned.map((f) => f.path)));
  const files = planned.map((file) => ({ ...file, exists: existing.has(file.path) }));
  const steps = nextSteps({
    secrets: secretsUsed(new Map([...workflows].map(([path, text]) => [path.split("/").at(-1), text]))),
    environment: config.release.environment,
    branch: config.release.branch,
    files: ["slipway.yml", ".github/workflows"],
    slack: Boolean(config.slack.release || config.slack.compat || config.slack.digest),
    compatSkipped
  });
  if (options.dryRun) {
    for (const file of files) reporter.info(`would ${file.exists ? "overwrite" : "create"} ${file.path}`);
    return { ecosystem: fleet.ecosystem, plugins: names, files, outcome: "dry-run", steps };
  }
  const clashes = files.filter((f) => f.exists).map((f) => f.path);
  if (clashes.length && !options.force) {
    throw new SlipwayError("USAGE", `${clashes.length} file(s) exist already and would be overwritten: ${clashes.join(", ")}`, {
      subject: cwd,
      hint: "run again with --force to replace them, or move them aside first; --dry-run shows what init writes"
    });
  }
  await writeFiles(cwd, files);
  for (const file of files) reporter.info(`${file.exists ? "overwrote" : "created"} ${file.path}`);
  return { ecosystem: fleet.ecosystem, plugins: names, files, outcome: "written", steps };
}
var list = (names, shown = 5) => names.length > shown ? `${names.slice(0, shown).join(", ")} and ${names.length - shown} more` : names.join(", ");

// src/cli/commands/init.ts
var usage = `usage: slipway init [options]

Sets a repository up for slipway: finds its plugins, writes slipway.yml (only the settings
that differ from the defaults, each with a comment) and the starter workflows in
.github/workflows (release, index, digest, validate; compat when the core is known), then
prints what is left to do by hand: secrets, the approval Environment, commit and push.
Refuses to overwrite an existing file unless --force.

options:
  --cwd DIR              the repository (default: the current folder)
  --action-ref REF       slipway in the workflows, OWNER/NAME@REF (default: ${STARTER_ACTION_REF})
  --core OWNER/NAME      the core the plugins build against (core.repository; adds compat)
  --slack-channel ID     the Slack channel for release, compat and digest messages
  --notion-database ID   the Notion database of the weekly digest
  --environment NAME     the approval Environment (default: release)
  --branch NAME          the release branch (default: the checked-out branch)
  --workflows LIST       only these starters, comma-separated (e.g. release,index)
  --force                overwrite existing files
  --dry-run              list the files init would write, and show slipway.yml; write nothing
  --json                 print the result as JSON`;
async function run(args, context) {
  const { values } = parseFlags(
    args,
    {
      cwd: { type: "string" },
      "action-ref": { type: "string" },
      core: { type: "string" },
      "slack-channel": { type: "string" },
      "notion-database": { type: "string" },
      environment: { type: "string" },
      branch: { type: "string" },
      workflows: { type: "string" },
      force: { type: "boolean" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" }
    },
    "init"
  );
  const reporter = consoleReporter({ debug: context.debug });
  const result = await initRepository({
    cwd: resolve(values.cwd ?? "."),
    reporter,
    actionRef: values["action-ref"],
    core: values.core,
    slackChannel: values["slack-channel"],
    notionDatabase: values["notion-database"],
    environment: values.environment,
    branch: values.branch,
    workflows: values.workflows?.split(",").map((name) => name.trim()).filter(Boolean),
    force: values.force,
    dryRun: values["dry-run"]
  });
  if (values.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    return 0;
  }
  if (result.outcome === "dry-run") {
    const config = result.files[0];
    reporter.info(`
${config.path} would be:
${config.text.replace(/^/gm, "  ")}`);
  }
  reporter.info(`
Next steps:
${result.steps.map((line) => `  ${line}`).join("\n")}`);
  return 0;
}
export {
  run,
  usage
};
