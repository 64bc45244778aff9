/** Releases: https://docs.github.com/en/rest/releases/releases */
import type { ReleaseRecord, RepoRecord } from '../state.ts';
import { bodyOf, findRepo, isReply, notFound, paginate, requiresAuthentication, validationFailed, type RouteContext, type Routes } from './context.ts';

const tagTaken = () => validationFailed([{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);

function findRelease(repo: RepoRecord, ctx: RouteContext): ReleaseRecord | undefined {
  const id = Number(ctx.params.release_id);
  return repo.releases.find((r) => r.id === id);
}

/** Newest first, as GitHub lists them. */
const newestFirst = (a: ReleaseRecord, b: ReleaseRecord) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id;

export const releaseRoutes: Routes = {
  'repos/create-release': (ctx) => {
    if (!ctx.login) return requiresAuthentication();
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const body = bodyOf(ctx);
    const tagName = String(body.tag_name);
    if (repo.releases.some((r) => r.tagName === tagName)) return tagTaken();
    const release = ctx.state.addRelease(`${repo.owner}/${repo.name}`, {
      tagName,
      name: typeof body.name === 'string' ? body.name : tagName,
      body: typeof body.body === 'string' ? body.body : null,
      draft: body.draft === true,
      prerelease: body.prerelease === true,
      targetCommitish: typeof body.target_commitish === 'string' ? body.target_commitish : repo.defaultBranch,
      authorLogin: ctx.login,
    });
    const made = ctx.make.release(repo, release);
    return { status: 201, body: made, headers: { location: made.url } };
  },

  'repos/get-release-by-tag': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    // "Get a published release with the specified tag": drafts have no tag yet and are not found.
    const release = repo.releases.find((r) => r.tagName === ctx.params.tag && !r.draft);
    return release ? { status: 200, body: ctx.make.release(repo, release) } : notFound();
  },

  'repos/get-release': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const release = findRelease(repo, ctx);
    return release ? { status: 200, body: ctx.make.release(repo, release) } : notFound();
  },

  'repos/get-latest-release': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const latest = repo.releases.filter((r) => !r.draft && !r.prerelease).sort(newestFirst)[0];
    return latest ? { status: 200, body: ctx.make.release(repo, latest) } : notFound();
  },

  'repos/list-releases': (ctx) => {
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    // Drafts are listed only to people with push access; any authenticated caller here.
    const visible = repo.releases.filter((r) => ctx.login || !r.draft).sort(newestFirst);
    const page = paginate(visible, ctx);
    return { status: 200, body: page.items.map((r) => ctx.make.release(repo, r)), headers: page.headers };
  },

  'repos/update-release': (ctx) => {
    if (!ctx.login) return requiresAuthentication();
    const repo = findRepo(ctx);
    if (isReply(repo)) return repo;
    const release = findRelease(repo, ctx);
    if (!release) return notFound();
    const body = bodyOf(ctx);
    if (typeof body.tag_name === 'string' && body.tag_name !== release.tagName) {
      if (repo.releases.some((r) => r.tagName === body.tag_name)) return tagTaken();
      release.tagName = body.tag_name;
    }
    if (typeof body.target_commitish === 'string') release.targetCommitish = body.target_commitish;
    if (typeof body.name === 'string') release.name = body.name;
    if (typeof body.body === 'string') release.body = body.body;
    if (typeof body.prerelease === 'boolean') release.prerelease = body.prerelease;
    const now = ctx.state.now();
    if (typeof body.draft === 'boolean') {
      if (release.draft && !body.draft) release.publishedAt = now;
      if (body.draft) release.publishedAt = null;
      release.draft = body.draft;
    }
    release.updatedAt = now;
    return { status: 200, body: ctx.make.release(repo, release) };
  },
};
