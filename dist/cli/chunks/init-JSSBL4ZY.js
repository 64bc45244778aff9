import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  MANIFEST_FILES,
  PACKAGE_JSON_FIELD
} from "./chunk-TWRVX27L.js";
import {
  CONFIG_FILE,
  DEFAULT_DEPENDENTS,
  RELEASE_PLEASE_DEPENDENTS,
  configSchema,
  defaultConfig,
  loadConfig
} from "./chunk-P343D4NB.js";
import {
  KNOWN_TAG_FORMATS,
  tagsReadByKnownFormats
} from "./chunk-ACFCCGA2.js";
import {
  readChangesets
} from "./chunk-GW5QGPFC.js";
import {
  discoverFleet,
  fileExists,
  firstExisting,
  parsePom,
  readManifest,
  readProperties,
  strategyFor
} from "./chunk-U3UJK7Z7.js";
import {
  require_dist
} from "./chunk-IBDRWFRH.js";
import {
  consoleReporter
} from "./chunk-SMPAV5OI.js";
import {
  parseFlags
} from "./chunk-4WOUKBCQ.js";
import "./chunk-KPGBGOOP.js";
import {
  MONOREPO_TAG_FORMAT,
  SINGLE_TAG_FORMAT
} from "./chunk-LDUL6X6Y.js";
import {
  currentBranch,
  readTags
} from "./chunk-4CSZ42WN.js";
import "./chunk-BAVTOFCZ.js";
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

// src/jobs/init.ts
import { readFile as readFile3 } from "node:fs/promises";
import { join as join3 } from "node:path";

