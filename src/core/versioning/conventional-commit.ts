/**
 * Conventional Commits 1.0 (https://www.conventionalcommits.org/en/v1.0.0/), parsed with
 * conventional-commits-parser and reduced to what versioning and changelogs need.
 */
import { CommitParser } from 'conventional-commits-parser';
import type { RawCommit, Sha } from '../types.ts';

export interface ConventionalCommit {
  type: string;
  scope: string | null;
  /** The description after `type(scope): `. */
  subject: string;
  body: string | null;
  /** `!` in the header or a `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer. */
  breaking: boolean;
  /** The breaking-change notes (footer text, or the subject when only `!` was used). */
  breakingNotes: string[];
  /** For `Revert "…"` commits (git's own format) or `revert:` commits: the reverted header and SHA. */
  reverts: { header: string | null; sha: string | null } | null;
}

export type ParsedCommit =
  | { conventional: true; commit: ConventionalCommit }
  | { conventional: false; header: string };

const parser = new CommitParser({
  // The spec's optional `!` before the colon; scopes may hold anything but parentheses.
  headerPattern: /^(\w+)(?:\(([^()]*)\))?!?: (.+)$/,
  breakingHeaderPattern: /^(\w+)(?:\(([^()]*)\))?!: (.+)$/,
  headerCorrespondence: ['type', 'scope', 'subject'],
  // Footer tokens are case-insensitive in the spec except BREAKING CHANGE, which must be uppercase.
  noteKeywords: [/BREAKING[ -]CHANGE/],
  revertPattern: /^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w+)\.?/,
  revertCorrespondence: ['header', 'hash'],
});

export function parseConventionalCommit(message: string): ParsedCommit {
  const text = message.trim();
  // An empty message is allowed by git (--allow-empty-message) and makes the parser throw.
  if (!text) return { conventional: false, header: '' };
  let parsed: ReturnType<CommitParser['parse']>;
  try {
    parsed = parser.parse(text);
  } catch {
    return { conventional: false, header: text.split('\n', 1)[0] ?? '' };
  }
  const header = parsed.header ?? message.split('\n', 1)[0] ?? '';
  const revert = parsed.revert as { header?: string | null; hash?: string | null } | null;
  if (revert) {
    return {
      conventional: true,
      commit: {
        type: 'revert',
        scope: null,
        subject: revert.header ?? header,
        body: parsed.body,
        breaking: false,
        breakingNotes: [],
        reverts: { header: revert.header ?? null, sha: revert.hash ?? null },
      },
    };
  }
  if (!parsed.type || !parsed.subject) return { conventional: false, header };
  const breakingNotes = parsed.notes.filter((note) => /^BREAKING[ -]CHANGE$/.test(note.title)).map((note) => note.text.trim());
  return {
    conventional: true,
    commit: {
      type: parsed.type.toLowerCase(),
      scope: parsed.scope || null,
      subject: parsed.subject.trim(),
      body: parsed.body,
      breaking: breakingNotes.length > 0,
      breakingNotes,
      reverts: parsed.type.toLowerCase() === 'revert' ? { header: parsed.subject, sha: null } : null,
    },
  };
}

/**
 * Each commit's message parsed once, however many plugins it touches. The plan job fills it
 * while git writes the log (its main thread is idle then), so the parsing is off the planner's
 * critical path.
 */
export class ParsedMessages {
  private readonly bySha = new Map<Sha, ParsedCommit>();

  of(commit: Pick<RawCommit, 'sha' | 'message'>): ParsedCommit {
    let parsed = this.bySha.get(commit.sha);
    if (!parsed) this.bySha.set(commit.sha, (parsed = parseConventionalCommit(commit.message)));
    return parsed;
  }
}
