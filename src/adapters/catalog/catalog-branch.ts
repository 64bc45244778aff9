/**
 * The catalog branch as a compare-and-swap register. One update:
 *
 *   1. fetch the branch tip (depth 1) into a scratch bare repository — no checkout, so the
 *      cost does not grow with the catalog;
 *   2. let the caller read the files it needs at that tip and compute the changed ones;
 *   3. write them as one commit on top of the tip (`git fast-import`: one process however
 *      many files change);
 *   4. `git push` — no force: the remote accepts it only if its tip is still the one fetched.
 *
 * When another writer got there first the push is rejected as non-fast-forward; the update
 * starts again from the new tip (fetch, re-read, re-merge), after a random wait that grows with
 * each attempt ("full jitter"), a bounded number of times. N writers racing give N commits,
 * each containing everything before it: no entry is lost.
 */
import { execa } from 'execa';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogChanges } from '../../core/catalog/merge-catalog.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Reporter } from '../../core/reporter.ts';
import { GitObjectReader } from './git-objects.ts';

export interface CatalogLocation {
  /** A git URL or a local path of the repository holding the catalog. */
  url: string;
  branch: string;
  /** For https remotes: sent as an Authorization header, never written into the URL. */
  token?: string | undefined;
}

/** The catalog at one tip, for reading. */
export interface CatalogTip {
  /** The tip commit, or undefined when the branch does not exist yet. */
  commit: string | undefined;
  read(path: string): Promise<string | undefined>;
  /** Paths of the files under `folder` (e.g. 'plugins'). */
  list(folder: string): Promise<string[]>;
}

export interface CatalogUpdate {
  changes: CatalogChanges;
  message: string;
}

export interface CatalogUpdateResult {
  status: 'unchanged' | 'committed' | 'dry-run';
  /** The commit pushed (committed), or the tip left as it was. */
  commit: string | undefined;
  /** Paths written or deleted. */
  changed: string[];
  attempts: number;
}

export interface UpdateOptions {
  reporter: Reporter;
  /** Attempts before giving up while other writers keep moving the tip. */
  maxAttempts?: number;
  dryRun?: boolean;
  /** The first wait's upper bound; doubles per attempt up to 2 s. */
  backoffMs?: number;
  author?: { name: string; email: string };
}

const DEFAULT_ATTEMPTS = 25;
const MAX_BACKOFF_MS = 2000;
const TIP_REF = 'refs/slipway/tip';
const NEW_REF = 'refs/slipway/new';
/** The identity of commits made by GitHub Actions' GITHUB_TOKEN; fine for a generated branch. */
const DEFAULT_AUTHOR = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

/**
 * Reads the catalog at its current tip, lets `compute` decide the changes, and pushes them as
 * one commit, starting over from the new tip whenever the push loses a race. `compute` may be
 * called several times (once per attempt) and must be a function of the tip it is given.
 */
