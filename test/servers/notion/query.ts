/**
 * Filters and sorts for POST /v1/data_sources/{id}/query
 * (https://developers.notion.com/reference/post-database-query-filter). Implemented: property
 * filters on the supported types, `and` / `or` nested up to two levels, property and
 * timestamp sorts. Anything else is refused so a test never passes on a filter we ignored.
 */
import { bodyInvalid, validation } from './errors.ts';
import type { DateValue, PropertySchema, PropertyValue, SelectOption } from './properties.ts';
import { plainText, type RichText } from './rich-text.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface Queryable {
  created_time: string;
  last_edited_time: string;
  value(schema: PropertySchema): PropertyValue;
}

export type Predicate = (page: Queryable) => boolean;

// "Compound filter conditions can be nested up to two levels deep" — post-database-query-filter.
const MAX_COMPOUND_DEPTH = 2;

const TEXT_FILTER_TYPES = new Set(['title', 'rich_text', 'url']);

export function compileFilter(filter: unknown, find: (nameOrId: string) => PropertySchema | undefined, path = 'body.filter', depth = 0): Predicate {
  if (filter === undefined) return () => true;
  if (!isObject(filter)) throw bodyInvalid(path, 'an object', typeof filter);
  for (const compound of ['and', 'or'] as const) {
    const parts = filter[compound];
    if (parts === undefined) continue;
    if (!Array.isArray(parts)) throw bodyInvalid(`${path}.${compound}`, 'an array', typeof parts);
    if (depth >= MAX_COMPOUND_DEPTH) throw validation(`body failed validation: ${path}.${compound} is nested more than ${MAX_COMPOUND_DEPTH} levels deep.`);
    const predicates = parts.map((part, index) => compileFilter(part, find, `${path}.${compound}[${index}]`, depth + 1));
    return compound === 'and' ? (page) => predicates.every((p) => p(page)) : (page) => predicates.some((p) => p(page));
  }
  if (typeof filter.property !== 'string') throw bodyInvalid(`${path}.property`, 'defined', 'undefined');
  const schema = find(filter.property);
  if (!schema) throw validation(`Could not find property with name or id: ${filter.property}`);
  const filterType = Object.keys(filter).find((key) => key !== 'property' && key !== 'type');
  const compatible = filterType === schema.type || (TEXT_FILTER_TYPES.has(filterType ?? '') && TEXT_FILTER_TYPES.has(schema.type));
  if (filterType === undefined || !compatible || !isObject(filter[filterType])) {
    throw validation(`body failed validation: ${path} uses a \`${filterType}\` condition on ${schema.name}, which is a ${schema.type} property.`);
  }
  const condition = filter[filterType] as Json;
  const [operator, operand] = Object.entries(condition)[0] ?? [];
  if (operator === undefined) throw bodyInvalid(`${path}.${filterType}`, 'a condition such as `equals`', '{}');
  const test = conditionFor(schema, operator, operand, `${path}.${filterType}.${operator}`);
  return (page) => test(page.value(schema));
}

