/**
 * Where an org release finds things, decided once: the GitHub API, the git URL of each
 * repository, the web root for compare links. The entry points only translate their inputs.
 */
import { createGitHubClient, type Octokit } from '../../adapters/github/client.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { RepositoryName } from '../../core/org-release/org-plan.ts';
import type { Reporter } from '../../core/reporter.ts';

export interface OrgGitHub {
  /** Without one, public repositories are read anonymously (REST listing + git ls-remote). */
  token?: string | undefined;
  /** The API root: https://api.github.com, a GitHub Enterprise Server, or a local server. */
  apiUrl?: string | undefined;
  /** The web root (compare links, git URLs): default https://github.com, or the API root without /api/v3. */
  serverUrl?: string | undefined;
  /** A ready client for the token (tests pass one with short retry timings). */
  client?: Octokit;
  /** A client for another token (installation tokens when shipping); default createGitHubClient. */
  clientFor?: (token: string) => Octokit;
}

export const DEFAULT_API_URL = 'https://api.github.com';

export function serverUrlOf(github: OrgGitHub): string {
  if (github.serverUrl) return github.serverUrl.replace(/\/+$/, '');
  const api = (github.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  if (api === DEFAULT_API_URL) return 'https://github.com';
  // GitHub Enterprise Server: https://HOST/api/v3 → https://HOST.
  return api.replace(/\/api\/v3$/, '');
}

export function apiClient(github: OrgGitHub, reporter: Reporter): Octokit {
  return github.client ?? createGitHubClient({ token: github.token, baseUrl: github.apiUrl, log: (line) => reporter.debug(line) });
}

export function clientForToken(github: OrgGitHub, reporter: Reporter): (token: string) => Octokit {
  return github.clientFor ?? ((token) => createGitHubClient({ token, baseUrl: github.apiUrl, log: (line) => reporter.debug(line) }));
}

/**
 * `owner/name` → where git clones it from: `{repository}` in a template (`/srv/git/{repository}.git`,
 * the tests' bare remotes), else `<server>/<owner>/<name>.git`.
 */
export function gitUrlFor(template: string | undefined, serverUrl: string): (repository: RepositoryName) => string {
  if (template !== undefined) {
    if (!template.includes('{repository}')) {
      throw new SlipwayError('USAGE', `the git URL template "${template}" has no {repository}`, { subject: '--git-url', hint: 'e.g. --git-url https://git.example.com/{repository}.git' });
    }
    return (repository) => template.replaceAll('{repository}', repository);
  }
  return (repository) => `${serverUrl}/${repository}.git`;
}

/**
 * The repository's own slipway.yml decides how it releases, except where the org release
 * decides: it ships the repository's default branch (the one it planned) through the remote it
 * cloned from.
 */
export function orgRepositoryConfig(config: SlipwayConfig, branch: string): SlipwayConfig {
  return { ...config, release: { ...config.release, branch, remote: 'origin' } };
}
