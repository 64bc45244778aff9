/**
 * The validate job: for each plugin of a plan (in a release) or each plugin a pull request's
 * commits touch, check its manifest, its next version, its commit messages and its build and
 * test commands. The checks are pure (src/core/validate); this reads their inputs, runs the
 * commands, prints the findings (annotations on file and line) and returns the report.
 */
import pMap from 'p-map';
import { join } from 'node:path';
import { loadConfig } from '../adapters/config-file.ts';
import { discoverFleet } from '../adapters/fleet.ts';
import { readLog, readTags } from '../adapters/git.ts';
import { unreleasedOfPlugins } from './history/fleet-log.ts';
import { catalogInUse } from '../adapters/validate/catalog-in-use.ts';
import { readManifestInputs } from '../adapters/validate/manifest-inputs.ts';
import { runPluginCommand } from '../adapters/validate/run-plugin-command.ts';
import type { RootInstall } from '../adapters/ecosystems/command-defaults.ts';
import { chosenInstall, chosenUnitCommand } from './commands/chosen-commands.ts';
import { commandFailure, outcomeWords, seconds } from './commands/command-report.ts';
import { runInstall } from './commands/run-install.ts';
import { strategyFor } from '../adapters/ecosystems/strategy.ts';
import type { SlipwayConfig } from '../core/config/schema.ts';
import { SlipwayError } from '../core/errors.ts';
import { readReleaseHistory } from '../core/history/last-release.ts';
import { pathRouter, type PathRouter } from '../core/history/route-commits.ts';
import type { ReleasePlan } from '../core/plan/release-plan.ts';
import type { Reporter } from '../core/reporter.ts';
import type { Ecosystem, Plugin, PluginName, RawCommit } from '../core/types.ts';
import { lintCommits, lintPullRequestTitle, type CommitLintRules } from '../core/validate/commit-lint.ts';
import { allFindings, type CheckOutcome, type Finding, type PluginValidation, type ValidateContext, type ValidationReport } from '../core/validate/finding.ts';
import { checkManifest } from '../core/validate/manifest-completeness.ts';
import { checkPlannedVersion } from '../core/validate/version-sanity.ts';
import { tagFormatFor } from '../core/history/tag-format.ts';
import { planRelease } from './plan.ts';
import { preflight } from './release/preflight.ts';

export interface ValidateOptions {
  cwd: string;
  reporter: Reporter;
  context: ValidateContext;
  /** Pull requests: the commits to lint, and whose plugins to check (`git log base..head`). */
  range?: { base: string; head: string } | undefined;
  /** Pull requests: the title, which a squash merge makes the commit message. */
  prTitle?: string | undefined;
  /** A plan to check (e.g. read from a file); planned from the repository when absent. */
  plan?: ReleasePlan | undefined;
  /** Only these plugins (by name). */
  only?: readonly string[] | undefined;
  /** Run the build and test commands (default true). */
  runCommands?: boolean | undefined;
  prerelease?: string | undefined;
  config?: SlipwayConfig | undefined;
}

export interface ValidateResult {
  report: ValidationReport;
  plan: ReleasePlan;
}

