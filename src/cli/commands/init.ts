import { resolve } from 'node:path';
import { consoleReporter } from '../../adapters/reporters/console-reporter.ts';
import { STARTER_ACTION_REF } from '../../core/init/starter-workflows.ts';
import { initRepository } from '../../jobs/init.ts';
import { initOrgRepository } from '../../jobs/init-org.ts';
import { parseFlags } from '../command.ts';

export const usage = `usage: slipway init [options]

Sets a repository up for slipway: finds its plugins, writes slipway.yml (only the settings
that differ from the defaults, each with a comment) and the starter workflows in
.github/workflows (release, index, digest, validate; compat when the core is known), then
prints what is left to do by hand: secrets, the approval Environment, commit and push.
Refuses to overwrite an existing file unless --force.

options:
  --cwd DIR              the repository (default: the current folder)
  --action-ref REF       slipway in the workflows, OWNER/NAME@REF (default: ${STARTER_ACTION_REF})
  --core OWNER/NAME      the core the plugins build against (core.repository; adds compat)
  --slack-channel ID     the Slack channel for release, compat and digest messages
  --notion-database ID   the Notion database of the weekly digest
  --environment NAME     the approval Environment (default: release)
  --branch NAME          the release branch (default: the checked-out branch)
  --workflows LIST       only these starters, comma-separated (e.g. release,index)
  --force                overwrite existing files
  --dry-run              list the files init would write, and show slipway.yml; write nothing
  --json                 print the result as JSON

  --org ORG              set up the central repository of an org release instead: writes only
                         .github/workflows/org-release.yml for ORG (with --topic TOPIC,
                         --catalog-repository OWNER/NAME, --slack-channel, --environment)`;

export async function run(args: string[], context: { debug: boolean }): Promise<number> {
  const { values } = parseFlags(
    args,
    {
      cwd: { type: 'string' },
      'action-ref': { type: 'string' },
      core: { type: 'string' },
      'slack-channel': { type: 'string' },
      'notion-database': { type: 'string' },
      environment: { type: 'string' },
      branch: { type: 'string' },
      workflows: { type: 'string' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      org: { type: 'string' },
      topic: { type: 'string' },
      'catalog-repository': { type: 'string' },
    },
    'init',
  );
  const reporter = consoleReporter({ debug: context.debug });
  if (values.org !== undefined) {
    const result = await initOrgRepository({
      cwd: resolve(values.cwd ?? '.'),
      reporter,
      org: values.org,
      topic: values.topic,
      environment: values.environment,
      catalogRepository: values['catalog-repository'],
      slackChannel: values['slack-channel'],
      actionRef: values['action-ref'],
      force: values.force,
      dryRun: values['dry-run'],
    });
    if (values.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else reporter.info(`\nNext steps:\n${result.steps.map((line) => `  ${line}`).join('\n')}`);
    return 0;
  }
  const result = await initRepository({
    cwd: resolve(values.cwd ?? '.'),
    reporter,
    actionRef: values['action-ref'],
    core: values.core,
    slackChannel: values['slack-channel'],
    notionDatabase: values['notion-database'],
    environment: values.environment,
    branch: values.branch,
    workflows: values.workflows?.split(',').map((name) => name.trim()).filter(Boolean),
    force: values.force,
    dryRun: values['dry-run'],
  });
  if (values.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  }
  if (result.outcome === 'dry-run') {
    const config = result.files[0]!;
    reporter.info(`\n${config.path} would be:\n${config.text.replace(/^/gm, '  ')}`);
  }
  reporter.info(`\nNext steps:\n${result.steps.map((line) => `  ${line}`).join('\n')}`);
  return 0;
}
