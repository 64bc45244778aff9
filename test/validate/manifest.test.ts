/**
 * Manifest completeness, read from real repositories the way the index job reads a release:
 * each missing or wrong field is one finding on the file and line to fix.
 */
import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../src/adapters/fleet.ts';
import { readManifestInputs } from '../../src/adapters/validate/manifest-inputs.ts';
import { defaultConfig } from '../../src/core/config/schema.ts';
import { checkManifest } from '../../src/core/validate/manifest-completeness.ts';
import { repo, type Repo } from '../helpers/repo.ts';
import { npmFleet, pluginPackage } from './fixtures.ts';

async function findings(r: Repo, plugin: string, pluginManifest: 'required' | 'optional' = 'required') {
  const config = defaultConfig();
  const fleet = await discoverFleet(r.dir, config);
  const readings = await readManifestInputs(r.dir, fleet.plugins.filter((p) => p.name === plugin), config);
  const reading = [...readings.values()][0]!;
  if (!reading.ok) throw reading.error;
  return checkManifest(reading.input, { pluginManifest });
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('manifest completeness (npm)', () => {
  it('passes a plugin with description, license, repository and a plugin manifest', async () => {
    expect(await findings(npmFleet(), 'a')).toEqual([]);
  });

  it('names a missing field and where to add it', async () => {
    const r = npmFleet().commit('fix(a): x', { 'plugins/a/package.json': pluginPackage('a', '1.0.0', { description: undefined }) });
    expect(await findings(r, 'a')).toEqual([
      {
        check: 'manifest',
        severity: 'error',
        file: 'plugins/a/package.json',
        line: 1,
        message: 'description is missing: add "description" to plugins/a/package.json, or "description" to the plugin manifest — the catalog and the registry show it',
      },
    ]);
  });

  it('puts an empty field on its own line', async () => {
    const text = pluginPackage('a', '1.0.0', { license: '  ' });
    const r = npmFleet().commit('fix(a): x', { 'plugins/a/package.json': text });
    expect(await findings(r, 'a')).toEqual([
      { check: 'manifest', severity: 'error', file: 'plugins/a/package.json', line: lineOf(text, '"license"'), message: '"license" is empty or not text: nobody may use a plugin without one' },
    ]);
  });

  it('refuses a repository that is not a link when there is no homepage either', async () => {
    const text = pluginPackage('a', '1.0.0', { repository: 'somewhere on our server' });
    const r = npmFleet().commit('fix(a): x', { 'plugins/a/package.json': text });
    expect(await findings(r, 'a')).toEqual([
      {
        check: 'manifest',
        severity: 'error',
        file: 'plugins/a/package.json',
        line: lineOf(text, '"repository"'),
        message: '"repository" is empty or not a link (https://…, git+https://…, owner/name): the catalog links to the plugin\'s repository or homepage',
      },
    ]);
  });

  it('accepts a homepage instead of a repository, and fields given in the plugin manifest only', async () => {
    const text = pluginPackage('a', '1.0.0', {
      repository: undefined,
      homepage: 'https://plugins.acme.dev/a',
      license: undefined,
      slipway: { title: 'A', elements: [{ kind: 'task', name: 'run' }], license: 'Apache-2.0' },
    });
    expect(await findings(npmFleet().commit('fix(a): x', { 'plugins/a/package.json': text }), 'a')).toEqual([]);
  });

  it('requires a plugin manifest by default, and only warns when validate.pluginManifest is optional', async () => {
    const r = npmFleet().commit('fix(a): x', { 'plugins/a/package.json': pluginPackage('a', '1.0.0', { slipway: undefined }) });
    const message =
      'no plugin manifest (looked for "slipway" in plugins/a/package.json, plugins/a/slipway-plugin.json, plugins/a/slipway-plugin.yml, plugins/a/slipway-plugin.yaml): add one with at least "title" and "elements" — the index job lists a plugin from it (docs/plugin-manifest.md)';
    expect(await findings(r, 'a')).toEqual([{ check: 'manifest', severity: 'error', file: 'plugins/a/package.json', line: 1, message }]);
    expect(await findings(r, 'a', 'optional')).toEqual([{ check: 'manifest', severity: 'warning', file: 'plugins/a/package.json', line: 1, message }]);
  });

  it('annotates a bad field of the embedded plugin manifest on its line', async () => {
    const text = pluginPackage('a', '1.0.0', { slipway: { title: 'A', elements: [{ kind: 'task', name: 'run' }, { kind: 'widget', name: 'w' }] } });
    const r = npmFleet().commit('fix(a): x', { 'plugins/a/package.json': text });
    const [finding, ...rest] = await findings(r, 'a');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', file: 'plugins/a/package.json', line: lineOf(text, '"widget"') });
    expect(finding!.message).toMatch(/^plugin manifest: slipway\.elements\[1\]\.kind must be one of task, trigger/);
  });

  it('annotates a field of a slipway-plugin.yml on its line in that file', async () => {
    const yml = 'title: A\ncategorie: [storage]\nelements:\n  - kind: task\n    name: run\n';
    const r = npmFleet().commit('fix(a): x', { 'plugins/a/package.json': pluginPackage('a', '1.0.0', { slipway: undefined }), 'plugins/a/slipway-plugin.yml': yml });
    const result = await findings(r, 'a');
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ file: 'plugins/a/slipway-plugin.yml', line: 2, message: expect.stringMatching(/^plugin manifest: categorie is not a manifest field/) });
  });

  it('reads what is committed, not the working tree', async () => {
    const r = npmFleet();
    r.files({ 'plugins/a/package.json': pluginPackage('a', '1.0.0', { description: undefined }) });
    expect(await findings(r, 'a')).toEqual([]);
  });
});

