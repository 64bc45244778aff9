/**
 * Rewrites `version` inside pyproject.toml's `[project]` table (never a `version` of another
 * table such as [tool.poetry]) and the specifiers of internal dependencies in
 * `[project] dependencies`, keeping quotes, comments, markers, extras and line endings.
 * The result is re-parsed and compared with the intended document.
 */
import { isDeepStrictEqual } from 'node:util';
import { invalidManifest } from '../read-manifest.ts';
import { applyEdits, type TextEdit } from '../text-edits.ts';
import type { DependencyKind } from '../../../core/types.ts';
import { changedRange, type ManifestChange, type ManifestUpdater, type RangeChange } from '../types.ts';
import { requirementKindAt } from './dependency-tables.ts';
import { normaliseName, parseRequirement } from './pep508.ts';
import { parseToml, tableAt, type Toml } from './pyproject.ts';
import { tomlStringsAt } from './toml-strings.ts';

export const pythonUpdater: ManifestUpdater = {
  ecosystem: 'python',

  update(text, change, file) {
    parseToml(text, file);
    const wanted = (change.dependencies ?? []).map((c) => ({ ...c, name: normaliseName(c.name) }));
    const isVersion = (path: readonly string[]) => path.length === 2 && path[0] === 'project' && path[1] === 'version';
    const located = tomlStringsAt(text, (path) => (isVersion(path) && change.version !== undefined) || (wanted.length > 0 && requirementKindAt(path) !== undefined));
    const edits: TextEdit[] = [];

    if (change.version !== undefined) {
      const version = located.find((s) => isVersion(s.path));
      if (!version) throw invalidManifest(file, 'has no version = "..." under [project] to update', { hint: `add version = "0.0.0" under [project] in ${file}` });
      edits.push({ start: version.start, end: version.end, replacement: quoted(change.version, version.quote) });
    }

    const seen = new Set<RangeChange>();
    for (const dependency of located) {
      const kind = requirementKindAt(dependency.path);
      const requirement = kind && parseRequirement(dependency.value);
      if (!kind || !requirement) continue;
      const change_ = wanted.find((c) => c.name === normaliseName(requirement.name) && (c.kind === undefined || c.kind === kind));
      if (!change_) continue;
      seen.add(change_);
      edits.push({ start: dependency.start, end: dependency.end, replacement: quoted(withRange(dependency.value, change_.range), dependency.quote) });
    }
    for (const c of wanted) {
      if (!seen.has(c)) throw invalidManifest(file, `has no ${c.kind === undefined ? '' : `${c.kind} `}dependency "${c.name}" to update`, { hint: 'the manifest changed since the plan was made: plan again' });
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

/** The requirement with its specifier replaced, name, extras and markers kept. */
function withRange(value: string, range: string): string {
  const requirement = parseRequirement(value);
  return requirement ? value.slice(0, requirement.specifierStart) + range + value.slice(requirement.specifierEnd) : value;
}

function intended(document: Toml, change: ManifestChange): Toml {
  const project = tableAt(document, 'project');
  if (project && change.version !== undefined) project.version = change.version;
  const changes = change.dependencies?.map((c) => ({ ...c, name: normaliseName(c.name) }));
  const rewrite = (table: Toml | undefined, key: string, kind: DependencyKind) => {
    const values = table?.[key];
    if (!table || !Array.isArray(values)) return;
    table[key] = values.map((value: unknown) => {
      const requirement = typeof value === 'string' ? parseRequirement(value) : undefined;
      const range = requirement && changedRange(changes, normaliseName(requirement.name), kind);
      return typeof value === 'string' && range !== undefined ? withRange(value, range) : value;
    });
  };
  rewrite(project, 'dependencies', 'runtime');
  const optional = tableAt(document, 'project', 'optional-dependencies');
  for (const group of Object.keys(optional ?? {})) rewrite(optional, group, requirementKindAt(['project', 'optional-dependencies', group, '0']) ?? 'optional');
  const groups = tableAt(document, 'dependency-groups');
  for (const group of Object.keys(groups ?? {})) rewrite(groups, group, 'dev');
  rewrite(tableAt(document, 'tool', 'uv'), 'dev-dependencies', 'dev');
  return document;
}
