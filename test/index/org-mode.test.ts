/**
 * Org mode: plugins in separate repositories publish into one central catalog repository
 * (catalog.repository in each one's slipway.yml). A rebuild from one repository replaces only
 * its own plugins.
 */
import { execa } from 'execa';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIndex } from '../../src/core/catalog/merge-catalog.ts';
import { cleanupTempDirs, pkg, repo, tempDir, type Repo } from '../helpers/repo.ts';
import { branchFiles, tipOf } from './helpers.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
const manifest = (title: string) => ({ title, elements: [{ kind: 'task', name: `${title.toLowerCase()}.run` }] });

let central: string;
let monorepo: Repo;
let single: Repo;

beforeAll(async () => {
  central = tempDir('slipway-central-');
  await execa('git', ['init', '-q', '--bare', '-b', 'main', central]);
  const config = `catalog:\n  repository: ${central}\n  branch: plugins\n`;
  monorepo = repo()
    .file('slipway.yml', config)
    .file('package.json', JSON.stringify({ name: 'fleet', private: true, workspaces: ['plugins/*'] }))
    .file('plugins/alpha/package.json', pkg('alpha', '1.0.0', { description: 'Alpha.', slipway: manifest('Alpha') }))
    .file('plugins/beta/package.json', pkg('beta', '2.0.0', { description: 'Beta.', slipway: manifest('Beta') }))
    .commit('feat: alpha and beta')
    .tag('alpha@1.0.0')
    .tag('beta@2.0.0');
  single = repo()
    .file('slipway.yml', config)
    .file('package.json', pkg('gamma', '0.4.0', { description: 'Gamma, a repository of its own.', slipway: manifest('Gamma') }))
    .commit('feat: gamma')
    .tag('v0.4.0');
});
afterAll(cleanupTempDirs);

const index = (cwd: string, ...args: string[]) => execa(process.execPath, [CLI, 'index', ...args], { cwd, env: { GITHUB_TOKEN: '', GITHUB_REF: '' }, reject: false });
const plugins = () => readIndex(branchFiles(central, 'plugins').get('index.json')).plugins.map((p) => `${p.name}@${p.latest}`);

describe('one central catalog for several repositories', () => {
  it('shows what would change with --dry-run, and pushes nothing', async () => {
    const run = await index(single.dir, '--tag', 'v0.4.0', '--dry-run');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toContain('would create plugins/gamma.json');
    expect(run.stderr).toContain(`dry run: 4 file(s) would change in plugins of ${central}`);
    expect(tipOf(central, 'plugins')).toBe('');
  });

  it('takes entries from every repository, even when they publish at the same moment', async () => {
    const runs = await Promise.all([index(monorepo.dir, '--tag', 'alpha@1.0.0,beta@2.0.0'), index(single.dir, '--tag', 'v0.4.0')]);
    for (const run of runs) expect(run.exitCode, run.stderr).toBe(0);
    expect(plugins()).toEqual(['alpha@1.0.0', 'beta@2.0.0', 'gamma@0.4.0']);
  });

  it('a rebuild from one repository replaces its own plugins and keeps the others', async () => {
    const gamma = branchFiles(central, 'plugins').get('plugins/gamma.json');
    monorepo.commit('feat(alpha): 1.1.0', { 'plugins/alpha/package.json': pkg('alpha', '1.1.0', { description: 'Alpha.', slipway: manifest('Alpha') }) }).tag('alpha@1.1.0');
    const run = await index(monorepo.dir, '--rebuild', '--json');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).changed).toEqual(['index.json', 'plugins/alpha.json']);
    expect(plugins()).toEqual(['alpha@1.1.0', 'beta@2.0.0', 'gamma@0.4.0']);
    expect(branchFiles(central, 'plugins').get('plugins/gamma.json')).toBe(gamma);
  });
});
