import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../src/adapters/fleet.ts';
import { updaterFor } from '../../src/adapters/ecosystems/registry.ts';
import { ECOSYSTEMS } from '../../src/core/types.ts';
import { pkg, repo, type Files } from '../helpers/repo.ts';
import { config } from './fleet-config.ts';

const fleets: Record<string, Files> = {
  'npm workspaces': {
    'package.json': pkg('root', '0.0.0', { workspaces: ['a'] }),
    'a/package.json': pkg('a', '1.0.0'),
  },
  'settings.gradle': {
    'settings.gradle': "include 'a'\n",
    'a/build.gradle': '',
    'a/gradle.properties': 'version=1.0.0\n',
  },
  'settings.gradle.kts': {
    'settings.gradle.kts': 'include("a")\n',
    'a/build.gradle.kts': '',
    'a/gradle.properties': 'version=1.0.0\n',
  },
  'pom.xml with modules': {
    'pom.xml': '<project><artifactId>root</artifactId><version>1.0.0</version><modules><module>a</module></modules></project>',
    'a/pom.xml': '<project><artifactId>a</artifactId><version>1.0.0</version></project>',
  },
  'pyproject.toml with a uv workspace': {
    'pyproject.toml': '[tool.uv.workspace]\nmembers = ["a"]\n',
    'a/pyproject.toml': '[project]\nname = "a"\nversion = "1.0.0"\n',
  },
};

const expected: Record<string, string> = {
  'npm workspaces': 'npm',
  'settings.gradle': 'gradle',
  'settings.gradle.kts': 'gradle',
  'pom.xml with modules': 'maven',
  'pyproject.toml with a uv workspace': 'python',
};

describe('fleet.ecosystem: auto', () => {
  for (const [layout, files] of Object.entries(fleets)) {
    it(`detects ${expected[layout]} from ${layout}`, async () => {
      const r = repo().commit('chore: fleet', files);

      const fleet = await discoverFleet(r.dir, config());

      expect(fleet).toMatchObject({ ecosystem: expected[layout], single: false, plugins: [{ name: 'a', path: 'a', version: '1.0.0' }] });
    });
  }

  it('chooses generic when slipway.yml lists plugins, whatever else the repository holds', async () => {
    const r = repo().commit('chore: mixed', { 'package.json': pkg('tooling', '1.0.0'), 'a/VERSION': '0.1.0\n' });

    const fleet = await discoverFleet(r.dir, config({ fleet: { plugins: [{ name: 'a', path: 'a' }] } }));

    expect(fleet).toMatchObject({ ecosystem: 'generic', single: false, plugins: [{ name: 'a', version: '0.1.0' }] });
  });

  it('ignores a tooling-only package.json (no workspaces, no version) beside a Gradle build', async () => {
    const r = repo().commit('chore: gradle with tooling', {
      'package.json': JSON.stringify({ private: true, devDependencies: { prettier: '^3' } }),
      'settings.gradle': "rootProject.name = 'solo'\n",
      'gradle.properties': 'version=2.0.0\n',
    });

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet).toMatchObject({ ecosystem: 'gradle', single: true, plugins: [{ name: 'solo', path: '', version: '2.0.0' }] });
  });

  it('looks at the folders of fleet.paths when the root has no manifest', async () => {
    const r = repo().commit('chore: python libs', { 'libs/x/pyproject.toml': '[project]\nname = "x"\nversion = "0.1.0"\n' });

    const fleet = await discoverFleet(r.dir, config({ fleet: { paths: ['libs/*'] } }));

    expect(fleet).toMatchObject({ ecosystem: 'python', plugins: [{ name: 'x', path: 'libs/x' }] });
  });

  it('refuses to guess when the root looks like two ecosystems, and says which key to set', async () => {
    const r = repo().commit('chore: two', { 'package.json': pkg('x', '1.0.0'), 'pom.xml': '<project><artifactId>x</artifactId><version>1.0.0</version></project>' });

    const error = await discoverFleet(r.dir, config()).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'CONFIG_INVALID', subject: 'fleet.ecosystem', message: expect.stringContaining('npm and maven') });
    expect((error as { hint: string }).hint).toContain('set fleet.ecosystem');
  });

  it('says what it looked for when nothing is there', async () => {
    const r = repo().commit('chore: empty', { 'README.md': 'hello\n' });

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({
      code: 'MANIFEST_MISSING',
      message: expect.stringMatching(/no plugin manifest found in the repository root: looked for package\.json.*pom\.xml/),
    });
  });
});

