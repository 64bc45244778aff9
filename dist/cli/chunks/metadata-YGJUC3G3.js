import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  SELECTION_FLAGS,
  SELECTION_USAGE,
  releaseNotesFromEnvironment,
  selectionFrom
} from "./chunk-RNICWZ3U.js";
import {
  processMetadata
} from "./chunk-KFQYCL6H.js";
import "./chunk-IVNHL57I.js";
import "./chunk-Z7O4MYUZ.js";
import "./chunk-YK4KFZUA.js";
import "./chunk-TWRVX27L.js";
import "./chunk-P343D4NB.js";
import "./chunk-U3UJK7Z7.js";
import "./chunk-IBDRWFRH.js";
import {
  consoleReporter
} from "./chunk-SMPAV5OI.js";
import {
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

// src/cli/commands/metadata.ts
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
var usage = `usage: slipway metadata [options]

Extracts the catalog entry of plugin versions \u2014 name, title, description, license, links,
keywords, categories, icon, core range, release date, release notes and elements \u2014 reading
each plugin's files as they are at the version's tag. Checks the plugin manifest and names
every missing or wrong field. Writes nothing but --out; \`slipway index\` merges the entries.

options:
  --cwd DIR            the repository (default: the current folder)
${SELECTION_USAGE}
  --out FILE           write the entries (a JSON array) to FILE instead of stdout

Release notes come from the plugin's changelog at the tag; without a section for the
version, from the GitHub Release of the tag when GITHUB_TOKEN and GITHUB_REPOSITORY are set.`;
async function run(args, context) {
  const { values } = parseFlags(args, { cwd: { type: "string" }, out: { type: "string" }, ...SELECTION_FLAGS }, "metadata");
  const select = selectionFrom(values, "metadata");
  if (!select) throw new SlipwayError("USAGE", "say which versions: --tag, --plugin or --all", { hint: "run `slipway metadata --help`" });
  const reporter = consoleReporter({ debug: context.debug });
  const { entries } = await processMetadata({ cwd: resolve(values.cwd ?? "."), reporter, select, releaseNotes: releaseNotesFromEnvironment() });
  const json = JSON.stringify(entries, null, 2) + "\n";
  if (values.out) {
    await writeFile(values.out, json);
    reporter.info(`${entries.length} entr${entries.length === 1 ? "y" : "ies"} written to ${values.out}`);
  } else {
    process.stdout.write(json);
  }
  return 0;
}
export {
  run,
  usage
};
