/**
 * A release builds what it publishes before its first write (issue 14). A pnpm workspace as
 * TypeScript monorepos set it up — `"files": ["dist"]`, a `build` script, dist/ and
 * node_modules/ ignored — released from a checkout without node_modules or dist/, as the ship
 * job's fresh checkout is: real git, real pnpm (.cache/pm), a bare remote and Verdaccio.
 */
import { execa } from 'execa';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseJournal } from '../../src/core/release/journal.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { ReleaseRunError, shipPlan, type ReleaseJobOptions } from '../../src/jobs/release.ts';
import { packageManagerEnv, pnpm, toolVersion } from '../helpers/package-managers.ts';
import { cleanupTempDirs, pkg, repo, tempDir, type Repo } from '../helpers/repo.ts';
import { asArtifact, makePlan, startServers, type Servers } from './helpers.ts';

let servers: Servers;
let restoreEnv: () => void;
beforeAll(async () => {
  servers = await startServers();
  // The commands a release runs inherit its environment: pnpm from .cache/pm, with its own store.
  const saved = { ...process.env };
  Object.assign(process.env, packageManagerEnv(servers.registry.url));
  restoreEnv = () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  };
}, 60_000);
afterAll(async () => {
  restoreEnv?.();
  await servers?.close();
  cleanupTempDirs();
});

/** Writes dist/index.js: the version its package.json had when it was built, and the one slipway gave it. */
const BUILD_SCRIPT = `const fs = require('node:fs');
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/index.js', 'module.exports = ' + JSON.stringify({ manifest: require('./package.json').version, planned: process.env.SLIPWAY_VERSION }) + ';\\n');
`;

let count = 0;

/**
 * packages/a and packages/b (depends on a) build dist/ and publish only it; packages/c has no
 * build script and publishes its index.js. Installed, committed and tagged at 1.0.0, then one
 * change each to a and c; node_modules removed, as in a fresh checkout.
 */
async function workspace(setup: { failingBuildOf?: 'b' } = {}) {
  const scope = `@sb${++count}`;
  const version = await toolVersion('pnpm');
  const built = (name: string, extra: Record<string, unknown> = {}) =>
    pkg(`${scope}/${name}`, '1.0.0', { main: 'dist/index.js', files: ['dist'], scripts: { build: 'node build.js' }, ...extra });
  const r = repo()
    .file('package.json', pkg('sb-root', '0.0.0', { private: true, packageManager: `pnpm@${version}` }))
    .file('pnpm-workspace.yaml', 'packages:\n  - "packages/*"\n')
    .file('.gitignore', 'node_modules/\ndist/\n')
    .file('packages/a/package.json', built('a'))
    .file('packages/a/build.js', BUILD_SCRIPT)
    .file('packages/b/package.json', built('b', { dependencies: { [`${scope}/a`]: 'workspace:^' } }))
    .file('packages/b/build.js', setup.failingBuildOf === 'b' ? 'console.error("src/index.ts(3,7): error TS2322: Type \\"string\\" is not assignable to type \\"number\\".");\nprocess.exit(2);\n' : BUILD_SCRIPT)
    .file('packages/c/package.json', pkg(`${scope}/c`, '1.0.0', { main: 'index.js', files: ['index.js'] }))
    .file('packages/c/index.js', 'module.exports = "c";\n');
  await pnpm(r.dir, ['install'], servers.registry.url);
  r.commit('chore: workspace').tag(`${scope}/a@1.0.0`).tag(`${scope}/b@1.0.0`).tag(`${scope}/c@1.0.0`);
  r.commit('feat(a): more', { 'packages/a/build.js': `${BUILD_SCRIPT}// more\n` });
  r.commit('fix(c): less', { 'packages/c/index.js': 'module.exports = "c!";\n' });
  freshCheckout(r);
  const remote = r.withBareRemote();
  const repository = `acme/sb-${count}`;
  servers.github.state.addRepo(repository);
  const plan = await makePlan(r.dir);
  const options = (overrides: Partial<ReleaseJobOptions> = {}): ReleaseJobOptions => ({
    cwd: r.dir,
    plan: asArtifact(plan),
    expectedHash: plan.hash,
    reporter: memoryReporter(),
    journalFile: join(tempDir(), 'journal.jsonl'),
    github: { client: servers.client(), repository },
    registry: { url: servers.registry.url, token: servers.registry.token },
    env: {},
    ...overrides,
  });
  return { r, scope, remote, plan, options, name: (n: 'a' | 'b' | 'c') => `${scope}/${n}` };
}

