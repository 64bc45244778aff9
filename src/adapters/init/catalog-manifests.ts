/**
 * Whether any plugin of a fleet carries a catalog (plugin) manifest in its working tree: a
 * slipway-plugin.json/.yml beside it, or a `slipway` field in its package.json. init writes the
 * index workflow only for such a fleet; without manifests the index job could list nothing,
 * and its presence would hold every plugin to the catalog's checks (validate.profile: auto).
 */
import { posix } from 'node:path';
import { MANIFEST_FILES, PACKAGE_JSON_FIELD } from '../../core/catalog/plugin-manifest.ts';
import type { Plugin } from '../../core/types.ts';
import { fileExists, readManifest } from '../ecosystems/read-manifest.ts';

export async function anyCatalogManifest(cwd: string, plugins: readonly Plugin[]): Promise<boolean> {
  for (const plugin of plugins) {
    for (const file of MANIFEST_FILES) if (await fileExists(cwd, posix.join(plugin.path || '.', file))) return true;
    if (plugin.ecosystem !== 'npm') continue;
    try {
      const pkg = JSON.parse(await readManifest(cwd, plugin.manifestFile)) as Record<string, unknown>;
      if (pkg[PACKAGE_JSON_FIELD] !== undefined) return true;
    } catch {
      // unreadable here: discovery already read it; nothing to learn
    }
  }
  return false;
}
