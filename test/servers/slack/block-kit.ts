/**
 * Block Kit validation as Slack applies it to chat.postMessage / chat.update /
 * chat.scheduleMessage. Errors use Slack's wording and JSON pointers, e.g.
 * `must be less than 3001 characters [json-pointer:/blocks/0/text/text]`, so a test failure
 * reads like the production error slipway would get.
 */

// "You can include up to 50 blocks in each message" — https://docs.slack.dev/reference/block-kit/blocks
export const MAX_BLOCKS_PER_MESSAGE = 50;
// Section `text`: "Maximum length for the text in this field is 3000 characters."
// Section `fields`: "Maximum number of items is 10. Maximum length for the text in each item is 2000 characters."
// — https://docs.slack.dev/reference/block-kit/blocks/section-block
export const MAX_SECTION_TEXT = 3000;
export const MAX_SECTION_FIELDS = 10;
export const MAX_SECTION_FIELD_TEXT = 2000;
// Header `text`: "in the form of a plain_text text object. Maximum length for the text in this field is
// 150 characters." — https://docs.slack.dev/reference/block-kit/blocks/header-block
export const MAX_HEADER_TEXT = 150;
// Context `elements`: "Maximum number of items is 10." — https://docs.slack.dev/reference/block-kit/blocks/context-block
export const MAX_CONTEXT_ELEMENTS = 10;
// Actions `elements`: "There is a maximum of 25 elements in each action block." — https://docs.slack.dev/reference/block-kit/blocks
export const MAX_ACTIONS_ELEMENTS = 25;
// `block_id`: "Maximum length for this field is 255 characters. block_id should be unique for each
// message" — https://docs.slack.dev/reference/block-kit/blocks
export const MAX_BLOCK_ID = 255;
// Text composition objects: "Maximum length for this field is 3000 characters."
// — https://docs.slack.dev/reference/block-kit/composition-objects/text-object
export const MAX_TEXT_OBJECT = 3000;
// Markdown block: "The cumulative limit for all markdown blocks in a single payload is 12,000 characters."
// — https://docs.slack.dev/reference/block-kit/blocks/markdown-block
export const MAX_MARKDOWN_TOTAL = 12_000;
// Image `alt_text` / `title`: "Maximum length for this field is 2000 characters."
// — https://docs.slack.dev/reference/block-kit/blocks/image-block
export const MAX_IMAGE_TEXT = 2000;

