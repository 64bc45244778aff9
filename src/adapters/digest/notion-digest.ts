/**
 * Writes the digest's release pages to a Notion database, idempotently. Under API 2025-09-03
 * a database holds data sources, and pages belong to a data source: its id is read from the
 * database (https://developers.notion.com/docs/upgrade-guide-2025-09-03).
 *
 * Each page is found by its key (`Release` = `plugin@version`) before anything is written —
 * 100 keys per query — and carries a fingerprint of what it shows: an unchanged page is left
 * alone, a changed one is updated in place, a missing one is created. The fingerprint is
 * written last, so a page left half-written by a failure is finished by the next run.
 */
import { APIResponseError, type Client } from '@notionhq/client';
import {
  checkDigestSchema, digestSchema, FINGERPRINT_PROPERTY, KEY_PROPERTY, NOTION_ARRAY_LIMIT, plainItems, schemaAdditions,
  type NotionReleasePage, type SchemaProblem,
} from '../../core/digest/render-notion.ts';
import { SlipwayError } from '../../core/errors.ts';

export interface DigestDataSource {
  databaseId: string;
  dataSourceId: string;
  /** Property name → type, as the data source has them. */
  properties: Record<string, { type: string }>;
}

export async function resolveDataSource(notion: Client, databaseId: string): Promise<DigestDataSource> {
  const database = await call(`read database ${databaseId}`, () => notion.databases.retrieve({ database_id: databaseId }));
  const sources = 'data_sources' in database ? database.data_sources : [];
  if (sources.length !== 1) {
    throw new SlipwayError('INPUT_INVALID', `the Notion database has ${sources.length} data sources; the digest writes to a database with exactly one`, {
      subject: `Notion database ${databaseId}`,
      hint: sources.length === 0 ? 'share the database with the integration' : `use a database of its own for the digest (this one holds ${sources.map((s) => `"${s.name}"`).join(', ')})`,
    });
  }
  const dataSourceId = sources[0]!.id;
  const source = await call(`read data source ${dataSourceId}`, () => notion.dataSources.retrieve({ data_source_id: dataSourceId }));
  const properties = Object.fromEntries(Object.entries('properties' in source ? source.properties : {}).map(([name, p]) => [name, { type: p.type }]));
  return { databaseId, dataSourceId, properties };
}

export interface SchemaCheck extends DigestDataSource {
  problems: SchemaProblem[];
}

export async function checkDigestDatabase(notion: Client, databaseId: string): Promise<SchemaCheck> {
  const source = await resolveDataSource(notion, databaseId);
  return { ...source, problems: checkDigestSchema(source.properties) };
}

/** Adds the missing properties (wrong types are left for a person). Returns what is still wrong. */
export async function completeDigestSchema(notion: Client, check: SchemaCheck): Promise<SchemaProblem[]> {
  const patch = schemaAdditions(check.problems, check.properties);
  if (Object.keys(patch).length === 0) return check.problems;
  await call('add the missing properties', () => notion.dataSources.update({ data_source_id: check.dataSourceId, properties: patch as never }));
  return (await checkDigestDatabase(notion, check.databaseId)).problems;
}

export async function createDigestDatabase(notion: Client, parentPageId: string, title: string): Promise<{ databaseId: string; dataSourceId: string }> {
  const database = await call(`create a database under page ${parentPageId}`, () =>
    notion.databases.create({
      parent: { type: 'page_id', page_id: parentPageId },
      title: plainItems(title),
      initial_data_source: { properties: digestSchema() as never },
    }),
  );
  const sources = 'data_sources' in database ? database.data_sources : [];
  return { databaseId: database.id, dataSourceId: sources[0]!.id };
}

export interface WritePagesInput {
  dataSourceId: string;
  pages: readonly NotionReleasePage[];
  log?: (line: string) => void;
  progress?: (done: number, total: number) => void;
}

export interface WritePagesResult {
  created: number;
  updated: number;
  unchanged: number;
}

interface ExistingPage {
  id: string;
  fingerprint: string;
}

export async function writeDigestPages(notion: Client, input: WritePagesInput): Promise<WritePagesResult> {
  const log = input.log ?? (() => {});
  const existing = await findPages(notion, input.dataSourceId, input.pages.map((page) => page.key), log);
  const result: WritePagesResult = { created: 0, updated: 0, unchanged: 0 };
  let done = 0;
  for (const page of input.pages) {
    const found = existing.get(page.key);
    if (found && found.fingerprint === page.fingerprint) result.unchanged += 1;
    else if (found) {
      await updatePage(notion, found.id, page);
      result.updated += 1;
    } else {
      await createPage(notion, input.dataSourceId, page);
      result.created += 1;
    }
    input.progress?.(++done, input.pages.length);
  }
  return result;
}