describe('fleet.paths and fleet.exclude', () => {
  it('fleet.paths overrides the workspaces list', async () => {
    const r = repo().commit('chore: fleet', {
      'package.json': pkg('root', '0.0.0', { workspaces: ['plugins/*'] }),
      'plugins/a/package.json': pkg('a', '1.0.0'),
      'extra/b/package.json': pkg('b', '1.0.0'),
    });

    const fleet = await discoverFleet(r.dir, config({ fleet: { paths: ['extra/*'] } }));

    expect(fleet.plugins.map((p) => p.path)).toEqual(['extra/b']);
  });

  it('fleet.exclude removes folders from workspaces, settings.gradle includes and pom modules', async () => {
    const npm = repo().commit('chore: npm', {
      'package.json': pkg('root', '0.0.0', { workspaces: ['plugins/*', 'legacy/*'] }),
      'plugins/a/package.json': pkg('a', '1.0.0'),
      'plugins/broken/package.json': '{ not json',
      'legacy/old/package.json': pkg('old', '0.1.0'),
    });
    const gradle = repo().commit('chore: gradle', {
      'settings.gradle': "include 'a', 'gone'\n",
      'a/build.gradle': '',
      'a/gradle.properties': 'version=1.0.0\n',
    });
    const maven = repo().commit('chore: maven', {
      'pom.xml': '<project><artifactId>r</artifactId><version>1.0.0</version><modules><module>a</module><module>attic/z</module></modules></project>',
      'a/pom.xml': '<project><artifactId>a</artifactId><version>1.0.0</version></project>',
    });
    const exclude = { fleet: { exclude: ['plugins/broken', 'legacy', 'gone', 'attic/**'] } };

    const found = await Promise.all([npm, gradle, maven].map(async (r) => (await discoverFleet(r.dir, config(exclude))).plugins.map((p) => p.path)));

    expect(found).toEqual([['plugins/a'], ['a'], ['a']]);
  });

  it('a fleet whose paths match nothing is an error naming fleet.paths', async () => {
    const r = repo().commit('chore: fleet', { 'package.json': pkg('root', '0.0.0', { workspaces: ['plugins/*'] }) });

    await expect(discoverFleet(r.dir, config({ fleet: { ecosystem: 'npm', paths: ['nowhere/*'] } }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      subject: 'fleet.paths',
    });
  });
});

describe('plugin names', () => {
  it('two plugins with one name is an error naming both manifests', async () => {
    const r = repo().commit('chore: clash', {
      'package.json': pkg('root', '0.0.0', { workspaces: ['plugins/*', 'forks/*'] }),
      'plugins/http/package.json': pkg('http-plugin', '1.0.0'),
      'forks/http/package.json': pkg('http-plugin', '1.0.1'),
    });

    const error = await discoverFleet(r.dir, config()).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'MANIFEST_INVALID', subject: 'http-plugin' });
    expect((error as Error).message).toContain('forks/http/package.json');
    expect((error as Error).message).toContain('plugins/http/package.json');
  });
});

describe('registry', () => {
  it('has an updater for every ecosystem', () => {
    expect(ECOSYSTEMS.map((ecosystem) => updaterFor(ecosystem).ecosystem)).toEqual([...ECOSYSTEMS]);
  });
});

describe('a fleet of 1,300 plugins', () => {
  it('is discovered in well under two seconds, every plugin read', async () => {
    const files: Files = { 'package.json': pkg('root', '0.0.0', { private: true, workspaces: ['plugins/*'] }) };
    for (let i = 0; i < 1300; i++) {
      const name = `plugin-${String(i).padStart(4, '0')}`;
      files[`plugins/${name}/package.json`] = pkg(name, `1.${i}.0`, { dependencies: { 'plugin-0000': '^1.0.0' } });
    }
    // Written but not committed: discovery reads the working tree, and committing 1,300 files only slows the test.
    const r = repo().files(files);

    const started = performance.now();
    const fleet = await discoverFleet(r.dir, config());
    const elapsed = performance.now() - started;

    expect(fleet.plugins).toHaveLength(1300);
    expect(fleet.plugins[1299]).toMatchObject({ name: 'plugin-1299', version: '1.1299.0', dependencies: [{ name: 'plugin-0000', range: '^1.0.0', kind: 'runtime' }] });
    expect(elapsed).toBeLessThan(2000);
    console.info(`discovered 1,300 npm plugins in ${elapsed.toFixed(0)} ms`);
  });
});
