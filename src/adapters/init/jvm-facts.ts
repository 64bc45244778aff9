/**
 * What `slipway init` reads from a Gradle/Maven build beyond its units: the property that names
 * the core version the plugins build against (Kestra: `kestraVersion` in gradle.properties), the
 * Java version the build targets (for setup-java in the workflows), whether it runs the SNAPSHOT
 * cycle, and whether its history has the `chore(version)` / `chore(deps)` commits of the
 * Kestra convention. Reads files only; every guess is a suggestion init comments in slipway.yml.
 */
import type { Ecosystem } from '../../core/types.ts';
import { readProperties } from '../ecosystems/gradle/properties.ts';
import { parsePom } from '../ecosystems/maven/pom.ts';
import { fileExists, firstExisting, readManifest } from '../ecosystems/read-manifest.ts';

export interface JvmFacts {
  /** The core-version property, when the build declares exactly one candidate. */
  coreProperty: string | undefined;
  /** Its value in the root build file (1.3.19). */
  coreValue: string | undefined;
  /** The Java release the build targets ('21'), when a build file says. */
  javaVersion: string | undefined;
}

/** Names a core-version property takes: `kestraVersion`, `coreVersion`, `micronautVersion`… in gradle.properties. */
const GRADLE_CORE_PROPERTY = /^[a-z][A-Za-z0-9]*Version$/;

export async function readJvmFacts(root: string, ecosystem: Ecosystem): Promise<JvmFacts> {
  if (ecosystem === 'gradle') return { ...(await gradleCoreProperty(root)), javaVersion: await gradleJavaVersion(root) };
  if (ecosystem === 'maven') return mavenFacts(root);
  return { coreProperty: undefined, coreValue: undefined, javaVersion: undefined };
}

async function gradleCoreProperty(root: string): Promise<Pick<JvmFacts, 'coreProperty' | 'coreValue'>> {
  if (!(await fileExists(root, 'gradle.properties'))) return { coreProperty: undefined, coreValue: undefined };
  const properties = readProperties(await readManifest(root, 'gradle.properties'));
  const candidates = [...properties.keys()].filter((key) => GRADLE_CORE_PROPERTY.test(key));
  // kestraVersion wins where several *Version properties exist (the Kestra convention).
  const coreProperty = candidates.includes('kestraVersion') ? 'kestraVersion' : candidates.length === 1 ? candidates[0] : undefined;
  return { coreProperty, coreValue: coreProperty === undefined ? undefined : properties.get(coreProperty)?.value };
}

/** `JavaVersion.VERSION_21`, `JavaLanguageVersion.of(21)`, `sourceCompatibility = 21` / `'17'` in the root build script. */
async function gradleJavaVersion(root: string): Promise<string | undefined> {
  const script = await firstExisting(root, ['build.gradle.kts', 'build.gradle']);
  if (!script) return undefined;
  const text = await readManifest(root, script);
  const match =
    /JavaVersion\.VERSION_(\d+)(?:_(\d+))?/.exec(text) ?? /JavaLanguageVersion\.of\(\s*(\d+)\s*\)/.exec(text) ?? /(?:source|target)Compatibility\s*=\s*['"]?(\d+(?:\.\d+)?)/.exec(text);
  if (!match) return undefined;
  // VERSION_1_8 is Java 8.
  return match[1] === '1' && match[2] ? match[2] : match[1];
}

async function mavenFacts(root: string): Promise<JvmFacts> {
  if (!(await fileExists(root, 'pom.xml'))) return { coreProperty: undefined, coreValue: undefined, javaVersion: undefined };
  const pom = parsePom(await readManifest(root, 'pom.xml'), 'pom.xml');
  const keys = Object.keys(pom.properties);
  const coreProperty = ['kestraVersion', 'kestra.version', 'coreVersion', 'core.version'].find((key) => keys.includes(key));
  const java = pom.properties['maven.compiler.release'] ?? pom.properties['maven.compiler.target'] ?? pom.properties['java.version'];
  const javaVersion = java && /^\d+(?:\.\d+)?$/.test(java.trim()) ? java.trim().replace(/^1\.(\d+)$/, '$1') : undefined;
  return { coreProperty, coreValue: coreProperty === undefined ? undefined : pom.properties[coreProperty], javaVersion };
}
