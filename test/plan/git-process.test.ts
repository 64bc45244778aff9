/**
 * git-process.ts: the planner's git processes (node:child_process, not execa). What a caller
 * relies on: stdout without its last newline, stdin given as `input`, a failure that carries
 * git's stderr, and a run that an AbortSignal ends (a failed plan does not wait for its log).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { gitOutput, GitProcessError, runGit } from '../../src/adapters/git-process.ts';
import { readLog } from '../../src/adapters/git.ts';
import { cleanupTempDirs, repo, tempDir } from '../helpers/repo.ts';

afterAll(cleanupTempDirs);

describe('a git process', () => {
  it('returns stdout without its final newline and takes stdin as input', async () => {
    const r = repo().commit('chore: one', { 'a.txt': '1' });
    expect(await gitOutput(r.dir, ['rev-parse', 'HEAD'])).toMatch(/^[0-9a-f]{40}$/);
    expect(await gitOutput(r.dir, ['hash-object', '--stdin'], { input: 'hello\n' })).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it("a failure carries git's exit code and stderr; a folder that does not exist is ENOENT", async () => {
    const dir = tempDir('slipway-nogit-');
    const failed = await gitOutput(dir, ['rev-parse', 'HEAD']).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(GitProcessError);
    expect((failed as GitProcessError).exitCode).toBe(128);
    expect((failed as GitProcessError).stderr).toMatch(/not a git repository/i);
    const missing = await runGit(`${dir}/nope`, ['status']).catch((error: unknown) => error);
    expect((missing as GitProcessError).code).toBe('ENOENT');
  });

  it('an aborted log ends git and rejects, before git would have finished', async () => {
    const r = repo();
    for (let i = 0; i < 30; i++) r.commit(`fix: ${i}`, { [`f${i}.txt`]: String(i) });
    const stop = new AbortController();
    let commits = 0;
    const read = readLog(r.dir, {}, () => void commits++, stop.signal);
    stop.abort();
    await expect(read).rejects.toThrow(/git log/);
    expect(commits).toBeLessThan(30);
  });
});
