/** The org plan's pure parts: one hash, the summary within GitHub's 1 MiB, the ship matrix, the approver's overrides. */
import { describe, expect, it } from 'vitest';
import { withHash } from '../../src/core/plan/plan-hash.ts';
import { PLAN_SCHEMA_VERSION, type PlannedRelease, type ReleasePlan } from '../../src/core/plan/release-plan.ts';
import { repositoryStatus } from '../../src/core/org-release/changed-repositories.ts';
import { parseOrgPlan, verifyOrgPlanHash, withOrgHash, type OrgPlan, type RepositoryName } from '../../src/core/org-release/org-plan.ts';
import { parseRepositoryOverride } from '../../src/core/org-release/overrides.ts';
import { renderOrgPlanMarkdown } from '../../src/core/org-release/render-org-plan.ts';
import { shipBatches } from '../../src/core/org-release/ship-batches.ts';
import type { PlanHash, PluginName, RepoPath, Sha, TagName, Version } from '../../src/core/types.ts';

const sha = (n: number) => n.toString(16).padStart(40, '0') as Sha;

function release(name: string): PlannedRelease {
  return {
    name: name as PluginName,
    path: '' as RepoPath,
    ecosystem: 'npm',
    manifestFile: 'package.json' as RepoPath,
    private: false,
    from: '1.0.0' as Version,
    to: '1.1.0' as Version,
    bump: 'minor',
    reason: 'commits',
    tag: 'v1.1.0' as TagName,
    firstRelease: false,
    commits: [{ sha: sha(1), type: 'feat', scope: null, subject: 'x | <b>y</b>', breaking: false }],
    dependencyUpdates: [],
    dependents: [],
    changelog: '## 1.1.0 (2026-03-02)\n',
  };
}

function orgPlan(repositories: number): OrgPlan {
  return withOrgHash({
    schemaVersion: 1,
    kind: 'org-release',
    org: 'acme',
    webUrl: 'https://github.com',
    date: '2026-03-02',
    repositories: Array.from({ length: repositories }, (_, i) => {
      const plan: ReleasePlan = withHash({ schemaVersion: PLAN_SCHEMA_VERSION, baseSha: sha(i + 10), date: '2026-03-02', prerelease: null, tagFormat: 'v{version}', releases: [release(`@acme/plugin-${i}`)], rangeUpdates: [], ignoredCommits: [], warnings: [] });
      return { repository: `acme/plugin-${String(i).padStart(4, '0')}` as RepositoryName, branch: 'main', head: plan.baseSha, plan };
    }),
    quiet: [],
    excluded: [],
    problems: [],
    selected: 1300,
    unchanged: 1300 - repositories,
    requests: 13,
  });
}

describe('the org plan', () => {
  it('has one hash over every part: a changed part is refused, the intact plan verifies', () => {
    const plan = orgPlan(3);
    const json = JSON.parse(JSON.stringify(plan)) as OrgPlan;
    expect(() => verifyOrgPlanHash(parseOrgPlan(json, 'plan.json'), plan.hash, 'plan.json')).not.toThrow();
    json.repositories[1]!.head = sha(99);
    expect(() => parseOrgPlan(json, 'plan.json')).toThrow(/names head/);
    const other = JSON.parse(JSON.stringify(plan)) as OrgPlan;
    other.excluded = ['acme/plugin-0001' as RepositoryName];
    expect(() => verifyOrgPlanHash(parseOrgPlan(other, 'plan.json'), plan.hash, 'plan.json')).toThrow(/changed after it was made/);
    expect(() => verifyOrgPlanHash(plan, 'sha256:0' as PlanHash, 'plan.json')).toThrow(/not the approved/);
  });

  it('keeps hostile plugin text inside its table cell', () => {
    const summary = renderOrgPlanMarkdown(orgPlan(1));
    expect(summary).toContain('| 1 feat | 1 |');
    expect(renderOrgPlanMarkdown({ ...orgPlan(1), problems: [{ repository: 'acme/x' as RepositoryName, message: 'bad | <script>' }] })).toContain('acme/x: bad \\| &lt;script&gt;');
  });

  it('fits the job summary\'s 1 MiB and sends the rest to the artifact, with a note', () => {
    const plan = orgPlan(1300);
    const full = renderOrgPlanMarkdown(plan, { budget: Number.MAX_SAFE_INTEGER });
    expect(full.split('\n').filter((l) => l.startsWith('| acme/')).length).toBe(1300);
    const cut = renderOrgPlanMarkdown(plan, { budget: 50_000 });
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(50_000);
    const shown = cut.split('\n').filter((l) => l.startsWith('| acme/')).length;
    expect(shown).toBeGreaterThan(100);
    expect(cut).toContain(`**${1300 - shown} more plugin release(s) in ${1300 - shown} more repositories are not shown:**`);
    expect(cut).toContain('`slipway-org-plan`');
  });

  it('ships one repository per matrix job, and batches beyond GitHub\'s 256 jobs', () => {
    expect(shipBatches(orgPlan(3)).map((b) => b.repositories)).toEqual(['acme/plugin-0000', 'acme/plugin-0001', 'acme/plugin-0002']);
    const many = shipBatches(orgPlan(600));
    expect(many).toHaveLength(200);
    expect(many[0]).toEqual({ id: 'acme/plugin-0000 +2', repositories: 'acme/plugin-0000,acme/plugin-0001,acme/plugin-0002' });
    expect(many.flatMap((b) => b.repositories.split(','))).toHaveLength(600);
    expect(shipBatches(orgPlan(257))).toHaveLength(129);
    expect(shipBatches(orgPlan(0))).toEqual([]);
  });
});

describe('which repositories are cloned', () => {
  const snapshot = (head: string | null, tags: Array<[string, string]>) => ({ repository: 'acme/a' as RepositoryName, name: 'a', archived: false, fork: false, topics: [], branch: head ? 'main' : null, head: head as Sha | null, tags: tags.map(([name, commit]) => ({ name, commit: commit as Sha })) });
  it('a head that a tag points at has nothing new; any other head is cloned; an empty repository is skipped', () => {
    expect(repositoryStatus(snapshot('b', [['v2', 'a'], ['v1', 'b']]))).toEqual({ kind: 'released', tag: 'v1' });
    expect(repositoryStatus(snapshot('c', [['v2', 'a']]))).toEqual({ kind: 'changed', branch: 'main', head: 'c', lastTag: 'v2' });
    expect(repositoryStatus(snapshot('c', []))).toEqual({ kind: 'changed', branch: 'main', head: 'c', lastTag: null });
    expect(repositoryStatus(snapshot(null, []))).toEqual({ kind: 'empty' });
  });
});

describe('the approver\'s overrides', () => {
  it('name the repository, then the planner\'s own NAME=VALUE', () => {
    expect(parseRepositoryOverride('--set', 'acme/plugin-s3:@acme/s3=v2.0.0')).toEqual({ repository: 'acme/plugin-s3', override: { plugin: '@acme/s3', kind: 'set', version: '2.0.0' } });
    expect(parseRepositoryOverride('--bump', 'acme/x:x=major')).toEqual({ repository: 'acme/x', override: { plugin: 'x', kind: 'bump', bump: 'major' } });
    expect(() => parseRepositoryOverride('--set', '@acme/s3=2.0.0')).toThrow(/does not name its repository/);
    expect(() => parseRepositoryOverride('--set', 'acme/../x:y=1.0.0')).toThrow(/is not a GitHub repository/);
    expect(() => parseRepositoryOverride('--bump', 'acme/x:x=huge')).toThrow(/not major, minor or patch/);
  });
});
