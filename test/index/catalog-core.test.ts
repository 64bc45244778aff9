import { describe, expect, it } from 'vitest';
import { composeEntry, validatedManifest } from '../../src/core/catalog/catalog-entry.ts';
import { catalogPage } from '../../src/core/catalog/catalog-page.ts';
import { compatibleWith } from '../../src/core/catalog/compatible.ts';
import { iconDataUri, iconSource } from '../../src/core/catalog/icon.ts';
import { buildCatalog, changedFiles, filesToRead, mergeCatalog, readIndex, type CatalogSnapshot } from '../../src/core/catalog/merge-catalog.ts';
import { pluginFileName } from '../../src/core/catalog/plugin-file-name.ts';
import { checkPluginManifest } from '../../src/core/catalog/plugin-manifest.ts';
import { changelogSection } from '../../src/core/catalog/release-notes.ts';
import { selectReleased, selectTags, splitTagList, type RepoTag, type TagContext } from '../../src/core/catalog/select-versions.ts';
import { stableJson } from '../../src/core/catalog/stable-json.ts';
import { webUrl } from '../../src/core/catalog/web-url.ts';
import { tagFormat } from '../../src/core/history/tag-format.ts';
import { semverFromMavenRange, semverFromPep440 } from '../../src/core/catalog/core-range.ts';
import { authConfig, redact } from '../../src/adapters/catalog/catalog-branch.ts';
import { entry } from './helpers.ts';

/** Applies changes to a snapshot, as a commit would. */
function apply(files: Map<string, string>, changes: Map<string, string | null>): Map<string, string> {
  const next = new Map(files);
  for (const [path, text] of changes) {
    if (text === null) next.delete(path);
    else next.set(path, text);
  }
  return next;
}

/** Merges entries one call at a time, each reading only the files it names — what the index job does per tag. */
function mergeOneByOne(entries: ReturnType<typeof entry>[]): Map<string, string> {
  let files = new Map<string, string>();
  for (const e of entries) {
    const snapshot: CatalogSnapshot = new Map(filesToRead([e]).map((path) => [path, files.get(path)]));
    files = apply(files, changedFiles(snapshot, mergeCatalog(snapshot, [e])));
  }
  return files;
}

