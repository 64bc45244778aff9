/**
 * The local Notion workspace under API version 2025-09-03: databases hold data sources,
 * data sources hold a property schema and pages, pages and blocks hold child blocks.
 * Each operation validates like Notion and returns Notion's object shapes.
 */
import { randomUUID } from 'node:crypto';
import { canHaveChildren, parseBlock, type ParsedBlock } from './blocks.ts';
import { archived, bodyInvalid, notFound, validation } from './errors.ts';
import {
  defineProperty, emptyValue, parseValue, schemaToApi, valueToApi,
  type PropertySchema, type PropertyValue,
} from './properties.ts';
import { compileFilter, compileSorts, type Queryable } from './query.ts';
import { checkChildren } from './request-limits.ts';
import { plainText, richTextArray, type RichText } from './rich-text.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export const BOT_USER_ID = '00000000-0000-4000-8000-00000000b07a';

export interface DatabaseRecord {
  id: string;
  title: RichText[];
  parent: Json;
  is_inline: boolean;
  dataSourceIds: string[];
  in_trash: boolean;
  created_time: string;
  last_edited_time: string;
}

export interface DataSourceRecord {
  id: string;
  databaseId: string;
  title: RichText[];
  /** In schema order. */
  properties: PropertySchema[];
  in_trash: boolean;
  created_time: string;
  last_edited_time: string;
}

export interface PageRecord {
  id: string;
  parent: Json;
  dataSourceId?: string;
  /** Values by property id, so a renamed property keeps its values. */
  values: Map<string, PropertyValue>;
  /** Title of a page whose parent is a page (its only property). */
  title: RichText[];
  in_trash: boolean;
  created_time: string;
  last_edited_time: string;
}

export interface BlockRecord {
  id: string;
  parentId: string;
  parentKind: 'page' | 'block';
  type: string;
  data: Json;
  in_trash: boolean;
  created_time: string;
  last_edited_time: string;
}

interface ParsedTree {
  parsed: ParsedBlock;
  nested: ParsedTree[];
}

// List endpoints: "page_size ... The number of items from the full list desired in the response.
// Maximum: 100" — https://developers.notion.com/reference/intro#pagination
export const MAX_PAGE_SIZE = 100;

