/**
 * "A catalog that never loses an entry": many writers race on one bare remote. Each is a real
 * `node src/cli/main.ts index` process; the only coordination between them is git's own
 * refusal of a non-fast-forward push. Then the catalog is rebuilt from the tags alone and must
 * be the same bytes.
 */
import { execa } from 'execa';
import { join } from 'node:path';
import pMap from 'p-map';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCatalogBranch, type CatalogTip } from '../../src/adapters/catalog/catalog-branch.ts';
import type { CatalogEntry } from '../../src/core/catalog/catalog-schema.ts';
import { changedFiles, filesToRead, mergeCatalog, readIndex } from '../../src/core/catalog/merge-catalog.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { cleanupTempDirs, pkg, repo, tempDir, type Repo } from '../helpers/repo.ts';
import { branchFiles, commitCount, entry, tipOf } from './helpers.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
const PLUGINS = 25;
const VERSIONS = ['1.0.0', '1.1.0'];
/** Processes running at once: enough to race on every push, few enough for two cores. */
const PARALLEL = 4;

const names = Array.from({ length: PLUGINS }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
const manifest = (name: string, version: string) =>
  pkg(name, version, { description: `Plugin ${name}.`, license: 'MIT', peerDependencies: { '@demo/core': '^1.4.0' }, slipway: { title: name.toUpperCase(), elements: [{ kind: 'task', name: `${name}.run` }] } });

let fleet: Repo;
let remote: string;

beforeAll(() => {
  fleet = repo().file('package.json', JSON.stringify({ name: 'fleet', private: true, workspaces: ['plugins/*'] }));
  for (const version of VERSIONS) {
    fleet.commit(`chore(release): ${version}`, Object.fromEntries(names.map((name) => [`plugins/${name}/package.json`, manifest(name, version)])));
    for (const name of names) fleet.tag(`${name}@${version}`, `${name}@${version}`);
  }
  remote = fleet.withBareRemote();
});
afterAll(cleanupTempDirs);

describe('concurrent indexing', () => {
  it(`${PLUGINS * VERSIONS.length} tags indexed by as many processes at once give as many entries, none lost`, async () => {
    const tags = VERSIONS.flatMap((version) => names.map((name) => `${name}@${version}`));
    // Shared compile cache: the 50 processes parse the same modules; only the first pays for it.
    const compileCache = tempDir('slipway-node-cache-');
    const started = performance.now();
    const runs = await pMap(
      tags,
      (tag) =>
        execa(process.execPath, [CLI, 'index', '--tag', tag, '--json', '--max-attempts', '100'], {
          cwd: fleet.dir,
          env: { GITHUB_TOKEN: '', GITHUB_REPOSITORY: '', GITHUB_REF: '', NODE_COMPILE_CACHE: compileCache },
          reject: false,
        }),
      { concurrency: PARALLEL },
    );
    const seconds = (performance.now() - started) / 1000;
    for (const run of runs) expect(run.exitCode, run.stderr).toBe(0);
    const results = runs.map((run) => JSON.parse(run.stdout) as { status: string; attempts: number });
    const lostRaces = results.reduce((sum, r) => sum + r.attempts - 1, 0);
    console.info(`${tags.length} index processes (${PARALLEL} at a time): ${seconds.toFixed(1)} s, ${lostRaces} lost races retried, max ${Math.max(...results.map((r) => r.attempts))} attempts for one`);

    expect(results.every((r) => r.status === 'committed')).toBe(true);
    // One commit per tag: every writer's entry landed exactly once, on top of all the others.
    expect(commitCount(remote)).toBe(tags.length);
    const files = branchFiles(remote);
    const index = readIndex(files.get('index.json'));
    expect(index.plugins.map((p) => p.name)).toEqual(names);
    for (const plugin of index.plugins) expect(plugin.versions.map((v) => v.version)).toEqual(['1.1.0', '1.0.0']);
    const entries = names.flatMap((name) => JSON.parse(files.get(`plugins/${name}.json`)!).versions.map((v: { tag: string }) => v.tag));
    expect(entries.sort()).toEqual([...tags].sort());
  }, 240_000);

  it('--rebuild from the tags alone gives the same catalog, byte for byte', async () => {
    const tip = tipOf(remote);
    const concurrent = branchFiles(remote);

    const same = await execa(process.execPath, [CLI, 'index', '--rebuild', '--json'], { cwd: fleet.dir, env: { GITHUB_TOKEN: '' } });
    expect(JSON.parse(same.stdout)).toMatchObject({ status: 'unchanged', changed: [] });
    expect(tipOf(remote)).toBe(tip);

    // And made from nothing, in another branch: the same files with the same bytes.
    const fresh = await execa(process.execPath, [CLI, 'index', '--rebuild', '--catalog-branch', 'rebuilt', '--json'], { cwd: fleet.dir, env: { GITHUB_TOKEN: '' } });
    expect(JSON.parse(fresh.stdout).status).toBe('committed');
    expect(branchFiles(remote, 'rebuilt')).toEqual(concurrent);
    expect(commitCount(remote, 'rebuilt')).toBe(1);
  }, 120_000);
});

describe('the compare-and-swap', () => {
  it('a writer whose push loses the race merges again from the new tip', async () => {
    const bare = tempDir('slipway-cas-');
    await execa('git', ['init', '-q', '--bare', bare]);
    const location = { url: bare, branch: 'slipway-catalog' };
    const reporter = memoryReporter();
    const merge = async (tip: CatalogTip, entries: CatalogEntry[]) => {
      const paths = filesToRead(entries);
      const current = new Map(await Promise.all(paths.map(async (p) => [p, await tip.read(p)] as const)));
      return { changes: changedFiles(current, mergeCatalog(current, entries)), message: `index ${entries[0]!.name}\n` };
    };

    let releaseA!: () => void;
    const bPushed = new Promise<void>((resolve) => (releaseA = resolve));
    const tipsSeenByA: (string | undefined)[] = [];
    const a = updateCatalogBranch(
      location,
      async (tip) => {
        tipsSeenByA.push(tip.commit);
        if (tipsSeenByA.length === 1) await bPushed; // A read the old tip; B pushes meanwhile
        return merge(tip, [entry('a', '1.0.0')]);
      },
      { reporter, backoffMs: 1 },
    );
    // B starts once A has fetched, and finishes first.
    while (tipsSeenByA.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const b = await updateCatalogBranch(location, (tip) => merge(tip, [entry('b', '1.0.0')]), { reporter });
    releaseA();
    const resultA = await a;

    expect(b).toMatchObject({ status: 'committed', attempts: 1 });
    expect(resultA).toMatchObject({ status: 'committed', attempts: 2 });
    expect(tipsSeenByA).toEqual([undefined, b.commit]);
    expect(readIndex(branchFiles(bare).get('index.json')).plugins.map((p) => p.name)).toEqual(['a', 'b']);
    expect(commitCount(bare)).toBe(2);
  });

  it('gives up after the attempts it is allowed, saying why and what to do', async () => {
    const bare = tempDir('slipway-cas-');
    await execa('git', ['init', '-q', '--bare', bare]);
    const location = { url: bare, branch: 'slipway-catalog' };
    let n = 0;
    // Every attempt, someone else pushes between our fetch and our push.
    const attempt = updateCatalogBranch(
      location,
      async () => {
        await updateCatalogBranch(location, async () => ({ changes: new Map([[`other-${n++}.txt`, 'x\n']]), message: 'other\n' }), { reporter: memoryReporter() });
        return { changes: new Map([['mine.txt', 'mine\n']]), message: 'mine\n' };
      },
      { reporter: memoryReporter(), maxAttempts: 3, backoffMs: 1 },
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'GIT_FAILED',
      message: expect.stringContaining('the catalog branch kept moving: gave up after 3 attempts'),
      hint: expect.stringContaining('run again (indexing is idempotent) or raise --max-attempts'),
    });
    expect(branchFiles(bare).has('mine.txt')).toBe(false);
  });
});