describe('manifest completeness (other ecosystems)', () => {
  it('maven: an empty <description> on its line, a missing license named as <licenses><license><name>', async () => {
    const pom = `<?xml version="1.0" encoding="UTF-8"?>
<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.acme</groupId>
  <artifactId>plugin-http</artifactId>
  <version>1.0.0</version>
  <description></description>
  <scm>
    <url>https://github.com/acme/plugin-http</url>
  </scm>
</project>
`;
    const r = repo().files({ 'pom.xml': pom, 'slipway-plugin.json': JSON.stringify({ title: 'HTTP', elements: [{ kind: 'task', name: 'get' }] }) }).commit('chore: start');
    expect(await findings(r, 'plugin-http')).toEqual([
      { check: 'manifest', severity: 'error', file: 'pom.xml', line: 7, message: '<description> is empty or not text: the catalog and the registry show it' },
      {
        check: 'manifest',
        severity: 'error',
        file: 'pom.xml',
        line: 1,
        message: 'license is missing: add <licenses><license><name> to pom.xml, or "license" to the plugin manifest — nobody may use a plugin without one',
      },
    ]);
  });

  it('python: fields from [project] and [project.urls]', async () => {
    const toml = '[project]\nname = "acme-http"\nversion = "1.0.0"\ndescription = "HTTP tasks"\nlicense = "MIT"\n\n[project.urls]\nHomepage = "https://acme.dev/http"\n';
    const r = repo().files({ 'pyproject.toml': toml, 'slipway-plugin.yml': 'title: HTTP\nelements:\n  - kind: task\n    name: get\n' }).commit('chore: start');
    expect(await findings(r, 'acme-http')).toEqual([]);
  });

  it('gradle: what gradle.properties cannot say must be in the plugin manifest', async () => {
    const r = repo()
      .files({
        'settings.gradle': "rootProject.name = 'plugin-s3'\n",
        'build.gradle': '',
        'gradle.properties': 'version=1.0.0\ndescription=S3 tasks\n',
        'slipway-plugin.json': JSON.stringify({ title: 'S3', elements: [{ kind: 'task', name: 'put' }], repository: 'https://github.com/acme/plugin-s3' }),
      })
      .commit('chore: start');
    expect(await findings(r, 'plugin-s3')).toEqual([
      {
        check: 'manifest',
        severity: 'error',
        file: 'gradle.properties',
        line: 1,
        message: 'license is missing: add "license" to the plugin manifest (slipway-plugin.json; gradle.properties has no such field) — nobody may use a plugin without one',
      },
    ]);
  });
});

