/**
 * `slipway init --org ORG`: set up the central repository of an org release — its starter
 * workflow, filled in for the organisation — and say what is left to do by hand: the GitHub
 * App, its secrets, the approval Environment. Writes nothing when the file exists (unless
 * forced) or in a dry run.
 */
import { existingFiles, writeFiles } from '../adapters/init/files.ts';
import { readStarterWorkflows } from '../adapters/init/starter-workflows.ts';
import { SlipwayError } from '../core/errors.ts';
import { nextSteps } from '../core/init/next-steps.ts';
import { fillOrgStarter, ORG_STARTER, type OrgStarterSettings } from '../core/init/org-starter.ts';
import { parseActionRef, pointStarterAt, secretsUsed, STARTER_ACTION_REF } from '../core/init/starter-workflows.ts';
import type { Reporter } from '../core/reporter.ts';
import type { InitFile } from './init.ts';

export interface InitOrgOptions extends OrgStarterSettings {
  cwd: string;
  reporter: Reporter;
  actionRef?: string | undefined;
  force?: boolean | undefined;
  dryRun?: boolean | undefined;
}

export interface InitOrgResult {
  files: InitFile[];
  outcome: 'written' | 'dry-run';
  steps: string[];
}

export async function initOrgRepository(options: InitOrgOptions): Promise<InitOrgResult> {
  const { cwd, reporter } = options;
  const actionRef = parseActionRef(options.actionRef ?? STARTER_ACTION_REF);
  const starter = (await readStarterWorkflows()).get(ORG_STARTER);
  if (starter === undefined) throw new SlipwayError('USAGE', `no starter workflow ${ORG_STARTER} in this slipway`, { hint: 'reinstall slipway' });
  const path = `.github/workflows/${ORG_STARTER}`;
  const text = pointStarterAt(fillOrgStarter(starter, options), actionRef);
  const exists = (await existingFiles(cwd, [path])).length > 0;
  const files = [{ path, text, exists }];
  const environment = options.environment ?? 'release';
  const steps = [
    `1. Create a GitHub App for ${options.org} (Settings → Developer settings → GitHub Apps): Repository permissions Contents: read and write, Metadata: read; no webhook. Install it on ${options.org} with access to the plugin repositories${options.catalogRepository ? ` and ${options.catalogRepository}` : ''} (docs/org-release.md).`,
    ...nextSteps({
      secrets: secretsUsed(new Map([[ORG_STARTER, text]])),
      environment,
      branch: 'main',
      files: [path],
      slack: options.slackChannel !== undefined,
      compatSkipped: false,
    }).map((line) => line.replace(/^(\d+)\./, (_, n: string) => `${Number(n) + 1}.`)),
  ];
  if (options.dryRun) {
    reporter.info(`would ${exists ? 'overwrite' : 'create'} ${path}`);
    return { files, outcome: 'dry-run', steps };
  }
  if (exists && !options.force) {
    throw new SlipwayError('USAGE', `${path} exists already and would be overwritten`, { subject: cwd, hint: 'run again with --force to replace it; --dry-run shows what init writes' });
  }
  await writeFiles(cwd, files);
  reporter.info(`${exists ? 'overwrote' : 'created'} ${path}`);
  return { files, outcome: 'written', steps };
}
