import { availableParallelism } from 'node:os';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { catalogLocation } from '../../adapters/catalog/catalog-location.ts';
import type { CatalogLocation } from '../../adapters/catalog/catalog-branch.ts';
import { loadConfig } from '../../adapters/config-file.ts';
import { ResultsBranch } from '../../adapters/compat/results-branch.ts';
import { createGitHubClient } from '../../adapters/github/client.ts';
import { consoleReporter } from '../../adapters/reporters/console-reporter.ts';
import { createSlackClient } from '../../adapters/slack/client.ts';
import { parseShardResult } from '../../core/compat/parse-results.ts';
import { renderCompatText } from '../../core/compat/render-summary.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Reporter } from '../../core/reporter.ts';
import { compatLocal } from '../../jobs/compat/local.ts';
import { planCompat } from '../../jobs/compat/plan.ts';
import { reportCompat, type CompatReport, type CompatReportOptions } from '../../jobs/compat/report.ts';
import { voidCompatRun } from '../../jobs/compat/void.ts';
import { parseFlags } from '../command.ts';
import { slackTokenFromEnv } from '../slack-token.ts';

export const usage = `usage: slipway compat [plan | report | void RUN] [options]

Tests every plugin against the core's develop branch (core.repository and core.branch in
slipway.yml): builds the core once, runs each plugin's tests with a pool of workers, re-runs
failures, re-tests what still fails against the released core, and classifies each plugin
against the previous run: regressed, still broken, fixed, flaky, infra (checkout, install,
timeout, network) or passed. Results go to the results branch (compat.results.branch), and
the core versions each plugin version passed with to compat.json on the catalog branch, if any.

  slipway compat          plan, run and report on this machine
  slipway compat plan     print the shard matrix a workflow would run (writes nothing)
  slipway compat report   report stored shard results again (--results DIR --run-id ID)
  slipway compat void RUN remove run RUN from the results branch and rebuild compat.json
                          from the runs that remain (--push to push it, --dry-run to see it)

options:
  --cwd DIR              the fleet repository (default: the current folder)
  --jobs N               plugins tested at once (default: the number of CPUs)
  --timeout SECONDS      per-plugin timeout (default: compat.timeoutMinutes)
  --against BRANCH       develop (default) or release: a baseline run against the released core
  --work DIR             scratch folder for core builds, logs and shard results (default: a temp folder)
  --run-id ID            name of the run (default: local-<time>)
  --max-shards N         plan: shards at most (default: compat.maxShards; never above 256)
  --results DIR          report: the folder holding shard-*.json
  --slack-channel C      post the report to Slack (default: slack.compat); needs SLACK_BOT_TOKEN
  --now                  post to Slack now, not at the next compat.report weekday and time
  --issues OWNER/NAME    keep one issue per regression in that repository; needs GITHUB_TOKEN
  --push                 push the results branch to its remote (compat.results.remote)
  --no-store             leave the results branch (and the catalog's compat.json) alone
  --html FILE            write the HTML report page to FILE
  --markdown             print the report as Markdown (as in the job summary)
  --json                 print the classified run as JSON
  --dry-run              show each write (results branch, Slack, issues) without making it

environment: SLACK_BOT_TOKEN, SLACK_API_URL (another Slack API root), GITHUB_TOKEN, GITHUB_API_URL.`;

