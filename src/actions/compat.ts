/**
 * The compat action, one mode per workflow job:
 *   plan    list the plugins, pack them into matrix shards, build the core (develop + released)
 *   run     one shard: install the core built by plan, test the shard's plugins, write shard-N.json
 *   report  merge the shards, classify, store the run, summary + HTML + Slack + issues
 *   void    remove one run (input void-run) from the results branch and rebuild compat.json
 */
import * as core from '@actions/core';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { catalogLocation } from '../adapters/catalog/catalog-location.ts';
import { loadConfig } from '../adapters/config-file.ts';
import { ResultsBranch } from '../adapters/compat/results-branch.ts';
import { createGitHubClient } from '../adapters/github/client.ts';
import { createSlackClient } from '../adapters/slack/client.ts';
import { COMPAT_CLASSES } from '../core/compat/compat-run.ts';
import { parseShardResult } from '../core/compat/parse-results.ts';
import { GITHUB_MATRIX_LIMIT } from '../core/config/compat-section.ts';
import { SlipwayError } from '../core/errors.ts';
import { buildCompatCores } from '../jobs/compat/core.ts';
import { planCompat } from '../jobs/compat/plan.ts';
import { reportCompat } from '../jobs/compat/report.ts';
import { runCompatShard, shardFile } from '../jobs/compat/run.ts';
import { voidCompatRun } from '../jobs/compat/void.ts';
import { booleanInput, choiceInput, integerInput, requiredInput, secretInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

await runAction('compat', async ({ reporter, workspace, repository, runUrl }) => {
  const mode = choiceInput('mode', ['plan', 'run', 'report', 'void'] as const, 'plan');
  const cwd = resolve(workspace, stringInput('working-directory', '.')!);
  const config = await loadConfig(cwd);
  const scratch = join(process.env['RUNNER_TEMP'] ?? resolve(workspace, '..'), 'slipway-compat');
  const artifactDir = resolve(workspace, stringInput('core-artifact') ?? join(scratch, 'core'));
  const token = secretInput('github-token');
  const octokit = token ? createGitHubClient({ token, baseUrl: process.env['GITHUB_API_URL'], log: (line) => reporter.info(line) }) : undefined;
  const results = new ResultsBranch({ repoDir: cwd, branch: config.compat.results.branch, remote: config.compat.results.remote, push: (mode === 'report' || mode === 'void') && booleanInput('push-results', true) });

  if (mode === 'void') {
    const runId = requiredInput('void-run');
    const voided = await voidCompatRun({ config, reporter, results, runId });
    core.setOutput('run-id', runId);
    await core.summary.addRaw(`Compat run ${runId} voided: ${voided.removed} removed from ${config.compat.results.branch}; compat.json rebuilt from the runs that remain.\n`).write();
    return;
  }

  if (mode === 'plan') {
    const maxShards = integerInput('max-shards', config.compat.maxShards, { min: 1, max: GITHUB_MATRIX_LIMIT });
    const { matrix, plan, targets } = await planCompat({ cwd, config, reporter, maxShards, results, octokit });
    core.setOutput('matrix', JSON.stringify(matrix));
    core.setOutput('shards', plan.shards.length);
    core.setOutput('plugins', targets.names.length);
    if (booleanInput('build-core', true)) {
      const against = choiceInput('against', ['develop', 'release'] as const, 'develop');
      const corePath = stringInput('core-path');
      const cores = await buildCompatCores({
        cwd,
        config,
        reporter,
        ecosystem: targets.ecosystem,
        artifactDir,
        workDir: join(scratch, 'work'),
        developCheckout: corePath ? resolve(workspace, corePath) : undefined,
        against,
      });
      core.setOutput('core-artifact', artifactDir);
      core.setOutput('core-version', cores.tested.build.version);
    }
    await core.summary
      .addRaw(`Compat plan: ${targets.names.length} plugin(s) in ${plan.shards.length} shard(s), about ${Math.ceil(plan.makespanMs / 60_000)} min each (lower bound ${Math.ceil(plan.lowerBoundMs / 60_000)} min).\n`)
      .write();
    return;
  }

  if (mode === 'run') {
    const shard = integerInput('shard', 1, { min: 1, max: GITHUB_MATRIX_LIMIT });
    const plugins = pluginList(requiredInput('plugins'));
    const outDir = resolve(workspace, stringInput('results') ?? join(scratch, 'results'));
    const minutes = stringInput('timeout-minutes');
    const result = await runCompatShard({
      cwd,
      config,
      reporter,
      shard,
      plugins,
      artifactDir,
      workDir: join(scratch, 'work'),
      jobs: integerInput('jobs', 1, { min: 1, max: 64 }),
      timeoutMs: minutes ? Number(minutes) * 60_000 : undefined,
      octokit,
    });
    await mkdir(outDir, { recursive: true });
    const file = shardFile(outDir, shard);
    await writeFile(file, JSON.stringify(result, null, 2) + '\n');
    core.setOutput('result-file', file);
    core.setOutput('results', outDir);
    core.setOutput('logs', join(scratch, 'work', 'logs'));
    const failed = result.results.filter((r) => r.attempts.at(-1)?.outcome !== 'pass').map((r) => r.plugin);
    reporter.info(`shard ${shard}: ${result.results.length - failed.length} passed, ${failed.length} not: ${failed.join(', ') || 'none'}`);
    // The shard's own page: what ran here (the report job classifies the whole run).
    await core.summary
      .addHeading(`Compat shard ${shard}: ${result.results.length - failed.length} of ${result.results.length} passed with core ${result.core.version}`, 3)
      .addTable([
        [{ data: 'plugin', header: true }, { data: 'develop', header: true }, { data: 'attempts', header: true }, { data: 'released core', header: true }, { data: 'time', header: true }],
        ...result.results.map((r) => [r.plugin, r.attempts.at(-1)?.outcome ?? '–', String(r.attempts.length), r.baseline?.outcome ?? '–', `${((r.attempts.at(-1)?.durationMs ?? 0) / 1000).toFixed(1)} s`]),
      ])
      .write();
    return;
  }

  // report
  const dir = resolve(workspace, stringInput('results') ?? join(scratch, 'results'));
  const files = (await readdir(dir, { recursive: true })).filter((f) => /(^|\/)shard-\d+\.json$/.test(f)).sort();
  const shards = await Promise.all(files.map(async (f) => parseShardResult(await readFile(join(dir, f), 'utf8'), f)));
  const matrix = stringInput('matrix');
  const planned = matrix ? plannedPlugins(matrix) : undefined;
  const slackToken = secretInput('slack-token');
  const slackChannel = stringInput('slack-channel') ?? config.slack.compat;
  const issuesRepository = stringInput('issues-repository') ?? config.compat.issues.repository ?? repository;
  const wantIssues = booleanInput('issues', config.compat.issues.enabled);
  if (wantIssues && (!octokit || !issuesRepository)) {
    throw new SlipwayError('INPUT_INVALID', 'regression issues need a token and a repository', { subject: 'input "github-token"', hint: 'pass github-token (issues: write), or set issues: false' });
  }
  const [owner, repo] = (issuesRepository ?? '/').split('/') as [string, string];
  const runId = process.env['GITHUB_RUN_ID'] ?? `local-${Date.now()}`;
  const report = await reportCompat({
    config,
    reporter,
    shards,
    runId,
    url: runUrl,
    planned,
    results: booleanInput('store-results', true) ? results : undefined,
    slack: slackToken && slackChannel ? { client: createSlackClient({ token: slackToken, apiUrl: stringInput('slack-api-url'), log: (line) => reporter.warn(line) }), channel: slackChannel, now: booleanInput('slack-now') } : undefined,
    issues: wantIssues ? { octokit: octokit!, owner, repo } : undefined,
    repository,
    catalog: booleanInput('catalog', config.compat.catalog)
      ? await catalogLocation(cwd, config, { token, defaultRepository: repository, serverUrl: process.env['GITHUB_SERVER_URL'] }).catch(() => undefined)
      : undefined,
  });
  const html = join(scratch, 'report.html');
  await mkdir(scratch, { recursive: true });
  await writeFile(html, report.html);
  core.setOutput('report-html', html);
  core.setOutput('run-id', runId);
  for (const cls of COMPAT_CLASSES) core.setOutput(cls, report.counts[cls] ?? 0);
  await core.summary.addRaw(report.summary).write();
});

/** The matrix entry's plugins: a JSON array (toJSON(matrix.plugins)) or a comma/space/newline list. */
function pluginList(text: string): string[] {
  if (text.trim().startsWith('[')) {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) {
      throw new SlipwayError('INPUT_INVALID', 'must be a JSON array of plugin names', { subject: 'input "plugins"', hint: 'pass `${{ toJSON(matrix.plugins) }}`' });
    }
    return parsed;
  }
  return text.split(/[\s,]+/).filter(Boolean);
}

function plannedPlugins(matrix: string): string[] {
  const parsed = JSON.parse(matrix) as { include?: Array<{ plugins?: string[] }> };
  return (parsed.include ?? []).flatMap((entry) => entry.plugins ?? []);
}
