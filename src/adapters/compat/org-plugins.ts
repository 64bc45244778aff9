/**
 * Org mode: the plugins are an organisation's repositories, picked by topic and/or name
 * pattern, read with one paginated listing (topics come with each repository, so no call per
 * repository). Archived repositories and forks are left out.
 */
import { SlipwayError } from '../../core/errors.ts';
import type { Octokit } from '../github/client.ts';

export interface OrgSelection {
  org: string;
  topic?: string | undefined;
  pattern?: string | undefined;
}

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
  const matches = selection.pattern ? namePattern(selection.pattern) : () => true;
  return repos
    .filter((repo) => !repo.archived && !repo.fork)
    .filter((repo) => !selection.topic || (repo.topics ?? []).includes(selection.topic))
    .filter((repo) => matches(repo.name))
    .map((repo) => repo.full_name)
    .sort();
}

/**
 * `plugin-*` → a whole-name match with `*` as any characters. Hand-written: a full glob
 * library is more than repository names (no slashes, no braces) need.
 */
export function namePattern(pattern: string): (name: string) => boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  const regex = new RegExp(`^${source}$`, 'i');
  return (name) => regex.test(name);
}
