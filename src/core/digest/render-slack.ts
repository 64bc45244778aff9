/**
 * The digest as Slack Block Kit messages: one channel message plus, when the week does not
 * fit, thread replies carrying the rest. Nothing is cut: every release and every note is in
 * one of the messages, and the channel message links to the full Markdown digest.
 *
 * Limits (https://docs.slack.dev/reference/block-kit/blocks): at most 50 blocks per message;
 * a section's text at most 3,000 characters; a header's at most 150. Slack also refuses a
 * payload with `msg_blocks_too_long` somewhere past ~13,000 characters of block text even
 * when every block is within its own limit (slackapi/bolt-js#2509), so each message keeps
 * its block text under a budget of 10,000 characters, well clear of that.
 */
import { slackLink, slackText } from '../text/escape-slack.ts';
import { describeHeadline, plural, type Digest, type DigestEntry } from './compose-digest.ts';
import { NOTE_LABELS, noteLines } from './note-lines.ts';
import type { ReleaseKind } from './release.ts';
import { describeWindow } from './window.ts';

export interface SlackLimits {
  maxBlocks: number;
  maxSectionChars: number;
  /** Our budget of block text per message (see the header comment). */
  maxMessageChars: number;
}

export const SLACK_LIMITS: SlackLimits = { maxBlocks: 50, maxSectionChars: 3000, maxMessageChars: 10_000 };
const MAX_HEADER_CHARS = 150;

type TextObject = { type: 'mrkdwn' | 'plain_text'; text: string };
export type SlackBlock =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text?: TextObject; fields?: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' };

export interface SlackMessagePayload {
  /** Notification and accessibility text. */
  text: string;
  blocks: SlackBlock[];
}

export interface SlackDigestOptions {
  /** The full Markdown digest (the run's summary, a file on a site). */
  digestUrl?: string | undefined;
  limits?: SlackLimits;
}

const GROUP_TITLES: Record<ReleaseKind, string> = {
  breaking: ':warning: Breaking changes',
  features: ':sparkles: Features',
  fixes: ':bug: Bug fixes',
  'version-bump': ':package: Dependency and version bumps',
};

/** Room kept in the channel message for its footer (link + "continued in the thread"). */
const FOOTER_RESERVE_CHARS = 400;
const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text });

/** The messages to post: [0] in the channel, the rest as replies in its thread, in order. */
export function renderSlackDigest(digest: Digest, options: SlackDigestOptions = {}): SlackMessagePayload[] {
  const limits = options.limits ?? SLACK_LIMITS;
  const title = `What shipped: ${describeWindow(digest.window)} (${digest.week})`;
  const headline = describeHeadline(digest.headline);

  const opening: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title.slice(0, MAX_HEADER_CHARS) } },
    { type: 'section', text: mrkdwn(`*${escape(headline)}*`) },
  ];
  if (digest.headline.releases > 0) {
    const byKind = digest.headline.byKind;
    opening.push({
      type: 'section',
      fields: [
        mrkdwn(`*Breaking*\n${byKind.breaking}`),
        mrkdwn(`*Features*\n${byKind.features}`),
        mrkdwn(`*Bug fixes*\n${byKind.fixes}`),
        mrkdwn(`*Version bumps*\n${byKind['version-bump']}`),
      ],
    });
  }

  const units = digest.groups.flatMap((group) =>
    group.entries.flatMap((entry) => splitText(entryText(entry), unitLimit(limits)).map((text) => ({ kind: group.kind, count: group.entries.length, text, entry: entry.key }))),
  );
  const pages = pack(units, limits, textLength(opening) + FOOTER_RESERVE_CHARS, opening.length + 1);

  const parts = pages.length;
  const link = options.digestUrl ? `<${options.digestUrl}|Full digest>` : '';
  const entriesIn = (page: Packed) => new Set(page.entryKeys).size;
  const laterEntries = pages.slice(1).reduce((sum, page) => sum + entriesIn(page) - (page.continuesEntry ? 1 : 0), 0);
  const footer = [
    link,
    parts > 1 ? `:thread: ${plural(laterEntries, 'more release')} in the thread (${plural(parts - 1, 'reply', 'replies')})` : '',
  ].filter(Boolean);

  const main: SlackMessagePayload = {
    text: `${title}: ${headline}`,
    blocks: [...opening, ...(pages[0]?.blocks ?? []), ...(footer.length ? [{ type: 'context' as const, elements: [mrkdwn(footer.join(' · '))] }] : [])],
  };
  const replies = pages.slice(1).map((page, index) => ({
    text: `${title} (part ${index + 2} of ${parts})`,
    blocks: [{ type: 'context' as const, elements: [mrkdwn(`${escape(title)} · part ${index + 2} of ${parts}${link ? ` · ${link}` : ''}`)] }, ...page.blocks],
  }));
  return [main, ...replies];
}

interface Unit {
  kind: ReleaseKind;
  count: number;
  text: string;
  entry: string;
}

interface Packed {
  blocks: SlackBlock[];
  entryKeys: string[];
  /** The first unit continues an entry begun in the previous message. */
  continuesEntry: boolean;
}

