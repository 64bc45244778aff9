/**
 * The digest job: find what shipped in the window (monorepo tags and changelogs, or the
 * GitHub Releases of an organisation's plugin repositories), compose the digest, and hand it
 * to each sink — Slack and Notion — independently: a failure in one never stops the other.
 * Each sink reports its own result; the last-digest mark moves only when every configured
 * sink succeeded. A sink without a token is skipped with a notice, never an error.
 */
import { loadConfig } from '../adapters/config-file.ts';
import { DEFAULT_MARK_REF, readDigestMark, writeDigestMark, type MarkLocation } from '../adapters/digest/digest-mark.ts';
import { readGitReleases } from '../adapters/digest/git-releases.ts';
import { readOrgReleases } from '../adapters/digest/github-releases.ts';
import { checkDigestDatabase, completeDigestSchema, createDigestDatabase, writeDigestPages } from '../adapters/digest/notion-digest.ts';
import { postDigestToSlack } from '../adapters/digest/slack-digest.ts';
import { discoverFleet } from '../adapters/fleet.ts';
import { repositoryUrl } from '../adapters/git.ts';
import { createGitHubClient, type Octokit } from '../adapters/github/client.ts';
import { createNotionClient } from '../adapters/notion/client.ts';
import { createSlackClient } from '../adapters/slack/client.ts';
import type { SlipwayConfig } from '../core/config/schema.ts';
import { composeDigest, plural, type Digest } from '../core/digest/compose-digest.ts';
import type { ShippedRelease } from '../core/digest/release.ts';
import { renderDigestMarkdown } from '../core/digest/render-markdown.ts';
import { describeSchemaProblem, notionPages, type SchemaProblem } from '../core/digest/render-notion.ts';
import { renderSlackDigest } from '../core/digest/render-slack.ts';
import { describeWindow, digestWindow, type DigestWindow } from '../core/digest/window.ts';
import { formatError, SlipwayError } from '../core/errors.ts';
import type { Reporter } from '../core/reporter.ts';
import { tagFormatFor } from '../core/history/tag-format.ts';

export interface SlackSinkOptions {
  token?: string | undefined;
  /** Channel ID; default `slack.digest` from slipway.yml. */
  channel?: string | undefined;
  apiUrl?: string | undefined;
  postIntervalMs?: number;
  retries?: number;
}

export interface NotionSinkOptions {
  token?: string | undefined;
  /** Database id; default `digest.notionDatabase` from slipway.yml. */
  databaseId?: string | undefined;
  baseUrl?: string | undefined;
  requestsPerSecond?: number;
  retries?: number;
  initialRetryDelayMs?: number;
}

export interface GitHubSourceOptions {
  token?: string | undefined;
  baseUrl?: string | undefined;
  /** An already built client (tests, or an action that made one). */
  client?: Octokit;
}

export interface DigestOptions {
  cwd: string;
  reporter: Reporter;
  config?: SlipwayConfig;
  now?: Date;
  /** Explicit window bounds (YYYY-MM-DD or ISO); default: since the last digest, until today 00:00 UTC. */
  since?: string | undefined;
  until?: string | undefined;
  /** Show what each sink would write; write nothing, move no mark. */
  dryRun?: boolean;
  /** Read and move the last-digest mark (default true). */
  mark?: boolean;
  /** Link to the full Markdown digest, shown in Slack; default `digest.digestUrl`. */
  digestUrl?: string | undefined;
  github?: GitHubSourceOptions;
  slack?: SlackSinkOptions;
  notion?: NotionSinkOptions;
}

export type SinkName = 'slack' | 'notion';

export interface SinkResult {
  sink: SinkName;
  /** skipped: not configured (no token, channel or database); never a failure. */
  status: 'written' | 'unchanged' | 'dry-run' | 'skipped' | 'failed';
  /** One line for people. */
  summary: string;
  error?: string;
}

