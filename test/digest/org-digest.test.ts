/**
 * The digest in org mode: plugins are the repositories of a GitHub organisation, releases are
 * their GitHub Releases, read through the real octokit client from the local GitHub server,
 * which checks every GraphQL query against GitHub's schema and counts requests. The week of
 * 400 releases then goes to the local Slack and Notion servers, which refuse anything beyond
 * the documented limits — so a successful post is the proof that the limits were kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/adapters/github/client.ts';
import { readOrgReleases } from '../../src/adapters/digest/github-releases.ts';
import { defaultConfig, type SlipwayConfig } from '../../src/core/config/schema.ts';
import { windowOf } from '../../src/core/digest/window.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { runDigest, setupNotion } from '../../src/jobs/digest.ts';
import { seedSyntheticOrg, repositoryName, type SyntheticOrg } from '../../bench/synthetic-org.ts';
import { cleanupTempDirs, repo } from '../helpers/repo.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';
import { plainText, startNotionServer, type NotionServer, type RichText } from '../servers/notion/index.ts';
import { blockTextLength, startSlackServer, validateBlocks, type SlackServer } from '../servers/slack/index.ts';


afterAll(cleanupTempDirs);
const WEEK = windowOf('2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z');

function orgConfig(org: string, topic?: string): SlipwayConfig {
  const config = defaultConfig();
  return { ...config, digest: { ...config.digest, org, ...(topic ? { topic } : {}) } };
}

describe('org mode: releases from GitHub Releases', () => {
  let github: GitHubServer;
  beforeAll(async () => {
    github = await startGitHubServer();
    const state = github.state;
    state.addOrg('tiny');
    state.addRepo('tiny/widget', { topics: ['slipway-plugin'] });
    state.addRelease('tiny/widget', { tagName: 'v1.4.0', body: '### Features\n\n* older', createdAt: '2025-02-01T10:00:00Z' });
    state.addRelease('tiny/widget', { tagName: 'v2.0.0', body: '## [2.0.0](https://github.com/tiny/widget/compare/v1.4.0...v2.0.0) (2025-03-05)\n\n### ⚠ BREAKING CHANGES\n\n* **render:** `draw()` takes options\n', createdAt: '2025-03-05T09:00:00Z' });
    state.addRepo('tiny/gadget', { topics: ['slipway-plugin'] });
    state.addRelease('tiny/gadget', { tagName: 'gadget-v0.3.1', body: '### Dependencies\n\n* **widget:** ^1.4.0 → ^2.0.0', createdAt: '2025-03-06T09:00:00Z' });
    state.addRelease('tiny/gadget', { tagName: 'gadget-v0.3.0', body: '### Features\n\n* old', createdAt: '2025-01-06T09:00:00Z' });
    state.addRepo('tiny/website'); // not a plugin: no topic
    state.addRelease('tiny/website', { tagName: 'v5.0.0', body: '### Features\n\n* a new homepage', createdAt: '2025-03-04T09:00:00Z' });
  });
  afterAll(() => github.close());

  it('lists the plugin repositories\' releases of the week, with links, and nothing from other repositories', async () => {
    const octokit = createGitHubClient({ baseUrl: github.url, token: github.token, writeSpacingMs: 0 });
    const result = await readOrgReleases(octokit, { org: 'tiny', topic: 'slipway-plugin', window: WEEK });

    expect(result.repositories).toBe(2);
    expect(result.requests).toBe(1);
    expect(result.releases.map((r) => [r.plugin, r.previous, r.version, r.tag, r.url])).toEqual([
      ['gadget', '0.3.0', '0.3.1', 'gadget-v0.3.1', 'https://github.com/tiny/gadget/releases/tag/gadget-v0.3.1'],
      ['widget', '1.4.0', '2.0.0', 'v2.0.0', 'https://github.com/tiny/widget/releases/tag/v2.0.0'],
    ]);
    expect(result.releases[1]!.notes?.breaking).toEqual([{ scope: 'render', text: '`draw()` takes options' }]);
    github.assertNoViolations();
  });

  it('names the organisation when it does not exist', async () => {
    const octokit = createGitHubClient({ baseUrl: github.url, token: github.token, retries: 0 });
    await expect(readOrgReleases(octokit, { org: 'nobody-here', window: WEEK })).rejects.toThrow(/nobody-here/);
    github.takeViolations();
  });
});

describe('org mode: 1,300 plugin repositories, 400 of them releasing in one week', () => {
  let github: GitHubServer;
  let slack: SlackServer;
  let notion: NotionServer;
  let org: SyntheticOrg;
  let databaseId: string;
  let dataSourceId: string;
  const cwd = repo().commit('chore: the repository that runs the digest').dir;
  const CHANNEL = 'C0DIGEST001';

  beforeAll(async () => {
    [github, slack, notion] = await Promise.all([startGitHubServer(), startSlackServer({ channels: [{ id: CHANNEL, name: 'digest' }] }), startNotionServer()]);
    org = seedSyntheticOrg(github.state, { org: 'acme', topic: 'slipway-plugin', repositories: 1300, releasing: 400, weekStart: new Date(WEEK.since) });
    ({ databaseId, dataSourceId } = await setupNotion({ cwd, token: notion.token, baseUrl: notion.url, create: true, parentPageId: notion.rootPageId, config: defaultConfig() }));
  });
  afterAll(() => Promise.all([github.close(), slack.close(), notion.close()]));

  const run = () =>
    runDigest({
      cwd,
      reporter: memoryReporter(),
      config: orgConfig('acme', 'slipway-plugin'),
      now: new Date('2025-03-10T07:00:00Z'),
      digestUrl: 'https://github.com/acme/.github/actions/runs/7',
      github: { token: github.token, baseUrl: github.url },
      slack: { token: slack.token, apiUrl: slack.apiUrl, channel: CHANNEL, postIntervalMs: 0 },
      notion: { token: notion.token, baseUrl: notion.url, databaseId, requestsPerSecond: Infinity },
    });

  it('reads every release in at most 15 GraphQL requests, posts within Slack\'s limits and writes one Notion page per release', async () => {
    const outcome = await run();

    expect(outcome.ok).toBe(true);
    // GitHub: 13 pages of 100 repositories + 1 follow-up for plugin-0003's eight releases
    expect(github.count('graphql')).toBe(outcome.source.requests);
    expect(outcome.source.requests).toBeLessThanOrEqual(15);
    expect(outcome.source).toEqual({ mode: 'org', requests: 14, repositories: 1300 });
    github.assertNoViolations();

    expect(outcome.digest.headline.releases).toBe(org.releasesInWeek);
    expect(org.releasesInWeek).toBe(407);
    expect(outcome.digest.headline.byKind).toEqual({ breaking: 100, features: 101, fixes: 108, 'version-bump': 98 });
    const keys = new Set(outcome.digest.entries.map((e) => e.key));
    expect(keys.has('plugin-0003@1.0.8') && keys.has('plugin-0003@1.0.1')).toBe(true);
    expect(outcome.digest.entries.find((e) => e.key === 'plugin-0003@1.0.1')?.previous).toBe('1.0.0');
    expect([...keys].some((key) => key.startsWith('plugin-0005@9'))).toBe(false);

    // Slack: one channel message and its thread; the server refused nothing
    const posted = slack.messages.filter((m) => m.channel === CHANNEL);
    const [parent, ...replies] = posted;
    expect(parent!.thread_ts).toBeUndefined();
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((reply) => reply.thread_ts === parent!.ts)).toBe(true);
    expect(slack.calls.all.filter((call) => call.error)).toEqual([]);
    for (const message of posted) {
      expect(validateBlocks(message.blocks)).toEqual([]);
      expect(message.blocks!.length).toBeLessThanOrEqual(50);
      expect(blockTextLength(message.blocks)).toBeLessThan(12_000);
    }
    // …and nothing was cut: every release and every character of the longest note is in there
    const allText = posted.map((m) => JSON.stringify(m.blocks)).join('\n');
    const missing = outcome.digest.entries.filter((entry) => !allText.includes(`|${entry.plugin}>* ${entry.previous} → *${entry.version}*`));
    expect(missing.map((entry) => entry.key)).toEqual([]);
    expect(allText.split(org.longNoteChar).length - 1).toBe(org.longNoteLength);
    expect(JSON.stringify(parent!.blocks)).toContain(`${replies.length === 1 ? '1 reply' : `${replies.length} replies`}`);

    // Notion: one page per release, the busy release's notes in chunks of at most 100 blocks
    const pages = notion.pagesIn(dataSourceId);
    expect(pages).toHaveLength(407);
    expect(notion.calls.all.filter((call) => call.status !== 200)).toEqual([]);
    const busy = pages.find((page) => plainText((page.properties as Record<string, { title: RichText[] }>).Release!.title) === `${repositoryName(7)}@1.1.0`)!;
    const blocks = notion.childrenOf(busy.id as string);
    expect(blocks.filter((b) => b.type === 'bulleted_list_item')).toHaveLength(251);
    const longNote = blocks.map((b) => plainText((b[b.type as string] as { rich_text: RichText[] }).rich_text)).join('');
    expect(longNote.split(org.longNoteChar).length - 1).toBe(org.longNoteLength);
  });

  it('run again, it reads the same releases and writes nothing anywhere', async () => {
    const postsBefore = slack.calls.count('chat.postMessage');
    const notionWrites = () => notion.calls.all.filter((call) => !call.key.startsWith('GET') && !call.key.endsWith('/query')).length;
    const writesBefore = notionWrites();

    const outcome = await run();

    expect(outcome.sinks.map((s) => [s.sink, s.status])).toEqual([['slack', 'unchanged'], ['notion', 'unchanged']]);
    expect(slack.calls.count('chat.postMessage')).toBe(postsBefore);
    expect(notionWrites()).toBe(writesBefore);
    expect(notion.pagesIn(dataSourceId)).toHaveLength(407);
  });
});
