/**
 * The org release plan job: which of the organisation's plugin repositories have something
 * new (batched GraphQL: heads and newest tags, 100 repositories a request), a blobless clone
 * of each of those only, and the local planner (`planRelease`) on each clone — the same rules
 * as a plan made in that repository, with its own slipway.yml and ecosystem. The parts become
 * one plan with one hash. Writes nothing but clones in a scratch folder it removes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pMap from 'p-map';
import { loadConfig } from '../../adapters/config-file.ts';
import { readOrgSnapshots } from '../../adapters/github/org-snapshot.ts';
import { cloneRepository, removeClone, type CloneFilter } from '../../adapters/org-release/clone.ts';
import { formatError, SlipwayError } from '../../core/errors.ts';
import { repositoryFilter } from '../../core/org/repository-selection.ts';
import { repositoryStatus, type RepositorySnapshot } from '../../core/org-release/changed-repositories.ts';
import { ORG_PLAN_SCHEMA_VERSION, withOrgHash, type OrgPlan, type PlanProblem, type RepositoryName, type RepositoryPart } from '../../core/org-release/org-plan.ts';
import type { OrgOverrides } from '../../core/org-release/overrides.ts';
import type { Reporter } from '../../core/reporter.ts';
import { planRelease } from '../plan.ts';
import { apiClient, gitUrlFor, orgRepositoryConfig, serverUrlOf, type OrgGitHub } from './targets.ts';

export interface OrgPlanOptions {
  org: string;
  topic?: string | undefined;
  pattern?: string | undefined;
  github: OrgGitHub;
  /** `{repository}` → git URL; default `<server>/<owner>/<name>.git`. */
  gitUrl?: string | undefined;
  /** Release date for changelogs (YYYY-MM-DD); default today (UTC). */
  date?: string | undefined;
  prerelease?: string | undefined;
  overrides?: OrgOverrides | undefined;
  reporter: Reporter;
  /** Clones planned at once (default 4: cloning waits on the network, planning on one core). */
  concurrency?: number;
  /** Scratch folder for the clones (removed at the end); default a new temp folder. */
  workDir?: string | undefined;
  filter?: CloneFilter;
}

export interface OrgPlanResult {
  plan: OrgPlan;
  /** Milliseconds: reading the organisation, cloning and planning. */
  timings: { snapshot: number; plan: number };
  cloned: number;
}

