/** The validate action: inputs → validateFleet → annotations, job summary, outputs; fails on any error. */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { readPullRequestEvent } from '../adapters/github/pull-request-event.ts';
import { readPlanFile } from '../adapters/release/plan-file.ts';
import { isSlipwayError, SlipwayError } from '../core/errors.ts';
import { parsePlan } from '../core/release/plan-schema.ts';
import { countFindings } from '../core/validate/finding.ts';
import { renderValidationMarkdown } from '../core/validate/render-report.ts';
import { validateFleet } from '../jobs/validate.ts';
import { booleanInput, choiceInput, prereleaseInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

await runAction('validate', async ({ reporter, workspace }) => {
  const cwd = resolve(workspace, stringInput('working-directory', '.')!);
  const mode = choiceInput('mode', ['auto', 'release', 'pull-request'] as const, 'auto');
  const event = mode === 'release' ? undefined : await readPullRequestEvent();
  const base = stringInput('base') ?? event?.base;
  const head = stringInput('head') ?? event?.head;
  const context = mode === 'auto' ? (base ? 'pull-request' : 'release') : mode;
  if (context === 'pull-request' && !base) {
    throw new SlipwayError('INPUT_INVALID', 'mode pull-request needs the pull request\'s commits', {
      subject: 'input "base"',
      hint: 'run on a pull_request event, or pass `base:` (and `head:`) to the action',
    });
  }
  const planFile = stringInput('plan-file');
  const plan = planFile ? parsePlan(await readPlanFile(resolve(workspace, planFile)), planFile) : undefined;

  const { report } = await annotated(validateFleet({
    cwd,
    reporter,
    context,
    range: context === 'pull-request' ? { base: base!, head: head ?? 'HEAD' } : undefined,
    prTitle: stringInput('pr-title') ?? event?.title,
    plan,
    runCommands: !booleanInput('skip-commands'),
    prerelease: prereleaseInput('prerelease'),
  }));

  const { errors, warnings } = countFindings(report);
  core.setOutput('errors', errors);
  core.setOutput('warnings', warnings);
  core.setOutput('plugins', report.plugins.map((p) => p.plugin).join(' '));
  core.setOutput('report', JSON.stringify(report));
  await core.summary.addRaw(renderValidationMarkdown(report)).write();
  if (errors) {
    throw new SlipwayError('VALIDATION_FAILED', `${errors} error${errors === 1 ? '' : 's'} in ${report.plugins.length} plugin(s)`, {
      hint: 'each error is annotated on its file and line (or commit), and listed in the job summary',
    });
  }
});

/**
 * A malformed manifest or slipway.yml stops validate before any check (discovery cannot read
 * the fleet); its error names `file:line`, so it becomes an annotation there too.
 */
async function annotated<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const at = isSlipwayError(error) ? /^([^\s:]+\.[\w]+)(?::(\d+))?$/.exec(error.subject ?? '') : null;
    if (at && isSlipwayError(error)) core.error(`${error.message}${error.hint ? ` (${error.hint})` : ''}`, { file: at[1], ...(at[2] ? { startLine: Number(at[2]) } : {}), title: 'slipway validate' });
    throw error;
  }
}
