/**
 * Starting a workflow by `workflow_dispatch`:
 * `POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches`
 * (https://docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event).
 * GITHUB_TOKEN may do it with `actions: write`, and unlike its pushes, the run it starts is real.
 */
import { apiError, type RepoRef } from './environments.ts';
import type { Octokit } from './client.ts';

export interface Dispatch {
  /** The workflow file name (`index.yml`) or its numeric id. */
  workflow: string;
  /** The branch or tag whose version of the workflow runs. */
  ref: string;
  /** Every value a string: GitHub answers 422 to anything else. */
  inputs: Record<string, string>;
}

export async function dispatchWorkflow(octokit: Octokit, repo: RepoRef, dispatch: Dispatch): Promise<void> {
  try {
    await octokit.rest.actions.createWorkflowDispatch({ owner: repo.owner, repo: repo.repo, workflow_id: dispatch.workflow, ref: dispatch.ref, inputs: dispatch.inputs });
  } catch (error) {
    const status = (error as { status?: number }).status;
    // 404: no such workflow file on that ref; 422: it has no workflow_dispatch trigger, or not those inputs.
    const hint =
      status === 404 || status === 422
        ? `check that .github/workflows/${dispatch.workflow} exists on ${dispatch.ref}, has \`on: workflow_dispatch\` with the input(s) ${Object.keys(dispatch.inputs).join(', ')}, and that the job has \`permissions: actions: write\``
        : status === 403
          ? 'the token may not start workflows: give the job `permissions: actions: write`'
          : undefined;
    const failure = apiError(`dispatching workflow ${dispatch.workflow} on ${dispatch.ref}`, error, `${repo.owner}/${repo.repo}`, hint);
    throw failure;
  }
}
