/**
 * The changelog section of one release, in the conventional-changelog layout that
 * release-please and semantic-release users already read:
 *
 *   ## 1.3.0 (2026-01-02)
 *
 *   ### ⚠ BREAKING CHANGES
 *   * **api:** the note text
 *
 *   ### Features
 *   * **api:** add retries (abc1234) — Alice
 *
 * The author's name follows the commit where it is known (release.changelogAuthors), escaped so
 * no name can make a link, an image, HTML or a mention.
 */
import type { DependencyUpdate, PlannedCommit } from '../plan/release-plan.ts';
import { markdownLiteral } from '../text/escape-markdown.ts';

export interface ChangelogInput {
  version: string;
  date: string;
  commits: readonly (PlannedCommit & { breakingNotes?: readonly string[] })[];
  dependencyUpdates: readonly DependencyUpdate[];
  /** The released version of each updated dependency, for ranges that do not say it (`workspace:^`). */
  dependencyVersions?: ReadonlyMap<string, string> | undefined;
  /** Summaries of the plugin's pending changesets, each under its bump (changesets' own layout). */
  notes?: ReadonlyArray<{ bump: 'major' | 'minor' | 'patch'; summary: string }> | undefined;
  /** https://github.com/owner/repo — commit SHAs, pull requests and the compare view become links when given. */
  repoUrl?: string | undefined;
  /** The previous release's tag and this one's: the heading links to the compare view. */
  compare?: { from: string; to: string } | undefined;
}

const SECTIONS: ReadonlyArray<[type: string, title: string]> = [
  ['feat', 'Features'],
  ['fix', 'Bug Fixes'],
  ['perf', 'Performance Improvements'],
  ['revert', 'Reverts'],
];
const OTHER_TITLE = 'Other Changes';

/** A changeset summary as one list item: its first line after `* `, the rest indented under it. */
function bulleted(summary: string): string {
  const [first = '', ...rest] = summary.split(/\r?\n/);
  return [`* ${first}`, ...rest.map((line) => (line.trim() ? `  ${line}` : ''))].join('\n');
}

export function renderChangelogSection(input: ChangelogInput): string {
  const heading = input.repoUrl && input.compare
    ? `[${input.version}](${input.repoUrl}/compare/${encodeURIComponent(input.compare.from)}...${encodeURIComponent(input.compare.to)})`
    : input.version;
  const lines: string[] = [`## ${heading} (${input.date})`];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push('', `### ${title}`, '', ...items);
  };
  const ref = (sha: string) => {
    const short = sha.slice(0, 7);
    return input.repoUrl ? `([${short}](${input.repoUrl}/commit/${sha}))` : `(${short})`;
  };
  // A squash merge's "(#123)" links to its pull request.
  const linked = (text: string) => (input.repoUrl ? text.replace(/\(#(\d+)\)/g, (_, n: string) => `([#${n}](${input.repoUrl}/pull/${n}))`) : text);
  const scoped = (scope: string | null, text: string) => `* ${scope ? `**${scope}:** ` : ''}${linked(text)}`;
  const by = (author: string | undefined) => (author ? ` — ${markdownLiteral(author)}` : '');
  const item = (c: ChangelogInput['commits'][number]) => `${scoped(c.scope, c.subject)} ${ref(c.sha)}${by(c.author)}`;

  for (const [bump, title] of [['major', 'Major Changes'], ['minor', 'Minor Changes'], ['patch', 'Patch Changes']] as const) {
    section(title, (input.notes ?? []).filter((n) => n.bump === bump).map((n) => bulleted(n.summary)));
  }
  section(
    '⚠ BREAKING CHANGES',
    input.commits
      .filter((commit) => commit.breaking)
      .flatMap((commit) => (commit.breakingNotes?.length ? commit.breakingNotes : [commit.subject]).map((note) => scoped(commit.scope, note))),
  );
  const known = new Set(SECTIONS.map(([type]) => type));
  for (const [type, title] of SECTIONS) {
    section(title, input.commits.filter((c) => c.type === type).map(item));
  }
  section(OTHER_TITLE, input.commits.filter((c) => !known.has(c.type)).map(item));
  section(
    'Dependencies',
    input.dependencyUpdates.map((update) => {
      const version = input.dependencyVersions?.get(update.name);
      const kind = update.kind === 'runtime' ? '' : ` (${update.kind})`;
      // A `workspace:` range says no version: name the released one.
      return update.from === update.to && version ? `* **${update.name}:** ${version} (${update.from})${kind}` : `* **${update.name}:** ${update.from} → ${update.to}${kind}`;
    }),
  );
  return lines.join('\n') + '\n';
}
