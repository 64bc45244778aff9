/**
 * The release commit and tag messages. The commit carries the plan's hash as a git trailer,
 * which is how a rerun finds the commit an earlier run made (on HEAD or on the remote branch)
 * instead of making a second one.
 */
import type { PlannedRelease, ReleasePlan } from '../plan/release-plan.ts';
import type { PlanHash } from '../types.ts';

export const PLAN_TRAILER = 'Slipway-Plan';
export const RELEASE_COMMIT_SUBJECT = 'chore(release): publish';

export function releaseCommitMessage(plan: Pick<ReleasePlan, 'releases' | 'hash'> & Partial<Pick<ReleasePlan, 'rangeUpdates'>>): string {
  const list = plan.releases.map((r) => `- ${r.name}@${r.to}`);
  for (const update of plan.rangeUpdates ?? []) list.push(`- ${update.name}: ${update.dependencyUpdates.map((u) => `${u.name} ${u.to}`).join(', ')} (not released)`);
  return `${RELEASE_COMMIT_SUBJECT}\n\n${list.join('\n')}\n\n${PLAN_TRAILER}: ${plan.hash}\n`;
}

/**
 * The plan hash in a commit message's trailers, if any. Trailers are the last paragraph's
 * `Key: value` lines (git-interpret-trailers); only that paragraph is read, so a hash quoted
 * in a commit body ("reverts the release of Slipway-Plan: …") is not mistaken for one.
 */
export function planHashInMessage(message: string): PlanHash | undefined {
  const paragraphs = message.trimEnd().split(/\n[ \t]*\n/);
  const last = paragraphs.length > 1 ? paragraphs.at(-1)! : '';
  const match = new RegExp(`^${PLAN_TRAILER}:[ \\t]*(sha256:[0-9a-f]{64})[ \\t]*$`, 'm').exec(last);
  return match ? (match[1] as PlanHash) : undefined;
}

export function tagMessage(release: Pick<PlannedRelease, 'name' | 'to'>, hash: PlanHash): string {
  return `${release.name} ${release.to}\n\n${PLAN_TRAILER}: ${hash}\n`;
}

export const SNAPSHOT_TRAILER = 'Slipway-Snapshot';

/**
 * The commit after the release commit in the SNAPSHOT cycle. Its own trailer (not Slipway-Plan)
 * keeps it from being mistaken for the release commit, and lets a rerun find it.
 */
export function snapshotCommitMessage(plan: Pick<ReleasePlan, 'releases' | 'hash'>): string {
  const list = plan.releases.filter((r) => r.nextSnapshot).map((r) => `- ${r.name} ${r.nextSnapshot}`);
  return `chore(version): next development version\n\n${list.join('\n')}\n\n${SNAPSHOT_TRAILER}: ${plan.hash}\n`;
}

/** The plan hash of a SNAPSHOT commit's trailer, if any (same reading rules as planHashInMessage). */
export function snapshotHashInMessage(message: string): PlanHash | undefined {
  const paragraphs = message.trimEnd().split(/\n[ \t]*\n/);
  const last = paragraphs.length > 1 ? paragraphs.at(-1)! : '';
  const match = new RegExp(`^${SNAPSHOT_TRAILER}:[ \\t]*(sha256:[0-9a-f]{64})[ \\t]*$`, 'm').exec(last);
  return match ? (match[1] as PlanHash) : undefined;
}
