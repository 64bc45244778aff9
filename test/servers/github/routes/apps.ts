/**
 * GitHub Apps: https://docs.github.com/en/rest/apps/apps. An App authenticates with a JWT
 * (checked in server.ts) to find its installation and to create installation tokens, which
 * may be scoped to some of the installation's repositories and permissions.
 */
import { randomBytes } from 'node:crypto';
import { bodyOf, notFound, validationFailed, type Reply, type RouteContext, type Routes } from './context.ts';

const needsJwt = (): Reply => ({
  status: 401,
  body: { message: 'A JSON web token could not be decoded', documentation_url: 'https://docs.github.com/rest', status: '401' },
});

const installationOf = (ctx: RouteContext) => {
  const app = ctx.app;
  if (!app) return undefined;
  for (const [org, id] of app.installations) if (String(id) === ctx.params.installation_id || org === (ctx.params.org ?? '').toLowerCase()) return { org, id };
  return undefined;
};

export const appRoutes: Routes = {
  'apps/get-org-installation': (ctx) => {
    if (!ctx.app) return needsJwt();
    const found = installationOf(ctx);
    if (!found) return notFound();
    return { status: 200, body: ctx.make.installation(ctx.app, found.id, found.org) };
  },

  'apps/create-installation-access-token': (ctx) => {
    if (!ctx.app) return needsJwt();
    const found = installationOf(ctx);
    if (!found) return notFound();
    const body = bodyOf(ctx);
    const names = Array.isArray(body['repositories']) ? (body['repositories'] as string[]) : undefined;
    const ids = Array.isArray(body['repository_ids']) ? (body['repository_ids'] as number[]) : undefined;
    const repos = ctx.state.reposOf(found.org);
    let repositoryIds: Set<number> | undefined;
    if (names || ids) {
      repositoryIds = new Set();
      for (const name of names ?? []) {
        const repo = repos.find((r) => r.name.toLowerCase() === name.toLowerCase());
        if (!repo) return validationFailed([{ resource: 'Repository', field: 'repositories', code: 'invalid', message: `There is at least one repository that does not exist or is not accessible to the parent installation.` }]);
        repositoryIds.add(repo.id);
      }
      for (const id of ids ?? []) repositoryIds.add(id);
    }
    const permissions = (body['permissions'] as Record<string, string> | undefined) ?? { contents: 'write', metadata: 'read' };
    const token = `ghs_${randomBytes(18).toString('base64url')}`;
    ctx.state.tokens.set(token, `${ctx.app.slug}[bot]`);
    ctx.state.tokenScopes.set(token, { appId: ctx.app.id, installationId: found.id, org: found.org, repositoryIds, permissions });
    return {
      status: 201,
      body: {
        token,
        expires_at: new Date(Date.parse(ctx.state.now()) + 3600_000).toISOString(),
        permissions,
        repository_selection: repositoryIds ? 'selected' : 'all',
      },
    };
  },
};
