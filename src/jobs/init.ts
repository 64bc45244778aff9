/**
 * The init job: set a repository up for slipway. Detects the fleet, writes slipway.yml (only
 * what differs from the defaults, with comments) and the starter workflows pointed at the
 * chosen slipway, and lists what is left for a person to do. Plans every file first; writes
 * none when any exists (unless forced) or in a dry run.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../adapters/config-file.ts';
import { discoverFleet, type Fleet } from '../adapters/fleet.ts';
import { strategyFor } from '../adapters/ecosystems/strategy.ts';
import { readJvmFacts } from '../adapters/init/jvm-facts.ts';
import { DEFAULT_JAVA_VERSION, jvmStarter, KESTRA_RELEASE_TYPES } from '../core/init/jvm-preset.ts';
import { currentBranch, readTags } from '../adapters/git.ts';
import { readChangesets } from '../adapters/changesets/read-changesets.ts';
import { anyCatalogManifest } from '../adapters/init/catalog-manifests.ts';
import { existingFiles, foreignWorkflows, writeFiles } from '../adapters/init/files.ts';
import { readReleasePleaseConfig, RELEASE_PLEASE_CONFIG } from '../adapters/init/release-please.ts';
import { readStarterWorkflows } from '../adapters/init/starter-workflows.ts';
import { configSchema, type SlipwayConfig } from '../core/config/schema.ts';
import { CONFIG_FILE } from '../core/config/parse-config.ts';
import { SlipwayError } from '../core/errors.ts';
import { defaultTagFormat, detectTagFormat } from '../core/init/detect-tag-format.ts';
import { differingSettings, mergeInitConfig, renderInitConfig } from '../core/init/init-config.ts';
import { nextSteps } from '../core/init/next-steps.ts';
import { ORG_STARTER } from '../core/init/org-starter.ts';
import { releasePleaseSettings } from '../core/init/release-please.ts';
import { parseActionRef, pointStarterAt, secretsUsed, STARTER_ACTION_REF } from '../core/init/starter-workflows.ts';
import type { Reporter } from '../core/reporter.ts';

export interface InitOptions {
  cwd: string;
  reporter: Reporter;
  /** OWNER/NAME@REF of slipway in the workflows; default slipway-dev/slipway@v1. */
  actionRef?: string | undefined;
  /** The core project (core.repository): enables the compat workflow. */
  core?: string | undefined;
  /** One Slack channel for every job (slack.release, slack.compat, slack.digest). */
  slackChannel?: string | undefined;
  notionDatabase?: string | undefined;
  environment?: string | undefined;
  /** The release branch; default the checked-out branch. */
  branch?: string | undefined;
  /** Starter workflow names (release, index, compat, digest, validate); default all that apply. */
  workflows?: readonly string[] | undefined;
  force?: boolean | undefined;
  dryRun?: boolean | undefined;
}

export interface InitFile {
  path: string;
  text: string;
  /** It exists: written only with force. */
  exists: boolean;
}

export interface InitResult {
  ecosystem: string;
  plugins: string[];
  files: InitFile[];
  outcome: 'written' | 'dry-run';
  steps: string[];
}

