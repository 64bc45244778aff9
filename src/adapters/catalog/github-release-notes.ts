/**
 * Release notes from a GitHub Release, for plugins that keep no changelog file: the release
 * job writes the changelog section into the Release body, so the two agree.
 * GET /repos/{owner}/{repo}/releases/tags/{tag} (https://docs.github.com/en/rest/releases/releases#get-a-release-by-tag-name).
 */
import { SlipwayError } from '../../core/errors.ts';
import type { Octokit } from '../github/client.ts';

export type ReleaseNotesLookup = (tag: string) => Promise<string | undefined>;

export function githubReleaseNotes(octokit: Octokit, repository: string): ReleaseNotesLookup {
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) {
    throw new SlipwayError('INPUT_INVALID', `"${repository}" is not an owner/name repository`, { subject: 'repository', hint: 'write it as owner/name' });
  }
  return async (tag) => {
    try {
      const { data } = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag });
      const body = data.body?.trim();
      return body ? body.replace(/\r\n?/g, '\n') + '\n' : undefined;
    } catch (error) {
      // No Release for this tag (or a draft, which has no tag yet): there are simply no notes.
      if ((error as { status?: number }).status === 404) return undefined;
      throw new SlipwayError('API_FAILED', `reading the GitHub Release of ${tag} failed: ${(error as Error).message}`, {
        subject: `${repository} release ${tag}`,
        hint: 'the token needs contents: read on the repository; or give the plugin a CHANGELOG.md, which is read first',
        cause: error,
      });
    }
  };
}