export interface DigestOutcome {
  digest: Digest;
  markdown: string;
  /** Where the releases were read from. */
  source: { mode: 'monorepo' | 'org'; requests?: number; repositories?: number };
  /** The window is the last completed digest's, run again. */
  rerun: boolean;
  sinks: SinkResult[];
  mark: 'moved' | 'kept' | 'unchanged' | 'off';
  /** False when any sink (or the mark) failed: the entry point fails, after everything ran. */
  ok: boolean;
}

export async function runDigest(options: DigestOptions): Promise<DigestOutcome> {
  const { cwd, reporter } = options;
  const config = options.config ?? (await loadConfig(cwd));
  const now = options.now ?? new Date();
  const useMark = options.mark ?? true;
  const location: MarkLocation = { cwd, ref: config.digest.markRef ?? DEFAULT_MARK_REF, remote: config.release.remote };

  const last = useMark ? await readDigestMark(location) : undefined;
  if (last) reporter.debug(`last digest: ${last.key} (completed ${last.completedAt})`);
  const { window, rerun } = digestWindow({ now, defaultDays: config.digest.defaultDays, last, since: options.since, until: options.until });
  reporter.info(`digest window: ${describeWindow(window)} (${window.key})${rerun ? ' — the last digest, run again: sinks confirm what they wrote' : ''}`);

  const { releases, source } = await readReleases(options, config, window);
  const digest = composeDigest(window, releases);
  const markdown = renderDigestMarkdown(digest);
  reporter.info(`${plural(digest.headline.releases, 'release')} of ${plural(digest.headline.plugins, 'plugin')} in the window`);

  const digestUrl = options.digestUrl ?? config.digest.digestUrl;
  const sinks = await Promise.all([slackSink(options, config, digest, digestUrl), notionSink(options, config, digest)]);
  for (const result of sinks) {
    if (result.status === 'failed') reporter.error(`${result.sink}: ${result.summary}`);
    else reporter.info(`${result.sink}: ${result.summary}`);
  }

  const configured = sinks.filter((result) => result.status !== 'skipped');
  const failed = sinks.some((result) => result.status === 'failed');
  let mark: DigestOutcome['mark'] = 'off';
  let markFailed = false;
  if (useMark) {
    if (options.dryRun || failed || configured.length === 0) {
      mark = 'kept';
      const why = options.dryRun ? 'a dry run' : failed ? 'a sink failed; the next run covers this window again' : 'no sink is configured';
      reporter.info(`last-digest mark not moved: ${why}`);
    } else if (rerun) {
      mark = 'unchanged';
    } else {
      try {
        await writeDigestMark(location, window, { sinks: configured.map((result) => result.sink), releases: digest.headline.releases, now });
        mark = 'moved';
        reporter.info(`last-digest mark moved to ${window.until} (${location.ref})`);
      } catch (error) {
        markFailed = true;
        reporter.error(formatError(error));
      }
    }
  }
  return { digest, markdown, source, rerun, sinks, mark, ok: !failed && !markFailed };
}

async function readReleases(options: DigestOptions, config: SlipwayConfig, window: DigestWindow): Promise<{ releases: ShippedRelease[]; source: DigestOutcome['source'] }> {
  const { reporter, cwd } = options;
  const org = config.digest.org;
  if (org) {
    // Read-only GraphQL queries: plugin-throttling spaces every POST /graphql one second apart
    // as if it were a content-creating write, which would add a second per 100 repositories.
    const octokit =
      options.github?.client ??
      createGitHubClient({ token: options.github?.token, baseUrl: options.github?.baseUrl, writeSpacingMs: 0, log: (line) => reporter.warn(line) });
    const result = await readOrgReleases(octokit, {
      org,
      topic: config.digest.topic,
      window,
      progress: (done, total) => reporter.progress('repositories read', done, total),
    });
    reporter.info(`org ${org}: ${result.repositories} plugin repositories read in ${plural(result.requests, 'GraphQL request')}`);
    return { releases: result.releases, source: { mode: 'org', requests: result.requests, repositories: result.repositories } };
  }
  const [fleet, repoUrl] = await Promise.all([discoverFleet(cwd, config), repositoryUrl(cwd, config.release.remote)]);
  const releases = await readGitReleases({
    cwd,
    plugins: fleet.plugins,
    format: tagFormatFor(config, fleet),
    window,
    changelogFile: config.release.changelog,
    repoUrl,
    githubReleases: config.release.githubRelease,
  });
  for (const release of releases) {
    if (release.notes === null) reporter.warn(`${release.tag}: no "${release.version}" section in ${config.release.changelog} at the tag; listed without notes`);
  }
  return { releases, source: { mode: 'monorepo' } };
}

