/**
 * "The latest version of each plugin that works with core X": one pass over index.json, which
 * lists every version's core range for exactly this question.
 */
import semver from 'semver';
import type { CatalogIndex } from './catalog-schema.ts';

export interface CompatiblePlugin {
  name: string;
  version: string;
  coreRange: string;
}

export interface CompatibilityAnswer {
  core: string;
  /** Per plugin, its newest version whose core range includes `core`. Sorted by name. */
  compatible: CompatiblePlugin[];
  /** Plugins with a declared range on some version, but none that includes `core`. */
  incompatible: string[];
  /** Plugins that declare no core range on any version: unknown, so not listed as compatible. */
  undeclared: string[];
}

export function compatibleWith(index: CatalogIndex, core: string, options: { prereleases?: boolean } = {}): CompatibilityAnswer {
  const answer: CompatibilityAnswer = { core, compatible: [], incompatible: [], undeclared: [] };
  // A prerelease core (2.0.0-rc.1) is matched by ranges that name its line, as npm does with
  // includePrerelease; a stable core never picks a prerelease plugin unless asked.
  const includePrerelease = semver.prerelease(core) !== null;
  for (const plugin of index.plugins) {
    const declared = plugin.versions.filter((v) => v.coreRange !== undefined);
    if (declared.length === 0) {
      answer.undeclared.push(plugin.name);
      continue;
    }
    const match = declared.find(
      (v) => (options.prereleases || semver.prerelease(v.version) === null) && semver.satisfies(core, v.coreRange!, { includePrerelease }),
    );
    if (match) answer.compatible.push({ name: plugin.name, version: match.version, coreRange: match.coreRange! });
    else answer.incompatible.push(plugin.name);
  }
  return answer;
}
