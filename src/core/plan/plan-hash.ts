import { createHash } from 'node:crypto';
import type { PlanHash } from '../types.ts';
import type { ReleasePlan, UnhashedPlan } from './release-plan.ts';

/**
 * JSON with object keys sorted at every level, so equal plans hash equally whatever built them.
 * JSON.stringify with a property list writes every object's keys in the list's order, so the
 * sorted list of every key in the value gives canonical JSON from the engine's own serialiser:
 * several times faster than building it by hand, on the planner's hot path (a 1,300-plugin plan).
 */
export function canonicalJson(value: unknown): string {
  const keys = new Set<string>();
  const pending: unknown[] = [value];
  while (pending.length) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
      continue;
    }
    for (const [key, child] of Object.entries(next)) {
      keys.add(key);
      pending.push(child);
    }
  }
  return JSON.stringify(value, [...keys].sort()) ?? 'null';
}

export function hashPlan(plan: UnhashedPlan | ReleasePlan): PlanHash {
  const { hash: _ignored, ...content } = plan as ReleasePlan;
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}` as PlanHash;
}

export function withHash(plan: UnhashedPlan): ReleasePlan {
  return { ...plan, hash: hashPlan(plan) };
}
