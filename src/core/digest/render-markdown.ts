/**
 * The full digest as Markdown: the job summary, the `--out` file, and what the Slack message
 * links to. Nothing is shortened here; this is the complete record.
 */
import { describeCounts, describeHeadline, type Digest, type DigestEntry } from './compose-digest.ts';
import { NOTE_LABELS, noteLines } from './note-lines.ts';
import { describeWindow } from './window.ts';

const GROUP_ICONS: Record<string, string> = { breaking: '⚠️ ', features: '✨ ', fixes: '🐛 ', 'version-bump': '📦 ' };

export function renderDigestMarkdown(digest: Digest): string {
  const { headline } = digest;
  const lines: string[] = [`# What shipped: ${describeWindow(digest.window)} (${digest.week})`, '', `**${describeHeadline(headline)}**`];
  if (headline.releases > 0) {
    lines.push(
      '',
      '| breaking | features | fixes | version bumps | changes |',
      '| ---: | ---: | ---: | ---: | --- |',
      `| ${headline.byKind.breaking} | ${headline.byKind.features} | ${headline.byKind.fixes} | ${headline.byKind['version-bump']} | ${describeCounts(headline.changes)} |`,
    );
  }
  for (const group of digest.groups) {
    if (group.entries.length === 0) continue;
    lines.push('', `## ${GROUP_ICONS[group.kind] ?? ''}${group.title} (${group.entries.length})`, '');
    for (const entry of group.entries) lines.push(...entryMarkdown(entry));
  }
  return lines.join('\n') + '\n';
}

export function entryTitle(entry: DigestEntry): string {
  const versions = entry.previous === null ? `${entry.version} (first release)` : `${entry.previous} → ${entry.version}`;
  return `${entry.plugin} ${versions}`;
}

function entryMarkdown(entry: DigestEntry): string[] {
  const name = entry.url ? `[${escapeMarkdown(entry.plugin)}](${entry.url})` : escapeMarkdown(entry.plugin);
  const versions = entry.previous === null ? `**${entry.version}** (first release)` : `${entry.previous} → **${entry.version}**`;
  const lines = [`- **${name}** ${versions} · ${entry.bump} · ${entry.releasedAt.slice(0, 10)} · ${describeCounts(entry.counts)}`];
  if (entry.notes === null) lines.push('  - _no changelog section found for this version_');
  for (const note of noteLines(entry.notes)) {
    lines.push(`  - ${NOTE_LABELS[note.type]}: ${note.scope ? `**${note.scope}:** ` : ''}${note.text.replace(/\n/g, ' ')}`);
  }
  return lines;
}

/** Package names like @scope/name or names with `_` must not turn into Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}
