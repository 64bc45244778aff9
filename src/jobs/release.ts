/**
 * The release job: ship an approved plan, and only that plan.
 *
 * First verify, writing nothing: the plan is intact (its hash), it is the approved one (the
 * hash the approver saw), and still current (no commit since its base touches a planned
 * plugin; see ./release/release-state.ts). Then walk the release steps
 * (src/core/release/release-steps.ts); each checks what exists first — the release commit by
 * its Slipway-Plan trailer, tags, the remote, GitHub Releases, published versions, changelog
 * sections — so a rerun after a failure at any step finishes the job with no duplicates.
 * Every step is written to the journal as it ends. Between the two, what publishing needs is
 * installed and built (./release/release-build.ts): a build that fails stops the release before
 * its first write.
 */
import pMap from 'p-map';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../adapters/config-file.ts';
import { currentBranch, headSha, readLog } from '../adapters/git.ts';
import { branchAllowed, releaseBranches } from '../core/config/release-branches.ts';
import { createAnnotatedTag, commitMessage, commitPaths, detachedWorktree, fastForward, fetchBranch, pushAtomic, readLocalTags, rebaseOnto, trackedPaths } from '../adapters/git-release.ts';
import { strategyFor } from '../adapters/ecosystems/strategy.ts';
import { createGitHubClient, type Octokit } from '../adapters/github/client.ts';
import { githubReleases, type ExistingRelease, type GitHubReleases } from '../adapters/github/releases.ts';
import { repositoryUrl } from '../adapters/git.ts';
import { readChangesets } from '../adapters/changesets/read-changesets.ts';
import { workspacePackageVersions } from '../adapters/ecosystems/npm/workspace-packages.ts';
import { commandPublisher } from '../adapters/registry/command-publisher.ts';
import { npmRegistry } from '../adapters/registry/npm-registry.ts';
import type { RegistryClient } from '../adapters/registry/types.ts';
import { journalWriter } from '../adapters/release/journal-file.ts';
import { readWorktreeFile, writeWorktreeFile } from '../adapters/release/worktree-files.ts';
import type { SlipwayConfig } from '../core/config/schema.ts';
import type { GitRefName, GitRemoteName } from '../core/git/ref-name.ts';
import { SlipwayError, formatError, isSlipwayError } from '../core/errors.ts';
import type { PlannedRelease, ReleasePlan } from '../core/plan/release-plan.ts';
import { githubReleaseContent } from '../core/release/github-release-content.ts';
import { finishHint, newJournal, resultLine, runProgress, type EntryStatus, type JournalEntry, type ReleaseJournal, type RunProgress } from '../core/release/journal.ts';
import { parsePlan } from '../core/release/plan-schema.ts';
import { planHashInMessage, releaseCommitMessage, snapshotCommitMessage, snapshotHashInMessage, tagMessage } from '../core/release/release-commit.ts';
import { releaseSteps, stepKey, STEP_KINDS, type ReleaseStep, type StepKind } from '../core/release/release-steps.ts';
import { checkHistory, staleError, verifyPlanHash } from '../core/release/verify-plan.ts';
import type { Reporter } from '../core/reporter.ts';
import type { PlanHash, PluginName, Sha, TagName, Version } from '../core/types.ts';
import { bumpedManifest, bumpedVersionFile, changelogPath, changelogWithSection, plannedFiles, snapshotManifest, type ManifestWrite } from './release/planned-files.ts';
import { preflight } from './release/preflight.ts';
import { buildBeforeRelease, releasesToBuild } from './release/release-build.ts';
import { readReleaseState, releaseTarget, type ReleaseState } from './release/release-state.ts';

export const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org/';
/** How often a push refused because the remote moved on is replayed on top and retried. */
const PUSH_ATTEMPTS = 3;

export interface GitHubTarget {
  /** GITHUB_TOKEN or another token with `contents: write`; without one (and without `client`), GitHub Releases are skipped. */
  token?: string | undefined;
  /** The API root (GitHub Enterprise Server, or a local server in tests). */
  baseUrl?: string | undefined;
  /** owner/name; default: GITHUB_REPOSITORY, else the GitHub remote's URL. */
  repository?: string | undefined;
  /** A ready client (tests pass one with their own retry timings). */
  client?: Octokit;
}

export interface RegistryTarget {
  /** The npm registry; default: slipway.yml `release.registry`, else npmjs. */
  url?: string | undefined;
  /** NPM_TOKEN. */
  token?: string | undefined;
  /** The npm dist-tag; default slipway.yml `release.distTag`, else npm's (`latest`, or the prerelease channel). */
  distTag?: string | undefined;
}

export interface ReleaseJobOptions {
  cwd: string;
  /** The plan: JSON as read from the plan file (it is checked here), or a plan just made. */
  plan: unknown;
  /** Where the plan came from, for messages (a file path, or "the plan above"). */
  planSource?: string;
  /**
   * The hash the approver saw. On GitHub it comes from the plan job's output, not from the
   * plan artifact, so a swapped artifact is refused. Locally it is the hash of the plan shown
   * at the prompt. Leaving it out skips only that one check.
   */
  expectedHash: PlanHash | undefined;
  reporter: Reporter;
  config?: SlipwayConfig;
  /** Show each write without making it. */
  dryRun?: boolean;
  /** Where to append the journal (JSON Lines, see adapters/release/journal-file.ts); none when left out. */
  journalFile?: string | undefined;
  /** How a person reruns this release, for the message after a failure (default: `slipway release --plan <planSource>`). */
  rerun?: string | undefined;
  github?: GitHubTarget;
  registry?: RegistryTarget;
  /** Environment for detecting GitHub Actions (npm provenance, repository). Default: process.env. */
  env?: Record<string, string | undefined>;
  /** Now, for the release date check (a parameter so specs never race the clock). */
  now?: Date;
  /** npm publishes running at once within one dependency wave (default 4). */
  publishConcurrency?: number;
  /**
   * Called after each step is journaled. A throw stops the run right there, as a crash would;
   * tests use it to fail between steps or to interfere (push a commit) mid-run.
   */
  afterStep?: (entry: JournalEntry) => void | Promise<void>;
}

