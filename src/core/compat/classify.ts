/**
 * Classifies each plugin of a run against the previous run and the released core
 * (see COMPAT_CLASSES for what each class means). Pure: runs in, classified run out.
 */
import {
  finalAttempt,
  type BaselineVerdict,
  type ClassifiedResult,
  type CompatClass,
  type CompatRun,
  type PluginResult,
  type StoredRun,
} from './compat-run.ts';

export interface ClassifyInput {
  current: CompatRun;
  /** The last stored run against develop, if any. */
  previous?: StoredRun | undefined;
  /**
   * A stored run against the released core (`compat.baseline: stored-run`); used for plugins
   * that were not re-tested against the released core in this run.
   */
  releaseRun?: StoredRun | CompatRun | undefined;
}

/** Classes that mean "fails with develop": a later pass is a fix, a later failure is not news. */
const FAILING: ReadonlySet<CompatClass> = new Set(['regressed', 'still-broken']);

export function classifyRun({ current, previous, releaseRun }: ClassifyInput): StoredRun {
  const before = new Map(previous?.results.map((r) => [r.plugin, r]) ?? []);
  const released = new Map<string, PluginResult>(releaseRun?.results.map((r) => [r.plugin, r]) ?? []);
  const results = current.results.map((result) =>
    classifyPlugin(result, before.get(result.plugin), baselineVerdict(result, released.get(result.plugin)), current.id, previous?.id),
  );
  return { ...current, results };
}

function baselineVerdict(result: PluginResult, releasedResult: PluginResult | undefined): BaselineVerdict {
  const tested = result.baseline ?? (releasedResult ? finalAttempt(releasedResult) : undefined);
  if (tested?.outcome === 'pass') return 'pass';
  if (tested?.outcome === 'fail') return 'fail';
  return 'unknown';
}

function classifyPlugin(
  result: PluginResult,
  before: ClassifiedResult | undefined,
  baseline: BaselineVerdict,
  runId: string,
  previousRunId: string | undefined,
): ClassifiedResult {
  const last = finalAttempt(result);
  const classified = (cls: CompatClass, brokenSince?: string): ClassifiedResult => ({
    ...result,
    class: cls,
    baselineVerdict: baseline,
    ...(brokenSince !== undefined ? { brokenSince } : {}),
  });

  if (!last || last.outcome === 'timeout' || last.outcome === 'infra') return classified('infra');
  if (last.outcome === 'pass') {
    if (result.attempts.some((a) => a.outcome === 'fail')) return classified('flaky');
    const failedBefore = before !== undefined && FAILING.has(before.class);
    return classified(failedBefore || baseline === 'fail' ? 'fixed' : 'passed');
  }
  // Fails with develop after every re-run.
  if (before !== undefined && FAILING.has(before.class)) {
    return classified('still-broken', before.brokenSince ?? previousRunId ?? runId);
  }
  if (baseline === 'fail') return classified('still-broken', runId);
  return classified('regressed');
}

/** Plugins per class, in class order, each list sorted by name. */
export function groupByClass(run: Pick<StoredRun, 'results'>): Record<CompatClass, ClassifiedResult[]> {
  const groups: Record<CompatClass, ClassifiedResult[]> = { regressed: [], 'still-broken': [], fixed: [], flaky: [], infra: [], passed: [] };
  for (const result of run.results) groups[result.class].push(result);
  for (const list of Object.values(groups)) list.sort((a, b) => (a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0));
  return groups;
}

export function countByClass(run: Pick<StoredRun, 'results'>): Record<CompatClass, number> {
  const groups = groupByClass(run);
  return Object.fromEntries(Object.entries(groups).map(([cls, list]) => [cls, list.length])) as Record<CompatClass, number>;
}
