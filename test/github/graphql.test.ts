/**
 * GraphQL through the real client (`octokit.graphql`), validated against GitHub's schema:
 * reading a whole organization's repositories, topics and releases in pages of 100.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;

const ORG_QUERY = /* GraphQL */ `
  query ($org: String!, $after: String) {
    organization(login: $org) {
      repositories(first: 100, after: $after, orderBy: { field: NAME, direction: ASC }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          name
          nameWithOwner
          url
          repositoryTopics(first: 10) { nodes { topic { name } } }
          releases(first: 5, orderBy: { field: CREATED_AT, direction: DESC }) {
            nodes { tagName name description publishedAt url isPrerelease isDraft }
          }
        }
      }
    }
    rateLimit { cost remaining resetAt }
  }
`;

interface OrgPage {
  organization: {
    repositories: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { name: string; nameWithOwner: string; repositoryTopics: { nodes: { topic: { name: string } }[] }; releases: { nodes: { tagName: string; publishedAt: string | null }[] } }[];
    };
  };
  rateLimit: { cost: number; remaining: number; resetAt: string };
}

/** Every repository of an org, one query per page of 100; bounded by the pages it can need. */
async function readOrg(org: string, maxPages: number) {
  const repos: OrgPage['organization']['repositories']['nodes'] = [];
  let after: string | null = null;
  let last: OrgPage | undefined;
  for (let page = 0; page < maxPages; page++) {
    last = await h.octokit.graphql<OrgPage>(ORG_QUERY, { org, after });
    repos.push(...last.organization.repositories.nodes);
    if (!last.organization.repositories.pageInfo.hasNextPage) break;
    after = last.organization.repositories.pageInfo.endCursor;
  }
  return { repos, last: last! };
}

function seedOrg(org: string, count: number, releasesPerRepo: number) {
  const { state } = h.github;
  state.addOrg(org);
  for (let i = 0; i < count; i++) {
    const name = `${org}/plugin-${String(i).padStart(4, '0')}`;
    state.addRepo(name, { topics: ['slipway-plugin'] });
    for (let r = 0; r < releasesPerRepo; r++) {
      state.addRelease(name, { tagName: `v1.${r}.0`, createdAt: new Date(Date.UTC(2026, 0, 1 + r)).toISOString() });
    }
  }
}

beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => h.github.assertNoViolations());
afterAll(() => h.github.close());

describe('GraphQL', () => {
  it('reads an organization of 300 repositories in 3 requests of 100', async () => {
    seedOrg('fleet', 300, 3);
    const before = h.github.count('graphql');
    const { repos, last } = await readOrg('fleet', 10);
    expect(h.github.count('graphql') - before).toBe(3);
    expect(repos).toHaveLength(300);
    expect(new Set(repos.map((r) => r.name)).size).toBe(300);
    expect(repos[0]).toMatchObject({ name: 'plugin-0000', nameWithOwner: 'fleet/plugin-0000', repositoryTopics: { nodes: [{ topic: { name: 'slipway-plugin' } }] } });
    expect(repos[0]!.releases.nodes.map((r) => r.tagName)).toEqual(['v1.2.0', 'v1.1.0', 'v1.0.0']);
    // 1 repositories request + 100 topics + 100 releases = 201 requests → cost 2, as GitHub counts.
    expect(last.rateLimit.cost).toBe(2);
    expect(last.rateLimit.remaining).toBe(5000 - 3 * 2);
  });

  it('seeds 1,300 repositories with releases quickly and reads them in 13 requests', async () => {
    const started = Date.now();
    seedOrg('big', 1300, 2);
    expect(Date.now() - started).toBeLessThan(1000);
    const before = h.github.count('graphql');
    const { repos } = await readOrg('big', 20);
    expect(repos).toHaveLength(1300);
    expect(h.github.count('graphql') - before).toBe(13);
  });

  it('reads one repository’s releases', async () => {
    const data = await h.octokit.graphql<{ repository: { releases: { totalCount: number; nodes: { tagName: string }[] } } }>(
      `query { repository(owner: "fleet", name: "plugin-0007") { releases(first: 2, orderBy: { field: CREATED_AT, direction: ASC }) { totalCount nodes { tagName } } } }`,
    );
    expect(data.repository.releases).toEqual({ totalCount: 3, nodes: [{ tagName: 'v1.0.0' }, { tagName: 'v1.1.0' }] });
  });

  it('rejects a query that does not validate against GitHub’s schema, and records it', async () => {
    const error = await h.octokit.graphql(`query { organization(login: "fleet") { repositories(first: 1) { nodes { nmae } } } }`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GraphqlResponseError', errors: [{ message: 'Cannot query field "nmae" on type "Repository". Did you mean "name"?' }] });
    expect(h.github.takeViolations()).toMatchObject([{ kind: 'graphql', operationId: 'graphql' }]);
  });

  it('answers NOT_FOUND for an organization that does not exist, as GitHub does', async () => {
    const error = await h.octokit.graphql(`query { organization(login: "ghost") { login } }`).catch((e: unknown) => e);
    expect(error).toMatchObject({ errors: [{ type: 'NOT_FOUND', path: ['organization'], message: "Could not resolve to an Organization with the login of 'ghost'." }] });
    expect(h.github.violations).toEqual([]);
  });

  it('enforces GitHub’s pagination limits: first is required and at most 100', async () => {
    const tooMany = await h.octokit.graphql(`query { organization(login: "fleet") { repositories(first: 101) { totalCount } } }`).catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ errors: [{ type: 'EXCESSIVE_PAGINATION' }] });
    const unbounded = await h.octokit.graphql(`query { organization(login: "fleet") { repositories { totalCount } } }`).catch((e: unknown) => e);
    expect(unbounded).toMatchObject({ errors: [{ type: 'MISSING_PAGINATION_BOUNDARIES' }] });
  });

  it('records a field the local server does not resolve instead of answering null silently', async () => {
    const error = await h.octokit.graphql(`query { repository(owner: "fleet", name: "plugin-0001") { stargazerCount } }`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GraphqlResponseError' });
    const violations = h.github.takeViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]!.problems[0]).toContain('repository.stargazerCount');
  });
});
