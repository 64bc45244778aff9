/**
 * The ship matrix of an org release. GitHub runs at most 256 jobs per matrix ("A matrix will
 * generate a maximum of 256 jobs per workflow run", docs.github.com, "Running variations of
 * jobs in a workflow"), so on a day with more repositories to ship each job ships a batch of
 * them, one after another. Batches are contiguous runs of the sorted list: stable across reruns.
 */
import type { OrgPlan, RepositoryName } from './org-plan.ts';

export const MAX_MATRIX_JOBS = 256;

export interface ShipBatch {
  /** Shown in the job's name. */
  id: string;
  /** Comma-separated owner/name list: what `slipway release --org --only` takes. */
  repositories: string;
}

export function shipBatches(plan: Pick<OrgPlan, 'repositories'>, maxJobs = MAX_MATRIX_JOBS): ShipBatch[] {
  const names: RepositoryName[] = plan.repositories.map((part) => part.repository);
  if (names.length === 0) return [];
  const size = Math.ceil(names.length / Math.min(maxJobs, names.length));
  const batches: ShipBatch[] = [];
  for (let start = 0; start < names.length; start += size) {
    const batch = names.slice(start, start + size);
    batches.push({ id: batch.length === 1 ? batch[0]! : `${batch[0]} +${batch.length - 1}`, repositories: batch.join(',') });
  }
  return batches;
}
