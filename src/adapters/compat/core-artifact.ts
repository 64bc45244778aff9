/**
 * The core, built once per run: checked out at a branch or tag, built with the configured
 * command into an artifact folder, and described by a `core.json` beside the built files so
 * that shards (on other machines, after an artifact download) know what they install.
 *
 *   <artifact>/develop/core.json   { build, ecosystem, tarball? }
 *   <artifact>/develop/*.tgz       npm: the packed core
 *   <artifact>/develop/repository  gradle/maven: a Maven repository holding only the core's artifacts
 *   <artifact>/release/…           the released core, the same way
 */
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import semver from 'semver';
import type { CoreBuild, CoreChannel } from '../../core/compat/compat-run.ts';
import { fillPlaceholders } from '../../core/compat/placeholders.ts';
import { defaultConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Ecosystem } from '../../core/types.ts';
import { discoverFleet } from '../fleet.ts';
import { git } from '../git.ts';
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
  ecosystem: Ecosystem;
  /** The build command; `{out}` is the artifact folder. */
  command: string;
  /** The core's package name, when the manifest cannot say (gradle/maven multi-projects). */
  packageName?: string | undefined;
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
  const { name, version } = await describeCoreCheckout(checkout, options.packageName, ref, sha);

  const command = fillPlaceholders(options.command, { out, coreVersion: version }, 'compat.core.build');
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

  const build: CoreBuild = { channel: options.channel, ref, sha, version, ...(name ? { package: name } : {}) };
  const tarball = options.ecosystem === 'npm' ? (await readdir(out)).find((file) => file.endsWith('.tgz')) : undefined;
  if (options.ecosystem === 'npm' && !tarball) {
    throw new SlipwayError('CORE_BUILD_FAILED', `the ${options.channel} core build wrote no .tgz into {out}`, {
      subject: `compat.core.build: ${command}`,
      hint: 'for npm the build must pack the core into {out}, e.g. `npm pack --pack-destination {out}`',
    });
  }
  const manifest: CoreManifest = { build, ecosystem: options.ecosystem, ...(tarball ? { tarball } : {}) };
  await writeFile(join(out, 'core.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { build, ecosystem: options.ecosystem, dir: out, ...(tarball ? { tarball: join(out, tarball) } : {}) };
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
  const manifest = JSON.parse(text) as CoreManifest;
  return { build: manifest.build, ecosystem: manifest.ecosystem, dir, ...(manifest.tarball ? { tarball: join(dir, manifest.tarball) } : {}) };
}

async function describeCoreCheckout(checkout: string, packageName: string | undefined, ref: string, sha: string): Promise<{ name?: string; version: string }> {
  try {
    const fleet = await discoverFleet(checkout, defaultConfig());
    if (fleet.single) return { name: packageName ?? fleet.plugins[0]!.name, version: fleet.plugins[0]!.version };
  } catch {
    // Not a layout slipway reads: fall back to the ref.
  }
  return { ...(packageName ? { name: packageName } : {}), version: `${ref.replace(/^v(?=\d)/, '')}+g${sha.slice(0, 7)}` };
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
 * Develop and released cores have different versions, so both sit there side by side.
 */
export async function installCore(artifact: CoreArtifact, workDir: string, options: InstallOptions = {}): Promise<InstalledCore> {
  const timeoutMs = options.timeoutMs ?? CORE_TIMEOUT_MS;
  const values: Record<string, string> = { coreArtifact: artifact.dir, coreVersion: artifact.build.version };
  if (artifact.ecosystem === 'npm' && artifact.tarball) {
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
  if (existsSync(repository) && (artifact.ecosystem === 'maven' || artifact.ecosystem === 'gradle')) {
    const local = options.mavenLocal ?? join(homedir(), '.m2', 'repository');
    await mkdir(local, { recursive: true });
    await cp(repository, local, { recursive: true, force: true });
    values['coreRepo'] = local;
  }
  const env: Record<string, string> = {
    SLIPWAY_CORE_ARTIFACT: values['coreArtifact']!,
    SLIPWAY_CORE_VERSION: values['coreVersion']!,
    SLIPWAY_CORE_CHANNEL: artifact.build.channel,
    ...(values['coreDir'] ? { SLIPWAY_CORE_DIR: values['coreDir'] } : {}),
    ...(values['coreTarball'] ? { SLIPWAY_CORE_TARBALL: values['coreTarball'] } : {}),
    ...(values['coreRepo'] ? { SLIPWAY_CORE_REPO: values['coreRepo'] } : {}),
  };
  return { build: artifact.build, placeholders: values, env };
}

/** `~/x` → <home>/x, as people write paths in slipway.yml. */
export function expandHome(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}
