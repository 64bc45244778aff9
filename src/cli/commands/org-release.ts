/**
 * `slipway plan --org ORG` and `slipway release --org ORG`: the org release from a terminal,
 * against any GitHub API (--github-api-url). Only translates flags into the jobs' options.
 * Read-only without a token for public repositories (GITHUB_TOKEN or GH_TOKEN otherwise).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { appTokenSource } from '../../adapters/github/app-token.ts';
import { consoleReporter } from '../../adapters/reporters/console-reporter.ts';
import { canPrompt, confirm } from '../../adapters/terminal-prompt.ts';
import { SlipwayError } from '../../core/errors.ts';
import { parseOrgPlan, releaseCount, repositoryName } from '../../core/org-release/org-plan.ts';
import { renderOrgResultMarkdown } from '../../core/org-release/outcomes.ts';
import { parseRepositoryOverride, type OrgOverrides } from '../../core/org-release/overrides.ts';
import { renderOrgPlanMarkdown, renderOrgPlanText } from '../../core/org-release/render-org-plan.ts';
import { parsePlanHash } from '../../core/release/plan-schema.ts';
import { planOrgRelease } from '../../jobs/org-release/plan.ts';
import { reportOrgRelease } from '../../jobs/org-release/report.ts';
import { shipOrgRelease } from '../../jobs/org-release/ship.ts';
import { distTagFlag, parseFlags } from '../command.ts';

const ORG_FLAGS = {
  org: { type: 'string' },
  topic: { type: 'string' },
  pattern: { type: 'string' },
  'github-api-url': { type: 'string' },
  'git-url': { type: 'string' },
  exclude: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  bump: { type: 'string', multiple: true },
  date: { type: 'string' },
  prerelease: { type: 'string' },
} as const;

type OrgValues = { [K in keyof typeof ORG_FLAGS]?: (typeof ORG_FLAGS)[K] extends { multiple: true } ? string[] : string };

function overridesOf(values: OrgValues): OrgOverrides {
  return {
    exclude: (values.exclude ?? []).map((r) => repositoryName(r, '--exclude')),
    versions: [...(values.set ?? []).map((s) => parseRepositoryOverride('--set', s)), ...(values.bump ?? []).map((s) => parseRepositoryOverride('--bump', s))],
  };
}

function requireOrg(values: OrgValues): string {
  const org = values.org?.trim();
  if (!org || !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(org)) throw new SlipwayError('USAGE', `"${org ?? ''}" is not an organisation login`, { subject: '--org', hint: 'e.g. --org acme' });
  return org;
}

const tokenOf = (env: NodeJS.ProcessEnv) => env['GITHUB_TOKEN'] || env['GH_TOKEN'] || undefined;

export async function runOrgPlan(args: string[], context: { debug: boolean }): Promise<number> {
  const { values } = parseFlags(args, { ...ORG_FLAGS, out: { type: 'string' }, json: { type: 'boolean' }, markdown: { type: 'boolean' } }, 'plan');
  const reporter = consoleReporter({ debug: context.debug });
  const { plan } = await planOrgRelease({
    org: requireOrg(values),
    topic: values.topic,
    pattern: values.pattern,
    github: { token: tokenOf(process.env), apiUrl: values['github-api-url'] },
    gitUrl: values['git-url'],
    date: values.date,
    prerelease: values.prerelease,
    overrides: overridesOf(values),
    reporter,
  });
  const json = JSON.stringify(plan, null, 2) + '\n';
  if (values.out) {
    await writeFile(values.out, json);
    reporter.info(`org plan written to ${values.out} (${plan.hash})`);
  }
  process.stdout.write(values.json ? json : values.markdown ? renderOrgPlanMarkdown(plan) : renderOrgPlanText(plan));
  return 0;
}

export async function runOrgRelease(args: string[], context: { debug: boolean }): Promise<number> {
  const { values } = parseFlags(
    args,
    {
      ...ORG_FLAGS,
      plan: { type: 'string' },
      hash: { type: 'string' },
      only: { type: 'string' },
      results: { type: 'string' },
      'app-id': { type: 'string' },
      registry: { type: 'string' },
      'dist-tag': { type: 'string' },
      'catalog-repository': { type: 'string' },
      'catalog-branch': { type: 'string' },
      'slack-channel': { type: 'string' },
      'slack-api-url': { type: 'string' },
      yes: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
    'release',
  );
  const env = process.env;
  const reporter = consoleReporter({ debug: context.debug });
  const org = requireOrg(values);
  const distTag = distTagFlag(values['dist-tag']); // checked before planning, not after the approval
  const github = { token: tokenOf(env), apiUrl: values['github-api-url'] };
  const source = values.plan ?? 'the plan shown above';
  const plan = values.plan
    ? parseOrgPlan(JSON.parse(await readFile(values.plan, 'utf8')) as unknown, values.plan)
    : (await planOrgRelease({ org, topic: values.topic, pattern: values.pattern, github, gitUrl: values['git-url'], date: values.date, prerelease: values.prerelease, overrides: overridesOf(values), reporter })).plan;
  process.stderr.write(renderOrgPlanText(plan));
  if (releaseCount(plan) === 0) return 0;
  const dryRun = values['dry-run'] ?? false;
  if (!dryRun && !values.yes) {
    if (!canPrompt({ output: process.stderr })) {
      throw new SlipwayError('USAGE', 'an org release needs your approval, and there is no terminal to ask at', { hint: 'pass --yes to approve the plan shown, or --dry-run' });
    }
    if (!(await confirm(`\nRelease ${releaseCount(plan)} plugin(s) in ${plan.repositories.length} repositories (plan ${plan.hash.slice(0, 19)})?`, { output: process.stderr }))) {
      reporter.info('not released: nothing was written');
      return 1;
    }
  }
  const expectedHash = values.hash ? parsePlanHash(values.hash, '--hash') : plan.hash;
  const resultsDir = resolve(values.results ?? '.slipway-org-release');
  const appKey = env['GITHUB_APP_PRIVATE_KEY'];
  if (values['app-id'] && !appKey) throw new SlipwayError('USAGE', '--app-id needs the App\'s private key in GITHUB_APP_PRIVATE_KEY', { subject: '--app-id' });
  const tokens = values['app-id'] && appKey ? appTokenSource({ appId: values['app-id'], privateKey: appKey }, { baseUrl: values['github-api-url'] }) : undefined;
  const shipped = await shipOrgRelease({
    plan,
    planSource: source,
    expectedHash,
    only: values.only?.split(','),
    github,
    tokens,
    gitUrl: values['git-url'],
    registry: { url: values.registry, token: env['NPM_TOKEN'] || undefined, distTag },
    resultsDir,
    catalog: Boolean(values['catalog-repository']),
    reporter,
    dryRun,
    env,
  });
  const report = await reportOrgRelease({
    plan,
    planSource: source,
    expectedHash,
    resultsDir,
    catalog: values['catalog-repository'] ? { repository: values['catalog-repository'], branch: values['catalog-branch'], token: github.token } : undefined,
    slack: { token: env['SLACK_BOT_TOKEN'] || undefined, apiUrl: values['slack-api-url'], channel: values['slack-channel'] },
    cwd: join(tmpdir()),
    reporter,
    dryRun,
  });
  process.stdout.write(renderOrgResultMarkdown(report.result));
  return shipped.outcomes.every((o) => o.status === 'shipped') ? 0 : 1;
}
