/**
 * The local GitHub server's Apps and refs, as the org release uses them: an App's JWT is checked
 * like GitHub checks it, installation tokens reach only the repositories they were scoped to,
 * and GraphQL's default branch heads and tags come from real bare repositories, read live.
 */
import { execaSync } from 'execa';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJwt, appTokenSource } from '../../src/adapters/github/app-token.ts';
import { createGitHubClient } from '../../src/adapters/github/client.ts';
import type { RepositoryName } from '../../src/core/org-release/org-plan.ts';
import { cleanupTempDirs, repo } from '../helpers/repo.ts';
import { bareRepositoryRefs } from '../servers/github/git-refs.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
let app: { appId: number; privateKey: string };
beforeAll(async () => {
  h = await startHarness();
  app = h.github.state.addApp('acme-releases', 'acme');
  h.github.state.addRepo('acme/one');
  h.github.state.addRepo('acme/two', { visibility: 'private' });
});
afterAll(async () => {
  await h.github.close();
  cleanupTempDirs();
});

const now = () => Math.floor(Date.now() / 1000);
const asApp = (jwt: string) => createGitHubClient({ baseUrl: h.github.url, token: jwt, retries: 0 });

describe('GitHub Apps', () => {
  it('accepts a JWT signed by the App\'s key, and refuses another key, an expired one, and one used on a repository route', async () => {
    expect((await asApp(appJwt({ appId: String(app.appId), privateKey: app.privateKey }, now())).rest.apps.getOrgInstallation({ org: 'acme' })).data.app_slug).toBe('acme-releases');
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    await expect(asApp(appJwt({ appId: String(app.appId), privateKey: stranger }, now())).rest.apps.getOrgInstallation({ org: 'acme' })).rejects.toMatchObject({ status: 401 });
    await expect(asApp(appJwt({ appId: String(app.appId), privateKey: app.privateKey }, now() - 3600)).rest.apps.getOrgInstallation({ org: 'acme' })).rejects.toMatchObject({ status: 401 });
    await expect(asApp(appJwt({ appId: String(app.appId), privateKey: app.privateKey }, now())).rest.repos.get({ owner: 'acme', repo: 'one' })).rejects.toMatchObject({ status: 401 });
    await expect(asApp(appJwt({ appId: String(app.appId), privateKey: app.privateKey }, now())).rest.apps.getOrgInstallation({ org: 'other' })).rejects.toMatchObject({ status: 404 });
    h.github.assertNoViolations();
  });

  it('a token scoped to one repository writes only there, and does not see another private one', async () => {
    const token = await appTokenSource({ appId: String(app.appId), privateKey: app.privateKey }, { baseUrl: h.github.url }).tokenFor('acme/one' as RepositoryName);
    const scoped = createGitHubClient({ baseUrl: h.github.url, token, retries: 0 });
    expect((await scoped.rest.repos.createRelease({ owner: 'acme', repo: 'one', tag_name: 'v1.0.0' })).status).toBe(201);
    await expect(scoped.rest.repos.get({ owner: 'acme', repo: 'two' })).rejects.toMatchObject({ status: 404 });
    await expect(scoped.rest.repos.createRelease({ owner: 'acme', repo: 'two', tag_name: 'v1.0.0' })).rejects.toMatchObject({ status: 403 });
    h.github.assertNoViolations();
  });

  it('names the missing installation or repository in the error', async () => {
    const source = appTokenSource({ appId: String(app.appId), privateKey: app.privateKey }, { baseUrl: h.github.url, retries: 0 });
    await expect(source.tokenFor('elsewhere/x' as RepositoryName)).rejects.toMatchObject({ code: 'API_FAILED', subject: 'app-id' });
    await expect(source.tokenFor('acme/missing' as RepositoryName)).rejects.toMatchObject({ code: 'API_FAILED', subject: 'acme/missing' });
    expect(() => appJwt({ appId: '1', privateKey: 'not a key' }, now())).toThrow(/not a PEM private key/);
    h.github.takeViolations();
  });
});

describe('refs from a bare repository', () => {
  it('GraphQL reads the default branch head and the tags (annotated ones peeled), newest commit first, live', async () => {
    const work = repo().commit('feat: one').tag('v1.0.0').commit('feat: two').tag('v1.1.0', 'annotated');
    const bare = join(work.dir, '..', `${work.dir.split('/').pop()}-bare.git`);
    execaSync('git', ['clone', '-q', '--bare', work.dir, bare]);
    h.github.state.addRepo('acme/refs', { git: bareRepositoryRefs(bare) });
    const query = `query { repository(owner: "acme", name: "refs") { defaultBranchRef { name target { oid } } refs(refPrefix: "refs/tags/", first: 10, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) { nodes { name target { __typename oid ... on Tag { target { oid } } } } } } }`;
    type Answer = { repository: { defaultBranchRef: { name: string; target: { oid: string } }; refs: { nodes: Array<{ name: string; target: { __typename: string; oid: string; target?: { oid: string } } }> } } };
    const first = await h.octokit.graphql<Answer>(query);
    expect(first.repository.defaultBranchRef).toEqual({ name: 'main', target: { oid: work.head() } });
    expect(first.repository.refs.nodes.map((n) => [n.name, n.target.__typename, n.target.target?.oid ?? n.target.oid])).toEqual([
      ['v1.1.0', 'Tag', work.head()],
      ['v1.0.0', 'Commit', work.git('rev-parse', 'v1.0.0')],
    ]);
    work.commit('fix: three');
    execaSync('git', ['push', '-q', bare, 'main'], { cwd: work.dir });
    expect((await h.octokit.graphql<Answer>(query)).repository.defaultBranchRef.target.oid).toBe(work.head());
    h.github.assertNoViolations();
  });
});
