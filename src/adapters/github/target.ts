/**
 * Which repository and API a command talks to, and with which token, when run from a
 * terminal: flags first, then the variables GitHub Actions sets (GITHUB_REPOSITORY,
 * GITHUB_API_URL), then the `origin` remote. The token comes from the environment only
 * (GITHUB_TOKEN, or GH_TOKEN as the gh CLI names it), never from a flag that shells keep in history.
 */
import { SlipwayError } from '../../core/errors.ts';
import { repositoryUrl } from '../git.ts';
import type { RepoRef } from './environments.ts';

export interface GitHubTarget {
  repo: RepoRef;
  baseUrl: string;
  token: string;
}

export async function resolveGitHubTarget(options: { repo?: string | undefined; apiUrl?: string | undefined; cwd: string; remote?: string; env?: NodeJS.ProcessEnv }): Promise<GitHubTarget> {
  const env = options.env ?? process.env;
  let fullName = options.repo ?? env['GITHUB_REPOSITORY'];
  if (!fullName) {
    const url = await repositoryUrl(options.cwd, options.remote ?? 'origin');
    fullName = url?.replace(/^https:\/\/github\.com\//, '');
  }
  const match = fullName ? /^([\w.-]+)\/([\w.-]+)$/.exec(fullName) : null;
  if (!match) {
    throw new SlipwayError('USAGE', fullName ? `"${fullName}" is not OWNER/NAME` : 'which repository? none given and no GitHub remote found', {
      subject: '--repo',
      hint: 'pass --repo OWNER/NAME (or run inside a clone whose origin is on github.com)',
    });
  }
  const token = env['GITHUB_TOKEN'] || env['GH_TOKEN'];
  if (!token) {
    throw new SlipwayError('USAGE', 'no GitHub token: set GITHUB_TOKEN or GH_TOKEN', {
      subject: 'GITHUB_TOKEN',
      hint: 'with the gh CLI: GH_TOKEN=$(gh auth token) slipway …; managing environments needs a repository admin\'s token',
    });
  }
  return { repo: { owner: match[1]!, repo: match[2]! }, baseUrl: options.apiUrl ?? env['GITHUB_API_URL'] ?? 'https://api.github.com', token };
}
