/**
 * The core, built once per run: checked out at a branch or tag, built with the configured
 * command into an artifact folder, and described by a `core.json` beside the built files so
 * that shards (on other machines, after an artifact download) know what they install.
 *
 *   <artifact>/develop/core.json   { build, ecosystem, tarball? }
 *   <artifact>/develop/*.tgz       npm: the packed core
 *   <artifact>/develop/repository  gradle/maven: a Maven repository holding only the core's artifacts,
 *                                  as installed (SNAPSHOTs under their -SNAPSHOT names)
 *   <artifact>/release/…           the released core, the same way
 */
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import semver from 'semver';
import { glob } from 'tinyglobby';
import type { CoreBuild, CoreChannel } from '../../core/compat/compat-run.ts';
import { COMPAT_STRATEGIES } from '../../core/compat/ecosystem-commands.ts';
import { fillPlaceholders } from '../../core/compat/placeholders.ts';
import { defaultConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import { ECOSYSTEMS, type Ecosystem } from '../../core/types.ts';
import { detectEcosystem } from '../ecosystems/detect-ecosystem.ts';
import { discoverFleet } from '../fleet.ts';
import { git } from '../git.ts';
import { readMavenReactor } from './maven-reactor.ts';
import { commandEnv, runCommand } from './run-command.ts';

/**
 * The time limit of building or installing the core: generous and apart from the per-plugin
 * test timeout, since without a core no plugin can be tested at all.
 */
export const CORE_TIMEOUT_MS = 60 * 60_000;

export interface CoreArtifact {
  build: CoreBuild;
  ecosystem: Ecosystem;
  /** The folder holding core.json and the built files. */
  dir: string;
  /** npm: the packed core, absolute. */
  tarball?: string;
}

interface CoreManifest {
  build: CoreBuild;
  ecosystem: Ecosystem;
  tarball?: string;
}

/** `owner/name` → a GitHub URL; a local folder → file:// (so shallow clones work); a URL as is. */
export function coreCloneUrl(repository: string, root: string, server = process.env['GITHUB_SERVER_URL'] ?? 'https://github.com'): string {
  // GitHub owners start with a letter or digit, so `../core` and `./core` are folders.
  if (/^[A-Za-z0-9][\w-]*\/[\w.-]+$/.test(repository) && !existsSync(resolve(root, repository))) return `${server}/${repository.replace(/\.git$/, '')}.git`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repository) || /^[\w.-]+@[\w.-]+:/.test(repository)) return repository;
  return pathToFileURL(isAbsolute(repository) ? repository : resolve(root, repository)).href;
}

/** The highest `v<semver>` (or bare semver) release tag of the core, prereleases left out. */
export async function latestReleaseTag(url: string): Promise<string> {
  let out: string;
  try {
    out = (await execa('git', ['ls-remote', '--tags', '--refs', '--', url])).stdout;
  } catch (error) {
    throw new SlipwayError('GIT_FAILED', `cannot list the core's tags: ${String((error as { stderr?: string }).stderr ?? error).split('\n')[0]}`, {
      subject: url,
      hint: 'check core.repository in slipway.yml and that this machine can read it',
      cause: error,
    });
  }
  const tags = out
    .split('\n')
    .map((line) => line.split('\trefs/tags/')[1])
    .filter((tag): tag is string => tag !== undefined && semver.valid(tag.replace(/^v/, '')) !== null && semver.prerelease(tag.replace(/^v/, '')) === null);
  const best = tags.sort((a, b) => semver.rcompare(a.replace(/^v/, ''), b.replace(/^v/, '')))[0];
  if (!best) {
    throw new SlipwayError('NOT_FOUND', 'the core has no release tag (v1.2.3) to compare with', {
      subject: url,
      hint: 'set compat.core.releaseRef in slipway.yml to the tag or branch of the released core',
    });
  }
  return best;
}

export interface BuildCoreOptions {
  /** The clone URL (see coreCloneUrl), or an existing checkout to build as it is. */
  source: { url: string; ref: string } | { checkout: string };
  channel: CoreChannel;
  /** The build command for the ecosystem the core checkout turns out to be; `{out}` is the artifact folder. */
  commandFor: (ecosystem: Ecosystem) => string;
  /** The ecosystem when the core checkout has no manifest slipway recognises (a custom build). */
  fallbackEcosystem: Ecosystem;
  /** The core's package name, when the manifest cannot say (gradle/maven multi-projects). */
  packageName?: string | undefined;
  /** The version plugins ask for, when set in slipway.yml (compat.core.version / releaseVersion). */
  version?: string | undefined;
  /** gradle/maven: the Maven local repository ({mavenLocal}); default ~/.m2/repository. */
  mavenLocal?: string | undefined;
  /** The artifact root; the build goes to <artifactDir>/<channel>. */
  artifactDir: string;
  workDir: string;
  /** Default CORE_TIMEOUT_MS. */
  timeoutMs?: number;
}