async function slackSink(options: DigestOptions, config: SlipwayConfig, digest: Digest, digestUrl: string | undefined): Promise<SinkResult> {
  const slack = options.slack ?? {};
  const channel = slack.channel ?? config.slack.digest;
  const messages = renderSlackDigest(digest, { digestUrl });
  if (options.dryRun) {
    messages.forEach((message, index) =>
      options.reporter.info(`Slack (dry run): ${index === 0 ? 'channel message' : `thread reply ${index}`} — ${plural(message.blocks.length, 'block')}: ${message.text}`),
    );
    const blocks = messages.map((message) => message.blocks.length).join(', ');
    const missing = !slack.token ? ' (no Slack token: a real run would skip Slack)' : !channel ? ' (no channel: a real run would skip Slack)' : '';
    return { sink: 'slack', status: 'dry-run', summary: `would post 1 message to ${channel ?? '(no channel)'} and ${plural(messages.length - 1, 'thread reply', 'thread replies')} (blocks: ${blocks}), unless already posted${missing}` };
  }
  if (!slack.token) return { sink: 'slack', status: 'skipped', summary: 'skipped: no Slack token (set SLACK_BOT_TOKEN / the slack-token input)' };
  if (!channel) return { sink: 'slack', status: 'skipped', summary: 'skipped: no channel (set slack.digest in slipway.yml)' };
  try {
    const client = createSlackClient({ token: slack.token, apiUrl: slack.apiUrl, retries: slack.retries, log: (line) => options.reporter.warn(line) });
    const result = await postDigestToSlack(client, {
      channel,
      windowKey: digest.window.key,
      messages,
      postIntervalMs: slack.postIntervalMs,
      log: (line) => options.reporter.info(line),
    });
    if (result.posted === 0) return { sink: 'slack', status: 'unchanged', summary: `already posted in ${result.channel} (ts ${result.ts}); nothing posted again` };
    return { sink: 'slack', status: 'written', summary: `posted ${plural(result.posted, 'message')} in ${result.channel} (ts ${result.ts}; ${plural(messages.length - 1, 'thread reply', 'thread replies')} in all)` };
  } catch (error) {
    return { sink: 'slack', status: 'failed', summary: formatError(error), error: formatError(error) };
  }
}

