/**
 * The commands compat uses when slipway.yml names none, per ecosystem: how the core is built
 * into an artifact, how a plugin's tests run against it, and where JUnit XML lands. Each can be
 * replaced in the compat section; `generic` has no defaults because nothing can be assumed.
 */
import type { SlipwayConfig } from '../config/schema.ts';
import { SlipwayError } from '../errors.ts';
import type { Ecosystem } from '../types.ts';

export interface CompatCommands {
  build: string;
  test: string;
  install?: string;
  junit: string[];
  env: Record<string, string>;
}

function defaults(ecosystem: Ecosystem, property: string): Partial<CompatCommands> {
  switch (ecosystem) {
    case 'npm':
      // The packed core is installed once per shard and reaches tests as {coreDir}.
      return { build: 'npm pack --pack-destination {out}', test: 'npm test', junit: ['junit.xml', 'test-results/**/*.xml', 'reports/**/*.xml'] };
    // The core's own artifacts go to {out}/repository (Gradle's publishToMavenLocal honours
    // maven.repo.local; Maven deploys to a file:// repository), and each shard copies them into
    // its Maven local repository, which plugins resolve from with mavenLocal(). Plugins pick
    // the core version through the fleet's coreVersionProperty.
    case 'gradle':
      return {
        build: './gradlew publishToMavenLocal -Dmaven.repo.local={out}/repository',
        test: `./gradlew test -P${property}={coreVersion}`,
        junit: ['build/test-results/**/*.xml', '*/build/test-results/**/*.xml'],
      };
    case 'maven':
      return {
        build: 'mvn -B -DskipTests deploy -DaltDeploymentRepository=slipway::default::file://{out}/repository',
        test: `mvn -B test -D${property}={coreVersion}`,
        junit: ['target/surefire-reports/*.xml', '*/target/surefire-reports/*.xml'],
      };
    case 'python':
      return { build: 'python -m pip wheel --no-deps -w {out} .', test: 'python -m pytest --junitxml=junit.xml', junit: ['junit.xml'] };
    case 'generic':
      return { junit: ['junit.xml'] };
  }
}

export function compatCommands(config: SlipwayConfig, ecosystem: Ecosystem): CompatCommands {
  const fallback = defaults(ecosystem, config.fleet.coreVersionProperty);
  const build = config.compat.core.build ?? fallback.build;
  const test = config.compat.test ?? config.commands.test ?? fallback.test;
  if (!build || !test) {
    throw new SlipwayError('CONFIG_INVALID', `compat needs ${!build ? 'a core build command' : 'a test command'} for a ${ecosystem} fleet`, {
      subject: !build ? 'compat.core.build' : 'compat.test',
      hint: !build ? 'set compat.core.build (it must write the built core into {out})' : 'set compat.test (or commands.test): the command that runs one plugin’s tests',
    });
  }
  return {
    build,
    test,
    ...(config.compat.install ? { install: config.compat.install } : {}),
    junit: config.compat.junit ?? fallback.junit ?? ['junit.xml'],
    env: config.compat.env,
  };
}
