/**
 * Org mode: the plugins are an organisation's repositories, picked by topic and/or name
 * pattern, read with one paginated listing (topics come with each repository, so no call per
 * repository). Archived repositories and forks are left out.
 */
import { SlipwayError } from '../../core/errors.ts';
import { repositoryFilter, type RepositorySelection } from '../../core/org/repository-selection.ts';
import type { Octokit } from '../github/client.ts';

export { namePattern } from '../../core/org/repository-selection.ts';
export type OrgSelection = RepositorySelection;

/** `owner/name` of every selected repository, sorted. */
export async function listOrgPlugins(octokit: Octokit, selection: OrgSelection): Promise<string[]> {
  let repos;
  try {
    repos = await octokit.paginate(octokit.rest.repos.listForOrg, { org: selection.org, type: 'all', per_page: 100 });
  } catch (error) {
    const status = (error as { status?: number }).status;
    throw new SlipwayError('API_FAILED', `cannot list the repositories of ${selection.org}${status ? ` (HTTP ${status})` : ''}`, {
      subject: 'compat.org.name',
      hint: status === 404 ? 'check the organisation name, and that the token can see it' : 'rerun; check the token',
      cause: error,
    });
  }
  const selected = repositoryFilter(selection);
  return repos
    .filter((repo) => selected({ name: repo.name, archived: repo.archived ?? false, fork: repo.fork, topics: repo.topics ?? [] }))
    .map((repo) => repo.full_name)
    .sort();
}