/** Notion accepts IDs with or without dashes; answers always use the dashed form. */
export function normalizeId(raw: string, param: string): string {
  const compact = raw.replaceAll('-', '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(compact)) throw validation(`path failed validation: path.${param} should be a valid uuid, instead was \`${JSON.stringify(raw)}\`.`);
  return `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`;
}

export class NotionStore {
  readonly databases = new Map<string, DatabaseRecord>();
  readonly dataSources = new Map<string, DataSourceRecord>();
  readonly pages = new Map<string, PageRecord>();
  readonly blocks = new Map<string, BlockRecord>();
  readonly #children = new Map<string, string[]>();
  readonly #now: () => number;
  readonly rootPageId: string;

  constructor(now: () => number) {
    this.#now = now;
    this.rootPageId = randomUUID();
    const time = this.#time();
    const title = richTextArray([{ text: { content: 'slipway' } }], 'root');
    this.pages.set(this.rootPageId, { id: this.rootPageId, parent: { type: 'workspace', workspace: true }, values: new Map(), title, in_trash: false, created_time: time, last_edited_time: time });
  }

  #time(): string {
    return new Date(this.#now()).toISOString();
  }

  // ---- databases and data sources ----

  createDatabase(body: Json): Json {
    const parent = body.parent;
    if (!isObject(parent)) throw bodyInvalid('body.parent', 'an object', typeof parent);
    let parentJson: Json;
    if (typeof parent.page_id === 'string') {
      const pageId = normalizeId(parent.page_id, 'parent.page_id');
      const page = this.pages.get(pageId);
      if (!page) throw notFound('page', parent.page_id);
      if (page.in_trash) throw archived();
      parentJson = { type: 'page_id', page_id: pageId };
    } else if (parent.workspace === true) {
      parentJson = { type: 'workspace', workspace: true };
    } else throw bodyInvalid('body.parent.page_id', 'defined', 'undefined');
    // 2025-09-03 moved the schema under `initial_data_source`; a top-level `properties` is the old API.
    if (body.properties !== undefined) throw bodyInvalid('body.properties', 'not present', '[object]');
    const initial = isObject(body.initial_data_source) ? body.initial_data_source : {};
    const title = body.title === undefined ? [] : richTextArray(body.title, 'body.title');
    const time = this.#time();
    const database: DatabaseRecord = {
      id: randomUUID(), title, parent: parentJson, is_inline: body.is_inline === true, dataSourceIds: [], in_trash: false, created_time: time, last_edited_time: time,
    };
    const properties = this.#defineSchema(initial.properties, 'body.initial_data_source.properties');
    const dataSource: DataSourceRecord = { id: randomUUID(), databaseId: database.id, title, properties, in_trash: false, created_time: time, last_edited_time: time };
    database.dataSourceIds.push(dataSource.id);
    this.databases.set(database.id, database);
    this.dataSources.set(dataSource.id, dataSource);
    return this.databaseApi(database);
  }

  #defineSchema(input: unknown, path: string): PropertySchema[] {
    if (input === undefined) return [defineProperty('Name', { title: {} }, path)];
    if (!isObject(input)) throw bodyInvalid(path, 'an object', typeof input);
    const schema = Object.entries(input).map(([name, definition]) => defineProperty(name, definition, `${path}.${name}`));
    const titles = schema.filter((property) => property.type === 'title').length;
    if (titles !== 1) throw validation(`${path}: a data source needs exactly one title property, got ${titles}.`);
    return schema;
  }

  getDatabase(rawId: string): Json {
    return this.databaseApi(this.#database(rawId));
  }

  #database(rawId: string): DatabaseRecord {
    const database = this.databases.get(normalizeId(rawId, 'database_id'));
    if (!database) throw notFound('database', rawId);
    return database;
  }

  databaseApi(database: DatabaseRecord): Json {
    return {
      object: 'database',
      id: database.id,
      title: database.title,
      description: [],
      parent: database.parent,
      is_inline: database.is_inline,
      in_trash: database.in_trash,
      archived: database.in_trash,
      is_locked: false,
      created_time: database.created_time,
      last_edited_time: database.last_edited_time,
      data_sources: database.dataSourceIds.map((id) => ({ id, name: plainText(this.dataSources.get(id)!.title) })),
      icon: null,
      cover: null,
      url: `https://www.notion.so/${database.id.replaceAll('-', '')}`,
      public_url: null,
    };
  }

  #dataSource(rawId: string): DataSourceRecord {
    const dataSource = this.dataSources.get(normalizeId(rawId, 'data_source_id'));
    if (!dataSource) throw notFound('data_source', rawId);
    return dataSource;
  }

  getDataSource(rawId: string): Json {
    return this.dataSourceApi(this.#dataSource(rawId));
  }

  dataSourceApi(dataSource: DataSourceRecord): Json {
    const database = this.databases.get(dataSource.databaseId)!;
    return {
      object: 'data_source',
      id: dataSource.id,
      title: dataSource.title,
      description: [],
      parent: { type: 'database_id', database_id: database.id },
      database_parent: database.parent,
      properties: Object.fromEntries(dataSource.properties.map((schema) => [schema.name, schemaToApi(schema)])),
      is_inline: database.is_inline,
      in_trash: dataSource.in_trash,
      archived: dataSource.in_trash,
      created_time: dataSource.created_time,
      last_edited_time: dataSource.last_edited_time,
      icon: null,
      cover: null,
      url: `https://www.notion.so/${dataSource.id.replaceAll('-', '')}`,
      public_url: null,
    };
  }

  /** PATCH: add (new name), change (existing name or id), rename (`name`), remove (`null`). */
  updateDataSource(rawId: string, body: Json): Json {
    const dataSource = this.#dataSource(rawId);
    if (body.title !== undefined) dataSource.title = richTextArray(body.title, 'body.title');
    if (body.properties !== undefined) {
      if (!isObject(body.properties)) throw bodyInvalid('body.properties', 'an object', typeof body.properties);
      const next = [...dataSource.properties];
      for (const [key, definition] of Object.entries(body.properties)) {
        const path = `body.properties.${key}`;
        const index = next.findIndex((schema) => schema.name === key || schema.id === key);
        const existing = index >= 0 ? next[index] : undefined;
        if (definition === null) {
          if (!existing) throw validation(`${key} is not a property that exists.`);
          if (existing.type === 'title') throw validation('Cannot delete the title property of a data source.');
          next.splice(index, 1);
          continue;
        }
        const schema = defineProperty(existing?.name ?? key, definition, path, existing);
        if (next.some((other, i) => i !== index && other.name === schema.name)) throw validation(`${path}: a property named ${schema.name} already exists.`);
        if (existing) {
          if (existing.type === 'title' && schema.type !== 'title') throw validation('Cannot change the type of the title property.');
          if (existing.type !== schema.type) for (const page of this.pages.values()) page.values.delete(existing.id);
          next[index] = schema;
        } else next.push(schema);
      }
      if (next.filter((schema) => schema.type === 'title').length !== 1) throw validation('A data source needs exactly one title property.');
      dataSource.properties = next;
    }
    if (body.in_trash !== undefined || body.archived !== undefined) dataSource.in_trash = body.in_trash === true || body.archived === true;
    dataSource.last_edited_time = this.#time();
    return this.dataSourceApi(dataSource);
  }

  queryDataSource(rawId: string, body: Json): Json {
    const dataSource = this.#dataSource(rawId);
    const find = (nameOrId: string) => dataSource.properties.find((schema) => schema.name === nameOrId || schema.id === nameOrId);
    const matches = compileFilter(body.filter, find);
    const order = compileSorts(body.sorts, find);
    const rows = [...this.pages.values()]
      .filter((page) => page.dataSourceId === dataSource.id && !page.in_trash)
      .map((page) => ({ page, row: this.#queryable(page) }))
      .filter(({ row }) => matches(row));
    if (order) rows.sort((a, b) => order(a.row, b.row));
    const page = this.#paginate(rows.map(({ page: record }) => record), body.start_cursor, body.page_size, 'body');
    return {
      object: 'list',
      results: page.items.map((record) => this.pageApi(record)),
      next_cursor: page.nextCursor,
      has_more: page.nextCursor !== null,
      type: 'page_or_data_source',
      page_or_data_source: {},
    };
  }

  #queryable(page: PageRecord): Queryable {
    return {
      created_time: page.created_time,
      last_edited_time: page.last_edited_time,
      value: (schema) => page.values.get(schema.id) ?? emptyValue(schema.type),
    };
  }

  /** Cursor pagination where the cursor is the ID of the first item of the next page, as in Notion. */
  #paginate<T extends { id: string }>(items: T[], cursor: unknown, size: unknown, where: 'body' | 'query'): { items: T[]; nextCursor: string | null } {
    const pageSize = size === undefined ? MAX_PAGE_SIZE : Number(size);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw bodyInvalid(`${where}.page_size`, `≤ \`${MAX_PAGE_SIZE}\``, size as string);
    }
    let start = 0;
    if (cursor !== undefined && cursor !== null) {
      const id = typeof cursor === 'string' && /^[0-9a-f-]{32,36}$/i.test(cursor) ? normalizeId(cursor, 'start_cursor') : '';
      start = items.findIndex((item) => item.id === id);
      if (start < 0) throw validation(`${where}.start_cursor provided is invalid: ${String(cursor)}`);
    }
    const next = items[start + pageSize];
    return { items: items.slice(start, start + pageSize), nextCursor: next ? next.id : null };
  }

  // ---- pages ----

  createPage(body: Json): Json {
    const parent = body.parent;
    if (!isObject(parent)) throw bodyInvalid('body.parent', 'an object', typeof parent);
    checkChildren(body.children);
    const time = this.#time();
    const page: PageRecord = { id: randomUUID(), parent: {}, values: new Map(), title: [], in_trash: false, created_time: time, last_edited_time: time };
    if (typeof parent.data_source_id === 'string') {
      const dataSource = this.#dataSource(parent.data_source_id);
      if (dataSource.in_trash) throw archived();
      page.parent = { type: 'data_source_id', data_source_id: dataSource.id, database_id: dataSource.databaseId };
      page.dataSourceId = dataSource.id;
      this.#applyProperties(page, dataSource, body.properties);
    } else if (typeof parent.database_id === 'string') {
      // Still accepted in 2025-09-03 for single-source databases (upgrade guide), so it is here too.
      const database = this.#database(parent.database_id);
      if (database.dataSourceIds.length !== 1) throw validation('Databases with multiple data sources need a data_source_id parent.');
      return this.createPage({ ...body, parent: { type: 'data_source_id', data_source_id: database.dataSourceIds[0] } });
    } else if (typeof parent.page_id === 'string') {
      const parentPage = this.#page(parent.page_id);
      if (parentPage.in_trash) throw archived();
      page.parent = { type: 'page_id', page_id: parentPage.id };
      page.title = this.#pageTitle(body.properties);
    } else throw bodyInvalid('body.parent.data_source_id', 'defined', 'undefined');
    this.pages.set(page.id, page);
    this.#appendChildren(page.id, 'page', (body.children as unknown[] | undefined) ?? [], 'body.children');
    return this.pageApi(page);
  }

  /** A page under a page has one property, its title, under any name. */
  #pageTitle(properties: unknown): RichText[] {
    if (properties === undefined) return [];
    if (!isObject(properties)) throw bodyInvalid('body.properties', 'an object', typeof properties);
    const entries = Object.entries(properties);
    if (entries.length > 1) throw validation('Pages whose parent is a page can only have a title property.');
    const [name, value] = entries[0] ?? [];
    if (name === undefined) return [];
    if (!isObject(value) || !Array.isArray(value.title)) throw validation(`${name} is expected to be title.`);
    return richTextArray(value.title, `body.properties.${name}.title`);
  }

  #applyProperties(page: PageRecord, dataSource: DataSourceRecord, properties: unknown): void {
    if (properties === undefined) return;
    if (!isObject(properties)) throw bodyInvalid('body.properties', 'an object', typeof properties);
    // Validate everything before writing anything: a refused request changes nothing.
    const parsed = Object.entries(properties).map(([key, value]) => {
      const schema = dataSource.properties.find((property) => property.name === key || property.id === key);
      if (!schema) throw validation(`${key} is not a property that exists.`);
      return [schema.id, parseValue(schema, value, `body.properties.${key}`)] as const;
    });
    for (const [id, value] of parsed) page.values.set(id, value);
  }

  #page(rawId: string): PageRecord {
    const page = this.pages.get(normalizeId(rawId, 'page_id'));
    if (!page) throw notFound('page', rawId);
    return page;
  }

  getPage(rawId: string): Json {
    return this.pageApi(this.#page(rawId));
  }

  updatePage(rawId: string, body: Json): Json {
    const page = this.#page(rawId);
    const trash = body.in_trash ?? body.archived;
    if (trash !== undefined && typeof trash !== 'boolean') throw bodyInvalid('body.in_trash', 'a boolean', JSON.stringify(trash));
    const stillTrashed = trash === undefined ? page.in_trash : trash;
    if (body.properties !== undefined) {
      if (stillTrashed) throw archived();
      if (page.dataSourceId) this.#applyProperties(page, this.dataSources.get(page.dataSourceId)!, body.properties);
      else page.title = this.#pageTitle(body.properties);
    }
    if (trash !== undefined) page.in_trash = trash;
    page.last_edited_time = this.#time();
    return this.pageApi(page);
  }

  pageApi(page: PageRecord): Json {
    const dataSource = page.dataSourceId ? this.dataSources.get(page.dataSourceId) : undefined;
    const properties = dataSource
      ? Object.fromEntries(dataSource.properties.map((schema) => [schema.name, valueToApi(schema, page.values.get(schema.id) ?? emptyValue(schema.type))]))
      : { title: { id: 'title', type: 'title', title: page.title } };
    return {
      object: 'page',
      id: page.id,
      created_time: page.created_time,
      last_edited_time: page.last_edited_time,
      created_by: { object: 'user', id: BOT_USER_ID },
      last_edited_by: { object: 'user', id: BOT_USER_ID },
      cover: null,
      icon: null,
      parent: page.parent,
      archived: page.in_trash,
      in_trash: page.in_trash,
      is_locked: false,
      properties,
      url: `https://www.notion.so/${page.id.replaceAll('-', '')}`,
      public_url: null,
    };
  }

  // ---- blocks ----

  #container(rawId: string): { id: string; kind: 'page' | 'block'; in_trash: boolean; record: PageRecord | BlockRecord } {
    const id = normalizeId(rawId, 'block_id');
    const page = this.pages.get(id);
    if (page) return { id, kind: 'page', in_trash: page.in_trash, record: page };
    const block = this.blocks.get(id);
    if (block) return { id, kind: 'block', in_trash: block.in_trash, record: block };
    throw notFound('block', rawId);
  }

  listChildren(rawId: string, query: URLSearchParams): Json {
    const container = this.#container(rawId);
    const children = this.#liveChildren(container.id);
    const page = this.#paginate(children, query.get('start_cursor') ?? undefined, query.get('page_size') ?? undefined, 'query');
    return { object: 'list', results: page.items.map((block) => this.blockApi(block)), next_cursor: page.nextCursor, has_more: page.nextCursor !== null, type: 'block', block: {} };
  }

  #liveChildren(parentId: string): BlockRecord[] {
    return (this.#children.get(parentId) ?? []).map((id) => this.blocks.get(id)!).filter((block) => !block.in_trash);
  }

  appendChildren(rawId: string, body: Json): Json {
    const container = this.#container(rawId);
    if (container.in_trash) throw archived();
    if (container.kind === 'block') {
      const block = container.record as BlockRecord;
      if (!canHaveChildren(block.type, block.data)) throw validation(`Block type ${block.type} does not support children.`);
    }
    if (body.children === undefined) throw bodyInvalid('body.children', 'defined', 'undefined');
    checkChildren(body.children);
    const after = this.#insertionPoint(container.id, body);
    const added = this.#appendChildren(container.id, container.kind, body.children as unknown[], 'body.children', after);
    return { object: 'list', results: added.map((block) => this.blockApi(block)), next_cursor: null, has_more: false, type: 'block', block: {} };
  }

  /** Index to insert at: `position` (`start` / `end` / `after_block`) or the older `after`. */
  #insertionPoint(parentId: string, body: Json): number | undefined {
    const siblings = this.#children.get(parentId) ?? [];
    const afterId = isObject(body.position) && body.position.type === 'after_block' && isObject(body.position.after_block)
      ? body.position.after_block.id
      : body.after;
    if (isObject(body.position) && body.position.type === 'start') return 0;
    if (afterId === undefined) return undefined;
    const index = typeof afterId === 'string' ? siblings.indexOf(normalizeId(afterId, 'after')) : -1;
    if (index < 0) throw validation(`The block to insert after (${String(afterId)}) is not a child of ${parentId}.`);
    return index + 1;
  }

  /** Parses every block first, then stores them: a refused request leaves no partial content. */
  #appendChildren(parentId: string, kind: 'page' | 'block', inputs: unknown[], path: string, at?: number): BlockRecord[] {
    const parse = (items: unknown[], itemsPath: string): ParsedTree[] =>
      items.map((input, index) => {
        const parsed = parseBlock(input, `${itemsPath}[${index}]`);
        return { parsed, nested: parse(parsed.children, `${itemsPath}[${index}].${parsed.type}.children`) };
      });
    const store = (tree: ParsedTree[], parent: string, parentKind: 'page' | 'block', insertAt?: number): BlockRecord[] => {
      const time = this.#time();
      const records = tree.map(({ parsed, nested }) => {
        const record: BlockRecord = { id: randomUUID(), parentId: parent, parentKind, type: parsed.type, data: parsed.data, in_trash: false, created_time: time, last_edited_time: time };
        this.blocks.set(record.id, record);
        store(nested, record.id, 'block');
        return record;
      });
      const siblings = this.#children.get(parent) ?? [];
      siblings.splice(insertAt ?? siblings.length, 0, ...records.map((record) => record.id));
      this.#children.set(parent, siblings);
      return records;
    };
    return store(parse(inputs, path), parentId, kind, at);
  }

  blockApi(block: BlockRecord): Json {
    return {
      object: 'block',
      id: block.id,
      parent: block.parentKind === 'page' ? { type: 'page_id', page_id: block.parentId } : { type: 'block_id', block_id: block.parentId },
      created_time: block.created_time,
      last_edited_time: block.last_edited_time,
      created_by: { object: 'user', id: BOT_USER_ID },
      last_edited_by: { object: 'user', id: BOT_USER_ID },
      has_children: this.#liveChildren(block.id).length > 0,
      archived: block.in_trash,
      in_trash: block.in_trash,
      type: block.type,
      [block.type]: block.data,
    };
  }

  /** DELETE /v1/blocks/{id} moves a block — or a page — to the trash. */
  deleteBlock(rawId: string): Json {
    const container = this.#container(rawId);
    if (container.kind === 'page') {
      const page = container.record as PageRecord;
      page.in_trash = true;
      page.last_edited_time = this.#time();
      const title = page.dataSourceId ? this.#titleOf(page) : page.title;
      return {
        object: 'block', id: page.id, parent: page.parent, created_time: page.created_time, last_edited_time: page.last_edited_time,
        has_children: this.#liveChildren(page.id).length > 0, archived: true, in_trash: true, type: 'child_page', child_page: { title: plainText(title) },
      };
    }
    const block = container.record as BlockRecord;
    block.in_trash = true;
    block.last_edited_time = this.#time();
    return this.blockApi(block);
  }

  #titleOf(page: PageRecord): RichText[] {
    const schema = this.dataSources.get(page.dataSourceId!)!.properties.find((property) => property.type === 'title')!;
    return (page.values.get(schema.id) as RichText[] | undefined) ?? [];
  }

  /** Child blocks of a page or block, trashed ones left out (for test assertions). */
  childrenOf(rawId: string): BlockRecord[] {
    return this.#liveChildren(normalizeId(rawId, 'block_id'));
  }
}