/** What a fresh clone has: no node_modules and no build output. */
function freshCheckout(r: Repo): void {
  for (const path of ['node_modules', ...['a', 'b', 'c'].flatMap((p) => [`packages/${p}/node_modules`, `packages/${p}/dist`])]) rmSync(join(r.dir, path), { recursive: true, force: true });
}

const bare = async (remote: string, ...args: string[]) => (await execa('git', ['--git-dir', remote, ...args])).stdout;
const steps = (journal: ReleaseJournal) => journal.entries.map((e) => (e.plugin ? `${e.step} ${e.plugin}` : e.step));
const linesOf = (options: ReleaseJobOptions) => (options.reporter as ReturnType<typeof memoryReporter>).lines;

/** A fresh project that installs `specs` from Verdaccio with npm; what each installed package exports. */
async function installFresh(specs: string[]) {
  const dir = tempDir('slipway-consumer-');
  writeFileSync(join(dir, 'package.json'), pkg('consumer', '1.0.0', { private: true }));
  await execa('npm', ['install', '--no-audit', '--no-fund', '--registry', servers.registry.url, '--userconfig', servers.registry.userconfig, '--cache', servers.npmCache, ...specs], { cwd: dir });
  return {
    has: (name: string, file: string) => existsSync(join(dir, 'node_modules', name, file)),
    exports: async (name: string) => (await execa('node', ['-p', `JSON.stringify(require(${JSON.stringify(name)}))`], { cwd: dir })).stdout,
  };
}

