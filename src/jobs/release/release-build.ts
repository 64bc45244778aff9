/**
 * What publishing needs built, run before the release's first write (issue 14: "a release is
 * never left half-shipped by something a preflight could have seen"). The ship job's checkout
 * is fresh: no node_modules, no dist/. A package with `"files": ["dist"]` would be published
 * empty, and a `prepack` that needs devDependencies would fail after the tags are pushed.
 *
 * So, as validate does (./../commands/): the install once at the root when the dependencies are
 * missing, then each package's build (commands.build, else `<pm> run build` where the package
 * has that script), dependencies first. A failure throws BUILD_FAILED naming the package, the
 * command, the fix and the output's tail; the caller has written nothing yet.
 *
 * The builds run on the tree as it is: at the plan's base for a new release (nothing in a
 * planned plugin changed since, release-state.ts checked), at the release commit for a resumed
 * one. `{version}` and SLIPWAY_VERSION give a build the planned version.
 */
import pMap from 'p-map';
import { join } from 'node:path';
import type { UnitCommand } from '../../adapters/ecosystems/command-defaults.ts';
import { strategyFor } from '../../adapters/ecosystems/strategy.ts';
import { changedPaths } from '../../adapters/git-release.ts';
import { runPluginCommand } from '../../adapters/validate/run-plugin-command.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { PlannedRelease } from '../../core/plan/release-plan.ts';
import type { EntryStatus } from '../../core/release/journal.ts';
import { publishWaves } from '../../core/release/release-steps.ts';
import type { Reporter } from '../../core/reporter.ts';
import { chosenInstall, chosenUnitCommand } from '../commands/chosen-commands.ts';
import { commandFailure, outcomeWords } from '../commands/command-report.ts';
import { runInstall } from '../commands/run-install.ts';

export interface BuildOutcome {
  status: EntryStatus;
  detail: string;
}

export interface ReleaseBuildInput {
  cwd: string;
  config: SlipwayConfig;
  /** The releases whose publish is still to come (public, of an ecosystem that builds before release). */
  releases: readonly PlannedRelease[];
  /**
   * Dry run: say what would run, run nothing. A dry run of a release writes nothing, and an
   * install and builds write node_modules and dist/ into the checkout and can take minutes;
   * `slipway validate` is what runs the builds (and tests) without releasing.
   */
  dryRun: boolean;
  reporter: Reporter;
  /** Journals one entry (the release job's frame): `install`, or `build` of a plugin. */
  record(step: 'install' | 'build', plugin: string | undefined, work: () => Promise<BuildOutcome>): Promise<void>;
}

/** The releases a release builds before its first write: those it will publish, where the ecosystem needs it. */
export function releasesToBuild(releases: readonly PlannedRelease[]): PlannedRelease[] {
  return releases.filter((r) => !r.private && strategyFor(r.ecosystem).buildsBeforeRelease);
}

export async function buildBeforeRelease(input: ReleaseBuildInput): Promise<void> {
  const { cwd, config, reporter } = input;
  const [first] = input.releases;
  if (!first) return;
  // A fleet is one ecosystem (src/adapters/fleet.ts): its defaults are read once.
  const defaults = await strategyFor(first.ecosystem).commandDefaults(cwd);
  const chosen = await Promise.all(input.releases.map(async (release) => ({ release, build: await chosenUnitCommand(config.commands.build, 'build', () => defaults.build(release)) })));
  const builds = chosen.filter((c): c is { release: PlannedRelease; build: Extract<UnitCommand, { command: string }> } => 'command' in c.build);
  for (const c of chosen) if ('skipped' in c.build) reporter.debug(`build ${c.release.name}: ${c.build.skipped}`);
  // As in validate: no build, no install (a fleet of plain JavaScript needs neither).
  if (builds.length === 0) return;
  if (defaults.tool) reporter.info(`package manager: ${defaults.tool}`);

  const folders = [...new Set(input.releases.map((r) => r.path || '.'))];
  const changedBefore = new Set(await changedPaths(cwd, folders));
  await install(input, await chosenInstall(config.commands.install, defaults.install));

  // Dependencies first (the publish waves): a dependent's build may need what its dependency built.
  const waves = publishWaves(builds.map((b) => b.release));
  const order = [...new Set([...waves.values()])].sort((a, b) => a - b);
  let started = 0;
  let done = 0;
  for (const wave of order) {
    const failures: SlipwayError[] = [];
    await pMap(
      builds.filter((b) => waves.get(b.release.name) === wave),
      async ({ release, build }) => {
        const where = release.path || '.';
        if (!input.dryRun) reporter.info(`building ${release.name} (${++started}/${builds.length}): ${build.command} in ${where}`);
        await input.record('build', release.name, () => buildOne(input, release, build.command)).catch((error: unknown) => {
          if (!(error instanceof SlipwayError)) throw error;
          failures.push(error);
        });
        reporter.progress('build', ++done, builds.length);
      },
      { concurrency: config.validate.concurrency },
    );
    // Every build of the wave ran; a later wave may depend on a failed one, so it stops here.
    const [failure, ...more] = failures;
    if (failure) throw more.length ? new SlipwayError('BUILD_FAILED', [failure, ...more].map((f) => f.message).join('\n\n'), { subject: failure.subject, hint: failure.hint }) : failure;
  }
  if (!input.dryRun) await refuseUnignoredOutput(cwd, folders, changedBefore);
}

