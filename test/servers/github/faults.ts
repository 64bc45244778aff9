/**
 * Failures GitHub really produces, on demand: rate limits (primary and secondary) and 5xx.
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 */
import { CountedFaults } from '../faults.ts';
import type { Reply } from './routes/context.ts';

export interface InjectedFault {
  /** Only this method (any when left out). */
  method?: string;
  /** The request path without query: equal to a string, or matching a RegExp. */
  path: string | RegExp;
  status: 403 | 429 | 500 | 502 | 503;
  /** How many of the next matching requests fail. */
  times: number;
  /** Seconds, sent as `retry-after` (secondary) or as the distance to `x-ratelimit-reset` (primary). Default 1. */
  retryAfter?: number;
  /** For 403/429: a secondary rate limit (default) or the primary one (`x-ratelimit-remaining: 0`). */
  secondary?: boolean;
}

export interface SecondaryLimit {
  /** GitHub allows 80 content-creating requests a minute; tests scale both numbers down. */
  contentCreatingPerWindow: number;
  windowMs: number;
}

/** "Content-creating" requests, in GitHub's words: the ones that change something. */
const CONTENT_CREATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.';
const SECONDARY_DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits';
const PRIMARY_DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
const SERVER_ERRORS: Record<number, string> = { 500: 'Server Error', 502: 'Server Error', 503: 'Service Unavailable' };

export function secondaryLimitReply(status: 403 | 429, retryAfterSeconds: number): Reply {
  return {
    status,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { message: SECONDARY_MESSAGE, documentation_url: SECONDARY_DOCS },
  };
}

function primaryLimitReply(status: 403 | 429, retryAfterSeconds: number, userId: number): Reply {
  return {
    status,
    headers: {
      'x-ratelimit-remaining': '0',
      // Whole epoch seconds, like GitHub; octokit waits until then plus one second.
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + retryAfterSeconds),
    },
    body: { message: `API rate limit exceeded for user ID ${userId}.`, documentation_url: PRIMARY_DOCS },
  };
}

export class Faults {
  // "Fail the next N matching requests" is the shared counter of every local fake; keys are `METHOD path`.
  private readonly injected = new CountedFaults<InjectedFault>();
  private limit: SecondaryLimit | undefined;
  /** When each content-creating request admitted in the current window arrived. */
  private admitted: number[] = [];

  inject(fault: InjectedFault): void {
    const matches = (key: string) => {
      const space = key.indexOf(' ');
      const method = key.slice(0, space);
      const path = key.slice(space + 1);
      return (!fault.method || fault.method.toUpperCase() === method) && (typeof fault.path === 'string' ? fault.path === path : fault.path.test(path));
    };
    this.injected.add(matches, fault.times, { ...fault });
  }

  secondaryLimit(limit: SecondaryLimit | undefined): void {
    this.limit = limit;
    this.admitted = [];
  }

  clear(): void {
    this.injected.clear();
  }

  /** Injected faults not used up yet. */
  pending(): number {
    return this.injected.pending;
  }

  /** The failure this request gets, if any; counts it against the fault or the window. */
  take(method: string, path: string, userId: number): { reply: Reply; kind: string } | undefined {
    const fault = this.injected.take(`${method} ${path}`);
    if (fault) {
      const retryAfter = fault.retryAfter ?? 1;
      if (fault.status === 403 || fault.status === 429) {
        return fault.secondary === false
          ? { reply: primaryLimitReply(fault.status, retryAfter, userId), kind: `injected primary rate limit ${fault.status}` }
          : { reply: secondaryLimitReply(fault.status, retryAfter), kind: `injected secondary rate limit ${fault.status}` };
      }
      return {
        reply: { status: fault.status, body: { message: SERVER_ERRORS[fault.status] ?? 'Server Error' } },
        kind: `injected ${fault.status}`,
      };
    }

    if (this.limit && CONTENT_CREATING.has(method) && path !== '/graphql') {
      const now = Date.now();
      const windowStart = now - this.limit.windowMs;
      this.admitted = this.admitted.filter((t) => t > windowStart);
      if (this.admitted.length >= this.limit.contentCreatingPerWindow) {
        const waitMs = this.admitted[0]! + this.limit.windowMs - now;
        return { reply: secondaryLimitReply(403, Math.max(1, Math.ceil(waitMs / 1000))), kind: 'secondary rate limit (content-creating requests)' };
      }
      this.admitted.push(now);
    }
    return undefined;
  }
}
