/**
 * The local Notion server (API 2025-09-03), driven by the real @notionhq/client: every
 * endpoint slipway uses works and keeps state, and Notion's request limits are refused with
 * Notion's error shape.
 */
import { APIErrorCode, APIResponseError, Client, type BlockObjectRequest } from '@notionhq/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText, startNotionServer, type NotionServer, type RichText } from './servers/notion/index.ts';

let server: NotionServer;
let notion: Client;
let startupMs: number;

/** The default client, quiet: these tests provoke refusals on purpose. */
type ClientOptions = NonNullable<ConstructorParameters<typeof Client>[0]>;
const client = (options: ClientOptions = {}): Client =>
  new Client({ auth: server.token, baseUrl: server.url, logger: () => undefined, ...options });

const text = (content: string) => [{ type: 'text' as const, text: { content } }];
/** Typed loosely on purpose: some tests send nesting the client's types (rightly) forbid. */
const paragraph = (content: string, children?: unknown[]): BlockObjectRequest =>
  ({ object: 'block', type: 'paragraph', paragraph: { rich_text: text(content), ...(children ? { children } : {}) } }) as BlockObjectRequest;

/** The refusal a call ends in, as the client reports it. */
async function refusal(call: Promise<unknown>): Promise<APIResponseError> {
  const error = await call.then(() => undefined, (caught: unknown) => caught);
  if (!APIResponseError.isAPIResponseError(error)) throw new Error(`expected a Notion API error, got ${String(error)}`);
  return error;
}

let dataSourceId: string;

beforeAll(async () => {
  const started = performance.now();
  server = await startNotionServer();
  startupMs = performance.now() - started;
  notion = client();
  ({ dataSourceId } = server.seedDatabase({
    title: 'Digests',
    properties: {
      Name: { title: {} },
      Key: { rich_text: {} },
      Week: { rich_text: {} },
      Releases: { number: { format: 'number' } },
      Kind: { select: { options: [{ name: 'weekly', color: 'blue' }] } },
      Plugins: { multi_select: {} },
      Published: { date: {} },
      Link: { url: {} },
      Breaking: { checkbox: {} },
    },
  }));
});
afterAll(() => server.close());