export interface ReleasedPlugin {
  name: PluginName;
  version: string;
  tag: TagName;
  /** The GitHub Release page, when one exists. */
  githubRelease: string | undefined;
  publish: 'published' | 'already-published' | 'skipped' | 'private' | 'dry-run';
}

export interface ReleaseJobResult {
  journal: ReleaseJournal;
  released: ReleasedPlugin[];
  /** The final one-line result, as printed. */
  line: string;
}

/** A refusal (nothing written) or a failure mid-release, with the journal as written. */
export class ReleaseRunError extends SlipwayError {
  readonly journal: ReleaseJournal;
  /** `finish`: how to finish a release stopped after it started writing; it follows the cause's own hint. */
  constructor(cause: unknown, journal: ReleaseJournal, finish?: string) {
    const inner = isSlipwayError(cause) ? cause : undefined;
    const hint = [inner?.hint, finish].filter(Boolean).join('; then ') || undefined;
    super(inner?.code ?? 'RELEASE_FAILED', inner?.message ?? formatError(cause), { subject: inner?.subject, hint, cause });
    this.journal = journal;
  }
}

/**
 * The job's default journal path on a runner: the runner's temp folder, outside the checkout —
 * never inside a package folder, where `npm publish` would ship it in the tarball.
 */
export function defaultJournalFile(env: Record<string, string | undefined>): string {
  return join(env['RUNNER_TEMP'] || tmpdir(), 'slipway-release-journal.jsonl');
}

interface Outcome {
  status: EntryStatus;
  detail: string;
  sha?: string;
  id?: number;
  url?: string;
}

/**
 * The branch this release pushes to: the checked-out branch when `release.branches` allows it
 * (a maintenance line ships from its own branch), `release.branch` on a detached HEAD.
 */
async function withReleaseBranch(cwd: string, config: SlipwayConfig): Promise<SlipwayConfig> {
  const branch = await currentBranch(cwd);
  if (branch === undefined || branch === config.release.branch) return config;
  const allowed = releaseBranches(config);
  if (!branchAllowed(branch, allowed)) {
    throw new SlipwayError('BRANCH_NOT_ALLOWED', `releases do not ship from branch "${branch}" (release.branches: ${allowed.join(', ')})`, {
      subject: 'release.branches',
      hint: `check out a release branch, or add a pattern for "${branch}" to release.branches in slipway.yml`,
    });
  }
  return { ...config, release: { ...config.release, branch } };
}

export async function shipPlan(options: ReleaseJobOptions): Promise<ReleaseJobResult> {
  const { cwd, reporter } = options;
  const dryRun = options.dryRun ?? false;
  const env = options.env ?? process.env;
  const source = options.planSource ?? 'the plan';
  const journalFile = journalWriter(options.journalFile);
  const save = (j: ReleaseJournal) => journalFile.save(j);
  const journal = newJournal(null, dryRun, new Date().toISOString());
  const rerun = options.rerun ?? `slipway release --plan ${source}`;
  const finish = async (result: ReleaseJournal['result'], released: readonly string[], error?: { cause: unknown; step?: string }, progress?: RunProgress) => {
    journal.result = result;
    journal.finishedAt = new Date().toISOString();
    if (error) {
      const e = isSlipwayError(error.cause) ? error.cause : undefined;
      journal.error = { code: e?.code, message: e?.message ?? formatError(error.cause), hint: e?.hint, step: error.step };
    }
    // The journal records the run; when it cannot be written (a full disk) the person still gets the result.
    await journalFile.finish(journal).catch((journalError: unknown) => reporter.warn(formatError(journalError)));
    return resultLine(journal, released, progress);
  };

  // --- verify: nothing is written until this passes -------------------------------------
  const verifyStarted = new Date().toISOString();
  let plan: ReleasePlan;
  let config: SlipwayConfig;
  let state: ReleaseState;
  try {
    plan = parsePlan(options.plan, source);
    journal.planHash = plan.hash;
    verifyPlanHash(plan, options.expectedHash, source);
    if (plan.releases.length === 0) {
      const line = await finish('nothing-to-release', []);
      reporter.info(line);
      return { journal, released: [], line };
    }
    config = await withReleaseBranch(cwd, options.config ?? (await loadConfig(cwd)));
    state = await readReleaseState({ cwd, plan, config });
    await preflight({ cwd, plan, changelogName: config.release.changelog, now: options.now ?? new Date() });
    if (!dryRun) await checkRegistries(cwd, plan, options, config);
  } catch (error) {
    const line = await finish('refused', [], { cause: error, step: 'verify' });
    reporter.error(line);
    throw new ReleaseRunError(error, journal);
  }
  const names = plan.releases.map((r) => `${r.name}@${r.to}`);
  journal.entries.push({
    step: 'verify',
    status: 'done',
    startedAt: verifyStarted,
    finishedAt: new Date().toISOString(),
    detail: `plan ${plan.hash} verified${options.expectedHash ? ' and approved' : ''}: ${state.commitsSinceBase} commit(s) since its base ${plan.baseSha.slice(0, 7)}, none touching a planned plugin; release commit: ${state.releaseCommit ? state.releaseCommit.slice(0, 7) : 'not made yet'}`,
    sha: plan.baseSha,
  });

  // --- build, then apply ---------------------------------------------------------------------
  const run = new ReleaseRun({ options, plan, config, state, journal, save, dryRun, env });
  try {
    await save(journal);
    await run.build();
    await run.all();
  } catch (error) {
    // A build that fails before this plan's release commit exists stops a release that wrote nothing.
    if (run.stoppedInBuild && state.releaseCommit === undefined) {
      const line = await finish('refused', [], { cause: error, step: run.failedAt });
      reporter.error(line);
      throw new ReleaseRunError(error, journal);
    }
    const progress = runProgress(journal, releaseSteps(plan).length, rerun);
    const line = await finish('failed', names, { cause: error, step: run.failedAt }, progress);
    reporter.error(line);
    throw new ReleaseRunError(error, journal, finishHint(progress));
  }
  const line = await finish(dryRun ? 'dry-run' : 'released', names);
  reporter.info(line);
  return { journal, released: run.released(), line };
}

