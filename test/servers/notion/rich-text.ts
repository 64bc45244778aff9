/**
 * Rich text as Notion stores and returns it: requests may send `{ text: { content } }`;
 * answers always carry `type`, full `annotations`, `plain_text` and `href`.
 */
import { bodyInvalid } from './errors.ts';

export interface RichText {
  type: 'text' | 'mention' | 'equation';
  text?: { content: string; link: { url: string } | null };
  mention?: Record<string, unknown>;
  equation?: { expression: string };
  annotations: Record<string, unknown>;
  plain_text: string;
  href: string | null;
}

const DEFAULT_ANNOTATIONS = { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function richTextArray(value: unknown, path: string): RichText[] {
  if (!Array.isArray(value)) throw bodyInvalid(path, 'an array', value === undefined ? 'undefined' : typeof value);
  return value.map((item, index) => richTextItem(item, `${path}[${index}]`));
}

function richTextItem(item: unknown, path: string): RichText {
  if (!isObject(item)) throw bodyInvalid(path, 'an object', typeof item);
  const annotations = { ...DEFAULT_ANNOTATIONS, ...(isObject(item.annotations) ? item.annotations : {}) };
  if (isObject(item.text)) {
    if (typeof item.text.content !== 'string') throw bodyInvalid(`${path}.text.content`, 'a string', typeof item.text.content);
    const link = isObject(item.text.link) && typeof item.text.link.url === 'string' ? { url: item.text.link.url } : null;
    return { type: 'text', text: { content: item.text.content, link }, annotations, plain_text: item.text.content, href: link?.url ?? null };
  }
  if (isObject(item.equation) && typeof item.equation.expression === 'string') {
    return { type: 'equation', equation: { expression: item.equation.expression }, annotations, plain_text: item.equation.expression, href: null };
  }
  if (isObject(item.mention)) {
    return { type: 'mention', mention: item.mention, annotations, plain_text: typeof item.plain_text === 'string' ? item.plain_text : '', href: null };
  }
  throw bodyInvalid(`${path}.text`, 'defined', 'undefined');
}

export const plainText = (items: readonly RichText[]): string => items.map((item) => item.plain_text).join('');
