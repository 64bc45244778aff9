import { execa } from 'execa';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pkg, repo } from '../helpers/repo.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
const slipway = (args: string[], cwd?: string) => execa('node', [CLI, ...args], { cwd, reject: false });

const fleet = () =>
  repo()
    .files({
      'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] }),
      'plugins/a/package.json': pkg('a', '1.0.0'),
    })
    .commit('chore: init')
    .tag('a@1.0.0')
    .commit('feat(a): x', { 'plugins/a/x.js': '1' });

describe('slipway plan (the command)', () => {
  it('prints a table and the changelog, and exits 0', async () => {
    const r = fleet();
    const result = await slipway(['plan', '--cwd', r.dir, '--date', '2026-03-01']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('slipway plan: 1 plugin to release');
    expect(result.stdout).toMatch(/^\s+a\s+1\.0\.0\s+1\.1\.0\s+minor\s+1 commit$/m);
    expect(result.stdout).toContain('## 1.1.0 (2026-03-01)');
  });

  it('--json prints the plan with its hash on stdout, nothing else', async () => {
    const r = fleet();
    const result = await slipway(['plan', '--json'], r.dir);
    const plan = JSON.parse(result.stdout);
    expect(plan).toMatchObject({ schemaVersion: 2, baseSha: r.head(), releases: [{ name: 'a', from: '1.0.0', to: '1.1.0', tag: 'a@1.1.0' }] });
    expect(plan.hash).toMatch(/^sha256:/);
  });

  it('a config error is one clear line and exit code 1, with no stack trace', async () => {
    const r = fleet().commit('chore: cfg', { 'slipway.yml': 'fleet:\n  ecosystems: npm\n' });
    const result = await slipway(['plan'], r.dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe('slipway plan: slipway.yml:2: unknown key "fleet.ecosystems"\n  hint: see the configuration reference in README.md; every key is optional');
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('an unknown flag points at --help', async () => {
    const result = await slipway(['plan', '--jsno']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("Unknown option '--jsno'");
    expect(result.stderr).toContain('run `slipway plan --help`');
  });

  it('an unknown command lists the commands', async () => {
    const result = await slipway(['shipit']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unknown command "shipit"');
    expect(result.stderr).toContain('plan');
  });
});
