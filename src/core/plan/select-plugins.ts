/**
 * `--plugin NAME` (repeatable) and the plan action's `plugins` input: release only the named
 * plugins. A kept release whose manifest is moved to a dependency's new version keeps that
 * dependency's release too (the range must name a version that exists); everything else is
 * left for a later plan. A changeset that names a
 * plugin left out is not consumed, so its intent is not lost. Pure; the plan is hashed again.
 */
import { SlipwayError } from '../errors.ts';
import type { PluginName } from '../types.ts';
import { withHash } from './plan-hash.ts';
import type { ReleasePlan } from './release-plan.ts';

export function selectPlugins(plan: ReleasePlan, names: readonly string[], fleet: readonly string[], changesetPlugins: ReadonlyMap<string, readonly string[]> = new Map()): ReleasePlan {
  const known = new Set(fleet);
  for (const name of names) {
    if (!known.has(name)) {
      // One message for `--plugin` and the plan action's `plugins` input: the name as given, and the names there are.
      throw new SlipwayError('USAGE', `"${name}" is not a plugin of this fleet, so it cannot be selected`, {
        subject: 'plugins to plan',
        hint: `use one of: ${[...known].slice(0, 10).join(', ')}${known.size > 10 ? `, … (${known.size} plugins)` : ''}`,
      });
    }
  }
  const byName = new Map(plan.releases.map((r) => [r.name as string, r]));
  const keep = new Set<string>(names.filter((name) => byName.has(name)));
  // The dependencies a kept release's manifest is moved to must be released with it.
  const queue = [...keep];
  for (let i = 0; i < queue.length; i++) {
    for (const update of byName.get(queue[i]!)?.dependencyUpdates ?? []) {
      if (byName.has(update.name) && !keep.has(update.name)) {
        keep.add(update.name);
        queue.push(update.name);
      }
    }
  }
  const left = plan.releases.filter((r) => !keep.has(r.name)).map((r) => r.name);
  const warnings = [...plan.warnings];
  if (left.length) warnings.push(`plugins to plan: ${left.length} planned release(s) left for a later plan: ${left.join(', ')}`);
  const changesets = (plan.changesets ?? []).filter((file) => (changesetPlugins.get(file) ?? []).every((name) => !byName.has(name as PluginName) || keep.has(name)));
  const { hash: _old, changesets: _all, ...rest } = plan;
  void _old;
  void _all;
  return withHash({
    ...rest,
    releases: plan.releases
      .filter((r) => keep.has(r.name))
      .map((r) => ({ ...r, dependents: r.dependents.filter((d) => keep.has(d)) })),
    rangeUpdates: plan.rangeUpdates
      .map((u) => ({ ...u, dependencyUpdates: u.dependencyUpdates.filter((d) => keep.has(d.name)) }))
      .filter((u) => u.dependencyUpdates.length > 0),
    warnings,
    ...(changesets.length ? { changesets } : {}),
  });
}
