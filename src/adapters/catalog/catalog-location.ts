/**
 * Where the catalog is pushed: a branch (catalog.branch, default slipway-catalog) of this
 * repository's remote, or of a separate repository (catalog.repository — org mode: every
 * plugin repository of an organisation publishes into one central catalog).
 */
import { isAbsolute, resolve } from 'node:path';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import { git } from '../git.ts';
import type { CatalogLocation } from './catalog-branch.ts';

export interface LocationOverrides {
  /** owner/name, a git URL or a local path; overrides catalog.repository. */
  repository?: string | undefined;
  branch?: string | undefined;
  token?: string | undefined;
  /** Used when neither `repository` nor catalog.repository is set (an action: GITHUB_REPOSITORY). */
  defaultRepository?: string | undefined;
  /** https://github.com, or a GitHub Enterprise Server (GITHUB_SERVER_URL). */
  serverUrl?: string | undefined;
}

export async function catalogLocation(cwd: string, config: SlipwayConfig, overrides: LocationOverrides = {}): Promise<CatalogLocation> {
  const branch = overrides.branch ?? config.catalog.branch;
  const repository = overrides.repository ?? config.catalog.repository ?? overrides.defaultRepository;
  const token = overrides.token;
  if (repository) return { url: repositoryUrl(repository, cwd, overrides.serverUrl), branch, token };
  const remote = config.release.remote;
  const url = await git(cwd, ['remote', 'get-url', '--', remote]).catch((error: unknown) => {
    throw new SlipwayError('CONFIG_INVALID', `the catalog goes to the "${remote}" remote, which this repository does not have`, {
      subject: 'catalog.repository',
      hint: 'set catalog.repository in slipway.yml (owner/name, a git URL or a path), or pass --catalog-repository',
      cause: error,
    });
  });
  return { url: /^[a-z][a-z0-9+.-]*:\/\/|^[^/]+@[^:]+:/i.test(url) ? url : resolve(cwd, url), branch, token };
}

function repositoryUrl(repository: string, cwd: string, serverUrl: string | undefined): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repository) || /^[^/]+@[^:]+:/.test(repository)) return repository;
  if (isAbsolute(repository) || repository.startsWith('.')) return resolve(cwd, repository);
  if (/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository)) {
    const server = (serverUrl || process.env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${repository.replace(/\.git$/, '')}.git`;
  }
  return resolve(cwd, repository);
}
