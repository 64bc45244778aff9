/**
 * Reading a plan file back: the JSON `slipway plan --out` wrote, checked for shape before
 * anything trusts it. The content hash (./verify-plan.ts) then proves it is unchanged; this
 * schema only makes sure a broken or foreign file ends in one clear message, not a crash
 * halfway through a release.
 */
import semver from 'semver';
import * as z from 'zod';
import { SlipwayError } from '../errors.ts';
import { PLAN_SCHEMA_VERSION, type ReleasePlan } from '../plan/release-plan.ts';
import { DEPENDENCY_KINDS, ECOSYSTEMS, type PlanHash } from '../types.ts';

const version = z.string().refine((v) => semver.valid(v) === v, 'must be a semver version');
const sha = z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, 'must be a full commit SHA');
export const PLAN_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

const plannedCommit = z.strictObject({
  sha,
  type: z.string(),
  scope: z.string().nullable(),
  subject: z.string(),
  breaking: z.boolean(),
  author: z.string().min(1).max(200).optional(),
});

const dependencyUpdate = z.strictObject({ name: z.string().min(1), kind: z.enum(DEPENDENCY_KINDS), from: z.string(), to: z.string() });

const plannedRangeUpdate = z.strictObject({
  name: z.string().min(1),
  path: z.string(),
  ecosystem: z.enum(ECOSYSTEMS),
  manifestFile: z.string().min(1),
  dependencyUpdates: z.array(dependencyUpdate).min(1),
});

const plannedRelease = z.strictObject({
  name: z.string().min(1),
  path: z.string(),
  ecosystem: z.enum(ECOSYSTEMS),
  manifestFile: z.string().min(1),
  private: z.boolean(),
  from: version,
  to: version,
  bump: z.enum(['major', 'minor', 'patch']),
  reason: z.enum(['commits', 'changeset', 'dependency', 'group', 'override']),
  override: z
    .discriminatedUnion('source', [
      z.strictObject({ source: z.literal('set'), version }),
      z.strictObject({ source: z.literal('bump'), bump: z.enum(['major', 'minor', 'patch']) }),
      z.strictObject({ source: z.literal('release-as'), version, commit: sha }),
    ])
    .optional(),
  tag: z.string().min(1),
  firstRelease: z.boolean(),
  commits: z.array(plannedCommit),
  dependencyUpdates: z.array(dependencyUpdate),
  dependents: z.array(z.string()),
  artifacts: z.array(z.string().min(1)).optional(),
  versionFiles: z.array(z.string().min(1)).optional(),
  nextSnapshot: version.optional(),
  changelog: z.string().startsWith('## '),
});

const releasePlan = z.strictObject({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  baseSha: sha,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  prerelease: z.string().nullable(),
  tagFormat: z.string(),
  releases: z.array(plannedRelease),
  rangeUpdates: z.array(plannedRangeUpdate),
  ignoredCommits: z.array(z.strictObject({ sha, header: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  changesets: z.array(z.string().regex(/^\.changeset\/[^/]+\.md$/, 'must be a .changeset/*.md file')).optional(),
  hash: z.string().regex(PLAN_HASH_PATTERN, 'must be sha256:<64 hex digits>'),
});

/** A parsed plan, or PLAN_INVALID naming the first fields that are wrong. `source` names the file. */
export function parsePlan(json: unknown, source: string): ReleasePlan {
  if (json && typeof json === 'object' && 'schemaVersion' in json && json.schemaVersion !== PLAN_SCHEMA_VERSION) {
    throw new SlipwayError('PLAN_INVALID', `the plan has schema version ${String(json.schemaVersion)}; this slipway reads version ${PLAN_SCHEMA_VERSION}`, {
      subject: source,
      hint: 'plan and release with the same slipway version (plan again with this one)',
    });
  }
  const parsed = releasePlan.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(plan)'}: ${issue.message}`);
    throw new SlipwayError('PLAN_INVALID', `not a release plan: ${problems.join('; ')}`, {
      subject: source,
      hint: 'pass the JSON file written by `slipway plan --out FILE` (or the plan job\'s artifact), unmodified',
    });
  }
  const plan = parsed.data as unknown as ReleasePlan;
  const tags = new Set<string>();
  const names = new Set<string>();
  for (const release of plan.releases) {
    if (tags.has(release.tag) || names.has(release.name)) {
      throw new SlipwayError('PLAN_INVALID', `the plan releases ${release.name} (tag ${release.tag}) twice`, { subject: source, hint: 'plan again' });
    }
    tags.add(release.tag);
    names.add(release.name);
  }
  for (const update of plan.rangeUpdates) {
    if (names.has(update.name)) {
      throw new SlipwayError('PLAN_INVALID', `the plan both releases ${update.name} and lists it among the range updates of unreleased plugins`, { subject: source, hint: 'plan again' });
    }
    names.add(update.name);
  }
  return plan;
}

/** An approved hash as a caller passes it (workflow input, CLI): trimmed and checked for shape. */
export function parsePlanHash(text: string, source: string): PlanHash {
  const trimmed = text.trim();
  if (!PLAN_HASH_PATTERN.test(trimmed)) {
    throw new SlipwayError('INPUT_INVALID', `"${trimmed.slice(0, 80)}" is not a plan hash`, {
      subject: source,
      hint: 'pass the plan job\'s `plan-hash` output: sha256: followed by 64 hex digits',
    });
  }
  return trimmed as PlanHash;
}
