import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";

// src/adapters/release/plan-file.ts
import { readFile } from "node:fs/promises";
async function readPlanFile(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new SlipwayError("PLAN_INVALID", `cannot read the plan file: ${error.code ?? error.message}`, {
      subject: file,
      hint: "write one with `slipway plan --out plan.json`, or download the plan job's artifact",
      cause: error
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SlipwayError("PLAN_INVALID", `the plan file is not JSON: ${error.message}`, { subject: file, cause: error });
  }
}

export {
  readPlanFile
};