interface RunInput {
  options: ReleaseJobOptions;
  plan: ReleasePlan;
  config: SlipwayConfig;
  state: ReleaseState;
  journal: ReleaseJournal;
  save: (journal: ReleaseJournal) => Promise<void>;
  dryRun: boolean;
  env: Record<string, string | undefined>;
}

/** One run over the release steps; holds what the steps learn (the release commit, the tags, the releases found). */
class ReleaseRun {
  private readonly input: RunInput;
  private readonly cwd: string;
  private readonly plan: ReleasePlan;
  private readonly reporter: Reporter;
  private readonly byName: Map<PluginName, PlannedRelease>;
  /** This plan's release commit, once made or found. */
  private releaseCommit: Sha | undefined;
  /** The SNAPSHOT cycle's commit on top of it (next development versions), once made or found. */
  private snapshotCommit: Sha | undefined;
  private releaseCommitOnRemote: boolean;
  private remoteTags: Map<TagName, Sha>;
  private localTags: Map<TagName, Sha> | undefined;
  private github: { releases: GitHubReleases; existing?: Map<string, ExistingRelease> } | { skipped: string } | undefined;
  private readonly publishers = new Map<string, RegistryClient>();
  private workspaceVersions: Promise<Map<string, string>> | undefined;
  private changesetAccess: Promise<'public' | 'restricted' | undefined> | undefined;
  /** Notices already given (once per run, not once per plugin). */
  private readonly warned = new Set<string>();
  failedAt: string | undefined;
  /** The run stopped in the install or a build, before any release step. */
  stoppedInBuild = false;

  constructor(input: RunInput) {
    this.input = input;
    this.cwd = input.options.cwd;
    this.plan = input.plan;
    this.reporter = input.options.reporter;
    this.byName = new Map(input.plan.releases.map((r) => [r.name, r]));
    this.releaseCommit = input.state.releaseCommit;
    this.releaseCommitOnRemote = input.state.releaseCommitOnRemote;
    this.remoteTags = new Map(input.state.remoteTags);
  }

  async all(): Promise<void> {
    await this.sync();
    const steps = releaseSteps(this.plan);
    for (const kind of STEP_KINDS) {
      const group = steps.filter((s) => s.kind === kind);
      if (group.length === 0) continue;
      await this.reporter.group(`${kind} (${group.length})`, async () => {
        if (kind !== 'publish') {
          let done = 0;
          for (const step of group) {
            await this.step(step);
            this.reporter.progress(kind, ++done, group.length);
          }
          return;
        }
        const waves = [...new Set(group.map((s) => s.wave!))];
        for (const wave of waves) {
          // Within a wave nothing depends on anything else; every step runs even if one fails,
          // so the journal shows the whole wave, then the first failure stops the run.
          const results = await pMap(group.filter((s) => s.wave === wave), (step) => this.step(step).then(() => undefined, (error: unknown) => error), {
            concurrency: this.input.options.publishConcurrency ?? 4,
          });
          const failure = results.find((r) => r !== undefined);
          if (failure !== undefined) throw failure;
        }
      });
    }
  }

  /**
   * Installs and builds what publishing needs, before the first write (./release/release-build.ts).
   * A resumed run (the release commit exists) builds only the packages still to publish: the
   * checkout may be a fresh one (a rerun of the ship job) whose build output is gone, and an
   * earlier run's output, if any, cannot be told from a stale one. With every version out,
   * nothing is installed or built.
   */
  async build(): Promise<void> {
    const candidates = releasesToBuild(this.plan.releases);
    let releases = candidates;
    if (this.releaseCommit !== undefined && candidates.length) {
      const unpublished = await Promise.all(candidates.map(async (r) => !(await this.publishedAlready(r))));
      releases = candidates.filter((_, i) => unpublished[i]);
      const published = candidates.filter((_, i) => !unpublished[i]).map((r) => `${r.name}@${r.to}`);
      if (published.length) this.reporter.info(`build: ${published.join(', ')} ${published.length === 1 ? 'is' : 'are'} published already, not built again`);
    }
    try {
      await buildBeforeRelease({ cwd: this.cwd, config: this.input.config, releases, dryRun: this.input.dryRun, reporter: this.reporter, record: (step, plugin, work) => this.record(step, plugin, work) });
    } catch (error) {
      this.stoppedInBuild = true;
      throw error;
    }
  }