describe('byte-stable JSON', () => {
  it('sorts keys at every depth, drops undefined, and ends with a newline', () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{\n  "a": {\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });
});

describe('plugin file names', () => {
  it('keep lower-case names readable and escape everything else', () => {
    expect(pluginFileName('csv-reader')).toBe('plugins/csv-reader.json');
    expect(pluginFileName('@demo/plugin-http')).toBe('plugins/~40demo~2fplugin-http.json');
    expect(pluginFileName('io.acme:Kafka')).toBe('plugins/io.acme~3a~4bafka.json');
  });

  it('never give two names the same file (case, escapes and dots included)', () => {
    const names = ['a', 'A', '~41', 'a~', '@a/b', 'a/b', '.', '..', '~2e', 'é', 'e'];
    expect(new Set(names.map(pluginFileName)).size).toBe(names.length);
  });
});

describe('merging entries into the catalog', () => {
  const http = (version: string, extra = {}) => entry('@demo/plugin-http', version, extra);

  it('touches only index.json, the page files and the files of the plugins indexed', () => {
    expect(filesToRead([http('1.0.0'), http('1.1.0'), entry('csv', '1.0.0')])).toEqual([
      'index.json',
      'index.html',
      '.nojekyll',
      'plugins/csv.json',
      'plugins/~40demo~2fplugin-http.json',
    ]);
  });

  it('keeps every version, newest first by semver, and lists the highest stable one as latest', () => {
    const files = mergeOneByOne([http('1.9.0'), http('1.10.0'), http('2.0.0-rc.1'), http('1.2.3')]);
    const file = JSON.parse(files.get('plugins/~40demo~2fplugin-http.json')!);
    expect(file.versions.map((v: { version: string }) => v.version)).toEqual(['2.0.0-rc.1', '1.10.0', '1.9.0', '1.2.3']);
    expect(readIndex(files.get('index.json')).plugins[0]).toMatchObject({ name: '@demo/plugin-http', latest: '1.10.0', file: 'plugins/~40demo~2fplugin-http.json' });
  });

  it('replaces a version that is indexed again, and leaves other plugins byte for byte', () => {
    const before = mergeOneByOne([http('1.0.0', { title: 'Old' }), entry('csv', '1.0.0')]);
    const snapshot: CatalogSnapshot = new Map(filesToRead([http('1.0.0')]).map((p) => [p, before.get(p)]));
    const changes = changedFiles(snapshot, mergeCatalog(snapshot, [http('1.0.0', { title: 'New' })]));
    expect([...changes.keys()]).toEqual(['index.json', 'plugins/~40demo~2fplugin-http.json']);
    const after = apply(before, changes);
    expect(after.get('plugins/csv.json')).toBe(before.get('plugins/csv.json'));
    expect(JSON.parse(after.get('plugins/~40demo~2fplugin-http.json')!).versions).toHaveLength(1);
    expect(readIndex(after.get('index.json')).plugins.map((p) => p.title)).toEqual(['New', 'CSV']);
  });

  it('is idempotent: the same entry again changes no file', () => {
    const files = mergeOneByOne([http('1.0.0'), entry('csv', '2.0.0')]);
    const snapshot: CatalogSnapshot = new Map(filesToRead([http('1.0.0')]).map((p) => [p, files.get(p)]));
    expect(changedFiles(snapshot, mergeCatalog(snapshot, [http('1.0.0')])).size).toBe(0);
  });

  it('gives the same bytes whatever the order, and the same bytes as a rebuild', () => {
    const entries = ['z', 'a', 'm'].flatMap((name) => ['1.0.0', '1.1.0', '0.9.0'].map((v) => entry(name, v)));
    const forward = mergeOneByOne(entries);
    const backward = mergeOneByOne([...entries].reverse());
    const rebuilt = buildCatalog(entries);
    const sorted = (files: Map<string, string>) => [...files].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(sorted(backward)).toEqual(sorted(forward));
    expect(sorted(rebuilt)).toEqual(sorted(forward));
  });

  it('prunes plugin files a rebuild no longer makes, and never touches other files', () => {
    const current: CatalogSnapshot = new Map([
      ['plugins/gone.json', '{}'],
      ['CNAME', 'plugins.example.com\n'],
    ]);
    const changes = changedFiles(current, buildCatalog([entry('kept', '1.0.0')]), { prune: true });
    expect(changes.get('plugins/gone.json')).toBeNull();
    expect(changes.has('CNAME')).toBe(false);
    expect(changes.has('plugins/kept.json')).toBe(true);
  });

  it('refuses a hand-edited file that no longer fits the schema, naming it', () => {
    const snapshot: CatalogSnapshot = new Map([['plugins/csv.json', '{"schemaVersion":1,"name":"csv","versions":[{"version":"one"}]}']]);
    expect(() => mergeCatalog(snapshot, [entry('csv', '1.0.0')])).toThrow(expect.objectContaining({ code: 'CATALOG_INVALID', subject: 'plugins/csv.json' }));
    expect(() => readIndex('not json')).toThrow(expect.objectContaining({ code: 'CATALOG_INVALID', subject: 'index.json' }));
  });

  it('writes a page that is the same bytes for every catalog', () => {
    expect(buildCatalog([entry('a', '1.0.0')]).get('index.html')).toBe(catalogPage());
    expect(buildCatalog([entry('b', '2.0.0')]).get('index.html')).toBe(catalogPage());
  });
});

describe('the latest version compatible with a core', () => {
  const index = readIndex(
    buildCatalog([
      entry('a', '1.0.0', { coreRange: '^1.0.0' }),
      entry('a', '2.0.0', { coreRange: '^2.0.0' }),
      entry('a', '2.1.0-beta.1', { coreRange: '^2.0.0' }),
      entry('b', '1.0.0', { coreRange: '>=1.2 <1.4' }),
      entry('c', '1.0.0', { coreRange: undefined }),
    ]).get('index.json'),
  );

  it('is one pass over index.json: each plugin’s newest stable version whose range includes the core', () => {
    expect(compatibleWith(index, '1.3.0')).toEqual({
      core: '1.3.0',
      compatible: [
        { name: 'a', version: '1.0.0', coreRange: '^1.0.0' },
        { name: 'b', version: '1.0.0', coreRange: '>=1.2 <1.4' },
      ],
      incompatible: [],
      undeclared: ['c'],
    });
    expect(compatibleWith(index, '2.4.0').compatible).toEqual([{ name: 'a', version: '2.0.0', coreRange: '^2.0.0' }]);
    expect(compatibleWith(index, '2.4.0').incompatible).toEqual(['b']);
    expect(compatibleWith(index, '2.4.0', { prereleases: true }).compatible[0]?.version).toBe('2.1.0-beta.1');
  });
});

describe('the plugin manifest', () => {
  const valid = { title: 'HTTP', elements: [{ kind: 'task', name: 'http.request' }] };

  it('accepts the minimum: a title and one element', () => {
    expect(checkPluginManifest(valid)).toMatchObject({ ok: true, manifest: { title: 'HTTP', categories: [] } });
  });

  it('names each wrong field with its path, inside package.json’s slipway field', () => {
    const check = checkPluginManifest({ titel: 'x', categories: ['Data Storage'], elements: [{ kind: 'widget', name: 'w' }] }, 'slipway');
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems;
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['slipway.titel', 'slipway.title', 'slipway.categories[0]', 'slipway.elements[0].kind']));
    expect(problems.find((p) => p.field === 'slipway.elements[0].kind')?.message).toContain('task, trigger, condition');
    expect(problems.find((p) => p.field === 'slipway.titel')?.message).toContain('is not a manifest field');
  });

  it('refuses no elements and an element listed twice', () => {
    const empty = checkPluginManifest({ title: 'x', elements: [] });
    expect(empty.ok ? [] : empty.problems).toEqual([{ field: 'elements', message: expect.stringContaining('at least one element') }]);
    const twice = checkPluginManifest({ title: 'x', elements: [{ kind: 'task', name: 'a' }, { kind: 'task', name: 'a' }] });
    expect(twice.ok ? [] : twice.problems).toEqual([{ field: 'elements[1].name', message: 'repeats the task "a"' }]);
  });

  it('a missing manifest names every place it was looked for', () => {
    expect(() => validatedManifest('p', '1.0.0', undefined, ['"slipway" in p/package.json', 'p/slipway-plugin.json'])).toThrow(
      expect.objectContaining({ code: 'METADATA_INVALID', subject: 'p@1.0.0', message: expect.stringContaining('"slipway" in p/package.json, p/slipway-plugin.json') }),
    );
  });

  it('the entry takes the manifest’s overrides, sorts lists, and checks the version against the tag', () => {
    const manifest = { title: 'T', categories: ['b', 'a'], elements: [{ kind: 'trigger' as const, name: 'z' }, { kind: 'task' as const, name: 'y' }], keywords: ['k2', 'k1', 'k1'] };
    const release = { version: '1.0.0', tag: 'p@1.0.0', commit: 'abc', date: '2026-01-01T00:00:00Z' };
    const made = composeEntry({ facts: { name: 'p', ecosystem: 'npm', file: 'p/package.json', version: '1.0.0', description: ' D ' }, manifest, manifestFile: 'p/package.json', release });
    expect(made).toMatchObject({ description: 'D', categories: ['a', 'b'], keywords: ['k1', 'k2'], elements: [{ kind: 'task', name: 'y' }, { kind: 'trigger', name: 'z' }] });
    expect(() => composeEntry({ facts: { name: 'p', ecosystem: 'npm', file: 'p/package.json', version: '0.9.0' }, manifest, manifestFile: 'p/package.json', release })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/p\/package\.json: version is "0\.9\.0" at p@1\.0\.0, but the tag says 1\.0\.0[\s\S]*description is missing/) }),
    );
  });
});

