import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);

// src/core/plan/plan-hash.ts
import { createHash } from "node:crypto";
function canonicalJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => item === void 0 ? "null" : canonicalJson(item)).join(",")}]`;
  const entries = Object.keys(value).filter((key) => value[key] !== void 0).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
  return `{${entries.join(",")}}`;
}
function hashPlan(plan) {
  const { hash: _ignored, ...content } = plan;
  return `sha256:${createHash("sha256").update(canonicalJson(content)).digest("hex")}`;
}
function withHash(plan) {
  return { ...plan, hash: hashPlan(plan) };
}

export {
  canonicalJson,
  hashPlan,
  withHash
};
