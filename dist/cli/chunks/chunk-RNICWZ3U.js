import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  splitTagList
} from "./chunk-KFQYCL6H.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";

// src/cli/catalog-flags.ts
var SELECTION_FLAGS = {
  tag: { type: "string", multiple: true },
  plugin: { type: "string" },
  version: { type: "string" },
  ref: { type: "string" },
  all: { type: "boolean" }
};
var SELECTION_USAGE = `  --tag TAG            a release tag to index (repeat, or separate with spaces/commas);
                       default: GITHUB_REF when it is a tag (a push: tags workflow)
  --plugin NAME        one plugin: every released version, or the one --version names
  --version VERSION    with --plugin: that released version
  --ref REV            with --plugin: the plugin at any commit (tag, branch or SHA)
  --all                every released version of every plugin`;
function selectionFrom(values, command) {
  const usage = (message) => new SlipwayError("USAGE", message, { hint: `run \`slipway ${command} --help\`` });
  const given = [values.tag?.length, values.plugin, values.all].filter(Boolean).length;
  if (given > 1) throw usage("give one of --tag, --plugin or --all");
  if ((values.version || values.ref) && !values.plugin) throw usage("--version and --ref go with --plugin");
  if (values.version && values.ref) throw usage("give --version (a released version) or --ref (any commit), not both");
  if (values.tag?.length) return { kind: "tags", tags: values.tag.flatMap(splitTagList) };
  if (values.plugin && values.ref) return { kind: "commit", plugin: values.plugin, ref: values.ref };
  if (values.plugin) return { kind: "released", plugin: values.plugin, version: values.version };
  if (values.all) return { kind: "released" };
  const ref = process.env["GITHUB_REF"];
  if (ref?.startsWith("refs/tags/")) return { kind: "tags", tags: [ref] };
  return void 0;
}
function releaseNotesFromEnvironment() {
  const token = process.env["GITHUB_TOKEN"];
  const repository = process.env["GITHUB_REPOSITORY"];
  if (!token || !repository) return void 0;
  let lookup;
  return async (tag) => {
    lookup ??= Promise.all([import("./client-PJROTDYJ.js"), import("./github-release-notes-NYLYZCPS.js")]).then(
      ([client, notes]) => notes.githubReleaseNotes(client.createGitHubClient({ token, baseUrl: process.env["GITHUB_API_URL"] }), repository)
    );
    return (await lookup)(tag);
  };
}

export {
  SELECTION_FLAGS,
  SELECTION_USAGE,
  selectionFrom,
  releaseNotesFromEnvironment
};
