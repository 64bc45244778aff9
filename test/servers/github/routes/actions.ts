/** Workflow dispatch and runs: https://docs.github.com/en/rest/actions/workflows */
import type { RepoRecord } from '../state.ts';
import { bodyOf, findRepo, isReply, notFound, requiresAuthentication, unprocessable, type Routes } from './context.ts';

/** Workflows are named by file or by id; both map to one stable numeric id per repository. */
const workflowIds = new WeakMap<RepoRecord, Map<string, number>>();

function workflowNumericId(repo: RepoRecord, workflowId: string, nextId: () => number): number {
  const ids = workflowIds.get(repo) ?? new Map<string, number>();
  workflowIds.set(repo, ids);
  if (/^\d+$/.test(workflowId)) return Number(workflowId);
  const id = ids.get(workflowId) ?? nextId();
  ids.set(workflowId, id);
  return id;
}

export const actionRoutes: Routes = {
  'actions/create-workflow-dispatch': (ctx) => {
    if (!ctx.login) return requiresAuthentication();
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const body = bodyOf(ctx);
    const inputs = (body.inputs ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(inputs)) {
      // The OpenAPI schema allows any value, but GitHub answers 422 for anything but a string
      // (atlanhq/application-sdk#1399: "Invalid value for input 'pr_number'").
      if (typeof value !== 'string') return unprocessable(`Invalid value for input '${name}'`);
    }
    const workflowId = ctx.params.workflow_id ?? '';
    const now = ctx.state.now();
    const run = {
      id: ctx.state.id(),
      workflowId,
      ref: String(body.ref),
      event: 'workflow_dispatch' as const,
      status: 'queued' as const,
      conclusion: null,
      actorLogin: ctx.login,
      createdAt: now,
      updatedAt: now,
    };
    repo.runs.set(run.id, run);
    repo.dispatches.push({ workflowId, ref: run.ref, inputs: inputs as Record<string, string>, actorLogin: ctx.login, at: now, runId: run.id });
    if (body.return_run_details !== true) return { status: 204 };
    const made = ctx.make.workflowRun(repo, run, workflowNumericId(repo, workflowId, () => ctx.state.id()));
    return { status: 200, body: { workflow_run_id: run.id, run_url: made.url, html_url: made.html_url } };
  },

  'actions/get-workflow-run': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const run = repo.runs.get(Number(ctx.params.run_id));
    if (!run) return notFound();
    return { status: 200, body: ctx.make.workflowRun(repo, run, workflowNumericId(repo, run.workflowId, () => ctx.state.id())) };
  },
};
