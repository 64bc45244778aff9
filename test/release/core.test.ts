/**
 * The pure parts of shipping a plan: plan verification, the release commit's trailer, the
 * changelog prepend, the order of steps and publish waves, release notes, the result line.
 */
import { describe, expect, it } from 'vitest';
import { isSlipwayError, type SlipwayError } from '../../src/core/errors.ts';
import { pathRouter } from '../../src/core/history/route-commits.ts';
import { withHash } from '../../src/core/plan/plan-hash.ts';
import type { PlannedRelease, ReleasePlan, UnhashedPlan } from '../../src/core/plan/release-plan.ts';
import { hasVersionSection, prependChangelogSection } from '../../src/core/release/changelog-file.ts';
import { githubReleaseContent } from '../../src/core/release/github-release-content.ts';
import { newJournal, resultLine } from '../../src/core/release/journal.ts';
import { parsePlan, parsePlanHash } from '../../src/core/release/plan-schema.ts';
import { planHashInMessage, releaseCommitMessage } from '../../src/core/release/release-commit.ts';
import { publishWaves, releaseSteps, stepKey } from '../../src/core/release/release-steps.ts';
import { checkHistory, verifyPlanHash } from '../../src/core/release/verify-plan.ts';
import type { PlanHash, PluginName, RawCommit, RepoPath, Sha, TagName, Version } from '../../src/core/types.ts';

const sha = (n: number) => n.toString(16).padStart(40, '0') as Sha;

function release(name: string, to: string, extra: Partial<PlannedRelease> = {}): PlannedRelease {
  return {
    name: name as PluginName,
    path: `plugins/${name}` as RepoPath,
    ecosystem: 'npm',
    manifestFile: `plugins/${name}/package.json` as RepoPath,
    private: false,
    from: '1.0.0' as Version,
    to: to as Version,
    bump: 'minor',
    reason: 'commits',
    tag: `${name}@${to}` as TagName,
    firstRelease: false,
    commits: [],
    dependencyUpdates: [],
    dependents: [],
    changelog: `## ${to} (2026-03-01)\n\n### Features\n\n* **${name}:** something (abc1234)\n`,
    ...extra,
  };
}

function plan(releases: PlannedRelease[]): ReleasePlan {
  const unhashed: UnhashedPlan = { schemaVersion: 2, baseSha: sha(1), date: '2026-03-01', prerelease: null, tagFormat: '{name}@{version}', releases, rangeUpdates: [], ignoredCommits: [], warnings: [] };
  return withHash(unhashed);
}

function commit(n: number, message: string, files: string[], parents: number[] = [n - 1]): RawCommit {
  return { sha: sha(n), parents: parents.map(sha), date: '2026-03-01T00:00:00Z', author: 'Ada', message, files: files as RepoPath[] };
}

function thrown(fn: () => unknown): SlipwayError {
  try {
    fn();
  } catch (error) {
    if (isSlipwayError(error)) return error;
    throw error;
  }
  throw new Error('expected a SlipwayError');
}

const ab = () => plan([release('a', '1.1.0', { dependents: ['b' as PluginName] }), release('b', '2.0.1', { reason: 'dependency', bump: 'patch' })]);
const router = pathRouter([
  { name: 'a' as PluginName, path: 'plugins/a' as RepoPath },
  { name: 'b' as PluginName, path: 'plugins/b' as RepoPath },
  { name: 'c' as PluginName, path: 'plugins/c' as RepoPath },
]);