describe('a release of a pnpm workspace checked out without node_modules', () => {
  it('installs once and builds each released package with a build script before the release commit; the tarballs hold dist/', async () => {
    const w = await workspace();
    const options = w.options();
    const { journal, released } = await shipPlan(options);

    expect(released.map((x) => `${x.name} ${x.version} ${x.publish}`)).toEqual([`${w.name('a')} 1.1.0 published`, `${w.name('b')} 1.0.1 published`, `${w.name('c')} 1.0.1 published`]);
    // The install, then a before its dependent b, all before the first write; c has no build script.
    const order = steps(journal);
    expect(order.slice(0, 4)).toEqual(['verify', 'install', `build ${w.name('a')}`, `build ${w.name('b')}`]);
    expect(order.indexOf(`build ${w.name('b')}`)).toBeLessThan(order.findIndex((s) => s.startsWith('manifest')));
    expect(order).not.toContain(`build ${w.name('c')}`);
    expect(journal.entries.find((e) => e.step === 'install')).toMatchObject({ status: 'done', detail: 'ran `pnpm install --frozen-lockfile` at the root' });
    expect(linesOf(options)).toContain(`info: building ${w.name('a')} (1/2): pnpm run build in packages/a`);
    expect(linesOf(options)).toContain('info: package manager: pnpm (packageManager: pnpm@' + (await toolVersion('pnpm')) + ')');
    expect(existsSync(join(w.r.dir, 'node_modules/.pnpm'))).toBe(true);

    // Released from the tree as planned: built at the base (1.0.0), told the planned version.
    const fresh = await installFresh([`${w.name('b')}@1.0.1`, `${w.name('c')}@1.0.1`]);
    expect(fresh.has(w.name('a'), 'dist/index.js')).toBe(true);
    expect(fresh.has(w.name('a'), 'build.js')).toBe(false);
    expect(JSON.parse(await fresh.exports(w.name('a')))).toEqual({ manifest: '1.0.0', planned: '1.1.0' });
    expect(JSON.parse(await fresh.exports(w.name('b')))).toEqual({ manifest: '1.0.0', planned: '1.0.1' });
    expect(await fresh.exports(w.name('c'))).toBe('"c!"');

    // Build output and node_modules are ignored: the tree is as the release commit left it.
    expect(w.r.git('status', '--porcelain')).toBe('');
    expect(await bare(w.remote, 'tag', '--points-at', 'main')).toContain(`${w.name('b')}@1.0.1`);
  }, 180_000);

  it('a build that fails stops the release before anything is written, naming the package, the command and its output', async () => {
    const w = await workspace({ failingBuildOf: 'b' });
    const head = w.r.head();
    const remoteMain = await bare(w.remote, 'rev-parse', 'main');
    const tagsBefore = w.r.git('tag', '--list');
    const options = w.options();

    const error = await shipPlan(options).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ReleaseRunError);
    const failure = error as ReleaseRunError;
    expect(failure.code).toBe('BUILD_FAILED');
    expect(failure.subject).toBe(w.name('b'));
    expect(failure.message).toContain(`${w.name('b')}: build \`pnpm run build\` failed with exit code 2`);
    expect(failure.message).toContain('error TS2322');
    expect(failure.hint).toContain('fix the "build" script of packages/b/package.json');
    expect(failure.journal.result).toBe('refused');
    expect(failure.journal.entries.find((e) => e.step === 'build' && e.plugin === w.name('b'))?.status).toBe('failed');
    expect(linesOf(options).some((l) => l.startsWith('error: release refused, nothing was written: ') && l.includes(w.name('b')))).toBe(true);

    // Nothing written: no commit, no tag, no manifest change, nothing pushed or published.
    expect(w.r.head()).toBe(head);
    expect(w.r.git('tag', '--list')).toBe(tagsBefore);
    expect(w.r.git('status', '--porcelain')).toBe('');
    expect(await bare(w.remote, 'rev-parse', 'main')).toBe(remoteMain);
    expect(await bare(w.remote, 'tag', '--list')).toBe(tagsBefore);
    expect(await servers.registryVersions(w.name('a'))).toEqual([]);
    expect(await servers.registryVersions(w.name('c'))).toEqual([]);
  }, 180_000);

  it('a dry run says what it would install and build, and runs neither', async () => {
    const w = await workspace();
    const { journal } = await shipPlan(w.options({ dryRun: true }));
    expect(journal.entries.filter((e) => e.step === 'install' || e.step === 'build').map((e) => `${e.status}: ${e.detail}`)).toEqual([
      'dry-run: run `pnpm install --frozen-lockfile` at the root (node_modules is missing)',
      'dry-run: run `pnpm run build` in packages/a',
      'dry-run: run `pnpm run build` in packages/b',
    ]);
    expect(existsSync(join(w.r.dir, 'node_modules'))).toBe(false);
    expect(existsSync(join(w.r.dir, 'packages/a/dist'))).toBe(false);
  }, 180_000);

  it('resumed in a fresh checkout, builds only what is still to publish; once all is out, builds nothing', async () => {
    const w = await workspace();
    // Dies once a (wave 0, with c) is published; b, its dependent, is not yet.
    let crashed = false;
    const first = w.options({
      afterStep: (entry) => {
        if (!crashed && entry.step === 'publish' && entry.plugin === w.name('a')) {
          crashed = true;
          throw new Error('killed after publish a');
        }
      },
    });
    await expect(shipPlan(first)).rejects.toThrow('killed after publish a');
    expect(await servers.registryVersions(w.name('b'))).toEqual([]);

    // A rerun of the ship job: a fresh checkout of the pushed release commit.
    freshCheckout(w.r);
    const rerun = w.options();
    const { journal } = await shipPlan(rerun);
    const built = journal.entries.filter((e) => e.step === 'build').map((e) => `${e.plugin} ${e.status}`);
    expect(built).toEqual([`${w.name('b')} done`]);
    expect(journal.entries.find((e) => e.step === 'install')?.status).toBe('done');
    expect(linesOf(rerun)).toContain(`info: build: ${w.name('a')}@1.1.0, ${w.name('c')}@1.0.1 are published already, not built again`);
    expect(journal.entries.find((e) => e.step === 'publish' && e.plugin === w.name('b'))?.status).toBe('done');
    const fresh = await installFresh([`${w.name('b')}@1.0.1`]);
    // Built at the release commit this time: its manifest says the new version.
    expect(JSON.parse(await fresh.exports(w.name('b')))).toEqual({ manifest: '1.0.1', planned: '1.0.1' });

    // Everything is out: a third run installs and builds nothing.
    freshCheckout(w.r);
    const third = await shipPlan(w.options());
    expect(third.journal.entries.filter((e) => e.step === 'install' || e.step === 'build')).toEqual([]);
    expect(existsSync(join(w.r.dir, 'node_modules'))).toBe(false);
  }, 240_000);
});
