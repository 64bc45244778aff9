/**
 * The plan job once its one `git log` is running (plan.ts starts it): the fleet's manifests
 * and the tags' reachability are read while git writes, then the log is routed, each plugin's
 * unreleased commits found and the plan assembled and checked.
 */
import { readChangesets } from '../../adapters/changesets/read-changesets.ts';
import { discoverFleet, type Fleet } from '../../adapters/fleet.ts';
import { branchesContaining, currentBranch, lastCommitWriting, repositoryUrl, withReachability } from '../../adapters/git.ts';
import { fileAt } from '../../adapters/git-release.ts';
import { strategyFor } from '../../adapters/ecosystems/strategy.ts';
import { branchAllowed, releaseBranches } from '../../core/config/release-branches.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import { readReleaseHistory, releasedElsewhere, withLineRelease, type ReleaseHistory } from '../../core/history/last-release.ts';
import type { DatedTag, ListedTag } from '../../core/history/log-range.ts';
import { pathRouter } from '../../core/history/route-commits.ts';
import { tagFormatFor } from '../../core/history/tag-format.ts';
import { unmatchedTagWarnings } from '../../core/history/unmatched-tags.ts';
import { assemblePlan } from '../../core/plan/assemble-plan.ts';
import type { ReleasePlan } from '../../core/plan/release-plan.ts';
import { selectPlugins } from '../../core/plan/select-plugins.ts';
import type { Reporter } from '../../core/reporter.ts';
import type { PluginName, Sha } from '../../core/types.ts';
import { unreleasedOfPlugins, type GuessedLog } from '../history/fleet-log.ts';
import type { PlanOptions, PlanResult } from '../plan.ts';
import { preflight } from '../release/preflight.ts';

export interface LogStarted {
  cwd: string;
  options: PlanOptions;
  config: SlipwayConfig;
  head: Sha;
  listed: readonly ListedTag[];
  guessed: GuessedLog;
  now: Date;
  /** Time since the plan started, for debug lines. */
  elapsed: () => string;
}

export async function planFromLog({ cwd, options, config, head, listed, guessed, now, elapsed }: LogStarted): Promise<PlanResult> {
  const { reporter } = options;
  const fleetRead = discoverFleet(cwd, config);
  // Which tags this line reaches (its last releases) is git's own walk, started once the
  // manifests are read: on two cores it then takes the core node leaves free while it waits for
  // the log, instead of competing with the log and the manifest reads (measured).
  const tagsRead = fleetRead.then(() => withReachability(cwd, head, listed));
  const [fleet, tags, repoUrl, branch] = await Promise.all([fleetRead, tagsRead, repositoryUrl(cwd, config.release.remote), currentBranch(cwd)]);
  const router = pathRouter(fleet.plugins);
  guessed.index.route(router);
  // Pending changesets (.changeset/*.md) and their fixed/linked groups are release intents too.
  const intents = await readChangesets(cwd, fleet.plugins.map((p) => p.name));
  const format = tagFormatFor(config, fleet);
  reporter.debug(`fleet: ${fleet.plugins.length} ${fleet.ecosystem} plugin(s), ${tags.length} tag(s), tag format ${format.pattern} (${elapsed()})`);

  const { histories, diagnostics } = readReleaseHistory(fleet.plugins, tags, format);
  for (const diagnostic of diagnostics) reporter.warn(diagnostic.message, { title: diagnostic.plugin });
  await adoptReleasesTaggedElsewhere(cwd, head, fleet, histories, reporter);
  const untagged = fleet.plugins.filter((plugin) => !histories.get(plugin.name)?.last);
  const tagWarnings = unmatchedTagWarnings({ untagged, tags: tags.map((t) => t.name), format, single: fleet.single, anyTagged: untagged.length < fleet.plugins.length });
  for (const warning of tagWarnings) reporter.warn(warning);

  const { commits, unreleased } = await unreleasedOfPlugins(cwd, head, fleet.plugins, histories, router, reporter, guessed);
  reporter.debug(`history: ${commits.length} commit(s) since the last releases (${elapsed()})`);
  const branchWarning = branchPolicyWarning(branch, config);
  const coreRaised = config.versioning.coreRaise === 'none' ? new Set<PluginName>() : await coreRaisedSince(cwd, fleet, histories, config);
  const assembled = assemblePlan({
    coreRaised,
    plugins: fleet.plugins,
    histories,
    unreleased,
    baseSha: head,
    date: options.date ?? now.toISOString().slice(0, 10),
    tagFormat: format,
    versioning: config.versioning,
    prerelease: options.prerelease,
    repoUrl,
    warnings: [...diagnostics.map((d) => d.message), ...tagWarnings, ...(branchWarning ? [branchWarning] : [])],
    overrides: options.overrides,
    intents,
    authors: config.release.changelogAuthors,
    messages: guessed.messages,
  });
  const plan = options.plugins?.length
    ? selectPlugins(assembled, options.plugins, fleet.plugins.map((p) => p.name), new Map(intents.changesets.map((c) => [c.file, c.releases.map((r) => r.name)])))
    : assembled;
  await refuseTakenTags(cwd, plan, tags);
  reporter.debug(`plan: ${plan.releases.length} release(s) (${elapsed()})`);
  if (branchWarning) reporter.warn(branchWarning);
  // What the release will need, checked now: a plan that cannot ship never reaches the approver.
  await preflight({ cwd, plan, changelogName: config.release.changelog, now });
  reporter.debug(`preflight: passed (${elapsed()})`);
  reportIgnored(plan, reporter);
  return { plan, fleet, config };
}