export async function validateFleet(options: ValidateOptions): Promise<ValidateResult> {
  const { cwd, reporter, context } = options;
  if (context === 'pull-request' && !options.range) {
    throw new SlipwayError('USAGE', 'validate on a pull request needs the range of its commits', {
      subject: 'base..head',
      hint: 'pass the pull request\'s base and head commits (--base/--head, or the action reads them from the pull_request event)',
    });
  }
  const config = options.config ?? (await loadConfig(cwd));
  const quiet = quietReporter(reporter);
  const [planned, tags] = await Promise.all([
    // A given plan gets the release's preflight here; planRelease runs it on the plan it makes.
    options.plan ? preflight({ cwd, plan: options.plan, changelogName: config.release.changelog, now: new Date() }).then(() => discoverFleet(cwd, config)).then((fleet) => ({ plan: options.plan!, fleet })) : planRelease({ cwd, reporter: quiet, config, prerelease: options.prerelease }),
    readTags(cwd, options.range?.head ?? 'HEAD'),
  ]);
  const { plan, fleet } = planned;
  const { histories } = readReleaseHistory(fleet.plugins, tags, tagFormatFor(config, fleet));
  const rules: CommitLintRules = { types: [...new Set([...config.validate.types, ...Object.keys(config.versioning.releaseTypes)])], headerMaxLength: config.validate.headerMaxLength };
  const commitLevel = context === 'pull-request' ? config.validate.commits.pullRequest : config.validate.commits.release;

  // Which plugins, and the commits to lint for each.
  const router = pathRouter(fleet.plugins);
  const general: Finding[] = [];
  let commitsOf: Map<PluginName, RawCommit[]>;
  let selected: Plugin[];
  if (context === 'pull-request') {
    const commits = await readLog(cwd, { to: options.range!.head, exclude: [options.range!.base] });
    reporter.debug(`pull request: ${commits.length} commit(s) in ${options.range!.base.slice(0, 7)}..${options.range!.head.slice(0, 7)}`);
    commitsOf = commitsByPlugin(commits, router);
    const outside = commits.filter((c) => !c.files.some((file) => router.pluginFor(file) !== undefined));
    if (commitLevel !== 'off') general.push(...lintCommits(outside, rules, commitLevel));
    if (options.prTitle !== undefined && config.validate.prTitle !== 'off') general.push(...lintPullRequestTitle(options.prTitle, rules, config.validate.prTitle));
    selected = fleet.plugins.filter((p) => commitsOf.has(p.name));
  } else {
    const names = new Set<string>(plan.releases.map((r) => r.name));
    selected = fleet.plugins.filter((p) => names.has(p.name));
    commitsOf = selected.length ? (await unreleasedOfPlugins(cwd, 'HEAD', selected, histories, router, reporter)).unreleased : new Map();
  }
  if (options.only?.length) {
    const wanted = new Set(options.only);
    selected = selected.filter((p) => wanted.has(p.name));
  }

  const releaseOf = new Map(plan.releases.map((r) => [r.name, r]));
  const tagCommits = new Map<string, string>(tags.map((t) => [t.name, t.commit]));
  // On a pull request, manifests as the pull request leaves them; else as committed.
  const manifests = await readManifestInputs(cwd, selected, config, options.range?.head ?? 'HEAD');
  const profile = config.validate.profile === 'auto' ? ((await catalogInUse(cwd, config)) ? 'catalog' : 'package') : config.validate.profile;

  const plugins: PluginValidation[] = selected.map((plugin) => {
    const release = releaseOf.get(plugin.name);
    const checks: PluginValidation['checks'] = {};
    const reading = manifests.get(plugin.name)!;
    checks.manifest = reading.ok
      ? { findings: checkManifest(reading.input, { pluginManifest: config.validate.pluginManifest, profile, private: plugin.private }) }
      : { findings: [unreadableManifest(reading.error, plugin)] };
    if (release) {
      const located = reading.ok ? reading.input.locate(plugin.manifestFile, versionPath(plugin)) : undefined;
      checks.version = {
        findings: checkPlannedVersion({
          release,
          history: histories.get(plugin.name),
          tags: tagCommits,
          manifestVersion: plugin.version,
          versionAt: { file: plugin.manifestFile, line: located?.exact ? located.line : undefined },
        }),
        note: `${release.from} → ${release.to} (${release.bump})`,
      };
    } else {
      checks.version = { findings: [], skipped: 'no release planned' };
    }
    const commits = commitsOf.get(plugin.name) ?? [];
    checks.commits = commitLevel === 'off'
      ? { findings: [], skipped: 'commit lint is off' }
      : { findings: lintCommits(commits, rules, commitLevel), note: `${commits.length} commit${commits.length === 1 ? '' : 's'}` };
    return { plugin: plugin.name, version: plugin.version, ...(release ? { next: release.to } : {}), checks };
  });

  if (options.runCommands !== false) await runCommands(cwd, config, fleet.ecosystem, selected, plugins, general, reporter);

  const report: ValidationReport = { context, plugins, general };
  printFindings(report, reporter);
  return { report, plan };
}

/**
 * Build, then test (not when the build failed), per plugin; a few plugins at a time. slipway.yml's
 * commands win; otherwise the ecosystem's defaults (npm: the package manager runs the package's
 * own scripts). The install runs once at the root first, and only when some plugin has a command.
 */
