/**
 * The digest action: what shipped in the window → job summary, a Markdown file, Slack and
 * Notion. Every sink runs even when another fails; the step fails at the end if any did.
 */
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../adapters/config-file.ts';
import { runDigest } from '../jobs/digest.ts';
import { booleanInput, secretInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

await runAction('digest', async ({ reporter, workspace, runUrl }) => {
  const cwd = resolve(workspace, stringInput('working-directory', '.')!);
  const config = await loadConfig(cwd);
  const org = stringInput('org');
  const outcome = await runDigest({
    cwd,
    reporter,
    config: org ? { ...config, digest: { ...config.digest, org } } : config,
    since: stringInput('since'),
    until: stringInput('until'),
    dryRun: booleanInput('dry-run'),
    mark: booleanInput('mark', true),
    // The job summary holds the full digest; the run's page shows it.
    digestUrl: stringInput('digest-url') ?? config.digest.digestUrl ?? runUrl,
    github: { token: secretInput('github-token'), baseUrl: process.env['GITHUB_API_URL'] },
    slack: { token: secretInput('slack-token'), channel: stringInput('slack-channel'), apiUrl: stringInput('slack-api-url') },
    notion: { token: secretInput('notion-token'), databaseId: stringInput('notion-database'), baseUrl: stringInput('notion-api-url') },
  });

  const file = resolve(workspace, stringInput('out') ?? join(process.env['RUNNER_TEMP'] ?? workspace, 'slipway-digest.md'));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, outcome.markdown);

  const status = (sink: string) => outcome.sinks.find((result) => result.sink === sink)?.status ?? 'skipped';
  core.setOutput('file', file);
  core.setOutput('window', outcome.digest.window.key);
  core.setOutput('releases', outcome.digest.headline.releases);
  core.setOutput('slack', status('slack'));
  core.setOutput('notion', status('notion'));
  core.setOutput('mark', outcome.mark);

  await core.summary
    .addRaw(outcome.markdown)
    .addRaw('\n---\n\n')
    .addTable([
      [{ data: 'sink', header: true }, { data: 'result', header: true }, { data: 'details', header: true }],
      ...outcome.sinks.map((result) => [result.sink, result.status, result.summary]),
      ['mark', outcome.mark, `${config.digest.markRef}`],
    ])
    .write();

  if (!outcome.ok) {
    const failed = outcome.sinks.filter((result) => result.status === 'failed').map((result) => `${result.sink}: ${result.summary}`);
    core.setFailed(`slipway digest: ${failed.length ? failed.join('\n') : 'the last-digest mark could not be recorded'}\n(every other sink ran; rerun the workflow to finish — nothing is posted or written twice)`);
  }
});
