/**
 * The plan action: plan the release, write the plan file (the artifact the ship job releases),
 * put the plan in the job summary — where the approver reads it before approving — and output
 * its hash, which the ship job checks the artifact against.
 */
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { renderPlanMarkdown } from '../core/plan/render-plan.ts';
import { planRelease } from '../jobs/plan.ts';
import { parseOverrides } from '../core/plan/version-overrides.ts';
import { dateInput, listInput, prereleaseInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

await runAction('plan', async ({ reporter, workspace }) => {
  const cwd = resolve(workspace, stringInput('working-directory', '.')!);
  const file = resolve(workspace, stringInput('plan-file', 'slipway-plan.json')!);
  const overrides = parseOverrides({ set: listInput('set'), bump: listInput('bump') });
  const { plan } = await planRelease({ cwd, reporter, prerelease: prereleaseInput('prerelease'), date: dateInput('date'), overrides, plugins: listInput('plugins') });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(plan, null, 2) + '\n');
  reporter.info(`plan ${plan.hash}: ${plan.releases.length} release(s), written to ${file}`);
  core.setOutput('hash', plan.hash);
  core.setOutput('count', String(plan.releases.length));
  core.setOutput('plugins', plan.releases.map((r) => r.name).join(' '));
  core.setOutput('tags', JSON.stringify(plan.releases.map((r) => r.tag)));
  core.setOutput('file', file);
  await core.summary.addRaw(renderPlanMarkdown(plan)).write();
});
