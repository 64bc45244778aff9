/**
 * The git reads slipway makes (processes from git-process.ts). History is read in one pass:
 * one `git log` for the whole fleet, streamed and parsed as it arrives.
 */
import { existsSync } from 'node:fs';
import { SlipwayError } from '../core/errors.ts';
import type { DatedTag, ListedTag } from '../core/history/log-range.ts';
import { sha, tagName, type RawCommit, type Sha, type TagName } from '../core/types.ts';
import { LOG_ARGS, LogParser } from './git-log.ts';
import { gitOutput, GitProcessError, runGit } from './git-process.ts';

export async function git(cwd: string, args: readonly string[], options: { input?: string } = {}): Promise<string> {
  try {
    return await gitOutput(cwd, args, options);
  } catch (error) {
    throw gitError(cwd, args, error);
  }
}

function gitError(cwd: string, args: readonly string[], error: unknown): SlipwayError {
  const stderr = error instanceof GitProcessError ? error.stderr : '';
  // What a person got wrong is the folder, not a git command line: name the folder.
  if (!existsSync(cwd)) {
    return new SlipwayError('USAGE', 'the folder does not exist', { subject: cwd, hint: 'pass the folder of your repository (--cwd, or working-directory in a workflow)', cause: error });
  }
  if (/not a git repository/i.test(stderr)) {
    return new SlipwayError('GIT_FAILED', 'not in a git repository', {
      subject: cwd,
      hint: 'run slipway in a clone of your repository (git init and a first commit for a new one; actions/checkout with fetch-depth: 0 in a workflow)',
      cause: error,
    });
  }
  if (error instanceof GitProcessError && error.code === 'ENOENT') {
    return new SlipwayError('USAGE', 'git is not installed (or not on PATH)', { subject: 'git', hint: 'install git and run again', cause: error });
  }
  if (/ambiguous argument 'HEAD'|unknown revision or path not in the working tree/i.test(stderr) && args.includes('HEAD')) {
    return new SlipwayError('GIT_FAILED', 'the repository has no commit yet', { subject: cwd, hint: 'commit your files first (git add -A && git commit -m "chore: start")', cause: error });
  }
  const message = stderr.split('\n').find((line) => line.startsWith('fatal:') || line.startsWith('error:')) ?? (stderr || (error as Error).message);
  return new SlipwayError('GIT_FAILED', `git ${args[0]} failed: ${message}`, {
    subject: `git ${args.slice(0, 3).join(' ')}`,
    hint: 'run slipway inside a git repository with its history and tags fetched (actions/checkout with fetch-depth: 0)',
    cause: error,
  });
}

