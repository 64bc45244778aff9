/**
 * The release workflow's Slack notices: "a plan waits for approval" after the plan job, and an
 * alert when the plan or ship job fails. Each is posted once per key (post-once), so a rerun of
 * the job does not post it again. Slack is a courtesy here, never a gate: no token or no
 * channel skips the notice, and a Slack failure is a warning — the release goes on.
 */
import { createSlackClient } from '../adapters/slack/client.ts';
import { postOnce } from '../adapters/slack/post-once.ts';
import { formatError } from '../core/errors.ts';
import { awaitingApprovalMessage, failureMessage, type ApprovalGate, type SlackMessage } from '../core/notices/release-notices.ts';
import type { ReleasePlan } from '../core/plan/release-plan.ts';
import type { Reporter } from '../core/reporter.ts';

export interface SlackTarget {
  token?: string | undefined;
  /** The Web API root; tests point it at the local Slack server. */
  apiUrl?: string | undefined;
  /** A channel ID or #name: slack.release in slipway.yml. */
  channel?: string | undefined;
  /** Retries of a failed request (default 3). */
  retries?: number | undefined;
}

export type NoticeResult =
  | { status: 'posted' | 'already-posted'; channel: string; ts: string }
  | { status: 'skipped' | 'failed'; reason: string };

export async function noticeAwaitingApproval(options: {
  slack: SlackTarget;
  plan: ReleasePlan;
  repository: string | undefined;
  runUrl: string | undefined;
  environment: string;
  gate: ApprovalGate;
  reporter: Reporter;
}): Promise<NoticeResult> {
  const { plan } = options;
  if (plan.releases.length === 0) return { status: 'skipped', reason: 'the plan releases nothing: no approval to ask for' };
  // One notice per plan: a rerun of the plan job finds the first one.
  const key = `slipway-release-approval:${options.repository ?? ''}:${plan.hash}`;
  return sendNotice(options.slack, key, awaitingApprovalMessage(options), options.reporter);
}

export async function noticeFailure(options: {
  slack: SlackTarget;
  job: string;
  step: string | undefined;
  repository: string | undefined;
  runUrl: string | undefined;
  /** Identifies this attempt of this job (run id and attempt): a rerun that fails again alerts again. */
  attempt: string;
  reporter: Reporter;
}): Promise<NoticeResult> {
  const key = `slipway-release-failed:${options.repository ?? ''}:${options.attempt}:${options.job}`;
  return sendNotice(options.slack, key, failureMessage(options), options.reporter);
}

/** Posts a notice once per key; Slack trouble is a warning, never a failure. */
export async function sendNotice(target: SlackTarget, key: string, message: SlackMessage, reporter: Reporter): Promise<NoticeResult> {
  if (!target.token) return skipped('no Slack token (the slack-token secret): Slack notice skipped', reporter);
  if (!target.channel) return skipped('no channel for release notices (slack.release in slipway.yml): Slack notice skipped', reporter);
  const slack = createSlackClient({ token: target.token, apiUrl: target.apiUrl, retries: target.retries, log: (line) => reporter.debug(line) });
  try {
    const result = await postOnce(slack, { channel: target.channel, key, text: message.text, blocks: message.blocks, eventType: 'slipway_release' });
    if (result.action === 'posted' || result.action === 'found-posted') {
      reporter.info(result.action === 'posted' ? `Slack: posted to ${target.channel}` : `Slack: already posted to ${target.channel}, not posted again`);
      return { status: result.action === 'posted' ? 'posted' : 'already-posted', channel: result.channel, ts: result.ts };
    }
    return { status: 'failed', reason: 'the notice was scheduled instead of posted' };
  } catch (error) {
    const reason = formatError(error);
    reporter.warn(`Slack notice not posted (the release is not affected): ${reason}`);
    return { status: 'failed', reason };
  }
}

function skipped(reason: string, reporter: Reporter): NoticeResult {
  reporter.info(reason);
  return { status: 'skipped', reason };
}
