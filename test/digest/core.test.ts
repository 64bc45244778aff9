import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/core/digest/compose-digest.ts';
import { createMark, parseMark } from '../../src/core/digest/mark.ts';
import { findChangelogSection, parseReleaseNotes } from '../../src/core/digest/release-notes.ts';
import { bumpKind, releaseKind, versionFromTag, type ShippedRelease } from '../../src/core/digest/release.ts';
import { renderDigestMarkdown } from '../../src/core/digest/render-markdown.ts';
import { digestWindow, isoWeek, windowOf } from '../../src/core/digest/window.ts';
import { renderChangelogSection } from '../../src/core/versioning/changelog.ts';
import type { PluginName, Sha } from '../../src/core/types.ts';

const sha = (s: string) => s.padEnd(40, '0') as Sha;

describe('reading release notes back from a changelog', () => {
  it('reads every section slipway writes, without scopes and commit references', () => {
    const section = renderChangelogSection({
      version: '2.0.0',
      date: '2026-01-02',
      repoUrl: 'https://github.com/acme/fleet',
      commits: [
        { sha: sha('aaaaaaa'), type: 'feat', scope: 'api', subject: 'stream large files', breaking: true, breakingNotes: ['read() now returns a stream'] },
        { sha: sha('bbbbbbb'), type: 'fix', scope: null, subject: 'handle empty rows', breaking: false, author: 'Bob [the] Builder' },
        { sha: sha('ccccccc'), type: 'perf', scope: 'csv', subject: 'faster parsing', breaking: false },
        { sha: sha('ddddddd'), type: 'revert', scope: null, subject: 'feat: colours', breaking: false },
        { sha: sha('eeeeeee'), type: 'docs', scope: null, subject: 'explain retries', breaking: false },
      ],
      dependencyUpdates: [{ name: '@demo/plugin-http' as PluginName, kind: 'runtime', from: '^1.2.0', to: '^1.3.0' }],
    });
    const changelog = `# Changelog\n\n${section}\n## 1.9.0 (2025-12-01)\n\n### Features\n\n* older (1234567)\n`;
    const found = findChangelogSection(changelog, '2.0.0');
    expect(found?.date).toBe('2026-01-02');
    expect(parseReleaseNotes(found!.body)).toEqual({
      breaking: [{ scope: 'api', text: 'read() now returns a stream' }],
      features: [{ scope: 'api', text: 'stream large files' }],
      fixes: [{ scope: null, text: 'handle empty rows' }],
      performance: [{ scope: 'csv', text: 'faster parsing' }],
      reverts: [{ scope: null, text: 'feat: colours' }],
      other: [{ scope: null, text: 'explain retries' }],
      dependencies: [{ name: '@demo/plugin-http', from: '^1.2.0', to: '^1.3.0' }],
    });
  });

  it('finds release-please headings and reads its GitHub Release bodies', () => {
    const body = [
      '## [1.4.0](https://github.com/acme/x/compare/v1.3.0...v1.4.0) (2026-01-05)',
      '',
      '',
      '### Features',
      '',
      '* **parser:** accept tabs ([0a1b2c3](https://github.com/acme/x/commit/0a1b2c3d))',
      '* multi-line notes',
      '  continue here',
      '',
      '### Dependencies',
      '',
      '* The following workspace dependencies were updated',
      '  * dependencies',
      '    * @acme/core bumped from 1.0.0 to 1.1.0',
    ].join('\n');
    expect(findChangelogSection(body, '1.4.0')?.date).toBe('2026-01-05');
    const notes = parseReleaseNotes(body);
    expect(notes.features).toEqual([
      { scope: 'parser', text: 'accept tabs' },
      { scope: null, text: 'multi-line notes continue here' },
    ]);
    expect(notes.dependencies).toEqual([{ name: '@acme/core', from: '1.0.0', to: '1.1.0' }]);
  });

  it('keeps text it does not recognise as other changes instead of dropping it', () => {
    const notes = parseReleaseNotes("## What's Changed\n* Bump lodash by @bot in #12\n\nPlain words.");
    expect(notes.other.map((n) => n.text)).toEqual(['Bump lodash by @bot in #12', 'Plain words.']);
  });

  it('does not mistake 1.2.10 for 1.2.1', () => {
    expect(findChangelogSection('## 1.2.10 (2026-01-02)\n\n* a\n\n## 1.2.1 (2026-01-01)\n\n* b\n', '1.2.1')?.date).toBe('2026-01-01');
  });
});

