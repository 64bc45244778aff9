/**
 * The git writes and remote reads of a release: what the remote has (one `ls-remote`), local
 * tags, the release commit, annotated tags, an atomic push. Every function does one thing and
 * reports what it found; deciding what to do is the release job's.
 */
import { execa } from 'execa';
import { SlipwayError } from '../core/errors.ts';
import type { GitRefName, GitRemoteName } from '../core/git/ref-name.ts';
import { sha, type RepoPath, type Sha, type TagName } from '../core/types.ts';
import { git, readTags } from './git.ts';

export interface RemoteState {
  /** The remote branch's tip, or undefined when the branch does not exist there yet. */
  branchTip: Sha | undefined;
  /** Planned tags the remote already has → the commit each points to (annotated tags peeled). */
  tags: Map<TagName, Sha>;
}

/**
 * The remote branch and the given tags, in one `git ls-remote`. Tag names go in as exact ref
 * patterns (tag names cannot hold glob characters); the `^{}` pattern asks for the commit an
 * annotated tag points to.
 */
export async function readRemoteState(cwd: string, remote: GitRemoteName, branch: string, tags: readonly TagName[]): Promise<RemoteState> {
  const patterns = [`refs/heads/${branch}`, ...tags.flatMap((t) => [`refs/tags/${t}`, `refs/tags/${t}^{}`])];
  const out = await git(cwd, ['ls-remote', '--', remote, ...patterns]);
  const wanted = new Set<string>(tags);
  let branchTip: Sha | undefined;
  const direct = new Map<TagName, Sha>();
  const peeled = new Map<TagName, Sha>();
  for (const line of out.split('\n')) {
    const [object, ref] = line.split('\t');
    if (!object || !ref) continue;
    if (ref === `refs/heads/${branch}`) branchTip = sha(object);
    else if (ref.startsWith('refs/tags/')) {
      const name = ref.slice('refs/tags/'.length);
      if (name.endsWith('^{}') && wanted.has(name.slice(0, -3))) peeled.set(name.slice(0, -3) as TagName, sha(object));
      else if (wanted.has(name)) direct.set(name as TagName, sha(object));
    }
  }
  const result = new Map<TagName, Sha>();
  for (const [name, object] of direct) result.set(name, peeled.get(name) ?? object);
  return { branchTip, tags: result };
}

/** Local tags among `names` → the commit each points to. */
export async function readLocalTags(cwd: string, names: readonly TagName[]): Promise<Map<TagName, Sha>> {
  const wanted = new Set<string>(names);
  const found = new Map<TagName, Sha>();
  for (const tag of await readTags(cwd)) if (wanted.has(tag.name)) found.set(tag.name, tag.commit);
  return found;
}

export async function hasCommit(cwd: string, commit: string): Promise<boolean> {
  const run = await execa('git', ['cat-file', '-e', '--end-of-options', `${commit}^{commit}`], { cwd, reject: false });
  return run.exitCode === 0;
}

export async function isAncestor(cwd: string, ancestor: string, descendant: string): Promise<boolean> {
  const run = await execa('git', ['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant], { cwd, reject: false });
  if (run.exitCode === 0) return true;
  if (run.exitCode === 1) return false;
  throw new SlipwayError('GIT_FAILED', `git merge-base failed: ${run.stderr.trim()}`, { subject: `${ancestor.slice(0, 12)}..${descendant.slice(0, 12)}` });
}

/** Fetches the remote branch (no tags; only FETCH_HEAD changes) and returns its tip. */
export async function fetchBranch(cwd: string, remote: GitRemoteName, branch: GitRefName): Promise<Sha> {
  await git(cwd, ['fetch', '--quiet', '--no-tags', '--', remote, `refs/heads/${branch}`]);
  return sha(await git(cwd, ['rev-parse', 'FETCH_HEAD']));
}

export async function fastForward(cwd: string, to: Sha): Promise<void> {
  await git(cwd, ['merge', '--ff-only', '--quiet', '--end-of-options', to]);
}

/**
 * Who commits and tags: the repository's configured identity, else (a fresh CI checkout has
 * none) the GitHub Actions bot, whose noreply address GitHub links to the bot account. Asked
 * once per repository and run: a release of hundreds of plugins makes hundreds of tags.
 */
const identities = new Map<string, Promise<string[]>>();
export function identityArgs(cwd: string): Promise<string[]> {
  let identity = identities.get(cwd);
  if (!identity) {
    identity = git(cwd, ['config', 'user.email']).then(
      (email) => (email ? [] : BOT_IDENTITY),
      () => BOT_IDENTITY,
    );
    identities.set(cwd, identity);
  }
  return identity;
}
const BOT_IDENTITY = ['-c', 'user.name=github-actions[bot]', '-c', 'user.email=41898282+github-actions[bot]@users.noreply.github.com'];

/**
 * Replays the local branch's commits that `onto` lacks on top of `onto` (`git rebase onto`),
 * keeping their messages — and so the release commit's trailer. A conflict aborts the rebase
 * and leaves the branch as it was.
 */
export async function rebaseOnto(cwd: string, onto: Sha): Promise<void> {
  const identity = await identityArgs(cwd);
  try {
    await git(cwd, [...identity, 'rebase', '--quiet', '--end-of-options', onto]);
  } catch (error) {
    await git(cwd, ['rebase', '--abort']).catch(() => undefined);
    throw new SlipwayError('RELEASE_FAILED', `could not replay the local commits onto ${onto.slice(0, 7)}: ${(error as Error).message}`, {
      subject: `rebase onto ${onto.slice(0, 7)}`,
      hint: 'the remote branch changed the same lines as a local commit: rebase by hand (git pull --rebase), then rerun',
      cause: error,
    });
  }
}

/** Paths under `paths` with uncommitted changes, untracked files included. */
export async function changedPaths(cwd: string, paths: readonly string[]): Promise<RepoPath[]> {
  if (paths.length === 0) return [];
  const out = await git(cwd, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...paths]);
  return out
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3) as RepoPath);
}

