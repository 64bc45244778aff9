/**
 * GitHub App installation tokens scoped to one repository: the org release ships each
 * repository with a token that can write that repository and nothing else, so a bug or a
 * hostile build script in one plugin cannot push to another.
 *
 * The App authenticates with a JWT it signs with its private key (RS256, `iss` = App ID, at
 * most 10 minutes long, `iat` 60 s in the past for clock drift — docs.github.com, "Generating a
 * JSON Web Token (JWT) for a GitHub App"); the JWT finds the installation on the organisation
 * and asks it for a token limited to the repository and to `contents: write`.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { SlipwayError } from '../../core/errors.ts';
import type { RepositoryName } from '../../core/org-release/org-plan.ts';
import { createGitHubClient, type GitHubClientOptions } from './client.ts';

export interface GitHubApp {
  appId: string;
  /** The App's private key (PEM), as GitHub downloads it. */
  privateKey: string;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A JWT for the App, valid from 60 s ago for 9 minutes. */
export function appJwt(app: GitHubApp, nowSeconds: number): string {
  let key;
  try {
    key = createPrivateKey(app.privateKey.replace(/\\n/g, '\n'));
  } catch (error) {
    throw new SlipwayError('INPUT_INVALID', 'the GitHub App private key is not a PEM private key', {
      subject: 'app-private-key',
      hint: 'paste the whole .pem file GitHub generated for the App (-----BEGIN RSA PRIVATE KEY----- … END …) into the secret',
      cause: error,
    });
  }
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ iat: nowSeconds - 60, exp: nowSeconds + 540, iss: app.appId }));
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

export interface RepositoryTokenSource {
  /** A token that may write `repository` only (contents, for the push and the GitHub Releases). */
  tokenFor(repository: RepositoryName): Promise<string>;
}

export function appTokenSource(app: GitHubApp, client: Pick<GitHubClientOptions, 'baseUrl' | 'log' | 'retries' | 'backoffUnitMs' | 'minRetryAfterSeconds'> & { now?: () => number }): RepositoryTokenSource {
  const now = client.now ?? Date.now;
  const installations = new Map<string, Promise<number>>();
  const appClient = () => createGitHubClient({ ...client, token: appJwt(app, Math.floor(now() / 1000)) });
  const installationOf = (owner: string) => {
    let found = installations.get(owner);
    if (!found) {
      found = appClient()
        .rest.apps.getOrgInstallation({ org: owner })
        .then((answer) => answer.data.id)
        .catch((error: unknown) => {
          const status = (error as { status?: number }).status;
          throw new SlipwayError('API_FAILED', `the GitHub App ${app.appId} is not installed on ${owner}${status ? ` (HTTP ${status})` : ''}`, {
            subject: 'app-id',
            hint: `install the App on the organisation ${owner} with access to the plugin repositories (docs/org-release.md)`,
            cause: error,
          });
        });
      installations.set(owner, found);
    }
    return found;
  };
  return {
    async tokenFor(repository) {
      const [owner, name] = repository.split('/') as [string, string];
      const installationId = await installationOf(owner);
      try {
        const answer = await appClient().rest.apps.createInstallationAccessToken({ installation_id: installationId, repositories: [name], permissions: { contents: 'write' } });
        return answer.data.token;
      } catch (error) {
        const status = (error as { status?: number }).status;
        throw new SlipwayError('API_FAILED', `no installation token for ${repository}${status ? ` (HTTP ${status})` : ''}`, {
          subject: repository,
          hint: 'give the App access to this repository (installation settings → Repository access) with Contents: read and write',
          cause: error,
        });
      }
    },
  };
}
