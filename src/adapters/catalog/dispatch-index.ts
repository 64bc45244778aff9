/**
 * Starting the index workflow for new tags. Tags pushed with GITHUB_TOKEN start no
 * `push: tags` workflow (GitHub's rule against recursive runs), and a push of more than three
 * tags at once creates no tag events at all; `workflow_dispatch` is the exception GITHUB_TOKEN
 * may trigger. The release job calls this after shipping.
 * POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches
 */
import { indexDispatchInputs, INDEX_WORKFLOW_FILE } from '../../core/catalog/dispatch-inputs.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Octokit } from '../github/client.ts';

export interface DispatchIndexOptions {
  /** owner/name of the repository whose index workflow runs. */
  repository: string;
  /** The branch the workflow file is read from (the default branch). */
  ref: string;
  tags: readonly string[];
  /** The workflow file name in .github/workflows (default index.yml). */
  workflow?: string;
}

export async function dispatchIndex(octokit: Octokit, options: DispatchIndexOptions): Promise<void> {
  const [owner, repo] = options.repository.split('/');
  const workflow = options.workflow ?? INDEX_WORKFLOW_FILE;
  try {
    await octokit.rest.actions.createWorkflowDispatch({ owner: owner!, repo: repo!, workflow_id: workflow, ref: options.ref, inputs: indexDispatchInputs(options.tags) });
  } catch (error) {
    throw new SlipwayError('API_FAILED', `starting ${workflow} for ${options.tags.length} tag(s) failed: ${(error as Error).message}`, {
      subject: `${options.repository} ${workflow}`,
      hint: `the token needs actions: write, and .github/workflows/${workflow} must exist on ${options.ref} with a workflow_dispatch trigger (copy workflows/index.yml); then run \`slipway index --tag …\` for the tags`,
      cause: error,
    });
  }
}
