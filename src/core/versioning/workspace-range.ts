/**
 * The `workspace:` protocol of pnpm, Yarn (berry) and Bun: a dependency on a package of the same
 * workspace. It never works outside the workspace, so what is published must say a real range.
 * The replacement is the one the package managers' own `publish` writes
 * (https://pnpm.io/workspaces#publishing-workspace-packages, yarnpkg.com/features/workspaces):
 *
 *   workspace:*  → 1.5.0      workspace:^ → ^1.5.0      workspace:~ → ~1.5.0
 *   workspace:^1.2.0 → ^1.2.0 (a range is kept)          workspace:../b → 1.5.0 (a path: exact)
 */
import semver from 'semver';
import { SlipwayError } from '../errors.ts';

const PROTOCOL = 'workspace:';

export function isWorkspaceRange(range: string): boolean {
  return range.trim().startsWith(PROTOCOL);
}

/**
 * The range a published manifest says for `range` (a `workspace:` range) on a package at
 * `version`. `dependency` names it in errors.
 */
export function publishedRange(range: string, version: string, dependency: string): string {
  const spec = range.trim().slice(PROTOCOL.length).trim();
  if (spec === '*' || spec === '' || spec.startsWith('.') || spec.startsWith('/')) return version;
  if (spec === '^' || spec === '~') return `${spec}${version}`;
  if (semver.validRange(spec)) return spec;
  throw new SlipwayError('MANIFEST_INVALID', `"${dependency}": "${range}" is not a workspace range slipway can publish`, {
    subject: dependency,
    hint: 'use workspace:*, workspace:^, workspace:~ or workspace:<semver range>',
  });
}
