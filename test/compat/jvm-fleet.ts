/**
 * A small Maven fleet for the JVM compat specs, built for real with Debian's JDK 17 and Maven
 * 3.8, offline:
 *
 *   company repository  a local file:// Maven repository holding the shared parent pom
 *                       (com.acme:acme-parent: the plugin versions Debian ships, forkCount=0)
 *   core                a multi-module build (core-parent + core-api, one <version> in the
 *                       parent): main = 1.0.0, tagged v1.0.0; develop = 1.1.0-SNAPSHOT, which
 *                       renames Tasks.run to Tasks.execute
 *   fleet               a Maven aggregator of four plugins, each built against core-api ${coreVersion}:
 *     plugin-pass       uses Tasks.version(), which develop keeps                → passed
 *     plugin-regress    uses Tasks.run(), which develop renamed                  → regressed
 *     plugin-flaky      fails on the first try of each shard (a marker file in
 *                       the run's work folder, FLAKE_DIR = {work})               → flaky
 *     plugin-broken     asserts what no core does                                → still broken
 *
 * A machine is a HOME of its own whose ~/.m2/settings.xml mirrors everything to Debian's
 * offline repository (/usr/share/maven-repo), except the company repository.
 */
import { execaSync } from 'execa';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repo, tempDir, type Repo } from '../helpers/repo.ts';

/** Debian's offline Maven repository (the libmaven-*-plugin-java, libsurefire-java and junit4 packages). */
export const DEBIAN_MAVEN_REPO = '/usr/share/maven-repo';

/** The newest of each build plugin that Debian ships (pinned, or Maven asks for versions it cannot find). */
const PLUGINS: ReadonlyArray<[string, string, string]> = [
  ['maven-compiler-plugin', '3.10.1', '<configuration><release>17</release></configuration>'],
  // Debian's surefire waits ~10 s after each forked JVM: run the tests inside Maven's JVM.
  ['maven-surefire-plugin', '2.22.3', '<configuration><forkCount>0</forkCount></configuration>'],
  ['maven-jar-plugin', '3.3.0', ''],
  ['maven-resources-plugin', '3.3.0', ''],
  ['maven-install-plugin', '3.1.0', ''],
  ['maven-deploy-plugin', '3.0.0', ''],
];

const PARENT = `<parent><groupId>com.acme</groupId><artifactId>acme-parent</artifactId><version>1.0.0</version><relativePath/></parent>`;

function acmeParentPom(): string {
  const plugins = PLUGINS.map(
    ([artifactId, version, configuration]) =>
      `      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>${artifactId}</artifactId><version>${version}</version>${configuration}</plugin>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>acme-parent</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <build>
    <pluginManagement>
      <plugins>
${plugins}
      </plugins>
    </pluginManagement>
  </build>
</project>
`;
}

/** A file:// Maven repository holding the company parent pom (pom-only: written as Maven lays it out). */
export function companyRepository(): string {
  const dir = tempDir('slipway-jvm-company-');
  const folder = join(dir, 'com/acme/acme-parent/1.0.0');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'acme-parent-1.0.0.pom'), acmeParentPom());
  return dir;
}

/**
 * A fresh machine: HOME with ~/.m2/settings.xml (Debian's repository as the mirror of
 * everything but the company repository), and the environment that makes Maven use it — Java
 * takes user.home from the password database, not from HOME.
 */
export function machine(company: string): { home: string; env: Record<string, string> } {
  const home = tempDir('slipway-jvm-home-');
  mkdirSync(join(home, '.m2'), { recursive: true });
  writeFileSync(
    join(home, '.m2/settings.xml'),
    `<settings>
  <mirrors>
    <mirror><id>debian</id><url>${pathToFileURL(DEBIAN_MAVEN_REPO).href}</url><mirrorOf>*,!company</mirrorOf></mirror>
  </mirrors>
  <profiles>
    <profile>
      <id>company</id>
      <repositories>
        <repository><id>company</id><url>${pathToFileURL(company).href}</url><snapshots><enabled>false</enabled></snapshots></repository>
      </repositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>company</activeProfile></activeProfiles>
</settings>
`,
  );
  return { home, env: { HOME: home, MAVEN_OPTS: `-Duser.home=${home} -XX:+UseSerialGC -XX:TieredStopAtLevel=1` } };
}

const java = (pkg: string, cls: string, body: string) => `package ${pkg};\n\npublic class ${cls} {\n${body}\n}\n`;

