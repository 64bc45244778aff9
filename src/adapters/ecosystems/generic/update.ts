/** Rewrites the version in a generic version file, leaving every other byte as it was. */
import { invalidManifest } from '../read-manifest.ts';
import { applyEdits } from '../text-edits.ts';
import type { ManifestUpdater } from '../types.ts';
import { versionIn } from './version-file.ts';

export const genericUpdater: ManifestUpdater = {
  ecosystem: 'generic',

  update(text, change, file) {
    if (change.version === undefined) return text;
    const at = versionIn(text);
    if (!at) throw invalidManifest(file, 'holds no version to update', { hint: `write the version (e.g. 1.0.0) in ${file}` });
    return applyEdits(text, [{ start: at.start, end: at.end, replacement: change.version }]);
  },
};
