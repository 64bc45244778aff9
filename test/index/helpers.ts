/** Shared pieces of the index tests: catalog entries to merge, and reading a catalog branch back. */
import { execaSync } from 'execa';
import type { CatalogEntry } from '../../src/core/catalog/catalog-schema.ts';

/** A complete catalog entry; override what the test is about. */
export function entry(name: string, version: string, extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    name,
    version,
    tag: `${name}@${version}`,
    commit: 'c0ffee0000000000000000000000000000000000',
    releaseDate: '2026-01-02T09:00:00Z',
    ecosystem: 'npm',
    title: name.toUpperCase(),
    description: `The ${name} plugin.`,
    keywords: [],
    categories: [],
    coreRange: '^1.0.0',
    elements: [{ kind: 'task', name: `${name}.run` }],
    ...extra,
  };
}

/** The tip commit of `branch` in a (bare) repository, or '' when the branch does not exist. */
export function tipOf(repoDir: string, branch = 'slipway-catalog'): string {
  const result = execaSync('git', ['rev-parse', '--verify', '-q', `refs/heads/${branch}`], { cwd: repoDir, reject: false });
  return result.exitCode === 0 ? String(result.stdout) : '';
}

/** Every file of `branch` (path → text), read from the repository's objects. */
export function branchFiles(repoDir: string, branch = 'slipway-catalog'): Map<string, string> {
  const paths = String(execaSync('git', ['ls-tree', '-r', '-z', '--name-only', branch], { cwd: repoDir }).stdout).split('\0').filter(Boolean);
  return new Map(paths.map((path) => [path, String(execaSync('git', ['show', `${branch}:${path}`], { cwd: repoDir, stripFinalNewline: false }).stdout)]));
}

export function branchJson(repoDir: string, path: string, branch = 'slipway-catalog'): unknown {
  return JSON.parse(String(execaSync('git', ['show', `${branch}:${path}`], { cwd: repoDir }).stdout));
}

/** How many commits the branch has. */
export function commitCount(repoDir: string, branch = 'slipway-catalog'): number {
  return Number(execaSync('git', ['rev-list', '--count', branch], { cwd: repoDir }).stdout);
}
