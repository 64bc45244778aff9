/**
 * The digest as Notion pages: one page per release in the digest database, with properties
 * to sort and filter by and the notes as blocks. Request shapes of the Notion API 2025-09-03
 * (https://developers.notion.com/reference/page-property-values, /reference/block).
 *
 * Limits (https://developers.notion.com/reference/request-limits): a rich text item's
 * content at most 2,000 characters; any array (rich text items, children) at most 100
 * elements. Long notes are split over several items and, past 100 items, several blocks;
 * the adapter sends children 100 per request.
 */
import { stripControls } from '../text/controls.ts';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../plan/plan-hash.ts';
import { describeCounts, GROUP_TITLES, type Digest, type DigestEntry } from './compose-digest.ts';
import { noteLines, type NoteType } from './note-lines.ts';

export const NOTION_TEXT_LIMIT = 2000;
export const NOTION_ARRAY_LIMIT = 100;

export type NotionPropertyType = 'title' | 'rich_text' | 'select' | 'date' | 'url';

/** The properties the digest database needs, by name. `Release` (the title) holds the key `plugin@version`. */
export const DIGEST_PROPERTIES = {
  Release: 'title',
  Plugin: 'rich_text',
  Version: 'rich_text',
  Previous: 'rich_text',
  Bump: 'select',
  Kind: 'select',
  'Type counts': 'rich_text',
  Date: 'date',
  Link: 'url',
  Week: 'select',
  /** What the page shows, hashed: a rerun rewrites a page only when this differs. */
  Fingerprint: 'rich_text',
} as const satisfies Record<string, NotionPropertyType>;

export type DigestPropertyName = keyof typeof DIGEST_PROPERTIES;
export const KEY_PROPERTY: DigestPropertyName = 'Release';
export const FINGERPRINT_PROPERTY: DigestPropertyName = 'Fingerprint';

export interface RichTextItem {
  type: 'text';
  text: { content: string; link?: { url: string } | null };
  annotations?: { bold?: boolean; code?: boolean; italic?: boolean };
}

export type NotionBlock =
  | { object: 'block'; type: 'heading_3'; heading_3: { rich_text: RichTextItem[] } }
  | { object: 'block'; type: 'bulleted_list_item'; bulleted_list_item: { rich_text: RichTextItem[] } }
  | { object: 'block'; type: 'paragraph'; paragraph: { rich_text: RichTextItem[] } };

export interface NotionReleasePage {
  /** `plugin@version`, the value of the `Release` title property. */
  key: string;
  /** Property values in request shape, the fingerprint included. */
  properties: Record<string, unknown>;
  children: NotionBlock[];
  fingerprint: string;
}

const NOTE_HEADINGS: Record<NoteType, string> = {
  breaking: '⚠️ Breaking changes',
  feature: 'Features',
  fix: 'Bug fixes',
  performance: 'Performance improvements',
  revert: 'Reverts',
  other: 'Other changes',
  dependency: 'Dependencies',
};

export function notionPages(digest: Digest): NotionReleasePage[] {
  return digest.entries.map((entry) => notionPage(entry, digest.week));
}

export function notionPage(entry: DigestEntry, week: string): NotionReleasePage {
  const text = (content: string) => ({ rich_text: plainItems(content) });
  const properties: Record<string, unknown> = {
    Release: { title: plainItems(entry.key) },
    Plugin: text(entry.plugin),
    Version: text(entry.version),
    Previous: text(entry.previous ?? ''),
    Bump: { select: { name: entry.bump } },
    Kind: { select: { name: GROUP_TITLES[entry.kind] } },
    'Type counts': text(describeCounts(entry.counts)),
    Date: { date: { start: entry.releasedAt.slice(0, 10) } },
    Link: { url: entry.url },
    Week: { select: { name: week } },
  };
  const children = releaseBlocks(entry);
  const fingerprint = `sha256:${createHash('sha256').update(canonicalJson({ properties, children })).digest('hex')}`;
  return { key: entry.key, properties: { ...properties, Fingerprint: text(fingerprint) }, children, fingerprint };
}