function conditionFor(schema: PropertySchema, operator: string, operand: unknown, path: string): (value: PropertyValue) => boolean {
  const unsupported = (): never => {
    throw validation(`body failed validation: ${path} is not a ${schema.type} filter condition supported by the local Notion test server.`);
  };
  const emptiness = (isEmpty: (value: PropertyValue) => boolean) =>
    operator === 'is_empty' ? isEmpty : operator === 'is_not_empty' ? (value: PropertyValue) => !isEmpty(value) : undefined;

  switch (schema.type) {
    case 'title':
    case 'rich_text':
    case 'url': {
      const text = (value: PropertyValue): string => (typeof value === 'string' ? value : Array.isArray(value) ? plainText(value as RichText[]) : '');
      const empty = emptiness((value) => text(value) === '');
      if (empty) return empty;
      if (typeof operand !== 'string') throw bodyInvalid(path, 'a string', JSON.stringify(operand));
      const ops: Record<string, (s: string) => boolean> = {
        equals: (s) => s === operand,
        does_not_equal: (s) => s !== operand,
        contains: (s) => s.includes(operand),
        does_not_contain: (s) => !s.includes(operand),
        starts_with: (s) => s.startsWith(operand),
        ends_with: (s) => s.endsWith(operand),
      };
      const op = ops[operator] ?? unsupported();
      return (value) => op(text(value));
    }
    case 'number': {
      const empty = emptiness((value) => value === null);
      if (empty) return empty;
      if (typeof operand !== 'number') throw bodyInvalid(path, 'a number', JSON.stringify(operand));
      const ops: Record<string, (n: number) => boolean> = {
        equals: (n) => n === operand,
        does_not_equal: (n) => n !== operand,
        greater_than: (n) => n > operand,
        less_than: (n) => n < operand,
        greater_than_or_equal_to: (n) => n >= operand,
        less_than_or_equal_to: (n) => n <= operand,
      };
      const op = ops[operator] ?? unsupported();
      return (value) => typeof value === 'number' && op(value);
    }
    case 'checkbox':
      if (typeof operand !== 'boolean') throw bodyInvalid(path, 'a boolean', JSON.stringify(operand));
      if (operator === 'equals') return (value) => value === operand;
      if (operator === 'does_not_equal') return (value) => value !== operand;
      return unsupported();
    case 'select': {
      const empty = emptiness((value) => value === null);
      if (empty) return empty;
      const name = (value: PropertyValue) => (value as SelectOption | null)?.name;
      if (operator === 'equals') return (value) => name(value) === operand;
      if (operator === 'does_not_equal') return (value) => name(value) !== operand;
      return unsupported();
    }
    case 'multi_select': {
      const empty = emptiness((value) => (value as SelectOption[]).length === 0);
      if (empty) return empty;
      const has = (value: PropertyValue) => (value as SelectOption[]).some((option) => option.name === operand);
      if (operator === 'contains') return has;
      if (operator === 'does_not_contain') return (value) => !has(value);
      return unsupported();
    }
    case 'date': {
      const empty = emptiness((value) => value === null);
      if (empty) return empty;
      if (typeof operand !== 'string' || Number.isNaN(Date.parse(operand))) throw bodyInvalid(path, 'a valid ISO 8601 date string', JSON.stringify(operand));
      const at = Date.parse(operand);
      const ops: Record<string, (t: number) => boolean> = {
        equals: (t) => t === at,
        before: (t) => t < at,
        after: (t) => t > at,
        on_or_before: (t) => t <= at,
        on_or_after: (t) => t >= at,
      };
      const op = ops[operator] ?? unsupported();
      return (value) => value !== null && op(Date.parse((value as DateValue).start));
    }
  }
}

export function compileSorts(sorts: unknown, find: (nameOrId: string) => PropertySchema | undefined): ((a: Queryable, b: Queryable) => number) | undefined {
  if (sorts === undefined) return undefined;
  if (!Array.isArray(sorts)) throw bodyInvalid('body.sorts', 'an array', typeof sorts);
  const comparators = sorts.map((sort, index) => {
    const path = `body.sorts[${index}]`;
    if (!isObject(sort)) throw bodyInvalid(path, 'an object', typeof sort);
    const sign = sort.direction === 'descending' ? -1 : sort.direction === 'ascending' ? 1 : undefined;
    if (sign === undefined) throw bodyInvalid(`${path}.direction`, '`"ascending"` or `"descending"`', JSON.stringify(sort.direction));
    if (sort.timestamp === 'created_time' || sort.timestamp === 'last_edited_time') {
      const key = sort.timestamp;
      return (a: Queryable, b: Queryable) => sign * a[key].localeCompare(b[key]);
    }
    if (typeof sort.property !== 'string') throw bodyInvalid(`${path}.property`, 'defined', 'undefined');
    const schema = find(sort.property);
    if (!schema) throw validation(`Could not find sort property with name or id: ${sort.property}`);
    return (a: Queryable, b: Queryable) => sign * compareValues(a.value(schema), b.value(schema));
  });
  return (a, b) => {
    for (const compare of comparators) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function sortKey(value: PropertyValue): string | number | null {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => ('plain_text' in item ? item.plain_text : item.name)).join(',');
  if ('start' in value) return Date.parse(value.start);
  return value.name;
}

/** Empty values sort last, as in Notion. */
function compareValues(a: PropertyValue, b: PropertyValue): number {
  const [x, y] = [sortKey(a), sortKey(b)];
  if (x === null || x === '') return y === null || y === '' ? 0 : 1;
  if (y === null || y === '') return -1;
  return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
}