describe('release notes from a changelog', () => {
  const changelog = `# Changelog

## [1.1.0](https://example.test/compare) (2026-01-02)

### Features

* **http:** retries (abc1234)

## 1.0.0 (2026-01-01)

* first
`;

  it('is the version’s section without its heading, up to the next version', () => {
    expect(changelogSection(changelog, '1.1.0')).toBe('### Features\n\n* **http:** retries (abc1234)\n');
    expect(changelogSection(changelog, '1.0.0')).toBe('* first\n');
  });

  it('does not confuse 1.0.0 with 1.0.0-rc.1 or 11.0.0, and is undefined for a version it lacks', () => {
    expect(changelogSection('## 1.0.0-rc.1\n\nrc\n\n## v11.0.0 - 2026\n\neleven\n', '1.0.0')).toBeUndefined();
    expect(changelogSection('## v11.0.0 - 2026\n\neleven\n', '11.0.0')).toBe('eleven\n');
  });
});

describe('icons, links and ranges', () => {
  it('an icon is a file in the plugin folder, a data:image URI or an https URL — nothing else', () => {
    expect(iconSource('./icon.svg')).toEqual({ kind: 'file', path: 'icon.svg' });
    expect(iconSource('https://cdn.example/i.png')).toEqual({ kind: 'inline', uri: 'https://cdn.example/i.png' });
    expect(iconSource('../secret.png')).toHaveProperty('problem');
    expect(iconSource('javascript:alert(1)')).toHaveProperty('problem');
    expect(iconSource('icon.txt')).toHaveProperty('problem');
    expect(iconDataUri('i.svg', new TextEncoder().encode('<svg/>'))).toEqual({ uri: 'data:image/svg+xml;base64,PHN2Zy8+' });
    expect(iconDataUri('i.png', new Uint8Array(200 * 1024))).toHaveProperty('problem');
  });

  it('package.json repository shorthands become web links', () => {
    expect(webUrl('git+https://github.com/a/b.git')).toBe('https://github.com/a/b');
    expect(webUrl('github:a/b')).toBe('https://github.com/a/b');
    expect(webUrl('a/b')).toBe('https://github.com/a/b');
    expect(webUrl('git@github.com:a/b.git')).toBe('https://github.com/a/b');
    expect(webUrl('file:../x')).toBeUndefined();
  });

  it('Python specifiers become semver ranges where they mean the same', () => {
    expect(semverFromPep440('>=1.4,<2')).toBe('>=1.4 <2');
    expect(semverFromPep440('~=1.4')).toBe('^1.4');
    expect(semverFromPep440('~=1.4.2')).toBe('~1.4.2');
    expect(semverFromPep440('==1.4.*')).toBe('1.4.x');
  });

  it('Maven and Gradle version ranges become semver ranges', () => {
    expect(semverFromMavenRange('[0.22,0.23)')).toBe('>=0.22 <0.23');
    expect(semverFromMavenRange('[1.4,)')).toBe('>=1.4');
    expect(semverFromMavenRange('(,2.0]')).toBe('<=2.0');
    expect(semverFromMavenRange('[1.4.2]')).toBe('1.4.2');
    // A plain version is the core the plugin was built against: a minimum (Kestra's kestraVersion).
    expect(semverFromMavenRange('1.3.19')).toBe('>=1.3.19');
    expect(semverFromMavenRange('0.22.1')).toBe('>=0.22.1');
    expect(semverFromMavenRange('${core}')).toBe('${core}');
  });

  it('a catalog token travels as an extraheader for its host only, never in a URL', () => {
    const config = authConfig({ url: 'https://github.com/acme/catalog.git', branch: 'b', token: 's3cret' });
    expect(config).toEqual({ 'http.https://github.com/.extraheader': `AUTHORIZATION: basic ${Buffer.from('x-access-token:s3cret').toString('base64')}` });
    expect(authConfig({ url: '/tmp/catalog.git', branch: 'b', token: 's3cret' })).toEqual({});
    expect(redact('https://user:pw@github.com/a/b.git')).toBe('https://***@github.com/a/b.git');
  });
});

