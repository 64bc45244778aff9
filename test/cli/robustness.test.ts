/**
 * The CLI as people start it: from a checkout whose path has a space or goes through a symlink
 * (`npm run slipway` / `npm run demo` run `node src/cli/main.ts`), with arguments it does not
 * take, with a date that is not one, in a folder that is not a repository. Every error names
 * what the person typed, never an internal command line.
 */
import { execa } from 'execa';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, pkg, repo, tempDir } from '../helpers/repo.ts';

const ROOT = join(import.meta.dirname, '../..');
afterAll(cleanupTempDirs);

const fleet = () =>
  repo()
    .files({ 'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] }), 'plugins/a/package.json': pkg('a', '1.0.0') })
    .commit('chore: init')
    .tag('a@1.0.0')
    .commit('feat(a): x', { 'plugins/a/x.js': '1' });

const run = (cli: string, args: string[], cwd?: string) => execa(process.execPath, [cli, ...args], { cwd, reject: false });

describe('the CLI entry point', () => {
  it('runs from a checkout whose path has a space', async () => {
    const checkout = join(tempDir('slipway-space-'), 'my projects', 'slip way');
    mkdirSync(checkout, { recursive: true });
    cpSync(join(ROOT, 'src'), join(checkout, 'src'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(checkout, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
    const help = await run(join(checkout, 'src/cli/main.ts'), ['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('usage: slipway <command> [options]');
    const plan = await run(join(checkout, 'src/cli/main.ts'), ['plan', '--cwd', fleet().dir, '--json', '--date', '2026-03-01']);
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ releases: [{ tag: 'a@1.1.0' }] });
  });

  it('runs from a checkout reached through a symlink', async () => {
    const link = join(tempDir('slipway-link-'), 'slipway link');
    symlinkSync(ROOT, link);
    const help = await run(join(link, 'src/cli/main.ts'), ['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('usage: slipway <command> [options]');
  });
});

describe('what people type', () => {
  const CLI = join(ROOT, 'src/cli/main.ts');

  it('an argument a command does not take is an error that says how to pass it', async () => {
    const result = await run(CLI, ['plan', '../fleet']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('slipway plan: ../fleet: unexpected argument "../fleet": slipway plan takes only options\n  hint: to run in another folder, pass --cwd "../fleet"; see `slipway plan --help`');
  });

  it('a --date that is not a day is refused before anything is planned', async () => {
    for (const date of ['yesterday', '2026-02-30', '2026-3-1']) {
      const result = await run(CLI, ['plan', '--cwd', fleet().dir, '--date', date]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(`slipway plan: --date: --date "${date}" is not a date\n  hint: write the day as YYYY-MM-DD`);
    }
  });

  it('a folder without git, a missing folder, a repository without commits: named, with no git command line', async () => {
    const plain = tempDir('slipway-nogit-');
    writeFileSync(join(plain, 'package.json'), pkg('x', '1.0.0'));
    const nogit = await run(CLI, ['plan', '--cwd', plain]);
    expect(nogit.stderr).toContain(`slipway plan: ${plain}: not in a git repository`);
    const missing = await run(CLI, ['plan', '--cwd', join(plain, 'nope')]);
    expect(missing.stderr).toContain(`slipway plan: ${join(plain, 'nope')}: the folder does not exist`);
    const empty = repo();
    writeFileSync(join(empty.dir, 'package.json'), pkg('x', '1.0.0'));
    const fresh = await run(CLI, ['plan', '--cwd', empty.dir]);
    expect(fresh.stderr).toContain(`slipway plan: ${empty.dir}: the repository has no commit yet`);
    for (const result of [nogit, missing, fresh]) {
      expect(result.exitCode).toBe(1);
      expect(result.stderr).not.toMatch(/git (rev-parse|for-each-ref)|ENOENT/);
    }
  });
});

describe('--plugin', () => {
  const CLI = join(ROOT, 'src/cli/main.ts');
  const three = () =>
    repo()
      .files({
        'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] }),
        'plugins/a/package.json': pkg('a', '1.0.0'),
        'plugins/b/package.json': pkg('b', '1.0.0', { dependencies: { a: '^1.0.0' } }),
        'plugins/c/package.json': pkg('c', '1.0.0'),
      })
      .commit('chore: init')
      .tag('a@1.0.0')
      .tag('b@1.0.0')
      .tag('c@1.0.0')
      .commit('feat(a): x', { 'plugins/a/x.js': '1' })
      .commit('fix(c): y', { 'plugins/c/y.js': '1' });
  const tags = async (args: string[], dir: string) => {
    const result = await run(CLI, ['plan', '--cwd', dir, '--json', '--date', '2026-03-01', ...args]);
    expect(result.exitCode, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as { releases: Array<{ tag: string }> }).releases.map((r) => r.tag);
  };

  it('plans only the named plugins, with the dependencies their new ranges need', async () => {
    const r = three();
    expect(await tags([], r.dir)).toEqual(['a@1.1.0', 'b@1.0.1', 'c@1.0.1']);
    expect(await tags(['--plugin', 'c'], r.dir)).toEqual(['c@1.0.1']);
    expect(await tags(['--plugin', 'b'], r.dir)).toEqual(['a@1.1.0', 'b@1.0.1']);
    const unknown = await run(CLI, ['plan', '--cwd', r.dir, '--plugin', 'nope']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('slipway plan: plugins to plan: "nope" is not a plugin of this fleet, so it cannot be selected');
    expect(unknown.stderr).toContain('hint: use one of: a, b, c');
  });
});

describe('the demo', () => {
  it('says which plugin releases nothing and why, and its Next hint is a command that works from the checkout', async () => {
    const dir = join(tempDir('slipway-demo-'), 'demo');
    const demo = await run(join(ROOT, 'src/cli/main.ts'), ['demo', '--dir', dir]);
    expect(demo.exitCode, demo.stderr).toBe(0);
    expect(demo.stderr).toContain('Not released: @demo/plugin-slack: its commits since its last release are docs, chore, test and the like, which release nothing');
    const next = /Next: try `npm run slipway -- (plan --cwd [^`]+)`/.exec(demo.stderr);
    expect(next).not.toBeNull();
    // The hinted command works (run here without npm's bootstrap: the same entry point).
    const plan = await run(join(ROOT, 'src/cli/main.ts'), [...(next?.[1] ?? '').split(' ')]);
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('@demo/plugin-http');
  });
});

describe('--dist-tag', () => {
  it('a name npm would refuse is an error before anything is planned', async () => {
    const r = fleet();
    const result = await run(join(ROOT, 'src/cli/main.ts'), ['release', '--cwd', r.dir, '--dist-tag', 'v1', '--yes']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('slipway release: --dist-tag: "v1" reads as a semver range, which npm refuses as a dist-tag');
    expect(result.stderr).not.toContain('a@1.1.0');
    expect(r.git('tag', '--list')).toBe('a@1.0.0');
  });
});
