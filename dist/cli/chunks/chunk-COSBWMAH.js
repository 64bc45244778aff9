import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  checkReleaseDate,
  guessLog
} from "./chunk-TDTNAWFP.js";
import {
  MONOREPO_TAG_FORMAT,
  SINGLE_TAG_FORMAT,
  tagFormat
} from "./chunk-LDUL6X6Y.js";
import {
  headSha,
  listTags
} from "./chunk-ITVEJ6H7.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";

// src/jobs/plan.ts
function checkPrereleaseChannel(channel) {
  if (!/^[0-9A-Za-z-]+$/.test(channel)) {
    throw new SlipwayError("USAGE", `prerelease channel "${channel}" is not a semver identifier`, {
      subject: "--prerelease",
      hint: 'use letters, digits and "-" only, e.g. next, beta, rc'
    });
  }
}
function guessFormats(config) {
  const configured = config.versioning.tagFormat;
  const legacy = config.versioning.legacyTagFormats;
  return configured ? [tagFormat(configured, { legacy })] : [tagFormat(MONOREPO_TAG_FORMAT, { legacy }), tagFormat(SINGLE_TAG_FORMAT, { legacy })];
}
async function planRelease(options) {
  const { cwd, reporter } = options;
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  if (options.prerelease !== void 0) checkPrereleaseChannel(options.prerelease);
  const now = options.now ?? /* @__PURE__ */ new Date();
  if (options.date !== void 0) checkReleaseDate(options.date, now);
  const [head, listed, config] = await Promise.all([headSha(cwd), listTags(cwd), options.config ?? import("./config-file-M6JIB2YW.js").then(({ loadConfig }) => loadConfig(cwd))]);
  const guessed = guessLog(cwd, head, listed, guessFormats(config));
  reporter.debug(`history: git log started (${elapsed()})`);
  const { planFromLog } = await import("./plan-from-log-DAF2IPKK.js");
  return planFromLog({ cwd, options, config, head, listed, guessed, now, elapsed });
}

export {
  planRelease
};