  /** Whether this release's version is on its registry already (a resumed run); nothing to publish counts as published. */
  private async publishedAlready(release: PlannedRelease): Promise<boolean> {
    const found = await this.publisherFor(release);
    if ('skipped' in found) return true;
    return (await found.client.isPublished(release.name, release.to)) === true;
  }

  released(): ReleasedPlugin[] {
    const entries = this.input.journal.entries;
    return this.plan.releases.map((r) => {
      const release = entries.find((e) => e.step === 'github-release' && e.plugin === r.name);
      const publish = entries.find((e) => e.step === 'publish' && e.plugin === r.name);
      return {
        name: r.name,
        version: r.to,
        tag: r.tag,
        githubRelease: release?.url,
        publish: r.private ? 'private' : !publish || publish.status === 'skipped' ? 'skipped' : publish.status === 'dry-run' ? 'dry-run' : publish.status === 'done' ? 'published' : 'already-published',
      };
    });
  }

  // --- the journal frame around every step ------------------------------------------------

  private async record(step: JournalEntry['step'], plugin: string | undefined, work: () => Promise<Outcome>): Promise<void> {
    const key = stepKey({ kind: step as StepKind, plugin: plugin as PluginName | undefined });
    const startedAt = new Date().toISOString();
    let entry: JournalEntry;
    try {
      const outcome = await work();
      entry = { step, ...(plugin ? { plugin } : {}), startedAt, finishedAt: new Date().toISOString(), ...outcome };
    } catch (error) {
      this.failedAt ??= key;
      this.input.journal.entries.push({ step, ...(plugin ? { plugin } : {}), status: 'failed', startedAt, finishedAt: new Date().toISOString(), detail: formatError(error) });
      throw error;
    }
    this.input.journal.entries.push(entry);
    await this.input.save(this.input.journal);
    const line = `${key}: ${entry.detail}`;
    if (entry.status === 'done' || entry.status === 'dry-run') this.reporter.info(`  ${entry.status === 'dry-run' ? 'would' : '✓'} ${line}`);
    else this.reporter.debug(`  ${entry.status}: ${line}`);
    try {
      await this.input.options.afterStep?.(entry);
    } catch (error) {
      this.failedAt ??= `after ${key}`;
      throw error;
    }
  }

  private step(step: ReleaseStep): Promise<void> {
    const release = step.plugin ? this.byName.get(step.plugin)! : undefined;
    const work: Record<StepKind, () => Promise<Outcome>> = {
      manifest: () => this.manifest(release ?? this.rangeUpdateOf(step.plugin)),
      changelog: () => this.changelog(release!),
      commit: () => this.commit(),
      tag: () => this.tag(release!),
      snapshot: () => this.snapshot(),
      push: () => this.push(),
      'github-release': () => this.githubRelease(release!),
      publish: () => this.publish(release!),
    };
    return this.record(step.kind, step.plugin, work[step.kind]);
  }

  // --- sync: the release goes on top of the remote branch --------------------------------

  private async sync(): Promise<void> {
    const { sync } = this.input.state;
    if (sync.kind === 'none') return;
    const { remote, branch } = releaseTarget(this.input.config);
    await this.record('sync', undefined, async () => {
      if (sync.kind === 'fast-forward') {
        if (this.input.dryRun) return { status: 'dry-run', detail: `fast-forward to ${remote}/${branch} at ${sync.to.slice(0, 7)} (its new commits touch no planned plugin)`, sha: sync.to };
        await fastForward(this.cwd, sync.to);
        return { status: 'done', detail: `fast-forwarded to ${remote}/${branch} at ${sync.to.slice(0, 7)}: the release goes on top of its new commits, which touch no planned plugin`, sha: sync.to };
      }
      if (this.input.dryRun) return { status: 'dry-run', detail: `replay the unpushed release commit ${sync.commit.slice(0, 7)} onto ${remote}/${branch} at ${sync.onto.slice(0, 7)}`, sha: sync.onto };
      this.releaseCommit = await this.replayOnto(sync.onto);
      this.snapshotCommit = await this.findSnapshotCommit();
      return { status: 'done', detail: `replayed the unpushed release commit ${sync.commit.slice(0, 7)} onto ${remote}/${branch} (${sync.onto.slice(0, 7)}) as ${this.releaseCommit.slice(0, 7)}`, sha: this.releaseCommit };
    });
  }

  // --- files and the release commit -------------------------------------------------------

  private get committed(): boolean {
    return this.releaseCommit !== undefined;
  }

  private rangeUpdateOf(name: PluginName | undefined): ManifestWrite {
    const update = this.plan.rangeUpdates.find((u) => u.name === name);
    if (!update) throw new SlipwayError('PLAN_INVALID', `the plan has no release or range update of ${String(name)}`, { hint: 'plan again' });
    return update;
  }

