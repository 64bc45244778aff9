/**
 * The journal of one release run: every step with what it found and what it did, written as
 * JSON after each step (the release action uploads it as an artifact), so a failed run shows
 * exactly where it stopped and what a rerun will skip.
 */
import type { PlanHash } from '../types.ts';
import type { StepKind } from './release-steps.ts';

/**
 * done: the step wrote something. already-done: what it would write was already there (an
 * earlier run made it). skipped: it does not apply (no GitHub token, private plugin, no publish
 * command). dry-run: it would write, and did not. failed: it threw; the run stopped here.
 */
export type EntryStatus = 'done' | 'already-done' | 'skipped' | 'dry-run' | 'failed';

/** Entries before the release steps: they write nothing the release consists of, so they are not counted as its steps. */
export type PreStep = 'verify' | 'install' | 'build' | 'sync';
const PRE_STEPS: ReadonlySet<string> = new Set<PreStep>(['verify', 'install', 'build', 'sync']);
const isReleaseStep = (entry: JournalEntry) => !PRE_STEPS.has(entry.step);

export interface JournalEntry {
  /**
   * verify: the checks before any write; install and build: what publishing needs built, run
   * before any write too; sync: bringing the local branch onto the remote's.
   */
  step: StepKind | PreStep;
  plugin?: string;
  status: EntryStatus;
  startedAt: string;
  finishedAt: string;
  /** For people: what was done, or why nothing was. */
  detail: string;
  /** The commit a commit/tag/push step made or found. */
  sha?: string;
  /** The GitHub Release's id. */
  id?: number;
  /** The GitHub Release's page, or the registry a version went to. */
  url?: string;
}

export type JournalResult = 'running' | 'released' | 'nothing-to-release' | 'dry-run' | 'refused' | 'failed';

export interface ReleaseJournal {
  schemaVersion: 1;
  planHash: PlanHash | null;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string | null;
  result: JournalResult;
  error: { code: string | undefined; message: string; hint: string | undefined; step: string | undefined } | null;
  entries: JournalEntry[];
}

export function newJournal(planHash: PlanHash | null, dryRun: boolean, now: string): ReleaseJournal {
  return { schemaVersion: 1, planHash, dryRun, startedAt: now, finishedAt: null, result: 'running', error: null, entries: [] };
}

/** How far a stopped run got, and how to finish it. */
export interface RunProgress {
  done: number;
  left: number;
  /** The command (or the action) that reruns it with the same plan. */
  rerun: string;
}

/** Steps finished (written, found done or not applying) out of the plan's `total`. */
export function runProgress(journal: ReleaseJournal, total: number, rerun: string): RunProgress {
  const done = journal.entries.filter((e) => isReleaseStep(e) && e.status !== 'failed').length;
  return { done, left: Math.max(total - done, 0), rerun };
}

/** "7 steps done, 5 left; rerun `…` with the same plan to finish". */
export function finishHint(progress: RunProgress): string {
  const steps = (n: number) => `${n} step${n === 1 ? '' : 's'}`;
  return `${steps(progress.done)} done, ${progress.left} left; rerun \`${progress.rerun}\` with the same plan to finish (finished steps are skipped)`;
}

/** The one line a run ends with, in the terminal and the job log. */
export function resultLine(journal: ReleaseJournal, released: readonly string[], progress?: RunProgress): string {
  const count = (status: EntryStatus) => journal.entries.filter((e) => e.status === status && isReleaseStep(e)).length;
  const seconds = journal.finishedAt ? ` in ${((Date.parse(journal.finishedAt) - Date.parse(journal.startedAt)) / 1000).toFixed(1)} s` : '';
  const names = released.length > 5 ? `${released.slice(0, 5).join(', ')} and ${released.length - 5} more` : released.join(', ');
  const plugins = `${released.length} plugin${released.length === 1 ? '' : 's'}`;
  const tally = () => {
    const parts = [`${count('done')} done`];
    if (count('already-done')) parts.push(`${count('already-done')} already done`);
    if (count('skipped')) parts.push(`${count('skipped')} skipped`);
    return parts.join(', ');
  };
  switch (journal.result) {
    case 'released':
      return `released ${plugins} (${names}): steps ${tally()}${seconds}`;
    case 'nothing-to-release':
      return 'nothing to release: the plan has no releases';
    case 'dry-run':
      return `dry run: ${count('dry-run')} writes for ${plugins} (${names}) would be made${count('already-done') ? `, ${count('already-done')} are already done` : ''}; nothing was written`;
    case 'refused':
      return `release refused, nothing was written: ${journal.error?.message ?? 'unknown reason'}`;
    case 'failed': {
      const at = journal.error?.step ? ` at ${journal.error.step}` : '';
      return `release failed${at}: ${journal.error?.message ?? 'unknown error'} (steps ${tally()} before it); ${progress ? finishHint(progress) : 'rerun with the same plan to finish: finished steps are skipped'}`;
    }
    case 'running':
      return `release running: steps ${tally()}`;
  }
}