/** Block types Slack accepts in messages (https://docs.slack.dev/reference/block-kit/blocks). */
export const MESSAGE_BLOCK_TYPES: ReadonlySet<string> = new Set([
  'actions', 'context', 'context_actions', 'divider', 'file', 'header', 'image', 'input',
  'markdown', 'rich_text', 'section', 'table', 'video',
]);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every problem in `blocks`, in Slack's `errors` format; empty when Slack would accept them. */
export function validateBlocks(blocks: unknown): string[] {
  const errors: string[] = [];
  const fail = (message: string, pointer: string): void => {
    errors.push(`${message} [json-pointer:${pointer}]`);
  };
  if (!Array.isArray(blocks)) {
    fail('must be an array', '/blocks');
    return errors;
  }
  if (blocks.length > MAX_BLOCKS_PER_MESSAGE) fail(`no more than ${MAX_BLOCKS_PER_MESSAGE} items allowed`, '/blocks');

  const seenIds = new Set<string>();
  let markdownTotal = 0;
  blocks.forEach((block, index) => {
    const at = `/blocks/${index}`;
    if (!isObject(block)) return fail('must be an object', at);
    if (typeof block.type !== 'string') return fail('missing required field: type', at);
    if (!MESSAGE_BLOCK_TYPES.has(block.type)) return fail(`unsupported type: ${block.type}`, `${at}/type`);

    if (block.block_id !== undefined) {
      if (typeof block.block_id !== 'string' || block.block_id.length === 0) fail('must be a non-empty string', `${at}/block_id`);
      else if (block.block_id.length > MAX_BLOCK_ID) fail(`must be less than ${MAX_BLOCK_ID + 1} characters`, `${at}/block_id`);
      else if (seenIds.has(block.block_id)) fail(`duplicate block_id: ${block.block_id}`, `${at}/block_id`);
      else seenIds.add(block.block_id);
    }

    switch (block.type) {
      case 'section': {
        if (block.text === undefined && block.fields === undefined) fail('must provide either text or fields', at);
        if (block.text !== undefined) checkText(block.text, `${at}/text`, MAX_SECTION_TEXT, fail);
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields)) fail('must be an array', `${at}/fields`);
          else {
            if (block.fields.length > MAX_SECTION_FIELDS) fail(`no more than ${MAX_SECTION_FIELDS} items allowed`, `${at}/fields`);
            block.fields.forEach((field, f) => checkText(field, `${at}/fields/${f}`, MAX_SECTION_FIELD_TEXT, fail));
          }
        }
        break;
      }
      case 'header':
        checkText(block.text, `${at}/text`, MAX_HEADER_TEXT, fail, 'plain_text');
        break;
      case 'context':
        checkElements(block.elements, `${at}/elements`, MAX_CONTEXT_ELEMENTS, fail, (element, pointer) => {
          if (isObject(element) && element.type === 'image') return;
          checkText(element, pointer, MAX_TEXT_OBJECT, fail);
        });
        break;
      case 'actions':
        checkElements(block.elements, `${at}/elements`, MAX_ACTIONS_ELEMENTS, fail, () => undefined);
        break;
      case 'markdown':
        if (typeof block.text !== 'string' || block.text.length === 0) fail('must be a non-empty string', `${at}/text`);
        else markdownTotal += block.text.length;
        break;
      case 'image':
        if (typeof block.image_url !== 'string' && !isObject(block.slack_file)) fail('must provide either image_url or slack_file', at);
        if (typeof block.alt_text !== 'string') fail('missing required field: alt_text', at);
        else if (block.alt_text.length > MAX_IMAGE_TEXT) fail(`must be less than ${MAX_IMAGE_TEXT + 1} characters`, `${at}/alt_text`);
        if (block.title !== undefined) checkText(block.title, `${at}/title`, MAX_IMAGE_TEXT, fail, 'plain_text');
        break;
      case 'rich_text':
        if (!Array.isArray(block.elements)) fail('missing required field: elements', at);
        break;
      default:
        break;
    }
  });
  if (markdownTotal > MAX_MARKDOWN_TOTAL) fail(`markdown blocks must total less than ${MAX_MARKDOWN_TOTAL + 1} characters`, '/blocks');
  return errors;
}

function checkElements(
  elements: unknown,
  pointer: string,
  max: number,
  fail: (message: string, pointer: string) => void,
  each: (element: unknown, pointer: string) => void,
): void {
  if (!Array.isArray(elements)) return fail('missing required field: elements', pointer);
  if (elements.length === 0) return fail('must contain at least 1 item', pointer);
  if (elements.length > max) fail(`no more than ${max} items allowed`, pointer);
  elements.forEach((element, index) => each(element, `${pointer}/${index}`));
}

function checkText(
  text: unknown,
  pointer: string,
  max: number,
  fail: (message: string, pointer: string) => void,
  onlyType?: 'plain_text',
): void {
  if (!isObject(text)) return fail('must be a text object', pointer);
  if (text.type !== 'plain_text' && text.type !== 'mrkdwn') return fail('must be either plain_text or mrkdwn', `${pointer}/type`);
  if (onlyType && text.type !== onlyType) return fail(`must be ${onlyType}`, `${pointer}/type`);
  if (typeof text.text !== 'string' || text.text.length === 0) return fail('must be more than 0 characters', `${pointer}/text`);
  if (text.text.length > max) fail(`must be less than ${max + 1} characters`, `${pointer}/text`);
}

/**
 * Characters of visible text in `blocks`: every string under a `text` key, at any depth
 * (section text and fields, headers, context elements, markdown and rich_text runs).
 * Slack refuses payloads with `msg_blocks_too_long` somewhere past ~13,000 such characters
 * even when every per-block limit is met (slackapi/bolt-js#2509), so tests assert slipway's
 * messages stay well under ~12k.
 */
export function blockTextLength(blocks: unknown): number {
  if (Array.isArray(blocks)) return blocks.reduce((sum: number, item) => sum + blockTextLength(item), 0);
  if (!isObject(blocks)) return 0;
  let sum = 0;
  for (const [key, value] of Object.entries(blocks)) {
    if (key === 'text' && typeof value === 'string') sum += value.length;
    else sum += blockTextLength(value);
  }
  return sum;
}
