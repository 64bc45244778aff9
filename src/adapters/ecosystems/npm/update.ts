/**
 * Rewrites a package.json's top-level "version" and the ranges of internal dependencies, in
 * whichever section holds them, by replacing just those string literals in the text
 * (JSON.stringify would reformat: indentation, line endings, escapes, trailing newline).
 * The result is re-parsed and compared with the intended object, so a wrong edit cannot ship.
 */
import { isDeepStrictEqual } from 'node:util';
import { invalidManifest } from '../read-manifest.ts';
import { applyEdits, type TextEdit } from '../text-edits.ts';
import { changedRange, type ManifestChange, type ManifestUpdater } from '../types.ts';
import { jsonStringsAt } from './json-strings.ts';
import { DEPENDENCY_SECTIONS, parsePackageJson, SECTION_KINDS, type PackageJson } from './package-json.ts';

type Section = (typeof DEPENDENCY_SECTIONS)[number];
const isSection = (key: string | undefined): key is Section => (DEPENDENCY_SECTIONS as readonly string[]).includes(key ?? '');

export const npmUpdater: ManifestUpdater = {
  ecosystem: 'npm',

  update(text, change, file) {
    const before = parsePackageJson(text, file);
    const deps = change.dependencies ?? [];
    const rangeAt = (path: readonly string[]) => (isSection(path[0]) ? changedRange(deps, path[1]!, SECTION_KINDS[path[0]]) : undefined);
    const located = jsonStringsAt(text, (path) =>
      (path.length === 1 && path[0] === 'version' && change.version !== undefined) ||
      (path.length === 2 && rangeAt(path) !== undefined),
    );

    if (change.version !== undefined && !located.some((s) => s.path.length === 1)) {
      throw invalidManifest(file, 'has no top-level "version" string to update', { hint: `add "version": "0.0.0" to ${file}` });
    }
    for (const { name, kind } of deps) {
      if (!located.some((s) => s.path.length === 2 && s.path[1] === name && (kind === undefined || SECTION_KINDS[s.path[0] as Section] === kind))) {
        throw invalidManifest(file, `has no ${kind === undefined ? '' : `${kind} `}dependency "${name}" to update`, { hint: 'the manifest changed since the plan was made: plan again' });
      }
    }

    const edits: TextEdit[] = located.map((s) => ({
      start: s.start,
      end: s.end,
      replacement: JSON.stringify(s.path.length === 1 ? change.version : rangeAt(s.path)),
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
  for (const section of DEPENDENCY_SECTIONS) {
    const deps = expected[section] as Record<string, string> | undefined;
    if (!deps) continue;
    for (const name of Object.keys(deps)) {
      const range = changedRange(change.dependencies, name, SECTION_KINDS[section]);
      if (range !== undefined) deps[name] = range;
    }
  }
  return expected;
}
