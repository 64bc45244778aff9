/**
 * slipway as an npm package: `npm pack` of this repository (its "files", its bin, the bundle of
 * the current sources) installed into an empty project gives a working `npx slipway`, with no
 * checkout of slipway and nothing of its dev dependencies at run time.
 */
import { execa } from 'execa';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionCheckout, REPO_ROOT } from '../runner/harness.ts';
import { cleanupTempDirs, pkg, repo, tempDir } from '../helpers/repo.ts';

let tarball: string;
let packed: string[];
let project: string;

beforeAll(async () => {
  // The package folder as `npm publish` would see it, with dist/ built from the current sources.
  const source = tempDir('slipway-package-');
  for (const entry of ['package.json', 'README.md', 'action.yml', 'actions', 'workflows']) cpSync(join(REPO_ROOT, entry), join(source, entry), { recursive: true });
  cpSync(join(await actionCheckout(), 'dist'), join(source, 'dist'), { recursive: true });
  const out = tempDir('slipway-tarball-');
  const pack = await execa('npm', ['pack', '--json', '--pack-destination', out], { cwd: source });
  packed = (JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
  tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);

  project = tempDir('slipway-user-project-');
  writeFileSync(join(project, 'package.json'), pkg('user-project', '1.0.0', { private: true }));
  // --prefer-offline: the dependencies come from the npm cache that `npm ci` filled.
  await execa('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: project });
}, 300_000);
afterAll(cleanupTempDirs);

const npx = (args: string[], cwd: string) => execa('npx', ['--no-install', 'slipway', ...args], { cwd, reject: false });

describe('the npm package', () => {
  it('holds the CLI, the actions and the starter workflows, and no sources or tests', () => {
    expect(packed).toContain('dist/cli.js');
    expect(packed).toContain('actions/plan/action.yml');
    expect(packed).toContain('workflows/release.yml');
    expect(packed.filter((path) => /^(src|test|scripts|bench)\//.test(path))).toEqual([]);
  });

  it('installed into an empty project: npx slipway --help lists the commands', async () => {
    const help = await npx(['--help'], project);
    expect(help.exitCode).toBe(0);
    expect(help.stdout + help.stderr).toMatch(/plan[\s\S]*release[\s\S]*init/);
  });

  it('installed into an empty project: npx slipway plan --cwd <fleet> plans the fleet', async () => {
    const fleet = repo()
      .files({ 'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] }), 'plugins/a/package.json': pkg('@f/a', '1.0.0') })
      .commit('chore: start')
      .tag('@f/a@1.0.0')
      .commit('feat(a): new option', { 'plugins/a/index.js': 'x\n' });
    const plan = await npx(['plan', '--cwd', fleet.dir, '--json', '--date', '2026-03-01'], project);
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect((JSON.parse(plan.stdout) as { releases: Array<{ tag: string }> }).releases.map((r) => r.tag)).toEqual(['@f/a@1.1.0']);
  });
});
