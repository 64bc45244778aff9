/**
 * The results history on a git branch: real repositories, a real bare remote, real pushes.
 */
import { execaSync } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { ResultsBranch, runFileName } from '../../src/adapters/compat/results-branch.ts';
import { mergeCatalogCompat } from '../../src/core/compat/catalog-compat.ts';
import { cleanupTempDirs, repo, tempDir } from '../helpers/repo.ts';
import { chain, compatRun, result } from './builders.ts';

afterAll(cleanupTempDirs);

const [run1, run2, run3] = chain(
  compatRun('101', 3, [result('@demo/plugin-slack', 'fail', 'fail', { baseline: 'pass' }), result('@demo/plugin-http', 'pass')]),
  compatRun('102', 10, [result('@demo/plugin-slack', 'pass'), result('@demo/plugin-http', 'pass')]),
  compatRun('103', 17, [result('@demo/plugin-sql', 'pass')]),
);
const merge = (run: typeof run1) => (existing: Parameters<typeof mergeCatalogCompat>[0]) => mergeCatalogCompat(existing, run!);
const git = (dir: string, ...args: string[]) => execaSync('git', args, { cwd: dir }).stdout;

function fleetWithRemote() {
  const r = repo().file('package.json', '{}\n').commit('chore: init');
  const bare = r.withBareRemote();
  return { dir: r.dir, bare };
}

describe('the results branch', () => {
  it('adds one file per run and compat.json, without touching the working tree or HEAD', async () => {
    const { dir, bare } = fleetWithRemote();
    const head = git(dir, 'rev-parse', 'HEAD');
    const store = new ResultsBranch({ repoDir: dir, branch: 'slipway-compat', remote: 'origin', push: true });
    expect(await store.runs()).toEqual([]);
    const saved = await store.save(run1!, merge(run1), { 'index.html': '<html></html>' });
    expect(saved).toMatchObject({ written: true, file: runFileName(run1!) });
    expect(git(bare, 'ls-tree', '--name-only', '-r', 'slipway-compat').split('\n')).toEqual(['compat.json', 'index.html', runFileName(run1!)]);
    expect([git(dir, 'rev-parse', 'HEAD'), git(dir, 'status', '--porcelain'), git(dir, 'branch', '--show-current')]).toEqual([head, '', 'main']);
    expect(JSON.parse(git(bare, 'show', 'slipway-compat:compat.json')).plugins['@demo/plugin-http']).toEqual({ '1.0.0': { passedWith: ['2.0.0-dev+gaaaaaaa'], failedWith: [] } });
  });

  it('leaves a stored run as it is when the report runs again', async () => {
    const { dir, bare } = fleetWithRemote();
    const store = new ResultsBranch({ repoDir: dir, branch: 'slipway-compat', remote: 'origin', push: true });
    await store.save(run1!, merge(run1));
    const tip = git(bare, 'rev-parse', 'slipway-compat');
    const again = await new ResultsBranch({ repoDir: dir, branch: 'slipway-compat', remote: 'origin', push: true }).save(run1!, merge(run1));
    expect(again).toMatchObject({ written: false, commit: tip });
    expect(git(bare, 'rev-parse', 'slipway-compat')).toBe(tip);
  });

  it('keeps both runs when two reports push at once: the later one re-applies on top', async () => {
    const { dir, bare } = fleetWithRemote();
    await new ResultsBranch({ repoDir: dir, branch: 'slipway-compat', remote: 'origin', push: true }).save(run1!, merge(run1));
    const other = tempDir();
    execaSync('git', ['clone', '-q', bare, other]);
    const a = new ResultsBranch({ repoDir: dir, branch: 'slipway-compat', remote: 'origin', push: true });
    const b = new ResultsBranch({ repoDir: other, branch: 'slipway-compat', remote: 'origin', push: true });
    await Promise.all([a.head(), b.head()]); // both read the branch before either writes
    await a.save(run2!, merge(run2));
    const saved = await b.save(run3!, merge(run3));
    expect(saved.written).toBe(true);
    const files = git(bare, 'ls-tree', '--name-only', 'slipway-compat', 'runs/').split('\n');
    expect(files).toEqual([runFileName(run1!), runFileName(run2!), runFileName(run3!)]);
    expect(git(bare, 'rev-list', '--count', 'slipway-compat')).toBe('3');
    const compat = JSON.parse(git(bare, 'show', 'slipway-compat:compat.json'));
    expect(Object.keys(compat.plugins)).toEqual(['@demo/plugin-http', '@demo/plugin-slack', '@demo/plugin-sql']);
    expect(compat.plugins['@demo/plugin-slack']['1.0.0']).toEqual({ passedWith: ['1.4.0', '2.0.0-dev+gaaaaaaa'], failedWith: ['2.0.0-dev+gaaaaaaa'] });
  });

  it('reads the runs back, oldest first, the newest few when asked', async () => {
    const { dir } = fleetWithRemote();
    const store = new ResultsBranch({ repoDir: dir, branch: 'slipway-compat', remote: 'origin', push: true });
    for (const run of [run1!, run2!, run3!]) await store.save(run, merge(run));
    const fresh = new ResultsBranch({ repoDir: dir, branch: 'slipway-compat', remote: 'origin', push: true });
    expect((await fresh.runs()).map((r) => r.id)).toEqual(['101', '102', '103']);
    expect((await fresh.runs(2)).map((r) => r.id)).toEqual(['102', '103']);
    expect((await fresh.runs())[0]).toEqual(run1);
  });

  it('works as a local branch with no remote, refusing to overwrite a branch that moved', async () => {
    const { dir } = fleetWithRemote();
    const store = new ResultsBranch({ repoDir: dir, branch: 'compat-local', remote: '', push: false });
    await store.save(run1!, merge(run1));
    expect(git(dir, 'ls-tree', '--name-only', 'compat-local', 'runs/')).toBe(runFileName(run1!));
    // Someone else moves the branch after this store read it: the save redoes its commit on top.
    const stale = new ResultsBranch({ repoDir: dir, branch: 'compat-local', remote: '', push: false });
    await stale.head();
    await new ResultsBranch({ repoDir: dir, branch: 'compat-local', remote: '', push: false }).save(run2!, merge(run2));
    await stale.save(run3!, merge(run3));
    expect(git(dir, 'ls-tree', '--name-only', 'compat-local', 'runs/').split('\n')).toHaveLength(3);
  });

  it('names the file when a stored run is damaged', async () => {
    const { dir } = fleetWithRemote();
    const store = new ResultsBranch({ repoDir: dir, branch: 'broken', remote: '', push: false });
    await store.save(run1!, merge(run1), { [runFileName(run2!)]: '{"schema": 1' });
    await expect(new ResultsBranch({ repoDir: dir, branch: 'broken', remote: '', push: false }).runs()).rejects.toMatchObject({
      code: 'RESULTS_INVALID',
      subject: `broken:${runFileName(run2!)}`,
    });
  });
});
