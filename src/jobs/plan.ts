/**
 * The plan job: read the fleet, its tags and its history (one `git log`), and compute the
 * release plan. Writes nothing.
 */
import { loadConfig } from '../adapters/config-file.ts';
import { discoverFleet, type Fleet } from '../adapters/fleet.ts';
import { headSha, readLog, readTags, repositoryUrl, type TagWithDate } from '../adapters/git.ts';
import type { SlipwayConfig } from '../core/config/schema.ts';
import { readReleaseHistory } from '../core/history/last-release.ts';
import { pathRouter } from '../core/history/route-commits.ts';
import { MONOREPO_TAG_FORMAT, SINGLE_TAG_FORMAT, tagFormat, type TagFormat } from '../core/history/tag-format.ts';
import { unreleasedCommits } from '../core/history/unreleased-commits.ts';
import { assemblePlan } from '../core/plan/assemble-plan.ts';
import type { ReleasePlan } from '../core/plan/release-plan.ts';
import type { Reporter } from '../core/reporter.ts';
import type { PluginName, Sha } from '../core/types.ts';

export interface PlanOptions {
  cwd: string;
  prerelease?: string | undefined;
  /** Release date for changelogs (YYYY-MM-DD); default today (UTC). */
  date?: string | undefined;
  reporter: Reporter;
  /** Already loaded configuration (the release job passes its own). */
  config?: SlipwayConfig;
}

export interface PlanResult {
  plan: ReleasePlan;
  fleet: Fleet;
  config: SlipwayConfig;
}

export function tagFormatFor(config: SlipwayConfig, fleet: Pick<Fleet, 'single'>): TagFormat {
  return tagFormat(config.versioning.tagFormat ?? (fleet.single ? SINGLE_TAG_FORMAT : MONOREPO_TAG_FORMAT));
}

export async function planRelease(options: PlanOptions): Promise<PlanResult> {
  const { cwd, reporter } = options;
  const config = options.config ?? (await loadConfig(cwd));
  const [fleet, tags, baseSha, repoUrl] = await Promise.all([
    discoverFleet(cwd, config),
    readTags(cwd),
    headSha(cwd),
    repositoryUrl(cwd, config.release.remote),
  ]);
  const format = tagFormatFor(config, fleet);
  reporter.debug(`fleet: ${fleet.plugins.length} ${fleet.ecosystem} plugin(s), ${tags.length} tag(s), tag format ${format.pattern}`);

  const { histories, diagnostics } = readReleaseHistory(fleet.plugins, tags, format);
  for (const diagnostic of diagnostics) reporter.warn(diagnostic.message, { title: diagnostic.plugin });

  const releaseCommit = new Map<PluginName, Sha>();
  for (const [name, history] of histories) if (history.last) releaseCommit.set(name, history.last.commit);
  const exclude = oldestReleaseCommit(fleet.plugins.length, releaseCommit, tags);
  const commits = await readLog(cwd, { exclude: exclude ? [exclude] : [] });
  reporter.debug(`history: ${commits.length} commit(s) since ${exclude ? exclude.slice(0, 7) : 'the first commit'}`);

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
    date: options.date ?? new Date().toISOString().slice(0, 10),
    tagFormat: format,
    versioning: config.versioning,
    prerelease: options.prerelease,
    repoUrl,
    warnings: diagnostics.map((d) => d.message),
  });
  for (const commit of plan.ignoredCommits) reporter.warn(`commit ${commit.sha.slice(0, 7)} "${commit.header}" is ${commit.reason}; it is ignored`);
  return { plan, fleet, config };
}

/**
 * Where the single `git log` starts: the oldest of the plugins' last release commits. When a
 * plugin has never been released, its whole history counts, so the log has no lower bound.
 */
function oldestReleaseCommit(pluginCount: number, releaseCommit: ReadonlyMap<PluginName, Sha>, tags: readonly TagWithDate[]): Sha | undefined {
  if (releaseCommit.size < pluginCount) return undefined;
  const timeOf = new Map<Sha, number>(tags.map((tag) => [tag.commit, tag.commitTime]));
  let oldest: Sha | undefined;
  for (const commit of releaseCommit.values()) {
    if (oldest === undefined || (timeOf.get(commit) ?? 0) < (timeOf.get(oldest) ?? 0)) oldest = commit;
  }
  return oldest;
}
