/**
 * The digest of the demo fleet's release week, end to end: real git tags and changelogs, the
 * real Slack and Notion clients against the local servers (which refuse anything over
 * Slack's or Notion's limits and keep state), and the last-digest mark in a real git ref.
 */
import { execa } from 'execa';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryReporter } from '../../src/core/reporter.ts';
import { runDigest, setupNotion, type DigestOptions } from '../../src/jobs/digest.ts';
import type { DemoFleet } from '../../src/adapters/demo/create-demo-fleet.ts';
import { plainText, startNotionServer, type NotionServer, type RichText } from '../servers/notion/index.ts';
import { blockTextLength, startSlackServer, validateBlocks, type SlackServer } from '../servers/slack/index.ts';
import { demoFleetAfterReleaseWeek } from './release-week.ts';

let fleet: DemoFleet;
let slack: SlackServer;
let notion: NotionServer;
let databaseId: string;
const CHANNEL = 'C0RELEASES1';

beforeAll(async () => {
  [fleet, slack, notion] = await Promise.all([
    demoFleetAfterReleaseWeek(),
    startSlackServer({ channels: [{ id: CHANNEL, name: 'releases' }] }),
    startNotionServer(),
  ]);
  const created = await setupNotion({ cwd: fleet.fleetDir, token: notion.token, baseUrl: notion.url, create: true, parentPageId: notion.rootPageId, title: 'Releases' });
  databaseId = created.databaseId;
});
afterAll(async () => {
  await Promise.all([slack.close(), notion.close()]);
  await rm(fleet.root, { recursive: true, force: true });
});

/** The Monday after the release week, 08:00 UTC: the weekly schedule's run. */
const MONDAY = new Date('2025-03-10T08:00:00Z');

function options(overrides: Partial<DigestOptions> = {}): DigestOptions & { reporter: ReturnType<typeof memoryReporter> } {
  return {
    cwd: fleet.fleetDir,
    reporter: memoryReporter(),
    now: MONDAY,
    digestUrl: 'https://github.com/acme/fleet/actions/runs/1',
    slack: { token: slack.token, apiUrl: slack.apiUrl, channel: CHANNEL, postIntervalMs: 0 },
    notion: { token: notion.token, baseUrl: notion.url, databaseId, requestsPerSecond: Infinity },
    ...overrides,
  } as DigestOptions & { reporter: ReturnType<typeof memoryReporter> };
}

const dataSourceId = () => [...notion.dataSources.values()].find((source) => source.databaseId === databaseId)!.id;
const propertyText = (page: Record<string, unknown>, name: string): string => {
  const value = (page.properties as Record<string, Record<string, unknown>>)[name]!;
  if (value.type === 'title' || value.type === 'rich_text') return plainText(value[value.type] as RichText[]);
  if (value.type === 'select') return (value.select as { name: string } | null)?.name ?? '';
  if (value.type === 'date') return (value.date as { start: string }).start;
  return String(value[value.type as string]);
};
const channelMessages = () => slack.messages.filter((message) => message.channel === CHANNEL && message.thread_ts === undefined);

