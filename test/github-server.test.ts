/**
 * The local GitHub server answers the real octokit client the way GitHub does, and checks
 * both sides of every exchange against GitHub's OpenAPI description.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../src/adapters/github/client.ts';
import { githubOpenApi } from './servers/github/index.ts';
import { startHarness, type Harness } from './github/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  h.github.state.addRepo('acme/widgets');
});
afterEach(() => h.github.assertNoViolations());
afterAll(() => h.github.close());

describe('releases through the real client', () => {
  it('creates a release and reads it back by tag, with every field GitHub sends', async () => {
    const created = await h.octokit.rest.repos.createRelease({ owner: 'acme', repo: 'widgets', tag_name: 'widgets@1.0.0', name: 'widgets 1.0.0', body: '### Features\n- first' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ tag_name: 'widgets@1.0.0', name: 'widgets 1.0.0', draft: false, prerelease: false, author: { login: 'slipway-bot' } });
    expect(created.data.upload_url).toContain('/releases/');
    expect(created.headers.location).toBe(created.data.url);

    const read = await h.octokit.rest.repos.getReleaseByTag({ owner: 'acme', repo: 'widgets', tag: 'widgets@1.0.0' });
    expect(read.data.id).toBe(created.data.id);
    expect(read.data.body).toBe('### Features\n- first');
  });

  it('answers 404 for a tag without a release', async () => {
    await expect(h.octokit.rest.repos.getReleaseByTag({ owner: 'acme', repo: 'widgets', tag: 'widgets@9.9.9' })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a second release for the same tag with 422 already_exists', async () => {
    await h.octokit.rest.repos.createRelease({ owner: 'acme', repo: 'widgets', tag_name: 'widgets@1.1.0' });
    const error = await h.octokit.rest.repos.createRelease({ owner: 'acme', repo: 'widgets', tag_name: 'widgets@1.1.0' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, response: { data: { errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] } } });
  });

  it('updates a draft into a published release', async () => {
    const draft = await h.octokit.rest.repos.createRelease({ owner: 'acme', repo: 'widgets', tag_name: 'widgets@2.0.0', draft: true });
    expect(draft.data.published_at).toBeNull();
    const published = await h.octokit.rest.repos.updateRelease({ owner: 'acme', repo: 'widgets', release_id: draft.data.id, draft: false, body: 'notes' });
    expect(published.data).toMatchObject({ draft: false, body: 'notes' });
    expect(published.data.published_at).not.toBeNull();
  });

  it('lists releases page by page with a link header, so octokit.paginate sees them all', async () => {
    h.github.state.addRepo('acme/many');
    for (let i = 0; i < 45; i++) h.github.state.addRelease('acme/many', { tagName: `many@1.0.${i}` });
    const before = h.github.count('repos/list-releases');
    const all = await h.octokit.paginate(h.octokit.rest.repos.listReleases, { owner: 'acme', repo: 'many', per_page: 20 });
    expect(all).toHaveLength(45);
    expect(new Set(all.map((r) => r.tag_name)).size).toBe(45);
    expect(all[0]!.tag_name).toBe('many@1.0.44'); // newest first
    expect(h.github.count('repos/list-releases') - before).toBe(3);
  });
});

describe('checking requests and responses against the OpenAPI description', () => {
  it('records a request body GitHub would reject and answers 422', async () => {
    const wrongType = 42 as unknown as string; // deliberately not the string GitHub documents
    const error = await h.octokit.request('POST /repos/{owner}/{repo}/releases', { owner: 'acme', repo: 'widgets', tag_name: 'bad@1.0.0', body: wrongType }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422 });
    const [violation, ...rest] = h.github.takeViolations();
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ kind: 'request', operationId: 'repos/create-release' });
    expect(violation!.problems.join('\n')).toContain('body/body must be string');
    // Nothing was created by the rejected request.
    await expect(h.octokit.rest.repos.getReleaseByTag({ owner: 'acme', repo: 'widgets', tag: 'bad@1.0.0' })).rejects.toMatchObject({ status: 404 });
  });

  it('records a call to an endpoint GitHub does not have', async () => {
    await expect(h.octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner: 'acme', repo: 'widgets' })).rejects.toMatchObject({ status: 404 });
    expect(h.github.takeViolations()).toMatchObject([{ kind: 'unknown-route', path: '/repos/acme/widgets/no-such-thing' }]);
  });

  it('records an unknown query parameter, which GitHub would silently ignore', async () => {
    await h.octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'acme', repo: 'widgets', perpage: 5 });
    expect(h.github.takeViolations()).toMatchObject([{ kind: 'request', problems: ["query parameter 'perpage' is not defined for repos/list-releases"] }]);
  });

  it('catches a response object missing a required field', () => {
    const api = githubOpenApi();
    const route = api.match('GET', '/repos/acme/widgets/releases/tags/v1');
    if ('error' in route) throw new Error('route not found');
    const release = {
      url: 'https://api.github.com/repos/acme/widgets/releases/1',
      html_url: 'https://github.com/acme/widgets/releases/tag/v1',
      assets_url: 'https://api.github.com/repos/acme/widgets/releases/1/assets',
      upload_url: 'https://uploads.github.com/repos/acme/widgets/releases/1/assets{?name,label}',
      tarball_url: null,
      zipball_url: null,
      id: 1,
      node_id: 'RE_1',
      tag_name: 'v1',
      target_commitish: 'main',
      name: null,
      body: null,
      draft: true,
      prerelease: false,
      created_at: '2026-01-01T00:00:00Z',
      published_at: null,
      assets: [], // and no `author`
    };
    const problems = api.validateResponse(route.operation, 200, release);
    expect(problems).toContain("response must have required property 'author'");
    // nullable fields take null (OpenAPI 3.0 `nullable`), and a wrong type is still caught.
    expect(problems).toHaveLength(1);
    expect(api.validateSchema('release', { ...release, name: 7 }).join('\n')).toContain('release/name must be string,null');
  });
});

describe('authentication', () => {
  it('answers 401 Bad credentials for an unknown token, like GitHub', async () => {
    const stranger = createGitHubClient({ baseUrl: h.github.url, token: 'ghp_not_a_real_token', retries: 0 });
    await expect(stranger.rest.repos.get({ owner: 'acme', repo: 'widgets' })).rejects.toMatchObject({ status: 401, message: expect.stringContaining('Bad credentials') });
  });

  it('knows who the token belongs to', async () => {
    const { data } = await h.octokit.rest.users.getAuthenticated();
    expect(data.login).toBe('slipway-bot');
  });

  it('hides a private repository from anonymous callers', async () => {
    h.github.state.addRepo('acme/secret', { visibility: 'private' });
    const anonymous = createGitHubClient({ baseUrl: h.github.url, retries: 0 });
    await expect(anonymous.rest.repos.get({ owner: 'acme', repo: 'secret' })).rejects.toMatchObject({ status: 404 });
    const repo = await h.octokit.rest.repos.get({ owner: 'acme', repo: 'secret' });
    expect(repo.data).toMatchObject({ private: true, visibility: 'private', default_branch: 'main' });
  });
});

describe('repositories', () => {
  it('lists an organization’s repositories with topics, page by page', async () => {
    for (let i = 0; i < 7; i++) h.github.state.addRepo(`fleet/plugin-${i}`, { topics: ['slipway-plugin', `n${i}`] });
    const repos = await h.octokit.paginate(h.octokit.rest.repos.listForOrg, { org: 'fleet', per_page: 3, sort: 'full_name' });
    expect(repos.map((r) => r.name)).toEqual(['plugin-0', 'plugin-1', 'plugin-2', 'plugin-3', 'plugin-4', 'plugin-5', 'plugin-6']);
    expect(repos[3]!.topics).toEqual(['slipway-plugin', 'n3']);
    const topics = await h.octokit.rest.repos.getAllTopics({ owner: 'fleet', repo: 'plugin-2' });
    expect(topics.data.names).toEqual(['slipway-plugin', 'n2']);
  });

  it('answers rate_limit with the core and graphql budgets', async () => {
    const { data, headers } = await h.octokit.rest.rateLimit.get();
    expect(data.resources.core.limit).toBe(5000);
    expect(data.resources.graphql?.limit).toBe(5000);
    expect(Number(headers['x-ratelimit-remaining'])).toBeLessThan(5000);
  });
});
