/**
 * The org release plan: one plan, one hash, for every repository of an organisation that has
 * something to release. Each repository's part is that repository's own release plan (made by
 * the local planner on its checkout) and names the head commit it was made at, so each part
 * ships — or is refused as stale — on its own while the approval covers them all.
 */
import * as z from 'zod';
import { SlipwayError } from '../errors.ts';
import { canonicalJson } from '../plan/plan-hash.ts';
import type { ReleasePlan } from '../plan/release-plan.ts';
import { parsePlan, PLAN_HASH_PATTERN } from '../release/plan-schema.ts';
import type { PlanHash, Sha } from '../types.ts';
import { createHash } from 'node:crypto';

export const ORG_PLAN_SCHEMA_VERSION = 1;

/** `owner/name` of a GitHub repository, checked at the edge. */
export type RepositoryName = string & { readonly __brand: 'RepositoryName' };

const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

export function repositoryName(text: string, subject: string): RepositoryName {
  const trimmed = text.trim();
  if (!REPOSITORY.test(trimmed) || trimmed.endsWith('/.') || trimmed.endsWith('/..')) {
    throw new SlipwayError('INPUT_INVALID', `"${trimmed.slice(0, 120)}" is not a GitHub repository (owner/name)`, { subject, hint: 'write the repository as owner/name, e.g. acme/plugin-s3' });
  }
  return trimmed as RepositoryName;
}

export interface RepositoryPart {
  repository: RepositoryName;
  /** The branch the part was planned on and ships to. */
  branch: string;
  /** The branch head when planned: the part's plan.baseSha. */
  head: Sha;
  plan: ReleasePlan;
}

export interface PlanProblem {
  repository: RepositoryName;
  message: string;
}

export interface OrgPlan {
  schemaVersion: typeof ORG_PLAN_SCHEMA_VERSION;
  kind: 'org-release';
  org: string;
  /** The web root compare links point at (https://github.com, or a GitHub Enterprise Server). */
  webUrl: string;
  date: string;
  /** Repositories with at least one release, sorted by name. */
  repositories: RepositoryPart[];
  /** Changed since their last release, planned, and nothing to release (docs, CI, chores). */
  quiet: RepositoryName[];
  /** Left out by the approver's choice. */
  excluded: RepositoryName[];
  /** Repositories that could not be planned (a broken slipway.yml, …): nothing of theirs ships. */
  problems: PlanProblem[];
  /** Repositories selected (topic, pattern; not archived, not forks). */
  selected: number;
  /** Selected repositories whose head is a release commit: nothing new, not cloned. */
  unchanged: number;
  /** GitHub API requests the plan took. */
  requests: number;
  hash: PlanHash;
}

export type UnhashedOrgPlan = Omit<OrgPlan, 'hash'>;

export function hashOrgPlan(plan: UnhashedOrgPlan | OrgPlan): PlanHash {
  const { hash: _ignored, ...content } = plan as OrgPlan;
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}` as PlanHash;
}

export function withOrgHash(plan: UnhashedOrgPlan): OrgPlan {
  const sorted = { ...plan, repositories: [...plan.repositories].sort((a, b) => (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0)) };
  return { ...sorted, hash: hashOrgPlan(sorted) };
}

/** Plugins released by the plan, across repositories. */
export const releaseCount = (plan: Pick<OrgPlan, 'repositories'>): number => plan.repositories.reduce((n, part) => n + part.plan.releases.length, 0);

const sha = z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, 'must be a full commit SHA');
const repository = z.string().regex(REPOSITORY, 'must be owner/name');
const orgPlanSchema = z.strictObject({
  schemaVersion: z.literal(ORG_PLAN_SCHEMA_VERSION),
  kind: z.literal('org-release'),
  org: z.string().min(1),
  webUrl: z.string().url(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  repositories: z.array(z.strictObject({ repository, branch: z.string().min(1), head: sha, plan: z.unknown() })),
  quiet: z.array(repository),
  excluded: z.array(repository),
  problems: z.array(z.strictObject({ repository, message: z.string() })),
  selected: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  hash: z.string().regex(PLAN_HASH_PATTERN, 'must be sha256:<64 hex digits>'),
});

/** An org plan read back from its artifact: shape checked, each part checked as a release plan. */
export function parseOrgPlan(json: unknown, source: string): OrgPlan {
  const parsed = orgPlanSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(plan)'}: ${issue.message}`);
    throw new SlipwayError('PLAN_INVALID', `not an org release plan: ${problems.join('; ')}`, {
      subject: source,
      hint: 'pass the JSON file written by `slipway plan --org ORG --out FILE` (or the plan job\'s artifact), unmodified',
    });
  }
  const seen = new Set<string>();
  const repositories: RepositoryPart[] = parsed.data.repositories.map((part) => {
    if (seen.has(part.repository)) throw new SlipwayError('PLAN_INVALID', `the org plan holds ${part.repository} twice`, { subject: source, hint: 'plan again' });
    seen.add(part.repository);
    const plan = parsePlan(part.plan, `${source} (${part.repository})`);
    if (plan.baseSha !== part.head) {
      throw new SlipwayError('PLAN_INVALID', `the part of ${part.repository} names head ${part.head.slice(0, 7)} but its plan was made at ${plan.baseSha.slice(0, 7)}`, { subject: source, hint: 'plan again' });
    }
    return { repository: part.repository as RepositoryName, branch: part.branch, head: part.head as Sha, plan };
  });
  return {
    ...parsed.data,
    repositories,
    quiet: parsed.data.quiet as RepositoryName[],
    excluded: parsed.data.excluded as RepositoryName[],
    problems: parsed.data.problems as PlanProblem[],
    hash: parsed.data.hash as PlanHash,
  };
}

/** The org plan is intact (its hash) and the approved one; the part hashes are covered by it. */
export function verifyOrgPlanHash(plan: OrgPlan, expected: PlanHash | undefined, source: string): void {
  const actual = hashOrgPlan(plan);
  if (actual !== plan.hash) {
    throw new SlipwayError('PLAN_TAMPERED', `the org plan was changed after it was made: its content hashes to ${actual.slice(0, 19)}…, not to the ${plan.hash.slice(0, 19)}… it carries`, {
      subject: source,
      hint: 'ship the plan artifact exactly as the plan job wrote it, or plan again and approve the new plan',
    });
  }
  if (expected !== undefined && expected !== plan.hash) {
    throw new SlipwayError('PLAN_TAMPERED', `the org plan is ${plan.hash.slice(0, 19)}…, not the approved ${expected.slice(0, 19)}…`, {
      subject: source,
      hint: 'ship the artifact of the run that was approved; a newer plan needs its own approval',
    });
  }
}