describe('the local Notion server', () => {
  it('starts in well under a second and accepts the default client of @notionhq/client@5', async () => {
    // Target is < 50 ms; the bound leaves room for a loaded CI machine.
    expect(startupMs).toBeLessThan(250);
    expect(Client.defaultNotionVersion).toBe(server.version);
    await expect(notion.users.me({})).resolves.toMatchObject({ object: 'user', type: 'bot' });
  });

  it('refuses a wrong token, a missing Notion-Version and any version but 2025-09-03', async () => {
    const badToken = await refusal(new Client({ auth: 'ntn_wrong', baseUrl: server.url, logger: () => undefined }).users.me({}));
    expect(badToken).toMatchObject({ status: 401, code: APIErrorCode.Unauthorized });

    const oldVersion = await refusal(client({ notionVersion: '2022-06-28' }).users.me({}));
    expect(oldVersion).toMatchObject({ status: 400, code: APIErrorCode.ValidationError });
    expect(oldVersion.message).toContain('Notion-Version');

    const response = await fetch(`${server.url}/v1/users/me`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ object: 'error', status: 400, code: 'missing_version' });
  });

  it('creates a database with an initial data source and reads both back', async () => {
    const database = await notion.databases.create({
      parent: { type: 'page_id', page_id: server.rootPageId },
      title: text('Release digests'),
      initial_data_source: { properties: { Title: { title: {} }, Tags: { multi_select: { options: [{ name: 'npm', color: 'red' }] } } } },
    });
    const retrieved = await notion.databases.retrieve({ database_id: database.id });
    expect(retrieved).toMatchObject({ object: 'database', data_sources: [{ id: expect.any(String), name: 'Release digests' }] });
    const [source] = (retrieved as { data_sources: Array<{ id: string }> }).data_sources;
    const dataSource = await notion.dataSources.retrieve({ data_source_id: source!.id });
    expect(dataSource).toMatchObject({
      object: 'data_source',
      parent: { type: 'database_id', database_id: database.id },
      properties: { Title: { type: 'title' }, Tags: { type: 'multi_select', multi_select: { options: [{ name: 'npm', color: 'red' }] } } },
    });

    // The pre-2025-09-03 shape (schema at the top level) is refused, not silently accepted.
    const old = await refusal(notion.request({ path: 'databases', method: 'post', body: { parent: { page_id: server.rootPageId }, properties: { Name: { title: {} } } } }));
    expect(old).toMatchObject({ status: 400, code: APIErrorCode.ValidationError });
  });

  it('adds, renames and removes data source properties', async () => {
    const { dataSourceId: id } = server.seedDatabase({ properties: { Name: { title: {} }, Old: { rich_text: {} }, Gone: { number: {} } } });
    const updated = await notion.dataSources.update({
      data_source_id: id,
      properties: { Added: { checkbox: {} }, Old: { name: 'Renamed' }, Gone: null },
    });
    expect(Object.keys((updated as { properties: object }).properties).sort()).toEqual(['Added', 'Name', 'Renamed']);
    expect(await refusal(notion.dataSources.update({ data_source_id: id, properties: { Name: null } }))).toMatchObject({ code: APIErrorCode.ValidationError });
  });

  it('creates pages with every supported property type and adds new select options, as Notion does', async () => {
    const page = await notion.pages.create({
      parent: { type: 'data_source_id', data_source_id: dataSourceId },
      properties: {
        Name: { title: text('Week 1') },
        Key: { rich_text: text('digest-2026-W01') },
        Releases: { number: 12 },
        Kind: { select: { name: 'monthly' } },
        Plugins: { multi_select: [{ name: 'alpha' }, { name: 'beta' }] },
        Published: { date: { start: '2026-01-05' } },
        Link: { url: 'https://example.invalid/digest/1' },
        Breaking: { checkbox: true },
      },
      children: [paragraph('3 features, 2 fixes')],
    });
    expect(page).toMatchObject({ object: 'page', parent: { type: 'data_source_id', data_source_id: dataSourceId }, in_trash: false });

    const read = (await notion.pages.retrieve({ page_id: page.id })) as { properties: Record<string, Record<string, unknown>> };
    expect(plainText(read.properties.Name!.title as RichText[])).toBe('Week 1');
    expect(read.properties).toMatchObject({
      Releases: { number: 12 },
      Kind: { select: { name: 'monthly' } },
      Plugins: { multi_select: [{ name: 'alpha' }, { name: 'beta' }] },
      Published: { date: { start: '2026-01-05', end: null } },
      Link: { url: 'https://example.invalid/digest/1' },
      Breaking: { checkbox: true },
    });
    const schema = (await notion.dataSources.retrieve({ data_source_id: dataSourceId })) as { properties: Record<string, { select?: { options: Array<{ name: string }> } }> };
    expect(schema.properties.Kind!.select!.options.map((option) => option.name)).toEqual(['weekly', 'monthly']);
    expect(server.childrenOf(page.id)).toEqual([expect.objectContaining({ type: 'paragraph' })]);
  });

  it('updates properties, trashes pages, and refuses edits to a trashed page', async () => {
    const page = await notion.pages.create({ parent: { type: 'data_source_id', data_source_id: dataSourceId }, properties: { Name: { title: text('draft') }, Key: { rich_text: text('to-trash') } } });
    await notion.pages.update({ page_id: page.id, properties: { Releases: { number: 3 } } });
    expect(server.pagesIn(dataSourceId).find((p) => p.id === page.id)).toMatchObject({ properties: { Releases: { number: 3 }, Name: { title: [{ plain_text: 'draft' }] } } });

    await notion.pages.update({ page_id: page.id, in_trash: true });
    expect(server.pagesIn(dataSourceId).some((p) => p.id === page.id)).toBe(false);
    expect(await refusal(notion.pages.update({ page_id: page.id, properties: { Releases: { number: 4 } } }))).toMatchObject({ code: APIErrorCode.ValidationError });
    await expect(notion.pages.retrieve({ page_id: page.id })).resolves.toMatchObject({ in_trash: true });
    const query = await notion.dataSources.query({ data_source_id: dataSourceId, filter: { property: 'Key', rich_text: { equals: 'to-trash' } } });
    expect(query.results).toEqual([]);
  });

  it('queries with rich_text / title equals and `and`, and pages with start_cursor', async () => {
    const { dataSourceId: id } = server.seedDatabase({ properties: { Name: { title: {} }, Key: { rich_text: {} }, Kind: { select: {} } } });
    for (let i = 0; i < 5; i += 1) {
      await notion.pages.create({ parent: { type: 'data_source_id', data_source_id: id }, properties: { Name: { title: text(`row ${i}`) }, Key: { rich_text: text(i % 2 === 0 ? 'even' : 'odd') }, Kind: { select: { name: 'weekly' } } } });
    }
    const even = await notion.dataSources.query({
      data_source_id: id,
      filter: { and: [{ property: 'Key', rich_text: { equals: 'even' } }, { property: 'Kind', select: { equals: 'weekly' } }] },
    });
    expect(even.results.map((page) => plainText((page as unknown as { properties: { Name: { title: RichText[] } } }).properties.Name.title))).toEqual(['row 0', 'row 2', 'row 4']);
    const byTitle = await notion.dataSources.query({ data_source_id: id, filter: { property: 'Name', title: { equals: 'row 3' } } });
    expect(byTitle.results).toHaveLength(1);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await notion.dataSources.query({ data_source_id: id, page_size: 2, ...(cursor ? { start_cursor: cursor } : {}) });
      seen.push(...result.results.map((row) => row.id));
      if (!result.has_more) break;
      cursor = result.next_cursor!;
    }
    expect(new Set(seen).size).toBe(5);

    expect(await refusal(notion.dataSources.query({ data_source_id: id, page_size: 101 }))).toMatchObject({ code: APIErrorCode.ValidationError });
    const unknown = await refusal(notion.dataSources.query({ data_source_id: id, filter: { property: 'Nope', rich_text: { equals: 'x' } } }));
    expect(unknown.message).toBe('Could not find property with name or id: Nope');
  });

  it('lists children with pagination, appends two levels deep, and deletes blocks', async () => {
    const page = await notion.pages.create({ parent: { page_id: server.rootPageId }, properties: { title: { title: text('Notes') } } });
    await notion.blocks.children.append({ block_id: page.id, children: Array.from({ length: 3 }, (_, i) => paragraph(`p${i}`)) });
    const nested = await notion.blocks.children.append({
      block_id: page.id,
      children: [{ type: 'toggle', toggle: { rich_text: text('details'), children: [{ type: 'paragraph', paragraph: { rich_text: text('inner') } }] } }],
    });
    const toggleId = nested.results[0]!.id;
    expect(server.childrenOf(toggleId)).toEqual([expect.objectContaining({ paragraph: expect.objectContaining({ rich_text: [expect.objectContaining({ plain_text: 'inner' })] }) })]);

    const first = await notion.blocks.children.list({ block_id: page.id, page_size: 3 });
    expect(first).toMatchObject({ has_more: true, results: [{ type: 'paragraph' }, { type: 'paragraph' }, { type: 'paragraph' }] });
    const rest = await notion.blocks.children.list({ block_id: page.id, start_cursor: first.next_cursor! });
    expect(rest).toMatchObject({ has_more: false, next_cursor: null, results: [{ id: toggleId, has_children: true }] });

    await notion.blocks.delete({ block_id: first.results[0]!.id });
    expect(server.childrenOf(page.id)).toHaveLength(3);
    expect(await refusal(notion.blocks.children.list({ block_id: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ status: 404, code: APIErrorCode.ObjectNotFound });
  });
});

