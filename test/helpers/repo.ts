/**
 * Real git repositories for tests, built in temp folders:
 *
 *   const r = repo().file('plugins/a/package.json', pkg('a', '1.0.0')).commit('feat: a').tag('a@1.0.0');
 *   r.commit('fix(a): crash', { 'plugins/a/index.js': 'x' });
 *
 * Dates are fixed and advance one minute per commit, so SHAs and changelogs are stable.
 */
import { execaSync } from 'execa';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const created: string[] = [];

export function tempDir(prefix = 'slipway-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every temp folder made by this module (call from afterAll when you care). */
export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export type Files = Record<string, string>;

export class Repo {
  readonly dir: string;
  private clock = Date.UTC(2026, 0, 1, 9, 0, 0);

  constructor(dir: string) {
    this.dir = dir;
  }

  git(...args: string[]): string {
    return execaSync('git', args, { cwd: this.dir, env: this.env() }).stdout;
  }

  /** Writes files (relative paths) without committing. */
  files(files: Files): this {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    return this;
  }

  file(path: string, content: string): this {
    return this.files({ [path]: content });
  }

  /** Writes the files, stages everything and commits with the message (an empty commit is allowed). */
  commit(message: string, files: Files = {}): this {
    this.files(files);
    this.clock += 60_000;
    this.git('add', '-A');
    this.git('commit', '--allow-empty', '--allow-empty-message', '--no-verify', '-q', '-m', message);
    return this;
  }

  /** A lightweight tag, or an annotated one with a message. */
  tag(name: string, message?: string): this {
    if (message) this.git('tag', '-a', name, '-m', message);
    else this.git('tag', name);
    return this;
  }

  head(): string {
    return this.git('rev-parse', 'HEAD');
  }

  /** A bare clone in a temp folder, set as this repo's `origin`. */
  withBareRemote(): string {
    const bare = tempDir('slipway-remote-');
    execaSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
    this.git('remote', 'add', 'origin', bare);
    this.git('push', '-q', 'origin', 'HEAD:main', '--tags');
    this.git('branch', '-q', '--set-upstream-to=origin/main');
    return bare;
  }

  private env(): Record<string, string> {
    const date = new Date(this.clock).toISOString();
    return {
      GIT_AUTHOR_NAME: 'Ada Tester',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada Tester',
      GIT_COMMITTER_EMAIL: 'ada@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
    };
  }
}

/** A new repository on branch `main` in a temp folder. */
export function repo(dir = tempDir()): Repo {
  execaSync('git', ['init', '-q', '-b', 'main', dir]);
  execaSync('git', ['config', 'user.name', 'Ada Tester'], { cwd: dir });
  execaSync('git', ['config', 'user.email', 'ada@example.com'], { cwd: dir });
  execaSync('git', ['config', 'commit.gpgsign', 'false'], { cwd: dir });
  execaSync('git', ['config', 'tag.gpgsign', 'false'], { cwd: dir });
  return new Repo(dir);
}

/** package.json text for an npm plugin. */
export function pkg(name: string, version: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name, version, ...extra }, null, 2) + '\n';
}
