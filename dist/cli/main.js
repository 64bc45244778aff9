import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  formatError
} from "./chunks/chunk-LWD5H3C4.js";
import "./chunks/chunk-X24BQQWF.js";

// src/cli/main.ts
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
var COMMANDS = {
  compat: { summary: "test every plugin against the core's develop branch and classify the results", load: () => import("./chunks/compat-AN2CP55O.js") },
  digest: { summary: "what shipped since the last digest: Markdown, a Slack message and Notion pages, each written once", load: () => import("./chunks/digest-XVA4ARLQ.js") },
  demo: { summary: "build a demo fleet in a temp folder and plan its release (no token needed)", load: () => import("./chunks/demo-IYEPGY62.js") },
  init: { summary: "set a repository up: slipway.yml, the starter workflows, and the steps left to do by hand", load: () => import("./chunks/init-JSSBL4ZY.js") },
  plan: { summary: "show what would be released, and why (writes nothing)", load: () => import("./chunks/plan-AHME5LRB.js") },
  "dispatch-index": { summary: "start the index workflow for released tags (what the release workflow does after shipping)", load: () => import("./chunks/dispatch-index-H44YPBNB.js") },
  setup: { summary: "create or check the approval Environment (required reviewers, release branch only)", load: () => import("./chunks/setup-GMVH6L6Q.js") },
  release: { summary: "ship a release plan after approval: bump, changelog, commit, tag, push, GitHub Releases, publish", load: () => import("./chunks/release-EIQVLMSF.js") },
  validate: { summary: "check manifests, versions, commit messages, build and test of what would ship", load: () => import("./chunks/validate-4DX7LJVT.js") },
  metadata: { summary: "extract plugin versions' catalog entries, read at their tags (writes nothing)", load: () => import("./chunks/metadata-YGJUC3G3.js") },
  index: { summary: "merge plugin versions into the catalog branch (compare-and-swap; --rebuild from tags)", load: () => import("./chunks/commands-32UE2Y4V.js") },
  catalog: { summary: "ask the catalog: `catalog compatible --core 1.4.0` lists plugins that work with a core", load: () => import("./chunks/catalog-EKFIEDTG.js") }
};
function usage() {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    "usage: slipway <command> [options]",
    "",
    "commands:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `slipway <command> --help` for a command's options. --debug prints stack traces."
  ].join("\n");
}
async function main(argv) {
  const debug = argv.includes("--debug") || process.env["SLIPWAY_DEBUG"] === "1";
  const args = argv.filter((arg) => arg !== "--debug");
  const [name, ...rest] = args;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage() + "\n");
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`slipway: unknown command "${name}"

${usage()}
`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(command.usage + "\n");
      return 0;
    }
    return await command.run(rest, { debug });
  } catch (error) {
    process.stderr.write(`slipway ${name}: ${formatError(error)}
`);
    if (debug && error instanceof Error) process.stderr.write(`${error.stack}
`);
    return 1;
  }
}
function isEntryPoint() {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(script);
  } catch {
    return false;
  }
}
if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}

// src/cli/bin.ts
process.exitCode = await main(process.argv.slice(2));