export async function headSha(cwd: string): Promise<Sha> {
  return sha(await git(cwd, ['rev-parse', 'HEAD']));
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Every tag with the commit it points to (annotated tags peeled), and whether that commit is
 * reachable from `head`: the last release of a line is its highest *reachable* tag, never a
 * tag on another branch. Two processes, run side by side.
 */
export async function readTags(cwd: string, head = 'HEAD'): Promise<DatedTag[]> {
  const [listed, reachable] = await Promise.all([listTags(cwd), tagsReachableFrom(cwd, head)]);
  return marked(listed, reachable);
}

/** Every tag and its commit, without reachability: one quick `for-each-ref` (the planner starts its log from these). */
export async function listTags(cwd: string): Promise<ListedTag[]> {
  const out = await git(cwd, ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(*objectname)%00%(creatordate:unix)', 'refs/tags']);
  const tags: ListedTag[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    // Ref names hold no control characters (git check-ref-format), so lines and NULs frame them.
    const [ref = '', object = '', peeled, time] = line.split('\0');
    tags.push({ name: tagName(ref.slice('refs/tags/'.length)), commit: sha(peeled || object), madeAt: Number(time || 0) });
  }
  return tags;
}

/** `listTags` with each tag's reachability from `head`. */
export async function withReachability(cwd: string, head: string, tags: readonly ListedTag[]): Promise<DatedTag[]> {
  return marked(tags, await tagsReachableFrom(cwd, head));
}

function marked(tags: readonly ListedTag[], reachable: ReadonlySet<TagName>): DatedTag[] {
  return tags.map((tag) => ({ ...tag, reachable: reachable.has(tag.name) }));
}

/** The tags whose commit is `commit` or one of its ancestors: a walk of the history below it. */
async function tagsReachableFrom(cwd: string, commit: string): Promise<Set<TagName>> {
  const merged = await git(cwd, ['for-each-ref', `--merged=${FULL_SHA.test(commit) ? commit : await resolveCommit(cwd, commit)}`, '--format=%(refname)', 'refs/tags']);
  return new Set(merged.split('\n').filter(Boolean).map((ref) => tagName(ref.slice('refs/tags/'.length))));
}

/** The full SHA of a commit-ish that may come from a user (a branch name, a SHA): never read as an option. */
export async function resolveCommit(cwd: string, rev: string): Promise<Sha> {
  return sha(await git(cwd, ['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`]));
}

/**
 * The best common ancestors of the given commits (`git merge-base --octopus --all`): every
 * commit that is an ancestor of all of them is an ancestor of one of these. Empty when the
 * commits share no history.
 */
export async function mergeBases(cwd: string, commits: readonly Sha[]): Promise<Sha[]> {
  if (commits.length <= 1) return [...commits];
  const args = ['merge-base', '--octopus', '--all', ...commits];
  const result = await runGit(cwd, args).catch((error: unknown) => {
    throw gitError(cwd, args, error);
  });
  // Exit 1 without a word: the commits share no history.
  if (result.exitCode === 1 && !result.stderr) return [];
  if (result.exitCode !== 0) throw gitError(cwd, args, new GitProcessError(args, result));
  return result.stdout.split('\n').filter(Boolean).map(sha);
}

/** Local and remote-tracking branches that contain a commit, for messages ("on releases/1.x"). */
export async function branchesContaining(cwd: string, commit: Sha): Promise<string[]> {
  const out = await git(cwd, ['for-each-ref', `--contains=${commit}`, '--format=%(refname:short)', 'refs/heads', 'refs/remotes']).catch(() => '');
  return out.split('\n').filter((name) => name && !name.endsWith('/HEAD'));
}

/**
 * Commits reachable from `to` and not from `exclude`, newest first, with the paths each one
 * changed (framed on NUL: see git-log.ts). Parsing runs while git is still writing, so it
 * overlaps git's own work; `onCommit` sees each commit as soon as its files are known.
 */
export async function readLog(
  cwd: string,
  range: { to?: string; exclude?: readonly string[] } = {},
  onCommit?: (commit: RawCommit) => void,
  signal?: AbortSignal,
): Promise<RawCommit[]> {
  // `--end-of-options`: a revision can never be read as an option, whatever a ref is called.
  const args = [...LOG_ARGS, '--end-of-options', range.to ?? 'HEAD'];
  if (range.exclude?.length) args.push(...range.exclude.map((rev) => `^${rev}`));
  // `--` ends the revisions: a revision that names a file is not taken for a path.
  args.push('--');
  // GIT_FLUSH=0: git flushes stdout after every commit when it writes to a pipe, and node then
  // handles one small chunk per commit (13,000 'data' events for 20,000 commits instead of ~900
  // full buffers, measured: about a third of the planner's CPU on a large fleet).
  const parser = new LogParser(onCommit);
  let framing: unknown;
  const onStdout = (chunk: string): void => {
    if (framing) return;
    try {
      parser.push(chunk);
    } catch (error) {
      framing = error;
    }
  };
  try {
    await gitOutput(cwd, args, { env: { GIT_FLUSH: '0' }, onStdout, signal });
  } catch (error) {
    throw gitError(cwd, args, error);
  }
  try {
    if (framing) throw framing;
    return parser.end();
  } catch (error) {
    throw new SlipwayError('GIT_FAILED', `could not read the history: ${(error as Error).message}`, {
      subject: 'git log',
      hint: 'report this with the output of `git log -z --name-status` for the commit it names',
      cause: error,
    });
  }
}

/** The checked-out branch, or undefined on a detached HEAD. */
export async function currentBranch(cwd: string): Promise<string | undefined> {
  return git(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']).then(
    (name) => name.trim() || undefined,
    () => undefined,
  );
}

/** The web URL of a GitHub remote (for changelog links), or undefined. */
export async function repositoryUrl(cwd: string, remote = 'origin'): Promise<string | undefined> {
  const url = await git(cwd, ['remote', 'get-url', '--', remote]).catch(() => '');
  const match = /github\.com[:/]([^/]+\/[^/]+?)(?:\.git)?$/.exec(url);
  return match ? `https://github.com/${match[1]}` : undefined;
}

/**
 * The newest commit reachable from `head` that changed how often `text` occurs in `path` (git's
 * pickaxe): for a version string in a manifest, the commit that wrote that version.
 */
export async function lastCommitWriting(cwd: string, head: Sha, text: string, path: string): Promise<Sha | undefined> {
  const out = await git(cwd, ['log', '-1', '--format=%H', '-S', text, '--end-of-options', head, '--', path]).catch(() => '');
  return out ? sha(out) : undefined;
}
