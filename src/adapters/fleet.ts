/**
 * The fleet of a repository: which ecosystem it is, its plugins sorted by name, and whether the
 * repository *is* one plugin. Reads manifests only (concurrently, bounded); no git process.
 * The SNAPSHOT cycle (versioning.snapshot) is decided here, once, for every unit.
 */
import type { SlipwayConfig } from '../core/config/schema.ts';
import { SlipwayError } from '../core/errors.ts';
import type { Ecosystem, Plugin } from '../core/types.ts';
import { detectEcosystem } from './ecosystems/detect-ecosystem.ts';
import { finderFor } from './ecosystems/registry.ts';
import { releaseOfSnapshot, strategyFor } from './ecosystems/strategy.ts';

export interface Fleet {
  ecosystem: Ecosystem;
  /** The repository is one plugin, at path ''. */
  single: boolean;
  /** Sorted by name. */
  plugins: Plugin[];
}

export async function discoverFleet(root: string, config: SlipwayConfig): Promise<Fleet> {
  const ecosystem = config.fleet.ecosystem === 'auto' ? await detectEcosystem(root, config) : config.fleet.ecosystem;
  const plugins = await finderFor(ecosystem).discover(root, config);
  if (plugins.length === 0) {
    throw new SlipwayError('NOT_FOUND', `no ${ecosystem} plugins found`, {
      subject: config.fleet.paths ? 'fleet.paths' : root,
      hint: 'check that the plugin folders hold a manifest and that fleet.paths / fleet.exclude in slipway.yml select them',
    });
  }
  rejectDuplicateNames(plugins);
  if (config.versioning.snapshot === 'auto') for (const plugin of plugins) applySnapshotCycle(plugin);
  // Code-point order, not localeCompare: the same order on every machine and locale.
  plugins.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ecosystem, single: plugins.length === 1 && plugins[0]!.path === '', plugins };
}

/**
 * A unit whose manifest holds a development version (1.9.8-SNAPSHOT) runs the SNAPSHOT cycle:
 * that version is the floor of its next release, and the release commits the next SNAPSHOT.
 */
function applySnapshotCycle(plugin: Plugin): void {
  const floor = releaseOfSnapshot(strategyFor(plugin.ecosystem), plugin.version);
  if (floor === undefined) return;
  plugin.versionFloor = floor;
  plugin.snapshotCycle = true;
}

function rejectDuplicateNames(plugins: readonly Plugin[]): void {
  const byName = new Map<string, Plugin>();
  for (const plugin of plugins) {
    const other = byName.get(plugin.name);
    if (other) {
      throw new SlipwayError('MANIFEST_INVALID', `two plugins are named "${plugin.name}": ${other.manifestFile} and ${plugin.manifestFile}`, {
        subject: plugin.name,
        hint: 'plugin names become tags and catalog keys, so they must be unique: rename one, or leave one out with fleet.exclude',
      });
    }
    byName.set(plugin.name, plugin);
  }
}
