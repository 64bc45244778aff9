/**
 * Prepending a release's section to a plugin's changelog file, at most once.
 *
 * The section goes above the newest existing `## ` section, below whatever the file starts with
 * (its `# Changelog` title and any introduction). A file with no section yet gets it at the end;
 * a missing file is created with a `# Changelog` title. If the file already has a section for
 * this version — written by an earlier, interrupted run, or by hand — nothing is added: a
 * changelog never shows a version twice.
 */

export const CHANGELOG_TITLE = '# Changelog';

export interface ChangelogEdit {
  text: string;
  /** False when the section was already there. */
  changed: boolean;
}

export function prependChangelogSection(existing: string | undefined, section: string, version: string): ChangelogEdit {
  if (existing === undefined || existing.trim() === '') {
    return { text: `${CHANGELOG_TITLE}\n\n${withNewline(section)}`, changed: true };
  }
  if (hasVersionSection(existing, version)) return { text: existing, changed: false };

  // Keep the file's own line endings.
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const block = withNewline(section).replace(/\r?\n/g, eol);
  const lines = existing.split(eol);
  const firstSection = lines.findIndex((line) => line.startsWith('## '));
  if (firstSection === -1) {
    const body = existing.endsWith(eol) ? existing : existing + eol;
    return { text: `${body}${body.endsWith(eol + eol) ? '' : eol}${block}`, changed: true };
  }
  const after = lines.slice(firstSection).join(eol);
  let head = firstSection === 0 ? '' : lines.slice(0, firstSection).join(eol) + eol;
  if (head !== '' && !head.endsWith(eol + eol)) head += eol;
  return { text: `${head}${block}${eol}${after}`, changed: true };
}

/**
 * Whether a `## <version>` heading is already in the text, in the layouts changelog tools
 * write: `## 1.2.0 (2026-01-02)`, `## [1.2.0](compare-url) (2026-01-02)`, `## v1.2.0`.
 */
export function hasVersionSection(text: string, version: string): boolean {
  const v = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^##\\s+\\[?v?${v}(?:\\]|\\s|$)`, 'm').test(text);
}

const withNewline = (text: string) => (text.endsWith('\n') ? text : text + '\n');
