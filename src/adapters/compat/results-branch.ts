/**
 * The results history on a git branch (default `slipway-compat`), where the next run finds it:
 *
 *   runs/<started>_<run id>.json   one file per run, added, never rewritten
 *   compat.json                    plugin version → core versions it passed/failed with (for the catalog)
 *   index.html                     the latest report page (derived; usable as GitHub Pages)
 *
 * Written with git plumbing (a temporary index, commit-tree, a compare-and-swap ref update), so
 * the working tree and the checked-out branch are never touched. Pushing is fast-forward only:
 * when another run pushed first, the new run file is re-applied on top of theirs and pushed
 * again (a bounded number of times) — history is appended, never overwritten.
 */
import { execa, ExecaError } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredRun } from '../../core/compat/compat-run.ts';
import type { CatalogCompat } from '../../core/compat/catalog-compat.ts';
import { parseStoredRun } from '../../core/compat/parse-results.ts';
import { SlipwayError } from '../../core/errors.ts';

export interface ResultsBranchOptions {
  /** A git repository (the fleet's checkout). */
  repoDir: string;
  branch: string;
  /** The remote to fetch from and push to; '' for a local branch only. */
  remote: string;
  /** Push after writing (needs `contents: write` on GitHub). */
  push: boolean;
}

export interface SaveResult {
  /** False when this run's file was already there (a rerun of the report): nothing was written. */
  written: boolean;
  file: string;
  commit: string | undefined;
}

const PUSH_ATTEMPTS = 3;
const IDENTITY = { name: 'slipway', email: 'slipway@users.noreply.github.com' };

export function runFileName(run: Pick<StoredRun, 'id' | 'startedAt'>): string {
  const stamp = run.startedAt.replace(/[:.]/g, '-');
  return `runs/${stamp}_${run.id.replace(/[^\w.-]+/g, '-')}.json`;
}

export class ResultsBranch {
  readonly #options: ResultsBranchOptions;
  #fetched: string | undefined | null = null;

  constructor(options: ResultsBranchOptions) {
    this.#options = options;
  }

