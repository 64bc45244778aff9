/**
 * What an org release needs to know about each repository before cloning any: its name,
 * topics, archived/fork flags, its default branch's head and its newest tags — for 100
 * repositories per GraphQL request, so 1,300 repositories take 13 requests. Limits
 * (https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api):
 * `first` at most 100; a page asks for 100 × (20 topics + 10 tags) = 3,100 nodes, a cost of 1.
 *
 * GitHub's GraphQL API needs a token. Without one (a public organisation, read locally) the
 * repositories come from the REST listing (100 per request; 60 anonymous requests an hour) and
 * each repository's head and tags from `git ls-remote` over git's own protocol, which the API
 * rate limit does not count.
 */
import pMap from 'p-map';
import { SlipwayError } from '../../core/errors.ts';
import type { RepositorySnapshot } from '../../core/org-release/changed-repositories.ts';
import { repositoryName, type RepositoryName } from '../../core/org-release/org-plan.ts';
import { sha } from '../../core/types.ts';
import { git } from '../git.ts';
import type { Octokit } from './client.ts';

/** Tags read per repository: a release commit's tags are the newest, so a few suffice. */
const TAGS_PER_REPOSITORY = 10;

const QUERY = `query OrgReleaseRepositories($org: String!, $cursor: String, $tags: Int!) {
  organization(login: $org) {
    repositories(first: 100, after: $cursor, isArchived: false, isFork: false, orderBy: {field: NAME, direction: ASC}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        name
        nameWithOwner
        isArchived
        isFork
        repositoryTopics(first: 20) { nodes { topic { name } } }
        defaultBranchRef { name target { oid } }
        refs(refPrefix: "refs/tags/", first: $tags, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) {
          nodes { name target { __typename oid ... on Tag { target { oid } } } }
        }
      }
    }
  }
}`;

interface RepositoryNode {
  name: string;
  nameWithOwner: string;
  isArchived: boolean;
  isFork: boolean;
  repositoryTopics: { nodes: Array<{ topic: { name: string } }> };
  defaultBranchRef: { name: string; target: { oid: string } | null } | null;
  refs: { nodes: Array<{ name: string; target: { __typename: string; oid: string; target?: { oid: string } } | null }> } | null;
}

type Page = {
  organization: { repositories: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<RepositoryNode | null> } } | null;
};

export interface SnapshotResult {
  snapshots: RepositorySnapshot[];
  /** GitHub API requests made (git ls-remote is not one). */
  requests: number;
}

export async function readOrgSnapshots(octokit: Octokit, org: string, options: { authenticated: boolean; gitUrl: (repository: RepositoryName) => string }): Promise<SnapshotResult> {
  return options.authenticated ? viaGraphql(octokit, org) : viaRestAndGit(octokit, org, options.gitUrl);
}

async function viaGraphql(octokit: Octokit, org: string): Promise<SnapshotResult> {
  const snapshots: RepositorySnapshot[] = [];
  let requests = 0;
  let cursor: string | null = null;
  for (;;) {
    requests += 1;
    let page: Page;
    try {
      page = await octokit.graphql<Page>(QUERY, { org, cursor, tags: TAGS_PER_REPOSITORY });
    } catch (error) {
      throw new SlipwayError('API_FAILED', `GitHub GraphQL query for the repositories of ${org} failed: ${(error as Error).message}`, {
        subject: `organization ${org}`,
        hint: 'check that the token can read the organisation\'s repositories (a GitHub App installation or a token with contents: read on them)',
        cause: error,
      });
    }
    const listing = page.organization?.repositories;
    if (!listing) throw new SlipwayError('NOT_FOUND', `no organisation "${org}" on GitHub`, { subject: '--org', hint: 'pass the login of the organisation that owns the plugin repositories' });
    for (const node of listing.nodes) if (node) snapshots.push(fromNode(node));
    if (!listing.pageInfo.hasNextPage) break;
    cursor = listing.pageInfo.endCursor;
  }
  return { snapshots, requests };
}

function fromNode(node: RepositoryNode): RepositorySnapshot {
  const head = node.defaultBranchRef?.target?.oid;
  return {
    // Checked like any input: the name becomes a folder and a clone URL.
    repository: repositoryName(node.nameWithOwner, 'GitHub GraphQL nameWithOwner'),
    name: node.name,
    archived: node.isArchived,
    fork: node.isFork,
    topics: node.repositoryTopics.nodes.map((t) => t.topic.name),
    branch: node.defaultBranchRef?.name ?? null,
    head: head ? sha(head) : null,
    // An annotated tag's target is a Tag object; the commit is the Tag's own target.
    tags: (node.refs?.nodes ?? []).flatMap((ref) => {
      const commit = ref.target?.__typename === 'Tag' ? ref.target.target?.oid : ref.target?.oid;
      return commit ? [{ name: ref.name, commit: sha(commit) }] : [];
    }),
  };
}

async function viaRestAndGit(octokit: Octokit, org: string, gitUrl: (repository: RepositoryName) => string): Promise<SnapshotResult> {
  let requests = 0;
  let repos;
  try {
    repos = await octokit.paginate(octokit.rest.repos.listForOrg, { org, type: 'public', per_page: 100 }, (response) => {
      requests += 1;
      return response.data;
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    throw new SlipwayError('API_FAILED', `cannot list the repositories of ${org}${status ? ` (HTTP ${status})` : ''}`, {
      subject: '--org',
      hint: status === 404 ? 'check the organisation name' : 'without a token GitHub allows 60 requests an hour: set GITHUB_TOKEN',
      cause: error,
    });
  }
  const snapshots = await pMap(
    repos.filter((r) => !r.archived && !r.fork),
    async (repo): Promise<RepositorySnapshot> => {
      const repository = repositoryName(repo.full_name, 'GitHub REST full_name');
      const branch = repo.default_branch ?? 'main';
      const refs = await lsRemote(gitUrl(repository), branch);
      return { repository, name: repo.name, archived: false, fork: false, topics: repo.topics ?? [], branch: refs.head ? branch : null, head: refs.head, tags: refs.tags };
    },
    { concurrency: 8 },
  );
  return { snapshots, requests };
}

/** The branch head and every tag's commit, in one `git ls-remote`. */
async function lsRemote(url: string, branch: string): Promise<{ head: RepositorySnapshot['head']; tags: RepositorySnapshot['tags'] }> {
  const out = await git(process.cwd(), ['ls-remote', '--', url, `refs/heads/${branch}`, 'refs/tags/*']);
  let head: RepositorySnapshot['head'] = null;
  const direct = new Map<string, string>();
  const peeled = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [object, ref] = line.split('\t');
    if (!object || !ref) continue;
    if (ref === `refs/heads/${branch}`) head = sha(object);
    else if (ref.startsWith('refs/tags/')) {
      const name = ref.slice('refs/tags/'.length);
      if (name.endsWith('^{}')) peeled.set(name.slice(0, -3), object);
      else direct.set(name, object);
    }
  }
  return { head, tags: [...direct].map(([name, object]) => ({ name, commit: sha(peeled.get(name) ?? object) })) };
}
