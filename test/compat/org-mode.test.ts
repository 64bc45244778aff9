/**
 * Org mode: the plugins are an organisation's repositories, listed through the real octokit
 * against the local GitHub server and cloned from real (local) git remotes.
 */
import { execaSync } from 'execa';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { buildCompatCores } from '../../src/jobs/compat/core.ts';
import { planCompat } from '../../src/jobs/compat/plan.ts';
import { runCompatShard } from '../../src/jobs/compat/run.ts';
import { namePattern } from '../../src/adapters/compat/org-plugins.ts';
import { startHarness, type Harness } from '../github/harness.ts';
import { cleanupTempDirs, repo, tempDir } from '../helpers/repo.ts';

let h: Harness;
const remotes = tempDir('slipway-org-remotes-');

function coreRepo(): string {
  const core = repo()
    .file('package.json', JSON.stringify({ name: '@acme/core', version: '2.0.0-dev', type: 'module', main: 'index.js' }) + '\n')
    .file('index.js', "export const version = '2.0.0-dev';\n")
    .commit('feat: core');
  core.git('branch', '-M', 'develop');
  return core.dir;
}

/** A plugin repository pushed to <remotes>/acme/<name>.git, as the clone URL template says. */
function pluginRemote(name: string): void {
  const plugin = repo()
    .file('package.json', JSON.stringify({ name: `@acme/${name}`, version: '3.1.4', type: 'module' }) + '\n')
    .file('index.test.js', "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\ntest('sees the develop core', async () => {\n  const core = await import(process.env.SLIPWAY_CORE_DIR + '/index.js');\n  assert.equal(core.version, '2.0.0-dev');\n});\n")
    .commit('feat: plugin');
  const bare = join(remotes, 'acme', `${name}.git`);
  execaSync('git', ['clone', '-q', '--bare', plugin.dir, bare]);
}

const config = (core: string) =>
  parseConfig(`core:
  repository: ${core}
  branch: develop
compat:
  baseline: stored-run
  test: node --test
  org:
    name: acme
    topic: compat-plugin
    pattern: plugin-*
    cloneUrl: file://${remotes}/{repo}.git
`);

beforeAll(async () => {
  h = await startHarness();
  const state = h.github.state;
  state.addOrg('acme');
  state.addRepo('acme/plugin-alpha', { topics: ['compat-plugin'] });
  state.addRepo('acme/plugin-beta', { topics: ['compat-plugin', 'beta'] });
  state.addRepo('acme/plugin-gamma', { topics: [] });
  state.addRepo('acme/docs', { topics: ['compat-plugin'] });
  state.addRepo('acme/plugin-old', { topics: ['compat-plugin'], archived: true });
  for (let i = 0; i < 120; i++) state.addRepo(`acme/app-${i}`); // more than one page of 100
});
afterAll(async () => {
  h.github.assertNoViolations();
  await h.github.close();
  cleanupTempDirs();
});

describe('org mode', () => {
  it('plans the organisation’s repositories with the topic and a matching name, archived ones left out', async () => {
    const { targets, matrix } = await planCompat({ cwd: tempDir(), config: config(coreRepo()), reporter: memoryReporter(), octokit: h.octokit });
    expect(targets.mode).toBe('org');
    expect(targets.names).toEqual(['acme/plugin-alpha', 'acme/plugin-beta']);
    expect(matrix.include.flatMap((e) => e.plugins)).toEqual(['acme/plugin-alpha', 'acme/plugin-beta']);
    expect(h.github.count('repos/list-for-org')).toBeGreaterThanOrEqual(2);
  });

  it('clones each repository in its shard; one that cannot be cloned is infra, not a failure', async () => {
    pluginRemote('plugin-alpha');
    const cfg = config(coreRepo());
    const work = tempDir();
    const cores = await buildCompatCores({ cwd: work, config: cfg, reporter: memoryReporter(), ecosystem: 'npm', artifactDir: join(work, 'core'), workDir: work });
    expect(cores.release).toBeUndefined(); // baseline: stored-run builds no released core
    const shard = await runCompatShard({
      cwd: work,
      config: cfg,
      reporter: memoryReporter(),
      shard: 1,
      plugins: ['acme/plugin-alpha', 'acme/plugin-beta', 'acme/plugin-gone'],
      artifactDir: join(work, 'core'),
      workDir: work,
      octokit: h.octokit,
    });
    const byName = Object.fromEntries(shard.results.map((r) => [r.plugin, r]));
    expect(byName['acme/plugin-alpha']).toMatchObject({ version: '3.1.4', attempts: [{ outcome: 'pass' }] });
    expect(byName['acme/plugin-beta']!.attempts[0]).toMatchObject({ outcome: 'infra', stage: 'checkout' });
    expect(byName['acme/plugin-gone']!.attempts[0]).toMatchObject({ outcome: 'infra', reason: expect.stringContaining('not in the fleet') });
  }, 60_000);

  it('needs a token to list the organisation, and says so', async () => {
    await expect(planCompat({ cwd: tempDir(), config: config('/nowhere'), reporter: memoryReporter() })).rejects.toMatchObject({ code: 'USAGE', subject: 'compat.org' });
  });

  it('matches names with * as any characters, whole names only, ignoring case', () => {
    const matches = namePattern('plugin-*');
    expect(['plugin-a', 'Plugin-B', 'plugin-'].map(matches)).toEqual([true, true, true]);
    expect(['my-plugin-a', 'plugin'].map(matches)).toEqual([false, false]);
    expect(namePattern('a.b')('axb')).toBe(false);
  });
});