  private async manifest(release: ManifestWrite): Promise<Outcome> {
    const file = release.manifestFile;
    if (this.committed) return { status: 'already-done', detail: `${file} is in the release commit ${this.releaseCommit!.slice(0, 7)}` };
    const text = await readWorktreeFile(this.cwd, file);
    if (text === undefined) {
      throw new SlipwayError('MANIFEST_MISSING', `${file} does not exist`, { subject: release.name, hint: 'the plugin moved since the plan was made: plan again' });
    }
    const next = bumpedManifest(release, text);
    // A lockstep Maven build: every module's <parent><version> follows the root's.
    const others: { file: string; text: string; next: string }[] = [];
    const to = release.to;
    for (const other of release.versionFiles ?? []) {
      if (to === undefined) break;
      const current = await readWorktreeFile(this.cwd, other);
      if (current === undefined) throw new SlipwayError('MANIFEST_MISSING', `${other} does not exist`, { subject: release.name, hint: 'the module moved since the plan was made: plan again' });
      others.push({ file: other, text: current, next: bumpedVersionFile({ ecosystem: release.ecosystem, to }, current, other) });
    }
    const changed = others.filter((o) => o.next !== o.text);
    if (next === text && changed.length === 0) return { status: 'already-done', detail: `${file} already says ${release.to ?? 'the planned ranges'}` };
    const deps = release.dependencyUpdates.map((u) => `${u.name} ${u.from} → ${u.to}${u.kind === 'runtime' ? '' : ` (${u.kind})`}`);
    const version = release.from !== undefined && release.to !== undefined ? `${release.from} → ${release.to}` : 'not released';
    const modules = others.length ? `; ${others.length} module${others.length === 1 ? '' : 's'} follow` : '';
    const detail = `${file}: ${version}${deps.length ? `; ${deps.join(', ')}` : ''}${modules}`;
    if (this.input.dryRun) return { status: 'dry-run', detail: `write ${detail}` };
    if (next !== text) await writeWorktreeFile(this.cwd, file, next);
    for (const other of changed) await writeWorktreeFile(this.cwd, other.file, other.next);
    return { status: 'done', detail };
  }

  private async changelog(release: PlannedRelease): Promise<Outcome> {
    const file = changelogPath(release, this.input.config.release.changelog);
    if (this.committed) return { status: 'already-done', detail: `${file} is in the release commit ${this.releaseCommit!.slice(0, 7)}` };
    const text = await readWorktreeFile(this.cwd, file);
    const edit = changelogWithSection(release, text);
    if (!edit.changed) return { status: 'already-done', detail: `${file} already has a ${release.to} section` };
    const detail = `${file}: ${text === undefined ? 'created with' : 'prepended'} the ${release.to} section`;
    if (this.input.dryRun) return { status: 'dry-run', detail: `write ${detail}` };
    await writeWorktreeFile(this.cwd, file, edit.text);
    return { status: 'done', detail };
  }

  private async commit(): Promise<Outcome> {
    if (this.committed) return { status: 'already-done', detail: `release commit ${this.releaseCommit!.slice(0, 7)} (found by its Slipway-Plan trailer)`, sha: this.releaseCommit! };
    const message = releaseCommitMessage(this.plan);
    const files = [...plannedFiles(this.plan, this.input.config.release.changelog).keys()];
    // The changesets the plan consumed leave in the same commit (as `changeset version` does).
    const consumed = await trackedPaths(this.cwd, this.plan.changesets ?? []);
    if (this.input.dryRun) return { status: 'dry-run', detail: `commit ${files.length} files${consumed.length ? ` and delete ${consumed.join(', ')}` : ''}: "${message.split('\n')[0]}" with trailer Slipway-Plan: ${this.plan.hash.slice(0, 19)}…` };
    await Promise.all(consumed.map((file) => rm(join(this.cwd, file), { force: true })));
    this.releaseCommit = await commitPaths(this.cwd, message, [...files, ...consumed]);
    return { status: 'done', detail: `committed ${files.length} files as ${this.releaseCommit.slice(0, 7)}`, sha: this.releaseCommit };
  }

  /**
   * The SNAPSHOT cycle: on top of the release commit, a commit that writes each unit's next
   * development version (1.9.9-SNAPSHOT). The tags stay on the release commit; the push sends
   * both commits and the tags atomically, so the remote never has one without the other.
   */
  private async snapshot(): Promise<Outcome> {
    const releases = this.plan.releases.filter((r): r is PlannedRelease & { nextSnapshot: Version } => r.nextSnapshot !== undefined);
    const versions = releases.map((r) => `${r.name} ${r.nextSnapshot}`).join(', ');
    if (this.releaseCommit === undefined) return { status: 'dry-run', detail: `commit the next development version${releases.length === 1 ? '' : 's'} ${versions} on top of the release commit` };
    if (this.releaseCommitOnRemote) return { status: 'already-done', detail: `pushed with the release commit ${this.releaseCommit.slice(0, 7)}` };
    this.snapshotCommit ??= await this.findSnapshotCommit();
    if (this.snapshotCommit) return { status: 'already-done', detail: `SNAPSHOT commit ${this.snapshotCommit.slice(0, 7)} (found by its Slipway-Snapshot trailer)`, sha: this.snapshotCommit };
    const writes: { file: string; text: string }[] = [];
    for (const release of releases) {
      for (const file of [release.manifestFile, ...(release.versionFiles ?? [])]) {
        const text = await readWorktreeFile(this.cwd, file);
        if (text === undefined) throw new SlipwayError('MANIFEST_MISSING', `${file} does not exist`, { subject: release.name, hint: 'restore it from the release commit and rerun' });
        writes.push({ file, text: snapshotManifest(release, text, file) });
      }
    }
    if (this.input.dryRun) return { status: 'dry-run', detail: `commit ${versions} in ${writes.length} file(s)` };
    for (const write of writes) await writeWorktreeFile(this.cwd, write.file, write.text);
    this.snapshotCommit = await commitPaths(this.cwd, snapshotCommitMessage(this.plan), writes.map((w) => w.file));
    return { status: 'done', detail: `committed ${versions} as ${this.snapshotCommit.slice(0, 7)}`, sha: this.snapshotCommit };
  }