/** The core: main at 1.0.0 (tag v1.0.0), develop at 1.1.0-SNAPSHOT with Tasks.run renamed. */
export function coreRepository(): Repo {
  const rootPom = (version: string) => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  ${PARENT}
  <artifactId>core-parent</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <modules>
    <module>api</module>
  </modules>
</project>
`;
  const apiPom = (version: string) => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent><groupId>com.acme</groupId><artifactId>core-parent</artifactId><version>${version}</version></parent>
  <artifactId>core-api</artifactId>
</project>
`;
  const tasks = (runName: string, version: string) =>
    java('com.acme.core', 'Tasks', `  public static String ${runName}(String task) { return "ran " + task; }\n  public static String version() { return "${version}"; }`);
  const core = repo()
    .files({ 'pom.xml': rootPom('1.0.0'), 'api/pom.xml': apiPom('1.0.0'), 'api/src/main/java/com/acme/core/Tasks.java': tasks('run', '1.0.0') })
    .commit('feat: core 1.0.0')
    .tag('v1.0.0');
  core.git('branch', '-M', 'main');
  core.git('checkout', '-q', '-b', 'develop');
  core.commit('feat!: Tasks.run is now Tasks.execute', {
    'pom.xml': rootPom('1.1.0-SNAPSHOT'),
    'api/pom.xml': apiPom('1.1.0-SNAPSHOT'),
    'api/src/main/java/com/acme/core/Tasks.java': tasks('execute', '1.1.0-SNAPSHOT'),
  });
  core.git('checkout', '-q', 'main');
  return core;
}

const pluginPom = (artifactId: string, version: string) => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  ${PARENT}
  <groupId>com.acme.plugins</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>${version}</version>
  <properties><coreVersion>1.0.0</coreVersion></properties>
  <dependencies>
    <dependency><groupId>com.acme</groupId><artifactId>core-api</artifactId><version>\${coreVersion}</version></dependency>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version><scope>test</scope></dependency>
  </dependencies>
</project>
`;

const pluginTest = (artifactId: string, body: string) =>
  java('com.acme.plugins', 'PluginTest', `  @org.junit.Test\n  public void ${artifactId.replace(/-/g, '_')}() throws Exception {\n${body}\n  }`);

const PLUGINS_UNDER_TEST: Record<'plugin-pass' | 'plugin-regress' | 'plugin-flaky' | 'plugin-broken', [string, string]> = {
  'plugin-pass': ['0.1.0', '    org.junit.Assert.assertTrue(com.acme.core.Tasks.version().startsWith("1."));'],
  'plugin-regress': ['0.2.0', '    org.junit.Assert.assertEquals("ran sql", com.acme.core.Tasks.run("sql"));'],
  'plugin-flaky': [
    '0.3.0',
    `    java.nio.file.Path marker = java.nio.file.Paths.get(System.getenv("FLAKE_DIR"), "plugin-flaky.warm");
    if (!java.nio.file.Files.exists(marker)) {
      java.nio.file.Files.createFile(marker);
      org.junit.Assert.fail("cold cache on the first try");
    }`,
  ],
  'plugin-broken': ['0.4.0', '    org.junit.Assert.assertEquals("tabs separate fields", com.acme.core.Tasks.version());'],
};

/** The fleet: an aggregator pom whose modules are the four plugins, each with its own version. */
export function fleetRepository(core: Repo, extraConfig = ''): Repo {
  const files: Record<string, string> = {
    'pom.xml': `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme.plugins</groupId>
  <artifactId>plugins</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <modules>
${Object.keys(PLUGINS_UNDER_TEST).map((name) => `    <module>${name}</module>`).join('\n')}
  </modules>
</project>
`,
    'slipway.yml': `core:
  repository: ${core.dir}
  branch: develop
compat:
  maxShards: 2
  env:
    FLAKE_DIR: '{work}'
  results:
    remote: ''
