/**
 * validate in pnpm and Yarn (berry) workspaces, with the real tools: the package manager is
 * detected (and said), its frozen install runs once at the root of a checkout without
 * node_modules, and it runs each package's own build and test scripts. A package whose test
 * fails is that package's failure; one without a test script is skipped with the reason;
 * commands.test in slipway.yml still wins.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryReporter } from '../../src/core/reporter.ts';
import type { PluginValidation } from '../../src/core/validate/finding.ts';
import { failed, validateFleet } from '../../src/jobs/validate.ts';
import { packageManagerEnv, pnpm, toolVersion, yarn } from '../helpers/package-managers.ts';
import { cleanupTempDirs, pkg, repo, type Repo } from '../helpers/repo.ts';

// Nothing listens there: an install that wanted the network would fail, not reach out.
const NO_REGISTRY = 'http://127.0.0.1:9/';

// validate runs the tools through a shell with this process's environment: the tools from
// .cache/pm first on PATH, with their own caches (this spec file has a process of its own).
const saved = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, packageManagerEnv(NO_REGISTRY));
});
afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  cleanupTempDirs();
});

const described = (name: string, extra: Record<string, unknown> = {}) => pkg(name, '1.0.0', { description: `The ${name} plugin.`, license: 'MIT', ...extra });

/**
 * Four packages: a (build + test), b (its test requires a: it passes only when the install
 * linked the workspace), c (a failing test), d (no scripts at all).
 */
function workspace(r: Repo, scope: string): Repo {
  return r
    .file(`packages/a/package.json`, described(`@${scope}/a`, { main: 'index.js', scripts: { build: 'node -e "require(\'fs\').writeFileSync(\'built.txt\', \'built\')"', test: 'node test.js' } }))
    .file(`packages/a/index.js`, 'module.exports = 1;\n')
    .file(`packages/a/test.js`, 'if (require("./index.js") !== 1) process.exit(1);\nconsole.log("a: 1 passed");\n')
    .file(`packages/b/package.json`, described(`@${scope}/b`, { dependencies: { [`@${scope}/a`]: 'workspace:^' }, scripts: { test: 'node test.js' } }))
    .file(`packages/b/test.js`, `if (require("@${scope}/a") !== 1) process.exit(1);\nconsole.log("b sees a");\n`)
    .file(`packages/c/package.json`, described(`@${scope}/c`, { scripts: { test: 'node -e "console.error(\'c: expected 2, got 3\'); process.exit(2)"' } }))
    .file(`packages/d/package.json`, described(`@${scope}/d`));
}

/** Commits the installed workspace, tags every package at 1.0.0, changes each, and removes what the install left (a fresh checkout). */
function releaseReady(r: Repo, tags: string[]): Repo {
  r.commit('chore: workspace');
  for (const tag of tags) r.tag(tag);
  r.commit('fix: everything', { 'packages/a/x.js': '1', 'packages/b/x.js': '1', 'packages/c/x.js': '1', 'packages/d/x.js': '1' });
  for (const dir of ['node_modules', '.yarn', 'packages/a/node_modules', 'packages/b/node_modules', 'packages/c/node_modules', 'packages/d/node_modules']) rmSync(join(r.dir, dir), { recursive: true, force: true });
  expect(r.git('status', '--porcelain')).toBe('');
  return r;
}

const byPlugin = (plugins: PluginValidation[]) => new Map(plugins.map((p) => [String(p.plugin), p.checks]));

