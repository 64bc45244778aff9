/**
 * The Slack message of a compat run: counts for everyone, then the regressions by name (the
 * part someone must act on), fixes, and a link to the run. Block Kit limits bound every part
 * (docs.slack.dev/reference/block-kit/blocks): a header holds 150 characters, a section's text
 * 3,000, a message 50 blocks; long lists are cut with "+N more" rather than refused by Slack.
 */
import { slackLink } from '../text/escape-slack.ts';
import { countByClass, groupByClass } from './classify.ts';
import { CLASS_LABELS, COMPAT_CLASSES, failingTestsOf, type ClassifiedResult, type StoredRun } from './compat-run.ts';
import { slackEscape } from './markdown.ts';

const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const TESTS_PER_PLUGIN = 3;

export interface SlackMessageContent {
  text: string;
  blocks: Record<string, unknown>[];
}

export function compatSlackMessage(run: StoredRun): SlackMessageContent {
  const counts = countByClass(run);
  const groups = groupByClass(run);
  const core = `core ${run.core.ref} ${run.core.version}`;
  const summary = COMPAT_CLASSES.filter((c) => counts[c] > 0).map((c) => `${counts[c]} ${CLASS_LABELS[c].toLowerCase()}`).join(', ');
  const text = `Compatibility with ${core}: ${summary || 'no plugins'}`;

  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`Compatibility with ${core}`, HEADER_MAX) } },
    {
      type: 'section',
      fields: COMPAT_CLASSES.map((c) => ({ type: 'mrkdwn', text: `*${CLASS_LABELS[c]}*\n${counts[c]}` })),
    },
  ];
  const listed: Array<[string, ClassifiedResult[], (r: ClassifiedResult) => string]> = [
    [':red_circle: *Regressed* — passes with the released core, fails with develop', groups.regressed, failureLine],
    [':large_orange_circle: *Still broken*', groups['still-broken'], failureLine],
    [':large_green_circle: *Fixed*', groups.fixed, (r) => `• ${slackEscape(r.plugin)}${r.version ? ` ${slackEscape(r.version)}` : ''}`],
  ];
  for (const [title, list, line] of listed) {
    if (list.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: boundedList(title, list.map(line)) } });
  }
  const context = [`${run.results.length} plugins`, `core ${slackEscape(run.core.sha.slice(0, 7))}`];
  if (run.releaseCore) context.push(`released core ${slackEscape(run.releaseCore.version)}`);
  context.push(run.url ? slackLink(run.url, `run ${run.id}`) : `run ${slackEscape(run.id)}`);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });
  return { text, blocks };
}

function failureLine(result: ClassifiedResult): string {
  const tests = failingTestsOf(result);
  const shown = tests.slice(0, TESTS_PER_PLUGIN).map((t) => `\`${slackEscape(t)}\``).join(', ');
  const more = tests.length > TESTS_PER_PLUGIN ? ` +${tests.length - TESTS_PER_PLUGIN} more` : '';
  const version = result.version ? ` ${slackEscape(result.version)}` : '';
  return `• *${slackEscape(result.plugin)}*${version}${shown ? ` — ${shown}${more}` : ''}`;
}

/** The title and as many lines as fit in one section; the rest become "+N more". */
function boundedList(title: string, lines: readonly string[]): string {
  let text = title;
  for (let i = 0; i < lines.length; i++) {
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? `\n…and ${rest} more` : '';
    const line = clip(lines[i]!, SECTION_MAX / 3);
    if (text.length + 1 + line.length + tail.length > SECTION_MAX - 40) return `${text}\n…and ${lines.length - i} more`;
    text += `\n${line}`;
  }
  return text;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