function releaseBlocks(entry: DigestEntry): NotionBlock[] {
  const blocks: NotionBlock[] = [];
  if (entry.notes === null) blocks.push(paragraph(plainItems('No changelog section was found for this version.')));
  let heading: NoteType | undefined;
  for (const note of noteLines(entry.notes)) {
    if (note.type !== heading) {
      heading = note.type;
      blocks.push({ object: 'block', type: 'heading_3', heading_3: { rich_text: plainItems(NOTE_HEADINGS[note.type]) } });
    }
    const items = [...(note.scope ? [{ type: 'text' as const, text: { content: `${note.scope}: ` }, annotations: { bold: true } }] : []), ...markdownItems(note.text)];
    for (let start = 0; start < items.length; start += NOTION_ARRAY_LIMIT) {
      blocks.push({ object: 'block', type: 'bulleted_list_item', bulleted_list_item: { rich_text: items.slice(start, start + NOTION_ARRAY_LIMIT) } });
    }
  }
  if (entry.url) {
    blocks.push(paragraph([{ type: 'text', text: { content: 'Release notes: ' } }, { type: 'text', text: { content: stripControls(entry.tag), ...(notionLinkable(entry.url) ? { link: { url: entry.url } } : {}) } }]));
  }
  return blocks;
}

const paragraph = (richText: RichTextItem[]): NotionBlock => ({ object: 'block', type: 'paragraph', paragraph: { rich_text: richText } });

/** Text as rich text items of at most 2,000 characters each; '' is an empty array. */
export function plainItems(content: string, annotations?: RichTextItem['annotations']): RichTextItem[] {
  const items: RichTextItem[] = [];
  for (let start = 0; start < content.length; start += NOTION_TEXT_LIMIT) {
    items.push({ type: 'text', text: { content: stripControls(content.slice(start, start + NOTION_TEXT_LIMIT)) }, ...(annotations ? { annotations } : {}) });
  }
  return items;
}

/** Notion links only to http(s); `javascript:` and friends stay text. */
const notionLinkable = (url: string) => /^https?:\/\/\S+$/i.test(url);

/** Changelog Markdown to rich text: `code` spans, **bold** and [links](url); the rest as written. */
export function markdownItems(markdown: string): RichTextItem[] {
  const items: RichTextItem[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const match of markdown.matchAll(pattern)) {
    items.push(...plainItems(markdown.slice(last, match.index)));
    if (match[1] !== undefined) items.push(...plainItems(match[1], { code: true }));
    else if (match[2] !== undefined) items.push(...plainItems(match[2], { bold: true }));
    else if (match[4]!.length <= NOTION_TEXT_LIMIT && notionLinkable(match[4]!)) {
      for (const item of plainItems(match[3]!)) items.push({ ...item, text: { ...item.text, link: { url: match[4]! } } });
    } else items.push(...plainItems(match[0]));
    last = match.index + match[0].length;
  }
  items.push(...plainItems(markdown.slice(last)));
  return items;
}

export interface SchemaProblem {
  property: DigestPropertyName;
  expected: NotionPropertyType;
  /** The type found, or null when the property is missing. */
  actual: string | null;
}

/** What is wrong with a data source's properties for the digest (empty when nothing is). */
export function checkDigestSchema(actual: Readonly<Record<string, { type: string }>>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const [name, expected] of Object.entries(DIGEST_PROPERTIES) as [DigestPropertyName, NotionPropertyType][]) {
    const found = actual[name];
    if (!found || found.type !== expected) problems.push({ property: name, expected, actual: found?.type ?? null });
  }
  return problems;
}

export function describeSchemaProblem(problem: SchemaProblem): string {
  return problem.actual === null
    ? `property "${problem.property}" is missing (needs type ${problem.expected})`
    : `property "${problem.property}" is a ${problem.actual} property; the digest needs ${problem.expected}`;
}

/**
 * The data source update that adds the missing properties. A data source has exactly one
 * title property, so a missing `Release` title is made by renaming the existing title.
 * Wrong types are left alone: changing a type would discard values, a person decides that.
 */
export function schemaAdditions(problems: readonly SchemaProblem[], actual: Readonly<Record<string, { type: string }>>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const problem of problems) {
    if (problem.actual !== null) continue;
    if (problem.expected === 'title') {
      const currentTitle = Object.entries(actual).find(([, property]) => property.type === 'title')?.[0];
      if (currentTitle) patch[currentTitle] = { name: problem.property };
      continue;
    }
    patch[problem.property] = { [problem.expected]: {} };
  }
  return patch;
}

/** The full schema, for creating the database. */
export function digestSchema(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(DIGEST_PROPERTIES).map(([name, type]) => [name, { [type]: {} }]));
}