/** Longest group title line, so a unit always fits in a section together with its title. */
const TITLE_RESERVE = 120;
const unitLimit = (limits: SlackLimits) => limits.maxSectionChars - TITLE_RESERVE;

/**
 * Fills sections (one group's units, up to the section limit) and messages (up to the block
 * and character budgets) in order. The first message starts with `firstUsed` characters and
 * `firstBlocks` blocks already taken; every later one keeps one block and a line for its
 * "part n of N" context.
 */
function pack(units: readonly Unit[], limits: SlackLimits, firstUsed: number, firstBlocks: number): Packed[] {
  const pages: Packed[] = [];
  let page: Packed = { blocks: [], entryKeys: [], continuesEntry: false };
  let used = firstUsed;
  let blocksUsed = firstBlocks;
  let section: { kind: ReleaseKind; text: string } | undefined;
  let previous: Unit | undefined;

  const closeSection = () => {
    if (!section) return;
    page.blocks.push({ type: 'section', text: mrkdwn(section.text) });
    section = undefined;
  };
  const newPage = () => {
    closeSection();
    pages.push(page);
    page = { blocks: [], entryKeys: [], continuesEntry: false };
    used = 300; // the reply's context line
    blocksUsed = 1;
  };

  for (const unit of units) {
    const groupStart = previous?.kind !== unit.kind;
    if (section && section.kind === unit.kind && section.text.length + 1 + unit.text.length <= limits.maxSectionChars && used + unit.text.length + 1 <= limits.maxMessageChars) {
      section.text += `\n${unit.text}`;
      used += unit.text.length + 1;
    } else {
      closeSection();
      let title = groupStart ? `*${GROUP_TITLES[unit.kind]} (${unit.count})*` : '';
      let size = title.length + 1 + unit.text.length;
      if (blocksUsed + 1 > limits.maxBlocks || used + size > limits.maxMessageChars) {
        newPage();
        if (previous?.entry === unit.entry) page.continuesEntry = true;
        if (!groupStart) title = `*${GROUP_TITLES[unit.kind]} (continued)*`;
        size = title.length + 1 + unit.text.length;
      } else if (!groupStart && page.blocks.length === 0 && pages.length > 0) {
        title = `*${GROUP_TITLES[unit.kind]} (continued)*`;
        size = title.length + 1 + unit.text.length;
      }
      section = { kind: unit.kind, text: title ? `${title}\n${unit.text}` : unit.text };
      used += size;
      blocksUsed += 1;
    }
    page.entryKeys.push(unit.entry);
    previous = unit;
  }
  closeSection();
  if (page.blocks.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

function entryText(entry: DigestEntry): string {
  const name = entry.url ? `*${slackLink(entry.url, entry.plugin)}*` : `*${escape(entry.plugin)}*`;
  const versions = entry.previous === null ? `*${entry.version}* (first release)` : `${entry.previous} → *${entry.version}*`;
  const lines = [`• ${name} ${versions} · ${entry.bump} · ${entry.releasedAt.slice(0, 10)}`];
  if (entry.notes === null) lines.push('      ◦ _no changelog section found for this version_');
  for (const note of noteLines(entry.notes)) {
    lines.push(`      ◦ ${NOTE_LABELS[note.type]}: ${note.scope ? `*${escape(note.scope)}:* ` : ''}${markdownToMrkdwn(note.text.replace(/\n/g, ' '))}`);
  }
  return lines.join('\n');
}

/** Pieces of at most `max` characters, cut between lines where possible, inside a line only when it alone is too long. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (let start = 0; start < Math.max(line.length, 1); start += max) {
      const part = line.slice(start, start + max);
      if (current === '') current = part;
      else if (current.length + 1 + part.length <= max) current += `\n${part}`;
      else {
        pieces.push(current);
        current = part;
      }
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Slack needs &, < and > escaped in mrkdwn (https://docs.slack.dev/messaging/formatting-message-text). */
const escape = slackText;

/** Changelog Markdown → Slack mrkdwn: links and bold; code spans are the same in both. */
export function markdownToMrkdwn(markdown: string): string {
  // Links first, on the raw text, so a target is checked as written: `[x](!channel)` stays text.
  const pattern = /\[([^\]]+)\]\(([^)\s]+)\)/g;
  let out = '';
  let last = 0;
  for (const match of markdown.matchAll(pattern)) {
    out += escape(markdown.slice(last, match.index)) + slackLink(match[2]!, match[1]!);
    last = match.index + match[0].length;
  }
  return (out + escape(markdown.slice(last))).replace(/\*\*([^*]+)\*\*/g, '*$1*');
}

function textLength(blocks: readonly SlackBlock[]): number {
  let sum = 0;
  for (const block of blocks) {
    if ('text' in block && block.text) sum += block.text.text.length;
    if ('fields' in block && block.fields) for (const field of block.fields) sum += field.text.length;
    if ('elements' in block) for (const element of block.elements) sum += element.text.length;
  }
  return sum;
}
