/** The release's job summary: the result line, a row per plugin, and on failure where it stopped. */
import type { ReleaseJournal } from './journal.ts';

export interface SummaryRow {
  name: string;
  version: string;
  tag: string;
  githubRelease: string | undefined;
  publish: string;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderReleaseSummary(journal: ReleaseJournal, released: readonly SummaryRow[]): string {
  const title: Record<ReleaseJournal['result'], string> = {
    running: 'running',
    released: 'released',
    'nothing-to-release': 'nothing to release',
    'dry-run': 'dry run (nothing written)',
    refused: 'refused (nothing written)',
    failed: 'failed (rerun to finish)',
  };
  const lines = [`### slipway release: ${title[journal.result]}`, ''];
  if (journal.planHash) lines.push(`Plan \`${journal.planHash.slice(0, 19)}\``, '');
  if (journal.error) {
    lines.push(`**${journal.error.step ? `${cell(journal.error.step)}: ` : ''}${cell(journal.error.message)}**`, '');
    if (journal.error.hint) lines.push(`Hint: ${cell(journal.error.hint)}`, '');
  }
  if (released.length) {
    lines.push('| plugin | version | tag | GitHub Release | publish |', '| --- | --- | --- | --- | --- |');
    for (const r of released) {
      lines.push(`| ${cell(r.name)} | ${r.version} | \`${cell(r.tag)}\` | ${r.githubRelease ? `[release](${r.githubRelease})` : '—'} | ${r.publish} |`);
    }
    lines.push('');
  }
  const failed = journal.entries.filter((e) => e.status === 'failed');
  if (failed.length) {
    lines.push('**Failed steps**', '', ...failed.map((e) => `- ${e.step}${e.plugin ? ` ${cell(e.plugin)}` : ''}: ${cell(e.detail)}`), '');
  }
  return lines.join('\n');
}