describe('classifying a release', () => {
  const release = (previous: string | null, version: string, notes = parseReleaseNotes('')) => ({ previous, version, notes });

  it('names the bump by how the version moved', () => {
    expect(bumpKind('1.2.3', '2.0.0')).toBe('major');
    expect(bumpKind('0.2.0', '0.3.0')).toBe('minor');
    expect(bumpKind('1.2.3', '1.2.4')).toBe('patch');
    expect(bumpKind('1.2.3', '1.3.0-next.0')).toBe('prerelease');
    expect(bumpKind(null, '1.0.0')).toBe('initial');
  });

  it('files a release under its most significant change; dependency-only releases are version bumps', () => {
    expect(releaseKind(release('0.2.0', '0.3.0', parseReleaseNotes('### ⚠ BREAKING CHANGES\n\n* x\n\n### Features\n\n* y')))).toBe('breaking');
    expect(releaseKind(release('1.0.0', '1.1.0', parseReleaseNotes('### Features\n\n* y\n\n### Bug Fixes\n\n* z')))).toBe('features');
    expect(releaseKind(release('1.0.0', '1.0.1', parseReleaseNotes('### Performance Improvements\n\n* z')))).toBe('fixes');
    expect(releaseKind(release('1.0.0', '1.0.1', parseReleaseNotes('### Dependencies\n\n* **a:** ^1.0.0 → ^1.1.0')))).toBe('version-bump');
  });

  it('treats a stable major without readable notes as breaking, as semver says it is', () => {
    expect(releaseKind({ previous: '1.4.0', version: '2.0.0', notes: null })).toBe('breaking');
    expect(releaseKind({ previous: '0.4.0', version: '0.5.0', notes: null })).toBe('version-bump');
  });

  it('reads versions from the tag shapes plugin repositories use', () => {
    expect(versionFromTag('v1.2.0')).toBe('1.2.0');
    expect(versionFromTag('@acme/x@1.2.0-next.1')).toBe('1.2.0-next.1');
    expect(versionFromTag('my-plugin-v3.0.1')).toBe('3.0.1');
    expect(versionFromTag('nightly')).toBeUndefined();
  });
});

describe('the digest window', () => {
  const now = new Date('2025-03-10T09:30:00Z');

  it('covers the last defaultDays whole days when no digest is recorded', () => {
    expect(digestWindow({ now, defaultDays: 7 }).window).toEqual(windowOf('2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z'));
  });

  it('starts where the last completed digest ended', () => {
    const last = { since: '2025-02-24T00:00:00.000Z', until: '2025-03-01T00:00:00.000Z' };
    expect(digestWindow({ now, defaultDays: 7, last }).window.since).toBe('2025-03-01T00:00:00.000Z');
  });

  it('covers the same window again when run again on the day it completed', () => {
    const last = { since: '2025-03-03T00:00:00.000Z', until: '2025-03-10T00:00:00.000Z' };
    expect(digestWindow({ now, defaultDays: 7, last })).toEqual({ window: windowOf(last.since, last.until), rerun: true });
  });

  it('refuses an empty window with a hint', () => {
    expect(() => digestWindow({ now, defaultDays: 7, since: '2025-03-10', until: '2025-03-01' })).toThrow(/empty/);
  });

  it('names the ISO week of the last day, across a year boundary too', () => {
    expect(isoWeek(windowOf('2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z'))).toBe('2025-W10');
    expect(isoWeek(windowOf('2020-12-28T00:00:00.000Z', '2021-01-04T00:00:00.000Z'))).toBe('2020-W53');
  });
});

describe('composing and rendering the digest', () => {
  const window = windowOf('2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z');
  const shipped = (plugin: string, previous: string | null, version: string, notes: string, releasedAt = '2025-03-04T10:00:00.000Z'): ShippedRelease => ({
    plugin, previous, version, tag: `${plugin}@${version}`, releasedAt, url: null, notes: parseReleaseNotes(notes),
  });

  it('keeps only releases inside the window and groups them, with per-type counts and headline numbers', () => {
    const digest = composeDigest(window, [
      shipped('b', '1.0.0', '1.1.0', '### Features\n\n* new\n\n### Bug Fixes\n\n* one\n* two'),
      shipped('a', '1.0.0', '1.0.1', '### Dependencies\n\n* **b:** ^1.0.0 → ^1.1.0'),
      shipped('c', '0.1.0', '0.2.0', '### ⚠ BREAKING CHANGES\n\n* gone'),
      shipped('old', '1.0.0', '1.0.1', '### Bug Fixes\n\n* x', '2025-03-02T23:59:59.000Z'),
      shipped('late', '1.0.0', '1.0.1', '### Bug Fixes\n\n* x', '2025-03-10T00:00:00.000Z'),
    ]);
    expect(digest.entries.map((e) => [e.key, e.kind, e.bump])).toEqual([
      ['c@0.2.0', 'breaking', 'minor'],
      ['b@1.1.0', 'features', 'minor'],
      ['a@1.0.1', 'version-bump', 'patch'],
    ]);
    expect(digest.headline).toEqual({
      releases: 3,
      plugins: 3,
      byKind: { breaking: 1, features: 1, fixes: 0, 'version-bump': 1 },
      changes: { breaking: 1, features: 1, fixes: 2, dependencies: 1, other: 0 },
    });
    const markdown = renderDigestMarkdown(digest);
    expect(markdown).toContain('**3 releases of 3 plugins: 1 breaking, 1 with new features, 1 version bump.**');
    expect(markdown).toContain('- **b** 1.0.0 → **1.1.0** · minor · 2025-03-04 · 1 feature · 2 fixes\n  - Feature: new\n  - Fix: one\n  - Fix: two');
    expect(markdown).not.toContain('Bug fixes (');
  });

  it('says plainly when nothing shipped', () => {
    expect(renderDigestMarkdown(composeDigest(window, []))).toContain('No releases in this window.');
  });
});

describe('the last-digest mark', () => {
  it('round-trips and names the problem when it is damaged', () => {
    const mark = createMark(windowOf('2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z'), { completedAt: new Date('2025-03-10T09:00:00Z'), sinks: ['slack'], releases: 2 });
    expect(parseMark(JSON.stringify(mark), 'refs/slipway/digest')).toEqual(mark);
    expect(() => parseMark('{"schemaVersion":1}', 'refs/slipway/digest')).toThrow(/since/);
  });
});