async function runCommands(cwd: string, config: SlipwayConfig, ecosystem: Ecosystem, selected: readonly Plugin[], results: PluginValidation[], general: Finding[], reporter: Reporter): Promise<void> {
  const defaults = await strategyFor(ecosystem).commandDefaults(cwd);
  if (defaults.tool) reporter.info(`package manager: ${defaults.tool}`);
  const timeoutMs = config.validate.timeoutMinutes * 60_000;
  const byName = new Map(results.map((r) => [r.plugin, r]));
  const commandsOf = new Map(
    await Promise.all(
      selected.map(async (plugin) => [plugin.name, { build: await chosenUnitCommand(config.commands.build, 'build', () => defaults.build(plugin)), test: await chosenUnitCommand(config.commands.test, 'test', () => defaults.test(plugin)) }] as const),
    ),
  );
  const anyCommand = [...commandsOf.values()].some((c) => 'command' in c.build || 'command' in c.test);
  const installFailed = anyCommand ? await install(cwd, config, defaults.install, general, reporter) : undefined;

  const run = async (plugin: Plugin, kind: 'build' | 'test', command: string): Promise<CheckOutcome> => {
    const result = await runPluginCommand({ command, dir: join(cwd, plugin.path), name: plugin.name, version: byName.get(plugin.name)!.next ?? plugin.version, timeoutMs });
    await reporter.group(`${kind} ${plugin.name}: ${result.command} (${outcomeWords(result)})`, async () => {
      if (result.output) reporter.info(result.output);
    });
    return result.ok
      ? { findings: [], note: seconds(result.durationMs) }
      : { findings: [{ check: kind, severity: 'error', message: commandFailure(kind, result, config.validate.timeoutMinutes), file: plugin.manifestFile }] };
  };
  let done = 0;
  await pMap(
    selected,
    async (plugin) => {
      const checks = byName.get(plugin.name)!.checks;
      const { build, test } = commandsOf.get(plugin.name)!;
      if (installFailed) checks.build = { findings: [], skipped: installFailed };
      else checks.build = 'command' in build ? await run(plugin, 'build', build.command) : { findings: [], skipped: build.skipped };
      if (installFailed) checks.test = { findings: [], skipped: installFailed };
      else if (!('command' in test)) checks.test = { findings: [], skipped: test.skipped };
      else if (checks.build.findings.length) checks.test = { findings: [], skipped: 'the build failed' };
      else checks.test = await run(plugin, 'test', test.command);
      reporter.progress('build and test', ++done, selected.length);
    },
    { concurrency: config.validate.concurrency },
  );
}

/**
 * The install, once at the root (see ./commands/chosen-commands.ts for which). Returns why the
 * builds and tests cannot run when it failed.
 */
async function install(cwd: string, config: SlipwayConfig, fallback: RootInstall | undefined, general: Finding[], reporter: Reporter): Promise<string | undefined> {
  const choice = await chosenInstall(config.commands.install, fallback);
  if ('skipped' in choice) {
    if (choice.dependenciesInPlace) reporter.info(`install: ${choice.skipped}`);
    return undefined;
  }
  const result = await runInstall(cwd, choice, config.validate.timeoutMinutes, reporter);
  if (result.ok) return undefined;
  general.push({ check: 'build', severity: 'error', message: result.message });
  return `the install \`${result.command}\` failed`;
}

/** Annotations: each finding once (a commit touching two plugins is one annotation). */
function printFindings(report: ValidationReport, reporter: Reporter): void {
  const seen = new Set<string>();
  for (const f of allFindings(report)) {
    const key = `${f.commit ?? f.plugin}\0${f.message}`;
    if (f.commit && seen.has(key)) continue;
    seen.add(key);
    const where = { ...(f.file ? { file: f.file } : {}), ...(f.line ? { line: f.line } : {}), title: `${f.plugin ?? 'slipway'} ${f.check}` };
    const print: (message: string, w: typeof where) => void = f.severity === 'error' ? reporter.error : reporter.warn;
    print(f.plugin && !f.commit ? `${f.plugin}: ${f.message}` : f.message, where);
  }
}

function commitsByPlugin(commits: readonly RawCommit[], router: PathRouter): Map<PluginName, RawCommit[]> {
  const map = new Map<PluginName, RawCommit[]>();
  for (const commit of commits) {
    const touched = new Set<PluginName>();
    for (const file of commit.files) {
      const plugin = router.pluginFor(file);
      if (plugin !== undefined) touched.add(plugin);
    }
    for (const plugin of touched) map.set(plugin, [...(map.get(plugin) ?? []), commit]);
  }
  return map;
}

/** Where the version is written, for the annotation of a version finding. */
function versionPath(plugin: Plugin): string[] {
  if (plugin.ecosystem === 'python') return ['project', 'version'];
  return ['version'];
}

/** A manifest the catalog reader could not read (bad JSON/YAML, two plugin manifests): on the file it names. */
function unreadableManifest(error: SlipwayError, plugin: Plugin): Finding {
  const named = /^\s+- ([^\s:]+)(?::(\d+))?: /m.exec(error.message);
  const message = `${error.message.replace(/^catalog metadata is invalid:\n\s+- /, '')}${error.hint ? ` (${error.hint})` : ''}`;
  return { check: 'manifest', severity: 'error', message, file: named?.[1] ?? plugin.manifestFile, ...(named?.[2] ? { line: Number(named[2]) } : {}) };
}

/** The planner's own warnings belong to the plan job; validate reports findings only. */
function quietReporter(reporter: Reporter): Reporter {
  return { ...reporter, warn: (message) => reporter.debug(message), info: (message) => reporter.debug(message) };
}

/** Whether the report holds an error (validate then exits non-zero). */
export function failed(report: ValidationReport): boolean {
  return allFindings(report).some((f) => f.severity === 'error');
}
