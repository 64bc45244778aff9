/**
 * The setup action: create or update the approval Environment (required reviewers, wait timer,
 * release branch only), or with `check: true` only report what it lacks — e.g. as a first step
 * of the release workflow, so a missing gate fails before anything is planned.
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { loadConfig } from '../adapters/config-file.ts';
import { createGitHubClient } from '../adapters/github/client.ts';
import { SlipwayError } from '../core/errors.ts';
import type { EnvironmentState } from '../core/setup/environment-gate.ts';
import { checkEnvironment, setupEnvironment } from '../jobs/setup.ts';
import { booleanInput, integerInput, secretInput, stringInput } from './runtime/inputs.ts';
import { runAction } from './runtime/run-action.ts';

await runAction('setup', async ({ reporter, workspace, repository }) => {
  const cwd = resolve(workspace, stringInput('working-directory', '.')!);
  const config = await loadConfig(cwd);
  const environment = stringInput('environment') ?? config.release.environment;
  const branch = stringInput('branch') ?? config.release.branch;
  const fullName = stringInput('repository') ?? repository ?? '';
  const [owner, repo] = fullName.split('/');
  if (!owner || !repo) throw new SlipwayError('INPUT_INVALID', `"${fullName}" is not owner/name`, { subject: 'input "repository"' });
  const token = secretInput('token');
  if (!token) throw new SlipwayError('INPUT_INVALID', 'is required', { subject: 'input "token"', hint: 'creating an Environment needs a repository admin\'s token (a PAT or an App token with administration: write); checking one, the workflow token' });
  const octokit = createGitHubClient({ token, baseUrl: stringInput('github-api-url'), log: (line) => reporter.debug(line) });

  if (booleanInput('check')) {
    const result = await checkEnvironment({ octokit, repo: { owner, repo }, environment, branch });
    for (const line of result.lines) if (line.startsWith('missing: ')) reporter.warn(line.slice('missing: '.length)); else if (line) reporter.info(line);
    core.setOutput('outcome', result.ok ? 'complete' : 'incomplete');
    core.setOutput('gaps', JSON.stringify(result.gaps.map((gap) => gap.what)));
    await summary(`Approval gate \`${environment}\` of ${result.repository.fullName}: ${result.ok ? 'complete' : 'incomplete'}`, result.state, result.lines);
    if (!result.ok) throw new SlipwayError('INPUT_INVALID', `environment "${environment}" is not a complete approval gate`, { subject: fullName, hint: result.lines.find((line) => line.startsWith('fix: '))?.slice(5) });
    return;
  }

  const reviewers = (stringInput('reviewers') ?? '').split(/[\s,]+/).filter(Boolean);
  const result = await setupEnvironment({
    octokit,
    repo: { owner, repo },
    environment,
    reviewers,
    waitTimer: core.getInput('wait-timer').trim() ? integerInput('wait-timer', 0, { min: 0, max: 43_200 }) : undefined,
    preventSelfReview: core.getInput('prevent-self-review').trim() ? booleanInput('prevent-self-review') : undefined,
    branch,
    dryRun: booleanInput('dry-run'),
    reporter,
  });
  core.setOutput('outcome', result.outcome);
  core.setOutput('changes', JSON.stringify(result.changes));
  await summary(`Approval gate \`${environment}\` of ${result.repository.fullName}: ${result.outcome}`, result.state, [...result.changes.map((c) => `${result.outcome === 'dry-run' ? 'would' : 'done:'} ${c}`), ...result.advice]);
  if (result.reviewersRefused) throw new SlipwayError('INPUT_INVALID', 'GitHub refused required reviewers for this repository', { subject: fullName, hint: 'use the fallback gate described in the job summary (docs/approval.md)' });
});

async function summary(title: string, state: EnvironmentState | undefined, lines: string[]): Promise<void> {
  const s = core.summary.addHeading(title, 3);
  if (state) {
    s.addTable([
      [{ data: 'setting', header: true }, { data: 'value', header: true }],
      ['required reviewers', state.reviewers.map((r) => r.name).join(', ') || 'none'],
      ['prevent self-review', String(state.preventSelfReview)],
      ['wait timer', `${state.waitTimer} min`],
      ['deployment branches', state.branchPolicy === null ? 'any' : state.branchPatterns.join(', ') || (state.branchPolicy.protectedBranches ? 'protected branches' : 'none')],
    ]);
  }
  if (lines.length) s.addList(lines.filter(Boolean));
  await s.write();
}