describe('which versions a tag means', () => {
  const tags = new Map<string, RepoTag>(
    ['a@1.0.0', 'a@1.1.0', 'b@2.0.0', 'a@1.x', 'nightly', 'other@1.0.0'].map((name) => [name, { name, commit: `sha-${name}`, date: '2026-01-01T00:00:00Z' }]),
  );
  const context: TagContext = { format: tagFormat('{name}@{version}'), plugins: ['a', 'b'], single: false, tags };

  it('reads a pushed ref, and lists written by people and workflows', () => {
    expect(splitTagList('refs/tags/a@1.0.0, b@2.0.0\nc@1.0.0')).toEqual(['a@1.0.0', 'b@2.0.0', 'c@1.0.0']);
    expect(selectTags(['refs/tags/a@1.1.0'], context).targets).toEqual([{ plugin: 'a', version: '1.1.0', tag: 'a@1.1.0', commit: 'sha-a@1.1.0', date: '2026-01-01T00:00:00Z' }]);
  });

  it('skips tags of no plugin of the fleet with a reason', () => {
    expect(selectTags(['nightly', 'other@1.0.0', 'b@2.0.0'], context)).toMatchObject({
      targets: [{ plugin: 'b', version: '2.0.0' }],
      skipped: [
        { tag: 'nightly', reason: expect.stringContaining('not a release tag') },
        { tag: 'other@1.0.0', reason: 'no plugin named "other" in this fleet' },
      ],
    });
  });

  it('fails on malformed and missing tags, naming each', () => {
    expect(() => selectTags(['a@1.x'], context)).toThrow(expect.objectContaining({ code: 'TAG_INVALID', subject: 'a@1.x', message: expect.stringContaining('"1.x", which is not semver') }));
    expect(() => selectTags(['a@2.0.0', 'b'], context)).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/"a@2\.0\.0" does not exist[\s\S]*"b" looks like a release of b/) }),
    );
  });

  it('a fleet of one reads v-tags as its own', () => {
    const single: TagContext = { format: tagFormat('v{version}'), plugins: ['solo'], single: true, tags: new Map([['v1.2.0', { name: 'v1.2.0', commit: 'x', date: 'd' }]]) };
    expect(selectTags(['v1.2.0'], single).targets[0]).toMatchObject({ plugin: 'solo', version: '1.2.0' });
  });

  it('a reindex selects one plugin’s versions, or one version, skipping malformed history', () => {
    expect(selectReleased(context, { plugin: 'a' })).toMatchObject({ targets: [{ version: '1.0.0' }, { version: '1.1.0' }], skipped: [{ tag: 'a@1.x' }] });
    expect(selectReleased(context, { plugin: 'a', version: '1.1.0' }).targets).toHaveLength(1);
    expect(() => selectReleased(context, { plugin: 'a', version: '3.0.0' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('tag "a@3.0.0" does not exist') }));
    expect(() => selectReleased(context, { plugin: 'zzz' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', subject: 'zzz' }));
  });
});
