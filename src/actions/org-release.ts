/**
 * The org release action, one step per job of the org release workflow:
 *   mode: plan    plan across the organisation → job summary, plan file, hash, ship matrix; Slack "waiting for approval"
 *   mode: ship    one matrix job's batch of repositories, each with an installation token scoped to it
 *   mode: report  index the new tags into the central catalog; one Slack result message; summary
 * Only translates inputs; the jobs own every default.
 */
import * as core from '@actions/core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { appTokenSource } from '../adapters/github/app-token.ts';
import { SlipwayError } from '../core/errors.ts';
import { releaseCount, repositoryName } from '../core/org-release/org-plan.ts';
import { renderOrgResultMarkdown, resultHeadline } from '../core/org-release/outcomes.ts';
import { parseRepositoryOverride } from '../core/org-release/overrides.ts';
import { renderOrgPlanMarkdown } from '../core/org-release/render-org-plan.ts';
import { shipBatches } from '../core/org-release/ship-batches.ts';
import { parsePlanHash } from '../core/release/plan-schema.ts';
import { planOrgRelease } from '../jobs/org-release/plan.ts';
import { noticeOrgAwaitingApproval, reportOrgRelease } from '../jobs/org-release/report.ts';
import { shipOrgRelease } from '../jobs/org-release/ship.ts';
import { booleanInput, choiceInput, dateInput, distTagInput, prereleaseInput, requiredInput, secretInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

/** A list input: one item per line or comma-separated. */
const listInput = (name: string): string[] =>
  (stringInput(name) ?? '')
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);

await runAction('org-release', async ({ reporter, workspace, runUrl, repository }) => {
  const mode = choiceInput('mode', ['plan', 'ship', 'report'] as const, 'plan');
  const apiUrl = stringInput('github-api-url');
  const serverUrl = process.env['GITHUB_SERVER_URL'];
  const planFile = resolve(workspace, requiredInput('plan-file'));
  const resultsDir = resolve(workspace, stringInput('results-dir', 'slipway-org-results')!);
  const slack = { token: secretInput('slack-token'), channel: stringInput('slack-channel'), apiUrl: stringInput('slack-api-url') };

  if (mode === 'plan') {
    const { plan } = await planOrgRelease({
      org: requiredInput('org'),
      topic: stringInput('topic'),
      pattern: stringInput('pattern'),
      github: { token: secretInput('github-token'), apiUrl, serverUrl },
      date: dateInput('date'),
      prerelease: prereleaseInput('prerelease'),
      overrides: {
        exclude: listInput('exclude').map((r) => repositoryName(r, 'input "exclude"')),
        versions: [...listInput('set').map((s) => parseRepositoryOverride('--set', s)), ...listInput('bump').map((s) => parseRepositoryOverride('--bump', s))],
      },
      reporter,
    });
    await mkdir(dirname(planFile), { recursive: true });
    await writeFile(planFile, JSON.stringify(plan, null, 2) + '\n');
    await core.summary.addRaw(renderOrgPlanMarkdown(plan, { artifact: stringInput('artifact-name', 'slipway-org-plan') })).write();
    core.setOutput('hash', plan.hash);
    core.setOutput('count', releaseCount(plan));
    core.setOutput('repositories', plan.repositories.length);
    core.setOutput('matrix', JSON.stringify(shipBatches(plan)));
    core.setOutput('requests', plan.requests);
    await noticeOrgAwaitingApproval({ slack, plan, environment: stringInput('environment', 'release')!, runUrl, centralRepository: repository, reporter });
    return `${releaseCount(plan)} plugin(s) in ${plan.repositories.length} repositories to release (${plan.hash}; ${plan.requests} API requests)`;
  }

  const plan = JSON.parse(await readFile(planFile, 'utf8')) as unknown;
  const expectedHash = parsePlanHash(requiredInput('plan-hash'), 'input "plan-hash"');
  if (mode === 'ship') {
    const appId = requiredInput('app-id');
    const privateKey = secretInput('app-private-key');
    if (!privateKey) throw new SlipwayError('INPUT_INVALID', 'is required to ship: each repository is pushed with an installation token of the App', { subject: 'input "app-private-key"', hint: 'pass the App\'s private key secret' });
    const source = appTokenSource({ appId, privateKey }, { baseUrl: apiUrl, log: (line) => reporter.debug(line) });
    const result = await shipOrgRelease({
      plan,
      planSource: planFile,
      expectedHash,
      only: listInput('repositories'),
      github: { apiUrl, serverUrl },
      // Masked the moment it exists: no log line of any later step can show it.
      tokens: { tokenFor: async (repo) => {
        const token = await source.tokenFor(repo);
        core.setSecret(token);
        return token;
      } },
      registry: { url: stringInput('registry'), token: secretInput('npm-token'), distTag: distTagInput('dist-tag') },
      resultsDir,
      catalog: booleanInput('catalog', true),
      runUrl,
      reporter,
      dryRun: booleanInput('dry-run'),
    });
    const failed = result.outcomes.filter((o) => o.status !== 'shipped');
    await core.summary.addRaw(renderOrgResultMarkdown({ org: result.plan.org, planHash: result.plan.hash, outcomes: result.outcomes })).write();
    core.setOutput('results-dir', resultsDir);
    if (failed.length) core.setFailed(`slipway org-release: ${failed.map((o) => `${o.repository} ${o.status}`).join(', ')} — rerun the failed jobs: what shipped is not repeated`);
    return `${result.outcomes.length - failed.length} of ${result.outcomes.length} repositories shipped`;
  }

  const catalogRepository = stringInput('catalog-repository');
  const report = await reportOrgRelease({
    plan,
    planSource: planFile,
    expectedHash,
    resultsDir,
    catalog: catalogRepository ? { repository: catalogRepository, branch: stringInput('catalog-branch'), token: secretInput('catalog-token'), serverUrl } : undefined,
    slack,
    runUrl,
    cwd: process.env['RUNNER_TEMP'] ?? workspace,
    reporter,
    dryRun: booleanInput('dry-run'),
  });
  await core.summary.addRaw(renderOrgResultMarkdown(report.result)).write();
  core.setOutput('catalog', report.catalog);
  core.setOutput('slack', report.slack.status);
  return resultHeadline(report.result);
});
