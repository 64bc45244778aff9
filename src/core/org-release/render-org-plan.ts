/**
 * The org plan as the approver reads it: one table, a row per repository and plugin (from → to,
 * bump, why, commit count, a link to the compare view), in the job summary — which GitHub caps
 * at 1 MiB per step ("the size of the job summary for a step must be 1MiB or less",
 * docs.github.com, "Adding a job summary"). Rows past the budget are left to the plan artifact,
 * with a note saying so.
 */
import { cell } from '../compat/markdown.ts';
import { tagFormat } from '../history/tag-format.ts';
import type { PlannedRelease } from '../plan/release-plan.ts';
import { effectiveBump } from '../versioning/next-version.ts';
import { releaseCount, type OrgPlan, type RepositoryPart } from './org-plan.ts';

/** GitHub's limit is 1,048,576 bytes; the rest is room for the note and the runner's own framing. */
export const SUMMARY_BUDGET_BYTES = 1_000_000;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function bumpLabel(release: PlannedRelease): string {
  const applied = effectiveBump(release.from, release.bump);
  return applied === release.bump ? applied : `${applied} (breaking, 0.x)`;
}

/** Why the plugin releases: its commit types, or the dependency that is released. */
export function why(release: PlannedRelease): string {
  if (release.reason === 'dependency') return `dependency ${release.dependencyUpdates.map((u) => u.name).join(', ') || 'released'}`;
  const types = new Map<string, number>();
  for (const commit of release.commits) types.set(commit.type, (types.get(commit.type) ?? 0) + 1);
  const breaking = release.commits.some((c) => c.breaking) ? ['breaking'] : [];
  return [...breaking, ...[...types].map(([type, n]) => `${n} ${type}`)].join(', ');
}

/** The compare view from the plugin's last release to the planned head (its commits when it has none). */
export function compareUrl(plan: Pick<OrgPlan, 'webUrl'>, part: RepositoryPart, release: PlannedRelease): string {
  const base = `${plan.webUrl.replace(/\/+$/, '')}/${part.repository}`;
  if (release.firstRelease) return `${base}/commits/${part.head}`;
  const from = tagFormat(part.plan.tagFormat).format(release.name, release.from);
  return `${base}/compare/${encodeURIComponent(from)}...${part.head}`;
}

export function orgPlanHeadline(plan: OrgPlan): string {
  const count = releaseCount(plan);
  if (count === 0) return 'nothing to release';
  return `${plural(count, 'plugin')} in ${plural(plan.repositories.length, 'repository').replace('repositorys', 'repositories')}`;
}

function facts(plan: OrgPlan): string {
  return [
    `org \`${cell(plan.org)}\``,
    `plan \`${plan.hash}\``,
    `${plan.selected} selected`,
    `${plan.unchanged} unchanged since their last release`,
    `${plan.quiet.length} changed with nothing to release`,
    `${plan.requests} GitHub API requests`,
  ].join(' · ');
}

export function renderOrgPlanMarkdown(plan: OrgPlan, options: { budget?: number; artifact?: string } = {}): string {
  const budget = options.budget ?? SUMMARY_BUDGET_BYTES;
  const artifact = options.artifact ?? 'slipway-org-plan';
  const head = [`### slipway org release plan: ${orgPlanHeadline(plan)}`, '', facts(plan), ''];
  const tail: string[] = [];
  if (plan.excluded.length) tail.push('', `**Excluded by the approver:** ${plan.excluded.map(cell).join(', ')}`);
  if (plan.problems.length) {
    tail.push('', '**Not planned** (nothing of theirs ships):', '', ...plan.problems.map((p) => `- ${cell(p.repository)}: ${cell(p.message)}`));
  }
  const warnings = plan.repositories.flatMap((part) => part.plan.warnings.map((w) => `- ${cell(part.repository)}: ${cell(w)}`));
  if (warnings.length) tail.push('', '**Warnings**', '', ...warnings);

  const lines = [...head];
  if (releaseCount(plan)) lines.push('| repository | plugin | from → to | bump | why | commits | compare |', '| --- | --- | --- | --- | --- | --- | --- |');
  let used = bytes(lines.join('\n')) + bytes(tail.join('\n')) + 400; // 400: the overflow note
  let shownRows = 0;
  let shownParts = 0;
  outer: for (const part of plan.repositories) {
    for (const [i, release] of part.plan.releases.entries()) {
      const repo = i === 0 ? `${cell(part.repository)} @ \`${part.head.slice(0, 7)}\`` : '';
      const from = release.firstRelease ? `${release.from} (manifest)` : release.from;
      const row = `| ${repo} | ${cell(release.name)} | ${cell(from)} → **${cell(release.to)}** | ${bumpLabel(release)} | ${cell(why(release))} | ${release.commits.length} | [compare](${compareUrl(plan, part, release)}) |`;
      const size = bytes(row) + 1;
      if (used + size > budget) break outer;
      lines.push(row);
      used += size;
      shownRows += 1;
    }
    shownParts += 1;
  }
  const total = releaseCount(plan);
  if (shownRows < total) {
    const hiddenParts = plan.repositories.length - shownParts;
    lines.push(
      '',
      `> **${total - shownRows} more plugin release(s)${hiddenParts ? ` in ${hiddenParts} more repositories` : ''} are not shown:** the job summary is limited to 1 MiB. Every row is in the plan artifact \`${cell(artifact)}\` (download it from this run), and \`slipway plan --org\` prints them all.`,
    );
  }
  return [...lines, ...tail].join('\n') + '\n';
}

/** Terminal output: one line per plugin under its repository. */
export function renderOrgPlanText(plan: OrgPlan): string {
  const out = [`slipway org plan ${plan.org}: ${orgPlanHeadline(plan)}  (${plan.hash.slice(0, 19)}; ${plan.selected} selected, ${plan.unchanged} unchanged, ${plan.quiet.length} quiet, ${plan.requests} API requests)`];
  for (const part of plan.repositories) {
    out.push('', `${part.repository} @ ${part.head.slice(0, 7)} (${part.branch})`);
    for (const r of part.plan.releases) out.push(`  ${r.name}  ${r.from} → ${r.to}  ${bumpLabel(r)}  ${why(r)}  ${plural(r.commits.length, 'commit')}`);
  }
  if (plan.excluded.length) out.push('', `excluded: ${plan.excluded.join(', ')}`);
  if (plan.problems.length) out.push('', 'not planned:', ...plan.problems.map((p) => `  ${p.repository}: ${p.message}`));
  return out.join('\n') + '\n';
}
