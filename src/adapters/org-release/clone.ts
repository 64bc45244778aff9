/**
 * Clones of the organisation's repositories that have something new. Blobless
 * (`--filter=blob:none`): every commit and tree comes along — the planner's one `git log
 * --name-only` needs trees, never old file contents — and only the blobs of the checked-out
 * head are fetched. A treeless clone (`tree:0`) would fetch trees one round trip at a time
 * during that log; a full clone carries every old blob. bench/org-plan.ts measures the three.
 *
 * A token never goes on a command line (other processes could read it): the clone gets it
 * through GIT_CONFIG_* environment variables, and the push through the clone's own
 * `http.extraheader` — the way actions/checkout does it — in a folder removed after the ship.
 */
import { execa } from 'execa';
import { rm } from 'node:fs/promises';
import { gitRefName } from '../../core/git/ref-name.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { RepositoryName } from '../../core/org-release/org-plan.ts';

export type CloneFilter = 'blob:none' | 'tree:0' | 'none';

export interface CloneOptions {
  url: string;
  dir: string;
  branch: string;
  /** An installation token (https remotes only); none for public repositories and local remotes. */
  token?: string | undefined;
  filter?: CloneFilter;
  repository: RepositoryName;
}

/** `AUTHORIZATION: basic …` for x-access-token:<token>, as GitHub's git over https takes it. */
const authHeader = (token: string) => `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;

export async function cloneRepository(options: CloneOptions): Promise<void> {
  const filter = options.filter ?? 'blob:none';
  const env: Record<string, string> = {
    GIT_TERMINAL_PROMPT: '0',
    // Serves the filter when the remote is a local path (file://); GitHub allows it already.
    GIT_CONFIG_COUNT: options.token ? '2' : '1',
    GIT_CONFIG_KEY_0: 'uploadpack.allowFilter',
    GIT_CONFIG_VALUE_0: 'true',
    ...(options.token ? { GIT_CONFIG_KEY_1: 'http.extraheader', GIT_CONFIG_VALUE_1: authHeader(options.token) } : {}),
  };
  // The branch name comes from the GitHub API: checked as a ref name before it reaches git.
  const branch = gitRefName(options.branch, `${options.repository}'s branch`);
  const run = await execa('git', ['clone', '-q', '--single-branch', `--branch=${branch}`, filter === 'none' ? '--no-filter' : `--filter=${filter}`, '--', cloneUrl(options.url), options.dir], { env, reject: false });
  if (run.exitCode !== 0) {
    const reason = String(run.stderr).split('\n').find((l) => l.startsWith('fatal:')) ?? String(run.stderr).trim();
    throw new SlipwayError('GIT_FAILED', `cannot clone ${options.repository}: ${reason.replaceAll(options.token ?? '\0', '***')}`, {
      subject: options.repository,
      hint: 'check that the repository exists and that the token (a GitHub App installation) can read it',
    });
  }
  // The release reads its config and pushes from here.
  await execa('git', ['config', '--local', 'user.name', 'slipway[bot]'], { cwd: options.dir });
  await execa('git', ['config', '--local', 'user.email', 'slipway[bot]@users.noreply.github.com'], { cwd: options.dir });
  if (options.token) await execa('git', ['config', '--local', '--', 'http.extraheader', authHeader(options.token)], { cwd: options.dir });
}

/** A local path becomes a file:// URL: git's local transport ignores --filter. */
function cloneUrl(url: string): string {
  return url.startsWith('/') ? `file://${url}` : url;
}

export async function removeClone(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