describe('validate in a pnpm workspace', () => {
  it('says it detected pnpm, installs once with pnpm install --frozen-lockfile, runs each package’s build and test with pnpm, and fails only the package whose test fails', async () => {
    const version = await toolVersion('pnpm');
    const r = workspace(repo(), 'pn')
      .file('package.json', pkg('pn-root', '0.0.0', { private: true, packageManager: `pnpm@${version}` }))
      .file('pnpm-workspace.yaml', 'packages:\n  - "packages/*"\n')
      .file('.gitignore', 'node_modules/\nbuilt.txt\n');
    await pnpm(r.dir, ['install'], NO_REGISTRY);
    expect(readFileSync(join(r.dir, 'pnpm-lock.yaml'), 'utf8')).toContain("'@pn/a':");
    releaseReady(r, ['@pn/a@1.0.0', '@pn/b@1.0.0', '@pn/c@1.0.0', '@pn/d@1.0.0']);

    const reporter = memoryReporter();
    const { report } = await validateFleet({ cwd: r.dir, reporter, context: 'release' });
    expect(reporter.lines).toContain(`info: package manager: pnpm (packageManager: pnpm@${version})`);
    expect(reporter.lines.filter((l) => l.startsWith('group: install: '))).toEqual([expect.stringMatching(/^group: install: pnpm install --frozen-lockfile \(ok, \d+\.\d s\)$/)]);
    expect(existsSync(join(r.dir, 'packages/b/node_modules/@pn/a'))).toBe(true);

    const checks = byPlugin(report.plugins);
    expect([...checks.keys()]).toEqual(['@pn/a', '@pn/b', '@pn/c', '@pn/d']);
    expect(checks.get('@pn/a')!.build).toEqual({ findings: [], note: expect.stringMatching(/ s$/) });
    expect(readFileSync(join(r.dir, 'packages/a/built.txt'), 'utf8')).toBe('built');
    expect(reporter.lines.some((l) => l.startsWith('group: build @pn/a: pnpm run build (ok'))).toBe(true);
    expect(checks.get('@pn/a')!.test!.findings).toEqual([]);
    expect(checks.get('@pn/b')!.test).toEqual({ findings: [], note: expect.stringMatching(/ s$/) });
    expect(checks.get('@pn/b')!.build).toEqual({ findings: [], skipped: 'no "build" script in packages/b/package.json (commands.build in slipway.yml runs one anyway)' });
    const [broken] = checks.get('@pn/c')!.test!.findings;
    expect(broken).toMatchObject({ check: 'test', severity: 'error', file: 'packages/c/package.json' });
    expect(broken!.message).toMatch(/^test `pnpm run test` failed with exit code 2 after \d+\.\d s; last \d+ lines:\n/);
    expect(broken!.message).toContain('c: expected 2, got 3');
    expect(checks.get('@pn/d')!.test).toEqual({ findings: [], skipped: 'no "test" script in packages/d/package.json (commands.test in slipway.yml runs one anyway)' });
    expect(report.general).toEqual([]);
    expect(failed(report)).toBe(true);
    expect(report.plugins.filter((p) => Object.values(p.checks).some((c) => c?.findings.some((f) => f.severity === 'error'))).map((p) => p.plugin)).toEqual(['@pn/c']);

    // The dependencies are in place now: a second run does not install again.
    const again = memoryReporter();
    await validateFleet({ cwd: r.dir, reporter: again, context: 'release', only: ['@pn/b'] });
    expect(again.lines).toContain('info: install: dependencies are in place (node_modules), `pnpm install --frozen-lockfile` not run');
    expect(again.lines.some((l) => l.startsWith('group: install: '))).toBe(false);
  }, 180_000);

  it('reports an install that fails (a lockfile out of date) once, naming the command and the fix, and runs no build or test', async () => {
    const version = await toolVersion('pnpm');
    const r = workspace(repo(), 'pn')
      .file('package.json', pkg('pn-root', '0.0.0', { private: true, packageManager: `pnpm@${version}` }))
      .file('pnpm-workspace.yaml', 'packages:\n  - "packages/*"\n')
      .file('.gitignore', 'node_modules/\n');
    await pnpm(r.dir, ['install'], NO_REGISTRY);
    releaseReady(r, ['@pn/a@1.0.0', '@pn/b@1.0.0', '@pn/c@1.0.0', '@pn/d@1.0.0']);
    // A dependency added without updating pnpm-lock.yaml.
    r.commit('fix(d): use a', { 'packages/d/package.json': described('@pn/d', { dependencies: { '@pn/a': 'workspace:*' } }) });

    const { report } = await validateFleet({ cwd: r.dir, reporter: memoryReporter(), context: 'release' });
    expect(report.general).toHaveLength(1);
    expect(report.general[0]!.message).toMatch(/^install `pnpm install --frozen-lockfile` failed with exit code \d+/);
    expect(report.general[0]!.message).toContain('commit a lockfile that matches package.json');
    for (const plugin of report.plugins) expect(plugin.checks.test).toEqual({ findings: [], skipped: 'the install `pnpm install --frozen-lockfile` failed' });
    expect(existsSync(join(r.dir, 'packages/a/built.txt'))).toBe(false);
  }, 180_000);
});

describe('validate in a Yarn (berry) workspace', () => {
  it('installs with yarn install --immutable and tests with yarn run test; commands.test in slipway.yml still wins', async () => {
    const version = await toolVersion('yarn');
    const r = workspace(repo(), 'yb')
      .file('package.json', pkg('yb-root', '0.0.0', { private: true, workspaces: ['packages/*'], packageManager: `yarn@${version}` }))
      .file('.yarnrc.yml', 'nodeLinker: node-modules\nenableTelemetry: false\n')
      .file('.gitignore', 'node_modules/\n.yarn/\nbuilt.txt\n');
    await yarn(r.dir, ['install'], NO_REGISTRY);
    expect(readFileSync(join(r.dir, 'yarn.lock'), 'utf8')).toContain('__metadata:');
    releaseReady(r, ['@yb/a@1.0.0', '@yb/b@1.0.0', '@yb/c@1.0.0', '@yb/d@1.0.0']);

    const reporter = memoryReporter();
    const { report } = await validateFleet({ cwd: r.dir, reporter, context: 'release' });
    expect(reporter.lines).toContain(`info: package manager: yarn (packageManager: yarn@${version})`);
    expect(reporter.lines.some((l) => /^group: install: yarn install --immutable \(ok, /.test(l))).toBe(true);
    const checks = byPlugin(report.plugins);
    expect(reporter.lines.some((l) => l.startsWith('group: test @yb/b: yarn run test (ok'))).toBe(true);
    expect(reporter.lines).toContain('info: b sees a');
    expect(checks.get('@yb/b')!.test!.findings).toEqual([]);
    expect(checks.get('@yb/c')!.test!.findings[0]!.message).toMatch(/^test `yarn run test` failed with exit code 2 /);
    expect(checks.get('@yb/d')!.test!.skipped).toBe('no "test" script in packages/d/package.json (commands.test in slipway.yml runs one anyway)');
    expect(failed(report)).toBe(true);

    // slipway.yml's command replaces the scripts, in every package (d too); the build default stays.
    r.commit('chore: own test command', { 'slipway.yml': 'commands:\n  test: node -e "console.log(\'custom test of \' + process.env.SLIPWAY_NAME)"\n' });
    const custom = memoryReporter();
    const overridden = await validateFleet({ cwd: r.dir, reporter: custom, context: 'release' });
    expect(failed(overridden.report)).toBe(false);
    expect(custom.lines).toContain('info: custom test of @yb/c');
    expect(custom.lines).toContain('info: custom test of @yb/d');
    expect(custom.lines.some((l) => l.startsWith('group: build @yb/a: yarn run build (ok'))).toBe(true);
  }, 180_000);
});
