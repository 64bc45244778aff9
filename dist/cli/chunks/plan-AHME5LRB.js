import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  parseOverrides
} from "./chunk-JVLV3LT7.js";
import {
  renderPlanMarkdown,
  renderPlanText
} from "./chunk-AK5VNLQK.js";
import {
  planRelease
} from "./chunk-W3TYGHOD.js";
import "./chunk-CNJATQYI.js";
import "./chunk-TONHLC5A.js";
import "./chunk-IIVPVJHC.js";
import {
  consoleReporter
} from "./chunk-SMPAV5OI.js";
import {
  dateFlag,
  parseFlags
} from "./chunk-4WOUKBCQ.js";
import "./chunk-KPGBGOOP.js";
import "./chunk-LDUL6X6Y.js";
import "./chunk-4CSZ42WN.js";
import "./chunk-BAVTOFCZ.js";
import "./chunk-LWD5H3C4.js";
import "./chunk-X24BQQWF.js";

// src/cli/commands/plan.ts
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
var usage = `usage: slipway plan [options]

Shows, per plugin with unreleased changes, the current and next version, the commits that
explain it and the changelog section that a release would write. Writes nothing.

options:
  --cwd DIR            the repository (default: the current folder)
  --json               print the plan as JSON
  --markdown           print the plan as Markdown (as in the job summary)
  --out FILE           also write the plan JSON to FILE (to approve or release later)
  --prerelease ID      plan prereleases on channel ID (1.3.0-ID.0, then .1, \u2026)
  --date YYYY-MM-DD    the release date written into changelogs (default: today, UTC)
  --set NAME=VERSION   release NAME as VERSION (above its last release, not tagged yet); repeatable
  --bump NAME=TYPE     release NAME with a major, minor or patch bump, whatever its commits say; repeatable
  --plugin NAME        plan only NAME (and the dependencies its new ranges need); repeatable

  --org ORG            plan across an organisation's plugin repositories (docs/org-release.md)`;
async function run(args, context) {
  if (args.some((arg) => arg === "--org" || arg.startsWith("--org="))) return (await import("./org-release-KGCFMN3N.js")).runOrgPlan(args, context);
  const { values } = parseFlags(
    args,
    {
      cwd: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" },
      out: { type: "string" },
      prerelease: { type: "string" },
      date: { type: "string" },
      set: { type: "string", multiple: true },
      bump: { type: "string", multiple: true },
      plugin: { type: "string", multiple: true }
    },
    "plan"
  );
  const reporter = consoleReporter({ debug: context.debug });
  const { plan } = await planRelease({
    cwd: resolve(values.cwd ?? "."),
    prerelease: values.prerelease,
    date: dateFlag(values.date),
    overrides: parseOverrides({ set: values.set, bump: values.bump }),
    plugins: values.plugin,
    reporter
  });
  const json = JSON.stringify(plan, null, 2) + "\n";
  if (values.out) {
    await writeFile(values.out, json);
    reporter.info(`plan written to ${values.out} (${plan.hash})`);
  }
  process.stdout.write(values.json ? json : values.markdown ? renderPlanMarkdown(plan) : renderPlanText(plan));
  return 0;
}
export {
  run,
  usage
};
