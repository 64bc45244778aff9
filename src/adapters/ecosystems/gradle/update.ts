/**
 * Rewrites the `version=` value in gradle.properties, keeping comments, spacing, other
 * properties and line endings. Internal dependencies need no rewrite in Gradle: subprojects
 * depend on each other through `project(':x')`, which carries no version.
 */
import { isDeepStrictEqual } from 'node:util';
import { invalidManifest } from '../read-manifest.ts';
import { applyEdits } from '../text-edits.ts';
import type { ManifestUpdater } from '../types.ts';
import { readProperties } from './properties.ts';

export const gradleUpdater: ManifestUpdater = {
  ecosystem: 'gradle',

  update(text, change, file) {
    if (change.version === undefined) return text;
    const before = readProperties(text);
    const version = before.get('version');
    if (!version) {
      throw invalidManifest(file, 'has no "version=" line to update', { hint: `add "version=0.0.0" to ${file}` });
    }
    const after = applyEdits(text, [{ start: version.start, end: version.end, replacement: change.version }]);
    const values = (properties: ReturnType<typeof readProperties>) => new Map([...properties].map(([key, p]) => [key, p.value]));
    const expected = values(before).set('version', change.version);
    if (!isDeepStrictEqual(values(readProperties(after)), expected)) {
      throw invalidManifest(file, 'could not be rewritten without changing other properties', {
        hint: 'please report this with the file attached; meanwhile edit the version by hand',
      });
    }
    return after;
  },
};
