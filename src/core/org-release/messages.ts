/** The Slack message an org plan posts while it waits for its one approval. */
import { slackEscape } from '../compat/markdown.ts';
import { fitLines, type Block, type SlackMessage } from '../notices/release-notices.ts';
import { releaseCount, type OrgPlan } from './org-plan.ts';
import { orgPlanHeadline } from './render-org-plan.ts';

export function orgAwaitingApprovalMessage(input: { plan: OrgPlan; environment: string; runUrl: string | undefined; centralRepository: string | undefined }): SlackMessage {
  const { plan } = input;
  const lines = plan.repositories.map((part) => {
    const releases = part.plan.releases.map((r) => `${slackEscape(r.name)} ${r.from} → *${r.to}*`);
    return `• *${slackEscape(part.repository)}*: ${releases.slice(0, 4).join(', ')}${releases.length > 4 ? `, +${releases.length - 4} more` : ''}`;
  });
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: `Org release waiting for approval: ${orgPlanHeadline(plan)}`.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: `*${slackEscape(plan.org)}* · plan \`${plan.hash.slice(0, 19)}…\` · ${plan.unchanged} of ${plan.selected} repositories unchanged` } },
    { type: 'section', text: { type: 'mrkdwn', text: fitLines(lines, 3000, (n) => `…and ${n} more repositories: the full plan is in the run's summary`) } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `A required reviewer of environment \`${slackEscape(input.environment)}\`${input.centralRepository ? ` in ${slackEscape(input.centralRepository)}` : ''} approves it once, in the run. Each repository ships exactly its part; one whose branch moved onto a planned plugin is refused.` }],
    },
  ];
  if (input.runUrl) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Review the plan' }, url: input.runUrl }] });
  return { text: `Org release of ${plan.org} waiting for approval: ${releaseCount(plan)} plugin(s)${input.runUrl ? ` ${input.runUrl}` : ''}`, blocks };
}
