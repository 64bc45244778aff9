/**
 * The pull request a workflow runs for, from the event payload GitHub writes to
 * GITHUB_EVENT_PATH (https://docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request).
 * `base.sha` and `head.sha` bound the pull request's own commits; with actions/checkout's
 * `fetch-depth: 0` both are in the clone (the merge commit has them as parents).
 */
import { readFile } from 'node:fs/promises';
import { SlipwayError } from '../../core/errors.ts';

export interface PullRequestEvent {
  number: number;
  base: string;
  head: string;
  title: string;
}

/** Events whose payload carries `pull_request`. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review']);

export function isPullRequestEvent(eventName: string | undefined): boolean {
  return eventName !== undefined && PULL_REQUEST_EVENTS.has(eventName);
}

export async function readPullRequestEvent(env: NodeJS.ProcessEnv = process.env): Promise<PullRequestEvent | undefined> {
  if (!isPullRequestEvent(env['GITHUB_EVENT_NAME'])) return undefined;
  const path = env['GITHUB_EVENT_PATH'];
  if (!path) return undefined;
  let payload: { pull_request?: { number?: unknown; title?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } };
  try {
    payload = JSON.parse(await readFile(path, 'utf8')) as typeof payload;
  } catch (error) {
    throw new SlipwayError('INPUT_INVALID', `cannot read the event payload: ${(error as Error).message}`, { subject: 'GITHUB_EVENT_PATH', cause: error });
  }
  const pr = payload.pull_request;
  if (!pr || typeof pr.base?.sha !== 'string' || typeof pr.head?.sha !== 'string') return undefined;
  return { number: Number(pr.number), base: pr.base.sha, head: pr.head.sha, title: typeof pr.title === 'string' ? pr.title : '' };
}
