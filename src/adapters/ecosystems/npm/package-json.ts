/** package.json as slipway reads it: parsed with the file and line named when it is malformed. */
import type { Dependency, DependencyKind } from '../../../core/types.ts';
import { invalidManifest } from '../read-manifest.ts';

export type PackageJson = Record<string, unknown>;

/**
 * The dependency sections, highest precedence first: when a name appears in several, the
 * range a consumer gets (dependencies, then peer) wins over the one used only to build (dev).
 */
export const DEPENDENCY_SECTIONS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;

export function parsePackageJson(text: string, file: string): PackageJson {
  let value: unknown;
  try {
    // A UTF-8 BOM is legal in a file but not in JSON.parse; npm strips it too.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const line = /line (\d+)/.exec((error as Error).message)?.[1];
    throw invalidManifest(file, `not valid JSON: ${(error as Error).message}`, { line: line ? Number(line) : undefined, cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidManifest(file, 'must hold a JSON object');
  }
  return value as PackageJson;
}

/** The workspace globs of a root package.json (`["a/*"]` or `{ "packages": ["a/*"] }`), or undefined when it has none. */
export function workspacesOf(pkg: PackageJson, file: string): string[] | undefined {
  const workspaces = pkg.workspaces;
  if (workspaces === undefined) return undefined;
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | null)?.packages;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw invalidManifest(file, '"workspaces" must be an array of folder globs or { "packages": [...] }', {
      hint: 'write e.g. "workspaces": ["plugins/*"]',
    });
  }
  return list;
}

/** Each dependency section and the kind of dependency it declares. */
export const SECTION_KINDS: Readonly<Record<(typeof DEPENDENCY_SECTIONS)[number], DependencyKind>> = {
  dependencies: 'runtime',
  peerDependencies: 'peer',
  optionalDependencies: 'optional',
  devDependencies: 'dev',
};

/** Every dependency of every section, with the kind its section gives it (see DEPENDENCY_SECTIONS for the order). */
export function dependenciesOf(pkg: PackageJson, file: string): Dependency[] {
  const all: Dependency[] = [];
  for (const section of DEPENDENCY_SECTIONS) {
    const deps = pkg[section];
    if (deps === undefined) continue;
    if (typeof deps !== 'object' || deps === null || Array.isArray(deps)) {
      throw invalidManifest(file, `"${section}" must be an object of name → range`);
    }
    for (const [name, range] of Object.entries(deps)) {
      if (typeof range !== 'string') throw invalidManifest(file, `"${section}.${name}" must be a string range`);
      all.push({ name, range, kind: SECTION_KINDS[section] });
    }
  }
  return all;
}
