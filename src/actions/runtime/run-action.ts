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

export async function runAction(name: string, fn: (context: ActionContext) => Promise<void>): Promise<void> {
  try {
    await fn(actionContext());
  } catch (error) {
    core.setFailed(`slipway ${name}: ${formatError(error)}`);
    if (core.isDebug() && error instanceof Error && error.stack) core.debug(error.stack);
  }
}
