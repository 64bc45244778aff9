/**
 * Where the local GitHub server reads a repository's branches and tags from: a real bare git
 * repository (the tests' remotes, read live, so a push after the plan shows up as GitHub would
 * show it), or refs kept in memory (benchmarks with 1,300 repositories and no git at all).
 */
import { execaSync } from 'execa';

export interface TagRef {
  name: string;
  /** What the ref points at: a tag object (annotated) or a commit. */
  oid: string;
  /** The commit, annotated tags peeled. */
  commit: string;
  /** The commit's committer date (ISO 8601): GitHub orders refs by TAG_COMMIT_DATE with it. */
  commitDate: string;
}

export interface GitRefs {
  /** branch name → { commit, committer date }. */
  heads: Map<string, { oid: string; date: string }>;
  tags: TagRef[];
}

export type GitRefsSource = () => GitRefs;

/** The refs of a bare repository, read with one `git for-each-ref` each time they are asked for. */
export function bareRepositoryRefs(dir: string): GitRefsSource {
  return () => {
    const format = '%(refname)%00%(objectname)%00%(*objectname)%00%(committerdate:iso-strict)%00%(*committerdate:iso-strict)';
    const out = execaSync('git', ['for-each-ref', `--format=${format}`, 'refs/heads', 'refs/tags'], { cwd: dir }).stdout;
    const refs: GitRefs = { heads: new Map(), tags: [] };
    for (const line of out.split('\n')) {
      const [ref, object, peeled, date, peeledDate] = line.split('\0');
      if (!ref || !object) continue;
      if (ref.startsWith('refs/heads/')) refs.heads.set(ref.slice('refs/heads/'.length), { oid: object, date: utc(date) });
      else refs.tags.push({ name: ref.slice('refs/tags/'.length), oid: object, commit: peeled || object, commitDate: utc(peeledDate || date) });
    }
    return refs;
  };
}

/** One time zone, so dates order as text. */
const utc = (date: string | undefined) => (date ? new Date(date).toISOString() : '');

/** Refs held in memory; the returned object can be changed between requests. */
export function memoryRefs(refs: GitRefs): GitRefsSource {
  return () => refs;
}
