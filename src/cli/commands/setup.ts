import { resolve } from 'node:path';
import { loadConfig } from '../../adapters/config-file.ts';
import { createGitHubClient } from '../../adapters/github/client.ts';
import { resolveGitHubTarget } from '../../adapters/github/target.ts';
import { consoleReporter } from '../../adapters/reporters/console-reporter.ts';
import { SlipwayError } from '../../core/errors.ts';
import { checkEnvironment, setupEnvironment } from '../../jobs/setup.ts';
import { parseFlags } from '../command.ts';

export const usage = `usage: slipway setup --reviewer USER|ORG/TEAM … [options]
       slipway setup --check [options]

Creates or updates the GitHub Environment that gates releases: GitHub pauses the ship job
until one of its required reviewers approves. Sets the reviewers, an optional wait timer, and
a deployment branch policy that lets only the release branch ship. Running it again changes
nothing. --check reports what an existing environment lacks, and what to run.

Needs a repository admin's token in GITHUB_TOKEN or GH_TOKEN (GH_TOKEN=$(gh auth token)).
Private repositories get required reviewers only with GitHub Enterprise; where GitHub refuses
them, setup explains the fallback gate (docs/approval.md) and exits 1.

options:
  --environment NAME   the environment (default: release.environment in slipway.yml, "release")
  --reviewer WHO       a required reviewer: a login, or ORG/TEAM-SLUG (repeatable, at most 6)
  --wait-timer MIN     minutes GitHub waits after approval before the job runs (0–43200)
  --prevent-self-review  the person who started the run may not approve it
  --branch NAME        the only branch allowed to ship (default: release.branch, "main")
  --check              report what the environment lacks; change nothing
  --repo OWNER/NAME    the repository (default: GITHUB_REPOSITORY, else the origin remote)
  --api-url URL        the GitHub API (default: GITHUB_API_URL, else https://api.github.com)
  --cwd DIR            the repository folder, for slipway.yml and the remote (default: .)
  --dry-run            show each write without doing it
  --json               print the result as JSON`;

export async function run(args: string[], context: { debug: boolean }): Promise<number> {
  const { values } = parseFlags(
    args,
    {
      environment: { type: 'string' },
      reviewer: { type: 'string', multiple: true },
      'wait-timer': { type: 'string' },
      'prevent-self-review': { type: 'boolean' },
      branch: { type: 'string' },
      check: { type: 'boolean' },
      repo: { type: 'string' },
      'api-url': { type: 'string' },
      cwd: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    'setup',
  );
  const cwd = resolve(values.cwd ?? '.');
  const config = await loadConfig(cwd);
  const environment = values.environment ?? config.release.environment;
  const branch = values.branch ?? config.release.branch;
  const reporter = consoleReporter({ debug: context.debug });
  const target = await resolveGitHubTarget({ repo: values.repo, apiUrl: values['api-url'], cwd, remote: config.release.remote });
  const octokit = createGitHubClient({ token: target.token, baseUrl: target.baseUrl, log: (line) => reporter.debug(line) });
  const print = (result: unknown) => {
    if (values.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  };

  if (values.check) {
    if (values.reviewer?.length || values['wait-timer'] || values['dry-run']) throw new SlipwayError('USAGE', '--check changes nothing, so it takes no --reviewer, --wait-timer or --dry-run', { hint: 'run the check alone, then setup without --check' });
    const result = await checkEnvironment({ octokit, repo: target.repo, environment, branch });
    for (const line of result.lines) {
      if (line.startsWith('missing: ')) reporter.warn(line.slice('missing: '.length));
      else reporter.info(line);
    }
    print(result);
    return result.ok ? 0 : 1;
  }

  const waitTimer = values['wait-timer'] === undefined ? undefined : Number(values['wait-timer']);
  if (!values.reviewer?.length && waitTimer === undefined && values.branch === undefined && values.environment === undefined) {
    throw new SlipwayError('USAGE', 'nothing to set up: name at least one --reviewer', { hint: 'e.g. slipway setup --reviewer alice --reviewer acme/release-managers; or slipway setup --check' });
  }
  const result = await setupEnvironment({
    octokit,
    repo: target.repo,
    environment,
    reviewers: values.reviewer ?? [],
    waitTimer,
    preventSelfReview: values['prevent-self-review'],
    branch,
    dryRun: values['dry-run'],
    reporter,
  });
  print(result);
  return result.reviewersRefused ? 1 : 0;
}
