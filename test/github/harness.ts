/**
 * One local GitHub server and one real client pointed at it, with the client's waits scaled
 * down (write spacing, 5xx back-off) so tests stay fast; rate-limit waits keep GitHub's
 * seconds because `retry-after` is what the tests check.
 */
import { createGitHubClient, type GitHubClientOptions, type Octokit } from '../../src/adapters/github/client.ts';
import { startGitHubServer, type GitHubServer, type GitHubServerOptions } from '../servers/github/index.ts';

export interface Harness {
  github: GitHubServer;
  octokit: Octokit;
  /** Lines the client logged. */
  logs: string[];
  client(options?: GitHubClientOptions): Octokit;
}

export async function startHarness(serverOptions: GitHubServerOptions = {}, clientOptions: GitHubClientOptions = {}): Promise<Harness> {
  const github = await startGitHubServer(serverOptions);
  const logs: string[] = [];
  const client = (options: GitHubClientOptions = {}) =>
    createGitHubClient({
      baseUrl: github.url,
      token: github.token,
      log: (line) => logs.push(line),
      writeSpacingMs: 0,
      backoffUnitMs: 20,
      minRetryAfterSeconds: 1,
      ...clientOptions,
      ...options,
    });
  return { github, octokit: client(), logs, client };
}
