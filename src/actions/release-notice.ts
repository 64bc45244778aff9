/**
 * The release-notice action: Slack messages of the release workflow. `awaiting-approval` after
 * the plan job (what would ship, where to approve); `failure` from an `if: failure()` step
 * (which job and step failed, and the run). Never fails the job: no token or channel is a
 * notice, a Slack error a warning.
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { loadConfig } from '../adapters/config-file.ts';
import { readPlanFile } from '../adapters/release/plan-file.ts';
import { formatError } from '../core/errors.ts';
import { failedStep } from '../core/notices/release-notices.ts';
import { parsePlan } from '../core/release/plan-schema.ts';
import { noticeAwaitingApproval, noticeFailure, type NoticeResult } from '../jobs/release-notice.ts';
import { choiceInput, requiredInput, secretInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

/** Names people read for the step ids of the release workflow (.github/workflows/release.yml). */
const STEP_LABELS: Record<string, string> = {
  checkout: 'check out the repository',
  validate: 'validate',
  plan: 'plan',
  'upload-plan': 'upload the plan',
  'download-plan': 'download the approved plan',
  'app-token': 'create the GitHub App token',
  release: 'ship the plan',
};

await runAction('release-notice', async ({ reporter, workspace, repository, runUrl }) => {
  const cwd = resolve(workspace, stringInput('working-directory', '.')!);
  const event = choiceInput('event', ['awaiting-approval', 'failure'] as const, 'failure');
  // The plan job may have failed *because* slipway.yml is broken: the notice still goes out.
  let channel = stringInput('channel');
  if (!channel) {
    try {
      channel = (await loadConfig(cwd)).slack.release;
    } catch (error) {
      reporter.warn(`slipway.yml could not be read for slack.release (${formatError(error)}); pass the channel input`);
    }
  }
  const slack = { token: secretInput('slack-token'), apiUrl: stringInput('slack-api-url'), channel };

  let result: NoticeResult;
  if (event === 'awaiting-approval') {
    const planFile = resolve(workspace, requiredInput('plan-file'));
    result = await noticeAwaitingApproval({
      slack,
      plan: parsePlan(await readPlanFile(planFile), planFile),
      repository,
      runUrl,
      environment: stringInput('environment', 'release')!,
      gate: choiceInput('approval-gate', ['environment', 'plan-hash'] as const, 'environment'),
      reporter,
    });
  } else {
    result = await noticeFailure({
      slack,
      job: requiredInput('job'),
      step: failedStep(core.getInput('steps'), STEP_LABELS),
      repository,
      runUrl,
      attempt: `${process.env['GITHUB_RUN_ID'] ?? 'local'}.${process.env['GITHUB_RUN_ATTEMPT'] ?? '1'}`,
      reporter,
    });
  }
  if (result.status === 'skipped') core.notice(result.reason);
  core.setOutput('status', result.status);
});