async function install(input: ReleaseBuildInput, choice: Awaited<ReturnType<typeof chosenInstall>>): Promise<void> {
  const { cwd, config, reporter } = input;
  if ('skipped' in choice) {
    if (choice.dependenciesInPlace) reporter.info(`install: ${choice.skipped}`);
    return;
  }
  await input.record('install', undefined, async () => {
    const source = choice.configured ? 'commands.install in slipway.yml' : 'node_modules is missing';
    if (input.dryRun) return { status: 'dry-run', detail: `run \`${choice.command}\` at the root (${source})` };
    reporter.info(`installing: ${choice.command} (${source})`);
    const result = await runInstall(cwd, choice, config.validate.timeoutMinutes, reporter);
    if (!result.ok) {
      throw new SlipwayError('BUILD_FAILED', result.message, {
        subject: 'install',
        hint: 'the release stopped before its first write: fix the install, then rerun the release with the same plan',
      });
    }
    return { status: 'done', detail: `ran \`${choice.command}\` at the root` };
  });
}

async function buildOne(input: ReleaseBuildInput, release: PlannedRelease, command: string): Promise<BuildOutcome> {
  const { cwd, config, reporter } = input;
  const where = release.path || '.';
  if (input.dryRun) return { status: 'dry-run', detail: `run \`${command}\` in ${where}` };
  const result = await runPluginCommand({ command, dir: join(cwd, release.path), name: release.name, version: release.to, timeoutMs: config.validate.timeoutMinutes * 60_000 });
  await reporter.group(`build ${release.name}: ${result.command} (${outcomeWords(result)})`, async () => {
    if (result.output) reporter.info(result.output);
  });
  if (result.ok) return { status: 'done', detail: `ran \`${result.command}\` in ${where} (${outcomeWords(result)})` };
  const fix = config.commands.build !== undefined ? 'fix commands.build in slipway.yml' : `fix the "build" script of ${where}/package.json`;
  throw new SlipwayError('BUILD_FAILED', `${release.name}: ${commandFailure('build', result, config.validate.timeoutMinutes)}`, {
    subject: release.name,
    hint: `the release stopped before its first write: ${fix} (try \`${result.command}\` in ${where}), then rerun the release with the same plan`,
  });
}

/**
 * Build output git does not ignore, in a planned plugin, would be refused by a rerun of the
 * release (uncommitted changes in planned plugins, see release-state.ts): say so now instead.
 */
async function refuseUnignoredOutput(cwd: string, folders: readonly string[], before: ReadonlySet<string>): Promise<void> {
  const left = (await changedPaths(cwd, folders)).filter((path) => !before.has(path)).sort();
  if (left.length === 0) return;
  throw new SlipwayError('BUILD_FAILED', `the install or a build left files that git does not ignore in planned plugins: ${left.slice(0, 10).join(', ')}${left.length > 10 ? `, and ${left.length - 10} more` : ''}`, {
    subject: left[0],
    hint: 'add the build output (dist/, node_modules/) to .gitignore and commit it; the release stopped before its first write',
  });
}
