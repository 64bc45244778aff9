import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);

// src/core/plan/plan-hash.ts
import { createHash } from "node:crypto";
function canonicalJson(value) {
  const keys = /* @__PURE__ */ new Set();
  const pending = [value];
  while (pending.length) {
    const next = pending.pop();
    if (next === null || typeof next !== "object") continue;
    if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
      continue;
    }
    for (const [key, child] of Object.entries(next)) {
      keys.add(key);
      pending.push(child);
    }
  }
  return JSON.stringify(value, [...keys].sort()) ?? "null";
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
