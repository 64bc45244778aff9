import { describe, expect, it } from 'vitest';
import { CONVENTIONAL_TYPES } from '../../src/core/config/validate-section.ts';
import { sha, type RawCommit } from '../../src/core/types.ts';
import { lintCommitMessage, lintCommits, lintPullRequestTitle } from '../../src/core/validate/commit-lint.ts';

const rules = { types: [...CONVENTIONAL_TYPES], headerMaxLength: 100 };

let n = 0;
function commit(message: string, parents = 1): RawCommit {
  const id = (++n).toString(16).padStart(40, 'a');
  return { sha: sha(id), parents: Array.from({ length: parents }, () => sha('b'.repeat(40))), date: '2026-01-01T00:00:00Z', author: 'Ada', message, files: [] };
}

describe('commit message lint', () => {
  it('accepts Conventional Commits with a known type, a scope, a ! and footers', () => {
    expect(lintCommitMessage('feat(http): add retries', rules)).toEqual([]);
    expect(lintCommitMessage('fix!: drop the old API\n\nBREAKING CHANGE: gone', rules)).toEqual([]);
    expect(lintCommitMessage('Revert "feat: x"\n\nThis reverts commit abcdef1234567.', rules)).toEqual([]);
  });

  it('names a message that is not a Conventional Commit and shows the form to use', () => {
    expect(lintCommitMessage('update stuff', rules)).toEqual(['"update stuff" is not a Conventional Commit: write "type(scope): subject", e.g. "fix(http): retry on 503"']);
    expect(lintCommitMessage('feat:missing space', rules)).toHaveLength(1);
  });

  it('refuses an unknown type, listing the accepted ones', () => {
    expect(lintCommitMessage('feature: x', rules)).toEqual([`type "feature" is not one of ${CONVENTIONAL_TYPES.join(', ')}`]);
    expect(lintCommitMessage('feature: x', { ...rules, types: [...rules.types, 'feature'] })).toEqual([]);
  });

  it('wants the type in lower case', () => {
    expect(lintCommitMessage('Fix: crash', rules)).toEqual(['type "Fix" must be lower-case ("fix")']);
  });

  it('limits the header length', () => {
    const header = `fix: ${'x'.repeat(100)}`;
    expect(lintCommitMessage(header, rules)).toEqual([`header is ${header.length} characters long; keep it to 100`]);
  });

  it('skips merges and fixup!/squash! commits, as commitlint does, and names each other commit', () => {
    const bad = commit('wip');
    const findings = lintCommits(
      [commit('Merge branch main into x', 2), commit("Merge pull request #3 from a/b"), commit('fixup! feat: x'), commit('squash! fix: y'), bad, commit('fix: ok')],
      rules,
      'error',
    );
    expect(findings).toEqual([
      { check: 'commits', severity: 'error', commit: bad.sha, message: `commit ${bad.sha.slice(0, 7)}: "wip" is not a Conventional Commit: write "type(scope): subject", e.g. "fix(http): retry on 503"` },
    ]);
  });

  it('reports with the severity it is given (warnings in a release, errors on a pull request)', () => {
    const c = commit('Feat: x');
    expect(lintCommits([c], rules, 'warning')).toEqual([
      { check: 'commits', severity: 'warning', commit: c.sha, message: `commit ${c.sha.slice(0, 7)} "Feat: x": type "Feat" must be lower-case ("feat")` },
    ]);
  });

  it('lints a pull request title and says why it matters', () => {
    expect(lintPullRequestTitle('Add retries', rules, 'error')).toEqual([
      {
        check: 'commits',
        severity: 'error',
        message: 'pull request title: "Add retries" is not a Conventional Commit: write "type(scope): subject", e.g. "fix(http): retry on 503" (a squash merge uses the title as the commit message)',
      },
    ]);
    expect(lintPullRequestTitle('feat(http): add retries', rules, 'error')).toEqual([]);
  });
});
