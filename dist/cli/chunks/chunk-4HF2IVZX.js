import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/adapters/config-text.ts
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";

// src/core/config/config-file-name.ts
var CONFIG_FILE = "slipway.yml";
var CONFIG_FILES = [CONFIG_FILE, "slipway.yaml"];
var MAX_CONFIG_BYTES = 1024 * 1024;
function configTooLarge(file, bytes) {
  return new SlipwayError("CONFIG_INVALID", `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a configuration may be at most 1 MB`, {
    subject: file,
    hint: "slipway.yml holds settings only: check that the right file is named slipway.yml"
  });
}

// src/adapters/config-text.ts
async function readConfigText(root) {
  for (const name of CONFIG_FILES) {
    try {
      const { size } = await stat(join(root, name));
      if (size > MAX_CONFIG_BYTES) throw configTooLarge(name, size);
      return { name, text: await readFile(join(root, name), "utf8") };
    } catch (error) {
      if (error.code === "ENOENT") continue;
      if (error instanceof SlipwayError) throw error;
      throw new SlipwayError("CONFIG_UNREADABLE", `cannot read: ${error.message}`, { subject: name, cause: error });
    }
  }
  return void 0;
}

// src/core/config/dist-tag.ts
var import_semver = __toESM(require_semver(), 1);
var DIST_TAG = /^[A-Za-z][\w.-]{0,127}$/;
function distTagProblem(value) {
  if (!DIST_TAG.test(value)) return 'must be a dist-tag name: a letter, then letters, digits, ".", "_" or "-" (not a version)';
  if (import_semver.default.validRange(value) !== null) return "reads as a semver range, which npm refuses as a dist-tag (use e.g. latest-1 or v1-lts)";
  return void 0;
}

export {
  distTagProblem,
  CONFIG_FILE,
  MAX_CONFIG_BYTES,
  configTooLarge,
  readConfigText
};
