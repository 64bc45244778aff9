/**
 * The release job's Slack messages, as Block Kit data: "a plan waits for approval" (what would
 * ship, and where to approve it) and "the release failed" (which job and step, and the run).
 * Pure; src/adapters/slack posts them once each. Sized to Slack's limits: 3,000 characters per
 * section text, 150 per header (https://docs.slack.dev/reference/block-kit/blocks).
 */
import { slackText } from '../text/escape-slack.ts';
import type { ReleasePlan } from '../plan/release-plan.ts';

export type Block = Record<string, unknown>;

export interface SlackMessage {
  /** The notification text (and what clients without blocks show). */
  text: string;
  blocks: Block[];
}

export type ApprovalGate = 'environment' | 'plan-hash';

export interface AwaitingApprovalInput {
  plan: ReleasePlan;
  /** owner/name. */
  repository: string | undefined;
  runUrl: string | undefined;
  environment: string;
  gate: ApprovalGate;
}

const SECTION_TEXT_MAX = 3000;
const HEADER_MAX = 150;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** mrkdwn control characters: https://docs.slack.dev/messaging/formatting-message-text#escaping */
const escape = slackText;
const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text: text.length > HEADER_MAX ? `${text.slice(0, HEADER_MAX - 1)}…` : text } });
const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const button = (text: string, url: string): Block => ({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text }, url }] });

/** Lines joined until the next would pass `max`, then one line saying how many were left out. */
export function fitLines(lines: readonly string[], max: number, more: (n: number) => string): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const reserve = i < lines.length - 1 ? more(lines.length - i).length + 1 : 0;
    if (length + lines[i]!.length + 1 + reserve > max) {
      out.push(more(lines.length - i));
      break;
    }
    out.push(lines[i]!);
    length += lines[i]!.length + 1;
  }
  return out.join('\n');
}

export function awaitingApprovalMessage(input: AwaitingApprovalInput): SlackMessage {
  const { plan } = input;
  const count = plan.releases.length;
  const where = input.repository ?? 'the repository';
  const lines = plan.releases.map((r) => `• *${escape(r.name)}* ${r.from} → *${r.to}* (${r.bump}${r.reason === 'dependency' ? ', dependency' : ''})`);
  const how =
    input.gate === 'environment'
      ? `A required reviewer of environment \`${escape(input.environment)}\` approves it in the run: *Review deployments* → *Approve and deploy*. Exactly this plan ships.`
      : `To approve, run the release workflow by hand with \`approve-plan-hash: ${plan.hash}\`. Exactly this plan ships; any other is refused.`;
  const blocks: Block[] = [
    header(`Release waiting for approval: ${plural(count, 'plugin')}`),
    section(`*${escape(where)}* · plan \`${plan.hash.slice(0, 19)}…\` · base \`${plan.baseSha.slice(0, 7)}\``),
    section(fitLines(lines, SECTION_TEXT_MAX, (n) => `…and ${n} more: the full plan is in the run's summary`)),
    context(how),
  ];
  if (input.runUrl) blocks.push(button('Review the plan', input.runUrl));
  const names = plan.releases.slice(0, 5).map((r) => `${r.name} ${r.to}`).join(', ') + (count > 5 ? `, and ${count - 5} more` : '');
  return { text: `Release waiting for approval in ${where}: ${names}${input.runUrl ? ` ${input.runUrl}` : ''}`, blocks };
}

export interface FailureInput {
  /** The workflow job that failed (plan, ship). */
  job: string;
  /** The step that failed, where known. */
  step: string | undefined;
  repository: string | undefined;
  runUrl: string | undefined;
}

const AFTER_FAILURE: Record<string, string> = {
  plan: 'Nothing was released. Fix the cause and run the workflow again.',
  ship: 'Rerun the failed job: every step checks what exists first (tags, releases, published versions), so the release finishes without duplicates. The journal artifact lists what was done.',
};

export function failureMessage(input: FailureInput): SlackMessage {
  const where = input.repository ?? 'the repository';
  const what = `${input.job} job${input.step ? `, step "${input.step}"` : ''}`;
  const blocks: Block[] = [
    header(`Release failed: ${what}`),
    section(`*${escape(where)}*: the release workflow failed in the ${escape(what)}.`),
    context(AFTER_FAILURE[input.job] ?? 'See the run for the error.'),
  ];
  if (input.runUrl) blocks.push(button('Open the run', input.runUrl));
  return { text: `Release failed in ${where}: ${what}${input.runUrl ? ` ${input.runUrl}` : ''}`, blocks };
}

/**
 * The first failed step of a job, from the workflow's `${{ toJSON(steps) }}`: an object of
 * step id → { outcome, conclusion, outputs } (https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#steps-context).
 * Only steps with an `id` appear, in the order they ran.
 */
export function failedStep(stepsJson: string, labels: Readonly<Record<string, string>> = {}): string | undefined {
  let steps: unknown;
  try {
    steps = JSON.parse(stepsJson || '{}');
  } catch {
    return undefined;
  }
  if (!steps || typeof steps !== 'object') return undefined;
  for (const [id, step] of Object.entries(steps as Record<string, { outcome?: unknown }>)) {
    if (step?.outcome === 'failure') return labels[id] ?? id;
  }
  return undefined;
}
