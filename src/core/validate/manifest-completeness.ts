/**
 * Is a plugin's manifest complete enough to release and to list in the catalog? It reads what
 * the index job reads — the catalog's own package facts and plugin manifest
 * (src/core/catalog/*) — and applies the same rules, earlier: a plugin that passes here is one
 * the index job can list. Every finding names the file and, where the field is written, its line.
 */
import semver from 'semver';
import type { ManifestSource, PackageFacts } from '../catalog/catalog-entry.ts';
import { checkPluginManifest, MANIFEST_FILES } from '../catalog/plugin-manifest.ts';
import type { Ecosystem } from '../types.ts';
import type { Finding } from './finding.ts';
import { parseFieldPath, type FieldPath } from './field-lines.ts';

/** Where a field is written: its line, and whether the field itself was found (not only a parent). */
export type Locate = (file: string, path: FieldPath) => { line: number; exact: boolean } | undefined;

export interface ManifestInput {
  /** The plugin's folder ('' at the repository root). */
  folder: string;
  facts: PackageFacts;
  /** The plugin (catalog) manifest, where one was found. */
  manifest: ManifestSource | undefined;
  /** Every place a plugin manifest may be, for the "none found" message. */
  lookedIn: readonly string[];
  locate: Locate;
}

export interface ManifestRules {
  /** Whether a plugin without a catalog manifest fails (the index job cannot list it) or only warns. */
  pluginManifest: 'required' | 'optional';
  /**
   * `catalog`: the plugin is listed in a catalog (plugin manifest, repository link, description,
   * license are errors); `package`: it is only published (description and license warn).
   */
  profile?: 'catalog' | 'package';
  /** A private package is never published: no publish checks (description, license). */
  private?: boolean;
}

type Field = 'description' | 'license' | 'homepage' | 'repository';

/** The field's path in each ecosystem's package manifest; null where only the plugin manifest can say it. */
const PACKAGE_FIELDS: Record<Ecosystem, Record<Field, string[] | null>> = {
  npm: { description: ['description'], license: ['license'], homepage: ['homepage'], repository: ['repository'] },
  maven: { description: ['description'], license: ['licenses', 'license', 'name'], homepage: ['url'], repository: ['scm', 'url'] },
  python: { description: ['project', 'description'], license: ['project', 'license'], homepage: ['project', 'urls', 'Homepage'], repository: ['project', 'urls', 'Repository'] },
  gradle: { description: ['description'], license: null, homepage: null, repository: null },
  generic: { description: null, license: null, homepage: null, repository: null },
};

const label = (ecosystem: Ecosystem, path: readonly string[]) =>
  ecosystem === 'maven' ? path.map((p) => `<${p}>`).join('') : ecosystem === 'npm' ? `"${path.join('.')}"` : path.join('.');

export function checkManifest(input: ManifestInput, rules: ManifestRules): Finding[] {
  const { facts, manifest, locate } = input;
  const findings: Finding[] = [];
  const at = (file: string, path: FieldPath) => {
    const found = locate(file, path);
    return { file, ...(found ? { line: found.line } : {}) };
  };
  const error = (message: string, where: { file: string; line?: number }): Finding => ({ check: 'manifest', severity: 'error', message, ...where });
  const pluginManifestFile = (input.folder ? `${input.folder}/` : '') + MANIFEST_FILES[0];

  // The plugin manifest: title, elements and the overrides, validated by the catalog's schema.
  let overrides: Partial<Record<Field | 'coreRange', string>> = {};
  const catalog = (rules.profile ?? 'catalog') === 'catalog';
  if (!manifest && catalog) {
    findings.push({
      check: 'manifest',
      severity: rules.pluginManifest === 'required' ? 'error' : 'warning',
      message: `no plugin manifest (looked for ${input.lookedIn.join(', ')}): add one with at least "title" and "elements" — the index job lists a plugin from it (docs/plugin-manifest.md)`,
      file: facts.file,
      line: 1,
    });
  } else if (manifest) {
    const checked = checkPluginManifest(manifest.value, manifest.prefix);
    if (checked.ok) overrides = checked.manifest;
    else for (const problem of checked.problems) findings.push(error(`plugin manifest: ${problem.field} ${problem.message}`, at(manifest.file, parseFieldPath(problem.field))));
  }

  const value = (field: Field) => overrides[field] ?? facts[field];
  const missing = (field: Field, why: string) => {
    const path = PACKAGE_FIELDS[facts.ecosystem][field];
    const written = path ? locate(facts.file, path) : undefined;
    if (path && written?.exact) {
      return error(`${label(facts.ecosystem, path)} is empty or not ${field === 'homepage' || field === 'repository' ? 'a link (https://…, git+https://…, owner/name)' : 'text'}: ${why}`, {
        file: facts.file,
        line: written.line,
      });
    }
    const where = path ? `${label(facts.ecosystem, path)} to ${facts.file}, or "${field}" to the plugin manifest` : `"${field}" to the plugin manifest (${manifest?.file ?? pluginManifestFile}; ${facts.file} has no such field)`;
    return error(`${field} is missing: add ${where} — ${why}`, { file: facts.file, line: 1 });
  };

  // Outside a catalog, a missing description or license is npm's own warning, not a failure.
  const publishCheck = (finding: Finding): Finding => (catalog ? finding : { ...finding, severity: 'warning' });
  if (!rules.private) {
    if (!value('description')) findings.push(publishCheck(missing('description', 'the catalog and the registry show it')));
    if (!value('license')) findings.push(publishCheck(missing('license', 'nobody may use a plugin without one')));
  }
  if (catalog && !value('homepage') && !value('repository')) {
    const wrong = (['repository', 'homepage'] as const).find((f) => PACKAGE_FIELDS[facts.ecosystem][f] && locate(facts.file, PACKAGE_FIELDS[facts.ecosystem][f]!)?.exact);
    findings.push(missing(wrong ?? 'repository', 'the catalog links to the plugin\'s repository or homepage'));
  }
  const coreRange = overrides.coreRange ?? facts.coreRange;
  if (coreRange !== undefined && semver.validRange(coreRange) === null) {
    findings.push(error(`the core range ${JSON.stringify(coreRange)} is not a semver range (e.g. "^1.4.0"): the catalog answers "compatible with core X" from it`, { file: facts.file }));
  }
  return findings;
}
