/**
 * The data of a compatibility run, as it moves from shard jobs to the report and into the
 * results history. Plain JSON, so it survives artifacts and git unchanged.
 *
 *   ShardResult   one shard job's results (written by `run`)
 *   CompatRun     every shard merged (the report's input)
 *   StoredRun     a CompatRun with each plugin classified (what the next run reads back)
 */

/** The schema version of every file below; bump it when a field changes meaning. */
export const COMPAT_SCHEMA = 1;

/**
 * Which core a build is: `develop` is the one under test, `release` the released core that
 * decides whether a failure is a regression.
 */
export type CoreChannel = 'develop' | 'release';

export interface CoreBuild {
  channel: CoreChannel;
  /** The branch or tag that was built. */
  ref: string;
  /** The commit that was built. */
  sha: string;
  /** The version in the core's manifest at that commit. */
  version: string;
  /** The core's package name, where the ecosystem has one. */
  package?: string;
}

/**
 * What one attempt at a plugin's tests came to.
 *  - pass / fail: the test command's exit status;
 *  - timeout: killed after the per-plugin timeout;
 *  - infra: the plugin never got to a verdict — checkout, install or the network failed.
 */
export type Outcome = 'pass' | 'fail' | 'timeout' | 'infra';

/** Where an attempt stopped: preparing (checkout, install) or in the tests themselves. */
export type Stage = 'checkout' | 'install' | 'test';

export interface Attempt {
  outcome: Outcome;
  stage: Stage;
  /** null when the process was killed or never started. */
  exitCode: number | null;
  durationMs: number;
  /** Failing tests from the JUnit XML the tests wrote (empty without JUnit). */
  failingTests: string[];
  /** The end of the output, for the report and the issue. */
  logTail: string;
  /** Why an attempt is infra (the failing command, the network error); for a failure without a failing test, what failed (a compile error). */
  reason?: string;
}

/** One plugin's results: the attempts against develop, and against the released core if it failed. */
export interface PluginResult {
  plugin: string;
  /** The plugin's own version, as its manifest says (feeds the catalog). */
  version?: string;
  /** Attempts against the develop core: the first, then re-runs of a failure. */
  attempts: Attempt[];
  /** The same tests against the released core, run only when develop failed: the last attempt. */
  baseline?: Attempt;
  /** Attempts against the released core when a failure there was re-run (compat.retries). */
  baselineAttempts?: number;
}

export interface ShardResult {
  schema: typeof COMPAT_SCHEMA;
  /** 1-based shard number. */
  shard: number;
  core: CoreBuild;
  releaseCore?: CoreBuild;
  startedAt: string;
  finishedAt: string;
  results: PluginResult[];
}

export interface CompatRun {
  schema: typeof COMPAT_SCHEMA;
  /** Unique per run, e.g. the workflow run id (and attempt) or `local-<time>`. */
  id: string;
  startedAt: string;
  finishedAt: string;
  core: CoreBuild;
  releaseCore?: CoreBuild;
  /** A link to the workflow run, where there is one. */
  url?: string;
  /** Sorted by plugin name. */
  results: PluginResult[];
}

/**
 * The classes of crater (rust-lang/crater's report: regressed, fixed, …), adapted to a
 * weekly run that also remembers the previous week:
 *  - regressed:    fails with develop, passes (or is untested) with the released core, and did
 *                  not already fail last run — new, needs triage;
 *  - still-broken: fails with develop and already did last run, or fails with the released core too;
 *  - fixed:        passes with develop after failing last run (or failing with the released core);
 *  - flaky:        failed, then passed when re-run;
 *  - infra:        no verdict (checkout, install, timeout, network): not a compatibility signal;
 *  - passed:       passes, as before.
 */
export const COMPAT_CLASSES = ['regressed', 'still-broken', 'fixed', 'flaky', 'infra', 'passed'] as const;
export type CompatClass = (typeof COMPAT_CLASSES)[number];

/** How the plugin did against the released core: tested, or unknown. */
export type BaselineVerdict = 'pass' | 'fail' | 'unknown';

export interface ClassifiedResult extends PluginResult {
  class: CompatClass;
  baselineVerdict: BaselineVerdict;
  /** still-broken: the id of the run whose failure started this streak. */
  brokenSince?: string;
}

export interface StoredRun extends Omit<CompatRun, 'results'> {
  results: ClassifiedResult[];
}

/** The outcome that counts: the last attempt's. A failure re-run into a pass is a pass (and flaky). */
export function finalAttempt(result: PluginResult): Attempt | undefined {
  return result.attempts.at(-1);
}

/** Failing test names of the attempts that failed, without repeats. */
export function failingTestsOf(result: PluginResult): string[] {
  const names = new Set<string>();
  for (const attempt of result.attempts) if (attempt.outcome === 'fail') for (const name of attempt.failingTests) names.add(name);
  return [...names];
}

/** A core build as people read it: `2.0.0-dev (develop @ 1a2b3c4)`. */
export function describeCore(core: CoreBuild): string {
  return `${core.version} (${core.ref} @ ${core.sha.slice(0, 7)})`;
}

export const CLASS_LABELS: Record<CompatClass, string> = {
  regressed: 'Regressed',
  'still-broken': 'Still broken',
  fixed: 'Fixed',
  flaky: 'Flaky',
  infra: 'Infra',
  passed: 'Passed',
};

/** One line on why a result is what it is: failing tests, the infra reason, or the exit code. */
export function resultDetail(result: ClassifiedResult): string {
  const last = finalAttempt(result);
  if (result.class === 'infra') {
    if (last?.outcome === 'timeout') return `timed out after ${Math.round(last.durationMs / 1000)} s`;
    return `${last?.stage ?? 'test'}: ${last?.reason ?? 'failed before a verdict'}`;
  }
  if (result.class === 'flaky') {
    const failed = result.attempts.find((a) => a.outcome === 'fail');
    return `failed, then passed on re-run${failed?.failingTests.length ? `: ${failed.failingTests.join(', ')}` : ''}`;
  }
  if (result.class === 'passed' || result.class === 'fixed') return '';
  const tests = failingTestsOf(result);
  if (tests.length > 0) return tests.join(', ');
  return last?.reason ?? `exit code ${last?.exitCode ?? 'none'} (no JUnit report)`;
}