// src/adapters/init/jvm-facts.ts
var GRADLE_CORE_PROPERTY = /^[a-z][A-Za-z0-9]*Version$/;
async function readJvmFacts(root, ecosystem) {
  if (ecosystem === "gradle") return { ...await gradleCoreProperty(root), javaVersion: await gradleJavaVersion(root) };
  if (ecosystem === "maven") return mavenFacts(root);
  return { coreProperty: void 0, coreValue: void 0, javaVersion: void 0 };
}
async function gradleCoreProperty(root) {
  if (!await fileExists(root, "gradle.properties")) return { coreProperty: void 0, coreValue: void 0 };
  const properties = readProperties(await readManifest(root, "gradle.properties"));
  const candidates = [...properties.keys()].filter((key) => GRADLE_CORE_PROPERTY.test(key));
  const coreProperty = candidates.includes("kestraVersion") ? "kestraVersion" : candidates.length === 1 ? candidates[0] : void 0;
  return { coreProperty, coreValue: coreProperty === void 0 ? void 0 : properties.get(coreProperty)?.value };
}
async function gradleJavaVersion(root) {
  const script = await firstExisting(root, ["build.gradle.kts", "build.gradle"]);
  if (!script) return void 0;
  const text = await readManifest(root, script);
  const match = /JavaVersion\.VERSION_(\d+)(?:_(\d+))?/.exec(text) ?? /JavaLanguageVersion\.of\(\s*(\d+)\s*\)/.exec(text) ?? /(?:source|target)Compatibility\s*=\s*['"]?(\d+(?:\.\d+)?)/.exec(text);
  if (!match) return void 0;
  return match[1] === "1" && match[2] ? match[2] : match[1];
}
async function mavenFacts(root) {
  if (!await fileExists(root, "pom.xml")) return { coreProperty: void 0, coreValue: void 0, javaVersion: void 0 };
  const pom = parsePom(await readManifest(root, "pom.xml"), "pom.xml");
  const keys = Object.keys(pom.properties);
  const coreProperty = ["kestraVersion", "kestra.version", "coreVersion", "core.version"].find((key) => keys.includes(key));
  const java = pom.properties["maven.compiler.release"] ?? pom.properties["maven.compiler.target"] ?? pom.properties["java.version"];
  const javaVersion = java && /^\d+(?:\.\d+)?$/.test(java.trim()) ? java.trim().replace(/^1\.(\d+)$/, "$1") : void 0;
  return { coreProperty, coreValue: coreProperty === void 0 ? void 0 : pom.properties[coreProperty], javaVersion };
}

// src/core/init/jvm-preset.ts
var KESTRA_RELEASE_TYPES = {
  "chore(deps)": "patch",
  "build(deps)": "patch",
  "chore(version)": "none",
  chore: "patch",
  docs: "patch",
  test: "patch",
  refactor: "patch",
  build: "patch"
};
var DEFAULT_JAVA_VERSION = "21";
var JVM_RELEASE_SECRETS = [
  ["maven-username", "MAVEN_USERNAME"],
  ["maven-password", "MAVEN_PASSWORD"],
  ["signing-key", "SIGNING_KEY"],
  ["signing-password", "SIGNING_PASSWORD"]
];
function jvmStarter(file, text, javaVersion) {
  const name = file.replace(/\.ya?ml$/, "");
  if (name !== "release" && name !== "validate") return text;
  let out = /^\s*with:\n/m.test(text) ? text.replace(/^(\s*)with:\n/m, (line, indent) => `${line}${indent}  java-version: '${javaVersion}'
`) : text.replace(/^(\s*)uses: (.*\/workflows\/validate\.yml@.*)\n/m, (line, indent) => `${line}${indent}with:
${indent}  java-version: '${javaVersion}'
`);
  if (name !== "release") return out;
  out = out.replace(
    /^(\s*)npm-token: \$\{\{ secrets\.NPM_TOKEN \}\}\n/m,
    (_line, indent) => JVM_RELEASE_SECRETS.map(([input, secret]) => `${indent}${input}: \${{ secrets.${secret} }}
`).join("")
  );
  out = out.replace(/^(\s*)dist-tag:\n(?:\1 {2}.*\n)+/m, "").replace(/^\s*dist-tag: \$\{\{ inputs\.dist-tag \|\| '' \}\}\n/m, "");
  return out.replace("ship pushes and signs npm provenance", "ship pushes and publishes");
}

// src/adapters/init/catalog-manifests.ts
import { posix } from "node:path";
async function anyCatalogManifest(cwd, plugins) {
  for (const plugin of plugins) {
    for (const file of MANIFEST_FILES) if (await fileExists(cwd, posix.join(plugin.path || ".", file))) return true;
    if (plugin.ecosystem !== "npm") continue;
    try {
      const pkg = JSON.parse(await readManifest(cwd, plugin.manifestFile));
      if (pkg[PACKAGE_JSON_FIELD] !== void 0) return true;
    } catch {
    }
  }
  return false;
}

// src/adapters/init/files.ts
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
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
async function foreignWorkflows(root, paths) {
  const foreign = /* @__PURE__ */ new Set();
  for (const path of paths) {
    const text = await readFile(join(root, path), "utf8").catch(() => void 0);
    if (text !== void 0 && !/slipway/i.test(text)) foreign.add(path);
  }
  return foreign;
}

// src/adapters/init/release-please.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";
var RELEASE_PLEASE_CONFIG = "release-please-config.json";
async function readReleasePleaseConfig(root) {
  let text;
  try {
    text = await readFile2(join2(root, RELEASE_PLEASE_CONFIG), "utf8");
  } catch {
    return void 0;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { invalid: error.message };
  }
}

// src/adapters/init/starter-workflows.ts
async function readStarterWorkflows() {
  return /* @__PURE__ */ new Map([["compat.yml", "# Starter workflow: copy to .github/workflows/compat.yml in your fleet repository.\n#\n# Every Saturday night, test every plugin against the core's develop branch (core.repository\n# and core.branch in slipway.yml). The Slack message (slack.compat in slipway.yml, and the\n# SLACK_BOT_TOKEN secret) is scheduled for Monday 09:00 in compat.report.timeZone, so the\n# regressions are on the team's desk when the week starts. Run it by hand to test now.\nname: Compatibility\n\non:\n  schedule:\n    # Saturdays, 02:00 UTC.\n    - cron: '0 2 * * 6'\n  workflow_dispatch:\n    inputs:\n      against:\n        description: Test against develop, or make a baseline run against the released core\n        type: choice\n        options: [develop, release]\n        default: develop\n      slack-now:\n        description: Post the Slack message now instead of Monday morning\n        type: boolean\n        default: false\n\njobs:\n  compat:\n    # The shard jobs only read; the report job pushes the results branch and keeps regression issues.\n    permissions:\n      contents: write\n      issues: write\n      # Lets each job find the commit of slipway this workflow was called at.\n      actions: read\n    uses: slipway-dev/slipway/.github/workflows/compat.yml@v1\n    with:\n      against: ${{ inputs.against || 'develop' }}\n      slack-now: ${{ inputs.slack-now || false }}\n      # Gradle/Maven fleets: the JDK the core is built and the plugins are tested with (default 21).\n      # java-version: '17'\n    secrets:\n      slack-token: ${{ secrets.SLACK_BOT_TOKEN }}\n      # Org mode (compat.org in slipway.yml): a token that can list and clone the plugin repositories.\n      # org-token: ${{ secrets.ORG_READ_TOKEN }}\n"], ["digest.yml", "# Starter workflow: copy to .github/workflows/digest.yml.\n#\n# Every Monday, what shipped since the last digest: posted to Slack (slack.digest in\n# slipway.yml, a channel ID) and written to Notion (digest.notionDatabase; check it first with\n# `slipway digest setup-notion`). Add the SLACK_BOT_TOKEN and NOTION_TOKEN secrets; without one,\n# that sink is skipped. Run it by hand for another window, or as a dry run.\nname: Weekly digest\n\non:\n  schedule:\n    # Mondays 08:00 UTC: the digest covers up to Sunday night.\n    - cron: '0 8 * * 1'\n  workflow_dispatch:\n    inputs:\n      since:\n        description: Window start (YYYY-MM-DD); empty for \"since the last digest\"\n        type: string\n        required: false\n      until:\n        description: Window end, exclusive (YYYY-MM-DD); empty for today\n        type: string\n        required: false\n      dry-run:\n        description: Show what would be posted and written, write nothing\n        type: boolean\n        default: false\n\njobs:\n  digest:\n    # Pushes the last-digest mark (refs/slipway/digest).\n    permissions:\n      contents: write\n      # Lets each job find the commit of slipway this workflow was called at.\n      actions: read\n    uses: slipway-dev/slipway/.github/workflows/digest.yml@v1\n    with:\n      since: ${{ inputs.since || '' }}\n      until: ${{ inputs.until || '' }}\n      dry-run: ${{ inputs.dry-run || false }}\n      # Org mode: the plugins are the repositories of an organisation (digest.org / digest.topic\n      # in slipway.yml); private repositories need a token that can read them:\n      # org: my-org\n    secrets:\n      slack-token: ${{ secrets.SLACK_BOT_TOKEN }}\n      notion-token: ${{ secrets.NOTION_TOKEN }}\n      # github-token: ${{ secrets.PLUGIN_READ_TOKEN }}\n"], ["index.yml", "# Starter workflow: copy to .github/workflows/index.yml in your plugin repository.\n#\n# Every release tag becomes a catalog entry. Tags pushed with GITHUB_TOKEN start no workflow,\n# and a push of more than three tags at once creates no tag events, so the release job also\n# dispatches this workflow with the new tags (input `tags`). Run it by hand to reindex: one\n# plugin (`plugin`, optionally `version`), everything (`all`), or `rebuild` from the tags alone.\nname: Index plugins\n\non:\n  push:\n    tags: ['**']\n  workflow_dispatch:\n    inputs:\n      tags:\n        description: Tags to index (space-separated); sent by the release job\n        type: string\n        required: false\n      plugin:\n        description: Reindex this plugin\n        type: string\n        required: false\n      version:\n        description: With plugin, reindex only this version\n        type: string\n        required: false\n      all:\n        description: Reindex every released version of every plugin\n        type: boolean\n        default: false\n      rebuild:\n        description: Rebuild the whole catalog from the release tags\n        type: boolean\n        default: false\n\njobs:\n  index:\n    # The catalog branch of this repository is pushed. In org mode (catalog-repository below)\n    # the App token pushes the central catalog and `contents: read` is enough here.\n    permissions:\n      contents: write\n      # Lets each job find the commit of slipway this workflow was called at.\n      actions: read\n    uses: slipway-dev/slipway/.github/workflows/index.yml@v1\n    with:\n      tags: ${{ inputs.tags || '' }}\n      plugin: ${{ inputs.plugin || '' }}\n      version: ${{ inputs.version || '' }}\n      all: ${{ inputs.all || false }}\n      rebuild: ${{ inputs.rebuild || false }}\n      # Org mode: one central catalog for every plugin repository of the organisation\n      # (see docs/catalog.md for the GitHub App setup).\n      # catalog-repository: my-org/plugin-catalog\n      # catalog-app-id: ${{ vars.CATALOG_APP_ID }}\n    # secrets:\n    #   catalog-app-private-key: ${{ secrets.CATALOG_APP_PRIVATE_KEY }}\n"], ["org-release.yml", "# Starter workflow for the org release: copy to .github/workflows/org-release.yml in a central\n# repository of your organisation (e.g. acme/plugin-releases), or run `slipway init --org ORG`.\n#\n# Every morning, plan one release across every plugin repository of the organisation and ask\n# for ONE approval: the plan (a row per repository and plugin) is in the run's summary and in\n# Slack. A required reviewer of this repository's `release` Environment approves in the run\n# (\"Review deployments\"); each repository then ships exactly its part, with a GitHub App token\n# scoped to it. Run it by hand to leave a repository out or to set a plugin's version.\n# Setup (App, Environment, secrets): docs/org-release.md.\nname: Org release\n\non:\n  schedule:\n    # Every day, 06:00 UTC.\n    - cron: '0 6 * * *'\n  workflow_dispatch:\n    inputs:\n      exclude:\n        description: Leave these repositories out today (owner/name, comma-separated)\n        type: string\n        required: false\n      set:\n        description: Set versions (owner/name:PLUGIN=VERSION, comma-separated)\n        type: string\n        required: false\n      bump:\n        description: Set bumps (owner/name:PLUGIN=major|minor|patch, comma-separated)\n        type: string\n        required: false\n      dist-tag:\n        description: npm dist-tag to publish to, e.g. next (empty - each repository's release.distTag, else latest)\n        type: string\n        required: false\n\njobs:\n  release:\n    # The most the reusable workflow's jobs get; each takes less (plan and report read this\n    # repository, ship signs npm provenance; each reads which slipway commit to run). Every\n    # push uses the App's scoped tokens.\n    permissions:\n      contents: read\n      id-token: write\n      actions: read\n    uses: slipway-dev/slipway/.github/workflows/org-release.yml@v1\n    with:\n      org: ${{ github.repository_owner }}\n      topic: slipway-plugin\n      environment: release\n      exclude: ${{ inputs.exclude || '' }}\n      set: ${{ inputs.set || '' }}\n      bump: ${{ inputs.bump || '' }}\n      dist-tag: ${{ inputs.dist-tag || '' }}\n      # catalog-repository: ${{ github.repository_owner }}/plugin-catalog\n      # slack-channel: C0123456789\n    secrets:\n      app-id: ${{ secrets.RELEASE_APP_ID }}\n      app-private-key: ${{ secrets.RELEASE_APP_PRIVATE_KEY }}\n      npm-token: ${{ secrets.NPM_TOKEN }}\n      slack-token: ${{ secrets.SLACK_BOT_TOKEN }}\n"], ["release.yml", "# Starter workflow: copy to .github/workflows/release.yml in your fleet repository.\n#\n# Every morning, plan the release of every plugin with unreleased changes and ask for approval:\n# the plan is in the run's summary (and in Slack: slack.release in slipway.yml and the\n# SLACK_BOT_TOKEN secret). A required reviewer of the `release` Environment approves in the run\n# (\"Review deployments\"), and exactly that plan ships. Create the Environment once with\n#   slipway setup --environment release --reviewer YOU --reviewer ORG/TEAM --branch main\n# Run it by hand to release now.\nname: Release\n\non:\n  schedule:\n    # Every day, 06:00 UTC.\n    - cron: '0 6 * * *'\n  workflow_dispatch:\n    inputs:\n      approve-plan-hash:\n        description: 'Fallback gate only (approval-gate: plan-hash): the hash of the plan you approve, from a plan run''s summary'\n        type: string\n        required: false\n      prerelease:\n        description: Release prereleases on this channel (e.g. next)\n        type: string\n        required: false\n      set-versions:\n        description: 'Versions you decide, e.g. @acme/csv=2.0.0 (NAME=VERSION, space-separated)'\n        type: string\n        required: false\n      bump:\n        description: 'Bumps you decide, e.g. @acme/csv=major (NAME=major|minor|patch, space-separated)'\n        type: string\n        required: false\n      plugins:\n        description: 'Release only these plugins, e.g. @acme/csv (space-separated; empty: every plugin with changes)'\n        type: string\n        required: false\n      dist-tag:\n        description: 'npm dist-tag to publish to, e.g. next (empty: release.distTag in slipway.yml, else latest)'\n        type: string\n        required: false\n\njobs:\n  release:\n    # The most the reusable workflow's jobs get; each takes only what it needs (plan reads,\n    # ship pushes and signs npm provenance, index dispatches the index workflow).\n    permissions:\n      contents: write\n      id-token: write\n      actions: write\n    uses: slipway-dev/slipway/.github/workflows/release.yml@v1\n    with:\n      environment: release\n      # Private repository without GitHub Enterprise (no required reviewers)? See docs/approval.md.\n      # approval-gate: plan-hash\n      approve-plan-hash: ${{ inputs.approve-plan-hash || '' }}\n      prerelease: ${{ inputs.prerelease || '' }}\n      set-versions: ${{ inputs.set-versions || '' }}\n      bump: ${{ inputs.bump || '' }}\n      plugins: ${{ inputs.plugins || '' }}\n      dist-tag: ${{ inputs.dist-tag || '' }}\n      # A GitHub App token pushes instead of GITHUB_TOKEN (see docs/release.md):\n      # app-id: ${{ vars.RELEASE_APP_ID }}\n    secrets:\n      npm-token: ${{ secrets.NPM_TOKEN }}\n      slack-token: ${{ secrets.SLACK_BOT_TOKEN }}\n      # app-private-key: ${{ secrets.RELEASE_APP_PRIVATE_KEY }}\n"], ["validate.yml", "# Starter workflow: copy to .github/workflows/validate.yml in your fleet repository.\n#\n# On every pull request, check the plugins it touches and lint its commits and title as\n# Conventional Commits (validate.* in slipway.yml sets how strictly). Make it a required\n# status check so nothing that would break the daily release is merged.\nname: Validate\n\non:\n  pull_request:\n\njobs:\n  validate:\n    permissions:\n      contents: read\n      # Lets each job find the commit of slipway this workflow was called at.\n      actions: read\n    uses: slipway-dev/slipway/.github/workflows/validate.yml@v1\n"]]);
}

// src/core/init/detect-tag-format.ts
function detectTagFormat(tags, plugins, single) {
  const read = tagsReadByKnownFormats(tags, plugins, single);
  const ranked = [...read].sort((a, b) => b.tags.length - a.tags.length || rank(a.pattern) - rank(b.pattern));
  const best = ranked[0];
  if (!best) return void 0;
  const covered = new Set(best.tags);
  const legacy = [];
  for (const other of ranked.slice(1)) {
    const fresh = other.tags.filter((tag) => !covered.has(tag));
    if (fresh.length === 0) continue;
    legacy.push(other.pattern);
    for (const tag of fresh) covered.add(tag);
  }
  return { pattern: best.pattern, tags: best.tags.length, legacy };
}
var rank = (pattern) => KNOWN_TAG_FORMATS.indexOf(pattern);
var defaultTagFormat = (single) => single ? SINGLE_TAG_FORMAT : MONOREPO_TAG_FORMAT;

// src/core/init/init-config.ts
var import_yaml = __toESM(require_dist(), 1);
var KEY_DOCS = {
  "fleet.ecosystem": "The ecosystem of the plugins (auto detects it).",
  "fleet.paths": "Where the plugins are, as globs of folders.",
  "fleet.exclude": "Folders left out of the fleet.",
  "versioning.tagFormat": "The release tag of a plugin version.",
  "versioning.legacyTagFormats": "Older tag formats, read but never written.",
  "versioning.dependents": "What a release does to the plugins that depend on it, per kind of dependency.",
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
    const section = path.slice(0, 2).join(".");
    settings.push({ path, value, comment: reasons.get(key) ?? reasons.get(section) ?? KEY_DOCS[key] ?? KEY_DOCS[section] });
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
function mergeInitConfig(existing, settings) {
  const doc = (0, import_yaml.parseDocument)(existing);
  if (doc.errors.length || !((0, import_yaml.isMap)(doc.contents) || doc.contents === null)) return renderInitConfig([], settings);
  if (doc.contents === null) return settings.length ? `${existing.trimEnd()}

${renderInitConfig([], settings).replace(/^#\n/, "")}` : existing;
  for (const setting of settings) {
    const before = findPair(doc.contents, setting.path);
    if (before && (0, import_yaml.isScalar)(before.value)) before.value.value = setting.value;
    else doc.setIn(setting.path, doc.createNode(setting.value));
    const pair = findPair(doc.contents, setting.path);
    if (!pair || !setting.comment) continue;
    const key = (0, import_yaml.isScalar)(pair.key) ? pair.key : new import_yaml.Scalar(pair.key);
    const parent = setting.path.length > 1 ? doc.getIn(setting.path.slice(0, -1), true) : doc.contents;
    if (key.commentBefore || (0, import_yaml.isMap)(parent) && parent.items[0] === pair && parent.commentBefore) continue;
    key.commentBefore = ` ${setting.comment}`;
    pair.key = key;
  }
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
  MAVEN_USERNAME: "the user (or token name) of the Maven repository the build publishes to (Sonatype Central: a user token)",
  MAVEN_PASSWORD: "its password or token",
  SIGNING_KEY: "the ASCII-armoured GPG private key that signs the artifacts (gpg --armor --export-secret-keys KEYID)",
  SIGNING_PASSWORD: "the passphrase of that key",
  SLACK_BOT_TOKEN: "a Slack bot token (chat:write, channels:read, channels:history); without it nothing is posted",
  NOTION_TOKEN: "a Notion integration token, shared with the digest database",
  RELEASE_APP_PRIVATE_KEY: "the private key of a GitHub App that pushes releases (with the RELEASE_APP_ID variable)",
  RELEASE_APP_ID: "org release: the ID of the GitHub App installed on the organisation (its About page)",
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
  if (input.indexSkipped) step("To list the plugins in a catalog, give each a plugin manifest (docs/plugin-manifest.md) and rerun init with --force: it adds .github/workflows/index.yml (validate then also checks what the catalog needs).");
  if (input.compatSkipped) step("To test every plugin against the core each week, rerun with --core OWNER/NAME --force: it adds .github/workflows/compat.yml.");
  step(`Commit and push: git add ${input.files.join(" ")} && git commit -m "ci: release with slipway" && git push`);
  return lines;
}

// src/core/init/org-starter.ts
var ORG_STARTER = "org-release.yml";
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
var TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;
var PLAIN = /^[\w./-]+$/;
function check(value, pattern, flag, hint) {
  if (!pattern.test(value)) throw new SlipwayError("USAGE", `"${value.slice(0, 100)}" is not valid here`, { subject: flag, hint });
  return value;
}
function fillOrgStarter(text, settings) {
  const org = check(settings.org, LOGIN, "--org", "the organisation login, e.g. acme");
  const edits = [[/^(\s+org: ).*$/m, `$1${org}`]];
  if (settings.topic !== void 0) edits.push([/^(\s+topic: ).*$/m, `$1${check(settings.topic, TOPIC, "--topic", "a GitHub topic: lowercase letters, digits and -")}`]);
  if (settings.environment !== void 0) edits.push([/^(\s+environment: ).*$/m, `$1${check(settings.environment, PLAIN, "--environment", "letters, digits, ., _, / and -")}`]);
  if (settings.catalogRepository !== void 0) edits.push([/^(\s+)# (catalog-repository: ).*$/m, `$1$2${check(settings.catalogRepository, /^[\w.-]+\/[\w.-]+$/, "--catalog-repository", "owner/name")}`]);
  if (settings.slackChannel !== void 0) edits.push([/^(\s+)# (slack-channel: ).*$/m, `$1$2${check(settings.slackChannel, /^#?[\w-]+$/, "--slack-channel", "a channel ID (C0123456789) or #name")}`]);
  let filled = text;
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(filled)) throw new SlipwayError("USAGE", `the org release starter has no line for ${pattern.source}`, { subject: ORG_STARTER, hint: "the bundled starter is damaged: reinstall slipway" });
    filled = filled.replace(pattern, replacement);
  }
  return filled;
}

// src/core/init/release-please.ts
var ECOSYSTEM_OF = { node: "npm", python: "python", maven: "maven", java: "maven", simple: "generic" };
function packagesOf(config) {
  const packages = config["packages"];
  if (!isRecord2(packages)) return void 0;
  const paths = [];
  const ecosystems = /* @__PURE__ */ new Set();
  for (const [path, options] of Object.entries(packages)) {
    const folder = path.replace(/^\.\//, "").replace(/\/+$/, "");
    if (folder === "" || folder === "." || folder.split("/").some((part) => part === ".." || part === "") || /[*?[\]{}!]/.test(folder)) return void 0;
    const type = (isRecord2(options) && typeof options["release-type"] === "string" ? options["release-type"] : config["release-type"]) ?? "node";
    ecosystems.add(typeof type === "string" ? ECOSYSTEM_OF[type] : void 0);
    paths.push(folder);
  }
  const [ecosystem] = [...ecosystems];
  if (ecosystems.size !== 1 || ecosystem === void 0 || ecosystem === "generic" || paths.length === 0) return void 0;
  return { paths: paths.sort(), ecosystem };
}
var DEFAULT_SECTIONS = [
  { type: "feat" },
  { type: "fix" },
  { type: "perf" },
  { type: "revert" },
  { type: "deps" },
  { type: "docs", hidden: true },
  { type: "style", hidden: true },
  { type: "chore", hidden: true },
  { type: "refactor", hidden: true },
  { type: "test", hidden: true },
  { type: "build", hidden: true },
  { type: "ci", hidden: true }
];
var BUILT_IN = { feat: "minor", fix: "patch", perf: "patch", revert: "patch" };
var isRecord2 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function releasePleaseSettings(config) {
  if (!isRecord2(config) || "invalid" in config) return void 0;
  const plugins = Array.isArray(config["plugins"]) ? config["plugins"] : [];
  const workspace = plugins.map((plugin) => typeof plugin === "string" ? plugin : isRecord2(plugin) && typeof plugin["type"] === "string" ? plugin["type"] : "").find((type) => type.endsWith("-workspace"));
  const none = { runtime: "none", optional: "none", peer: "none", dev: "none" };
  const sections = Array.isArray(config["changelog-sections"]) ? config["changelog-sections"] : DEFAULT_SECTIONS;
  const releaseTypes = {};
  const visible = /* @__PURE__ */ new Set();
  for (const section of sections) {
    if (!isRecord2(section) || typeof section["type"] !== "string") continue;
    if (section["hidden"] !== true) visible.add(section["type"]);
  }
  for (const type of visible) if (!(type in BUILT_IN)) releaseTypes[type] = "patch";
  for (const type of Object.keys(BUILT_IN)) if (!visible.has(type)) releaseTypes[type] = "none";
  return {
    packages: packagesOf(config),
    dependents: workspace ? { ...DEFAULT_DEPENDENTS, ...RELEASE_PLEASE_DEPENDENTS } : none,
    releaseTypes,
    dependentsReason: workspace ? `release-please's ${workspace} plugin (release-please-config.json) releases dependents through dependencies, devDependencies and optionalDependencies, not peerDependencies.` : "release-please-config.json has no workspace plugin: release-please leaves dependents of a released package alone."
  };
}

// src/jobs/init.ts
async function initRepository(options) {
  const { cwd, reporter } = options;
  const actionRef = parseActionRef(options.actionRef ?? STARTER_ACTION_REF);
  const base = await loadConfig(cwd);
  const releasePlease = await readReleasePleaseConfig(cwd);
  const releasePleaseFollowed = releasePleaseSettings(releasePlease);
  const listed = base.fleet.paths === void 0 ? releasePleaseFollowed?.packages : void 0;
  const listedConfig = listed ? { ...base, fleet: { ...base.fleet, ecosystem: listed.ecosystem, paths: listed.paths } } : base;
  const [found, tags, checkedOut, starters] = await Promise.all([discoverFleet(cwd, base).catch(() => void 0), readTags(cwd), currentBranch(cwd), readStarterWorkflows()]);
  const followsList = listed !== void 0 && !samePaths(found?.plugins.map((p) => p.path) ?? [], listed.paths);
  const fleet = found && !followsList ? found : await discoverFleet(cwd, listedConfig);
  const names = fleet.plugins.map((p) => p.name);
  reporter.info(`found ${describeFleet(fleet, true)}: ${list(names)}`);
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
  const detected = detectTagFormat(tags.map((t) => t.name), fleet.plugins, fleet.single);
  const fleetDefault = defaultTagFormat(fleet.single);
  if (detected && detected.pattern !== (base.versioning.tagFormat ?? fleetDefault)) {
    set("versioning.tagFormat", detected.pattern, `Your ${detected.tags} existing release tag(s) use this format (slipway's default here is ${fleetDefault}).`);
  }
  if (detected?.legacy.length && base.versioning.legacyTagFormats.length === 0) {
    set("versioning.legacyTagFormats", detected.legacy, "Older release tags in other formats: read as releases, never written.");
  }
  if (wanted.versioning.tagFormat === fleetDefault) delete wanted.versioning.tagFormat;
  if (followsList) {
    if (found?.ecosystem !== listed.ecosystem) set("fleet.ecosystem", listed.ecosystem, "The ecosystem of the packages release-please releases (release-please-config.json).");
    set("fleet.paths", listed.paths, 'The packages release-please releases (release-please-config.json "packages").');
  }
  if (releasePleaseFollowed) {
    set("versioning.dependents", releasePleaseFollowed.dependents, releasePleaseFollowed.dependentsReason);
    if (Object.keys(releasePleaseFollowed.releaseTypes).length) {
      set("versioning.releaseTypes", { ...releasePleaseFollowed.releaseTypes, ...base.versioning.releaseTypes }, "Commit types release-please's changelog sections release (or hide), as release-please-config.json says.");
    }
  } else if (releasePlease !== void 0) {
    reporter.warn(`${RELEASE_PLEASE_CONFIG} is not a release-please config object: slipway's own defaults for dependents and commit types are kept`);
  }
  if (options.branch) set("release.branch", options.branch, "The branch releases are made from (--branch).");
  else if (checkedOut && checkedOut !== base.release.branch) set("release.branch", checkedOut, "The branch releases are made from: the branch checked out when init ran.");
  const strategy = strategyFor(fleet.ecosystem);
  const jvm = strategy.jvm ? await readJvmFacts(cwd, fleet.ecosystem) : void 0;
  if (jvm) {
    if (jvm.coreProperty && jvm.coreProperty !== base.fleet.coreVersionProperty) {
      set("fleet.coreVersionProperty", jvm.coreProperty, `The property that names the core version the plugins build against, read from the build; the catalog records it as a minimum${jvm.coreValue ? ` (>=${jvm.coreValue})` : ""}.`);
    }
    const releaseTypes = { ...KESTRA_RELEASE_TYPES, ...base.versioning.releaseTypes };
    set("versioning.releaseTypes", releaseTypes, "The Kestra convention: what lands in the jar (dependency bumps, metadata, docs, tests) releases a patch; the SNAPSHOT cycle's chore(version) commits never release.");
    if (jvm.coreProperty || base.fleet.coreVersionProperty !== "coreVersion") {
      set("versioning.coreRaise", "minor", "A release that raises the required core version is a minor (as Kestra releases its plugins).");
    }
  }
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
  const javaVersion = jvm?.javaVersion ?? DEFAULT_JAVA_VERSION;
  const header = [
    `slipway's settings, written by \`slipway init\`. Found: ${describeFleet(fleet)}`,
    `(${list(names)}).`,
    ...jvm ? [`Java ${javaVersion} in the workflows (${jvm.javaVersion ? "from the build" : "no build file says; change java-version there"}); publishing runs ${publishLine(fleet)} from the build root.`] : [],
    "Only what differs from the defaults is here; every other key keeps its default",
    "(README.md \u203A Configuration). Check it with `slipway plan`."
  ];
  const defaults = await strategy.commandDefaults(cwd);
  if (defaults.tool) {
    const line = `Package manager: ${defaults.tool}. validate ${defaults.install ? `installs with \`${defaults.install.command}\`` : "installs nothing"} and runs each package's own build and test scripts with it (commands.* here would replace them).`;
    reporter.info(line);
    header.push("", line);
  }
  const changesets = await readChangesets(cwd, names);
  if (changesets.present) {
    const groups = changesets.groups.fixed.length + changesets.groups.linked.length;
    const line = `Changesets: ${changesets.changesets.length} pending changeset(s) in .changeset/ are release intents (with the commits),${groups ? ` ${groups} fixed/linked group(s) from .changeset/config.json are version groups,` : ""} and each release deletes the changesets it used: keep writing them.`;
    reporter.info(line);
    header.push("", line);
  }
  const compatSkipped = !config.core.repository && !options.workflows;
  const indexSkipped = !options.workflows && config.catalog.repository === void 0 && !await anyCatalogManifest(cwd, fleet.plugins);
  const repositoryStarters = [...starters.keys()].filter((file) => file !== ORG_STARTER);
  const chosen = repositoryStarters.filter((file) => {
    const name = file.replace(/\.ya?ml$/, "");
    return options.workflows ? options.workflows.includes(name) : !(name === "compat" && compatSkipped) && !(name === "index" && indexSkipped);
  });
  for (const name of options.workflows ?? []) {
    if (!chosen.some((file) => file.replace(/\.ya?ml$/, "") === name)) {
      throw new SlipwayError("USAGE", `no starter workflow "${name}"`, { subject: "--workflows", hint: `choose from ${repositoryStarters.map((f) => f.replace(/\.ya?ml$/, "")).join(", ")}` });
    }
  }
  const starterText = (file) => {
    const text = pointStarterAt(starters.get(file), actionRef);
    return jvm ? jvmStarter(file, text, javaVersion) : text;
  };
  const foreign = await foreignWorkflows(cwd, chosen.map((file) => `.github/workflows/${file}`));
  const workflowPath = (file) => foreign.has(`.github/workflows/${file}`) ? `.github/workflows/slipway-${file}` : `.github/workflows/${file}`;
  for (const path of foreign) reporter.info(`${path} is another tool's workflow: slipway's starter goes beside it as ${workflowPath(path.split("/").at(-1))} (remove the old one once slipway releases)`);
  const workflows = new Map(chosen.map((file) => [workflowPath(file), starterText(file)]));
  const existingConfig = options.force ? await readFile3(join3(cwd, CONFIG_FILE), "utf8").catch(() => void 0) : void 0;
  const configText = existingConfig === void 0 ? renderInitConfig(header, settings) : mergeInitConfig(existingConfig, settings);
  const planned = [{ path: CONFIG_FILE, text: configText }, ...[...workflows].map(([path, text]) => ({ path, text }))];
  const existing = new Set(await existingFiles(cwd, planned.map((f) => f.path)));
  const files = planned.map((file) => ({ ...file, exists: existing.has(file.path) }));
  const steps = nextSteps({
    secrets: secretsUsed(new Map([...workflows].map(([path, text]) => [path.split("/").at(-1), text]))),
    environment: config.release.environment,
    branch: config.release.branch,
    files: ["slipway.yml", ".github/workflows"],
    slack: Boolean(config.slack.release || config.slack.compat || config.slack.digest),
    compatSkipped,
    indexSkipped
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
function describeFleet(fleet, sentence = false) {
  const [first] = fleet.plugins;
  if (fleet.single && first && (first.artifacts?.length ?? 0) > 1) return `one ${fleet.ecosystem} build released as one unit, v{version}, with ${first.artifacts.length} artifacts`;
  const count = fleet.single ? sentence ? "a repository that is one" : "one" : sentence ? `a fleet of ${fleet.plugins.length}` : String(fleet.plugins.length);
  return `${count} ${fleet.ecosystem} plugin${fleet.plugins.length === 1 ? "" : "s"}`;
}
function publishLine(fleet) {
  return fleet.ecosystem === "maven" ? "`mvn -B deploy`" : "`./gradlew publish` (`gradle publish` without a wrapper)";
}
var samePaths = (a, b) => a.length === b.length && (/* @__PURE__ */ new Set([...a, ...b])).size === a.length;
var list = (names, shown = 5) => names.length > shown ? `${names.slice(0, shown).join(", ")} and ${names.length - shown} more` : names.join(", ");

// src/jobs/init-org.ts
async function initOrgRepository(options) {
  const { cwd, reporter } = options;
  const actionRef = parseActionRef(options.actionRef ?? STARTER_ACTION_REF);
  const starter = (await readStarterWorkflows()).get(ORG_STARTER);
  if (starter === void 0) throw new SlipwayError("USAGE", `no starter workflow ${ORG_STARTER} in this slipway`, { hint: "reinstall slipway" });
  const path = `.github/workflows/${ORG_STARTER}`;
  const text = pointStarterAt(fillOrgStarter(starter, options), actionRef);
  const exists = (await existingFiles(cwd, [path])).length > 0;
  const files = [{ path, text, exists }];
  const environment = options.environment ?? "release";
  const steps = [
    `1. Create a GitHub App for ${options.org} (Settings \u2192 Developer settings \u2192 GitHub Apps): Repository permissions Contents: read and write, Metadata: read; no webhook. Install it on ${options.org} with access to the plugin repositories${options.catalogRepository ? ` and ${options.catalogRepository}` : ""} (docs/org-release.md).`,
    ...nextSteps({
      secrets: secretsUsed(/* @__PURE__ */ new Map([[ORG_STARTER, text]])),
      environment,
      branch: "main",
      files: [path],
      slack: options.slackChannel !== void 0,
      compatSkipped: false
    }).map((line) => line.replace(/^(\d+)\./, (_, n) => `${Number(n) + 1}.`))
  ];
  if (options.dryRun) {
    reporter.info(`would ${exists ? "overwrite" : "create"} ${path}`);
    return { files, outcome: "dry-run", steps };
  }
  if (exists && !options.force) {
    throw new SlipwayError("USAGE", `${path} exists already and would be overwritten`, { subject: cwd, hint: "run again with --force to replace it; --dry-run shows what init writes" });
  }
  await writeFiles(cwd, files);
  reporter.info(`${exists ? "overwrote" : "created"} ${path}`);
  return { files, outcome: "written", steps };
}

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
  --json                 print the result as JSON

  --org ORG              set up the central repository of an org release instead: writes only
                         .github/workflows/org-release.yml for ORG (with --topic TOPIC,
                         --catalog-repository OWNER/NAME, --slack-channel, --environment)`;
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
      json: { type: "boolean" },
      org: { type: "string" },
      topic: { type: "string" },
      "catalog-repository": { type: "string" }
    },
    "init"
  );
  const reporter = consoleReporter({ debug: context.debug });
  if (values.org !== void 0) {
    const result2 = await initOrgRepository({
      cwd: resolve(values.cwd ?? "."),
      reporter,
      org: values.org,
      topic: values.topic,
      environment: values.environment,
      catalogRepository: values["catalog-repository"],
      slackChannel: values["slack-channel"],
      actionRef: values["action-ref"],
      force: values.force,
      dryRun: values["dry-run"]
    });
    if (values.json) process.stdout.write(JSON.stringify(result2, null, 2) + "\n");
    else reporter.info(`
Next steps:
${result2.steps.map((line) => `  ${line}`).join("\n")}`);
    return 0;
  }
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
