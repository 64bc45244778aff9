/**
 * The org release ship job: each repository's part of the approved plan, shipped by the release
 * job (`shipPlan`) in a fresh clone of that repository, with a token scoped to it. The org plan
 * must hash to the approved hash; each part then ships — or is refused, when its branch moved
 * in a way that touches a planned plugin — on its own. A failure in one repository is recorded
 * and the next one ships; an outcome file per repository makes a rerun skip what shipped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../adapters/config-file.ts';
import type { RepositoryTokenSource } from '../../adapters/github/app-token.ts';
import { cloneRepository, removeClone } from '../../adapters/org-release/clone.ts';
import { readOutcomes, writeOutcome } from '../../adapters/org-release/outcome-files.ts';
import type { CatalogEntry } from '../../core/catalog/catalog-schema.ts';
import { formatError, isSlipwayError, SlipwayError } from '../../core/errors.ts';
import { parseOrgPlan, verifyOrgPlanHash, type OrgPlan, type RepositoryName, type RepositoryPart } from '../../core/org-release/org-plan.ts';
import type { RepositoryOutcome } from '../../core/org-release/outcomes.ts';
import type { Reporter } from '../../core/reporter.ts';
import type { PlanHash } from '../../core/types.ts';
import { processMetadata } from '../metadata.ts';
import { ReleaseRunError, shipPlan, type ReleaseJobOptions } from '../release.ts';
import { clientForToken, gitUrlFor, orgRepositoryConfig, serverUrlOf, type OrgGitHub } from './targets.ts';

export interface OrgShipOptions {
  /** The org plan as read from its artifact (checked here). */
  plan: unknown;
  planSource?: string;
  /** The hash the approver approved (the plan job's output). */
  expectedHash: PlanHash | undefined;
  /** Ship only these repositories (one matrix job's batch); default every part. */
  only?: readonly string[] | undefined;
  github: OrgGitHub;
  /** Scoped installation tokens; without, every repository ships with github.token. */
  tokens?: RepositoryTokenSource | undefined;
  gitUrl?: string | undefined;
  registry?: ReleaseJobOptions['registry'];
  /** Outcome files: read to resume, written per repository. */
  resultsDir: string;
  /** Extract catalog entries of what shipped, for the report to index. */
  catalog?: boolean;
  /** Link to the run, given with each failure. */
  runUrl?: string | undefined;
  reporter: Reporter;
  dryRun?: boolean;
  env?: Record<string, string | undefined>;
  publishConcurrency?: number;
  /** Called before each repository ships (tests interfere here: move a branch, break a registry). */
  beforeRepository?: (repository: RepositoryName) => void | Promise<void>;
}

export interface OrgShipResult {
  plan: OrgPlan;
  outcomes: RepositoryOutcome[];
  /** Repositories skipped because an earlier run shipped them. */
  resumed: RepositoryName[];
}

