/**
 * What the manifest check needs for each plugin, read exactly as the index job reads a release
 * (the catalog's readPluginVersion) but at HEAD: what validate passes is what gets indexed.
 * Validate therefore checks what is committed, not uncommitted edits. One `git cat-file
 * --batch` serves every plugin.
 */
import { GitObjectReader } from '../catalog/git-objects.ts';
import { readPluginVersion } from '../catalog/read-plugin-version.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { isSlipwayError, SlipwayError } from '../../core/errors.ts';
import type { Plugin, PluginName } from '../../core/types.ts';
import { fieldLocator, type FieldLine, type FieldPath } from '../../core/validate/field-lines.ts';
import type { ManifestInput } from '../../core/validate/manifest-completeness.ts';

export type ManifestReading = { ok: true; input: ManifestInput } | { ok: false; error: SlipwayError };

export async function readManifestInputs(cwd: string, plugins: readonly Plugin[], config: SlipwayConfig, rev = 'HEAD'): Promise<Map<PluginName, ManifestReading>> {
  const objects = new GitObjectReader(cwd);
  const locators = new Map<string, Promise<(path: FieldPath) => FieldLine>>();
  const locatorFor = (file: string) => {
    let locator = locators.get(file);
    if (!locator) {
      locator = objects.readText(rev, file).then((text) => (text === undefined ? () => undefined : fieldLocator(file, text)));
      locators.set(file, locator);
    }
    return locator;
  };
  try {
    const readings = await Promise.all(
      plugins.map(async (plugin): Promise<[PluginName, ManifestReading]> => {
        try {
          const files = await readPluginVersion(objects, { plugin, version: plugin.version, commit: rev, at: rev }, config);
          // A Gradle/Maven unit whose artifacts carry their catalog facts in the build files
          // (X-Kestra-Title, project.description) needs no slipway-plugin.yml: index reads those.
          const fromBuild = plugin.artifacts?.length && plugin.artifacts.every((a) => a.title && a.description);
          if (!files.manifest && fromBuild) {
            const artifacts = plugin.artifacts!;
            files.manifest = {
              file: files.facts.file,
              prefix: '',
              value: { title: artifacts[0]!.title, description: artifacts[0]!.description, elements: artifacts.map((a) => ({ kind: 'other', name: a.artifactId })) },
            };
          }
          const needed = [files.facts.file, ...(files.manifest ? [files.manifest.file] : [])];
          const located = new Map(await Promise.all(needed.map(async (file) => [file, await locatorFor(file)] as const)));
          return [
            plugin.name,
            {
              ok: true,
              input: {
                folder: plugin.path,
                facts: files.facts,
                manifest: files.manifest,
                lookedIn: files.lookedIn,
                locate: (file, path) => located.get(file)?.(path),
              },
            },
          ];
        } catch (error) {
          if (!isSlipwayError(error)) throw error;
          return [plugin.name, { ok: false, error }];
        }
      }),
    );
    return new Map(readings);
  } finally {
    await objects.close();
  }
}
