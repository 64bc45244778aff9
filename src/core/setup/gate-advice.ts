/**
 * What `slipway setup` tells people: the fallback gate where GitHub refuses required reviewers,
 * and what `--check` found with the command that fixes it. Kept in step with docs/approval.md.
 */
import { setupCommand, type GateGap } from './environment-gate.ts';

/** The workflow input that turns the fallback gate on, and the one that carries the approval. */
export const FALLBACK_GATE_INPUT = 'approval-gate';
export const APPROVE_HASH_INPUT = 'approve-plan-hash';

export function fallbackGateAdvice(repository: string, visibility: string, environment: string): string[] {
  return [
    `Required reviewers are only available on public repositories or with GitHub Enterprise, and ${repository} is ${visibility}.`,
    `Use the fallback gate: call the reusable release workflow with \`${FALLBACK_GATE_INPUT}: plan-hash\`. Scheduled runs then stop after the plan job (the plan and its hash are in the job summary),`,
    `and a release ships only from a manual run (Actions → release → Run workflow) whose \`${APPROVE_HASH_INPUT}\` input quotes that hash; the ship step refuses any other plan.`,
    `Who may approve is who may run workflows (write access). Environment "${environment}" still limits shipping to the release branch. See docs/approval.md.`,
  ];
}

export interface CheckAdvice {
  ok: boolean;
  lines: string[];
}

export function checkAdvice(input: { repository: string; visibility: string; environment: string; branch: string; gaps: readonly GateGap[] }): CheckAdvice {
  const { gaps } = input;
  if (gaps.length === 0) return { ok: true, lines: [`environment "${input.environment}" of ${input.repository} is a complete approval gate: required reviewers, release branch "${input.branch}" only`] };
  const lines = gaps.map((gap) => `missing: ${gap.message}`);
  lines.push(`fix: ${setupCommand(input.environment, input.branch, [])}`);
  if (input.visibility !== 'public' && gaps.some((gap) => gap.what === 'reviewers' || gap.what === 'environment')) {
    lines.push('', ...fallbackGateAdvice(input.repository, input.visibility, input.environment).map((line) => `note: ${line}`));
  }
  return { ok: false, lines };
}
