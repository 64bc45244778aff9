import { createHash } from 'node:crypto';
import type { PlanHash } from '../types.ts';
import type { ReleasePlan, UnhashedPlan } from './release-plan.ts';

/** JSON with object keys sorted at every level, so equal plans hash equally whatever built them. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function hashPlan(plan: UnhashedPlan | ReleasePlan): PlanHash {
  const { hash: _ignored, ...content } = plan as ReleasePlan;
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}` as PlanHash;
}

export function withHash(plan: UnhashedPlan): ReleasePlan {
  return { ...plan, hash: hashPlan(plan) };
}
