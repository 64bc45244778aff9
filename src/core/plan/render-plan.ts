/**
 * The plan as a person reads it: in the terminal, in the job summary the approver reads
 * before clicking Approve, and in the Slack message that asks for approval.
 */
import { markdownCell, markdownText } from '../text/escape-markdown.ts';
import { terminalSafe } from '../text/terminal.ts';
import { effectiveBump } from '../versioning/next-version.ts';
import type { DependencyUpdate, PlannedRelease, ReleasePlan } from './release-plan.ts';

/** The bump applied, saying so when a breaking change only moved the minor of a 0.x version. */
const bumpLabel = (release: PlannedRelease): string => {
  const applied = effectiveBump(release.from, release.bump);
  return applied === release.bump ? applied : `${applied} (breaking, 0.x)`;
};

/** Who decided the version, when a person did: the approver sees overrides before approving. */
const overridden = (release: PlannedRelease): string | undefined => {
  const o = release.override;
  if (!o) return undefined;
  if (o.source === 'set') return `set to ${o.version} at plan time (--set)`;
  if (o.source === 'bump') return `${o.bump} bump set at plan time (--bump)`;
  return `Release-As: ${o.version} in ${o.commit.slice(0, 7)}`;
};

const why = (release: PlannedRelease): string => {
  const override = overridden(release);
  const reason = whyFromHistory(release);
  return override ? (release.reason === 'override' ? override : `${override}; ${reason}`) : reason;
};

const whyFromHistory = (release: PlannedRelease): string => {
  if (release.reason === 'dependency') {
    return `dependency: ${release.dependencyUpdates.map((u) => u.name).join(', ') || 'internal dependency released'}`;
  }
  if (release.reason === 'changeset') return 'changeset';
  if (release.reason === 'group') return 'version group';
  const count = release.commits.length;
  const breaking = release.commits.filter((c) => c.breaking).length;
  return `${count} commit${count === 1 ? '' : 's'}${breaking ? `, ${breaking} breaking` : ''}`;
};

const rangeList = (updates: readonly DependencyUpdate[]) => updates.map((u) => `${u.name} ${u.from} → ${u.to} (${u.kind})`).join(', ');

const cell = markdownCell;
/** Inline code whose text cannot close the span early (artifact names come from build files). */
const code = (text: string) => `\`${text.replace(/[`\r\n]/g, '')}\``;

/** What a release writes besides its changelog, and what it publishes, one line per fact. */
function unitFacts(r: PlannedRelease, format: (text: string) => string): string[] {
  const facts: string[] = [];
  const files = [r.manifestFile, ...(r.versionFiles ?? [])];
  facts.push(`writes ${r.to} to ${files.map(format).join(', ')} and tags ${format(r.tag)}`);
  if (r.nextSnapshot) facts.push(`then commits the next development version ${format(r.nextSnapshot)} (tag stays on ${r.to})`);
  if (r.artifacts?.length) facts.push(`${r.artifacts.length} artifact${r.artifacts.length === 1 ? '' : 's'}: ${r.artifacts.map(format).join(', ')}`);
  return facts;
}

/** Only units whose release is more than one manifest write get the facts listed. */
const hasFacts = (r: PlannedRelease) => r.nextSnapshot !== undefined || (r.artifacts?.length ?? 0) > 0 || (r.versionFiles?.length ?? 0) > 0;

export function renderPlanSummary(plan: ReleasePlan): string {
  const count = plan.releases.length;
  const lines = [
    `### slipway release plan: ${count === 0 ? 'nothing to release' : `${count} plugin${count === 1 ? '' : 's'} to release`}`,
    '',
    `Base commit \`${plan.baseSha.slice(0, 12)}\` · plan \`${plan.hash.slice(0, 19)}\`${plan.prerelease ? ` · prerelease channel \`${plan.prerelease}\`` : ''}`,
  ];
  if (count) {
    lines.push('', '| plugin | from | to | bump | why |', '| --- | --- | --- | --- | --- |');
    for (const r of plan.releases) {
      lines.push(`| ${cell(r.name)} | ${r.firstRelease ? `${r.from} (manifest)` : r.from} | **${r.to}** | ${bumpLabel(r)} | ${cell(why(r))} |`);
    }
  }
  for (const r of plan.releases.filter(hasFacts)) {
    lines.push('', `**${cell(r.name)} ${r.to}**`, '', ...unitFacts(r, code).map((fact) => `- ${fact}`));
  }
  if (plan.rangeUpdates.length) {
    lines.push('', `**Ranges moved without a release** (${plan.rangeUpdates.length})`, '');
    for (const u of plan.rangeUpdates) lines.push(`- ${cell(u.name)}: ${cell(rangeList(u.dependencyUpdates))}`);
  }
  if (plan.ignoredCommits.length) {
    lines.push('', `<details><summary>${plan.ignoredCommits.length} commit(s) ignored: not Conventional Commits</summary>`, '');
    for (const c of plan.ignoredCommits) lines.push(`- \`${c.sha.slice(0, 7)}\` ${cell(c.header)}`);
    lines.push('', '</details>');
  }
  if (plan.warnings.length) {
    lines.push('', '**Warnings**', '', ...plan.warnings.map((w) => `- ${markdownText(w)}`));
  }
  return lines.join('\n') + '\n';
}

/** The summary plus every release's changelog section, collapsed per plugin. */
export function renderPlanMarkdown(plan: ReleasePlan): string {
  const parts = [renderPlanSummary(plan)];
  for (const r of plan.releases) {
    parts.push(`<details><summary>${markdownText(r.name)} ${r.from} → ${r.to}</summary>\n\n${r.changelog}\n</details>\n`);
  }
  return parts.join('\n');
}

/** Terminal output: the table, then each changelog section indented under its plugin. */
export function renderPlanText(plan: ReleasePlan): string {
  const count = plan.releases.length;
  const out: string[] = [
    `slipway plan: ${count === 0 ? 'nothing to release' : `${count} plugin${count === 1 ? '' : 's'} to release`}  (base ${plan.baseSha.slice(0, 7)}, ${plan.hash.slice(0, 19)})`,
  ];
  if (count) {
    const rows = [['plugin', 'from', 'to', 'bump', 'why'], ...plan.releases.map((r) => [r.name, r.from, r.to, bumpLabel(r), why(r)])];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    out.push('');
    for (const row of rows) out.push('  ' + row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
    for (const r of plan.releases) {
      out.push('', `${r.name} ${r.from} → ${r.to}`, ...(hasFacts(r) ? unitFacts(r, (t) => t).map((f) => `  ${f}`) : []), ...r.changelog.trimEnd().split('\n').map((l) => (l ? `  ${l}` : '')));
    }
  }
  if (plan.rangeUpdates.length) {
    out.push('', 'ranges moved without a release:', ...plan.rangeUpdates.map((u) => `  ${u.name}: ${rangeList(u.dependencyUpdates)}`));
  }
  if (plan.ignoredCommits.length) {
    out.push('', `ignored (not Conventional Commits):`, ...plan.ignoredCommits.map((c) => `  ${c.sha.slice(0, 7)} ${c.header}`));
  }
  if (plan.warnings.length) out.push('', 'warnings:', ...plan.warnings.map((w) => `  ${w}`));
  // Names, changelogs and commit headers are user text: no escape sequence reaches the terminal.
  return terminalSafe(out.join('\n')) + '\n';
}
