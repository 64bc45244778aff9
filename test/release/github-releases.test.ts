/**
 * The GitHub Releases adapter against the local server with the real client: finding the
 * releases of many tags costs a few list pages, never more than about twice the cheaper of
 * listing and asking per tag; creating is safe to repeat.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/adapters/github/client.ts';
import { githubReleases } from '../../src/adapters/github/releases.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';

let github: GitHubServer;
beforeAll(async () => {
  github = await startGitHubServer();
});
afterEach(() => github.assertNoViolations());
afterAll(() => github?.close());

const client = () => createGitHubClient({ baseUrl: github.url, token: github.token, writeSpacingMs: 0, backoffUnitMs: 10 });

/** A repository with `old` releases made before, oldest first. */
function repoWithReleases(name: string, old: number): string {
  const repository = `acme/${name}`;
  github.state.addRepo(repository);
  for (let i = 0; i < old; i++) github.state.addRelease(repository, { tagName: `old@1.0.${i}`, body: `old ${i}` });
  return repository;
}

function calls(repository: string, run: () => Promise<unknown>) {
  const since = github.requests.length;
  return run().then((result) => ({
    result,
    ops: github.requests.slice(since).filter((r) => r.path.startsWith(`/repos/${repository}/`)).map((r) => r.operationId),
  }));
}

describe('finding the releases of the planned tags', () => {
  it('300 tags, none released yet, in a repository with 250 releases: the 3 list pages, no request per tag', async () => {
    const repository = repoWithReleases('fresh', 250);
    const tags = Array.from({ length: 300 }, (_, i) => `p${i}@1.1.0`);
    const { result, ops } = await calls(repository, () => githubReleases(client(), repository).find(tags));
    expect(result).toEqual(new Map());
    expect(ops).toEqual(['repos/list-releases', 'repos/list-releases', 'repos/list-releases']);
  });

  it('on a rerun the new releases are the newest: the first page finds them all', async () => {
    const repository = repoWithReleases('rerun', 1_000);
    const tags = Array.from({ length: 60 }, (_, i) => `p${i}@1.1.0`);
    for (const tag of tags) github.state.addRelease(repository, { tagName: tag, body: 'notes' });
    const { result, ops } = await calls(repository, () => githubReleases(client(), repository).find(tags));
    expect([...(result as Map<string, unknown>).keys()].sort()).toEqual([...tags].sort());
    expect(ops).toEqual(['repos/list-releases']);
  });

  it('two tags in a long history: stops listing after two pages and asks for the rest by tag', async () => {
    const repository = repoWithReleases('long', 1_000);
    github.state.addRelease(repository, { tagName: 'a@2.0.0', createdAt: '2020-01-01T00:00:00Z', body: 'ancient' });
    const { result, ops } = await calls(repository, () => githubReleases(client(), repository).find(['a@2.0.0', 'b@1.0.0']));
    expect([...(result as Map<string, { body: string }>).entries()].map(([tag, r]) => [tag, r.body])).toEqual([['a@2.0.0', 'ancient']]);
    expect(ops).toEqual(['repos/list-releases', 'repos/list-releases', 'repos/get-release-by-tag', 'repos/get-release-by-tag']);
  });
});

describe('creating a release', () => {
  it('a second create of the same tag (a retried request whose answer was lost) returns the existing release', async () => {
    const repository = repoWithReleases('twice', 0);
    const releases = githubReleases(client(), repository);
    const input = { tag: 'a@1.0.0', name: 'a 1.0.0', body: 'notes', prerelease: false, target: 'main' };
    const first = await releases.create(input);
    const again = await releases.create(input);
    expect(again.id).toBe(first.id);
    expect(github.state.repo(repository)!.releases).toHaveLength(1);
  });

  it('names the repository, the tag and what to do when GitHub keeps failing', async () => {
    const repository = repoWithReleases('failing', 0);
    github.inject({ method: 'POST', path: `/repos/${repository}/releases`, status: 500, times: 4 });
    const error = await githubReleases(client(), repository).create({ tag: 'a@1.0.0', name: 'a', body: 'x', prerelease: false, target: 'main' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'API_FAILED', subject: repository, hint: expect.stringContaining('rerun the release') });
    expect((error as Error).message).toContain('creating the release of a@1.0.0 in acme/failing failed (HTTP 500)');
  });
});
