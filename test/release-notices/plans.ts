/** Release plans for the notice specs, built with the planner's own hash. */
import { withHash } from '../../src/core/plan/plan-hash.ts';
import type { PlannedRelease, ReleasePlan } from '../../src/core/plan/release-plan.ts';
import { pluginName, repoPath, sha, tagName, type Version } from '../../src/core/types.ts';

export function planOf(count: number, options: { name?: (i: number) => string } = {}): ReleasePlan {
  const name = options.name ?? ((i: number) => `@acme/plugin-${String(i).padStart(4, '0')}`);
  const releases: PlannedRelease[] = Array.from({ length: count }, (_, i) => ({
    name: pluginName(name(i)),
    path: repoPath(`plugins/p${i}`),
    ecosystem: 'npm',
    manifestFile: repoPath(`plugins/p${i}/package.json`),
    private: false,
    from: '1.2.0' as Version,
    to: (i % 2 ? '1.3.0' : '1.2.1') as Version,
    bump: i % 2 ? 'minor' : 'patch',
    reason: 'commits',
    tag: tagName(`${name(i)}@${i % 2 ? '1.3.0' : '1.2.1'}`),
    firstRelease: false,
    commits: [],
    dependencyUpdates: [],
    dependents: [],
    changelog: '## x',
  }));
  return withHash({ schemaVersion: 2, baseSha: sha('ab'.repeat(20)), date: '2026-01-05', prerelease: null, tagFormat: '{name}@{version}', releases, rangeUpdates: [], ignoredCommits: [], warnings: [] });
}
