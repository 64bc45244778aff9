import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  readConfigText
} from "./chunk-4HF2IVZX.js";
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
function guessFormats(hints) {
  const legacy = hints.legacyTagFormats;
  try {
    return hints.tagFormat ? [tagFormat(hints.tagFormat, { legacy })] : [tagFormat(MONOREPO_TAG_FORMAT, { legacy }), tagFormat(SINGLE_TAG_FORMAT, { legacy })];
  } catch {
    return [tagFormat(MONOREPO_TAG_FORMAT), tagFormat(SINGLE_TAG_FORMAT)];
  }
}
async function readConfigWithHints(cwd) {
  const file = await readConfigText(cwd);
  if (!file) return void 0;
  const { tagFormatHints } = await import("./tag-format-hints-7HUNKY6F.js");
  return { ...file, hints: tagFormatHints(file.text) };
}
async function planRelease(options) {
  const { cwd, reporter } = options;
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  if (options.prerelease !== void 0) checkPrereleaseChannel(options.prerelease);
  const now = options.now ?? /* @__PURE__ */ new Date();
  if (options.date !== void 0) checkReleaseDate(options.date, now);
  const [head, listed, configText] = await Promise.all([headSha(cwd), listTags(cwd), options.config ? void 0 : readConfigWithHints(cwd)]);
  const hints = options.config?.versioning ?? configText?.hints ?? {};
  const guessed = guessLog(cwd, head, listed, guessFormats(hints));
  reporter.debug(`history: git log started (${elapsed()})`);
  try {
    const config = options.config ?? (await import("./config-file-UT5OZIVC.js")).configFrom(configText);
    const { planFromLog } = await import("./plan-from-log-IXBRHSBL.js");
    return await planFromLog({ cwd, options, config, head, listed, guessed, now, elapsed });
  } catch (error) {
    guessed.stop();
    throw error;
  }
}

export {
  planRelease
};
