/**
 * Issue 10, item 5: the kind of a dependency decides what a release does to its dependents.
 * Runtime (and optional) dependents get a patch; a dev-only dependent gets its range moved in
 * its manifest but no release; a peer range that must cross a major makes the dependent's bump
 * major; a dependent left out of range is a warning naming both plugins and the range.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryReporter } from '../../src/core/reporter.ts';
import { planRelease } from '../../src/jobs/plan.ts';
import { shipPlan } from '../../src/jobs/release.ts';
import { cleanupTempDirs, pkg, repo, type Repo } from '../helpers/repo.ts';

afterAll(cleanupTempDirs);

const DATE = '2026-02-01';
const plan = async (r: Repo) => (await planRelease({ cwd: r.dir, reporter: memoryReporter(), date: DATE })).plan;
const versions = (p: Awaited<ReturnType<typeof plan>>) => Object.fromEntries(p.releases.map((r) => [r.name, `${r.from} → ${r.to}`]));

/**
 * core 1.0.0; `run` needs it at runtime, `tool` only to build (devDependencies), `ext` as a peer
 * and `both` as a peer and to build. All private: nothing is published.
 */
function fleet(config?: string): Repo {
  const r = repo().files({
    'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] }),
    'plugins/core/package.json': pkg('core', '1.0.0', { private: true }),
    'plugins/run/package.json': pkg('run', '2.0.0', { private: true, dependencies: { core: '^1.0.0' } }),
    'plugins/tool/package.json': pkg('tool', '3.0.0', { private: true, devDependencies: { core: '^1.0.0' } }),
    'plugins/ext/package.json': pkg('ext', '4.0.0', { private: true, peerDependencies: { core: '^1.0.0' } }),
    'plugins/both/package.json': pkg('both', '5.0.0', { private: true, peerDependencies: { core: '^1.0.0' }, devDependencies: { core: '1.0.0' } }),
  });
  if (config) r.file('slipway.yml', config);
  return r.commit('chore(release): publish').tag('core@1.0.0').tag('run@2.0.0').tag('tool@3.0.0').tag('ext@4.0.0').tag('both@5.0.0');
}

describe('dependents by kind of dependency', () => {
  it('a runtime or peer dependent gets a patch; a dev-only dependent gets its range moved but no release', async () => {
    const p = await plan(fleet().commit('feat(core): retries', { 'plugins/core/index.js': '1' }));
    expect(versions(p)).toEqual({ core: '1.0.0 → 1.1.0', run: '2.0.0 → 2.0.1', ext: '4.0.0 → 4.0.1', both: '5.0.0 → 5.0.1' });
    expect(p.releases.find((r) => r.name === 'both')!.dependencyUpdates).toEqual([
      { name: 'core', kind: 'peer', from: '^1.0.0', to: '^1.1.0' },
      { name: 'core', kind: 'dev', from: '1.0.0', to: '1.1.0' },
    ]);
    expect(p.rangeUpdates).toEqual([
      { name: 'tool', path: 'plugins/tool', ecosystem: 'npm', manifestFile: 'plugins/tool/package.json', dependencyUpdates: [{ name: 'core', kind: 'dev', from: '^1.0.0', to: '^1.1.0' }] },
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('a peer range that must cross a major makes the dependent major; a runtime one stays a patch', async () => {
    const p = await plan(fleet().commit('feat(core)!: new API', { 'plugins/core/index.js': '2' }));
    expect(versions(p)).toEqual({ core: '1.0.0 → 2.0.0', run: '2.0.0 → 2.0.1', ext: '4.0.0 → 5.0.0', both: '5.0.0 → 6.0.0' });
    expect(p.releases.find((r) => r.name === 'ext')).toMatchObject({ bump: 'major', reason: 'dependency', dependencyUpdates: [{ name: 'core', kind: 'peer', from: '^1.0.0', to: '^2.0.0' }] });
  });

  it('with dependents: none, a dependent left out of range is a warning naming both plugins and the range', async () => {
    const p = await plan(fleet('versioning:\n  dependents: none\n').commit('feat(core)!: new API', { 'plugins/core/index.js': '2' }));
    expect(versions(p)).toEqual({ core: '1.0.0 → 2.0.0' });
    expect(p.rangeUpdates).toEqual([]);
    expect(p.warnings).toContain('run: its runtime dependency range "^1.0.0" on core does not accept core\'s planned 2.0.0; set versioning.dependents.runtime to range or patch in slipway.yml, or update the range by hand');
    expect(p.warnings.filter((w) => w.includes('on core does not accept'))).toHaveLength(5);
  });

  it('the policy is set per kind: dev dependents released too, as release-please\'s node-workspace does', async () => {
    const p = await plan(fleet('versioning:\n  dependents:\n    dev: patch\n    peer: range\n').commit('fix(core): crash', { 'plugins/core/index.js': '1' }));
    expect(versions(p)).toEqual({ core: '1.0.0 → 1.0.1', run: '2.0.0 → 2.0.1', tool: '3.0.0 → 3.0.1', both: '5.0.0 → 5.0.1' });
    expect(p.rangeUpdates.map((u) => [u.name, u.dependencyUpdates])).toEqual([['ext', [{ name: 'core', kind: 'peer', from: '^1.0.0', to: '^1.0.1' }]]]);
  });

  it('the release writes a dev-only range update in the release commit, with no tag for that plugin', async () => {
    const r = fleet().commit('feat(core): retries', { 'plugins/core/index.js': '1' });
    r.withBareRemote();
    const planned = await plan(r);
    await shipPlan({ cwd: r.dir, plan: JSON.parse(JSON.stringify(planned)), expectedHash: planned.hash, reporter: memoryReporter() });
    const tool = JSON.parse(readFileSync(join(r.dir, 'plugins/tool/package.json'), 'utf8')) as Record<string, unknown>;
    expect(tool).toMatchObject({ version: '3.0.0', devDependencies: { core: '^1.1.0' } });
    expect(r.git('show', '--name-only', '--format=%s', 'HEAD').split('\n')).toContain('plugins/tool/package.json');
    expect(r.git('status', '--porcelain')).toBe('');
    expect(r.git('tag', '--list', 'tool@*')).toBe('tool@3.0.0');
    expect(r.git('tag', '--list', 'core@*').split('\n')).toContain('core@1.1.0');
    // Released: the next plan has nothing left to do.
    expect((await plan(r)).releases).toEqual([]);
  });
});
