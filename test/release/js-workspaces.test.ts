/**
 * pnpm, Yarn (berry) and Bun workspaces, as their users set them up: real `pnpm install` /
 * `yarn install` / `bun install`, `workspace:` ranges between packages, then slipway plans, releases and
 * publishes to a real registry (Verdaccio). A fresh project then installs the dependents from
 * that registry with npm: it would fail on any `workspace:` range that leaked into what was
 * published. The committed manifests keep their `workspace:` ranges.
 */
import { execa } from 'execa';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFleet } from '../../src/adapters/fleet.ts';
import { loadConfig } from '../../src/adapters/config-file.ts';
import { shipPlan } from '../../src/jobs/release.ts';
import { bun, PM_BIN, pnpm, toolVersion, yarn } from '../helpers/package-managers.ts';
import { validateFleet } from '../../src/jobs/validate.ts';
import { cleanupTempDirs, pkg, repo, tempDir, type Repo } from '../helpers/repo.ts';
import { asArtifact, makePlan, startServers, type Servers } from './helpers.ts';
import { memoryReporter } from '../../src/core/reporter.ts';

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
}, 60_000);
afterAll(async () => {
  await servers.close();
  cleanupTempDirs();
});

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;

/** Releases the fleet's plan into the local remote, GitHub server and Verdaccio. */
async function ship(r: Repo, repository: string) {
  servers.github.state.addRepo(repository);
  r.withBareRemote();
  const plan = await makePlan(r.dir);
  const result = await shipPlan({
    cwd: r.dir,
    plan: asArtifact(plan),
    expectedHash: plan.hash,
    reporter: memoryReporter(),
    journalFile: join(tempDir(), 'journal.json'),
    github: { client: servers.client(), repository },
    registry: { url: servers.registry.url, token: servers.registry.token },
    env: {},
  });
  return { plan, result };
}

/** A fresh project that installs `names` from Verdaccio with npm; the installed manifests. */
async function installFresh(names: string[]) {
  const dir = tempDir('slipway-consumer-');
  writeFileSync(join(dir, 'package.json'), pkg('consumer', '1.0.0', { private: true }));
  await execa('npm', ['install', '--no-audit', '--no-fund', '--registry', servers.registry.url, '--userconfig', servers.registry.userconfig, '--cache', servers.npmCache, ...names], { cwd: dir });
  return (name: string) => readJson(join(dir, 'node_modules', name, 'package.json'));
}

describe('a pnpm workspace', () => {
  it('is read from pnpm-workspace.yaml (negations too); workspace:^ and workspace:* dependents are bumped, listed and published with real ranges', async () => {
    const version = await toolVersion('pnpm');
    const r = repo()
      .file('package.json', pkg('pn-root', '0.0.0', { private: true, packageManager: `pnpm@${version}` }))
      .file('pnpm-workspace.yaml', 'packages:\n  - "packages/*"\n  - "!packages/sandbox"\n')
      .file('packages/a/package.json', pkg('@pn/a', '1.0.0', { main: 'index.js' }))
      .file('packages/a/index.js', 'module.exports = 1;\n')
      .file('packages/b/package.json', pkg('@pn/b', '1.0.0', { dependencies: { '@pn/a': 'workspace:^' } }))
      .file('packages/b/index.js', 'module.exports = require("@pn/a") + 1;\n')
      .file('packages/c/package.json', pkg('@pn/c', '1.0.0', { dependencies: { '@pn/a': 'workspace:*' }, devDependencies: { '@pn/b': 'workspace:~' } }))
      .file('packages/sandbox/package.json', pkg('@pn/sandbox', '0.0.1', { private: true }))
      .file('.gitignore', 'node_modules/\n');
    await pnpm(r.dir, ['install'], servers.registry.url);
    r.commit('chore: workspace').tag('@pn/a@1.0.0').tag('@pn/b@1.0.0').tag('@pn/c@1.0.0');
    expect(readFileSync(join(r.dir, 'pnpm-lock.yaml'), 'utf8')).toContain("'@pn/a':");
    r.commit('feat(a): count to two', { 'packages/a/index.js': 'module.exports = 2;\n' });

    const fleet = await discoverFleet(r.dir, await loadConfig(r.dir));
    expect(fleet.plugins.map((p) => p.name)).toEqual(['@pn/a', '@pn/b', '@pn/c']);

    const { plan, result } = await ship(r, 'acme/pn');
    expect(plan.releases.map((x) => `${x.name} ${x.from} → ${x.to} (${x.reason})`)).toEqual([
      '@pn/a 1.0.0 → 1.1.0 (commits)',
      '@pn/b 1.0.0 → 1.0.1 (dependency)',
      '@pn/c 1.0.0 → 1.0.1 (dependency)',
    ]);
    expect(plan.releases[1]!.changelog).toContain('### Dependencies\n\n* **@pn/a:** 1.1.0 (workspace:^)');
    expect(plan.releases[2]!.changelog).toContain('* **@pn/a:** 1.1.0 (workspace:*)');
    expect(result.released.map((x) => `${x.name} ${x.publish}`)).toEqual(['@pn/a published', '@pn/b published', '@pn/c published']);

    // The committed manifests keep the workspace protocol; only their versions moved.
    expect(readJson(join(r.dir, 'packages/b/package.json')).dependencies).toEqual({ '@pn/a': 'workspace:^' });
    expect(readJson(join(r.dir, 'packages/c/package.json')).version).toBe('1.0.1');

    const installed = await installFresh(['@pn/b@1.0.1', '@pn/c@1.0.1']);
    expect(installed('@pn/b').dependencies).toEqual({ '@pn/a': '^1.1.0' });
    expect(installed('@pn/c').dependencies).toEqual({ '@pn/a': '1.1.0' });
    expect(installed('@pn/c').devDependencies).toEqual({ '@pn/b': '~1.0.1' });
    expect(installed('@pn/a').version).toBe('1.1.0');
    expect(await servers.registryVersions('@pn/sandbox')).toEqual([]);
  }, 180_000);
});

