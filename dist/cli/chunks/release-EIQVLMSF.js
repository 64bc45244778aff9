import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  canPrompt,
  confirm,
  shipPlan
} from "./chunk-S2GTMSQQ.js";
import {
  readPlanFile
} from "./chunk-YU5H4KXO.js";
import {
  parsePlan,
  parsePlanHash
} from "./chunk-466ZC5TL.js";
import "./chunk-KKM4JSI7.js";
import "./chunk-TUTXVC6K.js";
import "./chunk-MREMTMOB.js";
import "./chunk-7Y4KZRG2.js";
import {
  renderPlanText
} from "./chunk-AK5VNLQK.js";
import {
  planRelease
} from "./chunk-W3TYGHOD.js";
import "./chunk-CNJATQYI.js";
import "./chunk-TONHLC5A.js";
import "./chunk-IIVPVJHC.js";
import "./chunk-YK4KFZUA.js";
import "./chunk-P343D4NB.js";
import "./chunk-GW5QGPFC.js";
import "./chunk-U3UJK7Z7.js";
import "./chunk-IBDRWFRH.js";
import {
  consoleReporter
} from "./chunk-SMPAV5OI.js";
import {
  dateFlag,
  distTagFlag,
  parseFlags
} from "./chunk-4WOUKBCQ.js";
import "./chunk-KPGBGOOP.js";
import "./chunk-LDUL6X6Y.js";
import "./chunk-4CSZ42WN.js";
import "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import "./chunk-X24BQQWF.js";

// src/cli/commands/release.ts
import { resolve } from "node:path";
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
  --plugin NAME        release only NAME (and the dependencies its new ranges need); repeatable
  --dist-tag TAG       npm dist-tag to publish to, e.g. latest-1 for an older line (default: release.distTag,
                       else latest, or the prerelease channel)
  --github-url URL     GitHub API root, for GitHub Enterprise Server (default: https://api.github.com);
                       the token is read from GITHUB_TOKEN or GH_TOKEN \u2014 without one, GitHub Releases are skipped
  --repo OWNER/NAME    the GitHub repository for Releases (default: the remote's, when it is on github.com)
  --journal FILE       append the journal of what was done (JSON Lines) to FILE
  --json               print the released plugins as JSON on stdout
  --cwd DIR            the repository (default: the current folder)
  --prerelease ID      when planning: prereleases on channel ID
  --date YYYY-MM-DD    when planning: the release date written into changelogs (default: today, UTC)

  --org ORG            release across an organisation's plugin repositories (docs/org-release.md)`;
async function run(args, context, io = {}) {
  if (args.some((arg) => arg === "--org" || arg.startsWith("--org="))) return (await import("./org-release-KGCFMN3N.js")).runOrgRelease(args, context);
  const { values } = parseFlags(
    args,
    {
      plan: { type: "string" },
      hash: { type: "string" },
      yes: { type: "boolean" },
      "dry-run": { type: "boolean" },
      registry: { type: "string" },
      "dist-tag": { type: "string" },
      plugin: { type: "string", multiple: true },
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
  const distTag = distTagFlag(values["dist-tag"]);
  const source = values.plan ?? "the plan shown above";
  if (values.plan && values.plugin?.length) throw new SlipwayError("USAGE", "--plugin plans; --plan ships a plan made already", { subject: "--plugin", hint: "pass --plugin to `slipway plan --out FILE`, then ship that file" });
  const plan = values.plan ? parsePlan(await readPlanFile(values.plan), values.plan) : (await planRelease({ cwd, reporter, prerelease: values.prerelease, date: dateFlag(values.date), plugins: values.plugin })).plan;
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
    rerun: values.plan ? `slipway release --plan ${values.plan}` : "slipway release",
    github: { token: env["GITHUB_TOKEN"] || env["GH_TOKEN"] || void 0, baseUrl: values["github-url"], repository: values.repo },
    registry: { url: values.registry, token: env["NPM_TOKEN"] || void 0, distTag },
    env
  });
  if (values.json) process.stdout.write(JSON.stringify(result.released, null, 2) + "\n");
  return 0;
}
export {
  run,
  usage
};
