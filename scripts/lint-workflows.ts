/**
 * `node scripts/lint-workflows.ts [DIR]`: actionlint + our workflow policy over every workflow
 * file of DIR (default this repository): its .github/workflows and workflows folders.
 */
import { join, resolve } from 'node:path';
import { checkWorkflows, workflowFiles } from './workflow-policy.ts';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const files = workflowFiles(root);
if (files.length === 0) {
  console.error(`no workflow files in ${root}/.github/workflows or ${root}/workflows`);
  process.exit(1);
}
const findings = await checkWorkflows(root, files);
for (const f of findings) console.error(`${f.file}:${f.line}: ${f.message}`);
if (findings.length) {
  console.error(`\n${findings.length} problem(s) in ${files.length} workflow file(s)`);
  process.exitCode = 1;
} else {
  console.log(`${files.length} workflow file(s) pass actionlint and the policy (permissions, no expressions in run:, timeouts, concurrency)`);
}
