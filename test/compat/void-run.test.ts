/**
 * Voiding one compat run: the run file leaves the results branch in one commit, compat.json and
 * the page are rebuilt from the runs that remain, and the next report compares with the run
 * before it. Real repositories and a real bare remote.
 */
import { execaSync } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { ResultsBranch, runFileName } from '../../src/adapters/compat/results-branch.ts';
import { mergeCatalogCompat } from '../../src/core/compat/catalog-compat.ts';
import { defaultConfig } from '../../src/core/config/schema.ts';
import { SlipwayError } from '../../src/core/errors.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { compatFromRuns, voidCompatRun } from '../../src/jobs/compat/void.ts';
import { cleanupTempDirs, repo } from '../helpers/repo.ts';
import { chain, compatRun, result } from './builders.ts';

afterAll(cleanupTempDirs);

const [run1, run2, run3] = chain(
  compatRun('101', 3, [result('@demo/plugin-slack', 'pass'), result('@demo/plugin-http', 'pass')]),
  // The bad run: a broken runner failed everything.
  compatRun('102', 10, [result('@demo/plugin-slack', 'fail', 'fail'), result('@demo/plugin-http', 'fail', 'fail')]),
  compatRun('103', 17, [result('@demo/plugin-sql', 'pass')]),
);
const git = (dir: string, ...args: string[]) => execaSync('git', args, { cwd: dir }).stdout;

async function storedThree() {
  const r = repo().file('package.json', '{}\n').commit('chore: init');
  const bare = r.withBareRemote();
  const store = new ResultsBranch({ repoDir: r.dir, branch: 'slipway-compat', remote: 'origin', push: true });
  for (const run of [run1!, run2!, run3!]) await store.save(run, (existing) => mergeCatalogCompat(existing, run));
  return { dir: r.dir, bare, store };
}

describe('compat void', () => {
  it('removes one run and rebuilds compat.json as if it never ran; the other runs stay as they were', async () => {
    const { dir, bare, store } = await storedThree();
    const before = git(bare, 'rev-parse', 'slipway-compat');
    const run1File = git(bare, 'show', `slipway-compat:${runFileName(run1!)}`);
    const voided = await voidCompatRun({ config: defaultConfig(), reporter: memoryReporter(), results: store, runId: '102' });
    expect(voided.removed).toBe(runFileName(run2!));
    expect(git(bare, 'rev-parse', 'slipway-compat~1')).toBe(before);
    expect(git(bare, 'ls-tree', '--name-only', '-r', 'slipway-compat').split('\n')).toEqual(['compat.json', 'index.html', runFileName(run1!), runFileName(run3!)]);
    expect(git(bare, 'show', `slipway-compat:${runFileName(run1!)}`)).toBe(run1File);
    const compat = JSON.parse(git(bare, 'show', 'slipway-compat:compat.json'));
    expect(compat).toEqual(compatFromRuns([run1!, run3!]));
    expect(JSON.stringify(compat)).not.toContain('failedWith":["');
    expect((await new ResultsBranch({ repoDir: dir, branch: 'slipway-compat', remote: 'origin', push: true }).runs()).map((r) => r.id)).toEqual(['101', '103']);
  });

  it('an unknown run is NOT_FOUND naming it and the stored runs; a dry run writes nothing', async () => {
    const { bare, store } = await storedThree();
    const tip = git(bare, 'rev-parse', 'slipway-compat');
    const error = await voidCompatRun({ config: defaultConfig(), reporter: memoryReporter(), results: store, runId: '999' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlipwayError);
    expect((error as SlipwayError).subject).toBe('999');
    expect((error as SlipwayError).hint).toContain('101, 102, 103');
    const dry = await voidCompatRun({ config: defaultConfig(), reporter: memoryReporter(), results: store, runId: '102', dryRun: true });
    expect(dry.removed).toBe(runFileName(run2!));
    expect(git(bare, 'rev-parse', 'slipway-compat')).toBe(tip);
  });
});
