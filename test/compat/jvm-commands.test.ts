/**
 * The JVM side of compat that needs no JVM: the core version must reach custom commands, the
 * reactor of a multi-module Maven core is read for its version and artifacts, Gradle plugins
 * are tested from the build root, org repositories are tested in their own ecosystem, the
 * released core's re-test retries flakes, and a team's infra patterns are honoured.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCore, installCores, readCoreArtifact } from '../../src/adapters/compat/core-artifact.ts';
import { readMavenReactor } from '../../src/adapters/compat/maven-reactor.ts';
import { testPlugins, type LocalTarget } from '../../src/adapters/compat/test-plugins.ts';
import { resultDetail, type CoreBuild } from '../../src/core/compat/compat-run.ts';
import { firstCompileError } from '../../src/core/compat/compile-errors.ts';
import { pluginCostMs } from '../../src/core/compat/durations.ts';
import { compatCommands } from '../../src/core/compat/ecosystem-commands.ts';
import { infraSignal } from '../../src/core/compat/infra-signals.ts';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { planCompat } from '../../src/jobs/compat/plan.ts';
import { describeCheckout, fleetTargets, gradleTaskPrefix } from '../../src/jobs/compat/targets.ts';
import { cleanupTempDirs, repo, tempDir } from '../helpers/repo.ts';

afterAll(cleanupTempDirs);

function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const pom = (body: string) => `<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion>${body}</project>\n`;

describe('the core version in custom test commands', () => {
  it('refuses a custom gradle/maven test command that never passes the core version, naming the key and the fix', () => {
    const fromCommands = () => compatCommands(parseConfig('commands:\n  test: mvn -B verify\n'), 'maven');
    expect(fromCommands).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', subject: 'commands.test', hint: expect.stringContaining('{coreVersion}') }));
    expect(fromCommands).toThrow(expect.objectContaining({ hint: expect.stringContaining('compat.test') }));
    expect(() => compatCommands(parseConfig('compat:\n  test: ./gradlew check\n'), 'gradle')).toThrow(
      expect.objectContaining({ subject: 'compat.test', message: expect.stringContaining('never passes the core version') }),
    );
  });

  it('accepts {coreVersion} or $SLIPWAY_CORE_VERSION anywhere in the test or install command; npm needs neither', () => {
    expect(compatCommands(parseConfig('compat:\n  test: ./gradlew check -PkestraVersion={coreVersion}\n'), 'gradle').test).toBe('./gradlew check -PkestraVersion={coreVersion}');
    expect(compatCommands(parseConfig('compat:\n  test: make test CORE="$SLIPWAY_CORE_VERSION"\n'), 'maven').test).toContain('SLIPWAY_CORE_VERSION');
    expect(compatCommands(parseConfig('compat:\n  install: ./pin-core.sh {coreVersion}\n  test: mvn test\n'), 'maven').install).toBe('./pin-core.sh {coreVersion}');
    expect(compatCommands(parseConfig('commands:\n  test: make check\n'), 'npm').test).toBe('make check');
  });

  it('plans nothing for a fleet whose test command drops it: the error comes before the core is built', async () => {
    const fleet = folder({ 'pom.xml': pom('<groupId>a</groupId><artifactId>plugin-a</artifactId><version>1.0.0</version>'), 'slipway.yml': '' });
    const config = parseConfig('core:\n  repository: /nowhere\ncompat:\n  test: mvn test\n');
    await expect(planCompat({ cwd: fleet, config, reporter: memoryReporter() })).rejects.toMatchObject({ code: 'CONFIG_INVALID', subject: 'compat.test' });
  });
});

describe('the reactor of a Maven core', () => {
  it('gives every module with the groupId and version it inherits, and the root’s version as the core version', async () => {
    const core = folder({
      'pom.xml': pom('<groupId>io.acme</groupId><artifactId>core-parent</artifactId><version>${revision}</version><packaging>pom</packaging><properties><revision>2.1.0-SNAPSHOT</revision></properties><modules><module>api</module><module>runtime/</module></modules>'),
      'api/pom.xml': pom('<parent><groupId>io.acme</groupId><artifactId>core-parent</artifactId><version>${revision}</version></parent><artifactId>core-api</artifactId>'),
      'runtime/pom.xml': pom('<parent><groupId>io.acme</groupId><artifactId>core-parent</artifactId><version>${revision}</version></parent><groupId>io.acme.rt</groupId><artifactId>runtime</artifactId><modules><module>memory</module></modules>'),
      'runtime/memory/pom.xml': pom('<parent><groupId>io.acme.rt</groupId><artifactId>runtime</artifactId><version>${project.parent.version}</version></parent><artifactId>runtime-memory</artifactId>'),
    });
    expect(await readMavenReactor(core)).toEqual({
      version: '2.1.0-SNAPSHOT',
      artifacts: [
        { groupId: 'io.acme', artifactId: 'core-parent', version: '2.1.0-SNAPSHOT' },
        { groupId: 'io.acme', artifactId: 'core-api', version: '2.1.0-SNAPSHOT' },
        { groupId: 'io.acme.rt', artifactId: 'runtime', version: '2.1.0-SNAPSHOT' },
        { groupId: 'io.acme.rt', artifactId: 'runtime-memory', version: '2.1.0-SNAPSHOT' },
      ],
    });
  });

  it('refuses a module outside the checkout and a version it cannot resolve, pointing at compat.core.version', async () => {
    const escaping = folder({ 'pom.xml': pom('<groupId>a</groupId><artifactId>core</artifactId><version>1.0.0</version><modules><module>../../etc</module></modules>') });
    await expect(readMavenReactor(escaping)).rejects.toMatchObject({ code: expect.stringMatching(/MANIFEST_/) });
    const climbing = folder({ 'pom.xml': pom('<groupId>a</groupId><artifactId>core</artifactId><version>${v}</version><properties><v>../../../etc</v></properties>') });
    await expect(readMavenReactor(climbing)).rejects.toMatchObject({ code: 'MANIFEST_INVALID', message: expect.stringContaining('not a Maven coordinate') });
    const unresolved = folder({ 'pom.xml': pom('<groupId>a</groupId><artifactId>core</artifactId><version>${sha1}</version>') });
    await expect(readMavenReactor(unresolved)).rejects.toMatchObject({ code: 'VERSION_INVALID', hint: expect.stringContaining('compat.core.version') });
  });
});

describe('installing both cores on a shard', () => {
  it('copies develop, then the release, into one local repository: both versions and both modules end up there', async () => {
    const artifact = tempDir();
    const channels: Array<[CoreBuild['channel'], string]> = [['develop', '1.1.0-SNAPSHOT'], ['release', '1.0.0']];
    for (const [channel, version] of channels) {
      for (const module of ['core-api', 'core-parent']) {
        const dir = join(artifact, channel, 'repository/com/acme', module, version);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${module}-${version}.pom`), channel);
      }
    }
    const core = (channel: CoreBuild['channel'], version: string) => ({ build: { channel, ref: channel, sha: 'a'.repeat(40), version }, ecosystem: 'maven' as const, dir: join(artifact, channel) });
    const local = join(tempDir(), 'm2');
    const [develop, release] = await installCores(core('develop', '1.1.0-SNAPSHOT'), core('release', '1.0.0'), tempDir(), { mavenLocal: local });
    expect(develop.env).toMatchObject({ SLIPWAY_CORE_VERSION: '1.1.0-SNAPSHOT', SLIPWAY_CORE_REPO: local });
    expect(release?.placeholders).toMatchObject({ coreVersion: '1.0.0', mavenLocal: local });
    for (const [, version] of channels) for (const module of ['core-api', 'core-parent']) expect(join(local, 'com/acme', module, version, `${module}-${version}.pom`)).toSatisfy(exists);
  });

  it('refuses a core.json it did not write: an unknown ecosystem, a tarball outside the artifact', async () => {
    for (const manifest of [{ build: { version: '1.0.0' }, ecosystem: 'cobol' }, { build: { version: '1.0.0' }, ecosystem: 'npm', tarball: '../../elsewhere.tgz' }, 'not json']) {
      const artifact = folder({ 'develop/core.json': typeof manifest === 'string' ? manifest : JSON.stringify(manifest) });
      await expect(readCoreArtifact(artifact, 'develop')).rejects.toMatchObject({ code: 'RESULTS_INVALID', subject: join(artifact, 'develop/core.json') });
    }
  });

  it('says to download the whole artifact when its repository folder is missing', async () => {
    const core = { build: { channel: 'develop' as const, ref: 'develop', sha: 'a'.repeat(40), version: '1.0.0' }, ecosystem: 'gradle' as const, dir: tempDir() };
    await expect(installCores(core, undefined, tempDir(), { mavenLocal: tempDir() })).rejects.toMatchObject({ code: 'CORE_BUILD_FAILED', hint: expect.stringContaining('download') });
  });
});

const exists = (path: string) => existsSync(path);

describe('where plugin tests run', () => {
  it('gradle: from the build root with the subproject’s task path; maven: in the module', async () => {
    // Subprojects with versions of their own are plugins of their own.
    const gradleFleet = folder({
      'settings.gradle': "include 'plugins:jdbc'\ninclude 'http'\n",
      'plugins/jdbc/gradle.properties': 'version=1.2.0\n',
      'plugins/jdbc/build.gradle': '',
      'http/gradle.properties': 'version=0.4.0\n',
      'http/build.gradle': '',
    });
    const targets = await fleetTargets(gradleFleet, parseConfig('fleet:\n  ecosystem: gradle\n'));
    expect(targets.target('jdbc')).toMatchObject({ ecosystem: 'gradle', root: gradleFleet, dir: join(gradleFleet, 'plugins/jdbc'), taskPrefix: ':plugins:jdbc:' });
    expect(targets.target('http')).toMatchObject({ taskPrefix: ':http:' });
    // A build released as one unit (Kestra: one version= in the root gradle.properties) is tested whole, from its root.
    const unit = folder({ 'settings.gradle': "rootProject.name = 'plugin-jdbcs'\ninclude 'plugin-jdbc'\ninclude 'plugin-jdbc-mysql'\n", 'gradle.properties': 'version=1.15.6-SNAPSHOT\n', 'plugin-jdbc/build.gradle': '', 'plugin-jdbc-mysql/build.gradle': '' });
    const whole = await fleetTargets(unit, parseConfig('fleet:\n  ecosystem: gradle\n'));
    expect(whole.names).toHaveLength(1);
    expect(whole.target(whole.names[0]!)).toMatchObject({ dir: unit, root: unit, taskPrefix: '' });
    // The task path goes into a shell command.
    expect(() => gradleTaskPrefix('a;touch pwned')).toThrow(expect.objectContaining({ code: 'MANIFEST_INVALID', subject: 'a;touch pwned' }));
  });

  it('runs `gradle :sub:test` in the build root when there is no wrapper, `./gradlew` when there is', async () => {
    const root = folder({ 'settings.gradle': "include 'jdbc'\n", 'jdbc/build.gradle': '' });
    const results = await runOnce({ name: 'jdbc', ecosystem: 'gradle', dir: join(root, 'jdbc'), root, taskPrefix: ':jdbc:' }, 'echo "cwd=$PWD cmd={gradle} {taskPrefix}test -PcoreVersion={coreVersion}"; exit 0');
    expect(results.attempts[0]!.logTail).toContain(`cwd=${root} cmd=gradle :jdbc:test -PcoreVersion=1.1.0-SNAPSHOT`);
    writeFileSync(join(root, 'gradlew'), '#!/bin/sh\n');
    const wrapped = await runOnce({ name: 'jdbc', ecosystem: 'gradle', dir: join(root, 'jdbc'), root, taskPrefix: ':jdbc:' }, 'echo "cmd={gradle}" # {coreVersion}');
    expect(wrapped.attempts[0]!.logTail).toContain('cmd=./gradlew');
  });

  it('maven: deletes target/ before testing against another core (Maven would not recompile)', async () => {
    const dir = folder({ 'pom.xml': '', 'target/classes/Stale.class': 'compiled against another core' });
    const script = 'if [ -e target/classes/Stale.class ]; then echo stale; else echo clean; fi; mkdir -p target/classes; touch target/classes/Stale.class; exit 1 # {coreVersion}';
    const result = await runOnce({ name: 'm', ecosystem: 'maven', dir, root: dir, taskPrefix: '' }, script, { release: true, retries: 1 });
    // The first attempt against each core starts clean; a re-run against the same core keeps the output.
    expect(result.attempts.map((a) => a.logTail.trim())).toEqual(['clean', 'stale']);
    expect(result.baselineAttempts).toBe(2);
    expect(result.baseline?.logTail.trim()).toBe('stale');
    // A multi-module plugin repository's modules too.
    const modules = folder({ 'pom.xml': '', 'jdbc/target/classes/Stale.class': 'x', 'jdbc/src/Keep.java': 'kept' });
    const script2 = 'if [ -e jdbc/target ]; then echo stale; else echo clean; fi; ls jdbc; exit 0 # {coreVersion}';
    const multi = await runOnce({ name: 'm', ecosystem: 'maven', dir: modules, root: modules, taskPrefix: '' }, script2);
    expect(multi.attempts[0]!.logTail.trim().split('\n')).toEqual(['clean', 'src']);
  });
});

const developBuild: CoreBuild = { channel: 'develop', ref: 'develop', sha: 'a'.repeat(40), version: '1.1.0-SNAPSHOT' };
const releaseBuild: CoreBuild = { channel: 'release', ref: 'v1.0.0', sha: 'b'.repeat(40), version: '1.0.0' };
const installed = (build: CoreBuild) => ({ build, placeholders: { coreVersion: build.version, coreArtifact: '/nowhere', mavenLocal: '/nowhere' }, env: { SLIPWAY_CORE_VERSION: build.version, SLIPWAY_CORE_CHANNEL: build.channel } });

async function runOnce(target: LocalTarget, test: string, options: { release?: boolean; retries?: number; infraPatterns?: Array<{ pattern: string; reason?: string }> } = {}) {
  const work = tempDir();
  const config = parseConfig(`compat:\n  test: ${JSON.stringify(test)}\n`);
  const [result] = await testPlugins({
    targets: [target],
    develop: installed(developBuild),
    release: options.release ? installed(releaseBuild) : undefined,
    commands: async (ecosystem) => ({ ...compatCommands(config, ecosystem), junit: [] }),
    infraPatterns: options.infraPatterns ?? [],
    timeoutMs: 60_000,
    retries: options.retries ?? 0,
    jobs: 1,
    workDir: work,
    reporter: memoryReporter(),
    describe: (dir) => describeCheckout(dir, config),
  });
  return result!;
}

describe('the re-test against the released core', () => {
  it('re-runs a failure there like the first run: a flake against the released core does not hide a regression', async () => {
    const dir = folder({ 'Makefile': '' });
    const marker = join(dir, '.tried-release');
    // Fails with develop every time; with the released core only on the first try.
    const script = `if [ "$SLIPWAY_CORE_CHANNEL" = develop ]; then exit 1; fi; if [ ! -e ${marker} ]; then touch ${marker}; exit 1; fi; exit 0 # {coreVersion}`;
    const result = await runOnce({ name: 'p', ecosystem: 'generic', dir, root: dir, taskPrefix: '' }, script, { release: true, retries: 1 });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['fail', 'fail']);
    expect(result.baseline).toMatchObject({ outcome: 'pass' });
    expect(result.baselineAttempts).toBe(2);
    // The shard paid for both attempts against the released core: the plan balances on that.
    const developMs = result.attempts.reduce((sum, a) => sum + a.durationMs, 0);
    expect(pluginCostMs(result)).toBe(developMs + 2 * result.baseline!.durationMs);
  });
});

describe('infra patterns', () => {
  it('reads compat.infraPatterns as strings or { pattern, reason }, and refuses one that is not a regular expression', () => {
    const config = parseConfig("compat:\n  infraPatterns:\n    - 'nexus\\.corp\\.example'\n    - { pattern: 'artifactory: 50[234]', reason: 'the company mirror is down' }\n");
    expect(config.compat.infraPatterns).toEqual([{ pattern: 'nexus\\.corp\\.example' }, { pattern: 'artifactory: 50[234]', reason: 'the company mirror is down' }]);
    expect(() => parseConfig("compat:\n  infraPatterns: ['(unclosed']\n")).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('infraPatterns') }));
  });

  it('makes a matching failure infra, with the reason given, before the built-in signals', async () => {
    expect(infraSignal('Could not transfer artifact x from/to nexus.corp.example', [{ pattern: 'nexus\\.corp\\.example' }])).toBe('matched compat.infraPatterns: nexus\\.corp\\.example');
    expect(infraSignal('Could not transfer artifact x from/to nexus.corp.example')).toBeUndefined();
    const dir = folder({ 'Makefile': '' });
    const result = await runOnce({ name: 'p', ecosystem: 'generic', dir, root: dir, taskPrefix: '' }, 'echo "artifactory: 503 Service Unavailable"; exit 1', {
      infraPatterns: [{ pattern: 'artifactory: 50[234]', reason: 'the company mirror is down' }],
    });
    expect(result.attempts[0]).toMatchObject({ outcome: 'infra', reason: 'the company mirror is down' });
  });
});

describe('org mode', () => {
  it('reads each cloned repository’s own ecosystem and the version its modules share', async () => {
    const gradle = folder({ 'settings.gradle': "rootProject.name = 'plugin-jdbcs'\ninclude 'plugin-jdbc'\ninclude 'plugin-jdbc-mysql'\n", 'gradle.properties': 'version=1.15.6-SNAPSHOT\nkestraVersion=1.3.19\n', 'plugin-jdbc/build.gradle': '', 'plugin-jdbc-mysql/build.gradle': '' });
    const maven = folder({ 'pom.xml': pom('<groupId>a</groupId><artifactId>plugin-a</artifactId><version>0.3.0</version>') });
    const config = parseConfig('compat:\n  test: node --test\n');
    expect(await describeCheckout(gradle, config)).toEqual({ ecosystem: 'gradle', version: '1.15.6-SNAPSHOT' });
    expect(await describeCheckout(maven, config)).toEqual({ ecosystem: 'maven', version: '0.3.0' });
  });

  it('tests a repository whose command cannot carry the core version as infra with the configuration error, not as a failure', async () => {
    const maven = repo().file('pom.xml', pom('<groupId>a</groupId><artifactId>plugin-a</artifactId><version>0.3.0</version>')).commit('feat: plugin').dir;
    const config = parseConfig('compat:\n  test: node --test\n');
    const [result] = await testPlugins({
      targets: [{ name: 'acme/plugin-a', cloneUrl: maven }],
      develop: installed(developBuild),
      commands: async (ecosystem) => compatCommands(config, ecosystem),
      timeoutMs: 60_000,
      retries: 0,
      jobs: 1,
      workDir: tempDir(),
      reporter: memoryReporter(),
      describe: (dir) => describeCheckout(dir, config),
    });
    expect(result!.attempts[0]).toMatchObject({ outcome: 'infra', reason: expect.stringContaining('never passes the core version') });
  });
});

describe('the version the core build produced', () => {
  // A Gradle core whose build is replaced by a script writing what publishToMavenLocal would.
  const publish = (...coordinates: string[]) =>
    coordinates
      .map((c) => {
        const [group, artifact, version] = c.split(':') as [string, string, string];
        const dir = `{out}/repository/${group.replaceAll('.', '/')}/${artifact}/${version}`;
        return `mkdir -p ${dir} && touch ${dir}/${artifact}-${version}.pom ${dir}/${artifact}-${version}.jar`;
      })
      .join(' && ');
  const gradleCore = () => repo().files({ 'settings.gradle': "include 'api'\ninclude 'runtime'\n", 'gradle.properties': 'version=3.0.0-SNAPSHOT\n', 'api/build.gradle': '', 'runtime/build.gradle': '' }).commit('feat: core');
  const build = (core: string, command: string, extra: { packageName?: string; version?: string } = {}) => {
    const work = tempDir();
    return buildCore({ source: { checkout: core }, channel: 'develop', commandFor: () => command, fallbackEcosystem: 'generic', artifactDir: join(work, 'core'), workDir: work, ...extra });
  };

  it('is the version of the artifacts in {out}/repository — a multi-project core’s, not develop+g<sha>', async () => {
    const core = gradleCore();
    const built = await build(core.dir, publish('io.acme:api:3.0.0-SNAPSHOT', 'io.acme:runtime:3.0.0-SNAPSHOT'));
    expect(built).toMatchObject({ ecosystem: 'gradle', build: { version: '3.0.0-SNAPSHOT' } });
  });

  it('with several versions, is core.package’s; else an error naming what to set', async () => {
    const core = gradleCore();
    const two = publish('io.acme:api:3.0.0-SNAPSHOT', 'io.acme:platform:3.0.0-rc1');
    await expect(build(core.dir, two)).rejects.toMatchObject({ code: 'CORE_BUILD_FAILED', hint: expect.stringContaining('core.package') });
    expect((await build(core.dir, two, { packageName: 'io.acme:platform' })).build).toMatchObject({ version: '3.0.0-rc1', package: 'io.acme:platform' });
  });

  it('turns a deployed SNAPSHOT (timestamped names) into the installed one a local repository resolves, newest build first', async () => {
    const core = gradleCore();
    const dir = '{out}/repository/io/acme/api/3.0.0-SNAPSHOT';
    const write = (name: string, text: string) => `echo ${text} > ${dir}/${name}`;
    const deploy = [
      `mkdir -p ${dir}`,
      write('api-3.0.0-20261130.101500-1.jar', 'first'),
      write('api-3.0.0-20261130.101500-1.pom', 'first'),
      write('api-3.0.0-20261130.111500-2.jar', 'second'),
      write('api-3.0.0-20261130.111500-2.pom', 'second'),
      write('api-3.0.0-20261130.111500-2-sources.jar', 'second-sources'),
      write('maven-metadata.xml', 'metadata'),
    ].join(' && ');
    const built = await build(core.dir, deploy);
    expect(built.build.version).toBe('3.0.0-SNAPSHOT');
    const installed = join(built.dir, 'repository/io/acme/api/3.0.0-SNAPSHOT');
    expect(readFileSync(join(installed, 'api-3.0.0-SNAPSHOT.jar'), 'utf8')).toBe('second\n');
    expect(readFileSync(join(installed, 'api-3.0.0-SNAPSHOT.pom'), 'utf8')).toBe('second\n');
    expect(readFileSync(join(installed, 'api-3.0.0-SNAPSHOT-sources.jar'), 'utf8')).toBe('second-sources\n');
  });

  it('is compat.core.version when set; a JVM core build that leaves no artifacts is an error naming {out}/repository', async () => {
    const core = gradleCore();
    expect((await build(core.dir, publish('io.acme:api:3.0.0-SNAPSHOT'), { version: '3.0.0-custom' })).build.version).toBe('3.0.0-custom');
    await expect(build(core.dir, 'true')).rejects.toMatchObject({ code: 'CORE_BUILD_FAILED', message: expect.stringContaining('{out}/repository') });
  });
});

describe('a failure that never reached a test', () => {
  it('names the first compile error of javac (Maven, Gradle) and kotlinc, with the missing symbol', () => {
    const maven = `[INFO] Compiling 1 source file to /w/plugin-regress/target/test-classes
[ERROR] COMPILATION ERROR : 
[INFO] -------------------------------------------------------------
[ERROR] /w/plugin-regress/src/test/java/com/acme/plugins/PluginTest.java:[5,62] cannot find symbol
  symbol:   method run(java.lang.String)
  location: class com.acme.core.Tasks
[INFO] 1 error`;
    expect(firstCompileError(maven)).toBe('does not compile: PluginTest.java:5: cannot find symbol (method run(java.lang.String))');
    const gradle = `> Task :plugin-regress:compileTestJava FAILED
/w/plugin-regress/src/test/java/com/acme/plugins/PluginTest.java:5: error: cannot find symbol
    org.junit.Assert.assertEquals("ran sql", com.acme.core.Tasks.run("sql"));
                                                                ^
  symbol:   method run(String)
  location: class Tasks
1 error`;
    expect(firstCompileError(gradle)).toBe('does not compile: PluginTest.java:5: cannot find symbol (method run(String))');
    expect(firstCompileError("e: file:///w/src/main/kotlin/Plugin.kt:12:9 Unresolved reference: registerTask")).toBe('does not compile: Plugin.kt:12: Unresolved reference: registerTask');
    expect(firstCompileError('Tests run: 1, Failures: 1')).toBeUndefined();
  });

  it('shows it as the failure’s detail in the report instead of a bare exit code', async () => {
    const dir = folder({ 'pom.xml': '' });
    const script = `echo "[ERROR] $PWD/src/test/java/PluginTest.java:[3,9] cannot find symbol"; echo "  symbol:   method run(java.lang.String)"; exit 1 # {coreVersion}`;
    const result = await runOnce({ name: 'p', ecosystem: 'maven', dir, root: dir, taskPrefix: '' }, script);
    expect(result.attempts[0]).toMatchObject({ outcome: 'fail', reason: 'does not compile: PluginTest.java:3: cannot find symbol (method run(java.lang.String))' });
    expect(resultDetail({ ...result, class: 'regressed', baselineVerdict: 'pass' })).toBe('does not compile: PluginTest.java:3: cannot find symbol (method run(java.lang.String))');
  });
});
