import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../src/adapters/fleet.ts';
import { pythonUpdater } from '../../src/adapters/ecosystems/python/update.ts';
import type { Version } from '../../src/core/types.ts';
import { repo } from '../helpers/repo.ts';
import { config } from './fleet-config.ts';

const v = (s: string) => s as Version;

const pyproject = (name: string, version: string, extra = '') => `[project]\nname = "${name}"\nversion = "${version}"\n${extra}`;

describe('python fleet discovery', () => {
  it('reads the members of a uv workspace, with PEP 508 dependencies as name → specifier', async () => {
    const r = repo()
      .file('pyproject.toml', '[project]\nname = "workspace-root"\nversion = "0.0.0"\n\n[tool.uv.workspace]\nmembers = ["plugins/*"]\nexclude = ["plugins/scratch"]\n')
      .file('plugins/beta/pyproject.toml', pyproject('acme-beta', '0.2.0', 'dependencies = [\n  "acme-alpha>=1.0,<2",\n  "requests[socks] (>=2.31) ; python_version >= \'3.9\'",\n  "acme-core~=3.1",\n  "rich",\n]\nclassifiers = ["Private :: Do Not Upload"]\n'))
      .file('plugins/alpha/pyproject.toml', pyproject('acme-alpha', '1.0.0'))
      .file('plugins/scratch/pyproject.toml', pyproject('scratch', '0.0.1'))
      .commit('chore: python fleet');

    const fleet = await discoverFleet(r.dir, config({ core: { package: 'acme-core' } }));

    expect(fleet).toEqual({
      ecosystem: 'python',
      single: false,
      plugins: [
        { name: 'acme-alpha', path: 'plugins/alpha', ecosystem: 'python', manifestFile: 'plugins/alpha/pyproject.toml', version: '1.0.0', dependencies: [], private: false },
        {
          name: 'acme-beta',
          path: 'plugins/beta',
          ecosystem: 'python',
          manifestFile: 'plugins/beta/pyproject.toml',
          version: '0.2.0',
          dependencies: [
            { name: 'acme-alpha', range: '>=1.0,<2', kind: 'runtime' },
            { name: 'requests', range: '>=2.31', kind: 'runtime' },
            { name: 'acme-core', range: '~=3.1', kind: 'runtime' },
            { name: 'rich', range: '', kind: 'runtime' },
          ],
          private: true,
          coreRange: '~=3.1',
        },
      ],
    });
  });

  it('keys a dependency on a fleet plugin by the plugin\'s own spelling of its name', async () => {
    const r = repo()
      .file('pyproject.toml', '[tool.uv.workspace]\nmembers = ["pkgs/*"]\n')
      .file('pkgs/a/pyproject.toml', pyproject('Acme.Alpha', '1.0.0'))
      .file('pkgs/b/pyproject.toml', pyproject('acme-beta', '1.0.0', 'dependencies = ["acme_alpha>=1", "Other_Lib==2"]\n'))
      .commit('chore: spelling');

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet.plugins[1]!.dependencies).toEqual([
      { name: 'Acme.Alpha', range: '>=1', kind: 'runtime' },
      { name: 'Other_Lib', range: '==2', kind: 'runtime' },
    ]);
  });

  it('takes the plugin folders from fleet.paths when given', async () => {
    const r = repo()
      .file('libs/one/pyproject.toml', pyproject('one', '1.0.0'))
      .file('libs/two/pyproject.toml', pyproject('two', '2.0.0'))
      .commit('chore: paths');

    const fleet = await discoverFleet(r.dir, config({ fleet: { ecosystem: 'python', paths: ['libs/*'] } }));

    expect(fleet.plugins.map((p) => [p.name, p.manifestFile, p.version])).toEqual([
      ['one', 'libs/one/pyproject.toml', '1.0.0'],
      ['two', 'libs/two/pyproject.toml', '2.0.0'],
    ]);
  });

  it('treats a root pyproject.toml without a workspace as a repository that is one plugin', async () => {
    const r = repo().file('pyproject.toml', pyproject('solo', '3.0.0')).commit('chore: solo');

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet).toEqual({
      ecosystem: 'python',
      single: true,
      plugins: [{ name: 'solo', path: '', ecosystem: 'python', manifestFile: 'pyproject.toml', version: '3.0.0', dependencies: [], private: false }],
    });
  });
});

