import { describe, expect, it } from 'vitest';
import type { PluginName, Sha } from '../../src/core/types.ts';
import { renderChangelogSection } from '../../src/core/versioning/changelog.ts';
import { updatedRange } from '../../src/core/versioning/dependency-range.ts';

const commit = (sha: string, type: string, subject: string, extra: { scope?: string; breaking?: boolean; breakingNotes?: string[]; author?: string } = {}) => ({
  sha: sha.padEnd(40, '0') as Sha,
  type,
  scope: extra.scope ?? null,
  subject,
  breaking: extra.breaking ?? false,
  breakingNotes: extra.breakingNotes,
  ...(extra.author === undefined ? {} : { author: extra.author }),
});

describe('changelog section', () => {
  it('groups breaking changes, features, fixes and dependencies, in that order', () => {
    const text = renderChangelogSection({
      version: '2.0.0',
      date: '2026-01-02',
      commits: [
        commit('aaaaaaa1', 'fix', 'handle empty rows', { scope: 'csv' }),
        commit('bbbbbbb2', 'feat', 'stream large files', { breaking: true, breakingNotes: ['read() now returns a stream'] }),
        commit('ccccccc3', 'perf', 'faster parsing'),
      ],
      dependencyUpdates: [{ name: '@demo/plugin-http' as PluginName, kind: 'runtime', from: '^1.2.0', to: '^1.3.0' }],
    });
    expect(text).toBe(
      [
        '## 2.0.0 (2026-01-02)',
        '',
        '### ⚠ BREAKING CHANGES',
        '',
        '* read() now returns a stream',
        '',
        '### Features',
        '',
        '* stream large files (bbbbbbb)',
        '',
        '### Bug Fixes',
        '',
        '* **csv:** handle empty rows (aaaaaaa)',
        '',
        '### Performance Improvements',
        '',
        '* faster parsing (ccccccc)',
        '',
        '### Dependencies',
        '',
        '* **@demo/plugin-http:** ^1.2.0 → ^1.3.0',
        '',
      ].join('\n'),
    );
  });

  it('links commits when the repository URL is known', () => {
    const text = renderChangelogSection({
      version: '1.0.1',
      date: '2026-01-02',
      commits: [commit('abcdef1', 'fix', 'x')],
      dependencyUpdates: [],
      repoUrl: 'https://github.com/acme/plugins',
    });
    expect(text).toContain('* x ([abcdef1](https://github.com/acme/plugins/commit/abcdef1000000000000000000000000000000000))');
  });

  it('names each commit\'s author after its reference, where known', () => {
    const text = renderChangelogSection({
      version: '1.1.0',
      date: '2026-01-02',
      commits: [commit('abcdef1', 'feat', 'add retries', { scope: 'api', author: 'Alice Zhang' }), commit('bbbbbbb', 'fix', 'no author known')],
      dependencyUpdates: [],
      repoUrl: 'https://github.com/acme/plugins',
    });
    expect(text).toContain('* **api:** add retries ([abcdef1](https://github.com/acme/plugins/commit/abcdef1000000000000000000000000000000000)) — Alice Zhang\n');
    expect(text).toContain('* no author known ([bbbbbbb](https://github.com/acme/plugins/commit/bbbbbbb000000000000000000000000000000000))\n');
  });

  it('a hostile author name stays text: no link, image, HTML, code, emphasis, mention or extra line', () => {
    const author = 'x](http://evil) <img src=x> @everyone\n## Owned `c` *b* _i_ ![i](y) &lt;';
    const text = renderChangelogSection({ version: '1.1.0', date: '2026-01-02', commits: [commit('abcdef1', 'fix', 'ok', { author })], dependencyUpdates: [] });
    const line = text.split('\n').find((l) => l.startsWith('* ok'))!;
    const shown = line.slice(line.indexOf(' — ') + 3);
    // One line: the name cannot start a heading or a list item of its own.
    expect(text.split('\n').filter((l) => l.includes('Owned'))).toEqual([line]);
    // With every backslash escape taken out, no Markdown or HTML syntax character is left bare.
    expect(shown.replace(/\\[\\`*_[\]()<>&!~|#:{}]/g, '')).not.toMatch(/[\\`*_[\]()<>&!~|#]/);
    // A mention needs "@" right before the name: a zero-width space sits in between.
    expect(shown).not.toMatch(/@[A-Za-z]/);
    expect(shown).toContain('@\u200beveryone');
    expect(shown).toBe(String.raw`x\]\(http\://evil\) \<img src=x\> @` + '\u200b' + String.raw`everyone \#\# Owned \`c\` \*b\* \_i\_ \!\[i\]\(y\) \&lt;`);
  });
});

describe('the range a dependent writes for a released dependency', () => {
  it.each([
    ['^1.2.0', '1.3.0', '^1.3.0'],
    ['~1.2.0', '1.2.1', '~1.2.1'],
    ['1.2.0', '1.2.1', '1.2.1'],
    ['>=1.2.0', '2.0.0', '>=2.0.0'],
    ['workspace:*', '2.0.0', 'workspace:*'],
    ['*', '2.0.0', '*'],
    ['>=1.0.0 <3.0.0', '2.0.0', '>=1.0.0 <3.0.0'],
    ['>=1.0.0 <2.0.0', '2.0.0', '^2.0.0'],
  ])('%s with %s released → %s', (range, version, expected) => {
    expect(updatedRange(range, version)).toBe(expected);
  });
});
