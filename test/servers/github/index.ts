/**
 * The local GitHub server for tests. Typical use:
 *
 *   const github = await startGitHubServer();
 *   github.state.addRepo('acme/widgets', { visibility: 'private', plan: 'enterprise' });
 *   const octokit = createGitHubClient({ baseUrl: github.url, token: github.token });
 *   ...
 *   github.assertNoViolations();
 *   await github.close();
 */
export { startGitHubServer, type GitHubServer, type GitHubServerOptions, type RequestLogEntry, type Violation } from './server.ts';
export { GitHubState, type Plan, type Visibility, type RepoRecord, type ReleaseRecord, type EnvironmentRecord, type IssueRecord, type DispatchRecord } from './state.ts';
export type { InjectedFault, SecondaryLimit } from './faults.ts';
export { githubOpenApi } from './openapi.ts';
export { githubGraphqlSchema, queryCost } from './graphql.ts';
export { PLAN_LACKS_PROTECTION_RULES } from './routes/environments.ts';
