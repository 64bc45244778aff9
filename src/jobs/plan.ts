/**
 * The plan job: read the fleet, its tags and its history (one `git log`), and compute the
 * release plan. Writes nothing.
 */
import { loadConfig } from '../adapters/config-file.ts';
import { discoverFleet, type Fleet } from '../adapters/fleet.ts';
import { headSha, readLog, readTags, repositoryUrl } from '../adapters/git.ts';
import type { SlipwayConfig } from '../core/config/schema.ts';
import { SlipwayError } from '../core/errors.ts';
import { readReleaseHistory } from '../core/history/last-release.ts';
import { guessLogStart, logCovers, logStart } from '../core/history/log-range.ts';
import { pathRouter } from '../core/history/route-commits.ts';
import { MONOREPO_TAG_FORMAT, SINGLE_TAG_FORMAT, tagFormat, tagFormatFor, type TagFormat } from '../core/history/tag-format.ts';
import { unreleasedCommits } from '../core/history/unreleased-commits.ts';
import { assemblePlan } from '../core/plan/assemble-plan.ts';
import type { ReleasePlan } from '../core/plan/release-plan.ts';
import type { Reporter } from '../core/reporter.ts';
import type { PluginName, Sha } from '../core/types.ts';
import { checkReleaseDate } from '../core/release/preflight.ts';
import { preflight } from './release/preflight.ts';

export interface PlanOptions {
  cwd: string;
  prerelease?: string | undefined;
  /** Release date for changelogs (YYYY-MM-DD); default today (UTC). */
  date?: string | undefined;
  reporter: Reporter;
  /** Already loaded configuration (the release job passes its own). */
  config?: SlipwayConfig;
  /** Now, for the default date and the date check (a parameter so specs never race the clock). */
  now?: Date;
}

export interface PlanResult {
  plan: ReleasePlan;
  fleet: Fleet;
  config: SlipwayConfig;
}

/** A prerelease channel becomes a semver identifier (1.3.0-<channel>.0): letters, digits and '-'. */
function checkPrereleaseChannel(channel: string): void {
  if (!/^[0-9A-Za-z-]+$/.test(channel)) {
    throw new SlipwayError('USAGE', `prerelease channel "${channel}" is not a semver identifier`, {
      subject: '--prerelease',
      hint: 'use letters, digits and "-" only, e.g. next, beta, rc',
    });
  }
}

/** The formats the tags may be in before we know whether the repository is one plugin. */
function guessFormats(config: SlipwayConfig): TagFormat[] {
  const configured = config.versioning.tagFormat;
  return configured ? [tagFormat(configured)] : [tagFormat(MONOREPO_TAG_FORMAT), tagFormat(SINGLE_TAG_FORMAT)];
}

export async function planRelease(options: PlanOptions): Promise<PlanResult> {
  const { cwd, reporter } = options;
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  const config = options.config ?? (await loadConfig(cwd));
  if (options.prerelease !== undefined) checkPrereleaseChannel(options.prerelease);
  const now = options.now ?? new Date();
  if (options.date !== undefined) checkReleaseDate(options.date, now);
  const tagsRead = readTags(cwd);
  // Start the one `git log` from a guess made from the tags while the manifests are read.
  const guessedStart = tagsRead.then((tags) => guessLogStart(tags, guessFormats(config)));
  const guessedLog = guessedStart.then((start) => readLog(cwd, { exclude: start ? [start] : [] }));
  guessedLog.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
  const [fleet, tags, repoUrl] = await Promise.all([discoverFleet(cwd, config), tagsRead, repositoryUrl(cwd, config.release.remote)]);
  const format = tagFormatFor(config, fleet);
  reporter.debug(`fleet: ${fleet.plugins.length} ${fleet.ecosystem} plugin(s), ${tags.length} tag(s), tag format ${format.pattern} (${elapsed()})`);

  const { histories, diagnostics } = readReleaseHistory(fleet.plugins, tags, format);
  for (const diagnostic of diagnostics) reporter.warn(diagnostic.message, { title: diagnostic.plugin });

  const releaseCommit = new Map<PluginName, Sha>();
  for (const [name, history] of histories) if (history.last) releaseCommit.set(name, history.last.commit);
  const start = logStart(fleet.plugins, releaseCommit, tags);
  let commits = await guessedLog;
  if (!logCovers(commits, await guessedStart, start)) {
    reporter.debug('history: the guessed start was too late; reading the log again');
    commits = await readLog(cwd, { exclude: start ? [start] : [] });
  }
  // The log starts at HEAD, so its first commit is the plan's base; an empty log needs asking.
  const baseSha = commits[0]?.sha ?? (await headSha(cwd));
  reporter.debug(`history: ${commits.length} commit(s) since ${start ? start.slice(0, 7) : 'the first commit'} (${elapsed()})`);

  const unreleased = unreleasedCommits({
    commits,
    router: pathRouter(fleet.plugins),
    releaseCommit,
    plugins: fleet.plugins.map((p) => p.name),
  });
  const plan = assemblePlan({
    plugins: fleet.plugins,
    histories,
    unreleased,
    baseSha,
    date: options.date ?? now.toISOString().slice(0, 10),
    tagFormat: format,
    versioning: config.versioning,
    prerelease: options.prerelease,
    repoUrl,
    warnings: diagnostics.map((d) => d.message),
  });
  reporter.debug(`plan: ${plan.releases.length} release(s) (${elapsed()})`);
  // What the release will need, checked now: a plan that cannot ship never reaches the approver.
  await preflight({ cwd, plan, changelogName: config.release.changelog, now });
  reportIgnored(plan, reporter);
  return { plan, fleet, config };
}

/** A few ignored commits by name, then a count: a 1,300-plugin fleet can have hundreds. */
function reportIgnored(plan: ReleasePlan, reporter: Reporter, shown = 5): void {
  const ignored = plan.ignoredCommits;
  for (const commit of ignored.slice(0, shown)) {
    reporter.warn(`commit ${commit.sha.slice(0, 7)} "${commit.header}" is ${commit.reason}; it is ignored`);
  }
  if (ignored.length > shown) {
    reporter.warn(`${ignored.length - shown} more commits are not Conventional Commits and are ignored (all are listed in the plan: --json or --markdown)`);
  }
}
