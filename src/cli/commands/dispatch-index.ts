import { resolve } from 'node:path';
import { loadConfig } from '../../adapters/config-file.ts';
import { createGitHubClient } from '../../adapters/github/client.ts';
import { resolveGitHubTarget } from '../../adapters/github/target.ts';
import { consoleReporter } from '../../adapters/reporters/console-reporter.ts';
import { parseTagList } from '../../core/dispatch/index-dispatch.ts';
import { SlipwayError } from '../../core/errors.ts';
import { dispatchIndex } from '../../jobs/dispatch-index.ts';
import { parseFlags } from '../command.ts';

export const usage = `usage: slipway dispatch-index --tags "a@1.2.0 b@2.0.0" [options]

Starts the index workflow (workflow_dispatch) for released tags, as the release workflow does
after shipping: tags pushed with GITHUB_TOKEN start no push: tags workflow. Needs a token
that may run workflows in GITHUB_TOKEN or GH_TOKEN.

options:
  --tags LIST          the tags, separated by spaces or commas (or a JSON array)
  --ref BRANCH         the branch whose workflow runs (default: release.branch, "main")
  --workflow FILE      the workflow to start (default: index.yml)
  --input NAME         its input that takes the tags (default: tags)
  --app-token          the tags were pushed with a GitHub App token (≤ 3 tags need no dispatch)
  --repo OWNER/NAME    the repository (default: GITHUB_REPOSITORY, else the origin remote)
  --api-url URL        the GitHub API (default: GITHUB_API_URL, else https://api.github.com)
  --cwd DIR            the repository folder (default: .)
  --dry-run            show the dispatch without making it`;

export async function run(args: string[], context: { debug: boolean }): Promise<number> {
  const { values } = parseFlags(
    args,
    {
      tags: { type: 'string' },
      ref: { type: 'string' },
      workflow: { type: 'string' },
      input: { type: 'string' },
      'app-token': { type: 'boolean' },
      repo: { type: 'string' },
      'api-url': { type: 'string' },
      cwd: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    'dispatch-index',
  );
  if (!values.tags) throw new SlipwayError('USAGE', '--tags is required', { hint: 'e.g. --tags "a@1.2.0 b@2.0.0"' });
  const cwd = resolve(values.cwd ?? '.');
  const config = await loadConfig(cwd);
  const reporter = consoleReporter({ debug: context.debug });
  const target = await resolveGitHubTarget({ repo: values.repo, apiUrl: values['api-url'], cwd, remote: config.release.remote });
  await dispatchIndex({
    octokit: createGitHubClient({ token: target.token, baseUrl: target.baseUrl, log: (line) => reporter.debug(line) }),
    repo: target.repo,
    tags: parseTagList(values.tags),
    ref: values.ref ?? config.release.branch,
    workflow: values.workflow,
    input: values.input,
    pushedWithAppToken: values['app-token'],
    dryRun: values['dry-run'],
    reporter,
  });
  return 0;
}