  /** This plan's SNAPSHOT commit among the local commits after the release commit, if an earlier run made it. */
  private async findSnapshotCommit(): Promise<Sha | undefined> {
    if (this.releaseCommit === undefined) return undefined;
    const after = await readLog(this.cwd, { to: 'HEAD', exclude: [this.releaseCommit] });
    return after.find((c) => snapshotHashInMessage(c.message) === this.plan.hash)?.sha;
  }

  // --- tags and the push ------------------------------------------------------------------

  private async tag(release: PlannedRelease): Promise<Outcome> {
    const tag = release.tag;
    const target = this.releaseCommit;
    const onRemote = this.remoteTags.get(tag);
    const conflict = (where: string, at: Sha) =>
      new SlipwayError('RELEASE_FAILED', `tag ${tag} already exists ${where} and points at ${at.slice(0, 7)}, not at this plan's release commit${target ? ` ${target.slice(0, 7)}` : ''}`, {
        subject: tag,
        hint:
          where === 'on the remote'
            ? 'a pushed tag is never moved: if that release is wrong, plan a new version; if the tag was pushed by mistake, delete it on the remote yourself and rerun'
            : `if the local tag is a leftover, delete it (git tag -d ${tag}) and rerun`,
      });
    if (onRemote !== undefined) {
      if (target !== undefined && onRemote === target) return { status: 'already-done', detail: `${tag} is on the remote at ${target.slice(0, 7)}`, sha: target };
      if (target !== undefined || !this.input.dryRun) throw conflict('on the remote', onRemote);
    }
    this.localTags ??= await readLocalTags(this.cwd, this.plan.releases.map((r) => r.tag));
    const local = this.localTags.get(tag);
    if (target === undefined) {
      // Only in a dry run: the release commit is not made yet.
      if (onRemote !== undefined || local !== undefined) throw conflict(onRemote !== undefined ? 'on the remote' : 'here', (onRemote ?? local)!);
      return { status: 'dry-run', detail: `create annotated tag ${tag} on the release commit` };
    }
    if (local === target) return { status: 'already-done', detail: `${tag} points at the release commit ${target.slice(0, 7)}`, sha: target };
    if (local !== undefined) {
      // A tag on an earlier incarnation of this plan's release commit (replayed since, never
      // pushed — the push is atomic) is ours to move; any other tag is someone else's.
      if (planHashInMessage(await commitMessage(this.cwd, local)) !== this.plan.hash) throw conflict('here', local);
      if (this.input.dryRun) return { status: 'dry-run', detail: `move ${tag} from ${local.slice(0, 7)} to ${target.slice(0, 7)}` };
      await createAnnotatedTag(this.cwd, tag, target, tagMessage(release, this.plan.hash), { force: true });
      this.localTags.set(tag, target);
      return { status: 'done', detail: `moved ${tag} from the replayed ${local.slice(0, 7)} to ${target.slice(0, 7)}`, sha: target };
    }
    if (this.input.dryRun) return { status: 'dry-run', detail: `create annotated tag ${tag} on ${target.slice(0, 7)}` };
    await createAnnotatedTag(this.cwd, tag, target, tagMessage(release, this.plan.hash));
    this.localTags.set(tag, target);
    return { status: 'done', detail: `created ${tag} on ${target.slice(0, 7)}`, sha: target };
  }

  private async push(): Promise<Outcome> {
    const { remote, branch } = releaseTarget(this.input.config);
    const tags = this.plan.releases.map((r) => r.tag);
    let target = this.releaseCommit;
    if (target === undefined) return { status: 'dry-run', detail: `push the release commit and ${tags.length} tags to ${remote}/${branch} atomically` };
    const missing = () => tags.filter((t) => this.remoteTags.get(t) !== target);
    if (this.releaseCommitOnRemote && missing().length === 0) return { status: 'already-done', detail: `${remote}/${branch} has ${target.slice(0, 7)} and all ${tags.length} tags`, sha: target };
    if (this.input.dryRun) return { status: 'dry-run', detail: `git push --atomic ${remote} ${target.slice(0, 7)}:${branch} and ${missing().length} tags` };

    for (let attempt = 1; ; attempt++) {
      const tagsToPush = missing();
      const branchTip = this.snapshotCommit ?? target;
      const refspecs = [...(this.releaseCommitOnRemote ? [] : [`${branchTip}:refs/heads/${branch}`]), ...tagsToPush.map((t) => `refs/tags/${t}:refs/tags/${t}`)];
      const outcome = await pushAtomic(this.cwd, remote, refspecs);
      if (outcome.ok) {
        for (const t of tags) this.remoteTags.set(t, target);
        this.releaseCommitOnRemote = true;
        const replayed = attempt > 1 ? ` (replayed onto ${attempt - 1} concurrent push${attempt > 2 ? 'es' : ''})` : '';
        return { status: 'done', detail: `pushed ${target.slice(0, 7)} and ${tagsToPush.length} tags to ${remote}/${branch}${replayed}`, sha: target };
      }
      if (outcome.reason === 'rejected' || attempt >= PUSH_ATTEMPTS) {
        throw new SlipwayError('RELEASE_FAILED', `${remote} refused the push of the release: ${outcome.message}`, {
          subject: `${remote}/${branch}`,
          hint: 'nothing was pushed (the push is atomic); fix the cause (branch protection, hooks, permissions) and rerun: the release commit and tags are reused',
        });
      }
      target = await this.replayOntoRemote(remote, branch);
    }
  }