describe('limits the local Notion server enforces', () => {
  const create = (extra: Record<string, unknown>) =>
    notion.pages.create({ parent: { type: 'data_source_id', data_source_id: dataSourceId }, properties: { Name: { title: text('limits') } }, ...extra } as never);

  it('refuses rich text over 2,000 characters, in properties and in blocks, and accepts 2,000', async () => {
    await expect(create({ properties: { Name: { title: text('x'.repeat(2000)) } } })).resolves.toMatchObject({ object: 'page' });
    const property = await refusal(create({ properties: { Name: { title: text('x'.repeat(2001)) } } }));
    expect(property).toMatchObject({ status: 400, code: APIErrorCode.ValidationError });
    expect(property.message).toBe('body failed validation: body.properties.Name.title[0].text.content.length should be ≤ `2000`, instead was `2001`.');
    const block = await refusal(create({ children: [paragraph('ok'), paragraph('y'.repeat(2001))] }));
    expect(block.message).toBe('body failed validation: body.children[1].paragraph.rich_text[0].text.content.length should be ≤ `2000`, instead was `2001`.');
  });

  it('refuses 101 children in one request and accepts 100', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => paragraph(`line ${i}`));
    const page = await create({ children: many(100) });
    const refused = await refusal(notion.blocks.children.append({ block_id: page.id, children: many(101) as never }));
    expect(refused.message).toBe('body failed validation: body.children.length should be ≤ `100`, instead was `101`.');
    expect((await refusal(create({ children: many(101) }))).code).toBe(APIErrorCode.ValidationError);
    expect(server.childrenOf(page.id)).toHaveLength(100);
  });

  it('accepts children and grandchildren in one request, refuses a third level, and refuses more than 1,000 blocks', async () => {
    const nest = (levels: number): BlockObjectRequest => paragraph(`level ${levels}`, levels > 1 ? [nest(levels - 1)] : undefined);
    const page = await create({ children: [nest(3)] });
    const [top] = server.childrenOf(page.id);
    const [child] = server.childrenOf(top!.id as string);
    expect(server.childrenOf(child!.id as string)).toEqual([expect.objectContaining({ type: 'paragraph', has_children: false })]);
    const tooDeep = await refusal(create({ children: [nest(4)] }));
    expect(tooDeep.message).toContain('body.children[0].paragraph.children[0].paragraph.children[0].paragraph.children should be not present');

    const wide = Array.from({ length: 100 }, (_, i) => paragraph(`parent ${i}`, Array.from({ length: 10 }, () => paragraph('child'))));
    expect((await refusal(create({ children: wide }))).message).toContain('1100 blocks');
  });

  it('refuses a payload over 500KB', async () => {
    const bulky = Array.from({ length: 100 }, () => ({ type: 'paragraph', paragraph: { rich_text: Array.from({ length: 60 }, () => text('z'.repeat(100))[0]) } }));
    expect(JSON.stringify({ children: bulky }).length).toBeGreaterThan(500_000);
    expect((await refusal(create({ children: bulky }))).message).toContain('the limit is 500000 bytes');
  });

  it('refuses unknown properties, mistyped values and over-long multi_selects, and writes nothing then', async () => {
    const before = server.pagesIn(dataSourceId).length;
    expect((await refusal(create({ properties: { Name: { title: text('x') }, Owner: { rich_text: text('me') } } }))).message).toBe('Owner is not a property that exists.');
    expect((await refusal(create({ properties: { Name: { rich_text: text('x') } } }))).message).toBe('Name is expected to be title.');
    expect((await refusal(create({ properties: { Releases: { number: '12' } } }))).code).toBe(APIErrorCode.ValidationError);
    expect((await refusal(create({ properties: { Published: { date: { start: 'next monday' } } } }))).code).toBe(APIErrorCode.ValidationError);
    const tags = Array.from({ length: 101 }, (_, i) => ({ name: `p${i}` }));
    expect((await refusal(create({ properties: { Plugins: { multi_select: tags } } }))).message).toContain('body.properties.Plugins.multi_select.length should be ≤ `100`');
    expect((await refusal(create({ properties: { Kind: { select: { name: 'a,b' } } } }))).message).toContain('commas not allowed');
    expect(server.pagesIn(dataSourceId)).toHaveLength(before);
  });
});

