import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  distTagProblem
} from "./chunk-KPGBGOOP.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";

// src/cli/command.ts
import { parseArgs } from "node:util";
function parseFlags(args, options, command, takesArguments = false) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new SlipwayError("USAGE", error.message, { hint: `run \`slipway ${command} --help\`` });
  }
  const [extra] = parsed.positionals;
  if (!takesArguments && extra !== void 0) {
    throw new SlipwayError("USAGE", `unexpected argument "${extra}": slipway ${command} takes only options`, {
      subject: extra,
      hint: "cwd" in options ? `to run in another folder, pass --cwd ${JSON.stringify(extra)}; see \`slipway ${command} --help\`` : `run \`slipway ${command} --help\``
    });
  }
  return parsed;
}
function dateFlag(value, flag = "--date") {
  if (value === void 0) return void 0;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : void 0;
  if (!parsed || parsed.toISOString().slice(0, 10) !== value) {
    throw new SlipwayError("USAGE", `${flag} "${value}" is not a date`, { subject: flag, hint: "write the day as YYYY-MM-DD, e.g. 2026-03-01 (default: today, UTC)" });
  }
  return value;
}
function distTagFlag(value, flag = "--dist-tag") {
  if (value === void 0) return void 0;
  const problem = distTagProblem(value);
  if (problem) throw new SlipwayError("USAGE", `"${value}" ${problem}`, { subject: flag, hint: "e.g. --dist-tag next, or latest-1 for an older line" });
  return value;
}

export {
  parseFlags,
  dateFlag,
  distTagFlag
};
