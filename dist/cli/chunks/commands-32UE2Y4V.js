import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  indexCatalog
} from "./chunk-JXG47HJX.js";
import {
  catalogEntrySchema
} from "./chunk-2BJJJNWF.js";
import {
  SELECTION_FLAGS,
  SELECTION_USAGE,
  releaseNotesFromEnvironment,
  selectionFrom
} from "./chunk-RNICWZ3U.js";
import "./chunk-KFQYCL6H.js";
import "./chunk-IVNHL57I.js";
import "./chunk-EBAVTW3J.js";
import "./chunk-Z7O4MYUZ.js";
import "./chunk-YK4KFZUA.js";
import "./chunk-TWRVX27L.js";
import {
  array
} from "./chunk-P343D4NB.js";
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

// src/cli/commands/index.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
var usage = `usage: slipway index [options]

Adds plugin versions to the catalog: reads each version's metadata at its tag (as
\`slipway metadata\` does) and merges it into the catalog branch (default slipway-catalog, or
catalog.repository in slipway.yml). The push is a compare-and-swap: when another run moved
the branch first, the merge is redone from the new tip. Same input, same bytes: a reindex that
changes nothing makes no commit.

options:
  --cwd DIR                  the repository (default: the current folder)
${SELECTION_USAGE}
  --rebuild                  make the whole catalog again from the release tags alone
  --catch-up                 also index every released version the catalog lacks
  --entries FILE             merge entries written by \`slipway metadata --out\`
  --catalog-repository REPO  owner/name, git URL or path (default: catalog.repository, else
                             this repository's remote)
  --catalog-branch BRANCH    default: catalog.branch (slipway-catalog)
  --max-attempts N           give up after N lost races (default 25)
  --dry-run                  show the files that would change; push nothing
  --json                     print the result as JSON on stdout

An https catalog repository is pushed with SLIPWAY_CATALOG_TOKEN, else GITHUB_TOKEN.`;
async function run(args, context) {
  const { values } = parseFlags(
    args,
    {
      cwd: { type: "string" },
      ...SELECTION_FLAGS,
      rebuild: { type: "boolean" },
      "catch-up": { type: "boolean" },
      entries: { type: "string" },
      "catalog-repository": { type: "string" },
      "catalog-branch": { type: "string" },
      "max-attempts": { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" }
    },
    "index"
  );
  const select = selectionFrom(values, "index");
  if (!select && !values.rebuild && !values.entries && !values["catch-up"]) {
    throw new SlipwayError("USAGE", "say what to index: --tag, --plugin, --all, --rebuild, --catch-up or --entries", { hint: "run `slipway index --help`" });
  }
  const maxAttempts = values["max-attempts"] === void 0 ? void 0 : Number(values["max-attempts"]);
  if (maxAttempts !== void 0 && !(Number.isInteger(maxAttempts) && maxAttempts > 0)) {
    throw new SlipwayError("USAGE", `--max-attempts must be a whole number above 0, got "${values["max-attempts"]}"`);
  }
  const reporter = consoleReporter({ debug: context.debug });
  const result = await indexCatalog({
    cwd: resolve(values.cwd ?? "."),
    reporter,
    select,
    entries: values.entries ? await readEntries(values.entries) : void 0,
    rebuild: values.rebuild,
    catchUp: values["catch-up"],
    location: {
      repository: values["catalog-repository"],
      branch: values["catalog-branch"],
      token: process.env["SLIPWAY_CATALOG_TOKEN"] || process.env["GITHUB_TOKEN"] || void 0
    },
    dryRun: values["dry-run"],
    maxAttempts,
    releaseNotes: releaseNotesFromEnvironment()
  });
  if (values.json) {
    const { entries, ...rest } = result;
    process.stdout.write(JSON.stringify({ ...rest, versions: entries.map((e) => `${e.name}@${e.version}`) }, null, 2) + "\n");
  }
  return 0;
}
async function readEntries(path) {
  let value;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new SlipwayError("INPUT_INVALID", `cannot read catalog entries: ${error.message}`, { subject: path, hint: "pass the file `slipway metadata --out` wrote" });
  }
  const parsed = array(catalogEntrySchema).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SlipwayError("INPUT_INVALID", `not a list of catalog entries: [${issue.path.join(".")}] ${issue.message}`, { subject: path, hint: "pass the file `slipway metadata --out` wrote" });
  }
  return parsed.data;
}
export {
  run,
  usage
};
