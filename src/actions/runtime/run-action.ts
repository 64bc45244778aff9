/**
 * The frame of every action entry point (actions/typescript-action's main.ts shape): run the
 * job, and on error fail the step with the message and hint; the stack only in debug mode.
 */
import * as core from '@actions/core';
import { formatError } from '../../core/errors.ts';
import { actionsReporter } from '../../adapters/reporters/actions-reporter.ts';
import type { Reporter } from '../../core/reporter.ts';

export interface ActionContext {
  reporter: Reporter;
  /** GITHUB_WORKSPACE, where actions/checkout put the repository. */
  workspace: string;
  /** owner/name of the repository the workflow runs in. */
  repository: string | undefined;
  /** Link to this workflow run, for messages and alerts. */
  runUrl: string | undefined;
}

export function actionContext(): ActionContext {
  const env = process.env;
  const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  return {
    reporter: actionsReporter(),
    workspace: env['GITHUB_WORKSPACE'] ?? process.cwd(),
    repository: env['GITHUB_REPOSITORY'],
    runUrl: env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID'] ? `${server}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}` : undefined,
  };
}

/**
 * Runs the action's body. It may return its one-line result ("released 4 plugins …"); either
 * way the log ends with one line saying how the step ended and how long it took.
 */
export async function runAction(name: string, fn: (context: ActionContext) => Promise<void | string>): Promise<void> {
  const started = Date.now();
  const took = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  try {
    const result = await fn(actionContext());
    core.info(`slipway ${name}: ${process.exitCode ? 'failed' : result || 'done'} (${took()})`);
  } catch (error) {
    core.setFailed(`slipway ${name}: ${formatError(error)}`);
    if (core.isDebug() && error instanceof Error && error.stack) core.debug(error.stack);
    // The job summary is what an approver reads: a plan that cannot ship says why there too.
    if (process.env['GITHUB_STEP_SUMMARY']) {
      await core.summary
        .addRaw(`### slipway ${name} failed\n\n\`\`\`text\n${formatError(error).replace(/`{3,}/g, '``')}\n\`\`\`\n`)
        .write()
        .catch(() => undefined);
    }
  }
}
