/**
 * Notion's request size limits, checked on every request body before it is interpreted.
 * Source for each number: https://developers.notion.com/reference/request-limits ("Size limits")
 * and https://developers.notion.com/reference/patch-block-children.
 */
import { bodyInvalid, validation } from './errors.ts';

// "the maximum size of payload is 1000 block elements and 500KB overall" — request-limits.
// Read as 500,000 bytes, the stricter of the two readings of "KB".
export const MAX_PAYLOAD_BYTES = 500_000;
export const MAX_BLOCKS_PER_REQUEST = 1000;
// Rich text `text.content` and `text.link.url`: 2000 characters; `equation.expression`: 1000;
// "Any array of rich text objects: 100 elements", multi-select and relation arrays: 100 — request-limits.
export const MAX_RICH_TEXT_CONTENT = 2000;
export const MAX_LINK_URL = 2000;
export const MAX_EQUATION = 1000;
export const MAX_ARRAY_ELEMENTS = 100;
// "There is a limit of 100 block children that can be appended by a single API request";
// "we allow up to two levels of nesting in a single request" — patch-block-children. Two levels
// of nesting below the blocks sent: children and grandchildren, as @notionhq/client's request
// types spell out (BlockObjectRequest → BlockObjectWithSingleLevelOfChildrenRequest →
// BlockObjectRequestWithoutChildren).
export const MAX_CHILDREN_PER_REQUEST = 100;
export const MAX_NESTING_LEVELS = 2;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkPayloadSize(bytes: number): void {
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw validation(`body failed validation: the request body is ${bytes} bytes; the limit is ${MAX_PAYLOAD_BYTES} bytes (500KB).`);
  }
}

/** Array lengths and text lengths anywhere in the body, with Notion's message paths. */
export function checkSizes(value: unknown, path = 'body'): void {
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_ELEMENTS) throw bodyInvalid(`${path}.length`, `≤ \`${MAX_ARRAY_ELEMENTS}\``, value.length);
    value.forEach((item, index) => checkSizes(item, `${path}[${index}]`));
    return;
  }
  if (!isObject(value)) return;
  const text = value.text;
  if (isObject(text) && typeof text.content === 'string') {
    if (text.content.length > MAX_RICH_TEXT_CONTENT) throw bodyInvalid(`${path}.text.content.length`, `≤ \`${MAX_RICH_TEXT_CONTENT}\``, text.content.length);
    const link = text.link;
    if (isObject(link) && typeof link.url === 'string' && link.url.length > MAX_LINK_URL) {
      throw bodyInvalid(`${path}.text.link.url.length`, `≤ \`${MAX_LINK_URL}\``, link.url.length);
    }
  }
  const equation = value.equation;
  if (isObject(equation) && typeof equation.expression === 'string' && equation.expression.length > MAX_EQUATION) {
    throw bodyInvalid(`${path}.equation.expression.length`, `≤ \`${MAX_EQUATION}\``, equation.expression.length);
  }
  for (const [key, child] of Object.entries(value)) checkSizes(child, `${path}.${key}`);
}

/** The nested `children` array of a block, wherever the caller put it. */
export function nestedChildren(block: unknown): { array: unknown[]; path: string } | undefined {
  if (!isObject(block)) return undefined;
  const type = typeof block.type === 'string' ? block.type : Object.keys(block).find((key) => isObject(block[key]) && key !== 'parent');
  const typed = type === undefined ? undefined : block[type];
  if (isObject(typed) && Array.isArray(typed.children)) return { array: typed.children, path: `.${type}.children` };
  if (Array.isArray(block.children)) return { array: block.children, path: '.children' };
  return undefined;
}

/** 100 children, two levels of nesting below them, and 1000 blocks in all, per request. */
export function checkChildren(children: unknown, path = 'body.children'): void {
  if (children === undefined) return;
  if (!Array.isArray(children)) throw bodyInvalid(path, 'an array', typeof children);
  if (children.length > MAX_CHILDREN_PER_REQUEST) throw bodyInvalid(`${path}.length`, `≤ \`${MAX_CHILDREN_PER_REQUEST}\``, children.length);
  const walk = (blocks: unknown[], at: string, level: number): number =>
    blocks.reduce((count: number, block, index) => {
      const nested = nestedChildren(block);
      if (!nested || nested.array.length === 0) return count + 1;
      if (level >= MAX_NESTING_LEVELS) throw bodyInvalid(`${at}[${index}]${nested.path}`, 'not present', `[${nested.array.length} blocks]`);
      return count + 1 + walk(nested.array, `${at}[${index}]${nested.path}`, level + 1);
    }, 0);
  const total = walk(children, path, 0);
  if (total > MAX_BLOCKS_PER_REQUEST) {
    throw validation(`body failed validation: the request contains ${total} blocks; the limit is ${MAX_BLOCKS_PER_REQUEST} block elements per request.`);
  }
}
