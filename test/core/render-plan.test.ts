import { describe, expect, it } from 'vitest';
import { renderPlanSummary, renderPlanText } from '../../src/core/plan/render-plan.ts';

describe('the plan as a person reads it', () => {
  it('says when a breaking change only moved the minor of a 0.x plugin', () => {
    const release = {
      name: 'sql', path: 'plugins/sql', ecosystem: 'npm', manifestFile: 'plugins/sql/package.json', private: false,
      from: '0.2.0', to: '0.3.0', bump: 'major', reason: 'commits', tag: 'sql@0.3.0', firstRelease: false,
      commits: [{ sha: 'a'.repeat(40), type: 'feat', scope: 'sql', subject: 'rename', breaking: true }],
      dependencyUpdates: [], dependents: [], changelog: '## 0.3.0 (2026-01-02)\n',
    };
    const plan = { schemaVersion: 1, baseSha: 'b'.repeat(40), date: '2026-01-02', prerelease: null, tagFormat: '{name}@{version}', releases: [release], rangeUpdates: [], ignoredCommits: [], warnings: [], hash: 'sha256:' + 'c'.repeat(64) } as never;
    expect(renderPlanText(plan)).toMatch(/^ {2}sql {5}0\.2\.0 {2}0\.3\.0 {2}minor \(breaking, 0\.x\) {2}1 commit, 1 breaking$/m);
    expect(renderPlanSummary(plan)).toContain('| sql | 0.2.0 | **0.3.0** | minor (breaking, 0.x) | 1 commit, 1 breaking |');
  });
});