  /**
   * The remote branch moved while we released. If its new commits touch no planned plugin, the
   * release commit is replayed on top of them and the (never pushed) tags follow it; otherwise
   * the plan is stale.
   */
  private async replayOntoRemote(remote: GitRemoteName, branch: GitRefName): Promise<Sha> {
    const tip = await fetchBranch(this.cwd, remote, branch);
    const commits = await readLog(this.cwd, { to: tip, exclude: [this.plan.baseSha] });
    const history = checkHistory(this.plan, commits, this.input.state.router);
    if (history.stale.length) {
      const error = staleError(this.plan, history.stale);
      throw new SlipwayError('PLAN_STALE', `${error.message} (pushed to ${remote}/${branch} while releasing)`, {
        subject: error.subject,
        hint: `${error.hint}. Nothing was pushed; drop the local release commit and tags first (git reset --hard ${remote}/${branch}; git tag -d <the plan's tags>)`,
      });
    }
    this.releaseCommit = await this.replayOnto(tip);
    if (this.snapshotCommit !== undefined) this.snapshotCommit = await this.findSnapshotCommit();
    this.reporter.info(`  ${remote}/${branch} moved on to ${tip.slice(0, 7)}; replayed the release commit as ${this.releaseCommit.slice(0, 7)}`);
    for (const release of this.plan.releases) {
      await createAnnotatedTag(this.cwd, release.tag, this.releaseCommit, tagMessage(release, this.plan.hash), { force: true });
      this.localTags?.set(release.tag, this.releaseCommit);
    }
    return this.releaseCommit;
  }

  /** Replays the unpushed local commits onto `onto` and returns the release commit's new SHA (found by its trailer). */
  private async replayOnto(onto: Sha): Promise<Sha> {
    await rebaseOnto(this.cwd, onto);
    const replayed = (await readLog(this.cwd, { to: 'HEAD', exclude: [onto] })).find((c) => planHashInMessage(c.message) === this.plan.hash);
    if (!replayed) throw new SlipwayError('RELEASE_FAILED', `the release commit is missing after replaying onto ${onto.slice(0, 7)}`, { hint: 'inspect `git log`; rerun to start from what is there' });
    return replayed.sha;
  }

  // --- GitHub Releases and publishing ------------------------------------------------------

  private async githubTarget(): Promise<{ releases: GitHubReleases; existing?: Map<string, ExistingRelease> } | { skipped: string }> {
    return (this.github ??= await this.makeGitHubTarget());
  }

  private async makeGitHubTarget(): Promise<{ releases: GitHubReleases } | { skipped: string }> {
    const { options, config, env } = this.input;
    if (!config.release.githubRelease) return { skipped: 'GitHub Releases are turned off (release.githubRelease: false in slipway.yml)' };
    const github = options.github ?? {};
    const client = github.client ?? (github.token ? createGitHubClient({ token: github.token, baseUrl: github.baseUrl, log: (line) => this.reporter.debug(line) }) : undefined);
    if (!client) return { skipped: 'no GitHub token (GITHUB_TOKEN): GitHub Releases are skipped' };
    const repository = github.repository ?? env['GITHUB_REPOSITORY'] ?? (await githubRepositoryOf(this.cwd, config.release.remote));
    if (!repository) return { skipped: 'no GitHub repository (the remote is not on github.com; pass the repository): GitHub Releases are skipped' };
    return { releases: githubReleases(client, repository) };
  }

  private async githubRelease(release: PlannedRelease): Promise<Outcome> {
    const target = await this.githubTarget();
    if ('skipped' in target) {
      if (!this.warned.has(target.skipped)) this.reporter.warn(target.skipped);
      this.warned.add(target.skipped);
      return { status: 'skipped', detail: target.skipped };
    }
    // One batched read for every planned tag, at the first release step.
    target.existing ??= await target.releases.find(this.plan.releases.map((r) => r.tag));
    const content = githubReleaseContent(release);
    const found = target.existing.get(release.tag);
    if (found && !found.draft && found.body === content.body && found.name === content.name && found.prerelease === content.prerelease) {
      return { status: 'already-done', detail: `${release.tag} has its GitHub Release`, id: found.id, url: found.url };
    }
    if (this.input.dryRun) return { status: 'dry-run', detail: `${found ? 'update' : 'create'} the GitHub Release ${content.name}${content.prerelease ? ' (prerelease)' : ''} in ${target.releases.repository}` };
    const made = found
      ? await target.releases.update(found.id, content)
      : await target.releases.create({ ...content, target: this.releaseCommit! });
    target.existing.set(release.tag, made);
    return { status: 'done', detail: `${found ? 'updated' : 'created'} the GitHub Release ${content.name}`, id: made.id, url: made.url };
  }

