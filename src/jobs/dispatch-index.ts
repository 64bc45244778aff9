/**
 * After shipping: start the index workflow for the new tags, since tags pushed with
 * GITHUB_TOKEN (or more than three at once) start no `push: tags` workflow. A rerun dispatches
 * again, which is harmless: indexing a version twice changes nothing.
 */
import type { Octokit } from '../adapters/github/client.ts';
import { dispatchWorkflow } from '../adapters/github/dispatch.ts';
import type { RepoRef } from '../adapters/github/environments.ts';
import { indexDispatchDecision, tagBatches, type DispatchDecision } from '../core/dispatch/index-dispatch.ts';
import type { Reporter } from '../core/reporter.ts';

export interface DispatchIndexOptions {
  octokit: Octokit;
  repo: RepoRef;
  tags: readonly string[];
  /** The workflow to start (default index.yml: workflows/index.yml copied into the repository). */
  workflow?: string | undefined;
  /** The branch whose workflow file runs (the release branch). */
  ref: string;
  /** The release pushed with a GitHub App token, whose pushes do start workflows. */
  pushedWithAppToken?: boolean | undefined;
  /** The workflow_dispatch input that takes the tags. */
  input?: string | undefined;
  dryRun?: boolean | undefined;
  reporter: Reporter;
}

export interface DispatchIndexResult extends DispatchDecision {
  /** One space-separated tag list per dispatch made (or, in a dry run, to be made). */
  batches: string[];
}

export async function dispatchIndex(options: DispatchIndexOptions): Promise<DispatchIndexResult> {
  const { reporter } = options;
  const decision = indexDispatchDecision({ tags: options.tags, pushedWithAppToken: options.pushedWithAppToken ?? false });
  if (!decision.dispatch) {
    reporter.info(`index workflow not dispatched: ${decision.reason}`);
    return { ...decision, batches: [] };
  }
  const workflow = options.workflow ?? 'index.yml';
  const input = options.input ?? 'tags';
  const batches = tagBatches(options.tags);
  for (const [i, batch] of batches.entries()) {
    const what = `${workflow} on ${options.ref} for ${batch.split(' ').length} tag(s)${batches.length > 1 ? ` (batch ${i + 1} of ${batches.length})` : ''}`;
    if (options.dryRun) {
      reporter.info(`would dispatch ${what}: POST /repos/${options.repo.owner}/${options.repo.repo}/actions/workflows/${workflow}/dispatches`);
      continue;
    }
    await dispatchWorkflow(options.octokit, options.repo, { workflow, ref: options.ref, inputs: { [input]: batch } });
    reporter.info(`dispatched ${what}`);
  }
  reporter.info(`(${decision.reason})`);
  return { ...decision, batches };
}
