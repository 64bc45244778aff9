/**
 * What releasing fleet plugins does to the plugins that depend on them, by kind of dependency
 * (versioning.dependents): a dependent is released with a patch (`patch`), or only has its range
 * moved in its manifest (`range`), or is left alone (`none`). A peer range that must cross a
 * major to take the new version makes the dependent's release a major: its consumers must
 * upgrade too. Whatever the policy, a dependent whose range ends up rejecting the planned
 * version is a warning naming both plugins and the range.
 *
 * Bumps only grow (none < patch < minor < major), so the cascade runs to a fixed point: a
 * dependent raised to a major may in turn push its own peer dependents across a major.
 */
import type { DependentsPolicy } from '../config/dependents-section.ts';
import type { DependencyKind, Plugin, PluginName, Version } from '../types.ts';
import { maxBump, type Bump } from '../versioning/bump.ts';
import { acceptsVersion, peerCrossesMajor, updatedRange } from '../versioning/dependency-range.ts';
import { isWorkspaceRange } from '../versioning/workspace-range.ts';
import type { DependencyUpdate } from './release-plan.ts';

export interface DependentsInput {
  plugins: readonly Plugin[];
  policy: DependentsPolicy;
  /** Each plugin's bump from its own commits. */
  bumps: ReadonlyMap<PluginName, Bump>;
  /** The version a plugin releasing with `bump` gets. */
  nextVersion(name: PluginName, bump: Exclude<Bump, 'none'>): Version;
}

export interface DependentsResult {
  /** The final bump of every plugin. */
  bumps: Map<PluginName, Bump>;
  /** Plugins released only because a dependency is. */
  byDependency: Set<PluginName>;
  /** The planned version of every released plugin. */
  next: Map<PluginName, Version>;
  /** Ranges to rewrite, per plugin (released or not), sorted by dependency name then kind. */
  rangeUpdates: Map<PluginName, DependencyUpdate[]>;
  /** Dependents of a released plugin whose range (after the plan) rejects its new version. */
  warnings: string[];
  /** dependency → the released plugins that depend on it, any kind (the publish order). */
  dependents: Map<PluginName, PluginName[]>;
}

interface Edge {
  dependent: PluginName;
  range: string;
  kind: DependencyKind;
}

const KIND_ORDER: Record<DependencyKind, number> = { runtime: 0, peer: 1, optional: 2, dev: 3 };

export function cascadeDependents(input: DependentsInput): DependentsResult {
  const edges = reverseEdges(input.plugins);
  const bumps = new Map(input.bumps);
  const byDependency = new Set<PluginName>();
  const next = new Map<PluginName, Version>();
  const settle = (name: PluginName) => {
    const bump = bumps.get(name) ?? 'none';
    if (bump === 'none') next.delete(name);
    else next.set(name, input.nextVersion(name, bump));
  };
  for (const name of bumps.keys()) settle(name);

  const queue = [...next.keys()];
  // for-of over an array visits what is pushed during the loop: the queue drains to the fixed point.
  for (const released of queue) {
    const version = next.get(released);
    if (version === undefined) continue;
    for (const edge of edges.get(released) ?? []) {
      if (input.policy[edge.kind] !== 'patch') continue;
      const before = bumps.get(edge.dependent) ?? 'none';
      let wanted: Bump = 'patch';
      if (edge.kind === 'peer' && peerCrossesMajor(edge.range, version)) wanted = 'major';
      const after = maxBump(before, wanted);
      if (after === before) continue;
      if (before === 'none') byDependency.add(edge.dependent);
      bumps.set(edge.dependent, after);
      settle(edge.dependent);
      queue.push(edge.dependent);
    }
  }

  const rangeUpdates = new Map<PluginName, DependencyUpdate[]>();
  const warnings: string[] = [];
  const dependents = new Map<PluginName, PluginName[]>();
  for (const [dependency, list] of edges) {
    const version = next.get(dependency);
    if (version === undefined) continue;
    for (const edge of list) {
      const dependentReleased = next.has(edge.dependent);
      // A released dependent moves every internal range it has (as before kinds were kept);
      // an unreleased one only where the policy says to.
      const moves = input.policy[edge.kind] !== 'none' || dependentReleased;
      const to = moves ? updatedRange(edge.range, version) : edge.range;
      // A released dependent lists a `workspace:` range too: it stays as written (the publish
      // writes the real range) but the changelog says which version it now depends on.
      if (to !== edge.range || (dependentReleased && isWorkspaceRange(edge.range))) {
        const updates = rangeUpdates.get(edge.dependent) ?? [];
        updates.push({ name: dependency, kind: edge.kind, from: edge.range, to });
        rangeUpdates.set(edge.dependent, updates);
      }
      if (dependentReleased && !dependents.get(dependency)?.includes(edge.dependent)) {
        dependents.set(dependency, [...(dependents.get(dependency) ?? []), edge.dependent]);
      }
      if (acceptsVersion(to, version) === false) {
        const fix = input.policy[edge.kind] === 'none' ? `set versioning.dependents.${edge.kind} to range or patch in slipway.yml, or update the range by hand` : 'update the range by hand';
        warnings.push(`${edge.dependent}: its ${edge.kind} dependency range "${to}" on ${dependency} does not accept ${dependency}'s planned ${version}; ${fix}`);
      }
    }
  }
  for (const updates of rangeUpdates.values()) updates.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
  for (const list of dependents.values()) list.sort();
  return { bumps, byDependency, next, rangeUpdates, warnings: warnings.sort(), dependents };
}

/** dependency → its dependents among the fleet's plugins, one edge per (dependent, kind). */
function reverseEdges(plugins: readonly Plugin[]): Map<PluginName, Edge[]> {
  const names = new Set<string>(plugins.map((p) => p.name));
  const map = new Map<PluginName, Edge[]>();
  for (const plugin of plugins) {
    for (const { name, range, kind } of plugin.dependencies) {
      if (!names.has(name) || name === plugin.name) continue;
      const list = map.get(name as PluginName) ?? [];
      list.push({ dependent: plugin.name, range, kind });
      map.set(name as PluginName, list);
    }
  }
  return map;
}