const FLAGS = {
  cwd: { type: 'string' },
  jobs: { type: 'string' },
  timeout: { type: 'string' },
  against: { type: 'string' },
  work: { type: 'string' },
  'run-id': { type: 'string' },
  'max-shards': { type: 'string' },
  results: { type: 'string' },
  'slack-channel': { type: 'string' },
  now: { type: 'boolean' },
  issues: { type: 'string' },
  push: { type: 'boolean' },
  'no-store': { type: 'boolean' },
  html: { type: 'string' },
  markdown: { type: 'boolean' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseFlags<typeof FLAGS>>['values'];

export async function run(args: string[], context: { debug: boolean }): Promise<number> {
  const { values, positionals } = parseFlags(args, FLAGS, 'compat', true);
  const mode = positionals[0] ?? 'all';
  if (!['all', 'plan', 'report', 'void'].includes(mode) || positionals.length > (mode === 'void' ? 2 : 1)) {
    throw new SlipwayError('USAGE', `unknown compat mode "${positionals.join(' ')}"`, { hint: 'use `slipway compat`, `slipway compat plan`, `slipway compat report` or `slipway compat void RUN`' });
  }
  const reporter = consoleReporter({ debug: context.debug });
  const cwd = resolve(values.cwd ?? '.');
  const config = await loadConfig(cwd);
  const results = values['no-store']
    ? undefined
    : new ResultsBranch({ repoDir: cwd, branch: config.compat.results.branch, remote: config.compat.results.remote, push: values.push ?? false });

  if (mode === 'void') {
    const runId = positionals[1];
    if (!runId) throw new SlipwayError('USAGE', 'compat void needs the id of the run to remove', { hint: 'e.g. `slipway compat void 1234567890` (the ids are the runs/*.json names on the results branch)' });
    if (!results) throw new SlipwayError('USAGE', 'compat void changes the results branch; --no-store leaves it alone', { hint: 'leave out --no-store' });
    const voided = await voidCompatRun({ config, reporter, results, runId, dryRun: values['dry-run'] ?? false });
    if (values.json) process.stdout.write(JSON.stringify(voided, null, 2) + '\n');
    return 0;
  }

  if (mode === 'plan') {
    const maxShards = values['max-shards'] ? integer(values['max-shards'], '--max-shards', 1) : undefined;
    const { matrix, plan } = await planCompat({ cwd, config, reporter, maxShards, results, octokit: githubClient() });
    process.stdout.write(values.json ? JSON.stringify({ matrix, plan }, null, 2) + '\n' : JSON.stringify(matrix) + '\n');
    return 0;
  }

  const outputs = {
    slack: slackTarget(values, config),
    issues: issuesTarget(values, config),
    dryRun: values['dry-run'] ?? false,
    catalog: values['no-store'] ? undefined : await catalogTarget(cwd, config, reporter),
  };
  let report: CompatReport;
  if (mode === 'report') {
    report = await reportFromFiles(values, config, reporter, results, outputs);
  } else {
    const against = values.against ?? 'develop';
    if (against !== 'develop' && against !== 'release') throw new SlipwayError('USAGE', `--against must be develop or release, got "${against}"`, { hint: 'run `slipway compat --help`' });
    const local = await compatLocal({
      cwd,
      config,
      reporter,
      jobs: values.jobs ? integer(values.jobs, '--jobs', 1) : availableParallelism(),
      timeoutMs: values.timeout ? integer(values.timeout, '--timeout', 1) * 1000 : undefined,
      against,
      workDir: values.work ? resolve(values.work) : undefined,
      runId: values['run-id'],
      results,
      octokit: githubClient(),
      repository: outputs.issues ? `${outputs.issues.owner}/${outputs.issues.repo}` : undefined,
      ...outputs,
    });
    reporter.info(`logs and shard results: ${local.workDir}`);
    report = local;
  }
  if (values.html) {
    await writeFile(values.html, report.html);
    reporter.info(`HTML report written to ${values.html}`);
  }
  process.stdout.write(values.json ? JSON.stringify(report.run, null, 2) + '\n' : values.markdown ? report.summary : renderCompatText(report.run));
  return 0;
}

async function reportFromFiles(
  values: Values,
  config: SlipwayConfig,
  reporter: Reporter,
  results: ResultsBranch | undefined,
  outputs: Pick<CompatReportOptions, 'slack' | 'issues' | 'dryRun' | 'catalog'>,
): Promise<CompatReport> {
  if (!values.results || !values['run-id']) {
    throw new SlipwayError('USAGE', 'compat report needs --results DIR (the shard-*.json files) and --run-id ID', { hint: 'run `slipway compat --help`' });
  }
  const dir = resolve(values.results);
  const files = (await readdir(dir)).filter((f) => /^shard-\d+\.json$/.test(f)).sort();
  if (files.length === 0) throw new SlipwayError('NOT_FOUND', 'no shard-*.json files', { subject: dir, hint: 'point --results at the folder the shard results were written to' });
  const shards = await Promise.all(files.map(async (f) => parseShardResult(await readFile(join(dir, f), 'utf8'), join(dir, f))));
  return reportCompat({
    config,
    reporter,
    shards,
    runId: values['run-id'],
    results,
    ...outputs,
    repository: outputs.issues ? `${outputs.issues.owner}/${outputs.issues.repo}` : undefined,
  });
}

/** The catalog to record compatibility in; none when this repository has no remote to find it on. */
async function catalogTarget(cwd: string, config: SlipwayConfig, reporter: Reporter): Promise<CatalogLocation | undefined> {
  if (!config.compat.catalog) return undefined;
  try {
    return await catalogLocation(cwd, config, { token: process.env['GITHUB_TOKEN'] || undefined });
  } catch (error) {
    reporter.debug(`catalog: not recording compatibility (${(error as Error).message})`);
    return undefined;
  }
}

function slackTarget(values: Values, config: SlipwayConfig): CompatReportOptions['slack'] {
  const channel = values['slack-channel'] ?? config.slack.compat;
  if (!channel) return undefined;
  const token = slackTokenFromEnv();
  if (!token) {
    if (values['dry-run']) return undefined;
    throw new SlipwayError('USAGE', `posting to Slack channel ${channel} needs a bot token`, { subject: 'SLACK_BOT_TOKEN', hint: 'set SLACK_BOT_TOKEN, or leave out --slack-channel (and slack.compat)' });
  }
  return { client: createSlackClient({ token, apiUrl: process.env['SLACK_API_URL'] }), channel, now: values.now ?? false };
}

function issuesTarget(values: Values, config: SlipwayConfig): CompatReportOptions['issues'] {
  const repository = values.issues ?? (config.compat.issues.enabled ? config.compat.issues.repository : undefined);
  if (!repository) return undefined;
  const [owner, repo, extra] = repository.split('/');
  if (!owner || !repo || extra !== undefined) throw new SlipwayError('USAGE', `--issues must be owner/name, got "${repository}"`, { hint: 'e.g. --issues acme/plugins' });
  const octokit = githubClient();
  if (!octokit) throw new SlipwayError('USAGE', `keeping issues in ${repository} needs a token`, { subject: 'GITHUB_TOKEN', hint: 'set GITHUB_TOKEN (issues: write), or leave out --issues' });
  return { octokit, owner, repo };
}

function githubClient() {
  const token = process.env['GITHUB_TOKEN'];
  if (!token) return undefined;
  return createGitHubClient({ token, baseUrl: process.env['GITHUB_API_URL'], log: (line) => process.stderr.write(`github: ${line}\n`) });
}

function integer(text: string, flag: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new SlipwayError('USAGE', `${flag} must be a whole number of at least ${min}, got "${text}"`, { hint: 'run `slipway compat --help`' });
  return value;
}
