/**
 * Rewrites `version` inside pyproject.toml's `[project]` table (never a `version` of another
 * table such as [tool.poetry]) and the specifiers of internal dependencies in
 * `[project] dependencies`, keeping quotes, comments, markers, extras and line endings.
 * The result is re-parsed and compared with the intended document.
 */
import { isDeepStrictEqual } from 'node:util';
import { invalidManifest } from '../read-manifest.ts';
import { applyEdits, type TextEdit } from '../text-edits.ts';
import type { ManifestChange, ManifestUpdater } from '../types.ts';
import { normaliseName, parseRequirement } from './pep508.ts';
import { parseToml, tableAt, type Toml } from './pyproject.ts';
import { tomlStringsAt } from './toml-strings.ts';

export const pythonUpdater: ManifestUpdater = {
  ecosystem: 'python',

  update(text, change, file) {
    parseToml(text, file);
    const wanted = new Map(Object.entries(change.dependencies ?? {}).map(([name, range]) => [normaliseName(name), range]));
    const located = tomlStringsAt(text, (path) =>
      path[0] === 'project' &&
      ((path.length === 2 && path[1] === 'version' && change.version !== undefined) ||
        (path.length === 3 && path[1] === 'dependencies' && wanted.size > 0)),
    );
    const edits: TextEdit[] = [];

    if (change.version !== undefined) {
      const version = located.find((s) => s.path.length === 2);
      if (!version) throw invalidManifest(file, 'has no version = "..." under [project] to update', { hint: `add version = "0.0.0" under [project] in ${file}` });
      edits.push({ start: version.start, end: version.end, replacement: quoted(change.version, version.quote) });
    }

    const seen = new Set<string>();
    for (const dependency of located.filter((s) => s.path.length === 3)) {
      const requirement = parseRequirement(dependency.value);
      const range = requirement && wanted.get(normaliseName(requirement.name));
      if (!requirement || range === undefined) continue;
      seen.add(normaliseName(requirement.name));
      const value = dependency.value.slice(0, requirement.specifierStart) + range + dependency.value.slice(requirement.specifierEnd);
      edits.push({ start: dependency.start, end: dependency.end, replacement: quoted(value, dependency.quote) });
    }
    for (const name of wanted.keys()) {
      if (!seen.has(name)) throw invalidManifest(file, `has no dependency "${name}" in [project] dependencies to update`, { hint: 'the manifest changed since the plan was made: plan again' });
    }

    const after = applyEdits(text, edits);
    if (!isDeepStrictEqual(parseToml(after, file), intended(parseToml(text, file), change))) {
      throw invalidManifest(file, 'could not be rewritten without changing other values', {
        hint: 'please report this with the file attached; meanwhile edit the version by hand',
      });
    }
    return after;
  },
};

/** A TOML string literal in the original quote style where the value allows it. */
function quoted(value: string, quote: string): string {
  if (quote.startsWith("'") && !value.includes("'")) return `${quote}${value}${quote}`;
  const basic = JSON.stringify(value); // a JSON string of printable text is a valid TOML basic string
  return quote === '"""' ? `""${basic}""` : basic;
}

function intended(document: Toml, change: ManifestChange): Toml {
  const project = tableAt(document, 'project')!;
  if (change.version !== undefined) project.version = change.version;
  const wanted = new Map(Object.entries(change.dependencies ?? {}).map(([name, range]) => [normaliseName(name), range]));
  if (Array.isArray(project.dependencies)) {
    project.dependencies = project.dependencies.map((value: string) => {
      const requirement = parseRequirement(value);
      const range = requirement && wanted.get(normaliseName(requirement.name));
      return requirement && range !== undefined ? value.slice(0, requirement.specifierStart) + range + value.slice(requirement.specifierEnd) : value;
    });
  }
  return document;
}