/**
 * A release this line made but tagged on another branch (the manifest here already says its
 * version) is this line's last release, from the commit on this line that wrote the version.
 */
async function adoptReleasesTaggedElsewhere(cwd: string, head: Sha, fleet: Fleet, histories: Map<PluginName, ReleaseHistory>, reporter: Reporter): Promise<void> {
  for (const { plugin, release } of releasedElsewhere(fleet.plugins, histories)) {
    const commit = await lastCommitWriting(cwd, head, plugin.version, plugin.manifestFile);
    const history = histories.get(plugin.name);
    if (!commit || !history) continue;
    histories.set(plugin.name, withLineRelease(history, release, commit));
    reporter.debug(`${plugin.name}: ${release.tag} is on another branch, but ${plugin.manifestFile} here says ${plugin.version}: released on this line at ${commit.slice(0, 7)}`);
  }
}

/** Releases ship only from the branches `release.branches` allows; planning elsewhere is fine, but says so. */
function branchPolicyWarning(branch: string | undefined, config: SlipwayConfig): string | undefined {
  const allowed = releaseBranches(config);
  if (branch === undefined || branchAllowed(branch, allowed)) return undefined;
  return `the checked-out branch "${branch}" is not a release branch (release.branches: ${allowed.join(', ')}); this plan cannot be released from it`;
}

/**
 * A version whose tag exists anywhere — on another branch, or a tag this line does not reach —
 * is never planned: it would collide with a release someone already made.
 */
async function refuseTakenTags(cwd: string, plan: ReleasePlan, tags: readonly DatedTag[]): Promise<void> {
  const byName = new Map(tags.map((tag) => [tag.name, tag]));
  for (const release of plan.releases) {
    const existing = byName.get(release.tag);
    if (!existing) continue;
    const branches = await branchesContaining(cwd, existing.commit);
    const where = branches.length ? `on ${branches.slice(0, 3).join(', ')}${branches.length > 3 ? ', …' : ''}` : 'on no branch';
    throw new SlipwayError('TAG_EXISTS', `${release.name} would be released as ${release.to}, but tag ${release.tag} already exists (${where}, commit ${existing.commit.slice(0, 7)})`, {
      subject: release.tag,
      hint: existing.reachable
        ? 'the tag is on this line but its version is not above the last release: check the tag format (versioning.tagFormat) and the manifest version'
        : `that release was made on another line; release this line with a version no one has tagged (e.g. --set ${release.name}=<version>), or plan on the branch that holds the tag`,
    });
  }
}

/**
 * The units whose core range differs from the one at their last release (versioning.coreRaise):
 * one `git show` per unit with a core range and a release — a repository is one or a few units.
 */
async function coreRaisedSince(cwd: string, fleet: Fleet, histories: ReadonlyMap<PluginName, ReleaseHistory>, config: SlipwayConfig): Promise<Set<PluginName>> {
  const raised = new Set<PluginName>();
  for (const plugin of fleet.plugins) {
    const last = histories.get(plugin.name)?.last;
    if (plugin.coreRange === undefined || !last) continue;
    const text = await fileAt(cwd, last.commit, plugin.manifestFile);
    if (text === undefined) continue;
    let before: string | undefined;
    try {
      before = strategyFor(plugin.ecosystem).coreRangeIn(text, plugin.manifestFile, config);
    } catch {
      continue; // a manifest that did not parse back then says nothing about a raise
    }
    if (before !== undefined && before !== plugin.coreRange) raised.add(plugin.name);
  }
  return raised;
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
