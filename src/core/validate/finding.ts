/**
 * What validate finds, as data: the pure checks return findings, the job prints them (as
 * GitHub annotations on the file and line where there is one) and the summary tabulates them.
 */
import type { PluginName, Sha } from '../types.ts';

export const CHECKS = ['manifest', 'version', 'commits', 'build', 'test'] as const;
export type CheckName = (typeof CHECKS)[number];

export type Severity = 'error' | 'warning';

export interface Finding {
  check: CheckName;
  severity: Severity;
  /** One sentence for people: what is wrong and, where it helps, what to do. */
  message: string;
  /** Repository-relative file the finding is about, for the annotation. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** The commit a lint finding is about. */
  commit?: Sha;
}

/** A check's result for one plugin: pass, or the findings; `skipped` says why it did not run. */
export interface CheckOutcome {
  findings: Finding[];
  skipped?: string;
  /** Extra text for the summary (e.g. the next version, or a command's duration). */
  note?: string;
}

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export function statusOf(outcome: CheckOutcome | undefined): CheckStatus {
  if (!outcome || outcome.skipped !== undefined) return 'skip';
  if (outcome.findings.some((f) => f.severity === 'error')) return 'fail';
  return outcome.findings.length ? 'warn' : 'pass';
}

export interface PluginValidation {
  plugin: PluginName;
  /** The manifest version, and the planned next one when the plugin releases. */
  version: string;
  next?: string;
  checks: Partial<Record<CheckName, CheckOutcome>>;
}

export type ValidateContext = 'release' | 'pull-request';

export interface ValidationReport {
  context: ValidateContext;
  plugins: PluginValidation[];
  /** Findings about no one plugin: the pull request title, commits outside every plugin. */
  general: Finding[];
}

export function allFindings(report: ValidationReport): Array<Finding & { plugin?: PluginName }> {
  const out: Array<Finding & { plugin?: PluginName }> = [...report.general];
  for (const p of report.plugins) for (const outcome of Object.values(p.checks)) for (const f of outcome?.findings ?? []) out.push({ ...f, plugin: p.plugin });
  return out;
}

export function countFindings(report: ValidationReport): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of allFindings(report)) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