${extraConfig}`,
  };
  for (const [name, [version, body]] of Object.entries(PLUGINS_UNDER_TEST)) {
    files[`${name}/pom.xml`] = pluginPom(name, version);
    files[`${name}/src/test/java/com/acme/plugins/PluginTest.java`] = pluginTest(name, body);
  }
  return repo().files(files).commit('feat: four plugins');
}

/** One plugin of the fleet as a repository of its own (org mode): the pom and the test, nothing else. */
export function pluginRepository(name: keyof typeof PLUGINS_UNDER_TEST): Repo {
  const [version, body] = PLUGINS_UNDER_TEST[name]!;
  return repo()
    .files({ 'pom.xml': pluginPom(name, version), 'src/test/java/com/acme/plugins/PluginTest.java': pluginTest(name, body) })
    .commit(`feat: ${name}`);
}

/** A machine's own checkout of the fleet (actions/checkout on a fresh runner). */
export function checkout(fleet: Repo): string {
  const dir = join(tempDir('slipway-jvm-checkout-'), 'fleet');
  mkdirSync(dirname(dir), { recursive: true });
  execaSync('git', ['clone', '-q', '--', fleet.dir, dir]);
  return dir;
}

/**
 * Gradle (Debian's 4.4.1, no wrapper: `gradle` from PATH): a machine's ~/.gradle/gradle.properties
 * turns the daemon off, so no build process outlives its command.
 */
export function gradleMachine(): { home: string; env: Record<string, string> } {
  const home = tempDir('slipway-gradle-home-');
  mkdirSync(join(home, '.gradle'), { recursive: true });
  writeFileSync(join(home, '.gradle/gradle.properties'), 'org.gradle.daemon=false\n');
  return { home, env: { HOME: home, GRADLE_USER_HOME: join(home, '.gradle'), JAVA_OPTS: `-Duser.home=${home}` } };
}

const GRADLE_DEBIAN_REPO = `maven { url '${pathToFileURL(DEBIAN_MAVEN_REPO).href}' }`;

/** A multi-project Gradle core (`api`, version in the root gradle.properties): main 1.0.0 (v1.0.0), develop 1.1.0-SNAPSHOT renaming Tasks.run. */
export function gradleCoreRepository(): Repo {
  const tasks = (runName: string) => java('com.acme.core', 'Tasks', `  public static String ${runName}(String task) { return "ran " + task; }`);
  const core = repo()
    .files({
      'settings.gradle': "rootProject.name = 'core'\ninclude 'api'\n",
      'gradle.properties': 'version=1.0.0\n',
      'build.gradle': `allprojects { group = 'com.acme' }
subprojects {
  apply plugin: 'java'
  apply plugin: 'maven-publish'
  publishing { publications { core(MavenPublication) { from components.java } } }
}
`,
      'api/build.gradle': '',
      'api/src/main/java/com/acme/core/Tasks.java': tasks('run'),
    })
    .commit('feat: core 1.0.0')
    .tag('v1.0.0');
  core.git('branch', '-M', 'main');
  core.git('checkout', '-q', '-b', 'develop');
  core.commit('feat!: Tasks.run is now Tasks.execute', { 'gradle.properties': 'version=1.1.0-SNAPSHOT\n', 'api/src/main/java/com/acme/core/Tasks.java': tasks('execute') });
  core.git('checkout', '-q', 'main');
  return core;
}

/**
 * A Gradle fleet of two subprojects with their own versions (no wrapper), built against
 * com.acme:api:$coreVersion from mavenLocal(): plugin-pass (no core API) and plugin-regress
 * (Tasks.run, which develop renamed).
 */
export function gradleFleetRepository(core: Repo): Repo {
  const test = (name: string, body: string) => pluginTest(name, body);
  return repo()
    .files({
      'settings.gradle': "rootProject.name = 'plugins'\ninclude 'plugin-pass'\ninclude 'plugin-regress'\n",
      'gradle.properties': 'coreVersion=1.0.0\n',
      'build.gradle': `subprojects {
  apply plugin: 'java'
  repositories { mavenLocal(); ${GRADLE_DEBIAN_REPO} }
  dependencies {
    implementation "com.acme:api:$coreVersion"
    testImplementation('junit:junit:4.13.2') { transitive = false }
  }
}
`,
      'plugin-pass/gradle.properties': 'version=0.1.0\n',
      'plugin-pass/build.gradle': '',
      'plugin-pass/src/test/java/com/acme/plugins/PluginTest.java': test('plugin-pass', '    org.junit.Assert.assertEquals(2, 1 + 1);'),
      'plugin-regress/gradle.properties': 'version=0.2.0\n',
      'plugin-regress/build.gradle': '',
      'plugin-regress/src/test/java/com/acme/plugins/PluginTest.java': test('plugin-regress', '    org.junit.Assert.assertEquals("ran sql", com.acme.core.Tasks.run("sql"));'),
      'slipway.yml': `core:
  repository: ${core.dir}
  branch: develop
compat:
  maxShards: 1
  retries: 0
  # Gradle 4.4.1 takes long to start on a loaded machine: the released-core re-test is
  # covered by the Maven spec, this one builds develop only.
  baseline: stored-run
  results:
    remote: ''
`,
    })
    .commit('feat: two Gradle plugins');
}
