/**
 * Which release a set of commits asks for: breaking → major, feat → minor, fix/perf → patch,
 * other types → none unless `versioning.releaseTypes` says otherwise. A key may name a type
 * (`chore`) or a type and scope (`chore(deps)`); the scoped key wins, so `chore(deps): patch`
 * releases dependency bumps while `chore(version)` — the SNAPSHOT bump commits of a JVM build —
 * never releases unless configured to.
 */
import type { ReleaseType } from '../types.ts';
import type { ConventionalCommit } from './conventional-commit.ts';

export type Bump = ReleaseType | 'none';

const BUILT_IN: Record<string, Bump> = { feat: 'minor', fix: 'patch', perf: 'patch', revert: 'patch', 'chore(version)': 'none' };
const ORDER: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxBump(a: Bump, b: Bump): Bump {
  return ORDER[a] >= ORDER[b] ? a : b;
}

export function bumpForCommit(commit: ConventionalCommit, releaseTypes: Record<string, Bump> = {}): Bump {
  if (commit.breaking) return 'major';
  const scoped = commit.scope === null ? undefined : `${commit.type}(${commit.scope})`;
  if (scoped !== undefined) {
    const bump = releaseTypes[scoped] ?? BUILT_IN[scoped];
    if (bump !== undefined) return bump;
  }
  return releaseTypes[commit.type] ?? BUILT_IN[commit.type] ?? 'none';
}

export function bumpForCommits(commits: readonly ConventionalCommit[], releaseTypes: Record<string, Bump> = {}): Bump {
  let bump: Bump = 'none';
  for (const commit of commits) {
    bump = maxBump(bump, bumpForCommit(commit, releaseTypes));
    if (bump === 'major') break;
  }
  return bump;
}
