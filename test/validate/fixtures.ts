/** Plugins for the validate specs: complete by default, so each test breaks exactly one thing. */
import { pkg, repo, type Repo } from '../helpers/repo.ts';

export const CATALOG = { title: 'Plugin', elements: [{ kind: 'task', name: 'run' }] };

/** A complete npm plugin manifest; `extra` overrides or (with undefined) removes fields. */
export function pluginPackage(name: string, version: string, extra: Record<string, unknown> = {}): string {
  const fields: Record<string, unknown> = {
    description: `The ${name} plugin.`,
    license: 'MIT',
    repository: { type: 'git', url: 'git+https://github.com/acme/plugins.git' },
    slipway: CATALOG,
    ...extra,
  };
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete fields[key];
  return pkg(name, version, fields);
}

/** The index starter as `init` writes it: the catalog is in use, so validate holds plugins to the catalog's checks. */
export const INDEX_WORKFLOW = 'jobs:\n  index:\n    permissions:\n      contents: write\n    uses: slipway-dev/slipway/.github/workflows/index.yml@v1\n';

/** An npm workspace fleet (plugins/*) listed in a catalog, with plugins a and b released at 1.0.0, plus `files`. */
export function npmFleet(options: { yml?: string; files?: Record<string, string> } = {}): Repo {
  return repo()
    .files({
      'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] }),
      'plugins/a/package.json': pluginPackage('a', '1.0.0'),
      'plugins/b/package.json': pluginPackage('b', '1.0.0'),
      '.github/workflows/index.yml': INDEX_WORKFLOW,
      ...(options.yml ? { 'slipway.yml': options.yml } : {}),
      ...options.files,
    })
    .commit('chore: start')
    .tag('a@1.0.0')
    .tag('b@1.0.0');
}
