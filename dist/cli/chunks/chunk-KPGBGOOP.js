import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/config/dist-tag.ts
var import_semver = __toESM(require_semver(), 1);
var DIST_TAG = /^[A-Za-z][\w.-]{0,127}$/;
function distTagProblem(value) {
  if (!DIST_TAG.test(value)) return 'must be a dist-tag name: a letter, then letters, digits, ".", "_" or "-" (not a version)';
  if (import_semver.default.validRange(value) !== null) return "reads as a semver range, which npm refuses as a dist-tag (use e.g. latest-1 or v1-lts)";
  return void 0;
}

export {
  distTagProblem
};