export async function updateCatalogBranch(
  location: CatalogLocation,
  compute: (tip: CatalogTip) => Promise<CatalogUpdate>,
  options: UpdateOptions,
): Promise<CatalogUpdateResult> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  return withScratchRepository(location, async (run, objects) => {
    for (let attempt = 1; ; attempt++) {
      const commit = await fetchTip(run, location);
      const { changes, message } = await compute(tipReader(run, objects, commit));
      const changed = [...changes.keys()];
      if (changed.length === 0) return { status: 'unchanged', commit, changed, attempts: attempt };
      if (options.dryRun) {
        for (const [path, text] of changes) options.reporter.info(`would ${text === null ? 'delete' : commit && (await objects.read(commit, path)) ? 'update' : 'create'} ${path}`);
        return { status: 'dry-run', commit, changed, attempts: attempt };
      }
      const next = await writeCommit(run, commit, changes, message, options.author ?? DEFAULT_AUTHOR);
      const push = await pushCommit(run, location, next);
      if (push === 'pushed') return { status: 'committed', commit: next, changed, attempts: attempt };
      if (attempt >= maxAttempts) {
        throw new SlipwayError('GIT_FAILED', `the catalog branch kept moving: gave up after ${attempt} attempts (${push})`, {
          subject: `${location.branch} of ${redact(location.url)}`,
          hint: 'other writers are updating the catalog at the same time; run again (indexing is idempotent) or raise --max-attempts',
        });
      }
      const waitMs = Math.random() * Math.min(MAX_BACKOFF_MS, (options.backoffMs ?? 50) * 2 ** (attempt - 1));
      options.reporter.debug(`catalog push lost a race (${push}); retrying from the new tip in ${Math.round(waitMs)} ms (attempt ${attempt + 1} of ${maxAttempts})`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  });
}

/** Reads the catalog at its current tip, without writing (for `slipway catalog`). */
export async function readCatalogBranch<T>(location: CatalogLocation, fn: (tip: CatalogTip) => Promise<T>): Promise<T> {
  return withScratchRepository(location, async (run, objects) => fn(tipReader(run, objects, await fetchTip(run, location))));
}

/** A throwaway bare repository to fetch the catalog into (the user's checkout is never touched), removed afterwards. */
async function withScratchRepository<T>(
  location: CatalogLocation,
  fn: (run: ReturnType<typeof gitIn>, objects: GitObjectReader) => Promise<T>,
): Promise<T> {
  const scratch = await mkdtemp(join(tmpdir(), 'slipway-catalog-'));
  const run = gitIn(scratch, location);
  try {
    await run(['init', '-q', '--bare', '--template=']);
    const objects = new GitObjectReader(scratch);
    try {
      return await fn(run, objects);
    } finally {
      await objects.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

type Git = ((args: string[], options?: { input?: string; reject?: boolean }) => Promise<{ stdout: string; stderr: string; exitCode: number }>) & { dir: string };

function gitIn(dir: string, location: CatalogLocation): Git {
  // No templates (--template= above), no system config, no prompt; and no automatic gc or
  // maintenance after a fetch: the scratch repository lives for one update.
  const config: [string, string][] = [
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
    ...Object.entries(authConfig(location)),
  ];
  const env: Record<string, string> = {
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_COUNT: String(config.length),
    ...Object.fromEntries(config.flatMap(([key, value], i) => [[`GIT_CONFIG_KEY_${i}`, key], [`GIT_CONFIG_VALUE_${i}`, value]])),
  };
  const run = async (args: string[], options: { input?: string; reject?: boolean } = {}) => {
    const result = await execa('git', args, { cwd: dir, env, input: options.input, reject: false, stripFinalNewline: true });
    if (result.exitCode !== 0 && options.reject !== false) {
      const stderr = String(result.stderr).trim();
      const line = stderr.split('\n').find((l) => /^(fatal|error):/.test(l)) ?? stderr;
      throw new SlipwayError('GIT_FAILED', `git ${args[0]} failed: ${redact(line)}`, {
        subject: `${location.branch} of ${redact(location.url)}`,
        hint: location.token === undefined && /^https?:/.test(location.url)
          ? 'the catalog repository needs a token with contents: write (input catalog-token, or GITHUB_TOKEN)'
          : 'check that the catalog repository exists and the token may push to it',
      });
    }
    return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? 1 };
  };
  return Object.assign(run, { dir });
}

/**
 * The token as an `http.<origin>/.extraheader` (what actions/checkout does), given to git
 * through GIT_CONFIG_* environment variables so it is on no command line and in no URL or log.
 */
export function authConfig(location: CatalogLocation): Record<string, string> {
  if (!location.token) return {};
  const origin = /^(https?:\/\/[^/]+)\//.exec(location.url)?.[1];
  if (!origin) return {};
  const basic = Buffer.from(`x-access-token:${location.token}`).toString('base64');
  return { [`http.${origin}/.extraheader`]: `AUTHORIZATION: basic ${basic}` };
}

/** A URL with any user:password part removed, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/[^/@]+@/, '//***@');
}

async function fetchTip(run: Git, location: CatalogLocation): Promise<string | undefined> {
  const result = await run(['fetch', '-q', '--no-tags', '--depth=1', '--', location.url, `+refs/heads/${location.branch}:${TIP_REF}`], { reject: false });
  if (result.exitCode === 0) return fetchedTip(run);
  if (/couldn't find remote ref|no such ref|not our ref/i.test(result.stderr)) {
    await run(['update-ref', '-d', TIP_REF], { reject: false });
    return undefined;
  }
  // Anything else (no such repository, no access) is reported with git's own words; a
  // transient failure that passes the second time goes on as usual.
  await run(['fetch', '-q', '--no-tags', '--depth=1', '--', location.url, `+refs/heads/${location.branch}:${TIP_REF}`]);
  return fetchedTip(run);
}

/**
 * The commit just fetched, from FETCH_HEAD ("<oid>\t\tbranch '…' of <url>", gitrepository-layout(5)):
 * one process fewer than `git rev-parse` inside the window other writers race in.
 */
async function fetchedTip(run: Git): Promise<string> {
  const line = await readFile(join(run.dir, 'FETCH_HEAD'), 'utf8').catch(() => '');
  const oid = /^[0-9a-f]{40,64}\b/.exec(line)?.[0];
  return oid ?? (await run(['rev-parse', TIP_REF])).stdout;
}

function tipReader(run: Git, objects: GitObjectReader, commit: string | undefined): CatalogTip {
  return {
    commit,
    read: async (path) => (commit ? objects.readText(commit, path) : undefined),
    list: async (folder) => {
      if (!commit) return [];
      const out = (await run(['ls-tree', '-r', '-z', '--name-only', '--end-of-options', commit, '--', `${folder}/`])).stdout;
      return out.split('\0').filter(Boolean);
    },
  };
}

/** One commit on top of `parent` with the changes, by `git fast-import` (format: git-fast-import(1)). */
async function writeCommit(run: Git, parent: string | undefined, changes: CatalogChanges, message: string, author: { name: string; email: string }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let stream = `commit ${NEW_REF}\nmark :1\ncommitter ${author.name} <${author.email}> ${now} +0000\n${data(message)}`;
  if (parent) stream += `from ${parent}\n`;
  for (const [path, text] of changes) {
    if (!/^[A-Za-z0-9._~/-]+$/.test(path)) throw new SlipwayError('CATALOG_INVALID', `refusing to write an unusual path`, { subject: path });
    stream += text === null ? `D ${path}\n` : `M 100644 inline ${path}\n${data(text)}`;
  }
  stream += 'done\n';
  // --force: NEW_REF is a scratch ref; a previous attempt's commit on an older tip is not an ancestor.
  // The new commit's id comes back through the marks file (":1 <oid>"), not a rev-parse process.
  const marks = join(run.dir, 'slipway-marks');
  await run(['fast-import', '--quiet', '--force', '--done', `--export-marks=${marks}`], { input: stream });
  const oid = /^:1 ([0-9a-f]{40,64})$/m.exec(await readFile(marks, 'utf8'))?.[1];
  return oid ?? (await run(['rev-parse', NEW_REF])).stdout;
}

/** 'pushed', or the reason a race was lost (retry); any other failure throws. */
async function pushCommit(run: Git, location: CatalogLocation, commit: string): Promise<'pushed' | string> {
  const result = await run(['push', '--porcelain', '--', location.url, `${commit}:refs/heads/${location.branch}`], { reject: false });
  if (result.exitCode === 0) return 'pushed';
  const rejected = result.stdout.split('\n').find((line) => line.startsWith('!'));
  const reason = rejected?.split('\t')[2] ?? '';
  // Lost the race: the tip moved (non-fast-forward / fetch first), or another push held the
  // ref's lock at that moment (a local or self-hosted remote says "failed to lock"/"cannot lock").
  if (/non-fast-forward|fetch first|stale info|failed to (update|lock)|cannot lock|incorrect old value|reference already exists/i.test(reason + result.stderr)) {
    return reason || 'rejected';
  }
  throw new SlipwayError('GIT_FAILED', `pushing the catalog was refused: ${redact(reason || result.stderr.trim().split('\n').pop() || 'unknown error')}`, {
    subject: `${location.branch} of ${redact(location.url)}`,
    hint: /protected|hook declined/i.test(reason + result.stderr)
      ? `the branch ${location.branch} is protected; let slipway's token push to it (or use a branch without protection for the catalog)`
      : 'check that the token may push to the catalog repository (contents: write)',
  });
}