async function notionSink(options: DigestOptions, config: SlipwayConfig, digest: Digest): Promise<SinkResult> {
  const notionOptions = options.notion ?? {};
  const databaseId = notionOptions.databaseId ?? config.digest.notionDatabase;
  const pages = notionPages(digest);
  if (options.dryRun) {
    for (const page of pages) options.reporter.info(`Notion (dry run): page ${page.key} — ${plural(page.children.length, 'block')}`);
    const missing = !notionOptions.token ? ' (no Notion token: a real run would skip Notion)' : !databaseId ? ' (no database: a real run would skip Notion)' : '';
    return { sink: 'notion', status: 'dry-run', summary: `would create or update ${plural(pages.length, 'release page')} in ${databaseId ?? '(no database)'}, unless unchanged${missing}` };
  }
  if (!notionOptions.token) return { sink: 'notion', status: 'skipped', summary: 'skipped: no Notion token (set NOTION_TOKEN / the notion-token input)' };
  if (!databaseId) return { sink: 'notion', status: 'skipped', summary: 'skipped: no database (set digest.notionDatabase in slipway.yml)' };
  try {
    const notion = createNotionClient({
      token: notionOptions.token,
      baseUrl: notionOptions.baseUrl,
      ...(notionOptions.requestsPerSecond !== undefined ? { requestsPerSecond: notionOptions.requestsPerSecond } : {}),
      ...(notionOptions.retries !== undefined ? { retries: notionOptions.retries } : {}),
      ...(notionOptions.initialRetryDelayMs !== undefined ? { initialRetryDelayMs: notionOptions.initialRetryDelayMs } : {}),
      log: (line) => options.reporter.warn(line),
    });
    const check = await checkDigestDatabase(notion, databaseId);
    if (check.problems.length > 0) {
      throw new SlipwayError('INPUT_INVALID', `the Notion database is not set up for the digest: ${check.problems.map(describeSchemaProblem).join('; ')}`, {
        subject: `Notion database ${databaseId}`,
        hint: 'run `slipway digest setup-notion --create` to add the missing properties',
      });
    }
    const result = await writeDigestPages(notion, {
      dataSourceId: check.dataSourceId,
      pages,
      log: (line) => options.reporter.info(line),
      progress: (done, total) => options.reporter.progress('Notion pages', done, total),
    });
    const counts = `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`;
    return { sink: 'notion', status: result.created + result.updated === 0 ? 'unchanged' : 'written', summary: `release pages: ${counts}` };
  } catch (error) {
    return { sink: 'notion', status: 'failed', summary: formatError(error), error: formatError(error) };
  }
}

export interface SetupNotionOptions {
  token: string | undefined;
  baseUrl?: string | undefined;
  /** The database to check; default `digest.notionDatabase`. */
  databaseId?: string | undefined;
  /** Create the database (under parentPageId) or add its missing properties. */
  create?: boolean;
  parentPageId?: string | undefined;
  title?: string;
  config?: SlipwayConfig;
  cwd: string;
}

export interface SetupNotionResult {
  databaseId: string;
  dataSourceId: string;
  created: boolean;
  /** What was wrong before, and what is still wrong after (wrong types are never changed). */
  found: SchemaProblem[];
  remaining: SchemaProblem[];
}

/** `slipway digest setup-notion`: check the digest database's schema, or create/complete it. */
export async function setupNotion(options: SetupNotionOptions): Promise<SetupNotionResult> {
  if (!options.token) {
    throw new SlipwayError('INPUT_INVALID', 'no Notion token', { subject: 'NOTION_TOKEN', hint: 'set NOTION_TOKEN to the integration\'s token (Notion → Settings → Integrations)' });
  }
  const config = options.config ?? (await loadConfig(options.cwd));
  const notion = createNotionClient({ token: options.token, baseUrl: options.baseUrl });
  const databaseId = options.databaseId ?? config.digest.notionDatabase;
  if (!databaseId) {
    if (!options.create || !options.parentPageId) {
      throw new SlipwayError('INPUT_INVALID', 'no Notion database to check', {
        subject: 'digest.notionDatabase',
        hint: 'set digest.notionDatabase in slipway.yml (or --database ID), or create one with --create --parent PAGE_ID',
      });
    }
    const created = await createDigestDatabase(notion, options.parentPageId, options.title ?? 'Releases');
    const check = await checkDigestDatabase(notion, created.databaseId);
    return { ...created, created: true, found: [], remaining: check.problems };
  }
  const check = await checkDigestDatabase(notion, databaseId);
  const remaining = options.create ? await completeDigestSchema(notion, check) : check.problems;
  return { databaseId, dataSourceId: check.dataSourceId, created: false, found: check.problems, remaining };
}
