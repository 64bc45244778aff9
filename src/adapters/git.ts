/**
 * Every git process slipway runs goes through here (execa). History is read in one pass:
 * one `git log` for the whole fleet, streamed and parsed as it arrives.
 */
import { execa, ExecaError } from 'execa';
import { SlipwayError } from '../core/errors.ts';
import type { DatedTag } from '../core/history/log-range.ts';
import { sha, tagName, type RawCommit, type RepoPath, type Sha } from '../core/types.ts';

export async function git(cwd: string, args: readonly string[], options: { input?: string } = {}): Promise<string> {
  try {
    const result = await execa('git', args, { cwd, input: options.input, stripFinalNewline: true });
    return result.stdout;
  } catch (error) {
    throw gitError(args, error);
  }
}

function gitError(args: readonly string[], error: unknown): SlipwayError {
  const stderr = error instanceof ExecaError ? String(error.stderr ?? '').trim() : '';
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

/** Every tag with the commit it points to (annotated tags peeled) in one process. */
export async function readTags(cwd: string): Promise<DatedTag[]> {
  const out = await git(cwd, [
    'for-each-ref',
    '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(committerdate:unix)%00%(*committerdate:unix)',
    'refs/tags',
  ]);
  const tags: DatedTag[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [name, object, peeled, time, peeledTime] = line.split('\0');
    tags.push({ name: tagName(name!), commit: sha(peeled || object!), commitTime: Number(peeledTime || time || 0) });
  }
  return tags;
}

const RECORD = '\x1e';
const FIELD = '\x1f';
const LOG_FORMAT = `--format=${RECORD}%H${FIELD}%P${FIELD}%aI${FIELD}%an${FIELD}%B${FIELD}`;

/**
 * Commits reachable from `to` and not from `exclude`, newest first, with the paths each one
 * changed. Parsing runs while git is still writing, so it overlaps git's own work.
 */
export async function readLog(cwd: string, range: { to?: string; exclude?: readonly string[] } = {}): Promise<RawCommit[]> {
  const args = ['log', '-z', '--name-only', '--no-renames', '--no-color', LOG_FORMAT, range.to ?? 'HEAD'];
  if (range.exclude?.length) args.push('--not', ...range.exclude);
  const child = execa('git', args, { cwd, buffer: { stdout: false, stderr: true }, encoding: 'utf8' });
  const commits: RawCommit[] = [];
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const end = pending.lastIndexOf(RECORD);
    if (end <= 0) return;
    parseRecords(pending.slice(0, end), commits);
    pending = pending.slice(end);
  });
  try {
    await child;
  } catch (error) {
    throw gitError(args, error);
  }
  parseRecords(pending, commits);
  return commits;
}

function parseRecords(text: string, into: RawCommit[]): void {
  for (const record of text.split(RECORD)) {
    if (!record) continue;
    const fields = record.split(FIELD);
    const files: RepoPath[] = [];
    for (const entry of (fields[5] ?? '').split('\0')) {
      const path = entry.startsWith('\n') ? entry.slice(1) : entry;
      if (path) files.push(path as RepoPath);
    }
    into.push({
      sha: sha(fields[0]!),
      parents: fields[1] ? fields[1].split(' ').map(sha) : [],
      date: fields[2]!,
      author: fields[3]!,
      message: fields[4]!,
      files,
    });
  }
}

/** The web URL of a GitHub remote (for changelog links), or undefined. */
export async function repositoryUrl(cwd: string, remote = 'origin'): Promise<string | undefined> {
  const url = await git(cwd, ['remote', 'get-url', '--', remote]).catch(() => '');
  const match = /github\.com[:/]([^/]+\/[^/]+?)(?:\.git)?$/.exec(url);
  return match ? `https://github.com/${match[1]}` : undefined;
}
