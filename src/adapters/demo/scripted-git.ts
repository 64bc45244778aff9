/**
 * A git repository written by a script: every commit and tag gets the next tick of a fixed
 * clock and a fixed identity, so the same script always yields the same SHAs. Used to build
 * the demo fleet; tests have their own synchronous twin in test/helpers/repo.ts.
 */
import { execa } from 'execa';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gitRefName } from '../../core/git/ref-name.ts';

export type Files = Record<string, string>;

const IDENTITY = { name: 'Demo Maintainer', email: 'maintainer@demo.example' };

export class ScriptedGit {
  readonly dir: string;
  private clock: number;
  private readonly tickMs: number;

  private constructor(dir: string, startMs: number, tickMs: number) {
    this.dir = dir;
    this.clock = startMs;
    this.tickMs = tickMs;
  }

  /** `git init` on branch main, with a local identity so later commits (the release job's) work too. */
  static async init(dir: string, options: { start: Date; tickMs?: number }): Promise<ScriptedGit> {
    const repo = new ScriptedGit(dir, options.start.getTime(), options.tickMs ?? 3_600_000);
    await mkdir(dir, { recursive: true });
    await repo.git('init', '-q', '-b', 'main');
    await repo.git('config', 'user.name', IDENTITY.name);
    await repo.git('config', 'user.email', IDENTITY.email);
    await repo.git('config', 'commit.gpgsign', 'false');
    await repo.git('config', 'tag.gpgsign', 'false');
    return repo;
  }

  async git(...args: string[]): Promise<string> {
    const date = new Date(this.clock).toISOString();
    const { stdout } = await execa('git', args, {
      cwd: this.dir,
      env: {
        GIT_AUTHOR_NAME: IDENTITY.name,
        GIT_AUTHOR_EMAIL: IDENTITY.email,
        GIT_COMMITTER_NAME: IDENTITY.name,
        GIT_COMMITTER_EMAIL: IDENTITY.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        // A person's own git config (hooks, templates, autocrlf, signing) must not change the SHAs.
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    });
    return stdout;
  }

  async write(files: Files): Promise<void> {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.dir, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
    }
  }

  /** Writes the files, stages everything and commits at the next tick. Returns the new SHA. */
  async commit(message: string, files: Files): Promise<string> {
    await this.write(files);
    this.clock += this.tickMs;
    await this.git('add', '-A');
    await this.git('commit', '-q', '--no-verify', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** An annotated tag on HEAD; its tagger date is the last commit's tick. */
  async tag(name: string): Promise<void> {
    await this.git('tag', '-a', '-m', name, '--', name);
  }

  async checkout(branch: string, options: { create?: boolean } = {}): Promise<void> {
    await this.git('checkout', '-q', ...(options.create ? ['-b'] : []), gitRefName(branch, 'demo branch'));
  }

  /** A real merge commit (`--no-ff`) of `branch` into the current branch, then the branch is deleted. */
  async merge(branch: string, message: string): Promise<void> {
    this.clock += this.tickMs;
    await this.git('merge', '-q', '--no-ff', '--no-edit', '-m', message, '--end-of-options', branch);
    await this.git('branch', '-q', '-d', '--', branch);
  }
}
