import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  checkReleaseDate,
  guessLog
} from "./chunk-TONHLC5A.js";
import {
  MONOREPO_TAG_FORMAT,
  SINGLE_TAG_FORMAT,
  tagFormat
} from "./chunk-LDUL6X6Y.js";
import {
  headSha,
  listTags
} from "./chunk-4CSZ42WN.js";
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
function guessFormats(versioning) {
  const { tagFormat: configured, legacyTagFormats: legacy } = versioning;
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
  const guessed = guessLog(cwd, head, listed, guessFormats(config.versioning));
  reporter.debug(`history: git log started (${elapsed()})`);
  try {
    const { planFromLog } = await import("./plan-from-log-BAJLKUKA.js");
    return await planFromLog({ cwd, options, config, head, listed, guessed, now, elapsed });
  } catch (error) {
    guessed.stop();
    throw error;
  }
}

export {
  planRelease
};