describe('rate limits and failures the local Notion server can inject', () => {
  it('answers 429 with Retry-After, and the real client waits and retries', async () => {
    const before = server.calls.count('GET /v1/data_sources/:id');
    server.rateLimit({ times: 1, retryAfter: 1 });
    const started = performance.now();
    await expect(notion.dataSources.retrieve({ data_source_id: dataSourceId })).resolves.toMatchObject({ object: 'data_source' });
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(3000);
    expect(server.calls.of('GET /v1/data_sources/:id').slice(before).map((call) => call.status)).toEqual([429, 200]);
  });

  it('lets the client give up once its retries are spent', async () => {
    server.rateLimit({ times: 3, retryAfter: 0 });
    const refused = await refusal(notion.users.me({}));
    expect(refused).toMatchObject({ status: 429, code: APIErrorCode.RateLimited, request_id: expect.any(String) });
    expect((refused.headers as Headers).get('retry-after')).toBe('0');
  });

  it('fails matching requests with the status asked for, applied or not', async () => {
    const before = server.pagesIn(dataSourceId).length;
    server.fail('POST /v1/pages', 500);
    expect(await refusal(create())).toMatchObject({ status: 500, code: APIErrorCode.InternalServerError });
    expect(server.pagesIn(dataSourceId)).toHaveLength(before);

    // The write happened but the answer was lost: what a rerun must not duplicate.
    server.fail('POST /v1/pages', 504, { applied: true });
    expect(await refusal(create())).toMatchObject({ status: 504, code: APIErrorCode.GatewayTimeout });
    expect(server.pagesIn(dataSourceId)).toHaveLength(before + 1);

    // GET is idempotent, so the client retries a 503 on its own.
    server.fail(/^GET \/v1\/pages\//, 503, 1);
    const page = server.pagesIn(dataSourceId)[0]!;
    await expect(client({ retry: { initialRetryDelayMs: 10 } }).pages.retrieve({ page_id: page.id as string })).resolves.toMatchObject({ id: page.id });
  });

  it('enforces a sustained average rate when asked to', async () => {
    server.limitRate({ perSecond: 2, burst: 2 });
    try {
      const strict = client({ retry: false });
      await strict.users.me({});
      await strict.users.me({});
      const refused = await refusal(strict.users.me({}));
      expect(refused).toMatchObject({ status: 429, code: APIErrorCode.RateLimited });
      expect((refused.headers as Headers).get('retry-after')).toBe('1');
      // The default client honours Retry-After and gets through.
      const before = server.calls.count('GET /v1/users/me');
      await expect(notion.users.me({})).resolves.toMatchObject({ object: 'user' });
      expect(server.calls.of('GET /v1/users/me').slice(before).map((call) => call.status)).toEqual([429, 200]);
    } finally {
      server.limitRate(null);
    }
  });

  function create() {
    return notion.pages.create({ parent: { type: 'data_source_id', data_source_id: dataSourceId }, properties: { Name: { title: text('faults') } } });
  }
});
