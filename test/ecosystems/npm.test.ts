import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../src/adapters/fleet.ts';
import { npmUpdater } from '../../src/adapters/ecosystems/npm/update.ts';
import type { Version } from '../../src/core/types.ts';
import { pkg, repo } from '../helpers/repo.ts';
import { config } from './fleet-config.ts';

const v = (s: string) => s as Version;

describe('npm fleet discovery', () => {
  it('reads every workspace folder that holds a package.json, sorted by name, with every dependency and its kind', async () => {
    const r = repo()
      .file('package.json', pkg('monorepo', '0.0.0', { private: true, workspaces: { packages: ['plugins/*', 'tools/cli'] } }))
      .file('plugins/zeta/package.json', pkg('@acme/zeta', '2.1.0', {
        dependencies: { '@acme/alpha': '^1.0.0', lodash: '4.17.21' },
        peerDependencies: { '@acme/core': '>=3 <5' },
        devDependencies: { '@acme/alpha': '1.0.0', vitest: '^5.0.0' },
        optionalDependencies: { fsevents: '^2.3.0' },
      }))
      .file('plugins/alpha/package.json', pkg('@acme/alpha', '1.0.0', { private: true }))
      .file('plugins/notes/README.md', 'a folder without package.json is not a plugin\n')
      .file('tools/cli/package.json', pkg('acme-cli', '0.3.0-beta.1'))
      .commit('chore: fleet');

    const fleet = await discoverFleet(r.dir, config({ core: { package: '@acme/core' } }));

    expect(fleet).toEqual({
      ecosystem: 'npm',
      single: false,
      plugins: [
        { name: '@acme/alpha', path: 'plugins/alpha', ecosystem: 'npm', manifestFile: 'plugins/alpha/package.json', version: '1.0.0', dependencies: [], private: true },
        {
          name: '@acme/zeta',
          path: 'plugins/zeta',
          ecosystem: 'npm',
          manifestFile: 'plugins/zeta/package.json',
          version: '2.1.0',
          // one name may be declared twice, each with its own kind and range
          dependencies: [
            { name: '@acme/alpha', range: '^1.0.0', kind: 'runtime' },
            { name: 'lodash', range: '4.17.21', kind: 'runtime' },
            { name: '@acme/core', range: '>=3 <5', kind: 'peer' },
            { name: 'fsevents', range: '^2.3.0', kind: 'optional' },
            { name: '@acme/alpha', range: '1.0.0', kind: 'dev' },
            { name: 'vitest', range: '^5.0.0', kind: 'dev' },
          ],
          private: false,
          coreRange: '>=3 <5',
        },
        { name: 'acme-cli', path: 'tools/cli', ecosystem: 'npm', manifestFile: 'tools/cli/package.json', version: '0.3.0-beta.1', dependencies: [], private: false },
      ],
    });
  });

  it('accepts workspaces as a plain array and honours negated patterns', async () => {
    const r = repo()
      .file('package.json', pkg('monorepo', '0.0.0', { workspaces: ['packages/*', '!packages/sandbox'] }))
      .file('packages/a/package.json', pkg('a', '1.0.0'))
      .file('packages/sandbox/package.json', pkg('sandbox', '0.0.1'))
      .commit('chore: fleet');

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet.plugins.map((p) => p.name)).toEqual(['a']);
  });

  it('treats a root package.json without workspaces as a repository that is one plugin', async () => {
    const r = repo().file('package.json', pkg('solo-plugin', '4.5.6', { peerDependencies: { core: '^9' } })).commit('chore: solo');

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet).toEqual({
      ecosystem: 'npm',
      single: true,
      plugins: [{ name: 'solo-plugin', path: '', ecosystem: 'npm', manifestFile: 'package.json', version: '4.5.6', dependencies: [{ name: 'core', range: '^9', kind: 'peer' }], private: false }],
    });
  });

  it('never looks inside node_modules', async () => {
    const r = repo()
      .file('package.json', pkg('monorepo', '0.0.0', { workspaces: ['packages/**'] }))
      .file('packages/a/package.json', pkg('a', '1.0.0'))
      .file('packages/a/node_modules/left-pad/package.json', pkg('left-pad', '1.3.0'))
      .commit('chore: fleet');

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet.plugins.map((p) => p.path)).toEqual(['packages/a']);
  });
});