/** A file's content at a commit, or undefined when it does not exist there. */
export async function fileAt(cwd: string, commit: string, path: string): Promise<string | undefined> {
  const run = await execa('git', ['show', '--end-of-options', `${commit}:${path}`], { cwd, reject: false, stripFinalNewline: false });
  return run.exitCode === 0 ? run.stdout : undefined;
}

/** Those of `paths` that git tracks at HEAD (a rerun finds the deleted ones gone). */
export async function trackedPaths(cwd: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const out = await git(cwd, ['ls-files', '-z', '--', ...paths]);
  return out.split('\0').filter(Boolean);
}

/** Stages and commits exactly `paths` (other staged work stays out) and returns the new commit. */
export async function commitPaths(cwd: string, message: string, paths: readonly string[]): Promise<Sha> {
  const identity = await identityArgs(cwd);
  await git(cwd, ['add', '--', ...paths]);
  await git(cwd, [...identity, 'commit', '--quiet', '--no-verify', '--file=-', '--', ...paths], { input: message });
  return sha(await git(cwd, ['rev-parse', 'HEAD']));
}

export async function createAnnotatedTag(cwd: string, name: TagName, target: Sha, message: string, options: { force?: boolean } = {}): Promise<void> {
  const identity = await identityArgs(cwd);
  await git(cwd, [...identity, 'tag', '--annotate', ...(options.force ? ['--force'] : []), '--file=-', '--', name, target], { input: message });
}

export async function commitMessage(cwd: string, commit: string): Promise<string> {
  return git(cwd, ['log', '-1', '--format=%B', '--end-of-options', commit]);
}

export type PushOutcome = { ok: true } | { ok: false; reason: 'behind' | 'rejected'; message: string };

/**
 * `git push --atomic`: the branch and every tag land together or none does, so the remote never
 * holds tags without their commit. A refusal because the remote branch moved on ("fetch first",
 * "non-fast-forward") is `behind` — the caller may replay the release commit and push again;
 * anything else (a hook, branch protection, auth) is `rejected` with git's own words.
 */
export async function pushAtomic(cwd: string, remote: GitRemoteName, refspecs: readonly string[]): Promise<PushOutcome> {
  const run = await execa('git', ['push', '--atomic', '--porcelain', '--', remote, ...refspecs], { cwd, reject: false, all: true });
  if (run.exitCode === 0) return { ok: true };
  const output = run.all ?? '';
  if (/\[rejected\][^\n]*\((?:fetch first|non-fast-forward)\)/.test(output)) return { ok: false, reason: 'behind', message: 'the remote branch has commits this one does not' };
  const lines = output.split('\n').map((l) => l.trim());
  const why =
    lines.find((l) => /^remote: /.test(l) && !/^remote:\s*$/.test(l))?.replace(/^remote:\s*/, '') ??
    lines.find((l) => /\[remote rejected\]|\[rejected\]|^error:|^fatal:/.test(l)) ??
    `git push exited with ${run.exitCode}`;
  return { ok: false, reason: 'rejected', message: why };
}

/** Commits reachable from `to` and not from `from` (`git rev-list from..to`), newest first. */
export async function commitsBetween(cwd: string, from: string, to: string): Promise<Sha[]> {
  const out = await git(cwd, ['rev-list', '--end-of-options', `${from}..${to}`]);
  return out ? out.split('\n').map(sha) : [];
}

/**
 * A detached checkout of `commit` in `dir` (`git worktree add`), for work that must see the
 * release commit's files while the branch has moved on (publishing after the SNAPSHOT commit).
 * The returned function removes it again.
 */
export async function detachedWorktree(cwd: string, dir: string, commit: Sha): Promise<() => Promise<void>> {
  await git(cwd, ['worktree', 'add', '--quiet', '--detach', '--', dir, commit]);
  return async () => {
    await git(cwd, ['worktree', 'remove', '--force', '--', dir]).catch(() => undefined);
  };
}
