/**
 * What compat does differently per ecosystem, as one object each (a `Record` over Ecosystem, so
 * a new ecosystem without compat support is a compile error, not a silent npm fallback): how the
 * core is built into an artifact and how plugins see it, where a plugin's tests run and with
 * which default command, where JUnit XML lands, and what build output must not survive a switch
 * between the develop and the released core.
 *
 * Every command can be replaced in the compat section; `generic` has no defaults because
 * nothing can be assumed.
 */
import type { SlipwayConfig } from '../config/schema.ts';
import { SlipwayError } from '../errors.ts';
import type { Ecosystem } from '../types.ts';

export interface CompatStrategy {
  /** The default core build; `{out}` is the artifact folder. */
  build?: string;
  /** The default test command of one plugin. */
  test?: (property: string) => string;
  junit: readonly string[];
  /**
   * How the built core reaches plugins:
   *  - `npm-tarball`: {out}/*.tgz, installed per shard into a prefix ({coreDir});
   *  - `maven-repository`: {out}/repository, a Maven repository holding only the core's
   *    artifacts, copied into the shard's Maven local repository ({mavenLocal});
   *  - `none`: whatever the build wrote to {out}, as {coreArtifact}.
   */
  core: 'npm-tarball' | 'maven-repository' | 'none';
  /**
   * After the build, copy the version folders of the core build's reactor (what `mvn install`
   * wrote into {mavenLocal}) into {out}/repository: installed, not deployed, so a SNAPSHOT
   * resolves from a plain local repository on another machine (a deployed SNAPSHOT has
   * timestamped file names that a local repository does not resolve).
   */
  collectReactor: boolean;
  /**
   * `build-root`: the test command runs where the build's settings live (Gradle resolves
   * subprojects and the wrapper from there: `./gradlew :sub:test`); `plugin`: in the plugin's folder.
   */
  testFrom: 'build-root' | 'plugin';
  /**
   * Build output deleted before testing against another core (globs in the plugin folder):
   * Maven does not recompile when only a dependency jar changed, so classes compiled against
   * develop would be tested against the released core.
   */
  staleOutputs: readonly string[];
  /**
   * The core reaches the plugin's build only through the version in the command (a Gradle
   * `-P` or Maven `-D` property): a custom test command that leaves it out would test every
   * plugin against the core it pins, silently.
   */
  coreVersionInCommand: boolean;
}

export const COMPAT_STRATEGIES: Record<Ecosystem, CompatStrategy> = {
  npm: {
    build: 'npm pack --pack-destination {out}',
    test: () => 'npm test',
    junit: ['junit.xml', 'test-results/**/*.xml', 'reports/**/*.xml'],
    core: 'npm-tarball',
    collectReactor: false,
    testFrom: 'plugin',
    staleOutputs: [],
    coreVersionInCommand: false,
  },
  // Gradle writes to a Maven local repository given by maven.repo.local: {out}/repository then
  // holds the core's own artifacts only. {gradle} is ./gradlew where the build has a wrapper.
  // cleanTest: a test task Gradle finds up to date would pass without running a test.
  gradle: {
    build: '{gradle} publishToMavenLocal -Dmaven.repo.local={out}/repository',
    test: (property) => `{gradle} {taskPrefix}cleanTest {taskPrefix}test -Dmaven.repo.local={mavenLocal} -P${property}={coreVersion}`,
    junit: ['build/test-results/**/*.xml', '*/build/test-results/**/*.xml'],
    core: 'maven-repository',
    collectReactor: false,
    testFrom: 'build-root',
    staleOutputs: [],
    coreVersionInCommand: true,
  },
  maven: {
    build: 'mvn -B -DskipTests install -Dmaven.repo.local={mavenLocal}',
    test: (property) => `mvn -B test -Dmaven.repo.local={mavenLocal} -D${property}={coreVersion}`,
    junit: ['target/surefire-reports/*.xml', '*/target/surefire-reports/*.xml'],
    core: 'maven-repository',
    collectReactor: true,
    testFrom: 'plugin',
    // The module's own, and those of a multi-module plugin repository's modules (org mode).
    staleOutputs: ['target', '*/target', '*/*/target'],
    coreVersionInCommand: true,
  },
  python: {
    build: 'python -m pip wheel --no-deps -w {out} .',
    test: () => 'python -m pytest --junitxml=junit.xml',
    junit: ['junit.xml'],
    core: 'none',
    collectReactor: false,
    testFrom: 'plugin',
    staleOutputs: [],
    coreVersionInCommand: false,
  },
  generic: { junit: ['junit.xml'], core: 'none', collectReactor: false, testFrom: 'plugin', staleOutputs: [], coreVersionInCommand: false },
};

export interface CompatCommands {
  test: string;
  install?: string;
  junit: string[];
  env: Record<string, string>;
  strategy: CompatStrategy;
}

/** The command that builds the core, for the ecosystem the core checkout is. */
export function coreBuildCommand(config: SlipwayConfig, ecosystem: Ecosystem): string {
  const build = config.compat.core.build ?? COMPAT_STRATEGIES[ecosystem].build;
  if (!build) {
    throw new SlipwayError('CONFIG_INVALID', `compat needs a core build command for a ${ecosystem} core`, {
      subject: 'compat.core.build',
      hint: 'set compat.core.build (it must write the built core into {out})',
    });
  }
  return build;
}

/**
 * How one plugin of `ecosystem` is tested. `detectedTest`: the test command the checkout's own
 * tools call for (an npm fleet's package manager: `pnpm run test`), which replaces the
 * ecosystem's default but never slipway.yml's.
 */
export function compatCommands(config: SlipwayConfig, ecosystem: Ecosystem, detectedTest?: string): CompatCommands {
  const strategy = COMPAT_STRATEGIES[ecosystem];
  const property = config.fleet.coreVersionProperty;
  const custom = config.compat.test !== undefined ? { command: config.compat.test, key: 'compat.test' } : config.commands.test !== undefined ? { command: config.commands.test, key: 'commands.test' } : undefined;
  const test = custom?.command ?? detectedTest ?? strategy.test?.(property);
  if (!test) {
    throw new SlipwayError('CONFIG_INVALID', `compat needs a test command for a ${ecosystem} fleet`, {
      subject: 'compat.test',
      hint: 'set compat.test (or commands.test): the command that runs one plugin’s tests',
    });
  }
  if (custom && strategy.coreVersionInCommand && !carriesCoreVersion(custom.command) && !carriesCoreVersion(config.compat.install ?? '')) {
    const example = strategy.test?.(property) ?? '';
    throw new SlipwayError('CONFIG_INVALID', `${custom.key} "${custom.command}" never passes the core version, so every ${ecosystem} plugin would be tested against the core its build pins, not the one under test`, {
      subject: custom.key,
      hint:
        `put {coreVersion} where the build reads the core version (the default is \`${example}\`)` +
        (custom.key === 'commands.test' ? ', in compat.test (commands.test is also what validate runs)' : '') +
        ', or read $SLIPWAY_CORE_VERSION in the command',
    });
  }
  return {
    test,
    ...(config.compat.install ? { install: config.compat.install } : {}),
    junit: config.compat.junit ?? [...strategy.junit],
    env: config.compat.env,
    strategy,
  };
}

function carriesCoreVersion(command: string): boolean {
  return /(?<!\$)\{coreVersion\}|\$\{?SLIPWAY_CORE_VERSION\b/.test(command);
}
