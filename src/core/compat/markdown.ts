/** Escaping for text that lands in Markdown tables and Slack mrkdwn. */
import { slackText } from '../text/escape-slack.ts';

/** A table cell: pipes would end the cell, newlines the row; HTML-ish text stays text. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

/** Slack mrkdwn: "&, <, and > … must be escaped" (docs.slack.dev/messaging/formatting-message-text). */
export const slackEscape = slackText;

export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** At most `max` names, then "+N more". */
export function listSome(names: readonly string[], max: number, join = ', '): string {
  if (names.length <= max) return names.join(join);
  return `${names.slice(0, max).join(join)}${join}+${names.length - max} more`;
}

/** The last `lines` lines of a log. */
export function lastLines(text: string, lines: number): string {
  const all = text.replace(/\s+$/, '').split('\n');
  return all.slice(-lines).join('\n');
}

/** A fence longer than any backtick run inside, so a log can never close it early. */
export function fenced(text: string, info = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}
