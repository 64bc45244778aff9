import { describe, expect, it } from 'vitest';
import type { Sha } from '../../src/core/types.ts';
import { renderChangelogSection } from '../../src/core/versioning/changelog.ts';

const sha = 'abcdef1'.padEnd(40, '0') as Sha;

describe('changelog links', () => {
  it('the heading links to the compare view from the last release, and "(#123)" to its pull request', () => {
    const text = renderChangelogSection({
      version: '1.1.0',
      date: '2026-03-01',
      commits: [{ sha, type: 'feat', scope: 'http', subject: 'retry on 503 (#123)', breaking: false }],
      dependencyUpdates: [],
      repoUrl: 'https://github.com/acme/plugins',
      compare: { from: '@acme/http@1.0.0', to: '@acme/http@1.1.0' },
    });
    expect(text).toBe(
      '## [1.1.0](https://github.com/acme/plugins/compare/%40acme%2Fhttp%401.0.0...%40acme%2Fhttp%401.1.0) (2026-03-01)\n\n### Features\n\n' +
        `* **http:** retry on 503 ([#123](https://github.com/acme/plugins/pull/123)) ([abcdef1](https://github.com/acme/plugins/commit/${sha}))\n`,
    );
  });

  it('without a repository URL or a last release: plain heading, plain text', () => {
    const text = renderChangelogSection({ version: '1.0.0', date: '2026-03-01', commits: [{ sha, type: 'fix', scope: null, subject: 'crash (#9)', breaking: false }], dependencyUpdates: [] });
    expect(text).toBe('## 1.0.0 (2026-03-01)\n\n### Bug Fixes\n\n* crash (#9) (abcdef1)\n');
  });
});