describe('verifying that a plan is the approved one', () => {
  it('accepts an untouched plan with the expected hash', () => {
    const p = ab();
    expect(() => verifyPlanHash(p, p.hash, 'plan.json')).not.toThrow();
    expect(() => verifyPlanHash(p, undefined, 'plan.json')).not.toThrow();
  });

  it('refuses a plan edited after it was made (a version changed, the hash kept)', () => {
    const p = ab();
    const edited = { ...p, releases: [{ ...p.releases[0]!, to: '9.9.9' as Version }, p.releases[1]!] };
    const error = thrown(() => verifyPlanHash(edited, p.hash, 'plan.json'));
    expect(error.code).toBe('PLAN_TAMPERED');
    expect(error.message).toContain('changed after it was made');
    expect(error.subject).toBe('plan.json');
  });

  it('refuses a valid plan that is not the approved one', () => {
    const approved = ab();
    const other = plan([release('a', '2.0.0')]);
    const error = thrown(() => verifyPlanHash(other, approved.hash, 'plan.json'));
    expect(error.code).toBe('PLAN_TAMPERED');
    expect(error.message).toBe(`this is not the approved plan: it is ${other.hash}, the approved one is ${approved.hash}`);
    expect(error.hint).toContain('plan again');
  });

  it('reads a plan file back, and names the wrong fields of one that is not a plan', () => {
    const p = ab();
    expect(parsePlan(JSON.parse(JSON.stringify(p)), 'plan.json')).toEqual(p);
    // A commit's author is optional: plans made before it was recorded read, and hash, as they did.
    const commit = { sha: 'a'.repeat(40) as Sha, type: 'feat', scope: null, subject: 'x', breaking: false };
    const older = withHash({ ...p, hash: undefined, releases: [{ ...p.releases[0]!, commits: [commit] }] } as UnhashedPlan);
    expect(parsePlan(JSON.parse(JSON.stringify(older)), 'plan.json')).toEqual(older);
    expect(withHash({ ...older, hash: undefined } as UnhashedPlan).hash).toBe(older.hash);
    const authored = withHash({ ...older, hash: undefined, releases: [{ ...older.releases[0]!, commits: [{ ...commit, author: 'Ada' }] }] } as UnhashedPlan);
    expect(parsePlan(JSON.parse(JSON.stringify(authored)), 'plan.json')).toEqual(authored);
    expect(authored.hash).not.toBe(older.hash);
    const broken = JSON.parse(JSON.stringify(p)) as { releases: Array<Record<string, unknown>> };
    broken.releases[0]!['to'] = 'not-a-version';
    const error = thrown(() => parsePlan(broken, 'plan.json'));
    expect(error.code).toBe('PLAN_INVALID');
    expect(error.message).toContain('releases.0.to: must be a semver version');
    expect(thrown(() => parsePlan({ schemaVersion: 1 }, 'plan.json')).message).toContain('schema version 1');
    expect(thrown(() => parsePlanHash('sha256:abc', 'input "plan-hash"')).code).toBe('INPUT_INVALID');
    expect(parsePlanHash(` ${p.hash}\n`, 'x')).toBe(p.hash);
  });
});

describe('checking the commits made since the plan', () => {
  it('commits touching only root files or unplanned plugins leave the plan current', () => {
    const check = checkHistory(ab(), [commit(3, 'docs: readme', ['README.md']), commit(2, 'fix(c): x', ['plugins/c/index.js'])], router);
    expect(check).toEqual({ releaseCommit: undefined, stale: [] });
  });

  it('a commit touching a planned plugin makes it stale, naming the commit and the plugin', () => {
    const check = checkHistory(ab(), [commit(3, 'fix(b): late fix\n\nbody', ['plugins/b/index.js', 'README.md']), commit(2, 'docs: x', ['README.md'])], router);
    expect(check.stale).toEqual([{ sha: sha(3), header: 'fix(b): late fix', plugins: ['b'] }]);
  });

  it('finds this plan\'s release commit by its trailer; it and what came after it do not count', () => {
    const p = ab();
    const commits = [
      commit(5, 'feat(a): next work', ['plugins/a/x.js']),
      commit(4, releaseCommitMessage(p), ['plugins/a/package.json', 'plugins/b/package.json']),
      commit(3, 'chore: root', ['package.json']),
    ];
    const check = checkHistory(p, commits, router);
    expect(check.releaseCommit?.sha).toBe(sha(4));
    expect(check.stale).toEqual([]);
  });

  it('another plan\'s release commit over the same plugins does make it stale', () => {
    const other = plan([release('a', '1.1.0')]);
    const check = checkHistory(ab(), [commit(3, releaseCommitMessage(other), ['plugins/a/package.json'])], router);
    expect(check.releaseCommit).toBeUndefined();
    expect(check.stale.map((c) => c.sha)).toEqual([sha(3)]);
  });
});

describe('the release commit message', () => {
  it('lists name@version and carries the plan hash as a trailer that reads back', () => {
    const p = ab();
    const message = releaseCommitMessage(p);
    expect(message).toBe(`chore(release): publish\n\n- a@1.1.0\n- b@2.0.1\n\nSlipway-Plan: ${p.hash}\n`);
    expect(planHashInMessage(message)).toBe(p.hash);
  });

  it('a hash quoted in the body, not in the trailers, is not a trailer', () => {
    const p = ab();
    expect(planHashInMessage(`revert: undo\n\nSlipway-Plan: ${p.hash}\n\nSigned-off-by: Ada <a@x>`)).toBeUndefined();
    expect(planHashInMessage(`Slipway-Plan: ${p.hash}`)).toBeUndefined(); // a subject is not a trailer
  });
});

