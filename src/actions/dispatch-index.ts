/** The dispatch-index action: the release's tags → dispatchIndex → outputs. Needs `actions: write`. */
import * as core from '@actions/core';
import { createGitHubClient } from '../adapters/github/client.ts';
import { SlipwayError } from '../core/errors.ts';
import { parseTagList } from '../core/dispatch/index-dispatch.ts';
import { dispatchIndex } from '../jobs/dispatch-index.ts';
import { booleanInput, requiredInput, secretInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

await runAction('dispatch-index', async ({ reporter, repository }) => {
  let tags: string[];
  try {
    tags = parseTagList(core.getInput('tags'));
  } catch (error) {
    throw new SlipwayError('INPUT_INVALID', (error as Error).message, { subject: 'input "tags"', hint: 'pass the release step\'s `released` output, or tags separated by spaces' });
  }
  const fullName = stringInput('repository') ?? repository;
  const [owner, repo] = (fullName ?? '').split('/');
  if (!owner || !repo) throw new SlipwayError('INPUT_INVALID', 'is not owner/name', { subject: 'input "repository"' });
  const token = secretInput('github-token');
  if (!token) throw new SlipwayError('INPUT_INVALID', 'is required to dispatch a workflow', { subject: 'input "github-token"', hint: 'pass ${{ github.token }} and give the job `permissions: actions: write`' });

  const result = await dispatchIndex({
    octokit: createGitHubClient({ token, baseUrl: stringInput('github-api-url'), log: (line) => reporter.debug(line) }),
    repo: { owner, repo },
    tags,
    workflow: stringInput('workflow', 'index.yml'),
    input: stringInput('tags-input', 'tags'),
    ref: requiredInput('ref'),
    pushedWithAppToken: booleanInput('pushed-with-app-token'),
    dryRun: booleanInput('dry-run'),
    reporter,
  });
  if (!result.dispatch) core.notice(`index workflow not dispatched: ${result.reason}`);
  core.setOutput('dispatched', String(result.dispatch));
  core.setOutput('dispatches', String(result.batches.length));
});
