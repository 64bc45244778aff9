/**
 * What `slipway init` proposes for a Gradle/Maven plugin repository in the Kestra style: the
 * release types of its commit convention, and starter workflows with a JDK and the Maven
 * repository and signing secrets in place of npm's.
 */
import type { Bump } from '../versioning/bump.ts';

/**
 * Kestra's plugin repositories ship whatever lands in the jar: dependency bumps (`chore(deps)`,
 * Dependabot's `build(deps)`), metadata and docs (titles and descriptions are in the jar's
 * manifest and the plugin's docs), test and build changes — each released as a patch (seen in
 * the release history of kestra-io/plugin-aws, plugin-jdbc, plugin-scripts). The version-bump
 * commits of the SNAPSHOT cycle (`chore(version)`) never release.
 */
export const KESTRA_RELEASE_TYPES: Readonly<Record<string, Bump>> = {
  'chore(deps)': 'patch',
  'build(deps)': 'patch',
  'chore(version)': 'none',
  chore: 'patch',
  docs: 'patch',
  test: 'patch',
  refactor: 'patch',
  build: 'patch',
};

/** The JDK the starters install when the build does not say (Kestra's plugins build with 21). */
export const DEFAULT_JAVA_VERSION = '21';

/** The Maven repository and signing secrets, as the reusable release workflow takes them. */
export const JVM_RELEASE_SECRETS = [
  ['maven-username', 'MAVEN_USERNAME'],
  ['maven-password', 'MAVEN_PASSWORD'],
  ['signing-key', 'SIGNING_KEY'],
  ['signing-password', 'SIGNING_PASSWORD'],
] as const;

/**
 * A starter workflow for a JVM fleet: `java-version` added to the reusable workflow's `with:`,
 * and in the release starter the npm token swapped for the Maven secrets and the npm dist-tag
 * field left out. The starters are
 * slipway's own files, so the lines replaced are known; a starter that lacks them is returned
 * with only what applies.
 */
export function jvmStarter(file: string, text: string, javaVersion: string): string {
  const name = file.replace(/\.ya?ml$/, '');
  // Only the reusable workflows that build (release, validate) take a JDK.
  if (name !== 'release' && name !== 'validate') return text;
  let out = /^\s*with:\n/m.test(text)
    ? text.replace(/^(\s*)with:\n/m, (line, indent: string) => `${line}${indent}  java-version: '${javaVersion}'\n`)
    : text.replace(/^(\s*)uses: (.*\/workflows\/validate\.yml@.*)\n/m, (line, indent: string) => `${line}${indent}with:\n${indent}  java-version: '${javaVersion}'\n`);
  if (name !== 'release') return out;
  out = out.replace(/^(\s*)npm-token: \$\{\{ secrets\.NPM_TOKEN \}\}\n/m, (_line, indent: string) =>
    JVM_RELEASE_SECRETS.map(([input, secret]) => `${indent}${input}: \${{ secrets.${secret} }}\n`).join(''),
  );
  // npm's dist-tag means nothing to a Maven repository: the manual run's field and its pass-through go.
  out = out.replace(/^(\s*)dist-tag:\n(?:\1 {2}.*\n)+/m, '').replace(/^\s*dist-tag: \$\{\{ inputs\.dist-tag \|\| '' \}\}\n/m, '');
  return out.replace('ship pushes and signs npm provenance', 'ship pushes and publishes');
}