describe('prepending a changelog section', () => {
  const section = '## 1.1.0 (2026-03-01)\n\n### Features\n\n* retries\n';

  it('creates a missing changelog with a title', () => {
    expect(prependChangelogSection(undefined, section, '1.1.0')).toEqual({ text: `# Changelog\n\n${section}`, changed: true });
  });

  it('goes above the newest section, below the title and introduction', () => {
    const existing = '# Changelog\n\nAll notable changes.\n\n## 1.0.0 (2026-01-01)\n\n* first\n';
    const { text } = prependChangelogSection(existing, section, '1.1.0');
    expect(text).toBe(`# Changelog\n\nAll notable changes.\n\n${section}\n## 1.0.0 (2026-01-01)\n\n* first\n`);
  });

  it('never adds a version twice, whatever layout the existing heading has', () => {
    const once = prependChangelogSection('# Changelog\n', section, '1.1.0').text;
    expect(prependChangelogSection(once, section, '1.1.0')).toEqual({ text: once, changed: false });
    expect(hasVersionSection('## [1.1.0](https://x/compare) (2026-03-01)\n', '1.1.0')).toBe(true);
    expect(hasVersionSection('## v1.1.0\n', '1.1.0')).toBe(true);
    expect(hasVersionSection('## 1.1.0-next.0 (2026-03-01)\n## 11.1.0\n', '1.1.0')).toBe(false);
  });

  it('keeps Windows line endings', () => {
    const { text } = prependChangelogSection('# Changelog\r\n\r\n## 1.0.0\r\n', section, '1.1.0');
    expect(text).toBe('# Changelog\r\n\r\n## 1.1.0 (2026-03-01)\r\n\r\n### Features\r\n\r\n* retries\r\n\r\n## 1.0.0\r\n');
  });
});

describe('the release steps', () => {
  it('files, one commit, tags, one push, GitHub Releases, then publishes — private plugins are not published', () => {
    const p = plan([release('a', '1.1.0'), release('p', '0.2.0', { private: true })]);
    expect(releaseSteps(p).map(stepKey)).toEqual([
      'manifest a', 'manifest p', 'changelog a', 'changelog p', 'commit', 'tag a', 'tag p', 'push', 'github-release a', 'github-release p', 'publish a',
    ]);
  });

  it('publishes dependencies before their dependents, in waves; a cycle goes last', () => {
    const waves = publishWaves([
      { name: 'core' as PluginName, dependents: ['mid' as PluginName, 'top' as PluginName] },
      { name: 'mid' as PluginName, dependents: ['top' as PluginName] },
      { name: 'top' as PluginName, dependents: [] },
      { name: 'x' as PluginName, dependents: ['y' as PluginName] },
      { name: 'y' as PluginName, dependents: ['x' as PluginName] },
      { name: 'solo' as PluginName, dependents: ['not-planned' as PluginName] },
    ]);
    expect(Object.fromEntries(waves)).toEqual({ core: 0, solo: 0, mid: 1, top: 2, x: 3, y: 3 });
  });
});

describe('GitHub Release content and the result line', () => {
  it('uses the changelog section without its heading as notes, and flags prereleases', () => {
    expect(githubReleaseContent(release('a', '1.1.0'))).toEqual({ tag: 'a@1.1.0', name: 'a 1.1.0', body: '### Features\n\n* **a:** something (abc1234)', prerelease: false });
    expect(githubReleaseContent(release('a', '1.1.0-next.0')).prerelease).toBe(true);
  });

  it('sums up a run in one line', () => {
    const journal = newJournal('sha256:x' as PlanHash, false, '2026-03-01T00:00:00.000Z');
    const entry = (status: 'done' | 'already-done' | 'skipped') => ({ step: 'tag' as const, status, startedAt: '', finishedAt: '', detail: '' });
    journal.entries.push(entry('done'), entry('done'), entry('already-done'), entry('skipped'));
    journal.result = 'released';
    journal.finishedAt = '2026-03-01T00:00:02.500Z';
    expect(resultLine(journal, ['a@1.1.0', 'b@2.0.1'])).toBe('released 2 plugins (a@1.1.0, b@2.0.1): steps 2 done, 1 already done, 1 skipped in 2.5 s');
    journal.result = 'failed';
    journal.error = { code: 'API_FAILED', message: 'GitHub said 502', hint: undefined, step: 'github-release a' };
    expect(resultLine(journal, [])).toContain('release failed at github-release a: GitHub said 502');
  });
});
