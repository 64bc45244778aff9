/**
 * A synthetic GitHub organisation of plugin repositories for the org-mode digest, seeded into
 * the local GitHub server's state (test/servers/github): `repositories` plugin repositories
 * with the plugin topic, each with a 1.0.0 release in January, and `releasing` of them with a
 * release in the digest week — a mix of breaking, feature, fix and dependency-only releases.
 *
 * Three repositories are special, to exercise the paths a plain week would not:
 *   plugin-0003  eight releases in the week: more than the listing query reads per repository,
 *                so its releases (and the one before the week) are paged further
 *   plugin-0005  also a draft release in the week: drafts have not shipped and are left out
 *   plugin-0007  a release with 250 features and one 5,000-character note: more than one
 *                Slack section, more than 100 Notion blocks, more than one rich text item
 */
import type { GitHubState } from '../test/servers/github/index.ts';

export interface SyntheticOrgOptions {
  org: string;
  topic: string;
  repositories: number;
  /** How many of them release in the week (the first ones). */
  releasing: number;
  /** Monday 00:00 UTC of the digest week. */
  weekStart: Date;
}

export interface SyntheticOrg {
  /** Releases a digest of the week must list. */
  releasesInWeek: number;
  /** The 5,000-character note's character (it appears nowhere else). */
  longNoteChar: string;
  longNoteLength: number;
}

export const LONG_NOTE_CHAR = 'ø';
const LONG_NOTE_LENGTH = 5000;

export const repositoryName = (index: number) => `plugin-${String(index).padStart(4, '0')}`;

export function seedSyntheticOrg(state: GitHubState, options: SyntheticOrgOptions): SyntheticOrg {
  const { org } = options;
  state.addOrg(org);
  let releasesInWeek = 0;
  const week = options.weekStart.getTime();
  const at = (dayOffset: number, seconds: number) => new Date(week + dayOffset * 86_400_000 + seconds * 1000).toISOString();

  for (let i = 0; i < options.repositories; i++) {
    const name = repositoryName(i);
    const full = `${org}/${name}`;
    state.addRepo(full, { topics: [options.topic, 'plugin'], createdAt: '2024-06-01T00:00:00Z' });
    state.addRelease(full, { tagName: 'v1.0.0', body: releaseBody('1.0.0', '2025-01-06', '### Features\n\n* first release'), createdAt: `2025-01-06T12:00:00Z` });
    if (i >= options.releasing) continue;

    const createdAt = at(i % 6, 3600 + i);
    if (i === 3) {
      for (let patch = 1; patch <= 8; patch++) {
        state.addRelease(full, { tagName: `v1.0.${patch}`, body: releaseBody(`1.0.${patch}`, createdAt.slice(0, 10), `### Bug Fixes\n\n* fix number ${patch}`), createdAt: at(patch % 6, 60 * patch) });
      }
      releasesInWeek += 8;
      continue;
    }
    if (i === 5) state.addRelease(full, { tagName: 'v9.9.9', body: 'not yet', draft: true, createdAt });
    if (i === 7) {
      const features = Array.from({ length: 250 }, (_, n) => `* **api:** feature number ${n + 1} of a very busy week`);
      features.push(`* **docs:** ${LONG_NOTE_CHAR.repeat(LONG_NOTE_LENGTH)}`);
      state.addRelease(full, { tagName: 'v1.1.0', body: releaseBody('1.1.0', createdAt.slice(0, 10), `### Features\n\n${features.join('\n')}`), createdAt });
      releasesInWeek += 1;
      continue;
    }
    const [version, notes] = RELEASES[i % RELEASES.length]!;
    state.addRelease(full, { tagName: `v${version}`, body: releaseBody(version, createdAt.slice(0, 10), notes), createdAt });
    releasesInWeek += 1;
  }
  return { releasesInWeek, longNoteChar: LONG_NOTE_CHAR, longNoteLength: LONG_NOTE_LENGTH };
}

/** One release of each kind, in the conventional-changelog layout of a release-please body. */
const RELEASES: ReadonlyArray<[version: string, notes: string]> = [
  ['2.0.0', '### ⚠ BREAKING CHANGES\n\n* **config:** `timeout` is now in seconds\n\n### Features\n\n* **config:** accept durations ([1a2b3c4](https://github.com/acme/x/commit/1a2b3c4))'],
  ['1.1.0', '### Features\n\n* **io:** stream large files ([5d6e7f8](https://github.com/acme/x/commit/5d6e7f8))'],
  ['1.0.1', '### Bug Fixes\n\n* **io:** close handles on error\n\n### Performance Improvements\n\n* cache lookups'],
  ['1.0.1', '### Dependencies\n\n* The following workspace dependencies were updated\n  * dependencies\n    * @acme/core bumped from 1.0.0 to 1.1.0'],
];

function releaseBody(version: string, date: string, notes: string): string {
  return `## [${version}](https://github.com/acme/x/compare/v1.0.0...v${version}) (${date})\n\n\n${notes}\n`;
}