  /** The publisher and the folder it runs in: slipway.yml's command in the unit's folder, else the ecosystem's default. */
  private async publisherFor(release: PlannedRelease): Promise<{ client: RegistryClient; root: string; dir: string } | { skipped: string }> {
    const { options, config } = this.input;
    const root = this.cwd;
    const unitDir = join(root, release.path);
    if (config.commands.publish) {
      const client = this.cachedPublisher('configured', () => commandPublisher(config.commands.publish!));
      return { client, root, dir: unitDir };
    }
    const fallback = await strategyFor(release.ecosystem).publishDefault(root, { path: release.path });
    switch (fallback.kind) {
      case 'npm-registry':
        return {
          client: this.cachedPublisher('npm', () => npmRegistry({ registry: options.registry?.url ?? config.release.registry ?? DEFAULT_NPM_REGISTRY, token: options.registry?.token })),
          root,
          dir: unitDir,
        };
      case 'command':
        return {
          client: this.cachedPublisher(`${fallback.command}`, () => commandPublisher(fallback.command, fallback.alreadyPublished ? { alreadyPublished: fallback.alreadyPublished } : {})),
          root,
          dir: fallback.cwd,
        };
      case 'none':
        return { skipped: fallback.reason };
    }
  }

  private cachedPublisher(key: string, make: () => RegistryClient): RegistryClient {
    let publisher = this.publishers.get(key);
    if (!publisher) this.publishers.set(key, (publisher = make()));
    return publisher;
  }

  /**
   * Runs `work` in the publisher's folder as it is at the release commit. After the SNAPSHOT
   * commit the working tree says 1.9.9-SNAPSHOT, so the build is run from a detached checkout of
   * the release commit instead (built from exactly what was tagged).
   */
  private async fromReleaseCommit<T>(release: PlannedRelease, found: { root: string; dir: string }, work: (dir: string) => Promise<T>): Promise<T> {
    if (release.nextSnapshot === undefined || this.releaseCommit === undefined || (await headSha(this.cwd)) === this.releaseCommit) return work(found.dir);
    const parent = await temporaryFolder();
    const checkout = join(parent, 'release');
    const remove = await detachedWorktree(this.cwd, checkout, this.releaseCommit);
    try {
      return await work(join(checkout, found.dir.slice(found.root.length)));
    } finally {
      await remove();
      await rm(parent, { recursive: true, force: true });
    }
  }

  private async publish(release: PlannedRelease): Promise<Outcome> {
    const found = await this.publisherFor(release);
    if ('skipped' in found) {
      if (!this.warned.has(found.skipped)) this.reporter.warn(found.skipped);
      this.warned.add(found.skipped);
      return { status: 'skipped', detail: found.skipped };
    }
    const publisher = found.client;
    const where = publisher.destination;
    if ((await publisher.isPublished(release.name, release.to)) === true) {
      return { status: 'already-done', detail: `${release.name}@${release.to} is already on ${where}`, url: where };
    }
    if (this.input.dryRun) return { status: 'dry-run', detail: `publish ${release.name}@${release.to} to ${where}` };
    // Provenance needs GitHub's OIDC token, which only a job with `id-token: write` has.
    const provenance = release.ecosystem === 'npm' && !!this.input.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
    // Read once, after the release commit: what each `workspace:` range is published as.
    if (release.ecosystem === 'npm') this.workspaceVersions ??= workspacePackageVersions(this.cwd);
    const workspaceVersions = release.ecosystem === 'npm' ? await this.workspaceVersions : undefined;
    // changesets' `access` (.changeset/config.json) keeps meaning what it meant to the team.
    this.changesetAccess ??= readChangesets(this.cwd, []).then((c) => c.config.access);
    const access = release.ecosystem === 'npm' ? await this.changesetAccess : undefined;
    const distTag = this.input.options.registry?.distTag ?? this.input.config.release.distTag;
    const result = await this.fromReleaseCommit(release, found, (dir) =>
      publisher.publish({ name: release.name, version: release.to, dir, ...(workspaceVersions ? { workspaceVersions } : {}) }, { provenance, ...(access ? { access } : {}), ...(distTag ? { distTag } : {}) }),
    );
    return {
      status: result.status === 'already-published' ? 'already-done' : 'done',
      detail: `${result.status === 'already-published' ? 'already on' : 'published to'} ${where}${result.distTag ? ` (dist-tag ${result.distTag})` : ''}${provenance ? ' with provenance' : ''}`,
      url: where,
    };
  }
}

/**
 * Every npm registry the plan publishes to answers and takes the token, checked before the first
 * write (a configured command is the maintainers' own: it has nothing to ask beforehand).
 */
async function checkRegistries(cwd: string, plan: ReleasePlan, options: ReleaseJobOptions, config: SlipwayConfig): Promise<void> {
  if (config.commands.publish) return;
  for (const release of plan.releases) {
    if (release.private) continue;
    if ((await strategyFor(release.ecosystem).publishDefault(cwd, { path: release.path })).kind !== 'npm-registry') continue;
    await npmRegistry({ registry: options.registry?.url ?? config.release.registry ?? DEFAULT_NPM_REGISTRY, token: options.registry?.token }).checkAccess?.(release.name);
    return;
  }
}

/** Counterpart of ReleaseRun.publish: see fromReleaseCommit. */
async function temporaryFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'slipway-publish-'));
}

/** owner/name of a github.com remote, for GitHub Releases when no repository is given. */
async function githubRepositoryOf(cwd: string, remote: string): Promise<string | undefined> {
  const url = await repositoryUrl(cwd, remote);
  return url?.replace(/^https:\/\/github\.com\//, '');
}
