/**
 * Block objects (https://developers.notion.com/reference/block) for the block types a digest
 * page uses. Others are refused with a clear message rather than stored half-understood.
 */
import { bodyInvalid, validation } from './errors.ts';
import { richTextArray } from './rich-text.ts';

const TEXT_BLOCKS = new Set([
  'paragraph', 'heading_1', 'heading_2', 'heading_3', 'bulleted_list_item', 'numbered_list_item',
  'to_do', 'toggle', 'quote', 'callout', 'code',
]);
const OTHER_BLOCKS = new Set(['divider', 'table_of_contents', 'breadcrumb', 'bookmark']);
export const BLOCK_TYPES: ReadonlySet<string> = new Set([...TEXT_BLOCKS, ...OTHER_BLOCKS]);
/** Block types that can hold children (headings only when toggleable). */
const PARENT_BLOCKS = new Set(['paragraph', 'bulleted_list_item', 'numbered_list_item', 'to_do', 'toggle', 'quote', 'callout']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ParsedBlock {
  type: string;
  /** The `[type]` object as Notion returns it, without `children`. */
  data: Json;
  children: unknown[];
}

export function parseBlock(input: unknown, path: string): ParsedBlock {
  if (!isObject(input)) throw bodyInvalid(path, 'an object', typeof input);
  const type = typeof input.type === 'string' ? input.type : Object.keys(input).find((key) => BLOCK_TYPES.has(key));
  if (type === undefined || !BLOCK_TYPES.has(type)) {
    throw validation(`body failed validation: ${path}.type should be one of ${[...BLOCK_TYPES].map((t) => `"${t}"`).join(', ')}, instead was \`${JSON.stringify(type ?? null)}\`.`);
  }
  const given = isObject(input[type]) ? input[type] : {};
  const { children: nested, ...rest } = given;
  const children = Array.isArray(nested) ? nested : Array.isArray(input.children) ? input.children : [];
  const data: Json = { ...rest };
  if (TEXT_BLOCKS.has(type)) {
    data.rich_text = richTextArray(given.rich_text, `${path}.${type}.rich_text`);
    if (type !== 'code') data.color = typeof given.color === 'string' ? given.color : 'default';
  }
  if (type === 'to_do') data.checked = given.checked === true;
  if (type.startsWith('heading_')) data.is_toggleable = given.is_toggleable === true;
  if (type === 'code') {
    data.language = typeof given.language === 'string' ? given.language : 'plain text';
    data.caption = given.caption === undefined ? [] : richTextArray(given.caption, `${path}.code.caption`);
  }
  if (type === 'bookmark') {
    if (typeof given.url !== 'string') throw bodyInvalid(`${path}.bookmark.url`, 'defined', 'undefined');
    data.caption = given.caption === undefined ? [] : richTextArray(given.caption, `${path}.bookmark.caption`);
  }
  if (children.length > 0 && !canHaveChildren(type, data)) throw validation(`Block type ${type} does not support children.`);
  return { type, data, children };
}

export function canHaveChildren(type: string, data: Json): boolean {
  return PARENT_BLOCKS.has(type) || (type.startsWith('heading_') && data.is_toggleable === true);
}
