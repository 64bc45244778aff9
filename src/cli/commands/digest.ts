import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../../adapters/config-file.ts';
import { consoleReporter } from '../../adapters/reporters/console-reporter.ts';
import { describeSchemaProblem } from '../../core/digest/render-notion.ts';
import { SlipwayError } from '../../core/errors.ts';
import { runDigest, setupNotion } from '../../jobs/digest.ts';
import { parseFlags } from '../command.ts';
import { slackTokenFromEnv } from '../slack-token.ts';

export const usage = `usage: slipway digest [setup-notion] [options]

Compiles what shipped in a window — every plugin release, grouped into breaking changes,
features, bug fixes and dependency/version bumps — and posts it to Slack (one message, the
rest in its thread) and writes it to a Notion database (one page per release). Idempotent:
run it twice and nothing is posted or written twice. A sink without a token is skipped.

The window starts where the last completed digest ended (recorded in the git ref
digest.markRef, default refs/slipway/digest, pushed to release.remote), or digest.defaultDays
(7) before its end; it ends today at 00:00 UTC. The mark moves only when every configured
sink succeeded. In org mode (digest.org) releases are the GitHub Releases of the
organisation's repositories (those with the digest.topic topic).

  slipway digest                  compile, print the Markdown digest, post and write
  slipway digest setup-notion     check the Notion database's properties (--create to fix)

options:
  --cwd DIR            the repository (default: the current folder)
  --since DATE         window start, YYYY-MM-DD (UTC) or ISO instant
  --until DATE         window end (exclusive); default today 00:00 UTC
  --org LOGIN          org mode for this run (default: digest.org)
  --channel ID         Slack channel (default: slack.digest)
  --database ID        Notion database (default: digest.notionDatabase)
  --digest-url URL     link to the full digest shown in Slack (default: digest.digestUrl)
  --out FILE           also write the Markdown digest to FILE
  --json               print the outcome (digest, sinks, mark) as JSON instead of Markdown
  --no-mark            neither read nor move the last-digest mark
  --dry-run            show what would be posted and written; write nothing

setup-notion options:
  --database ID        the database to check (default: digest.notionDatabase)
  --create             add missing properties; with --parent and no database, create one
  --parent PAGE_ID     the page to create the database under
  --title TEXT         the new database's title (default: Releases)

environment: GITHUB_TOKEN, GITHUB_API_URL (org mode); SLACK_BOT_TOKEN (SLACK_TOKEN is deprecated), SLACK_API_URL;
NOTION_TOKEN, NOTION_API_URL (another API root, e.g. a local test server).`;

const FLAGS = {
  cwd: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  org: { type: 'string' },
  channel: { type: 'string' },
  database: { type: 'string' },
  'digest-url': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  'no-mark': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  create: { type: 'boolean' },
  parent: { type: 'string' },
  title: { type: 'string' },
} as const;

const env = (name: string) => process.env[name] || undefined;

export async function run(args: string[], context: { debug: boolean }): Promise<number> {
  const { values, positionals } = parseFlags(args, FLAGS, 'digest', true);
  const mode = positionals[0] ?? 'digest';
  if (!['digest', 'setup-notion'].includes(mode) || positionals.length > 1) {
    throw new SlipwayError('USAGE', `unknown digest mode "${positionals.join(' ')}"`, { hint: 'use `slipway digest` or `slipway digest setup-notion`' });
  }
  const reporter = consoleReporter({ debug: context.debug });
  const cwd = resolve(values.cwd ?? '.');
  const config = await loadConfig(cwd);

  if (mode === 'setup-notion') {
    const result = await setupNotion({
      cwd,
      config,
      token: env('NOTION_TOKEN'),
      baseUrl: env('NOTION_API_URL'),
      databaseId: values.database,
      create: values.create ?? false,
      parentPageId: values.parent,
      title: values.title,
    });
    if (result.created) reporter.info(`created the Notion database ${result.databaseId} (data source ${result.dataSourceId}); set digest.notionDatabase: ${result.databaseId}`);
    const fixed = result.found.filter((problem) => !result.remaining.some((left) => left.property === problem.property));
    for (const problem of fixed) reporter.info(`fixed: ${describeSchemaProblem(problem)}`);
    for (const problem of result.remaining) reporter.error(describeSchemaProblem(problem));
    if (result.remaining.length === 0) {
      process.stdout.write(`Notion database ${result.databaseId} is ready for the digest\n`);
      return 0;
    }
    const onlyTypes = result.remaining.every((problem) => problem.actual !== null);
    reporter.info(onlyTypes || values.create
      ? 'change or rename those properties in Notion (slipway never changes a property\'s type: it would discard its values)'
      : 'run again with --create to add the missing properties');
    return 1;
  }

  const digestConfig = { ...config, digest: { ...config.digest, ...(values.org ? { org: values.org } : {}) } };
  const outcome = await runDigest({
    cwd,
    reporter,
    config: digestConfig,
    since: values.since,
    until: values.until,
    dryRun: values['dry-run'] ?? false,
    mark: !values['no-mark'],
    digestUrl: values['digest-url'],
    github: { token: env('GITHUB_TOKEN'), baseUrl: env('GITHUB_API_URL') },
    slack: { token: slackTokenFromEnv(), apiUrl: env('SLACK_API_URL'), channel: values.channel },
    notion: { token: env('NOTION_TOKEN'), baseUrl: env('NOTION_API_URL'), databaseId: values.database },
  });
  if (values.out) {
    await writeFile(values.out, outcome.markdown);
    reporter.info(`digest written to ${values.out}`);
  }
  const { digest, sinks, mark, rerun, source, ok } = outcome;
  process.stdout.write(values.json ? JSON.stringify({ digest, sinks, mark, rerun, source, ok }, null, 2) + '\n' : outcome.markdown);
  return ok ? 0 : 1;
}
