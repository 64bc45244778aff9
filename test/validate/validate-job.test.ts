/**
 * The validate job end to end on real repositories: which plugins it checks in a release and
 * on a pull request, the severity of each finding, the annotations it prints, the summary
 * table, the build and test commands, and the exit code of `slipway validate`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryReporter } from '../../src/core/reporter.ts';
import { renderValidationMarkdown } from '../../src/core/validate/render-report.ts';
import { main } from '../../src/cli/main.ts';
import { planRelease } from '../../src/jobs/plan.ts';
import { failed, validateFleet } from '../../src/jobs/validate.ts';
import { npmFleet, pluginPackage } from './fixtures.ts';

const short = (r: { git(...a: string[]): string }, rev = 'HEAD') => r.git('rev-parse', '--short=7', rev);

describe('validate in a release', () => {
  it('checks the planned plugins only, and warns about commits that are not Conventional Commits', async () => {
    const r = npmFleet().commit('feat(a): add x', { 'plugins/a/x.js': 'x' }).commit('update stuff', { 'plugins/a/y.js': 'y' });
    const reporter = memoryReporter();
    const { report } = await validateFleet({ cwd: r.dir, reporter, context: 'release', runCommands: false });

    expect(report.plugins.map((p) => [p.plugin, p.version, p.next])).toEqual([['a', '1.0.0', '1.1.0']]);
    const a = report.plugins[0]!;
    expect(a.checks.manifest?.findings).toEqual([]);
    expect(a.checks.version).toEqual({ findings: [], note: '1.0.0 → 1.1.0 (minor)' });
    expect(a.checks.commits?.findings).toEqual([
      { check: 'commits', severity: 'warning', commit: r.head(), message: `commit ${short(r)}: "update stuff" is not a Conventional Commit: write "type(scope): subject", e.g. "fix(http): retry on 503"` },
    ]);
    expect(failed(report)).toBe(false);
    expect(reporter.lines).toContain(`warning: commit ${short(r)}: "update stuff" is not a Conventional Commit: write "type(scope): subject", e.g. "fix(http): retry on 503"`);
  });

  it('annotates a manifest error on its file and line, fails, and shows it in the summary table', async () => {
    const text = pluginPackage('a', '1.0.0', { license: '' });
    const r = npmFleet().commit('fix(a): crash', { 'plugins/a/package.json': text });
    const reporter = memoryReporter();
    const { report } = await validateFleet({ cwd: r.dir, reporter, context: 'release', runCommands: false });

    const line = text.split('\n').findIndex((l) => l.includes('"license"')) + 1;
    expect(reporter.lines).toContain(`error: plugins/a/package.json:${line}: a: "license" is empty or not text: nobody may use a plugin without one`);
    expect(failed(report)).toBe(true);
    const markdown = renderValidationMarkdown(report);
    expect(markdown).toContain('### slipway validate (release): ✗ 1 error in 1 plugin');
    expect(markdown).toContain('| plugin | manifest | version | commits | build | test |');
    expect(markdown).toContain('| a 1.0.0 → 1.0.1 | ✗ "license" is empty or not text: nobody may use a plugin without one | ✓ 1.0.0 → 1.0.1 (patch) | ✓ 1 commit | – | – |');
    expect(markdown).toContain(`- ✗ **a** manifest \`plugins/a/package.json:${line}\`: "license" is empty or not text`);
  });

  it('refuses a plan whose tag was made since it was planned', async () => {
    const r = npmFleet().commit('fix(b): crash', { 'plugins/b/x.js': 'x' });
    const { plan } = await planRelease({ cwd: r.dir, reporter: memoryReporter() });
    r.tag('b@1.0.1');
    const { report } = await validateFleet({ cwd: r.dir, reporter: memoryReporter(), context: 'release', plan, runCommands: false });
    expect(report.plugins[0]!.checks.version?.findings.map((f) => f.message)).toEqual([
      'next version 1.0.1 is not greater than the last release 1.0.1 (tag b@1.0.1); re-plan from the current tags',
      `tag b@1.0.1 already exists (on commit ${short(r)}); version 1.0.1 was released already — re-plan, or delete the tag if it was made by mistake`,
      // The tag was made by hand, without the manifest bump a release makes.
      'the manifest says 1.0.0 but the last release is 1.0.1 (tag b@1.0.1); the release writes 1.0.1 — versions come from tags, so leave the manifest version to slipway',
    ]);
  });
});

describe('validate on a pull request', () => {
  it('checks the plugins the pull request touches and fails on each commit that does not lint', async () => {
    const r = npmFleet();
    const base = r.head();
    r.commit('docs(b): usage', { 'plugins/b/README.md': 'b' })
      .commit('Fix the thing', { 'plugins/b/x.js': 'x' })
      .commit('tidy', { 'README.md': 'root' });
    const reporter = memoryReporter();
    const { report } = await validateFleet({ cwd: r.dir, reporter, context: 'pull-request', range: { base, head: 'HEAD' }, prTitle: 'Various fixes', runCommands: false });

    expect(report.plugins.map((p) => p.plugin)).toEqual(['b']);
    const b = report.plugins[0]!;
    expect(b.checks.version).toEqual({ findings: [], skipped: 'no release planned' });
    expect(b.checks.commits?.findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', `commit ${short(r, 'HEAD~1')}: "Fix the thing" is not a Conventional Commit: write "type(scope): subject", e.g. "fix(http): retry on 503"`],
    ]);
    // The commit outside every plugin and the title are the pull request's own findings.
    expect(report.general.map((f) => [f.severity, f.message])).toEqual([
      ['error', `commit ${short(r)}: "tidy" is not a Conventional Commit: write "type(scope): subject", e.g. "fix(http): retry on 503"`],
      ['warning', 'pull request title: "Various fixes" is not a Conventional Commit: write "type(scope): subject", e.g. "fix(http): retry on 503" (a squash merge uses the title as the commit message)'],
    ]);
    expect(failed(report)).toBe(true);
  });

  it('follows validate.commits and validate.prTitle from slipway.yml', async () => {
    const r = npmFleet({ yml: 'validate:\n  commits:\n    pullRequest: warning\n  prTitle: error\n' });
    const base = r.head();
    r.commit('wip', { 'plugins/a/x.js': 'x' });
    const { report } = await validateFleet({ cwd: r.dir, reporter: memoryReporter(), context: 'pull-request', range: { base, head: 'HEAD' }, prTitle: 'WIP', runCommands: false });
    expect(report.plugins[0]!.checks.commits?.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(report.general.map((f) => f.severity)).toEqual(['error']);
  });

  it('names the missing history when the base is not in the clone', async () => {
    const r = npmFleet();
    await expect(validateFleet({ cwd: r.dir, reporter: memoryReporter(), context: 'pull-request', range: { base: 'f'.repeat(40), head: 'HEAD' }, runCommands: false })).rejects.toMatchObject({
      code: 'GIT_FAILED',
      hint: expect.stringContaining('fetch-depth: 0'),
    });
  });
});

describe('build and test commands', () => {
  it('runs build then test in each plugin folder and passes when both do', async () => {
    const r = npmFleet({ yml: 'commands:\n  build: test -f package.json && echo "built $SLIPWAY_NAME"\n  test: echo tested {name}\n' }).commit('fix(a): x', { 'plugins/a/x.js': 'x' });
    const reporter = memoryReporter();
    const { report } = await validateFleet({ cwd: r.dir, reporter, context: 'release' });
    const a = report.plugins[0]!;
    expect(a.checks.build).toEqual({ findings: [], note: expect.stringMatching(/^\d+\.\d s$/) });
    expect(a.checks.test).toEqual({ findings: [], note: expect.stringMatching(/^\d+\.\d s$/) });
    // Each command's output is in a (collapsed) group of its own.
    const group = reporter.lines.findIndex((l) => l.startsWith('group: build a: test -f package.json'));
    expect(reporter.lines[group + 1]).toBe('info: built a');
    expect(reporter.lines).toContain('info: tested a');
  });

  it('reports a failing build with its exit code and the tail of its log, and skips the test', async () => {
    const script = 'for i in $(seq 1 30); do echo "line $i"; done; echo "error: cannot compile" >&2; exit 3';
    const r = npmFleet({ yml: `commands:\n  build: '${script}'\n  test: echo never\n` }).commit('fix(a): x', { 'plugins/a/x.js': 'x' });
    const reporter = memoryReporter();
    const { report } = await validateFleet({ cwd: r.dir, reporter, context: 'release' });
    const a = report.plugins[0]!;
    const [finding] = a.checks.build!.findings;
    expect(finding).toMatchObject({ check: 'build', severity: 'error', file: 'plugins/a/package.json' });
    const lines = finding!.message.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^build \`${script.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` failed with exit code 3 after \\d+\\.\\d s; last 20 lines:$`));
    expect(lines.slice(1)).toEqual([...Array.from({ length: 19 }, (_, i) => `line ${i + 12}`), 'error: cannot compile']);
    expect(a.checks.test).toEqual({ findings: [], skipped: 'the build failed' });
    expect(reporter.lines).not.toContain('info: never');
    expect(failed(report)).toBe(true);
  });

  it('an install whose package manager is not on the machine is one error saying how to get it, and no build or test runs', async () => {
    const r = npmFleet({ yml: 'commands:\n  test: echo never\n', files: { 'bun.lock': '{}\n' } }).commit('fix(a): x', { 'plugins/a/x.js': 'x' });
    const reporter = memoryReporter();
    const path = process.env['PATH'];
    // Node and the system's tools only: no bun on this PATH.
    process.env['PATH'] = `${dirname(process.execPath)}:/usr/bin:/bin`;
    try {
      const { report } = await validateFleet({ cwd: r.dir, reporter, context: 'release' });
      expect(reporter.lines).toContain('info: package manager: bun (bun.lock)');
      expect(report.general).toHaveLength(1);
      expect(report.general[0]!.message).toMatch(/^install `bun install --frozen-lockfile` failed with exit code 127 /);
      expect(report.general[0]!.message).toContain('(put bun on PATH (`corepack enable` brings pnpm and Yarn, `npm install --global bun` Bun;');
      expect(report.plugins[0]!.checks.test).toEqual({ findings: [], skipped: 'the install `bun install --frozen-lockfile` failed' });
      expect(reporter.lines).not.toContain('info: never');
      expect(failed(report)).toBe(true);
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('stops a command that runs past validate.timeoutMinutes, with everything it started', async () => {
    // 0.01 min = 600 ms. The background child would leave a file behind if it outlived the stop;
    // the margins (5 s before it writes, 300 s of sleep) hold on a loaded machine. No install:
    // the same limit would stop it before the test starts.
    const r = npmFleet({ yml: "validate:\n  timeoutMinutes: 0.01\ncommands:\n  install: ''\n  test: '(sleep 5; touch outlived) & sleep 300'\n" }).commit('fix(a): x', { 'plugins/a/x.js': 'x' });
    const started = performance.now();
    const { report } = await validateFleet({ cwd: r.dir, reporter: memoryReporter(), context: 'release' });
    // Stopped, not waited out: far below the 300 s the command would take.
    expect(performance.now() - started).toBeLessThan(120_000);
    expect(report.plugins[0]!.checks.test!.findings[0]!.message).toMatch(/^test `\(sleep 5; touch outlived\) & sleep 300` was stopped at its time limit of 0\.01 min \(validate\.timeoutMinutes in slipway\.yml\)$/);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(existsSync(join(r.dir, 'plugins/a/outlived'))).toBe(false);
  });
});

describe('slipway validate', () => {
  it('exits 0 with warnings only and 1 with an error', async () => {
    const r = npmFleet().commit('fix(a): x', { 'plugins/a/x.js': 'x' }).commit('wip', { 'plugins/a/y.js': 'y' });
    expect(await main(['validate', '--cwd', r.dir, '--skip-commands', '--json'])).toBe(0);
    expect(await main(['validate', '--cwd', r.dir, '--skip-commands', '--json', '--base', 'HEAD~2'])).toBe(1);
  });
});
