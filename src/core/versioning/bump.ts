/**
 * Which release a set of commits asks for: breaking → major, feat → minor, fix/perf → patch,
 * other types → none unless `versioning.releaseTypes` says otherwise.
 */
import type { ReleaseType } from '../types.ts';
import type { ConventionalCommit } from './conventional-commit.ts';

export type Bump = ReleaseType | 'none';

const BUILT_IN: Record<string, Bump> = { feat: 'minor', fix: 'patch', perf: 'patch', revert: 'patch' };
const ORDER: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxBump(a: Bump, b: Bump): Bump {
  return ORDER[a] >= ORDER[b] ? a : b;
}

export function bumpForCommit(commit: ConventionalCommit, releaseTypes: Record<string, Bump> = {}): Bump {
  if (commit.breaking) return 'major';
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