describe('the weekly digest of a monorepo fleet', () => {
  it('lists exactly the release week in Markdown, Slack and Notion, and moves the mark', async () => {
    const outcome = await runDigest(options());

    expect(outcome.ok).toBe(true);
    expect(outcome.digest.window.key).toBe('2025-03-03..2025-03-10');
    expect(outcome.digest.entries.map((e) => [e.plugin, e.previous, e.version, e.bump, e.kind])).toEqual([
      ['@demo/plugin-sql', '0.2.0', '0.3.0', 'minor', 'breaking'],
      ['@demo/plugin-http', '1.1.0', '1.2.0', 'minor', 'features'],
      ['@demo/plugin-csv', '1.0.1', '1.0.2', 'patch', 'fixes'],
      ['@demo/plugin-s3', '1.0.1', '1.0.2', 'patch', 'version-bump'],
    ]);

    // Markdown (job summary and --out file)
    expect(outcome.markdown).toBe(
      [
        '# What shipped: 2025-03-03 → 2025-03-09 (2025-W10)',
        '',
        '**4 releases of 4 plugins: 1 breaking, 1 with new features, 1 with bug fixes, 1 version bump.**',
        '',
        '| breaking | features | fixes | version bumps | changes |',
        '| ---: | ---: | ---: | ---: | --- |',
        '| 1 | 1 | 1 | 1 | 1 breaking · 2 features · 2 fixes · 1 dependency update |',
        '',
        '## ⚠️ Breaking changes (1)',
        '',
        '- **@demo/plugin-sql** 0.2.0 → **0.3.0** · minor · 2025-03-04 · 1 breaking · 1 feature',
        '  - Breaking: **sql:** run `sql.select` where you ran `sql.query`; the input is unchanged.',
        '  - Feature: **sql:** rename the sql.query task to sql.select',
        '',
        '## ✨ Features (1)',
        '',
        '- **@demo/plugin-http** 1.1.0 → **1.2.0** · minor · 2025-03-04 · 1 feature',
        '  - Feature: **http:** retry failed requests',
        '',
        '## 🐛 Bug fixes (1)',
        '',
        '- **@demo/plugin-csv** 1.0.1 → **1.0.2** · patch · 2025-03-04 · 2 fixes',
        '  - Fix: **csv:** ignore carriage returns of Windows line endings',
        '  - Performance: **csv:** skip quote handling for lines without quotes',
        '',
        '## 📦 Dependency and version bumps (1)',
        '',
        '- **@demo/plugin-s3** 1.0.1 → **1.0.2** · patch · 2025-03-04 · 1 dependency update',
        '  - Dependency: @demo/plugin-http ^1.1.0 → ^1.2.0',
        '',
      ].join('\n'),
    );

    // Slack: one message in the channel, within Block Kit limits, with every entry
    expect(outcome.sinks.find((s) => s.sink === 'slack')?.status).toBe('written');
    const [message, ...others] = channelMessages();
    expect(others).toEqual([]);
    expect(validateBlocks(message!.blocks)).toEqual([]);
    const sections = message!.blocks!.filter((b) => b.type === 'section' && b.text).map((b) => (b.text as { text: string }).text);
    expect(sections).toEqual([
      '*4 releases of 4 plugins: 1 breaking, 1 with new features, 1 with bug fixes, 1 version bump.*',
      '*:warning: Breaking changes (1)*\n• *@demo/plugin-sql* 0.2.0 → *0.3.0* · minor · 2025-03-04\n      ◦ Breaking: *sql:* run `sql.select` where you ran `sql.query`; the input is unchanged.\n      ◦ Feature: *sql:* rename the sql.query task to sql.select',
      '*:sparkles: Features (1)*\n• *@demo/plugin-http* 1.1.0 → *1.2.0* · minor · 2025-03-04\n      ◦ Feature: *http:* retry failed requests',
      '*:bug: Bug fixes (1)*\n• *@demo/plugin-csv* 1.0.1 → *1.0.2* · patch · 2025-03-04\n      ◦ Fix: *csv:* ignore carriage returns of Windows line endings\n      ◦ Performance: *csv:* skip quote handling for lines without quotes',
      '*:package: Dependency and version bumps (1)*\n• *@demo/plugin-s3* 1.0.1 → *1.0.2* · patch · 2025-03-04\n      ◦ Dependency: @demo/plugin-http ^1.1.0 → ^1.2.0',
    ]);
    expect(JSON.stringify(message!.blocks)).toContain('<https://github.com/acme/fleet/actions/runs/1|Full digest>');
    expect(message!.metadata).toEqual({ event_type: 'slipway_digest', event_payload: { key: 'slipway-digest 2025-03-03..2025-03-10' } });

    // Notion: one page per release with its properties and notes
    const pages = notion.pagesIn(dataSourceId());
    const rows = pages.map((page) => ['Release', 'Plugin', 'Version', 'Previous', 'Bump', 'Kind', 'Type counts', 'Date', 'Week'].map((name) => propertyText(page, name)));
    expect(rows.sort()).toEqual([
      ['@demo/plugin-csv@1.0.2', '@demo/plugin-csv', '1.0.2', '1.0.1', 'patch', 'Bug fixes', '2 fixes', '2025-03-04', '2025-W10'],
      ['@demo/plugin-http@1.2.0', '@demo/plugin-http', '1.2.0', '1.1.0', 'minor', 'Features', '1 feature', '2025-03-04', '2025-W10'],
      ['@demo/plugin-s3@1.0.2', '@demo/plugin-s3', '1.0.2', '1.0.1', 'patch', 'Dependency and version bumps', '1 dependency update', '2025-03-04', '2025-W10'],
      ['@demo/plugin-sql@0.3.0', '@demo/plugin-sql', '0.3.0', '0.2.0', 'minor', 'Breaking changes', '1 breaking · 1 feature', '2025-03-04', '2025-W10'],
    ]);
    const sql = pages.find((page) => propertyText(page, 'Release') === '@demo/plugin-sql@0.3.0')!;
    const blocks = notion.childrenOf(sql.id as string).map((block) => [block.type, plainText((block[block.type as string] as { rich_text: RichText[] }).rich_text)]);
    expect(blocks).toEqual([
      ['heading_3', '⚠️ Breaking changes'],
      ['bulleted_list_item', 'sql: run sql.select where you ran sql.query; the input is unchanged.'],
      ['heading_3', 'Features'],
      ['bulleted_list_item', 'sql: rename the sql.query task to sql.select'],
    ]);

    // The mark: a commit on refs/slipway/digest, pushed to origin
    expect(outcome.mark).toBe('moved');
    const mark = JSON.parse((await execa('git', ['show', 'refs/slipway/digest:digest.json'], { cwd: fleet.fleetDir })).stdout) as Record<string, unknown>;
    expect(mark).toMatchObject({ since: '2025-03-03T00:00:00.000Z', until: '2025-03-10T00:00:00.000Z', sinks: ['slack', 'notion'], releases: 4 });
    const remote = (await execa('git', ['ls-remote', fleet.remoteDir, 'refs/slipway/digest'])).stdout;
    expect(remote).toContain('refs/slipway/digest');
  });

  it('run again the same day, it finds its message and pages and writes nothing', async () => {
    const posts = slack.calls.count('chat.postMessage');
    const writes = notion.calls.count('POST /v1/pages') + notion.calls.count('PATCH /v1/pages/:id') + notion.calls.count('PATCH /v1/blocks/:id/children');

    const outcome = await runDigest(options());

    expect(outcome.rerun).toBe(true);
    expect(outcome.sinks.map((s) => [s.sink, s.status])).toEqual([['slack', 'unchanged'], ['notion', 'unchanged']]);
    expect(slack.calls.count('chat.postMessage')).toBe(posts);
    expect(channelMessages()).toHaveLength(1);
    expect(notion.calls.count('POST /v1/pages') + notion.calls.count('PATCH /v1/pages/:id') + notion.calls.count('PATCH /v1/blocks/:id/children')).toBe(writes);
    expect(notion.pagesIn(dataSourceId())).toHaveLength(4);
    expect(outcome.mark).toBe('unchanged');
  });

  it('next week starts where the last digest ended', async () => {
    const outcome = await runDigest(options({ now: new Date('2025-03-17T08:00:00Z') }));

    expect(outcome.digest.window.key).toBe('2025-03-10..2025-03-17');
    expect(outcome.digest.entries.map((e) => `${e.key} ${e.kind}`)).toEqual(['@demo/plugin-http@1.2.1 fixes']);
    expect(channelMessages()).toHaveLength(2);
    expect(notion.pagesIn(dataSourceId())).toHaveLength(5);
    const log = (await execa('git', ['log', '--format=%s', 'refs/slipway/digest'], { cwd: fleet.fleetDir })).stdout;
    expect(log.split('\n')).toEqual(['slipway digest 2025-03-10..2025-03-17', 'slipway digest 2025-03-03..2025-03-10']);
  });

  it('a dry run shows what each sink would write and touches neither', async () => {
    const calls = slack.calls.count() + notion.calls.count();
    const outcome = await runDigest(options({ dryRun: true, since: '2025-03-03', until: '2025-03-10' }));

    expect(outcome.sinks.map((s) => [s.sink, s.status])).toEqual([['slack', 'dry-run'], ['notion', 'dry-run']]);
    expect(outcome.sinks[1]!.summary).toContain('would create or update 4 release pages');
    expect(slack.calls.count() + notion.calls.count()).toBe(calls);
    expect(outcome.mark).toBe('kept');
  });

  it('without tokens both sinks are skipped with a notice and the run still succeeds', async () => {
    const run = options({ slack: {}, notion: {}, mark: false, since: '2025-03-03', until: '2025-03-10' });
    const outcome = await runDigest(run);

    expect(outcome.ok).toBe(true);
    expect(outcome.sinks.map((s) => [s.sink, s.status])).toEqual([['slack', 'skipped'], ['notion', 'skipped']]);
    expect(run.reporter.lines.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(run.reporter.lines).toContain('info: slack: skipped: no Slack token (set SLACK_BOT_TOKEN / the slack-token input)');
  });

  it('Slack and Notion rate limits are waited out for as long as Retry-After says', async () => {
    slack.rateLimit('chat.postMessage', { times: 1, retryAfter: 1 });
    notion.rateLimit({ times: 1, retryAfter: 1 });
    const started = Date.now();
    const outcome = await runDigest(options({ mark: false, since: '2025-02-03', until: '2025-02-10' }));

    expect(outcome.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(slack.calls.of('chat.postMessage').map((call) => call.status).slice(-2)).toEqual([429, 200]);
    expect(notion.calls.all.filter((call) => call.status === 429)).toHaveLength(1);
  });
});

describe('one sink failing', () => {
  it('does not lose the other, fails the run, keeps the mark, and the rerun finishes the job without duplicates', async () => {
    const window = { since: '2025-03-03', until: '2025-03-10' };
    // A fresh database and channel, so this test's counts are its own.
    const channel = slack.addChannel('releases-two', 'C0RELEASES2');
    const created = await setupNotion({ cwd: fleet.fleetDir, token: notion.token, baseUrl: notion.url, create: true, parentPageId: notion.rootPageId, title: 'Releases 2' });
    notion.fail('POST /v1/pages', 500); // Notion's client does not retry a 500 on a POST (it may have been applied)
    const run = options({ ...window, mark: false, slack: { token: slack.token, apiUrl: slack.apiUrl, channel, postIntervalMs: 0 }, notion: { token: notion.token, baseUrl: notion.url, databaseId: created.databaseId, requestsPerSecond: Infinity, retries: 0 } });

    const failed = await runDigest(run);
    expect(failed.ok).toBe(false);
    expect(failed.sinks.map((s) => [s.sink, s.status])).toEqual([['slack', 'written'], ['notion', 'failed']]);
    expect(failed.sinks[1]!.error).toContain('Notion: could not create the page');
    expect(slack.messages.filter((m) => m.channel === channel)).toHaveLength(1);

    const rerun = await runDigest({ ...run, reporter: memoryReporter() });
    expect(rerun.ok).toBe(true);
    expect(rerun.sinks.map((s) => [s.sink, s.status])).toEqual([['slack', 'unchanged'], ['notion', 'written']]);
    expect(slack.messages.filter((m) => m.channel === channel)).toHaveLength(1);
    expect(notion.pagesIn(created.dataSourceId)).toHaveLength(4);
  });

  it('a failed sink leaves the mark where it was', async () => {
    const before = (await execa('git', ['rev-parse', 'refs/slipway/digest'], { cwd: fleet.fleetDir })).stdout;
    const outcome = await runDigest(options({ now: new Date('2025-03-24T08:00:00Z'), notion: { token: 'ntn_wrong', baseUrl: notion.url, databaseId, retries: 0 } }));

    expect(outcome.ok).toBe(false);
    expect(outcome.sinks[1]).toMatchObject({ sink: 'notion', status: 'failed' });
    expect(outcome.sinks[1]!.error).toContain('hint: the Notion token is not valid');
    expect(outcome.mark).toBe('kept');
    expect((await execa('git', ['rev-parse', 'refs/slipway/digest'], { cwd: fleet.fleetDir })).stdout).toBe(before);
  });
});

describe('Slack message limits', () => {
  it('the channel message stays within Block Kit limits and well under 12k characters of block text', () => {
    for (const message of slack.messages) {
      expect(validateBlocks(message.blocks ?? [])).toEqual([]);
      expect(blockTextLength(message.blocks ?? [])).toBeLessThan(12_000);
    }
  });
});