describe('a Yarn (berry) workspace', () => {
  it('is read from package.json workspaces; workspace:^ and workspace:~ are published as real ranges and install from the registry', async () => {
    const version = await toolVersion('yarn');
    const r = repo()
      .file('package.json', pkg('yb-root', '0.0.0', { private: true, workspaces: ['packages/*'], packageManager: `yarn@${version}` }))
      .file('.yarnrc.yml', 'nodeLinker: node-modules\nenableTelemetry: false\n')
      .file('packages/a/package.json', pkg('@yb/a', '2.0.0'))
      .file('packages/a/index.js', 'module.exports = 1;\n')
      .file('packages/b/package.json', pkg('@yb/b', '1.0.0', { dependencies: { '@yb/a': 'workspace:^' }, peerDependencies: { '@yb/a': 'workspace:~' } }))
      .file('packages/b/index.js', 'module.exports = 2;\n')
      .file('.gitignore', 'node_modules/\n.yarn/\n');
    await yarn(r.dir, ['install'], servers.registry.url);
    r.commit('chore: workspace').tag('@yb/a@2.0.0').tag('@yb/b@1.0.0');
    expect(readFileSync(join(r.dir, 'yarn.lock'), 'utf8')).toContain('__metadata:');
    r.commit('fix(a): off by one', { 'packages/a/index.js': 'module.exports = 0;\n' });

    const { plan, result } = await ship(r, 'acme/yb');
    expect(plan.releases.map((x) => `${x.name} ${x.to}`)).toEqual(['@yb/a 2.0.1', '@yb/b 1.0.1']);
    expect(result.released.every((x) => x.publish === 'published')).toBe(true);
    expect(readJson(join(r.dir, 'packages/b/package.json')).dependencies).toEqual({ '@yb/a': 'workspace:^' });

    const installed = await installFresh(['@yb/b@1.0.1']);
    expect(installed('@yb/b').dependencies).toEqual({ '@yb/a': '^2.0.1' });
    expect(installed('@yb/b').peerDependencies).toEqual({ '@yb/a': '~2.0.1' });
    expect(installed('@yb/a').version).toBe('2.0.1');
  }, 180_000);
});