  async #git(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<string> {
    try {
      const result = await execa('git', args, { cwd: this.#options.repoDir, input: options.input, env: options.env, stripFinalNewline: true });
      return result.stdout;
    } catch (error) {
      const stderr = error instanceof ExecaError ? String(error.stderr ?? '').trim() : String(error);
      throw new SlipwayError('GIT_FAILED', `git ${args[0]} failed on the results branch: ${stderr.split('\n').at(-1)}`, {
        subject: `${this.#options.branch} (${this.#options.repoDir})`,
        hint: 'the results branch must be readable (and, to store results, pushable: contents: write)',
        cause: error,
      });
    }
  }

  async #refExists(ref: string): Promise<boolean> {
    return execa('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { cwd: this.#options.repoDir, reject: false }).then((r) => r.exitCode === 0);
  }

  /**
   * The commit results build on, or undefined before the first run. Pushing runs build on the
   * remote branch (the shared truth); local runs on the local branch, started from the remote
   * one when there is no local branch yet.
   */
  async head(refresh = false): Promise<string | undefined> {
    if (this.#fetched !== null && !refresh) return this.#fetched ?? undefined;
    const { remote, branch, push } = this.#options;
    const local = `refs/heads/${branch}`;
    let head: string | undefined;
    if (!push && (await this.#refExists(local))) head = await this.#git(['rev-parse', '--verify', '--end-of-options', local]);
    else if (remote) head = await this.#fetch();
    this.#fetched = head;
    return head;
  }

  async #fetch(): Promise<string | undefined> {
    const { remote, branch } = this.#options;
    const tracking = `refs/remotes/${remote}/${branch}`;
    const fetched = await execa('git', ['fetch', '--quiet', '--no-tags', '--', remote, `+refs/heads/${branch}:${tracking}`], { cwd: this.#options.repoDir, reject: false });
    if (fetched.exitCode === 0) return this.#git(['rev-parse', '--verify', '--end-of-options', tracking]);
    if (/couldn't find remote ref|could not find remote ref/i.test(String(fetched.stderr))) return undefined;
    throw new SlipwayError('GIT_FAILED', `cannot fetch the results branch: ${String(fetched.stderr).trim().split('\n').at(-1)}`, {
      subject: `${remote}/${branch}`,
      hint: 'check the remote and that this job may read the repository',
    });
  }

  /** Stored runs, oldest first; the newest `limit` when given. */
  async runs(limit?: number): Promise<StoredRun[]> {
    const head = await this.head();
    if (!head) return [];
    return (await this.#storedAt(head, limit)).map((s) => s.run);
  }

  async #storedAt(head: string, limit?: number): Promise<Array<{ file: string; run: StoredRun }>> {
    const files = (await this.#git(['ls-tree', '--name-only', '--end-of-options', head, 'runs/'])).split('\n').filter((f) => f.endsWith('.json')).sort();
    const wanted = limit === undefined ? files : files.slice(-limit);
    return Promise.all(wanted.map(async (file) => ({ file, run: parseStoredRun(await this.#git(['show', '--end-of-options', `${head}:${file}`]), `${this.#options.branch}:${file}`) })));
  }

  /**
   * Removes one run (a bad run that would distort every later class) in one commit, with
   * `compat.json` and the derived files rebuilt by `rebuild` from the runs that remain.
   * `removed` is undefined when no stored run has that id.
   */
  async voidRun(
    runId: string,
    rebuild: (remaining: StoredRun[]) => { compat: CatalogCompat; derived: Record<string, string> },
    options: { dryRun?: boolean } = {},
  ): Promise<{ removed: string | undefined; commit: string | undefined; remaining: StoredRun[] }> {
    for (let attempt = 1; ; attempt++) {
      const base = await this.head(attempt > 1);
      if (!base) return { removed: undefined, commit: undefined, remaining: [] };
      const stored = await this.#storedAt(base);
      const found = stored.find((s) => s.run.id === runId);
      const remaining = stored.filter((s) => s !== found).map((s) => s.run);
      if (!found || options.dryRun) return { removed: found?.file, commit: base, remaining };
      const { compat, derived } = rebuild(remaining);
      const commit = await this.#commit(base, { 'compat.json': JSON.stringify(compat, null, 2) + '\n', ...derived }, `compat: void run ${runId}`, [found.file]);
      if (await this.#publish(base, commit)) {
        this.#fetched = commit;
        return { removed: found.file, commit, remaining };
      }
      if (attempt >= PUSH_ATTEMPTS) {
        throw new SlipwayError('GIT_FAILED', `the results branch kept moving: ${PUSH_ATTEMPTS} pushes were rejected`, {
          subject: `${this.#options.remote}/${this.#options.branch}`,
          hint: 'another job writes to the same branch at the same time; void the run again',
        });
      }
    }
  }

  async readCompat(): Promise<CatalogCompat | undefined> {
    const head = await this.head();
    if (!head) return undefined;
    const exists = await execa('git', ['cat-file', '-e', '--end-of-options', `${head}:compat.json`], { cwd: this.#options.repoDir, reject: false });
    if (exists.exitCode !== 0) return undefined;
    return JSON.parse(await this.#git(['show', '--end-of-options', `${head}:compat.json`])) as CatalogCompat;
  }

  /**
   * Adds the run's file, with `compat.json` made by `compat(existing)` and any derived files,
   * in one commit. A run already stored is left as it is.
   */
  async save(run: StoredRun, compat: (existing: CatalogCompat | undefined) => CatalogCompat, derived: Record<string, string> = {}): Promise<SaveResult> {
    const file = runFileName(run);
    for (let attempt = 1; ; attempt++) {
      const base = await this.head(attempt > 1);
      if (base && (await execa('git', ['cat-file', '-e', '--end-of-options', `${base}:${file}`], { cwd: this.#options.repoDir, reject: false })).exitCode === 0) {
        return { written: false, file, commit: base };
      }
      const files = { [file]: JSON.stringify(run, null, 2) + '\n', 'compat.json': JSON.stringify(compat(await this.readCompat()), null, 2) + '\n', ...derived };
      const commit = await this.#commit(base, files, `compat: results of run ${run.id}`);
      if (await this.#publish(base, commit)) {
        this.#fetched = commit;
        return { written: true, file, commit };
      }
      if (attempt >= PUSH_ATTEMPTS) {
        throw new SlipwayError('GIT_FAILED', `the results branch kept moving: ${PUSH_ATTEMPTS} pushes were rejected`, {
          subject: `${this.#options.remote}/${this.#options.branch}`,
          hint: 'another job writes to the same branch at the same time; rerun the report job',
        });
      }
    }
  }

  async #commit(base: string | undefined, files: Record<string, string>, message: string, removals: readonly string[] = []): Promise<string> {
    const scratch = await mkdtemp(join(tmpdir(), 'slipway-index-'));
    try {
      const env = { GIT_INDEX_FILE: join(scratch, 'index'), ...(await this.#identity()) };
      await this.#git(base ? ['read-tree', '--end-of-options', base] : ['read-tree', '--empty'], { env });
      // One hash-object and one update-index for all files: git processes are the cost here.
      const entries = Object.entries(files);
      const paths = await Promise.all(entries.map(async ([, content], i) => {
        const path = join(scratch, `blob-${i}`);
        await writeFile(path, content);
        return path;
      }));
      const blobs = (await this.#git(['hash-object', '-w', '--', ...paths])).split('\n');
      // Mode 0 with the null object removes a path (git update-index --index-info).
      const lines = [...entries.map(([path], i) => `100644 blob ${blobs[i]}\t${path}\n`), ...removals.map((path) => `0 ${'0'.repeat(40)}\t${path}\n`)];
      await this.#git(['update-index', '--add', '--index-info'], { env, input: lines.join('') });
      const tree = await this.#git(['write-tree'], { env });
      return await this.#git(['commit-tree', ...(base ? ['-p', base] : []), '-m', message, '--end-of-options', tree], { env });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /** Moves the branch from `base` to `commit`: pushes (fast-forward only) or updates the local ref atomically. */
  async #publish(base: string | undefined, commit: string): Promise<boolean> {
    const { remote, branch, push } = this.#options;
    if (remote && push) {
      const pushed = await execa('git', ['push', '--quiet', '--', remote, `${commit}:refs/heads/${branch}`], { cwd: this.#options.repoDir, reject: false });
      if (pushed.exitCode !== 0) {
        if (/rejected|non-fast-forward|fetch first|stale info/i.test(String(pushed.stderr))) return false;
        throw new SlipwayError('GIT_FAILED', `cannot push the results branch: ${String(pushed.stderr).trim().split('\n').at(-1)}`, {
          subject: `${remote}/${branch}`,
          hint: 'the report job needs `permissions: contents: write` and a checkout that keeps its credentials',
        });
      }
      await this.#git(['update-ref', '--end-of-options', `refs/remotes/${remote}/${branch}`, commit]);
      return true;
    }
    // Compare-and-swap: fails if the branch moved since it was read. A local branch started
    // from the remote one does not exist yet, hence the all-zero "must not exist" old value.
    const exists = await this.#refExists(`refs/heads/${branch}`);
    const swapped = await execa('git', ['update-ref', '--end-of-options', `refs/heads/${branch}`, commit, exists ? (base ?? '0'.repeat(40)) : '0'.repeat(40)], { cwd: this.#options.repoDir, reject: false });
    return swapped.exitCode === 0;
  }

  async #identity(): Promise<Record<string, string>> {
    const email = await execa('git', ['config', 'user.email'], { cwd: this.#options.repoDir, reject: false });
    if (email.exitCode === 0 && email.stdout.trim()) return {};
    return { GIT_AUTHOR_NAME: IDENTITY.name, GIT_AUTHOR_EMAIL: IDENTITY.email, GIT_COMMITTER_NAME: IDENTITY.name, GIT_COMMITTER_EMAIL: IDENTITY.email };
  }
}
