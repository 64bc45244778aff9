/**
 * GitHub Releases of one repository: find the ones that exist for a set of tags, create one if
 * absent, update one whose notes differ. Writes go through the client's throttling (one at a
 * time, spaced, rate limits and Retry-After waited out; see ./client.ts).
 *
 * Finding is batched: listing releases costs one request per 100 releases, newest first, where
 * asking by tag costs one request per tag. The lister stops as soon as every tag is found, and
 * gives up listing for per-tag requests once it has spent as many pages as tags are still
 * missing — so it never costs more than twice the cheaper of the two, and for a fleet release
 * (hundreds of tags, releases made recently, found on the first pages) far less than per-tag.
 */
import { SlipwayError } from '../../core/errors.ts';
import type { Octokit } from './client.ts';

export interface ExistingRelease {
  id: number;
  tag: string;
  name: string | null;
  body: string | null;
  prerelease: boolean;
  draft: boolean;
  url: string;
}

export interface ReleaseInput {
  tag: string;
  name: string;
  body: string;
  prerelease: boolean;
  /** The commit the tag points to (used by GitHub only if the tag does not exist yet). */
  target: string;
}

export interface GitHubReleases {
  readonly repository: string;
  /** tag → its release, for the tags that have one (drafts included: a draft for the tag is the release to finish). */
  find(tags: readonly string[]): Promise<Map<string, ExistingRelease>>;
  /** Creates the release; if another attempt already created it (a retried request), returns that one. */
  create(input: ReleaseInput): Promise<ExistingRelease>;
  update(id: number, input: Omit<ReleaseInput, 'target'>): Promise<ExistingRelease>;
}

const PER_PAGE = 100;

interface ApiRelease {
  id: number;
  tag_name: string;
  name: string | null;
  body?: string | null;
  prerelease: boolean;
  draft: boolean;
  html_url: string;
}

const toExisting = (r: ApiRelease): ExistingRelease => ({
  id: r.id,
  tag: r.tag_name,
  name: r.name,
  body: r.body ?? null,
  prerelease: r.prerelease,
  draft: r.draft,
  url: r.html_url,
});

export function githubReleases(octokit: Octokit, repository: string): GitHubReleases {
  const [owner, repo] = splitRepository(repository);
  const failed = (what: string, error: unknown) => apiError(`${what} in ${repository}`, repository, error);

  async function byTag(tag: string): Promise<ExistingRelease | undefined> {
    try {
      return toExisting((await octokit.rest.repos.getReleaseByTag({ owner, repo, tag })).data);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw failed(`reading the release of ${tag}`, error);
    }
  }

  return {
    repository,

    async find(tags) {
      const missing = new Set(tags);
      const found = new Map<string, ExistingRelease>();
      if (missing.size === 0) return found;
      let pages = 0;
      let listedAll = true;
      try {
        for await (const page of octokit.paginate.iterator(octokit.rest.repos.listReleases, { owner, repo, per_page: PER_PAGE })) {
          pages += 1;
          for (const release of page.data) {
            if (missing.delete(release.tag_name)) found.set(release.tag_name, toExisting(release));
          }
          if (missing.size === 0 || !/rel="next"/.test(page.headers.link ?? '')) break;
          if (pages >= missing.size) {
            listedAll = false;
            break;
          }
        }
      } catch (error) {
        throw failed('listing releases', error);
      }
      // With every release listed, a missing tag has none; otherwise the rest are asked for by tag.
      if (!listedAll) {
        for (const tag of missing) {
          const release = await byTag(tag);
          if (release) found.set(tag, release);
        }
      }
      return found;
    },

    async create(input) {
      try {
        const { data } = await octokit.rest.repos.createRelease({
          owner,
          repo,
          tag_name: input.tag,
          target_commitish: input.target,
          name: input.name,
          body: input.body,
          prerelease: input.prerelease,
        });
        return toExisting(data);
      } catch (error) {
        // 422 already_exists: an earlier attempt created it (its answer was lost, then retried).
        if (statusOf(error) === 422 && /already_exists/.test(JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? ''))) {
          const existing = await byTag(input.tag);
          if (existing) return existing;
        }
        throw failed(`creating the release of ${input.tag}`, error);
      }
    },

    async update(id, input) {
      try {
        const { data } = await octokit.rest.repos.updateRelease({
          owner,
          repo,
          release_id: id,
          name: input.name,
          body: input.body,
          prerelease: input.prerelease,
          draft: false,
        });
        return toExisting(data);
      } catch (error) {
        throw failed(`updating the release of ${input.tag}`, error);
      }
    },
  };
}

function splitRepository(repository: string): [string, string] {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repository);
  if (!match) {
    throw new SlipwayError('INPUT_INVALID', `"${repository}" is not a GitHub repository name`, { subject: 'repository', hint: 'use owner/name, e.g. acme/plugins' });
  }
  return [match[1]!, match[2]!];
}

const statusOf = (error: unknown): number | undefined => (error as { status?: number }).status;

function apiError(what: string, repository: string, error: unknown): SlipwayError {
  const status = statusOf(error);
  const message = (error as Error).message ?? String(error);
  const hint =
    status === 401
      ? 'the GitHub token is invalid or expired'
      : status === 403 || status === 404
        ? `the token needs \`contents: write\` on ${repository} (workflow permissions), and the repository must exist`
        : status !== undefined && status >= 500
          ? 'GitHub failed (after retries); rerun the release: finished steps are skipped'
          : 'rerun the release: finished steps are skipped';
  return new SlipwayError('API_FAILED', `GitHub ${what} failed${status ? ` (HTTP ${status})` : ''}: ${message}`, { subject: repository, hint, cause: error });
}
