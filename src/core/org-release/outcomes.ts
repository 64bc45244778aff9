/**
 * What happened to each repository of an org release, and the one Slack message that says so:
 * what shipped (with its GitHub Releases), what failed (with a link to read why) and what was
 * refused (its branch moved in a way that touches a planned plugin, so its part of the plan is
 * stale). Pure; the jobs record outcomes and src/adapters/slack posts the message once.
 */
import { cell, slackEscape } from '../compat/markdown.ts';
import { fitLines, type Block, type SlackMessage } from '../notices/release-notices.ts';
import type { OrgPlan, RepositoryName } from './org-plan.ts';

export interface ShippedPlugin {
  name: string;
  version: string;
  tag: string;
  /** The GitHub Release page, when one exists. */
  url?: string | undefined;
}

export type RepositoryOutcome =
  | { repository: RepositoryName; status: 'shipped'; plugins: ShippedPlugin[] }
  | { repository: RepositoryName; status: 'failed'; message: string; step?: string | undefined; url?: string | undefined }
  | { repository: RepositoryName; status: 'refused'; message: string };

export interface OrgResult {
  org: string;
  planHash: string;
  outcomes: RepositoryOutcome[];
}

const SECTION_TEXT_MAX = 3000;
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export function resultCounts(outcomes: readonly RepositoryOutcome[]): Record<RepositoryOutcome['status'], number> {
  const counts = { shipped: 0, failed: 0, refused: 0 };
  for (const o of outcomes) counts[o.status] += 1;
  return counts;
}

export function resultHeadline(result: OrgResult): string {
  const c = resultCounts(result.outcomes);
  return `${plural(c.shipped, 'repository', 'repositories')} shipped, ${c.failed} failed, ${c.refused} refused`;
}

/** Outcomes missing from the plan's repositories are "not shipped yet" (a shard that never ran). */
export function missingOutcomes(plan: Pick<OrgPlan, 'repositories'>, outcomes: readonly RepositoryOutcome[]): RepositoryName[] {
  const seen = new Set(outcomes.map((o) => o.repository));
  return plan.repositories.map((p) => p.repository).filter((r) => !seen.has(r));
}

export function orgResultMessage(result: OrgResult, runUrl: string | undefined): SlackMessage {
  const { outcomes } = result;
  const shipped = outcomes.flatMap((o) =>
    o.status === 'shipped' ? o.plugins.map((p) => `• ${p.url ? `<${p.url}|${slackEscape(p.name)} ${slackEscape(p.version)}>` : `*${slackEscape(p.name)}* ${slackEscape(p.version)}`} (${slackEscape(o.repository)})`) : [],
  );
  const failed = outcomes.flatMap((o) => (o.status === 'failed' ? [`• *${slackEscape(o.repository)}*${o.step ? ` at ${slackEscape(o.step)}` : ''}: ${slackEscape(o.message.split('\n')[0]!.slice(0, 300))}${o.url ? ` <${o.url}|details>` : ''}`] : []));
  const refused = outcomes.flatMap((o) => (o.status === 'refused' ? [`• *${slackEscape(o.repository)}*: ${slackEscape(o.message.split('\n')[0]!.slice(0, 300))}`] : []));
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: `Org release ${result.org.slice(0, 60)}: ${resultHeadline(result)}`.slice(0, 150) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `plan \`${result.planHash.slice(0, 19)}…\`${runUrl ? ` · <${runUrl}|the run>` : ''}` }] },
  ];
  const more = (what: string) => (n: number) => `…and ${n} more ${what}: see the run's summary`;
  if (shipped.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fitLines([`*Shipped* (${shipped.length})`, ...shipped], SECTION_TEXT_MAX, more('releases')) } });
  if (failed.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fitLines([`*Failed* — rerun the failed jobs; the others are not repeated`, ...failed], SECTION_TEXT_MAX, more('failures')) } });
  if (refused.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fitLines([`*Refused* — the branch moved and touches a planned plugin: plan again`, ...refused], SECTION_TEXT_MAX, more('refusals')) } });
  return { text: `Org release ${result.org}: ${resultHeadline(result)}${runUrl ? ` ${runUrl}` : ''}`, blocks };
}

/** The job summary after shipping: one row per repository. */
export function renderOrgResultMarkdown(result: OrgResult): string {
  const lines = [`### slipway org release: ${resultHeadline(result)}`, '', `plan \`${result.planHash}\``, '', '| repository | result | details |', '| --- | --- | --- |'];
  for (const o of result.outcomes) {
    const details =
      o.status === 'shipped'
        ? o.plugins.map((p) => (p.url ? `[${cell(p.tag)}](${p.url})` : cell(p.tag))).join(', ')
        : `${o.status === 'failed' && o.step ? `${cell(o.step)}: ` : ''}${cell(o.message.split('\n')[0]!)}${o.status === 'failed' && o.url ? ` ([details](${o.url}))` : ''}`;
    lines.push(`| ${cell(o.repository)} | ${o.status} | ${details} |`);
  }
  return lines.join('\n') + '\n';
}
