/**
 * `fleet.ecosystem: auto`: which ecosystem a repository is. A `fleet.plugins` list means
 * generic; otherwise each finder looks at the root (then, with fleet.paths and nothing at the
 * root, at the first listed folder). Two ecosystems at once is an error rather than a guess: a
 * wrong guess would version the wrong files.
 */
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Ecosystem } from '../../core/types.ts';
import { finders } from './registry.ts';

const MARKERS = 'package.json (with workspaces or a version), settings.gradle(.kts) or build.gradle(.kts), pom.xml, pyproject.toml ([project] or [tool.uv.workspace])';

export async function detectEcosystem(root: string, config: SlipwayConfig): Promise<Ecosystem> {
  if (config.fleet.plugins.length > 0) return 'generic';
  let where = 'the repository root';
  let found = await detectedAt(root);
  if (found.length === 0 && config.fleet.paths) {
    const folders = (await glob(config.fleet.paths, { cwd: root, onlyDirectories: true, expandDirectories: false })).sort();
    for (const folder of folders) {
      found = await detectedAt(join(root, folder));
      where = folder;
      if (found.length > 0) break;
    }
  }
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    throw new SlipwayError('MANIFEST_MISSING', `no plugin manifest found in ${where}: looked for ${MARKERS}`, {
      subject: root,
      hint: 'set fleet.ecosystem (and fleet.paths) in slipway.yml, or list the plugins under fleet.plugins for a generic fleet',
    });
  }
  throw new SlipwayError('CONFIG_INVALID', `${where} looks like ${found.join(' and ')} at once; slipway will not guess`, {
    subject: 'fleet.ecosystem',
    hint: `set fleet.ecosystem to one of ${found.join(', ')} in slipway.yml`,
  });
}

async function detectedAt(dir: string): Promise<Ecosystem[]> {
  const results = await Promise.all(finders.map(async (finder) => ((await finder.detect(dir)) ? finder.ecosystem : undefined)));
  return results.filter((ecosystem) => ecosystem !== undefined);
}
