/**
 * Commit message lint: every commit the planner reads must be a Conventional Commit
 * (https://www.conventionalcommits.org/en/v1.0.0/) with a known type, or its change never
 * reaches a version or a changelog. Parsing is the planner's own parseConventionalCommit, so
 * what lints clean is exactly what the planner understands.
 */
import type { RawCommit } from '../types.ts';
import { parseConventionalCommit } from '../versioning/conventional-commit.ts';
import type { Finding, Severity } from './finding.ts';

export interface CommitLintRules {
  /** Accepted types, lower-case. */
  types: readonly string[];
  headerMaxLength: number;
}

const EXAMPLE = 'write "type(scope): subject", e.g. "fix(http): retry on 503"';

/**
 * Messages commitlint ignores by default (its `defaultIgnores`): git's merge messages and
 * `fixup!`/`squash!` commits, which `git rebase --autosquash` folds away before they land.
 */
export function isIgnoredMessage(message: string): boolean {
  return /^(Merge (pull request|branch|remote-tracking branch|tag)\b|Merged? .+ (into|in) .+|Auto-merged |Automatic merge|fixup! |squash! |amend! )/.test(message);
}

/** What is wrong with one message (none: it lints clean). */
export function lintCommitMessage(message: string, rules: CommitLintRules): string[] {
  const header = message.trim().split('\n', 1)[0] ?? '';
  const parsed = parseConventionalCommit(message);
  if (!parsed.conventional) return [`"${header}" is not a Conventional Commit: ${EXAMPLE}`];
  const problems: string[] = [];
  const { type } = parsed.commit;
  // git's own `Revert "…"` message parses as type revert with no type token in the header.
  const written = /^(\w+)/.exec(header)?.[1] ?? type;
  if (written !== 'Revert' && written !== written.toLowerCase()) problems.push(`type "${written}" must be lower-case ("${written.toLowerCase()}")`);
  if (!rules.types.includes(type)) problems.push(`type "${type}" is not one of ${rules.types.join(', ')}`);
  if (header.length > rules.headerMaxLength) problems.push(`header is ${header.length} characters long; keep it to ${rules.headerMaxLength}`);
  return problems;
}

/** Lint findings for commits (merges and fixups skipped), each naming the commit. */
export function lintCommits(commits: readonly RawCommit[], rules: CommitLintRules, severity: Severity): Finding[] {
  const findings: Finding[] = [];
  for (const commit of commits) {
    if (commit.parents.length > 1 || isIgnoredMessage(commit.message)) continue;
    const header = commit.message.trim().split('\n', 1)[0] ?? '';
    for (const problem of lintCommitMessage(commit.message, rules)) {
      const message = problem.startsWith('"') ? `commit ${commit.sha.slice(0, 7)}: ${problem}` : `commit ${commit.sha.slice(0, 7)} "${header}": ${problem}`;
      findings.push({ check: 'commits', severity, message, commit: commit.sha });
    }
  }
  return findings;
}

/** The pull request title, which a squash merge makes the commit message. */
export function lintPullRequestTitle(title: string, rules: CommitLintRules, severity: Severity): Finding[] {
  return lintCommitMessage(title, rules).map((problem) => ({
    check: 'commits' as const,
    severity,
    message: `pull request title: ${problem}${problem.startsWith('"') ? ' (a squash merge uses the title as the commit message)' : ''}`,
  }));
}
