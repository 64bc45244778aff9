import * as z from 'zod';
import { DEPENDENCY_KINDS, type DependencyKind } from '../types.ts';

/**
 * What a release of a fleet plugin does to a plugin that depends on it:
 * - `patch`: the dependent is released too (a patch, or a major when a peer range must cross a
 *   major) and its range is moved to the new version;
 * - `range`: the range is moved in the dependent's manifest (written by the release commit), the
 *   dependent is not released for it;
 * - `none`: the dependent is left alone, unless it releases for its own commits.
 */
export const DEPENDENT_POLICIES = ['patch', 'range', 'none'] as const;
export type DependentPolicy = (typeof DEPENDENT_POLICIES)[number];
export type DependentsPolicy = Record<DependencyKind, DependentPolicy>;

/**
 * Consumers get runtime, optional and peer dependencies, so a new version there is worth a
 * release; a dev dependency only changes how the plugin is built and tested.
 */
export const DEFAULT_DEPENDENTS: DependentsPolicy = { runtime: 'patch', optional: 'patch', peer: 'patch', dev: 'range' };

/** release-please's node-workspace plugin releases dependents through dependencies, devDependencies and optionalDependencies, not peerDependencies. */
export const RELEASE_PLEASE_DEPENDENTS: DependentsPolicy = { runtime: 'patch', optional: 'patch', peer: 'none', dev: 'patch' };

const policy = z.enum(DEPENDENT_POLICIES);

/** `dependents: patch` (every kind) or `dependents: { dev: patch }` (the kinds named; the others keep their default). */
export const dependentsPolicy = z
  .preprocess(
    (value) => (typeof value === 'string' ? Object.fromEntries(DEPENDENCY_KINDS.map((kind) => [kind, value])) : value),
    z.strictObject({
      runtime: policy.default(DEFAULT_DEPENDENTS.runtime),
      optional: policy.default(DEFAULT_DEPENDENTS.optional),
      peer: policy.default(DEFAULT_DEPENDENTS.peer),
      dev: policy.default(DEFAULT_DEPENDENTS.dev),
    }),
  )
  .default(DEFAULT_DEPENDENTS);
