import { resolve } from 'node:path';
import { SlipwayError } from '../../core/errors.ts';
import { compatiblePlugins } from '../../jobs/catalog.ts';
import { parseFlags } from '../command.ts';

export const usage = `usage: slipway catalog compatible --core VERSION [options]

Lists the latest version of each plugin whose declared core range includes VERSION, from
the catalog's index.json (one read). Plugins with no compatible version, and plugins that
declare no core range, are listed after.

options:
  --core VERSION             the core version (semver), e.g. 1.4.0
  --prereleases              consider prerelease versions of plugins too
  --dir DIR                  read a catalog folder (a checkout of the branch) instead of fetching
  --cwd DIR                  the repository whose catalog to read (default: the current folder)
  --catalog-repository REPO  owner/name, git URL or path (default: catalog.repository, else origin)
  --catalog-branch BRANCH    default: catalog.branch (slipway-catalog)
  --json                     print the answer as JSON on stdout`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      core: { type: 'string' },
      prereleases: { type: 'boolean' },
      dir: { type: 'string' },
      cwd: { type: 'string' },
      'catalog-repository': { type: 'string' },
      'catalog-branch': { type: 'string' },
      json: { type: 'boolean' },
    },
    'catalog',
    true,
  );
  if (positionals[0] !== 'compatible' || positionals.length > 1) {
    throw new SlipwayError('USAGE', positionals.length ? `unknown catalog question "${positionals.join(' ')}"` : 'ask a question: slipway catalog compatible --core VERSION', { hint: 'run `slipway catalog --help`' });
  }
  if (!values.core) throw new SlipwayError('USAGE', '--core VERSION is required', { hint: 'e.g. slipway catalog compatible --core 1.4.0' });
  const answer = await compatiblePlugins({
    cwd: resolve(values.cwd ?? '.'),
    dir: values.dir ? resolve(values.dir) : undefined,
    core: values.core,
    prereleases: values.prereleases,
    location: {
      repository: values['catalog-repository'],
      branch: values['catalog-branch'],
      token: process.env['SLIPWAY_CATALOG_TOKEN'] || process.env['GITHUB_TOKEN'] || undefined,
    },
  });
  if (values.json) {
    process.stdout.write(JSON.stringify(answer, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(0, ...answer.compatible.map((p) => p.name.length));
  const lines = [`compatible with core ${answer.core}: ${answer.compatible.length} plugin(s)`];
  for (const p of answer.compatible) lines.push(`  ${p.name.padEnd(width)}  ${p.version}  (core ${p.coreRange})`);
  if (answer.incompatible.length) lines.push(`no version compatible: ${answer.incompatible.join(', ')}`);
  if (answer.undeclared.length) lines.push(`no core range declared: ${answer.undeclared.join(', ')}`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
