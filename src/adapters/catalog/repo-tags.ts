/** The repository's tags with their commits and dates, in one `git for-each-ref`. */
import type { RepoTag } from '../../core/catalog/select-versions.ts';
import { SlipwayError } from '../../core/errors.ts';
import { git } from '../git.ts';

/** Seconds since the epoch → ISO 8601 UTC without milliseconds (`2025-02-04T15:00:00Z`). */
export const isoFromUnix = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * Every tag, by name. `creatordate` is the tagger date of an annotated tag — when the release
 * was made — and the commit date of a lightweight one; annotated tags are peeled to their commit.
 */
export async function readRepoTags(cwd: string): Promise<Map<string, RepoTag>> {
  const out = await git(cwd, ['for-each-ref', '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(creatordate:unix)', 'refs/tags']);
  const tags = new Map<string, RepoTag>();
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [name, object, peeled, time] = line.split('\0');
    tags.set(name!, { name: name!, commit: peeled || object!, date: isoFromUnix(Number(time)) });
  }
  return tags;
}

/** A commit (any revision: SHA, branch, tag) with its commit date, or NOT_FOUND naming it. */
export async function readCommit(cwd: string, rev: string): Promise<{ commit: string; date: string }> {
  const out = await git(cwd, ['log', '-1', '--format=%H%x00%ct', '--end-of-options', `${rev}^{commit}`, '--']).catch((error: unknown) => {
    throw new SlipwayError('NOT_FOUND', `"${rev}" is not a commit of this repository`, {
      subject: rev,
      hint: 'pass a tag, a branch or a SHA that exists here (fetch it first: git fetch --tags origin)',
      cause: error,
    });
  });
  const [commit, time] = out.split('\0');
  return { commit: commit!, date: isoFromUnix(Number(time)) };
}
