/**
 * compat core: build the core's develop branch once per run — and the released core, to
 * re-test failures against — into an artifact folder that the shards install from.
 */
import { buildCore, coreCloneUrl, expandHome, latestReleaseTag, type CoreArtifact } from '../../adapters/compat/core-artifact.ts';
import { COMPAT_STRATEGIES, coreBuildCommand } from '../../core/compat/ecosystem-commands.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { Reporter } from '../../core/reporter.ts';
import type { Ecosystem } from '../../core/types.ts';

export interface CompatCoreOptions {
  cwd: string;
  config: SlipwayConfig;
  reporter: Reporter;
  /** The fleet's ecosystem: the core's own is detected from its checkout; this is the fallback. */
  ecosystem: Ecosystem;
  artifactDir: string;
  workDir: string;
  /** Build this checkout as the develop core instead of cloning core.repository (a private core checked out by the workflow). */
  developCheckout?: string | undefined;
  /**
   * `release` tests the fleet against the released core alone: a run kept as the baseline for
   * `compat.baseline: stored-run`. Default `develop`.
   */
  against?: 'develop' | 'release' | undefined;
}

export interface CompatCores {
  /** The core under test: develop, or the released core in a baseline run. */
  tested: CoreArtifact;
  /** The released core that develop failures are re-tested against. */
  release?: CoreArtifact | undefined;
}

export async function buildCompatCores(options: CompatCoreOptions): Promise<CompatCores> {
  const { config, reporter } = options;
  const repository = config.core.repository;
  const url = repository ? coreCloneUrl(repository, options.cwd) : undefined;
  const developSource = options.developCheckout ? { checkout: options.developCheckout } : url ? { url, ref: config.core.branch } : undefined;
  if (!developSource) {
    throw new SlipwayError('CONFIG_INVALID', 'compat needs to know where the core is', {
      subject: 'core.repository',
      hint: 'set core.repository in slipway.yml (owner/name, a git URL or a folder), or pass --core',
    });
  }
  const common = {
    commandFor: (ecosystem: Ecosystem) => coreBuildCommand(config, ecosystem),
    fallbackEcosystem: options.ecosystem,
    packageName: config.core.package,
    mavenLocal: expandHome(config.compat.core.mavenLocal),
    artifactDir: options.artifactDir,
    workDir: options.workDir,
  };

  const buildRelease = async () => {
    if (!url) throw new SlipwayError('CONFIG_INVALID', 'the released core is built from core.repository, which is not set', { subject: 'core.repository', hint: 'set core.repository in slipway.yml' });
    const ref = config.compat.core.releaseRef ?? (await latestReleaseTag(url));
    const release = await reporter.group(`build released core ${ref}`, () => buildCore({ ...common, channel: 'release', version: config.compat.core.releaseVersion, source: { url, ref } }));
    reporter.info(`core release: ${release.build.version} at ${release.build.sha.slice(0, 7)}`);
    return release;
  };
  if (options.against === 'release') return { tested: await buildRelease() };

  const develop = await reporter.group(`build core ${config.core.branch}`, () => buildCore({ ...common, channel: 'develop', version: config.compat.core.version, source: developSource }));
  reporter.info(`core develop: ${develop.build.version} at ${develop.build.sha.slice(0, 7)}`);
  if (config.compat.baseline !== 'retest-failures' || !url) return { tested: develop };
  const release = await buildRelease();
  rejectSameVersion(develop, release);
  return { tested: develop, release };
}

/**
 * gradle/maven: both cores go into one Maven local repository on each shard, where one version
 * holds one artifact — the second install would replace the first, and every plugin would be
 * tested twice against the same core.
 */
function rejectSameVersion(develop: CoreArtifact, release: CoreArtifact): void {
  if (develop.build.version !== release.build.version) return;
  if (COMPAT_STRATEGIES[develop.ecosystem].core !== 'maven-repository' && COMPAT_STRATEGIES[release.ecosystem].core !== 'maven-repository') return;
  throw new SlipwayError('CORE_BUILD_FAILED', `the develop core (${develop.build.ref}) and the released core (${release.build.ref}) both build version ${develop.build.version}; one Maven local repository cannot hold both`, {
    subject: 'compat.core.version',
    hint: 'give develop its own version (e.g. the next -SNAPSHOT), or set compat.core.version / compat.core.releaseVersion to what each build produces',
  });
}
