/**
 * JavaScript workspaces of every common kind, laid out as their package managers write them:
 * which packages are the fleet, which package manager runs the commands, and how a
 * `workspace:` range is published.
 */
import { describe, expect, it } from 'vitest';
import { detectPackageManager } from '../../src/adapters/ecosystems/npm/package-manager.ts';
import { workspacePackageVersions } from '../../src/adapters/ecosystems/npm/workspace-packages.ts';
import { discoverFleet } from '../../src/adapters/fleet.ts';
import { withPublishedRanges } from '../../src/adapters/registry/packed-manifest.ts';
import { isSlipwayError } from '../../src/core/errors.ts';
import { publishedRange } from '../../src/core/versioning/workspace-range.ts';
import { pkg, repo } from '../helpers/repo.ts';
import { config } from './fleet-config.ts';

describe('workspace discovery', () => {
  it('pnpm: pnpm-workspace.yaml lists the packages (with negations), no root package.json needed', async () => {
    const r = repo()
      .file('pnpm-workspace.yaml', '# the workspace\npackages:\n  - packages/*\n  - "tools/**"\n  - "!**/fixtures/**"\ncatalog:\n  react: ^19\n')
      .file('packages/a/package.json', pkg('@pn/a', '1.0.0'))
      .file('tools/cli/package.json', pkg('@pn/cli', '0.1.0', { dependencies: { '@pn/a': 'workspace:^' } }))
      .file('tools/cli/fixtures/x/package.json', pkg('fixture', '0.0.0'))
      .commit('chore: workspace');
    const fleet = await discoverFleet(r.dir, config());
    expect(fleet.ecosystem).toBe('npm');
    expect(fleet.plugins.map((p) => `${p.name} ${p.path}`)).toEqual(['@pn/a packages/a', '@pn/cli tools/cli']);
    expect(fleet.plugins[1]!.dependencies).toEqual([{ name: '@pn/a', range: 'workspace:^', kind: 'runtime' }]);
  });

  it('pnpm: a pnpm-workspace.yaml with settings only leaves the packages to package.json', async () => {
    const r = repo()
      .file('pnpm-workspace.yaml', 'onlyBuiltDependencies:\n  - esbuild\n')
      .file('package.json', pkg('root', '0.0.0', { private: true, workspaces: ['libs/*'] }))
      .file('libs/x/package.json', pkg('x', '3.0.0'))
      .commit('chore: workspace');
    expect((await discoverFleet(r.dir, config())).plugins.map((p) => p.name)).toEqual(['x']);
  });

  it('pnpm: a malformed pnpm-workspace.yaml names the file and line', async () => {
    const r = repo().file('pnpm-workspace.yaml', 'packages:\n  - a/*\n - b\n').commit('chore: broken');
    const error = await discoverFleet(r.dir, config()).catch((e: unknown) => e);
    expect(isSlipwayError(error) && error.subject).toMatch(/^pnpm-workspace\.yaml(:\d+)?$/);
  });

  it('Bun and Yarn: package.json workspaces (array or { packages }) with their lockfiles', async () => {
    const bun = repo()
      .file('package.json', pkg('root', '0.0.0', { private: true, workspaces: { packages: ['pkgs/*'], catalog: {} } }))
      .file('bun.lock', '{\n  "lockfileVersion": 1,\n}\n')
      .file('pkgs/one/package.json', pkg('one', '1.0.0'))
      .commit('chore: bun');
    expect((await discoverFleet(bun.dir, config())).plugins.map((p) => p.name)).toEqual(['one']);
    expect((await detectPackageManager(bun.dir)).name).toBe('bun');
  });

  it('every workspace package has a version for publishing, fleet.exclude or not', async () => {
    const r = repo()
      .file('pnpm-workspace.yaml', 'packages: ["packages/*"]\n')
      .file('packages/a/package.json', pkg('a', '1.2.3'))
      .file('packages/internal/package.json', pkg('internal', '0.4.0', { private: true }))
      .commit('chore: workspace');
    expect(await workspacePackageVersions(r.dir)).toEqual(new Map([['a', '1.2.3'], ['internal', '0.4.0']]));
  });
});

describe('the package manager', () => {
  it('comes from packageManager, else the lockfile; Yarn berry is told from Yarn 1', async () => {
    const at = (files: Record<string, string>) => repo().commit('chore: files', files).dir;
    expect((await detectPackageManager(at({ 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" }))).run('build')).toBe('pnpm run build');
    expect((await detectPackageManager(at({ 'yarn.lock': '# yarn lockfile v1\n' }))).name).toBe('yarn-classic');
    expect((await detectPackageManager(at({ 'yarn.lock': '__metadata:\n  version: 8\n' }))).name).toBe('yarn');
    expect((await detectPackageManager(at({ 'yarn.lock': '', '.yarnrc.yml': 'nodeLinker: pnp\n' }))).install).toBe('yarn install --immutable');
    expect((await detectPackageManager(at({ 'package-lock.json': '{}' }))).name).toBe('npm');
    expect((await detectPackageManager(at({ 'bun.lockb': '' }))).name).toBe('bun');
    expect((await detectPackageManager(at({}))).name).toBe('npm');
    // packageManager wins over a stale lockfile.
    const both = at({ 'package-lock.json': '{}' });
    expect(await detectPackageManager(both, 'pnpm@9.12.0+sha512.abc')).toMatchObject({ name: 'pnpm', source: 'packageManager: pnpm@9.12.0+sha512.abc' });
    expect((await detectPackageManager(both, 'yarn@1.22.22')).name).toBe('yarn-classic');
    expect((await detectPackageManager(both, 'yarn@4.5.0')).name).toBe('yarn');
  });
});

describe('workspace: ranges in what is published', () => {
  it('become the range the package managers publish', () => {
    expect(publishedRange('workspace:*', '1.5.0', 'a')).toBe('1.5.0');
    expect(publishedRange('workspace:^', '1.5.0', 'a')).toBe('^1.5.0');
    expect(publishedRange('workspace:~', '1.5.0', 'a')).toBe('~1.5.0');
    expect(publishedRange('workspace:^1.2.0', '1.5.0', 'a')).toBe('^1.2.0');
    expect(publishedRange('workspace:1.5.0', '1.5.0', 'a')).toBe('1.5.0');
    expect(publishedRange('workspace:../a', '1.5.0', 'a')).toBe('1.5.0');
    expect(() => publishedRange('workspace:foo@bar', '1.5.0', 'a')).toThrow(/"a": "workspace:foo@bar" is not a workspace range/);
  });

  it('are replaced in the manifest text, each section on its own, every other byte kept', () => {
    const text = '{\r\n\t"name": "b",\r\n\t"version": "1.0.1",\r\n\t"dependencies": { "a": "workspace:^", "left-pad": "^1.3.0" },\r\n\t"peerDependencies": { "a": "workspace:~" }\r\n}\r\n';
    expect(withPublishedRanges(text, new Map([['a', '2.0.0']]), 'b/package.json')).toBe(
      '{\r\n\t"name": "b",\r\n\t"version": "1.0.1",\r\n\t"dependencies": { "a": "^2.0.0", "left-pad": "^1.3.0" },\r\n\t"peerDependencies": { "a": "~2.0.0" }\r\n}\r\n',
    );
  });

  it('naming a package the workspace lacks is an error that names it', () => {
    expect(() => withPublishedRanges(pkg('b', '1.0.0', { dependencies: { ghost: 'workspace:*' } }), new Map(), 'b/package.json')).toThrow(
      'b/package.json: "dependencies.ghost" is "workspace:*", but the workspace has no package named ghost',
    );
  });
});