describe('python dependency kinds', () => {
  it('reads runtime, optional and dev requirements from [project], optional groups, [dependency-groups] and uv dev-dependencies', async () => {
    const r = repo()
      .file('pyproject.toml', '[tool.uv.workspace]\nmembers = ["pkgs/*"]\n')
      .file('pkgs/core/pyproject.toml', pyproject('acme-core', '1.0.0'))
      .file('pkgs/s3/pyproject.toml', pyproject('acme-s3', '2.0.0', [
        'dependencies = ["acme-core>=1,<2"]',
        '',
        '[project.optional-dependencies]',
        'fast = ["acme-core[speed]>=1.0"]',
        'test = ["acme-core==1.0.0"]',
        '',
        '[dependency-groups]',
        'lint = ["acme-core~=1.0", { include-group = "test" }]',
        '',
        '[tool.uv]',
        'dev-dependencies = ["acme_core>=0.9"]',
        '',
      ].join('\n')))
      .commit('chore: kinds');
    const fleet = await discoverFleet(r.dir, config());
    expect(fleet.plugins.find((p) => p.name === 'acme-s3')!.dependencies).toEqual([
      { name: 'acme-core', range: '>=1,<2', kind: 'runtime' },
      { name: 'acme-core', range: '>=1.0', kind: 'optional' },
      { name: 'acme-core', range: '==1.0.0', kind: 'dev' },
      { name: 'acme-core', range: '~=1.0', kind: 'dev' },
      { name: 'acme-core', range: '>=0.9', kind: 'dev' },
    ]);
  });

  it('rewrites a requirement only where its kind is declared', () => {
    const text = '[project]\nname = "acme-s3"\nversion = "2.0.0"\ndependencies = ["acme-core>=1,<2"]\n\n[dependency-groups]\ndev = ["acme-core==1.0.0"]\n';
    const out = pythonUpdater.update(text, { dependencies: [{ name: 'acme-core', range: '==1.1.0', kind: 'dev' }] }, 'pyproject.toml');
    expect(out).toBe(text.replace('dev = ["acme-core==1.0.0"]', 'dev = ["acme-core==1.1.0"]'));
  });
});

describe('python manifest errors', () => {
  it('a dynamic version is refused with what to do instead', async () => {
    const r = repo().file('pyproject.toml', '[project]\nname = "dyn"\ndynamic = ["version"]\n').commit('chore: dynamic');

    const error = await discoverFleet(r.dir, config()).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'VERSION_INVALID', subject: 'pyproject.toml', message: expect.stringContaining('[project] version is dynamic') });
    expect((error as { hint: string }).hint).toMatch(/version = "1\.0\.0".*generic/);
  });

  it('malformed TOML names the file and the line', async () => {
    const r = repo().file('pyproject.toml', '[project]\nname = "bad"\nversion = 1.0.0\n').commit('chore: bad toml');

    await expect(discoverFleet(r.dir, config({ fleet: { ecosystem: 'python' } }))).rejects.toMatchObject({
      code: 'MANIFEST_INVALID',
      subject: 'pyproject.toml:3',
      message: expect.stringContaining('not valid TOML'),
    });
  });

  it('a PEP 440 version that is not semver names the file and the value', async () => {
    const r = repo().file('pyproject.toml', pyproject('pep440', '1.0.0rc1')).commit('chore: pep 440');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({
      code: 'VERSION_INVALID',
      subject: 'pyproject.toml',
      message: '[project] version is "1.0.0rc1", which is not a semver version',
    });
  });

  it('a workspace member without [project] names the file and the table', async () => {
    const r = repo()
      .file('pyproject.toml', '[tool.uv.workspace]\nmembers = ["pkgs/*"]\n')
      .file('pkgs/a/pyproject.toml', '[tool.ruff]\nline-length = 100\n')
      .commit('chore: tool only');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({ code: 'MANIFEST_INVALID', subject: 'pkgs/a/pyproject.toml', message: 'has no [project] table' });
  });
});

describe('python manifest updater', () => {
  const text = [
    '# Acme beta plugin',
    '[tool.poetry]',
    'version = "0.2.0"  # poetry\'s own, untouched',
    '',
    '[project]',
    "name = 'acme-beta'",
    'description = """',
    '[project]',
    'version = "0.2.0"',
    '"""',
    "version = '0.2.0' # bumped by slipway",
    'dependencies = [',
    '  "acme-alpha>=1.0,<2", # internal',
    "  'requests[socks] (>=2.31) ; python_version >= \"3.9\"',",
    '  "acme_Gamma[extra]==0.1.0;python_version>\'3\'",',
    ']',
    '',
    '[project.optional-dependencies]',
    'dev = ["acme-alpha>=1.0"]',
    '',
  ].join('\r\n');

  it('rewrites version inside [project] only, keeping quotes, comments, CRLF and a look-alike inside a multi-line string', () => {
    const out = pythonUpdater.update(text, { version: v('0.3.0') }, 'plugins/beta/pyproject.toml');

    expect(out).toBe(text.replace("version = '0.2.0' # bumped", "version = '0.3.0' # bumped"));
  });

  it('rewrites only the specifier of internal dependencies, keeping extras, markers and name spelling', () => {
    const out = pythonUpdater.update(text, { dependencies: [{ name: 'acme-alpha', range: '>=1.1,<2', kind: 'runtime' }, { name: 'acme-gamma', range: '==0.2.0', kind: 'runtime' }] }, 'pyproject.toml');

    expect(out).toBe(
      text
        .replace('"acme-alpha>=1.0,<2", # internal', '"acme-alpha>=1.1,<2", # internal')
        .replace('"acme_Gamma[extra]==0.1.0;python_version>\'3\'"', '"acme_Gamma[extra]==0.2.0;python_version>\'3\'"'),
    );
  });

  it('refuses a pyproject.toml with no version under [project], naming the file', () => {
    expect(() => pythonUpdater.update('[tool.poetry]\nversion = "1.0.0"\n\n[project]\nname = "x"\n', { version: v('1.0.1') }, 'x/pyproject.toml')).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID', subject: 'x/pyproject.toml', message: 'has no version = "..." under [project] to update' }),
    );
  });
});
