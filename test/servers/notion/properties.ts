/**
 * Data source property schemas and page property values, for the property types slipway
 * writes. Property objects: https://developers.notion.com/reference/property-object;
 * page property values: https://developers.notion.com/reference/page-property-values.
 */
import { randomBytes } from 'node:crypto';
import { bodyInvalid, validation } from './errors.ts';
import { richTextArray, type RichText } from './rich-text.ts';

export const PROPERTY_TYPES = ['title', 'rich_text', 'number', 'select', 'multi_select', 'date', 'url', 'checkbox'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** Types Notion has but this server does not implement; refused loudly rather than faked. */
const OTHER_NOTION_TYPES = [
  'status', 'people', 'files', 'email', 'phone_number', 'formula', 'relation', 'rollup', 'created_time',
  'created_by', 'last_edited_time', 'last_edited_by', 'unique_id', 'verification', 'button', 'place',
];

// Select option colors — property-object ("select" / "multi_select").
const COLORS = new Set(['default', 'gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red']);
// "Any URL: 2000 characters" — https://developers.notion.com/reference/request-limits
export const MAX_URL = 2000;

export interface SelectOption {
  id: string;
  name: string;
  color: string;
  description: null;
}

export interface PropertySchema {
  id: string;
  name: string;
  type: PropertyType;
  /** select / multi_select options; grows when a page names a new option. */
  options?: SelectOption[];
  numberFormat?: string;
}

export interface DateValue {
  start: string;
  end: string | null;
  time_zone: string | null;
}

export type PropertyValue = RichText[] | number | boolean | string | DateValue | SelectOption | SelectOption[] | null;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const shortId = (): string => randomBytes(3).toString('base64url');

/** The type key of a schema or value object: explicit `type`, else the one type-named key. */
function typeKey(input: Json): string | undefined {
  if (typeof input.type === 'string') return input.type;
  return Object.keys(input).find((key) => (PROPERTY_TYPES as readonly string[]).includes(key) || OTHER_NOTION_TYPES.includes(key));
}

/** A schema entry from `{ select: { options: [...] } }`-style input (create or update). */
export function defineProperty(name: string, input: unknown, path: string, existing?: PropertySchema): PropertySchema {
  if (!isObject(input)) throw bodyInvalid(path, 'an object', typeof input);
  const newName = typeof input.name === 'string' && input.name.length > 0 ? input.name : name;
  const type = typeKey(input) ?? existing?.type;
  if (type === undefined) throw bodyInvalid(path, 'an object with a property type such as `rich_text`', JSON.stringify(input));
  if (!(PROPERTY_TYPES as readonly string[]).includes(type)) {
    throw validation(`${path}: property type \`${type}\` is not implemented by the local Notion test server (it supports ${PROPERTY_TYPES.join(', ')}).`);
  }
  const schema: PropertySchema = { id: existing?.id ?? (type === 'title' ? 'title' : shortId()), name: newName, type: type as PropertyType };
  const config = isObject(input[type]) ? input[type] : {};
  if (type === 'select' || type === 'multi_select') {
    const given = config.options;
    if (given !== undefined && !Array.isArray(given)) throw bodyInvalid(`${path}.${type}.options`, 'an array', typeof given);
    schema.options = given === undefined
      ? existing?.type === type ? existing.options ?? [] : []
      : given.map((option, index) => defineOption(option, `${path}.${type}.options[${index}]`));
  }
  if (type === 'number') schema.numberFormat = typeof config.format === 'string' ? config.format : existing?.numberFormat ?? 'number';
  return schema;
}

function defineOption(input: unknown, path: string): SelectOption {
  if (!isObject(input) || typeof input.name !== 'string') throw bodyInvalid(`${path}.name`, 'a string', 'undefined');
  checkOptionName(input.name);
  const color = typeof input.color === 'string' ? input.color : 'default';
  if (!COLORS.has(color)) throw bodyInvalid(`${path}.color`, [...COLORS].map((c) => `"${c}"`).join(', '), color);
  return { id: typeof input.id === 'string' ? input.id : shortId(), name: input.name, color, description: null };
}

// "Commas (",") are not valid for select values." — property-object, select and multi_select.
function checkOptionName(name: string): void {
  if (name.includes(',')) throw validation(`Invalid select option, commas not allowed: ${name}`);
}

export function schemaToApi(schema: PropertySchema): Json {
  const config: Json =
    schema.type === 'select' || schema.type === 'multi_select' ? { options: schema.options ?? [] }
    : schema.type === 'number' ? { format: schema.numberFormat ?? 'number' }
    : {};
  return { id: schema.id, name: schema.name, description: '', type: schema.type, [schema.type]: config };
}

export function emptyValue(type: PropertyType): PropertyValue {
  switch (type) {
    case 'title':
    case 'rich_text':
    case 'multi_select':
      return [];
    case 'checkbox':
      return false;
    default:
      return null;
  }
}

/**
 * A page property value checked against its schema. Naming a select option that does not
 * exist adds it to the schema, as Notion does for integrations with edit access.
 */
export function parseValue(schema: PropertySchema, input: unknown, path: string): PropertyValue {
  if (!isObject(input) || typeKey(input) !== schema.type) throw validation(`${schema.name} is expected to be ${schema.type}.`);
  const value = input[schema.type];
  const at = `${path}.${schema.type}`;
  switch (schema.type) {
    case 'title':
    case 'rich_text':
      return richTextArray(value, at);
    case 'number':
      if (value === null) return null;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bodyInvalid(at, 'a number or `null`', JSON.stringify(value));
      return value;
    case 'checkbox':
      if (typeof value !== 'boolean') throw bodyInvalid(at, 'a boolean', JSON.stringify(value));
      return value;
    case 'url':
      if (value === null) return null;
      if (typeof value !== 'string') throw bodyInvalid(at, 'a string or `null`', JSON.stringify(value));
      if (value.length > MAX_URL) throw bodyInvalid(`${at}.length`, `≤ \`${MAX_URL}\``, value.length);
      return value;
    case 'date':
      return parseDate(value, at);
    case 'select':
      return value === null ? null : pickOption(schema, value, at);
    case 'multi_select':
      if (!Array.isArray(value)) throw bodyInvalid(at, 'an array', JSON.stringify(value));
      return value.map((option, index) => pickOption(schema, option, `${at}[${index}]`));
  }
}

function pickOption(schema: PropertySchema, input: unknown, path: string): SelectOption {
  const options = (schema.options ??= []);
  if (!isObject(input)) throw bodyInvalid(path, 'an object', JSON.stringify(input));
  if (typeof input.id === 'string') {
    const byId = options.find((option) => option.id === input.id);
    if (!byId) throw validation(`${path}: no ${schema.type} option with id ${input.id} on property ${schema.name}.`);
    return byId;
  }
  if (typeof input.name !== 'string' || input.name.length === 0) throw bodyInvalid(`${path}.name`, 'a non-empty string', JSON.stringify(input.name));
  const existing = options.find((option) => option.name === input.name);
  if (existing) return existing;
  checkOptionName(input.name);
  const created: SelectOption = { id: shortId(), name: input.name, color: 'default', description: null };
  options.push(created);
  return created;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function parseDate(value: unknown, path: string): DateValue | null {
  if (value === null) return null;
  if (!isObject(value)) throw bodyInvalid(path, 'an object or `null`', JSON.stringify(value));
  const check = (field: 'start' | 'end', required: boolean): string | null => {
    const given = value[field];
    if (given === undefined || given === null) {
      if (required) throw bodyInvalid(`${path}.${field}`, 'defined', 'undefined');
      return null;
    }
    if (typeof given !== 'string' || !ISO_DATE.test(given) || Number.isNaN(Date.parse(given))) {
      throw bodyInvalid(`${path}.${field}`, 'a valid ISO 8601 date string', JSON.stringify(given));
    }
    return given;
  };
  return { start: check('start', true)!, end: check('end', false), time_zone: typeof value.time_zone === 'string' ? value.time_zone : null };
}

export function valueToApi(schema: PropertySchema, value: PropertyValue): Json {
  return { id: schema.id, type: schema.type, [schema.type]: value };
}
