/** The job summary of an index or metadata run: what was indexed, what was skipped, what changed. */
import type { CatalogEntry } from './catalog-schema.ts';
import type { SkippedTag } from './select-versions.ts';

export interface IndexSummary {
  entries: readonly CatalogEntry[];
  skipped: readonly SkippedTag[];
  /** Absent for a metadata run (nothing is written). */
  outcome?: { status: 'unchanged' | 'committed' | 'dry-run'; changed: readonly string[]; commit: string | undefined; attempts: number; branch: string; pageUrl?: string | undefined };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderIndexMarkdown(summary: IndexSummary): string {
  const lines: string[] = [summary.outcome ? '## Plugin catalog' : '## Plugin metadata', ''];
  const outcome = summary.outcome;
  if (outcome) {
    const what =
      outcome.status === 'committed'
        ? `updated \`${outcome.branch}\`: ${outcome.changed.length} file(s) in commit \`${outcome.commit?.slice(0, 7)}\`${outcome.attempts > 1 ? ` (after ${outcome.attempts - 1} lost race(s) with other runs)` : ''}`
        : outcome.status === 'dry-run'
          ? `dry run: ${outcome.changed.length} file(s) of \`${outcome.branch}\` would change`
          : `\`${outcome.branch}\` already holds these entries: nothing to commit`;
    lines.push(`Catalog ${what}.`, '');
    if (outcome.pageUrl) lines.push(`Browse it: ${outcome.pageUrl}`, '');
  }
  if (summary.entries.length) {
    lines.push('| plugin | version | core | released | elements |', '|---|---|---|---|---|');
    for (const e of summary.entries) {
      lines.push(`| ${cell(e.title)} (\`${cell(e.name)}\`) | ${cell(e.version)} | ${cell(e.coreRange ?? '—')} | ${e.releaseDate.slice(0, 10)} | ${e.elements.length} |`);
    }
  } else {
    lines.push('No plugin versions to index.');
  }
  if (summary.skipped.length) {
    lines.push('', `<details><summary>${summary.skipped.length} tag(s) skipped</summary>`, '');
    for (const s of summary.skipped) lines.push(`- \`${cell(s.tag)}\`: ${cell(s.reason)}`);
    lines.push('', '</details>');
  }
  return lines.join('\n') + '\n';
}