describe('a Bun workspace', () => {
  it('is read from package.json workspaces beside bun.lock; validate installs and tests with bun; workspace: ranges are published as real ones', async () => {
    const version = await toolVersion('bun');
    const r = repo()
      .file('package.json', pkg('bn-root', '0.0.0', { private: true, workspaces: ['packages/*'] }))
      .file('packages/a/package.json', pkg('@bn/a', '1.0.0', { description: 'a', license: 'MIT', main: 'index.js', scripts: { test: 'node test.js' } }))
      .file('packages/a/index.js', 'module.exports = 1;\n')
      .file('packages/a/test.js', 'if (require("./index.js") !== 1) process.exit(1);\n')
      .file('packages/b/package.json', pkg('@bn/b', '1.0.0', { description: 'b', license: 'MIT', dependencies: { '@bn/a': 'workspace:^' }, devDependencies: { '@bn/c': 'workspace:*' }, scripts: { test: 'node test.js' } }))
      .file('packages/b/test.js', 'console.log("b sees a = " + require("@bn/a"));\n')
      .file('packages/c/package.json', pkg('@bn/c', '1.0.0', { description: 'c', license: 'MIT' }))
      .file('.gitignore', 'node_modules/\n');
    await bun(r.dir, ['install'], servers.registry.url);
    expect(readFileSync(join(r.dir, 'bun.lock'), 'utf8')).toContain('"@bn/a"');
    r.commit('chore: workspace').tag('@bn/a@1.0.0').tag('@bn/b@1.0.0').tag('@bn/c@1.0.0');
    r.commit('feat(a): count to two', { 'packages/a/index.js': 'module.exports = 2;\n', 'packages/a/test.js': 'if (require("./index.js") !== 2) process.exit(1);\n' });

    const fleet = await discoverFleet(r.dir, await loadConfig(r.dir));
    expect(fleet.plugins.map((p) => `${p.name} ${p.path}`)).toEqual(['@bn/a packages/a', '@bn/b packages/b', '@bn/c packages/c']);

    // validate in a fresh checkout: bun installs (the lockfile as committed) and runs the scripts.
    rmSync(join(r.dir, 'node_modules'), { recursive: true, force: true });
    const reporter = memoryReporter();
    const path = process.env['PATH'];
    process.env['PATH'] = `${PM_BIN}${delimiter}${path ?? ''}`;
    try {
      const { report } = await validateFleet({ cwd: r.dir, reporter, context: 'release' });
      expect(report.plugins.map((p) => `${p.plugin} ${p.checks.test?.skipped ?? (p.checks.test?.findings.length ? 'failed' : 'passed')}`)).toEqual(['@bn/a passed', '@bn/b passed']);
    } finally {
      process.env['PATH'] = path;
    }
    expect(reporter.lines).toContain('info: package manager: bun (bun.lock)');
    expect(reporter.lines.some((l) => /^group: install: bun install --frozen-lockfile \(ok, /.test(l))).toBe(true);
    expect(reporter.lines.some((l) => l.startsWith('group: test @bn/b: bun run test (ok'))).toBe(true);
    expect(reporter.lines.some((l) => l.includes('b sees a = 2'))).toBe(true);
    // Bun links workspaces per package (isolated): b's own node_modules holds a.
    expect(existsSync(join(r.dir, 'packages/b/node_modules/@bn/a'))).toBe(true);
    expect(r.git('status', '--porcelain')).toBe('');
    expect(version).toMatch(/^\d+\.\d+\.\d+/);

    const { plan, result } = await ship(r, 'acme/bn');
    expect(plan.releases.map((x) => `${x.name} ${x.from} → ${x.to} (${x.reason})`)).toEqual(['@bn/a 1.0.0 → 1.1.0 (commits)', '@bn/b 1.0.0 → 1.0.1 (dependency)']);
    expect(result.released.map((x) => `${x.name} ${x.publish}`)).toEqual(['@bn/a published', '@bn/b published']);
    expect(readJson(join(r.dir, 'packages/b/package.json')).dependencies).toEqual({ '@bn/a': 'workspace:^' });

    const installed = await installFresh(['@bn/b@1.0.1']);
    expect(installed('@bn/b').dependencies).toEqual({ '@bn/a': '^1.1.0' });
    expect(installed('@bn/b').devDependencies).toEqual({ '@bn/c': '1.0.0' });
    expect(installed('@bn/a').version).toBe('1.1.0');
    expect(JSON.stringify(installed('@bn/b'))).not.toContain('workspace:');
  }, 180_000);
});
