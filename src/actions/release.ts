/**
 * The release action (ship mode): the approved plan file and the hash the approver saw →
 * shipPlan → outputs and job summary. The journal is written whatever happens, and its path set
 * as an output before the job runs, so an `if: always()` upload step has it after a failure.
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { readPlanFile } from '../adapters/release/plan-file.ts';
import { parsePlanHash } from '../core/release/plan-schema.ts';
import { renderReleaseSummary } from '../core/release/release-summary.ts';
import { defaultJournalFile, ReleaseRunError, shipPlan } from '../jobs/release.ts';
import { booleanInput, distTagInput, requiredInput, secretInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

await runAction('release', async ({ reporter, workspace, repository }) => {
  const cwd = resolve(workspace, stringInput('working-directory', '.')!);
  const planFile = resolve(cwd, requiredInput('plan-file'));
  const expectedHash = parsePlanHash(requiredInput('plan-hash'), 'input "plan-hash"');
  const registry = { url: stringInput('registry'), token: secretInput('npm-token'), distTag: distTagInput('dist-tag') };
  const journalInput = stringInput('journal');
  const journalFile = journalInput ? resolve(workspace, journalInput) : defaultJournalFile(process.env);
  core.setOutput('journal', journalFile);

  try {
    const result = await shipPlan({
      cwd,
      plan: await readPlanFile(planFile),
      planSource: planFile,
      expectedHash,
      reporter,
      dryRun: booleanInput('dry-run'),
      journalFile,
      rerun: 'Re-run failed jobs on this workflow run',
      github: { token: secretInput('github-token'), baseUrl: stringInput('github-api-url'), repository: stringInput('repository') ?? repository },
      registry,
    });
    core.setOutput('released', JSON.stringify(result.released.map((r) => r.tag)));
    core.setOutput('result', result.line);
    await core.summary.addRaw(renderReleaseSummary(result.journal, result.released)).write();
  } catch (error) {
    if (error instanceof ReleaseRunError) {
      core.setOutput('released', '[]');
      await core.summary.addRaw(renderReleaseSummary(error.journal, [])).write();
    }
    throw error;
  }
});