/** Pages by key, read with `or` filters of 100 keys (a filter's array holds at most 100). */
async function findPages(notion: Client, dataSourceId: string, keys: readonly string[], log: (line: string) => void): Promise<Map<string, ExistingPage>> {
  const found = new Map<string, ExistingPage>();
  for (let start = 0; start < keys.length; start += NOTION_ARRAY_LIMIT) {
    const chunk = keys.slice(start, start + NOTION_ARRAY_LIMIT);
    let cursor: string | undefined;
    do {
      const answer = await call('look up existing release pages', () =>
        notion.dataSources.query({
          data_source_id: dataSourceId,
          filter: { or: chunk.map((key) => ({ property: KEY_PROPERTY, title: { equals: key } })) },
          page_size: 100,
          ...(cursor ? { start_cursor: cursor } : {}),
        }),
      );
      for (const page of answer.results) {
        if (!('properties' in page)) continue;
        const key = plainText(page.properties[KEY_PROPERTY]);
        if (found.has(key)) {
          log(`Notion: more than one page for ${key}; updating the first, leaving page ${page.id} alone`);
          continue;
        }
        found.set(key, { id: page.id, fingerprint: plainText(page.properties[FINGERPRINT_PROPERTY]) });
      }
      cursor = answer.has_more ? (answer.next_cursor ?? undefined) : undefined;
    } while (cursor);
  }
  return found;
}

function plainText(property: unknown): string {
  const value = property as { type?: string; title?: Array<{ plain_text: string }>; rich_text?: Array<{ plain_text: string }> } | undefined;
  const items = value?.title ?? value?.rich_text ?? [];
  return items.map((item) => item.plain_text).join('');
}

const withoutFingerprint = (page: NotionReleasePage) => ({ ...page.properties, [FINGERPRINT_PROPERTY]: { rich_text: [] } });

async function createPage(notion: Client, dataSourceId: string, page: NotionReleasePage): Promise<void> {
  const first = page.children.slice(0, NOTION_ARRAY_LIMIT);
  const complete = page.children.length <= NOTION_ARRAY_LIMIT;
  const created = await call(`create the page ${page.key}`, () =>
    notion.pages.create({
      parent: { type: 'data_source_id', data_source_id: dataSourceId },
      properties: (complete ? page.properties : withoutFingerprint(page)) as never,
      children: first as never,
    }),
  );
  if (complete) return;
  await appendBlocks(notion, created.id, page.key, page.children.slice(NOTION_ARRAY_LIMIT));
  await call(`finish the page ${page.key}`, () => notion.pages.update({ page_id: created.id, properties: { [FINGERPRINT_PROPERTY]: page.properties[FINGERPRINT_PROPERTY] } as never }));
}

async function updatePage(notion: Client, pageId: string, page: NotionReleasePage): Promise<void> {
  await call(`update the page ${page.key}`, () => notion.pages.update({ page_id: pageId, properties: withoutFingerprint(page) as never }));
  let cursor: string | undefined;
  const old: string[] = [];
  do {
    const answer = await call(`read the blocks of ${page.key}`, () => notion.blocks.children.list({ block_id: pageId, page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) }));
    old.push(...answer.results.map((block) => block.id));
    cursor = answer.has_more ? (answer.next_cursor ?? undefined) : undefined;
  } while (cursor);
  for (const blockId of old) await call(`replace the blocks of ${page.key}`, () => notion.blocks.delete({ block_id: blockId }));
  await appendBlocks(notion, pageId, page.key, page.children);
  await call(`finish the page ${page.key}`, () => notion.pages.update({ page_id: pageId, properties: { [FINGERPRINT_PROPERTY]: page.properties[FINGERPRINT_PROPERTY] } as never }));
}

/** "There is a limit of 100 block children that can be appended by a single API request" — patch-block-children. */
async function appendBlocks(notion: Client, pageId: string, key: string, blocks: NotionReleasePage['children']): Promise<void> {
  for (let start = 0; start < blocks.length; start += NOTION_ARRAY_LIMIT) {
    const chunk = blocks.slice(start, start + NOTION_ARRAY_LIMIT);
    await call(`write the notes of ${key}`, () => notion.blocks.children.append({ block_id: pageId, children: chunk as never }));
  }
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const code = APIResponseError.isAPIResponseError(error) ? error.code : undefined;
    const hints: Record<string, string> = {
      unauthorized: 'the Notion token is not valid: check the NOTION_TOKEN secret',
      restricted_resource: 'share the database with the integration (••• → Connections → add the integration)',
      object_not_found: 'check digest.notionDatabase and share the database with the integration (••• → Connections)',
      validation_error: 'run `slipway digest setup-notion` to check the database\'s properties',
      rate_limited: 'Notion kept rate-limiting after the retries; rerun later — the digest resumes where it stopped',
    };
    throw new SlipwayError('API_FAILED', `Notion: could not ${what}: ${(error as Error).message}`, {
      subject: 'Notion',
      hint: (code && hints[code]) || 'rerun the digest: pages already written are found by their key and not written twice',
      cause: error,
    });
  }
}
