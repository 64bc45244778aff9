/**
 * Reading `git log` so that no byte of a commit message or a path can change which commits
 * there are or which files each one touched.
 *
 * Framing is on NUL alone, which git never prints inside a field: a message is cut at its
 * first NUL (a commit object crafted to hold one shows only what comes before), and paths
 * cannot hold one. Every commit is five NUL-terminated header fields (SHA, parents, author
 * date, author name, message), then `--name-status` pairs: a one-letter status, then a path.
 * A path is only ever read in the place after a status, so a file named like a SHA or like a
 * commit message is still just a path; after a path, the next field is a status (one letter)
 * or the next commit's SHA (hex), never both.
 */
import { sha, type RawCommit, type RepoPath, type Sha } from '../core/types.ts';

/** The arguments before the revision range. `--no-renames`: a status is followed by exactly one path. */
export const LOG_ARGS = ['log', '-z', '--name-status', '--no-renames', '--no-color', '--format=%H%x00%P%x00%aI%x00%an%x00%B'] as const;

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const PARENTS = /^(?:[0-9a-f]{40}|[0-9a-f]{64})(?: (?:[0-9a-f]{40}|[0-9a-f]{64}))*$/;
// git's diff status letters (A, C, D, M, R, T, U, X, B); the first one of a commit follows a newline.
const STATUS = /^\n?[A-Z]$/;

type Expect = 'sha' | 'parents' | 'date' | 'author' | 'message' | 'status-or-sha' | 'path';

/** Parses the output of `git log` with LOG_ARGS as it arrives, chunk by chunk. */
export class LogParser {
  readonly commits: RawCommit[] = [];
  private pending = '';
  private expect: Expect = 'sha';
  private current: RawCommit | undefined;

  private readonly onCommit: ((commit: RawCommit) => void) | undefined;

  /** `onCommit` is called with each commit once its last file is read (at the next commit, or at the end). */
  constructor(onCommit?: (commit: RawCommit) => void) {
    this.onCommit = onCommit;
  }

  push(chunk: string): void {
    const text = this.pending + chunk;
    let start = 0;
    for (let end = text.indexOf('\0'); end !== -1; end = text.indexOf('\0', start)) {
      this.field(text.slice(start, end));
      start = end + 1;
    }
    this.pending = text.slice(start);
  }

  /** The commits, once git has exited; throws when the output ended inside a commit. */
  end(): RawCommit[] {
    if (this.pending !== '' || (this.expect !== 'sha' && this.expect !== 'status-or-sha')) {
      throw new Error(`git log output ended inside a commit (expected its ${this.expect})`);
    }
    if (this.current) this.onCommit?.(this.current);
    this.current = undefined;
    return this.commits;
  }

  private field(value: string): void {
    switch (this.expect) {
      case 'status-or-sha':
        if (STATUS.test(value)) {
          this.expect = 'path';
          return;
        }
        this.expect = 'sha';
        this.field(value);
        return;
      case 'path':
        this.current?.files.push(value as RepoPath);
        this.expect = 'status-or-sha';
        return;
      case 'sha':
        if (!SHA.test(value)) throw new Error(`git log output is not framed as expected: "${value.slice(0, 80)}" where a commit SHA belongs`);
        if (this.current) this.onCommit?.(this.current);
        this.current = { sha: sha(value), parents: [], date: '', author: '', message: '', files: [] };
        this.commits.push(this.current);
        this.expect = 'parents';
        return;
      case 'parents':
        if (value !== '' && !PARENTS.test(value)) throw new Error(`git log output is not framed as expected: "${value.slice(0, 80)}" where parent SHAs belong`);
        this.at().parents = value === '' ? [] : value.split(' ').map((p): Sha => sha(p));
        this.expect = 'date';
        return;
      case 'date':
        this.at().date = value;
        this.expect = 'author';
        return;
      case 'author':
        this.at().author = value;
        this.expect = 'message';
        return;
      case 'message':
        this.at().message = value;
        this.expect = 'status-or-sha';
        return;
    }
  }

  private at(): RawCommit {
    if (!this.current) throw new Error('git log output is not framed as expected: a field before the first commit');
    return this.current;
  }
}
