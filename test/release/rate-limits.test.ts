/**
 * GitHub's secondary rate limit on content-creating requests (80 a minute on github.com),
 * scaled down: 30 GitHub Releases against a limit of 10 per 3 seconds (wide enough that even a
 * loaded machine sends 10 creates inside one window). The release completes by
 * honouring Retry-After when it runs into the limit, and by pacing its writes when told the
 * rate — never by failing or by skipping a release.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/adapters/github/client.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { shipPlan } from '../../src/jobs/release.ts';
import { cleanupTempDirs } from '../helpers/repo.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';
import { asArtifact, makePlan, releasesOf, smallFleet } from './helpers.ts';

const PLUGINS = 30;
const LIMIT = { contentCreatingPerWindow: 10, windowMs: 3_000 };

let github: GitHubServer;
beforeAll(async () => {
  github = await startGitHubServer();
});
// The limit's window is the token's, as on GitHub: set afresh for each spec, so the paced one
// does not start inside the window the unpaced one just filled (it did, when the plan was quick).
beforeEach(() => github.secondaryLimit(LIMIT));
afterAll(async () => {
  await github?.close();
  cleanupTempDirs();
});

async function releaseThirty(repository: string, writeSpacingMs: number) {
  github.state.addRepo(repository);
  // Private plugins: this test is about GitHub; nothing goes to a registry.
  const fleet = smallFleet(`@${repository.split('/')[1]}`, { count: PLUGINS, private: true });
  const plan = await makePlan(fleet.dir);
  expect(plan.releases).toHaveLength(PLUGINS);
  const client = createGitHubClient({ baseUrl: github.url, token: github.token, writeSpacingMs, minRetryAfterSeconds: 1, backoffUnitMs: 10 });
  const started = performance.now();
  const result = await shipPlan({ cwd: fleet.dir, plan: asArtifact(plan), expectedHash: plan.hash, reporter: memoryReporter(), github: { client, repository }, env: {} });
  const seconds = (performance.now() - started) / 1000;
  const calls = github.requests.filter((r) => r.path.startsWith(`/repos/${repository}/`));
  return { result, seconds, calls, limited: calls.filter((r) => r.status === 403 && r.fault?.startsWith('secondary rate limit')) };
}

describe('releasing 30 plugins under a secondary rate limit of 10 writes per 3 seconds', () => {
  it('without pacing, it runs into the limit, waits as Retry-After says, and completes every release', async () => {
    const { result, seconds, calls, limited } = await releaseThirty('acme/limited', 0);
    expect(result.journal.result).toBe('released');
    expect(limited.length).toBeGreaterThan(0);
    expect(calls.filter((r) => r.operationId === 'repos/create-release' && r.status === 201)).toHaveLength(PLUGINS);
    expect(releasesOf(github, 'acme/limited')).toHaveLength(PLUGINS);
    // 30 writes at 10 a window need two more windows after the first.
    expect(seconds).toBeGreaterThan((2 * LIMIT.windowMs) / 1000);
    github.assertNoViolations();
  });

  it('paced below the limit\'s rate, it never hits it, even on a loaded machine', async () => {
    // 75% of the limit's rate, as slipway paces github.com (1 write/s against 80 a minute).
    // Each write is sent once the previous one was answered and a spacing after it was sent
    // (client.ts), so the 11th reaches the server at least 9 spacings (3.6 s) after the 1st did,
    // however late any of them is on a loaded machine.
    const { result, calls, limited } = await releaseThirty('acme/paced', Math.ceil((LIMIT.windowMs / LIMIT.contentCreatingPerWindow) * (4 / 3)));
    expect(result.journal.result).toBe('released');
    expect(limited).toEqual([]);
    expect(calls.filter((r) => r.operationId === 'repos/create-release' && r.status === 201)).toHaveLength(PLUGINS);
    // Reads are batched: one page lists every release of the repository (none yet).
    expect(calls.filter((r) => r.method === 'GET')).toHaveLength(1);
    github.assertNoViolations();
  });
});