describe('npm manifest errors', () => {
  it('a missing root package.json names the expected path', async () => {
    const r = repo().file('README.md', 'nothing here\n').commit('chore: empty');

    await expect(discoverFleet(r.dir, config({ fleet: { ecosystem: 'npm' } }))).rejects.toMatchObject({
      code: 'MANIFEST_MISSING',
      subject: 'package.json',
      message: expect.stringContaining('package.json'),
    });
  });

  it('malformed JSON names the file and the line', async () => {
    const r = repo()
      .file('package.json', pkg('monorepo', '0.0.0', { workspaces: ['plugins/*'] }))
      .file('plugins/a/package.json', '{\n  "name": "a",\n  "version": "1.0.0",\n}\n')
      .commit('chore: broken');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({
      code: 'MANIFEST_INVALID',
      subject: 'plugins/a/package.json:4',
      message: expect.stringContaining('not valid JSON'),
    });
  });

  it('a version that is not semver names the file, the field and the value', async () => {
    const r = repo()
      .file('package.json', pkg('monorepo', '0.0.0', { workspaces: ['plugins/*'] }))
      .file('plugins/a/package.json', pkg('a', 'v1.2'))
      .commit('chore: bad version');

    const error = await discoverFleet(r.dir, config()).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'VERSION_INVALID', subject: 'plugins/a/package.json', message: '"version" is "v1.2", which is not a semver version' });
    expect((error as { hint: string }).hint).toContain('1.0.0');
  });

  it('a workspace package without a version is reported, not skipped', async () => {
    const r = repo()
      .file('package.json', pkg('monorepo', '0.0.0', { workspaces: ['plugins/*'] }))
      .file('plugins/docs/package.json', JSON.stringify({ name: 'docs', private: true }))
      .commit('chore: docs');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({
      code: 'VERSION_INVALID',
      subject: 'plugins/docs/package.json',
      message: '"version" is missing',
    });
  });

  it('a package.json without a name says which field is missing', async () => {
    const r = repo()
      .file('package.json', pkg('monorepo', '0.0.0', { workspaces: ['plugins/*'] }))
      .file('plugins/a/package.json', JSON.stringify({ version: '1.0.0' }))
      .commit('chore: nameless');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({
      code: 'MANIFEST_INVALID',
      subject: 'plugins/a/package.json',
      message: '"name" is missing',
    });
  });
});

describe('npm manifest updater', () => {
  it('rewrites the top-level version and keeps 4-space indent, CRLF, key order and a nested "version" key', () => {
    const text = [
      '{',
      '    "version": "1.0.0",',
      '    "name": "a",',
      '    "engines": { "node": ">=24", "version": "1.0.0" },',
      '    "publishConfig": {',
      '        "version": "1.0.0"',
      '    }',
      '}',
      '',
    ].join('\r\n');

    const out = npmUpdater.update(text, { version: v('1.1.0') }, 'package.json');

    expect(out).toBe(text.replace('"version": "1.0.0",', '"version": "1.1.0",'));
    expect(out.match(/1\.0\.0/g)).toHaveLength(2);
  });

  it('rewrites internal dependency ranges in whichever section holds them, with tabs and no trailing newline', () => {
    const text = '{\n\t"name": "b",\n\t"version": "2.0.0",\n\t"dependencies": {\n\t\t"a": "^1.0.0",\n\t\t"left-pad": "1.0.0"\n\t},\n\t"peerDependencies": {"c": "~3.0.0"},\n\t"devDependencies": {\n\t\t"a": "^1.0.0"\n\t}\n}';

    const out = npmUpdater.update(text, { version: v('2.0.1'), dependencies: [{ name: 'a', range: '^1.1.0' }, { name: 'c', range: '~3.1.0' }] }, 'plugins/b/package.json');

    expect(out).toBe(
      '{\n\t"name": "b",\n\t"version": "2.0.1",\n\t"dependencies": {\n\t\t"a": "^1.1.0",\n\t\t"left-pad": "1.0.0"\n\t},\n\t"peerDependencies": {"c": "~3.1.0"},\n\t"devDependencies": {\n\t\t"a": "^1.1.0"\n\t}\n}',
    );
  });

  it('keeps escapes and unicode elsewhere in the file exactly as written', () => {
    const text = '{"name":"a","description":"caf\\u00e9 \\"quoted\\" \u00e9","version":"0.1.0","x":[1,2.5e3,true,null,{"version":"0.1.0"}]}\n';

    const out = npmUpdater.update(text, { version: v('0.2.0') }, 'package.json');

    expect(out).toBe(text.replace('"version":"0.1.0","x"', '"version":"0.2.0","x"'));
  });

  it('refuses a manifest with no top-level version, naming the file', () => {
    expect(() => npmUpdater.update('{ "name": "a", "x": { "version": "1.0.0" } }', { version: v('1.0.1') }, 'plugins/a/package.json')).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID', subject: 'plugins/a/package.json', message: 'has no top-level "version" string to update' }),
    );
  });

  it('refuses to update a dependency the manifest does not have', () => {
    expect(() => npmUpdater.update('{ "name": "a", "version": "1.0.0" }', { dependencies: [{ name: 'b', range: '^2.0.0' }] }, 'package.json')).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID', message: 'has no dependency "b" to update' }),
    );
  });
});
