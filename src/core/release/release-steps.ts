/**
 * The steps that ship a plan, in order. Each step is one idempotent write that first checks
 * what already exists, so a rerun walks the same list and skips whatever is done:
 *
 *   manifest × plugin (and × range update) → changelog × plugin → commit → tag × plugin → [snapshot] → push
 *   → github-release × plugin → publish × public plugin (dependencies before dependents)
 *
 * `snapshot` exists only when a release runs the SNAPSHOT cycle: one commit on top of the
 * release commit with the next development versions, pushed with it and the tags atomically.
 */
import type { PlannedRelease, ReleasePlan } from '../plan/release-plan.ts';
import type { PluginName } from '../types.ts';

export const STEP_KINDS = ['manifest', 'changelog', 'commit', 'tag', 'snapshot', 'push', 'github-release', 'publish'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface ReleaseStep {
  kind: StepKind;
  /** The plugin a per-plugin step is about. */
  plugin?: PluginName;
  /**
   * publish: the dependency wave. Wave 0 has no planned dependency; a plugin's wave is one more
   * than its highest planned dependency's, so a dependent is published after what it needs.
   * Steps of one wave may run concurrently.
   */
  wave?: number;
}

export const stepKey = (step: Pick<ReleaseStep, 'kind' | 'plugin'>) => (step.plugin ? `${step.kind} ${step.plugin}` : step.kind);

export function releaseSteps(plan: Pick<ReleasePlan, 'releases'> & Partial<Pick<ReleasePlan, 'rangeUpdates'>>): ReleaseStep[] {
  const perPlugin = (kind: StepKind) => plan.releases.map((r): ReleaseStep => ({ kind, plugin: r.name }));
  // Range updates of unreleased plugins are manifest writes too, in the same release commit.
  const rangeOnly = (plan.rangeUpdates ?? []).map((u): ReleaseStep => ({ kind: 'manifest', plugin: u.name }));
  const waves = publishWaves(plan.releases);
  const publish = plan.releases
    .filter((r) => !r.private)
    .map((r): ReleaseStep => ({ kind: 'publish', plugin: r.name, wave: waves.get(r.name)! }))
    .sort((a, b) => a.wave! - b.wave!);
  const snapshot: ReleaseStep[] = plan.releases.some((r) => r.nextSnapshot !== undefined) ? [{ kind: 'snapshot' }] : [];
  return [...perPlugin('manifest'), ...rangeOnly, ...perPlugin('changelog'), { kind: 'commit' }, ...perPlugin('tag'), ...snapshot, { kind: 'push' }, ...perPlugin('github-release'), ...publish];
}

/**
 * Each release's dependency depth among the planned releases (Kahn's algorithm over the
 * plan's `dependents` edges). Plugins on a dependency cycle, which npm allows, share the wave
 * after everything else: no order can satisfy a cycle.
 */
export function publishWaves(releases: readonly Pick<PlannedRelease, 'name' | 'dependents'>[]): Map<PluginName, number> {
  const planned = new Set(releases.map((r) => r.name));
  const waiting = new Map<PluginName, number>(releases.map((r) => [r.name, 0]));
  for (const r of releases) for (const d of r.dependents) if (planned.has(d) && d !== r.name) waiting.set(d, waiting.get(d)! + 1);
  const dependentsOf = new Map(releases.map((r) => [r.name, r.dependents.filter((d) => planned.has(d) && d !== r.name)]));
  const wave = new Map<PluginName, number>();
  let ready = releases.filter((r) => waiting.get(r.name) === 0).map((r) => r.name);
  for (let depth = 0; ready.length; depth++) {
    const next: PluginName[] = [];
    for (const name of ready) {
      wave.set(name, depth);
      for (const dependent of dependentsOf.get(name)!) {
        const left = waiting.get(dependent)! - 1;
        waiting.set(dependent, left);
        if (left === 0) next.push(dependent);
      }
    }
    ready = next;
  }
  const last = wave.size ? Math.max(...wave.values()) + 1 : 0;
  for (const r of releases) if (!wave.has(r.name)) wave.set(r.name, last);
  return wave;
}
