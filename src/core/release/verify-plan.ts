/**
 * What ships is exactly what was approved. Before the release writes anything, the plan must
 * (1) hash to the hash it carries — nobody edited it since it was made; (2) carry the hash the
 * approver saw — it is the approved plan, not another valid one; and (3) still describe the
 * repository — no commit since its base touches a plugin it releases. Commits that touch only
 * other files are fine: the release commit goes on top of them.
 */
import { SlipwayError } from '../errors.ts';
import type { PathRouter } from '../history/route-commits.ts';
import { hashPlan } from '../plan/plan-hash.ts';
import type { ReleasePlan } from '../plan/release-plan.ts';
import type { PlanHash, PluginName, RawCommit, Sha } from '../types.ts';
import { planHashInMessage } from './release-commit.ts';

const REPLAN_HINT = 'plan again (`slipway plan --out plan.json`, or rerun the release workflow) and approve the new plan';

export function verifyPlanHash(plan: ReleasePlan, expected: PlanHash | undefined, source: string): void {
  const actual = hashPlan(plan);
  if (actual !== plan.hash) {
    throw new SlipwayError('PLAN_TAMPERED', `the plan was changed after it was made: its content hashes to ${actual}, but it carries ${plan.hash}`, {
      subject: source,
      hint: `release the plan file exactly as the plan job wrote it, or ${REPLAN_HINT}`,
    });
  }
  if (expected !== undefined && expected !== plan.hash) {
    throw new SlipwayError('PLAN_TAMPERED', `this is not the approved plan: it is ${plan.hash}, the approved one is ${expected}`, {
      subject: source,
      hint: `the plan file and the approved hash must come from the same plan run; ${REPLAN_HINT}`,
    });
  }
}

export interface StaleCommit {
  sha: Sha;
  header: string;
  plugins: PluginName[];
}

export interface HistoryCheck {
  /** The commit an earlier run of this plan made (its Slipway-Plan trailer names the plan), if any. */
  releaseCommit: RawCommit | undefined;
  /** Commits since the base that touch planned plugins; empty when the plan is current. */
  stale: StaleCommit[];
}

/**
 * Reads the commits made since the plan's base (`git log base..tip`, any number of tips, newest
 * first) once: finds this plan's release commit, and the commits that would make the plan
 * stale. The release commit itself and everything made on top of it do not count: they came
 * after the release was committed, and belong to the next one.
 */
export function checkHistory(plan: ReleasePlan, commits: readonly RawCommit[], router: PathRouter): HistoryCheck {
  const releaseCommit = commits.find((c) => planHashInMessage(c.message) === plan.hash);
  const after = releaseCommit ? descendantsOf(releaseCommit.sha, commits) : new Set<Sha>();
  const planned = new Set<string>(plan.releases.map((r) => r.name));
  // An unreleased plugin whose ranges the release moves is stale only if its manifest changed.
  const rangeManifests = new Map<string, PluginName>(plan.rangeUpdates.map((u) => [u.manifestFile, u.name]));
  const stale: StaleCommit[] = [];
  for (const commit of commits) {
    if (commit === releaseCommit || after.has(commit.sha)) continue;
    const plugins = new Set<PluginName>();
    for (const file of commit.files) {
      const owner = router.pluginFor(file);
      if (owner !== undefined && planned.has(owner)) plugins.add(owner);
      const ranged = rangeManifests.get(file);
      if (ranged !== undefined) plugins.add(ranged);
    }
    if (plugins.size) stale.push({ sha: commit.sha, header: commit.message.split('\n', 1)[0]!, plugins: [...plugins].sort() });
  }
  return { releaseCommit, stale };
}

export function staleError(plan: ReleasePlan, stale: readonly StaleCommit[]): SlipwayError {
  const plugins = [...new Set(stale.flatMap((c) => c.plugins))].sort();
  const shown = stale.slice(0, 10).map((c) => `${c.sha.slice(0, 7)} "${c.header}" (${c.plugins.join(', ')})`);
  const more = stale.length > shown.length ? `, and ${stale.length - shown.length} more` : '';
  return new SlipwayError(
    'PLAN_STALE',
    `the plan is stale: ${stale.length} commit${stale.length === 1 ? '' : 's'} since its base ${plan.baseSha.slice(0, 7)} change${stale.length === 1 ? 's' : ''} ${plugins.join(', ')}: ${shown.join('; ')}${more}`,
    { subject: `plan ${plan.hash.slice(0, 19)}`, hint: `those changes are not in the approved plan; ${REPLAN_HINT}` },
  );
}

/** Commits in `commits` that have `root` among their ancestors (walking parent links forward). */
function descendantsOf(root: Sha, commits: readonly RawCommit[]): Set<Sha> {
  const children = new Map<Sha, Sha[]>();
  for (const commit of commits) {
    for (const parent of commit.parents) {
      const list = children.get(parent) ?? [];
      list.push(commit.sha);
      children.set(parent, list);
    }
  }
  const seen = new Set<Sha>();
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return seen;
}