export async function initRepository(options: InitOptions): Promise<InitResult> {
  const { cwd, reporter } = options;
  const actionRef = parseActionRef(options.actionRef ?? STARTER_ACTION_REF);
  const base = await loadConfig(cwd);
  const releasePlease = await readReleasePleaseConfig(cwd);
  const releasePleaseFollowed = releasePleaseSettings(releasePlease);
  // release-please lists the packages it releases; a fleet slipway would find otherwise (the
  // root package.json as one plugin, or more workspace folders) would not release the same set.
  const listed = base.fleet.paths === undefined ? releasePleaseFollowed?.packages : undefined;
  const listedConfig: SlipwayConfig = listed ? { ...base, fleet: { ...base.fleet, ecosystem: listed.ecosystem, paths: listed.paths } } : base;
  const [found, tags, checkedOut, starters] = await Promise.all([discoverFleet(cwd, base).catch(() => undefined), readTags(cwd), currentBranch(cwd), readStarterWorkflows()]);
  const followsList = listed !== undefined && !samePaths(found?.plugins.map((p) => p.path) ?? [], listed.paths);
  const fleet = found && !followsList ? found : await discoverFleet(cwd, listedConfig);
  const names = fleet.plugins.map((p) => p.name);
  reporter.info(`found ${describeFleet(fleet, true)}: ${list(names)}`);

  // What differs from the defaults, and why.
  const reasons = new Map<string, string>();
  const wanted = structuredClone(base) as SlipwayConfig;
  const set = (path: string, value: unknown, reason: string) => {
    if (value === undefined) return;
    const keys = path.split('.');
    let target = wanted as unknown as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[keys.at(-1)!] = value;
    reasons.set(path, reason);
  };
  const detected = detectTagFormat(tags.map((t) => t.name), fleet.plugins, fleet.single);
  const fleetDefault = defaultTagFormat(fleet.single);
  if (detected && detected.pattern !== (base.versioning.tagFormat ?? fleetDefault)) {
    set('versioning.tagFormat', detected.pattern, `Your ${detected.tags} existing release tag(s) use this format (slipway's default here is ${fleetDefault}).`);
  }
  if (detected?.legacy.length && base.versioning.legacyTagFormats.length === 0) {
    set('versioning.legacyTagFormats', detected.legacy, 'Older release tags in other formats: read as releases, never written.');
  }
  if (wanted.versioning.tagFormat === fleetDefault) delete wanted.versioning.tagFormat;
  if (followsList) {
    if (found?.ecosystem !== listed.ecosystem) set('fleet.ecosystem', listed.ecosystem, 'The ecosystem of the packages release-please releases (release-please-config.json).');
    set('fleet.paths', listed.paths, 'The packages release-please releases (release-please-config.json "packages").');
  }
  if (releasePleaseFollowed) {
    set('versioning.dependents', releasePleaseFollowed.dependents, releasePleaseFollowed.dependentsReason);
    if (Object.keys(releasePleaseFollowed.releaseTypes).length) {
      set('versioning.releaseTypes', { ...releasePleaseFollowed.releaseTypes, ...base.versioning.releaseTypes }, "Commit types release-please's changelog sections release (or hide), as release-please-config.json says.");
    }
  } else if (releasePlease !== undefined) {
    reporter.warn(`${RELEASE_PLEASE_CONFIG} is not a release-please config object: slipway's own defaults for dependents and commit types are kept`);
  }
  if (options.branch) set('release.branch', options.branch, 'The branch releases are made from (--branch).');
  else if (checkedOut && checkedOut !== base.release.branch) set('release.branch', checkedOut, 'The branch releases are made from: the branch checked out when init ran.');
  const strategy = strategyFor(fleet.ecosystem);
  const jvm = strategy.jvm ? await readJvmFacts(cwd, fleet.ecosystem) : undefined;
  if (jvm) {
    if (jvm.coreProperty && jvm.coreProperty !== base.fleet.coreVersionProperty) {
      set('fleet.coreVersionProperty', jvm.coreProperty, `The property that names the core version the plugins build against, read from the build; the catalog records it as a minimum${jvm.coreValue ? ` (>=${jvm.coreValue})` : ''}.`);
    }
    const releaseTypes = { ...KESTRA_RELEASE_TYPES, ...base.versioning.releaseTypes };
    set('versioning.releaseTypes', releaseTypes, 'The Kestra convention: what lands in the jar (dependency bumps, metadata, docs, tests) releases a patch; the SNAPSHOT cycle\'s chore(version) commits never release.');
    if (jvm.coreProperty || base.fleet.coreVersionProperty !== 'coreVersion') {
      set('versioning.coreRaise', 'minor', 'A release that raises the required core version is a minor (as Kestra releases its plugins).');
    }
  }
  set('release.environment', options.environment, 'The Environment whose required reviewers approve releases (--environment).');
  set('core.repository', options.core, 'The core the plugins are built against; compat tests them against its develop branch (--core).');
  for (const job of ['release', 'compat', 'digest']) set(`slack.${job}`, options.slackChannel, 'The Slack channel of the release, compat and digest messages (--slack-channel).');
  set('digest.notionDatabase', options.notionDatabase, 'The Notion database the weekly digest writes a page per release to (--notion-database).');
  const checked = configSchema.safeParse(wanted);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new SlipwayError('USAGE', `${issue.path.join('.')}: ${issue.message}`, { subject: 'slipway init', hint: 'check the flag that sets it' });
  }
  const config = checked.data;

  const settings = differingSettings(config, reasons);
  const javaVersion = jvm?.javaVersion ?? DEFAULT_JAVA_VERSION;
  const header = [
    `slipway's settings, written by \`slipway init\`. Found: ${describeFleet(fleet)}`,
    `(${list(names)}).`,
    ...(jvm ? [`Java ${javaVersion} in the workflows (${jvm.javaVersion ? 'from the build' : 'no build file says; change java-version there'}); publishing runs ${publishLine(fleet)} from the build root.`] : []),
    'Only what differs from the defaults is here; every other key keeps its default',
    '(README.md › Configuration). Check it with `slipway plan`.',
  ];
  // No commands are written for a package manager: validate's defaults follow it (docs/validate.md#package-managers).
  const defaults = await strategy.commandDefaults(cwd);
  if (defaults.tool) {
    const line = `Package manager: ${defaults.tool}. validate ${defaults.install ? `installs with \`${defaults.install.command}\`` : 'installs nothing'} and runs each package's own build and test scripts with it (commands.* here would replace them).`;
    reporter.info(line);
    header.push('', line);
  }
  // A changesets team keeps its habits: pending changesets and .changeset/config.json are read as they are.
  const changesets = await readChangesets(cwd, names);
  if (changesets.present) {
    const groups = changesets.groups.fixed.length + changesets.groups.linked.length;
    const line = `Changesets: ${changesets.changesets.length} pending changeset(s) in .changeset/ are release intents (with the commits),${groups ? ` ${groups} fixed/linked group(s) from .changeset/config.json are version groups,` : ''} and each release deletes the changesets it used: keep writing them.`;
    reporter.info(line);
    header.push('', line);
  }

  // The starter workflows: compat only with a core to test against; index only for a fleet
  // listed in a catalog (its presence also turns on the catalog's validate checks).
  const compatSkipped = !config.core.repository && !options.workflows;
  const indexSkipped = !options.workflows && config.catalog.repository === undefined && !(await anyCatalogManifest(cwd, fleet.plugins));
  // The org release starter belongs in an organisation's central repository (init --org).
  const repositoryStarters = [...starters.keys()].filter((file) => file !== ORG_STARTER);
  const chosen = repositoryStarters.filter((file) => {
    const name = file.replace(/\.ya?ml$/, '');
    return options.workflows ? options.workflows.includes(name) : !(name === 'compat' && compatSkipped) && !(name === 'index' && indexSkipped);
  });
  for (const name of options.workflows ?? []) {
    if (!chosen.some((file) => file.replace(/\.ya?ml$/, '') === name)) {
      throw new SlipwayError('USAGE', `no starter workflow "${name}"`, { subject: '--workflows', hint: `choose from ${repositoryStarters.map((f) => f.replace(/\.ya?ml$/, '')).join(', ')}` });
    }
  }
  const starterText = (file: string) => {
    const text = pointStarterAt(starters.get(file)!, actionRef);
    return jvm ? jvmStarter(file, text, javaVersion) : text;
  };
  const foreign = await foreignWorkflows(cwd, chosen.map((file) => `.github/workflows/${file}`));
  const workflowPath = (file: string) => (foreign.has(`.github/workflows/${file}`) ? `.github/workflows/slipway-${file}` : `.github/workflows/${file}`);
  for (const path of foreign) reporter.info(`${path} is another tool's workflow: slipway's starter goes beside it as ${workflowPath(path.split('/').at(-1)!)} (remove the old one once slipway releases)`);
  const workflows = new Map(chosen.map((file) => [workflowPath(file), starterText(file)] as const));
  // With --force over a slipway.yml someone wrote, their comments and keys stay.
  const existingConfig = options.force ? await readFile(join(cwd, CONFIG_FILE), 'utf8').catch(() => undefined) : undefined;
  const configText = existingConfig === undefined ? renderInitConfig(header, settings) : mergeInitConfig(existingConfig, settings);
  const planned = [{ path: CONFIG_FILE, text: configText }, ...[...workflows].map(([path, text]) => ({ path, text }))];
  const existing = new Set(await existingFiles(cwd, planned.map((f) => f.path)));
  const files = planned.map((file) => ({ ...file, exists: existing.has(file.path) }));

  const steps = nextSteps({
    secrets: secretsUsed(new Map([...workflows].map(([path, text]) => [path.split('/').at(-1)!, text]))),
    environment: config.release.environment,
    branch: config.release.branch,
    files: ['slipway.yml', '.github/workflows'],
    slack: Boolean(config.slack.release || config.slack.compat || config.slack.digest),
    compatSkipped,
    indexSkipped,
  });

  if (options.dryRun) {
    for (const file of files) reporter.info(`would ${file.exists ? 'overwrite' : 'create'} ${file.path}`);
    return { ecosystem: fleet.ecosystem, plugins: names, files, outcome: 'dry-run', steps };
  }
  const clashes = files.filter((f) => f.exists).map((f) => f.path);
  if (clashes.length && !options.force) {
    throw new SlipwayError('USAGE', `${clashes.length} file(s) exist already and would be overwritten: ${clashes.join(', ')}`, {
      subject: cwd,
      hint: 'run again with --force to replace them, or move them aside first; --dry-run shows what init writes',
    });
  }
  await writeFiles(cwd, files);
  for (const file of files) reporter.info(`${file.exists ? 'overwrote' : 'created'} ${file.path}`);
  return { ecosystem: fleet.ecosystem, plugins: names, files, outcome: 'written', steps };
}

/** "one gradle build released as one unit (23 artifacts)", "4 npm plugins". */
function describeFleet(fleet: Fleet, sentence = false): string {
  const [first] = fleet.plugins;
  if (fleet.single && first && (first.artifacts?.length ?? 0) > 1) return `one ${fleet.ecosystem} build released as one unit, v{version}, with ${first.artifacts!.length} artifacts`;
  const count = fleet.single ? (sentence ? 'a repository that is one' : 'one') : sentence ? `a fleet of ${fleet.plugins.length}` : String(fleet.plugins.length);
  return `${count} ${fleet.ecosystem} plugin${fleet.plugins.length === 1 ? '' : 's'}`;
}

function publishLine(fleet: Fleet): string {
  return fleet.ecosystem === 'maven' ? '`mvn -B deploy`' : '`./gradlew publish` (`gradle publish` without a wrapper)';
}

const samePaths = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

const list = (names: readonly string[], shown = 5) => (names.length > shown ? `${names.slice(0, shown).join(', ')} and ${names.length - shown} more` : names.join(', '));
