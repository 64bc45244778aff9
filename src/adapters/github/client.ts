/**
 * The one way slipway builds a GitHub client: the real `@octokit/rest` with octokit's own
 * retry and throttling plugins, so every caller gets GitHub's recommended behaviour
 * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api):
 * writes are serialised and spaced, rate limits are waited out as long as `retry-after` /
 * `x-ratelimit-reset` say, and 5xx answers are retried with a growing back-off — each a
 * bounded number of times.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit as RestOctokit } from '@octokit/rest';
// Bottleneck is what plugin-throttling paces requests with; its `write`/`notifications`
// options take a Bottleneck.Group, so spacing writes differently needs the same class.
// It is installed as a dependency of both octokit plugins.
import Bottleneck from 'bottleneck/light.js';

const SlipwayOctokit = RestOctokit.plugin(retry, throttling);

/** The client every GitHub adapter takes: REST methods, `request`, `paginate`, `graphql`. */
export type Octokit = InstanceType<typeof SlipwayOctokit>;

export interface GitHubClientOptions {
  /** A token (GITHUB_TOKEN, a PAT, an app installation token); without it requests are anonymous. */
  token?: string;
  /** The API root; defaults to https://api.github.com. Tests point it at the local server. */
  baseUrl?: string;
  /** Receives one line per retry or give-up; never the token. */
  log?: (line: string) => void;
  /** How many times one request is retried after a rate limit or a 5xx (default 3). */
  retries?: number;
  /**
   * Seconds to wait after a secondary rate limit that came without `retry-after`. GitHub says
   * to wait "at least one minute" then (default 60); tests lower it.
   */
  minRetryAfterSeconds?: number;
  /** plugin-retry waits (attempt²) × this many ms after a 5xx (default 1000); tests lower it. */
  backoffUnitMs?: number;
  /**
   * Minimum ms between two writes of this client. GitHub asks for at least one second between
   * content-creating requests, and plugin-throttling spaces them 1 s (3 s for requests that
   * notify people, like creating an issue or a release) when this is left out. Tests lower it.
   */
  writeSpacingMs?: number;
  userAgent?: string;
}

const DEFAULT_RETRIES = 3;
const GITHUB_MIN_SECONDARY_WAIT_SECONDS = 60;

export function createGitHubClient(options: GitHubClientOptions = {}): Octokit {
  const log = options.log ?? (() => {});
  const retries = options.retries ?? DEFAULT_RETRIES;

  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const what = `${kind} on ${request.method} ${request.url}`;
    if (retryCount < retries) {
      log(`GitHub ${what}: waiting ${retryAfter} s before retry ${retryCount + 1} of ${retries}`);
      return true;
    }
    log(`GitHub ${what}: giving up after ${retries} retries`);
    return false;
  };

  const spacing = options.writeSpacingMs;
  const paced =
    spacing === undefined
      ? {}
      : {
          write: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacing }),
          notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacing }),
        };

  const octokit = new SlipwayOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent ?? 'slipway',
    retry: {
      // Not `request: { retries }`: plugin-retry then retries every status, even 404 and 422.
      retries,
      retryAfterBaseValue: options.backoffUnitMs ?? 1000,
      // 429 is a rate limit: the throttling plugin waits it out with the right delay, so
      // plugin-retry must not retry it too (its default list leaves 429 retryable).
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      fallbackSecondaryRateRetryAfter: options.minRetryAfterSeconds ?? GITHUB_MIN_SECONDARY_WAIT_SECONDS,
      ...paced,
    },
    // Octokit's own warnings (deprecations, …) go to the same log. debug/info are noise, and
    // error only repeats each failed request, which the caller gets as a thrown error anyway
    // (a 404 is often the expected answer to "does this exist yet?").
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => log(String(message)),
      error: () => {},
    },
  });
  if (spacing) sendWritesOneAtATime(octokit, spacing);
  return octokit;
}

/**
 * plugin-throttling spaces when writes *start* (it schedules a no-op per write, then sends the
 * request through a limiter that runs several at once), so a request held up on its way can
 * reach GitHub right behind the next one: on a loaded machine, 11 of 30 releases paced at
 * 400 ms arrived inside a 3-second window. Here each write is sent only once the previous one
 * has been answered, and at least `spacingMs` after it was sent, so GitHub sees them spaced
 * too. GraphQL is left out: its POSTs are queries, not content-creating requests.
 */
function sendWritesOneAtATime(octokit: Octokit, spacingMs: number): void {
  const writes = new Bottleneck({ maxConcurrent: 1, minTime: spacingMs });
  octokit.hook.wrap('request', (request, options) => {
    const { pathname } = new URL(options.url, 'http://github.test');
    const write = options.method !== 'GET' && options.method !== 'HEAD' && pathname !== '/graphql';
    return write ? writes.schedule(async () => request(options)) : request(options);
  });
}
