/**
 * createGitHubClient survives what GitHub does under load: 5xx, secondary rate limits with
 * `retry-after`, the primary limit with `x-ratelimit-reset` — each retried a bounded number
 * of times, one log line per wait, and never the token in a log line.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
/** Every line logged in this file, kept across tests for the token check at the end. */
const seen: string[] = [];
const repo = { owner: 'acme', repo: 'widgets' };

beforeAll(async () => {
  h = await startHarness({ tokens: { 'ghs_secret_value_123': 'release-bot' } });
  h.github.state.addRepo('acme/widgets');
});
afterEach(() => {
  seen.push(...h.logs.splice(0));
  h.github.secondaryLimit(undefined);
  h.github.clearFaults();
  h.github.assertNoViolations();
});
afterAll(() => h.github.close());

describe('server errors', () => {
  it('retries an injected 503 and succeeds', async () => {
    h.github.inject({ method: 'GET', path: '/repos/acme/widgets', status: 503, times: 2 });
    const before = h.github.count('repos/get');
    const { data } = await h.octokit.rest.repos.get(repo);
    expect(data.full_name).toBe('acme/widgets');
    expect(h.github.count('repos/get') - before).toBe(3);
  });

  it('gives up after the configured number of retries', async () => {
    h.github.inject({ path: '/repos/acme/widgets', status: 502, times: 5 });
    const client = h.client({ retries: 2 });
    const before = h.github.count('repos/get');
    await expect(client.rest.repos.get(repo)).rejects.toMatchObject({ status: 502 });
    expect(h.github.count('repos/get') - before).toBe(3);
    expect(h.github.pendingFaults()).toBe(2);
  });

  it('does not retry a 404, which often means "not there yet"', async () => {
    const before = h.github.count('repos/get-release-by-tag');
    await expect(h.octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'nope' })).rejects.toMatchObject({ status: 404 });
    expect(h.github.count('repos/get-release-by-tag') - before).toBe(1);
  });
});

describe('rate limits', () => {
  it('waits out a secondary rate limit for as long as retry-after says, then succeeds', async () => {
    h.github.inject({ method: 'POST', path: '/repos/acme/widgets/releases', status: 403, times: 1, retryAfter: 1 });
    const started = Date.now();
    const { status } = await h.octokit.rest.repos.createRelease({ ...repo, tag_name: 'widgets@1.0.0' });
    const elapsed = Date.now() - started;
    expect(status).toBe(201);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(5000);
    expect(h.logs).toEqual(['GitHub secondary rate limit on POST /repos/{owner}/{repo}/releases: waiting 1 s before retry 1 of 3']);
  });

  it('treats a 429 with retry-after as a secondary limit too', async () => {
    h.github.inject({ path: '/repos/acme/widgets/topics', status: 429, times: 1, retryAfter: 1 });
    const before = h.github.count('repos/get-all-topics');
    const { data } = await h.octokit.rest.repos.getAllTopics(repo);
    expect(data.names).toEqual([]);
    expect(h.github.count('repos/get-all-topics') - before).toBe(2); // throttling retried; plugin-retry did not add more
    expect(h.logs).toHaveLength(1);
  });

  it('waits for x-ratelimit-reset when the primary limit is used up', async () => {
    h.github.inject({ path: '/repos/acme/widgets', status: 403, times: 1, retryAfter: 1, secondary: false });
    const started = Date.now();
    const { data } = await h.octokit.rest.repos.get(repo);
    expect(data.name).toBe('widgets');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(h.logs).toHaveLength(1);
    expect(h.logs[0]).toMatch(/^GitHub rate limit on GET \/repos\/\{owner\}\/\{repo\}: waiting \d s before retry 1 of 3$/);
  });

  it('stops after its retries and says so', async () => {
    h.github.inject({ path: '/repos/acme/widgets/topics', status: 403, times: 2, retryAfter: 1 });
    const client = h.client({ retries: 1 });
    await expect(client.rest.repos.getAllTopics(repo)).rejects.toMatchObject({ status: 403 });
    expect(h.logs).toEqual([
      'GitHub secondary rate limit on GET /repos/{owner}/{repo}/topics: waiting 1 s before retry 1 of 1',
      'GitHub secondary rate limit on GET /repos/{owner}/{repo}/topics: giving up after 1 retries',
    ]);
  });

  it('paces a burst of creates through a secondary limit so every one lands', async () => {
    h.github.secondaryLimit({ contentCreatingPerWindow: 4, windowMs: 1000 });
    const burst = 10;
    const started = Date.now();
    const created = await Promise.all(
      Array.from({ length: burst }, (_, i) => h.octokit.rest.issues.create({ ...repo, title: `burst ${i}` })),
    );
    const elapsed = Date.now() - started;
    expect(created.map((r) => r.status)).toEqual(Array(burst).fill(201));
    expect(new Set(created.map((r) => r.data.number)).size).toBe(burst);
    const limited = h.github.requests.filter((r) => r.fault?.startsWith('secondary rate limit'));
    expect(limited.length).toBeGreaterThan(0);
    // 10 creates at 4 per second need at least two waits of a second, and not much more.
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(15_000);
  });

  it('never writes the token into a log line', () => {
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.join('\n')).not.toContain('ghs_secret_value_123');
  });
});