export async function planOrgRelease(options: OrgPlanOptions): Promise<OrgPlanResult> {
  const { reporter, github } = options;
  const serverUrl = serverUrlOf(github);
  const gitUrl = gitUrlFor(options.gitUrl, serverUrl);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const started = performance.now();

  const { snapshots, requests } = await readOrgSnapshots(apiClient(github, reporter), options.org, { authenticated: Boolean(github.token || github.client), gitUrl });
  const selected = snapshots.filter(repositoryFilter(options)).sort((a, b) => (a.repository < b.repository ? -1 : 1));
  const snapshotMs = Math.round(performance.now() - started);
  const overrides = options.overrides ?? { exclude: [], versions: [] };
  checkOverrideTargets(overrides, selected);

  const excluded = new Set<string>(overrides.exclude.map((r) => r.toLowerCase()));
  const changed = selected.flatMap((snapshot) => {
    const status = repositoryStatus(snapshot);
    return status.kind === 'changed' && !excluded.has(snapshot.repository.toLowerCase()) ? [{ snapshot, status }] : [];
  });
  const unchanged = selected.filter((s) => repositoryStatus(s).kind !== 'changed').length;
  reporter.info(`${options.org}: ${selected.length} repositories selected, ${changed.length} with commits since their last release (${requests} API request(s), ${snapshotMs} ms)`);

  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), 'slipway-org-plan-')));
  const parts: RepositoryPart[] = [];
  const quiet: RepositoryName[] = [];
  const problems: PlanProblem[] = [];
  let done = 0;
  try {
    await pMap(
      changed,
      async ({ snapshot, status }) => {
        const dir = join(workDir, snapshot.repository.replace('/', '__'));
        try {
          await cloneRepository({ url: gitUrl(snapshot.repository), dir, branch: status.branch, token: github.token, filter: options.filter, repository: snapshot.repository });
          const config = orgRepositoryConfig(await loadConfig(dir), status.branch);
          const mine = overrides.versions.filter((o) => o.repository.toLowerCase() === snapshot.repository.toLowerCase()).map((o) => o.override);
          const { plan } = await planRelease({ cwd: dir, date, prerelease: options.prerelease, reporter: prefixed(reporter, snapshot.repository), config, overrides: mine });
          if (plan.releases.length === 0) quiet.push(snapshot.repository);
          // The head is what was cloned: the branch may have moved since the GraphQL read.
          else parts.push({ repository: snapshot.repository, branch: status.branch, head: plan.baseSha, plan });
        } catch (error) {
          if (error instanceof SlipwayError && error.code === 'USAGE') throw error; // the approver's input: fix it, plan nothing
          problems.push({ repository: snapshot.repository, message: formatError(error) });
          reporter.warn(`${snapshot.repository}: not planned: ${formatError(error)}`);
        } finally {
          await removeClone(dir);
          reporter.progress('planned', ++done, changed.length);
        }
      },
      { concurrency: options.concurrency ?? 4 },
    );
  } finally {
    if (!options.workDir) await rm(workDir, { recursive: true, force: true });
  }
  const unplanned = overrides.versions.find((o) => !changed.some((c) => c.snapshot.repository.toLowerCase() === o.repository.toLowerCase()));
  if (unplanned) {
    throw new SlipwayError('USAGE', `${unplanned.repository} has nothing new since its last release (or is excluded), so it is not planned today`, {
      subject: `--${unplanned.override.kind} ${unplanned.repository}:${unplanned.override.plugin}`,
      hint: 'drop the override, or release that repository on its own (slipway release in its checkout)',
    });
  }

  const plan = withOrgHash({
    schemaVersion: ORG_PLAN_SCHEMA_VERSION,
    kind: 'org-release',
    org: options.org,
    webUrl: serverUrl,
    date,
    repositories: parts,
    quiet: quiet.sort(),
    excluded: selected.filter((s) => excluded.has(s.repository.toLowerCase())).map((s) => s.repository),
    problems: problems.sort((a, b) => (a.repository < b.repository ? -1 : 1)),
    selected: selected.length,
    unchanged,
    requests,
  });
  return { plan, timings: { snapshot: snapshotMs, plan: Math.round(performance.now() - started) - snapshotMs }, cloned: changed.length };
}

/** Every repository the approver names must be one of the selected ones: a typo is refused, not ignored. */
function checkOverrideTargets(overrides: OrgOverrides, selected: readonly RepositorySnapshot[]): void {
  const names = new Set(selected.map((s) => s.repository.toLowerCase()));
  for (const [flag, repository] of [...overrides.exclude.map((r) => ['--exclude', r] as const), ...overrides.versions.map((o) => [`--${o.override.kind}`, o.repository] as const)]) {
    if (!names.has(repository.toLowerCase())) {
      throw new SlipwayError('USAGE', `${repository} is not one of the organisation's selected plugin repositories`, { subject: `${flag} ${repository}`, hint: 'check the name (owner/name), the topic and the name pattern' });
    }
  }
}

/** The repository's name in front of what its planner says. */
function prefixed(reporter: Reporter, repository: string): Reporter {
  return {
    info: (m) => reporter.debug(`${repository}: ${m}`),
    warn: (m, where) => reporter.warn(`${repository}: ${m}`, where),
    error: (m, where) => reporter.error(`${repository}: ${m}`, where),
    debug: (m) => reporter.debug(`${repository}: ${m}`),
    group: (title, fn) => reporter.group(`${repository}: ${title}`, fn),
    progress: () => {},
  };
}