export async function shipOrgRelease(options: OrgShipOptions): Promise<OrgShipResult> {
  const { reporter } = options;
  const source = options.planSource ?? 'the org plan';
  const plan = parseOrgPlan(options.plan, source);
  verifyOrgPlanHash(plan, options.expectedHash, source);
  const parts = selectParts(plan, options.only);
  const earlier = await readOutcomes(options.resultsDir, plan.hash);
  const gitUrl = gitUrlFor(options.gitUrl, serverUrlOf(options.github));
  const clientFor = clientForToken(options.github, reporter);
  const workDir = await mkdtemp(join(tmpdir(), 'slipway-org-ship-'));
  const outcomes: RepositoryOutcome[] = [];
  const resumed: RepositoryName[] = [];
  try {
    for (const part of parts) {
      const before = earlier.get(part.repository);
      if (before?.outcome.status === 'shipped') {
        reporter.info(`${part.repository}: shipped by an earlier run, not repeated`);
        outcomes.push(before.outcome);
        resumed.push(part.repository);
        continue;
      }
      await options.beforeRepository?.(part.repository);
      const { outcome, entries } = await reporter.group(`${part.repository}: ${part.plan.releases.length} release(s)`, () =>
        shipPart(part, { options, plan, dir: join(workDir, part.repository.replace('/', '__')), gitUrl: gitUrl(part.repository), clientFor }),
      );
      outcomes.push(outcome);
      if (!options.dryRun) await writeOutcome(options.resultsDir, { planHash: plan.hash, outcome, entries });
      const line = outcome.status === 'shipped' ? `shipped ${outcome.plugins.map((p) => p.tag).join(', ')}` : `${outcome.status}: ${outcome.message.split('\n')[0]}`;
      (outcome.status === 'shipped' ? reporter.info : reporter.error)(`${part.repository}: ${line}`);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return { plan, outcomes, resumed };
}

function selectParts(plan: OrgPlan, only: readonly string[] | undefined): RepositoryPart[] {
  if (!only?.length) return plan.repositories;
  const wanted = new Set(only.map((r) => r.trim().toLowerCase()).filter(Boolean));
  const parts = plan.repositories.filter((p) => wanted.has(p.repository.toLowerCase()));
  const known = new Set(parts.map((p) => p.repository.toLowerCase()));
  const unknown = [...wanted].filter((r) => !known.has(r));
  if (unknown.length) {
    throw new SlipwayError('USAGE', `not in the approved plan: ${unknown.join(', ')}`, { subject: '--only', hint: `the plan ships ${plan.repositories.map((p) => p.repository).join(', ') || 'nothing'}` });
  }
  return parts;
}

interface PartContext {
  options: OrgShipOptions;
  plan: OrgPlan;
  dir: string;
  gitUrl: string;
  clientFor: (token: string) => ReturnType<ReturnType<typeof clientForToken>>;
}

async function shipPart(part: RepositoryPart, ctx: PartContext): Promise<{ outcome: RepositoryOutcome; entries: CatalogEntry[] }> {
  const { options } = ctx;
  const repository = part.repository;
  const failed = (error: unknown, step?: string): { outcome: RepositoryOutcome; entries: CatalogEntry[] } => {
    const message = formatError(error);
    if (isSlipwayError(error) && error.code === 'PLAN_STALE') return { outcome: { repository, status: 'refused', message }, entries: [] };
    return { outcome: { repository, status: 'failed', message, ...(step ? { step } : {}), ...(options.runUrl ? { url: options.runUrl } : {}) }, entries: [] };
  };
  try {
    const token = options.tokens ? await options.tokens.tokenFor(repository) : options.github.token;
    // A full clone: publishing reads the working tree and the release may read any old file.
    await cloneRepository({ url: ctx.gitUrl, dir: ctx.dir, branch: part.branch, token, filter: 'none', repository });
    const config = orgRepositoryConfig(await loadConfig(ctx.dir), part.branch);
    const client = token ? ctx.clientFor(token) : undefined;
    const result = await shipPlan({
      cwd: ctx.dir,
      plan: part.plan,
      planSource: `${options.planSource ?? 'the org plan'} (${repository})`,
      // The org plan's hash was checked against the approved one and covers this part.
      expectedHash: part.plan.hash,
      reporter: options.reporter,
      config,
      dryRun: options.dryRun,
      journalFile: options.dryRun ? undefined : join(options.resultsDir, `${repository.replace('/', '__')}.journal.json`),
      github: { client, repository, baseUrl: options.github.apiUrl },
      registry: options.registry,
      env: options.env,
      publishConcurrency: options.publishConcurrency,
    });
    const plugins = result.released.map((r) => ({ name: r.name, version: r.version, tag: r.tag, ...(r.githubRelease ? { url: r.githubRelease } : {}) }));
    let entries: CatalogEntry[] = [];
    if (options.catalog && !options.dryRun) {
      // Catalog entries come from the clone now, so the report needs no clone of its own.
      try {
        entries = (await processMetadata({ cwd: ctx.dir, reporter: options.reporter, select: { kind: 'tags', tags: plugins.map((p) => p.tag) }, config })).entries;
      } catch (error) {
        options.reporter.warn(`${repository}: shipped, but its catalog entries could not be read (index it with slipway index --tag): ${formatError(error)}`);
      }
    }
    return { outcome: { repository, status: 'shipped', plugins }, entries };
  } catch (error) {
    return failed(error, error instanceof ReleaseRunError ? error.journal.error?.step : undefined);
  } finally {
    await removeClone(ctx.dir);
  }
}
