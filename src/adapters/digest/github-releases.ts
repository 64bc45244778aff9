/**
 * Releases of an organisation's plugin repositories (org mode), read with GraphQL batching:
 * one query lists 100 repositories together with their newest releases, so 1,300
 * repositories take 13 requests. GitHub's limits
 * (https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api):
 * `first` at most 100 per connection, at most 500,000 nodes per query; our page asks for
 * 100 repositories × (20 topics + 5 releases) = 2,600 nodes, a cost of 1–2 points.
 *
 * Archived repositories are left out (`isArchived: false`): an archived plugin ships nothing.
 * Releases come newest first (`orderBy: CREATED_AT DESC`) and are filtered by date here. A
 * repository whose first releases all fall in the window may have more: those few are paged
 * further in follow-up queries that batch up to 20 repositories each (aliased fields).
 */
import semver from 'semver';
import type { ShippedRelease } from '../../core/digest/release.ts';
import { versionFromTag } from '../../core/digest/release.ts';
import { parseReleaseNotes } from '../../core/digest/release-notes.ts';
import { isInWindow, type DigestWindow } from '../../core/digest/window.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Octokit } from '../github/client.ts';

export interface OrgReleasesInput {
  org: string;
  /** Only repositories with this topic are plugins; all of the org's repositories without it. */
  topic?: string | undefined;
  window: DigestWindow;
  /** Releases fetched per repository in the listing query (default 5). */
  releasesPerRepository?: number;
  /** Reports progress after each page. */
  progress?: (done: number, total: number) => void;
}

export interface OrgReleasesResult {
  releases: ShippedRelease[];
  /** Repositories read (after the topic filter). */
  repositories: number;
  /** GraphQL requests made. */
  requests: number;
}

const RELEASE_FIELDS = 'tagName description url createdAt publishedAt isDraft';
const RELEASES = (first: string, after = '') =>
  `releases(first: ${first}${after}, orderBy: {field: CREATED_AT, direction: DESC}) { pageInfo { hasNextPage endCursor } nodes { ${RELEASE_FIELDS} } }`;

const LIST_QUERY = `query DigestRepositories($org: String!, $cursor: String, $releases: Int!) {
  organization(login: $org) {
    repositories(first: 100, after: $cursor, isArchived: false, orderBy: {field: NAME, direction: ASC}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        name
        repositoryTopics(first: 20) { nodes { topic { name } } }
        ${RELEASES('$releases')}
      }
    }
  }
}`;

const MORE_PER_QUERY = 20;
/** Follow-up rounds at most: 20 × 100 more releases per repository is years of weekly releases. */
const MAX_ROUNDS = 20;

interface ReleaseNode {
  tagName: string;
  description: string | null;
  url: string;
  createdAt: string;
  publishedAt: string | null;
  isDraft: boolean;
}

interface ReleaseConnection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: ReleaseNode[];
}

interface RepositoryNode {
  name: string;
  repositoryTopics: { nodes: Array<{ topic: { name: string } }> };
  releases: ReleaseConnection;
}

interface RepositoryReleases {
  name: string;
  releases: ReleaseNode[];
  next: string | null;
}

export async function readOrgReleases(octokit: Octokit, input: OrgReleasesInput): Promise<OrgReleasesResult> {
  let requests = 0;
  const query = async <T>(text: string, variables: Record<string, unknown>): Promise<T> => {
    requests += 1;
    try {
      return await octokit.graphql<T>(text, variables);
    } catch (error) {
      throw new SlipwayError('API_FAILED', `GitHub GraphQL query failed: ${(error as Error).message}`, {
        subject: `organization ${input.org}`,
        hint: 'check that the token can read the organisation\'s repositories (a GitHub App or PAT with contents: read on them)',
        cause: error,
      });
    }
  };

  const repositories: RepositoryReleases[] = [];
  let scanned = 0;
  let cursor: string | null = null;
  for (;;) {
    type Page = { organization: { repositories: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: RepositoryNode[] } } | null };
    const page: Page = await query<Page>(LIST_QUERY, { org: input.org, cursor, releases: input.releasesPerRepository ?? 5 });
    const listing = page.organization?.repositories;
    if (!listing) throw new SlipwayError('NOT_FOUND', `no organisation "${input.org}" on GitHub`, { subject: 'digest.org', hint: 'set digest.org to the login of the organisation that owns the plugin repositories' });
    for (const node of listing.nodes) {
      scanned += 1;
      // 20 topics is all a repository can have ("up to 20 topics"), so the page reads every one.
      if (input.topic && !node.repositoryTopics.nodes.some((t) => t.topic.name === input.topic)) continue;
      repositories.push({ name: node.name, releases: node.releases.nodes, next: node.releases.pageInfo.hasNextPage ? node.releases.pageInfo.endCursor : null });
    }
    input.progress?.(scanned, listing.totalCount);
    if (!listing.pageInfo.hasNextPage) break;
    cursor = listing.pageInfo.endCursor;
  }

  // Page further only where every release read so far is inside the window or newer: the
  // release before the window (the "previous" version) has not been seen yet.
  const since = Date.parse(input.window.since);
  const incomplete = () => repositories.filter((repo) => repo.next !== null && repo.releases.every((release) => Date.parse(release.createdAt) >= since));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pending = incomplete();
    if (pending.length === 0) break;
    for (let start = 0; start < pending.length; start += MORE_PER_QUERY) {
      const batch = pending.slice(start, start + MORE_PER_QUERY);
      const variables: Record<string, unknown> = { org: input.org };
      const fields = batch.map((repo, i) => {
        variables[`n${i}`] = repo.name;
        variables[`c${i}`] = repo.next;
        return `r${i}: repository(owner: $org, name: $n${i}) { ${RELEASES('100', `, after: $c${i}`)} }`;
      });
      const declarations = batch.map((_repo, i) => `$n${i}: String!, $c${i}: String`).join(', ');
      const answer = await query<Record<string, { releases: ReleaseConnection } | null>>(`query MoreReleases($org: String!, ${declarations}) {\n  ${fields.join('\n  ')}\n}`, variables);
      batch.forEach((repo, i) => {
        const more = answer[`r${i}`]?.releases;
        repo.releases.push(...(more?.nodes ?? []));
        repo.next = more?.pageInfo.hasNextPage ? more.pageInfo.endCursor : null;
      });
    }
  }

  const releases = repositories.flatMap((repo) => shippedReleases(repo, input.window));
  return { releases, repositories: repositories.length, requests };
}

function shippedReleases(repo: RepositoryReleases, window: DigestWindow): ShippedRelease[] {
  const versioned = repo.releases
    .filter((release) => !release.isDraft)
    .map((release) => ({ release, version: versionFromTag(release.tagName) }))
    .filter((item): item is { release: ReleaseNode; version: string } => item.version !== undefined);
  return versioned
    .filter(({ release }) => isInWindow(window, release.publishedAt ?? release.createdAt))
    .map(({ release, version }) => {
      const stable = semver.prerelease(version) === null;
      const previous = versioned
        .map((other) => other.version)
        .filter((other) => semver.lt(other, version) && (!stable || semver.prerelease(other) === null))
        .sort(semver.rcompare)[0];
      const body = release.description?.trim();
      return {
        plugin: repo.name,
        version,
        previous: previous ?? null,
        tag: release.tagName,
        releasedAt: new Date(release.publishedAt ?? release.createdAt).toISOString(),
        url: release.url,
        notes: body ? parseReleaseNotes(body) : null,
      };
    });
}
