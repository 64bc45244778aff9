/**
 * Org mode: plugins in separate repositories publish into one central catalog repository
 * (catalog.repository in each one's slipway.yml). A rebuild from one repository replaces only
 * its own plugins.
 */
import { execa } from 'execa';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogLocation } from '../../src/adapters/catalog/catalog-location.ts';
import { readIndex } from '../../src/core/catalog/merge-catalog.ts';
import { defaultConfig } from '../../src/core/config/schema.ts';
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

describe('where the catalog is pushed', () => {
  it('is the repository’s own remote by default, a GitHub repository for owner/name, or a path', async () => {
    const config = defaultConfig();
    const bare = monorepo.withBareRemote();
    expect(await catalogLocation(monorepo.dir, config)).toEqual({ url: bare, branch: 'slipway-catalog', token: undefined });
    expect(await catalogLocation(monorepo.dir, config, { repository: 'my-org/plugin-catalog', serverUrl: 'https://ghe.example', token: 't' })).toEqual({
      url: 'https://ghe.example/my-org/plugin-catalog.git',
      branch: 'slipway-catalog',
      token: 't',
    });
    expect((await catalogLocation(monorepo.dir, config, { repository: '../catalog.git', branch: 'pages' })).url).toBe(join(monorepo.dir, '../catalog.git'));
    // An action passes its own repository as the default; slipway.yml's catalog.repository wins over it.
    expect((await catalogLocation(monorepo.dir, { ...config, catalog: { branch: 'b', repository: 'org/central' } }, { defaultRepository: 'org/plugins' })).url).toBe('https://github.com/org/central.git');
  });

  it('names the setting to change when there is no remote to push to', async () => {
    const lonely = repo().commit('feat: nothing');
    await expect(catalogLocation(lonely.dir, defaultConfig())).rejects.toMatchObject({ code: 'CONFIG_INVALID', subject: 'catalog.repository' });
  });
});
