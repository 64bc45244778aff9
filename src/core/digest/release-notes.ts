/**
 * A release's notes, read back from the changelog section slipway writes
 * (src/core/versioning/changelog.ts) or from a GitHub Release body in the same
 * conventional-changelog layout (release-please, semantic-release):
 *
 *   ## 1.3.0 (2026-01-02)                 or  ## [1.3.0](https://…/compare/…) (2026-01-02)
 *
 *   ### ⚠ BREAKING CHANGES
 *   * **api:** the note text
 *
 *   ### Features
 *   * **api:** add retries ([abc1234](https://…/commit/abc1234))
 *
 *   ### Dependencies
 *   * **@demo/plugin-http:** ^1.1.0 → ^1.2.0
 *
 * Nothing is dropped: items under headings we do not know land in `other`, and text that is
 * not a list item becomes a note of its own.
 */

export interface ChangeNote {
  scope: string | null;
  /** The note as written (Markdown), without its scope and commit reference. */
  text: string;
}

export interface DependencyNote {
  /** The dependency's name, or the whole line when it could not be read as `name: from → to`. */
  name: string;
  from: string | null;
  to: string | null;
}

export interface ReleaseNotes {
  breaking: ChangeNote[];
  features: ChangeNote[];
  fixes: ChangeNote[];
  performance: ChangeNote[];
  reverts: ChangeNote[];
  other: ChangeNote[];
  dependencies: DependencyNote[];
}

type NoteList = Exclude<keyof ReleaseNotes, 'dependencies'> | 'dependencies';

export const emptyNotes = (): ReleaseNotes => ({
  breaking: [],
  features: [],
  fixes: [],
  performance: [],
  reverts: [],
  other: [],
  dependencies: [],
});

/** Section titles of conventional-changelog presets (ours, release-please's, semantic-release's). */
const TITLES: ReadonlyArray<[RegExp, NoteList]> = [
  [/breaking/i, 'breaking'],
  [/^features?$/i, 'features'],
  [/^bug ?fix(es)?$|^fix(es)?$/i, 'fixes'],
  [/^performance( improvements)?$/i, 'performance'],
  [/^reverts?$/i, 'reverts'],
  [/^dependenc(y|ies)( updates)?$/i, 'dependencies'],
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface ChangelogSection {
  /** The section's body: everything under its heading, up to the next version heading. */
  body: string;
  /** The date in the heading (YYYY-MM-DD), when there is one. */
  date: string | null;
}

/**
 * The section of `version` in a whole CHANGELOG.md, or undefined. Version headings are
 * `#` or `##` (conventional-changelog writes `#` for majors in some presets), with the
 * version bare, in brackets or as a link.
 */
export function findChangelogSection(changelog: string, version: string): ChangelogSection | undefined {
  const heading = new RegExp(`^#{1,2} \\[?v?${escapeRegExp(version)}\\]?(?:\\([^)]*\\))?(?:\\s+\\((\\d{4}-\\d{2}-\\d{2})\\))?\\s*$`);
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const date = heading.exec(lines[start]!)?.[1] ?? null;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^#{1,2} /.test(lines[i]!)) {
      end = i;
      break;
    }
  }
  return { body: lines.slice(start + 1, end).join('\n'), date };
}

/** The notes of one section body (or a whole GitHub Release body). */
export function parseReleaseNotes(body: string): ReleaseNotes {
  const notes = emptyNotes();
  let list: NoteList = 'other';
  let current: string[] | undefined;
  const items: Array<{ list: NoteList; text: string }> = [];
  const flush = () => {
    if (current) items.push({ list, text: current.join(' ').trim() });
    current = undefined;
  };

  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const title = heading[1]!.replace(/\u26a0\ufe0f?|:/gu, '').trim();
      // A version heading (a GitHub Release body starts with one) is not a section.
      if (/^\[?v?\d+\.\d+\.\d+/.test(title)) continue;
      list = TITLES.find(([pattern]) => pattern.test(title))?.[1] ?? 'other';
      continue;
    }
    const item = /^\s*[*-]\s+(.*)$/.exec(line);
    if (item) {
      flush();
      current = [item[1]!];
    } else if (line.trim() === '') {
      flush();
    } else if (current) {
      current.push(line.trim()); // a wrapped item continues on indented lines
    } else {
      current = [line.trim()];
    }
  }
  flush();

  for (const { list: into, text } of items) {
    if (!text || (into === 'dependencies' && RELEASE_PLEASE_FILLER.test(text))) continue;
    if (into === 'dependencies') notes.dependencies.push(dependencyNote(text));
    else notes[into].push(changeNote(text));
  }
  return notes;
}

// release-please nests its dependency lines under these two labels, which say nothing themselves.
const RELEASE_PLEASE_FILLER = /^(?:The following workspace dependencies were updated|(?:dev|peer|optional)?[dD]ependencies)$/;

function changeNote(text: string): ChangeNote {
  const scoped = /^\*\*([^*]+?):\*\*\s+(.*)$/.exec(text);
  const scope = scoped ? scoped[1]! : null;
  const rest = scoped ? scoped[2]! : text;
  // The commit reference our changelog and release-please append: (abc1234) or ([abc1234](url)),
  // with ours followed by " — Author": a digest lists changes, not who made them.
  const withoutRef = rest.replace(/\s+\((?:\[[0-9a-f]{7,40}\]\([^)]*\)|[0-9a-f]{7,40})\)(?: — .+)?$/, '');
  return { scope, text: withoutRef };
}

function dependencyNote(text: string): DependencyNote {
  // ours: **name:** from → to; release-please: "name bumped from x to y" (optionally with "* " nesting)
  const ours = /^\*\*(.+?):\*\*\s+(\S+)\s+(?:→|->)\s+(\S+)$/.exec(text);
  if (ours) return { name: ours[1]!, from: ours[2]!, to: ours[3]! };
  const bumped = /^(\S+) bumped from (\S+) to (\S+)$/.exec(text);
  if (bumped) return { name: bumped[1]!, from: bumped[2]!, to: bumped[3]! };
  const bumpedTo = /^(\S+) bumped to (\S+)$/.exec(text);
  if (bumpedTo) return { name: bumpedTo[1]!, from: null, to: bumpedTo[2]! };
  return { name: text, from: null, to: null };
}