export async function buildCore(options: BuildCoreOptions): Promise<CoreArtifact> {
  const out = join(options.artifactDir, options.channel);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  let checkout: string;
  let ref: string;
  if ('checkout' in options.source) {
    checkout = options.source.checkout;
    ref = (await git(checkout, ['rev-parse', '--abbrev-ref', 'HEAD']).catch(() => 'HEAD')) || 'HEAD';
  } else {
    checkout = join(options.workDir, `core-src-${options.channel}`);
    await rm(checkout, { recursive: true, force: true });
    ref = options.source.ref;
    try {
      await execa('git', ['clone', '--quiet', '--depth', '1', '--single-branch', `--branch=${ref}`, '--', options.source.url, checkout]);
    } catch (error) {
      throw new SlipwayError('GIT_FAILED', `cannot check out the core at ${ref}: ${String((error as { stderr?: string }).stderr ?? error).split('\n')[0]}`, {
        subject: `${options.source.url}#${ref}`,
        hint: options.channel === 'develop' ? 'check core.repository and core.branch in slipway.yml' : 'check compat.core.releaseRef in slipway.yml',
        cause: error,
      });
    }
  }
  const sha = await git(checkout, ['rev-parse', 'HEAD']);
  const ecosystem = await detectEcosystem(checkout, defaultConfig()).catch(() => options.fallbackEcosystem);
  const strategy = COMPAT_STRATEGIES[ecosystem];
  const mavenLocal = options.mavenLocal ?? defaultMavenLocal();
  // What the manifests say, for {coreVersion} in the build command; the artifacts decide afterwards.
  const declared = await declaredCoreVersion(checkout, ecosystem, options.packageName);
  const template = options.commandFor(ecosystem);
  const command = fillPlaceholders(
    template,
    { out, coreVersion: options.version ?? declared.version, mavenLocal, gradle: await gradleCommand(checkout) },
    'compat.core.build',
  );
  const result = await runCommand({
    command,
    cwd: checkout,
    env: commandEnv({ SLIPWAY_CORE_OUT: out }),
    timeoutMs: options.timeoutMs ?? CORE_TIMEOUT_MS,
    logFile: join(options.workDir, 'logs', `core-${options.channel}.log`),
  });
  if (result.exitCode !== 0) {
    throw new SlipwayError('CORE_BUILD_FAILED', `building the ${options.channel} core (${ref}) ${result.timedOut ? 'timed out' : `failed with exit code ${result.exitCode}`}:\n${result.tail.trim().split('\n').slice(-15).join('\n')}`, {
      subject: `compat.core.build: ${command}`,
      hint: 'fix the core build or set compat.core.build; without a core there is nothing to test against',
    });
  }

  let version = options.version ?? declared.version;
  let name = options.packageName ?? declared.name;
  if (strategy.core === 'maven-repository') {
    const repository = join(out, 'repository');
    if (!existsSync(repository) && strategy.collectReactor) await collectReactor(checkout, mavenLocal, repository, command);
    await installDeployedSnapshots(repository);
    const produced = await producedArtifacts(repository);
    if (produced.length === 0) {
      throw new SlipwayError('CORE_BUILD_FAILED', `the ${options.channel} core build put no artifacts into {out}/repository`, {
        subject: `compat.core.build: ${command}`,
        hint: `a ${ecosystem} core build must leave a Maven repository holding the core's artifacts in {out}/repository (the default is \`${strategy.build ?? ''}\`)`,
      });
    }
    if (!options.version) ({ version, name } = producedVersion(produced, options.packageName, options.channel));
  }
  // Only a Maven repository resolves by version; elsewhere the commit names the build well enough.
  if (!version && strategy.core !== 'maven-repository') version = `${ref.replace(/^v(?=\d)/, '')}+g${sha.slice(0, 7)}`;
  if (!version) {
    throw new SlipwayError('CORE_BUILD_FAILED', `cannot tell which version the ${options.channel} core build (${ref}) produced`, {
      subject: options.channel === 'develop' ? 'compat.core.version' : 'compat.core.releaseVersion',
      hint: `set ${options.channel === 'develop' ? 'compat.core.version' : 'compat.core.releaseVersion'} in slipway.yml to the version plugins must ask for`,
    });
  }

  const build: CoreBuild = { channel: options.channel, ref, sha, version, ...(name ? { package: name } : {}) };
  const tarball = strategy.core === 'npm-tarball' ? (await readdir(out)).find((file) => file.endsWith('.tgz')) : undefined;
  if (strategy.core === 'npm-tarball' && !tarball) {
    throw new SlipwayError('CORE_BUILD_FAILED', `the ${options.channel} core build wrote no .tgz into {out}`, {
      subject: `compat.core.build: ${command}`,
      hint: 'for npm the build must pack the core into {out}, e.g. `npm pack --pack-destination {out}`',
    });
  }
  const manifest: CoreManifest = { build, ecosystem, ...(tarball ? { tarball } : {}) };
  await writeFile(join(out, 'core.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { build, ecosystem, dir: out, ...(tarball ? { tarball: join(out, tarball) } : {}) };
}

/** Reads <artifactDir>/<channel>/core.json, as written by buildCore (after an artifact download too). */
export async function readCoreArtifact(artifactDir: string, channel: CoreChannel): Promise<CoreArtifact | undefined> {
  const dir = join(artifactDir, channel);
  let text: string;
  try {
    text = await readFile(join(dir, 'core.json'), 'utf8');
  } catch {
    return undefined;
  }
  let manifest: CoreManifest;
  try {
    manifest = JSON.parse(text) as CoreManifest;
  } catch (error) {
    throw new SlipwayError('RESULTS_INVALID', `core.json is not JSON: ${(error as Error).message}`, { subject: join(dir, 'core.json'), hint: 'download the core artifact of this run again', cause: error });
  }
  if (!ECOSYSTEMS.some((ecosystem) => ecosystem === manifest.ecosystem) || typeof manifest.build?.version !== 'string' || (manifest.tarball !== undefined && basename(manifest.tarball) !== manifest.tarball)) {
    throw new SlipwayError('RESULTS_INVALID', 'core.json does not describe a core build of this slipway version', { subject: join(dir, 'core.json'), hint: 'build the core again with the same slipway version as the shards (the plan job)' });
  }
  return { build: manifest.build, ecosystem: manifest.ecosystem, dir, ...(manifest.tarball ? { tarball: join(dir, manifest.tarball) } : {}) };
}

/** The core's name and version as its manifests say, before anything is built. */
async function declaredCoreVersion(checkout: string, ecosystem: Ecosystem, packageName: string | undefined): Promise<{ name?: string; version?: string }> {
  if (ecosystem === 'maven') {
    const reactor = await readMavenReactor(checkout).catch(() => undefined);
    if (reactor) return { ...(packageName ? { name: packageName } : {}), version: reactor.version };
  }
  try {
    const fleet = await discoverFleet(checkout, defaultConfig());
    if (fleet.single) return { name: packageName ?? fleet.plugins[0]!.name, version: fleet.plugins[0]!.version };
  } catch {
    // Not a layout slipway reads: the artifacts (or compat.core.version) must say.
  }
  return packageName ? { name: packageName } : {};
}

/** `./gradlew` where the build has a wrapper (it cannot be run otherwise), else Gradle from PATH. */
export async function gradleCommand(buildRoot: string): Promise<string> {
  const wrapper = await stat(join(buildRoot, 'gradlew')).catch(() => undefined);
  return wrapper?.isFile() ? './gradlew' : 'gradle';
}

/**
 * Copies the version folder of every artifact of the core's reactor from the local repository
 * `mvn install` wrote to, into {out}/repository: installed files (`core-2.0.0-SNAPSHOT.jar`
 * and its `_remote.repositories` marking it as built here), which a local repository on
 * another machine resolves as they are.
 */
async function collectReactor(checkout: string, mavenLocal: string, repository: string, command: string): Promise<void> {
  const reactor = await readMavenReactor(checkout);
  const missing: string[] = [];
  for (const { groupId, artifactId, version } of reactor.artifacts) {
    const folder = join(...groupId.split('.'), artifactId, version);
    if (!existsSync(join(mavenLocal, folder))) {
      missing.push(`${groupId}:${artifactId}:${version}`);
      continue;
    }
    await cp(join(mavenLocal, folder), join(repository, folder), { recursive: true });
  }
  if (missing.length > 0) {
    throw new SlipwayError('CORE_BUILD_FAILED', `the core build did not install ${missing.join(', ')} into ${mavenLocal}`, {
      subject: `compat.core.build: ${command}`,
      hint: 'a Maven core build must `install` into {mavenLocal} (compat.core.mavenLocal, default ~/.m2/repository), or write its own Maven repository into {out}/repository',
    });
  }
}

/**
 * A build that deployed into {out}/repository (`mvn deploy`, the default before) leaves a
 * SNAPSHOT under timestamped names (`core-2.0.0-20261130.101500-1.jar`), which a local
 * repository does not resolve: the newest build of each file is copied to its -SNAPSHOT name,
 * as `install` would have written it.
 */
async function installDeployedSnapshots(repository: string): Promise<void> {
  if (!existsSync(repository)) return;
  const folders = new Set((await glob(['**/*-SNAPSHOT/*'], { cwd: repository, followSymbolicLinks: false })).map((file) => file.slice(0, file.lastIndexOf('/'))));
  for (const folder of folders) {
    const parts = folder.split('/');
    const [version, artifactId] = [parts.at(-1), parts.at(-2)];
    if (!version || !artifactId) continue;
    const base = version.slice(0, -'-SNAPSHOT'.length);
    const stamped = new RegExp(`^${escapeRegExp(`${artifactId}-${base}-`)}(\\d{8}\\.\\d{6})-(\\d+)(.*)$`);
    const newest = new Map<string, { stamp: string; build: number; file: string }>();
    for (const file of await readdir(join(repository, folder))) {
      const match = stamped.exec(file);
      if (!match) continue;
      const [, stamp = '', build = '0', rest = ''] = match;
      const seen = newest.get(rest);
      if (!seen || stamp > seen.stamp || (stamp === seen.stamp && Number(build) > seen.build)) newest.set(rest, { stamp, build: Number(build), file });
    }
    for (const [rest, { file }] of newest) {
      const installed = join(repository, folder, `${artifactId}-${version}${rest}`);
      if (!existsSync(installed)) await cp(join(repository, folder, file), installed);
    }
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface ProducedArtifact {
  artifactId: string;
  /** groupId:artifactId */
  key: string;
  version: string;
}

/** Every `<group path>/<artifactId>/<version>/<artifactId>-<version>.pom` of a Maven repository folder. */
async function producedArtifacts(repository: string): Promise<ProducedArtifact[]> {
  if (!existsSync(repository)) return [];
  const poms = await glob(['**/*.pom'], { cwd: repository, followSymbolicLinks: false });
  const artifacts: ProducedArtifact[] = [];
  for (const pom of poms.sort()) {
    const parts = pom.split('/');
    const [version, artifactId] = [parts.at(-2), parts.at(-3)];
    if (parts.length < 4 || !version || !artifactId || parts.at(-1) !== `${artifactId}-${version}.pom`) continue;
    artifacts.push({ artifactId, key: `${parts.slice(0, -3).join('.')}:${artifactId}`, version });
  }
  return artifacts;
}

/** The one version the build produced; with several, the one of core.package. */
function producedVersion(produced: readonly ProducedArtifact[], packageName: string | undefined, channel: CoreChannel): { version: string; name?: string } {
  const named = packageName ? produced.filter((a) => a.key === packageName || a.artifactId === packageName) : [];
  const versions = [...new Set((named.length > 0 ? named : produced).map((a) => a.version))];
  if (versions.length === 1) return { version: versions[0]!, ...(packageName ? { name: packageName } : {}) };
  throw new SlipwayError('CORE_BUILD_FAILED', `the ${channel} core build produced artifacts in several versions (${versions.join(', ')}); which one do plugins ask for?`, {
    subject: channel === 'develop' ? 'compat.core.version' : 'compat.core.releaseVersion',
    hint: `set core.package (groupId:artifactId of the core artifact) or ${channel === 'develop' ? 'compat.core.version' : 'compat.core.releaseVersion'} in slipway.yml`,
  });
}

/** ~/.m2/repository, where Maven and Gradle's mavenLocal() look by default. */
export function defaultMavenLocal(): string {
  return join(homedir(), '.m2', 'repository');
}

export interface InstalledCore {
  build: CoreBuild;
  /** Placeholder values for commands ({coreDir}, {coreTarball}, {coreRepo}, {coreArtifact}, {coreVersion}). */
  placeholders: Record<string, string>;
  /** The SLIPWAY_CORE_* variables for commands. */
  env: Record<string, string>;
}

export interface InstallOptions {
  timeoutMs?: number;
  /**
   * gradle/maven: the Maven local repository plugin builds resolve from (mavenLocal()), where
   * the core's artifacts are copied. Default ~/.m2/repository.
   */
  mavenLocal?: string | undefined;
}

/**
 * Makes a built core usable by plugin commands on this machine, once per shard: npm installs
 * the packed core into <workDir>/core-<channel> (a tarball with no dependencies installs with no
 * registry at all); gradle/maven copy the core's artifacts from the artifact's repository folder
 * into the Maven local repository. Not a separate local repository per run: builds resolve
 * their plugins and other dependencies from the usual one, so nothing is downloaded again.
 * Develop and released cores have different versions (buildCompatCores checks), so both sit
 * there side by side. Call installCores for several: they share that folder.
 */
export async function installCore(artifact: CoreArtifact, workDir: string, options: InstallOptions = {}): Promise<InstalledCore> {
  const timeoutMs = options.timeoutMs ?? CORE_TIMEOUT_MS;
  const strategy = COMPAT_STRATEGIES[artifact.ecosystem];
  const mavenLocal = options.mavenLocal ?? defaultMavenLocal();
  const values: Record<string, string> = { coreArtifact: artifact.dir, coreVersion: artifact.build.version, mavenLocal };
  if (strategy.core === 'npm-tarball' && artifact.tarball) {
    const prefix = join(workDir, `core-${artifact.build.channel}`);
    await rm(prefix, { recursive: true, force: true });
    await mkdir(prefix, { recursive: true });
    const command = `npm install --no-save --no-package-lock --no-audit --no-fund --prefer-offline --prefix "${prefix}" "${artifact.tarball}"`;
    const result = await runCommand({ command, cwd: prefix, env: commandEnv({}), timeoutMs, logFile: join(workDir, 'logs', `core-install-${artifact.build.channel}.log`) });
    if (result.exitCode !== 0) {
      throw new SlipwayError('CORE_BUILD_FAILED', `installing the ${artifact.build.channel} core ${result.timedOut ? 'timed out' : `failed (exit ${result.exitCode ?? result.spawnError})`}:\n${result.tail.trim().split('\n').slice(-10).join('\n')}`, {
        subject: artifact.tarball,
        hint: 'check the core artifact of this run (was it downloaded completely?)',
      });
    }
    values['coreTarball'] = artifact.tarball;
    const name = artifact.build.package ?? JSON.parse(await readFile(join(prefix, 'package.json'), 'utf8').catch(() => '{}')).name;
    if (name) values['coreDir'] = join(prefix, 'node_modules', name);
  }
  const repository = join(artifact.dir, 'repository');
  if (strategy.core === 'maven-repository') {
    if (!existsSync(repository)) {
      throw new SlipwayError('CORE_BUILD_FAILED', `the ${artifact.build.channel} core artifact has no repository folder`, {
        subject: repository,
        hint: 'download the whole core artifact of this run (actions/download-artifact) before the shard runs',
      });
    }
    await mkdir(mavenLocal, { recursive: true });
    await cp(repository, mavenLocal, { recursive: true, force: true });
    values['coreRepo'] = mavenLocal;
  }
  const env: Record<string, string> = {
    SLIPWAY_CORE_ARTIFACT: artifact.dir,
    SLIPWAY_CORE_VERSION: artifact.build.version,
    SLIPWAY_CORE_CHANNEL: artifact.build.channel,
    ...(values['coreDir'] ? { SLIPWAY_CORE_DIR: values['coreDir'] } : {}),
    ...(values['coreTarball'] ? { SLIPWAY_CORE_TARBALL: values['coreTarball'] } : {}),
    ...(values['coreRepo'] ? { SLIPWAY_CORE_REPO: values['coreRepo'] } : {}),
  };
  return { build: artifact.build, placeholders: values, env };
}

/**
 * Installs the develop core, then the released one — one after the other: both copy into one
 * Maven local repository, and two recursive copies into one tree at once fail on the folders
 * they both create (EEXIST/ENOENT).
 */
export async function installCores(develop: CoreArtifact, release: CoreArtifact | undefined, workDir: string, options: InstallOptions = {}): Promise<[InstalledCore, InstalledCore | undefined]> {
  const installedDevelop = await installCore(develop, workDir, options);
  const installedRelease = release ? await installCore(release, workDir, options) : undefined;
  return [installedDevelop, installedRelease];
}

/** `~/x` → <home>/x, as people write paths in slipway.yml. */
export function expandHome(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}
