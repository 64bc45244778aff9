/**
 * Rewrites a package.json's top-level "version" and the ranges of internal dependencies, in
 * whichever section holds them, by replacing just those string literals in the text
 * (JSON.stringify would reformat: indentation, line endings, escapes, trailing newline).
 * The result is re-parsed and compared with the intended object, so a wrong edit cannot ship.
 */
import { isDeepStrictEqual } from 'node:util';
import { isWorkspaceRange } from '../../../core/versioning/workspace-range.ts';
import { invalidManifest } from '../read-manifest.ts';
import { applyEdits, type TextEdit } from '../text-edits.ts';
import type { ManifestChange, ManifestUpdater } from '../types.ts';
import { jsonStringsAt } from './json-strings.ts';
import { DEPENDENCY_SECTIONS, parsePackageJson, type PackageJson } from './package-json.ts';

const SECTIONS: ReadonlySet<string> = new Set(DEPENDENCY_SECTIONS);

export const npmUpdater: ManifestUpdater = {
  ecosystem: 'npm',

  update(text, change, file) {
    const before = parsePackageJson(text, file);
    const deps = change.dependencies ?? {};
    const all = jsonStringsAt(text, (path) =>
      (path.length === 1 && path[0] === 'version' && change.version !== undefined) ||
      (path.length === 2 && SECTIONS.has(path[0]!) && Object.hasOwn(deps, path[1]!)),
    );
    // A `workspace:` range is never rewritten in the committed manifest: the publish resolves it.
    const located = all.filter((s) => s.path.length === 1 || !isWorkspaceRange(s.value));

    if (change.version !== undefined && !located.some((s) => s.path.length === 1)) {
      throw invalidManifest(file, 'has no top-level "version" string to update', { hint: `add "version": "0.0.0" to ${file}` });
    }
    for (const name of Object.keys(deps)) {
      if (!all.some((s) => s.path[1] === name)) {
        throw invalidManifest(file, `has no dependency "${name}" to update`, { hint: 'the manifest changed since the plan was made: plan again' });
      }
    }

    const edits: TextEdit[] = located.map((s) => ({
      start: s.start,
      end: s.end,
      replacement: JSON.stringify(s.path.length === 1 ? change.version : deps[s.path[1]!]),
    }));
    const after = applyEdits(text, edits);
    if (!isDeepStrictEqual(parsePackageJson(after, file), intended(before, change))) {
      throw invalidManifest(file, 'could not be rewritten without changing other values', {
        hint: 'please report this with the file attached; meanwhile edit the version by hand',
      });
    }
    return after;
  },
};

function intended(before: PackageJson, change: ManifestChange): PackageJson {
  const expected = structuredClone(before);
  if (change.version !== undefined) expected.version = change.version;
  for (const [name, range] of Object.entries(change.dependencies ?? {})) {
    for (const section of DEPENDENCY_SECTIONS) {
      const deps = expected[section] as Record<string, string> | undefined;
      if (deps && Object.hasOwn(deps, name) && !isWorkspaceRange(deps[name]!)) deps[name] = range;
    }
  }
  return expected;
}
