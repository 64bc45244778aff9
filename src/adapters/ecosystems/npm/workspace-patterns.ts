/**
 * Where a JavaScript workspace keeps its packages: pnpm's `pnpm-workspace.yaml` (`packages:`,
 * with `!` negations), else the root package.json's `workspaces` (npm, Yarn 1 and berry, Bun;
 * an array or `{ "packages": [...] }`). Undefined when the repository declares no workspace.
 */
import { parse } from 'yaml';
import { fileExists, invalidManifest, readManifest } from '../read-manifest.ts';
import { workspacesOf, type PackageJson } from './package-json.ts';

export const PNPM_WORKSPACE = 'pnpm-workspace.yaml';

export interface WorkspacePatterns {
  /** The file that declares them. */
  file: string;
  patterns: string[];
}

export async function workspacePatterns(root: string, rootPkg: PackageJson | undefined): Promise<WorkspacePatterns | undefined> {
  if (await fileExists(root, PNPM_WORKSPACE)) {
    const patterns = pnpmPackages(await readManifest(root, PNPM_WORKSPACE));
    // A pnpm-workspace.yaml for settings only (catalogs, overrides) leaves packages to package.json.
    if (patterns) return { file: PNPM_WORKSPACE, patterns };
  }
  if (!rootPkg) return undefined;
  const patterns = workspacesOf(rootPkg, 'package.json');
  return patterns ? { file: 'package.json', patterns } : undefined;
}

function pnpmPackages(text: string): string[] | undefined {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw invalidManifest(PNPM_WORKSPACE, `not valid YAML: ${(error as Error).message.split('\n')[0]}`, { line, cause: error });
  }
  if (doc === null || doc === undefined) return undefined;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw invalidManifest(PNPM_WORKSPACE, 'must hold a mapping (packages: [...])');
  const packages = (doc as { packages?: unknown }).packages;
  if (packages === undefined || packages === null) return undefined;
  if (!Array.isArray(packages) || !packages.every((p) => typeof p === 'string')) {
    throw invalidManifest(PNPM_WORKSPACE, '"packages" must be a list of folder globs', { hint: 'write e.g. packages: ["packages/*", "!**/test/**"]' });
  }
  return packages;
}
