/**
 * A multi-module Maven build released for real: JDK 17 and Maven 3.8 from Debian, offline,
 * resolving Maven's own plugins from Debian's /usr/share/maven-repo through a settings.xml
 * mirror in a fresh HOME (a new runner), and `mvn -B deploy` — slipway's default for Maven,
 * run from the build root — writing into a file:// repository. The modules inherit the root's
 * version: one release unit, every module's <parent><version> rewritten with it, the SNAPSHOT
 * cycle committed on top of the tagged release commit.
 */
import { execa } from 'execa';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, repo, tempDir } from '../helpers/repo.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
const DEBIAN_REPO = '/usr/share/maven-repo';

afterAll(cleanupTempDirs);

/** The newest version of a Maven plugin that Debian ships (Maven asks for versions it cannot find otherwise). */
function debianPlugin(artifactId: string): string {
  const versions = readdirSync(join(DEBIAN_REPO, 'org/apache/maven/plugins', artifactId)).filter((v) => /^\d/.test(v));
  return versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1)!;
}

const PLUGINS = ['maven-compiler-plugin', 'maven-surefire-plugin', 'maven-jar-plugin', 'maven-resources-plugin', 'maven-install-plugin', 'maven-deploy-plugin'];

function rootPom(version: string, deployTo: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.acme.plugin</groupId>
  <artifactId>acme-widgets</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <name>Acme widgets</name>
  <properties>
    <kestraVersion>1.3.19</kestraVersion>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <modules>
    <module>widget-a</module>
    <module>widget-b</module>
  </modules>
  <distributionManagement>
    <repository><id>local</id><url>file://${deployTo}</url></repository>
  </distributionManagement>
  <build>
    <pluginManagement>
      <plugins>
${PLUGINS.map((p) => `        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>${p}</artifactId><version>${debianPlugin(p)}</version></plugin>`).join('\n')}
      </plugins>
    </pluginManagement>
  </build>
</project>
`;
}

const modulePom = (artifactId: string, parentVersion: string, description: string) => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>io.acme.plugin</groupId>
    <artifactId>acme-widgets</artifactId>
    <version>${parentVersion}</version>
  </parent>
  <artifactId>${artifactId}</artifactId>
  <name>${artifactId.toUpperCase()}</name>
  <description>${description}</description>
</project>
`;

describe('a multi-module Maven build released with real Maven', () => {
  it('releases 2.4.0 (a feat over the 2.3.1-SNAPSHOT floor), deploys every module with mvn deploy from the build root, and commits 2.4.1-SNAPSHOT on top', async () => {
    const deployTo = tempDir('slipway-maven-deploy-');
    const home = tempDir('slipway-maven-home-');
    mkdirSync(join(home, '.m2'));
    writeFileSync(
      join(home, '.m2/settings.xml'),
      `<settings><mirrors><mirror><id>debian</id><url>file://${DEBIAN_REPO}</url><mirrorOf>*</mirrorOf></mirror></mirrors></settings>\n`,
    );
    const files = (version: string, parent = version) => ({
      'pom.xml': rootPom(version, deployTo),
      'widget-a/pom.xml': modulePom('widget-a', parent, 'Read Acme widgets.'),
      'widget-b/pom.xml': modulePom('widget-b', parent, 'Write Acme widgets.'),
    });
    const r = repo()
      .commit('feat: widgets', {
        ...files('2.3.0'),
        'widget-a/src/main/java/io/acme/A.java': 'package io.acme;\n\npublic class A {}\n',
        'widget-b/src/main/java/io/acme/B.java': 'package io.acme;\n\npublic class B {}\n',
        '.gitignore': 'target/\n',
      })
      .tag('v2.3.0')
      .commit("chore(version): update snapshot version 'v2.3.1-SNAPSHOT'.", files('2.3.1-SNAPSHOT'))
      .commit('feat(widget-b): batch writes', { 'widget-b/src/main/java/io/acme/Batch.java': 'package io.acme;\n\npublic class Batch {}\n' });
    const remote = r.withBareRemote();
    const env = { HOME: home, MAVEN_OPTS: `-Duser.home=${home}`, GITHUB_TOKEN: '', GITHUB_REPOSITORY: '' };
    const slipway = (args: string[]) => execa(process.execPath, [CLI, ...args], { cwd: r.dir, env, reject: false });

    const plan = await slipway(['plan', '--json']);
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).releases).toMatchObject([
      {
        name: 'acme-widgets',
        from: '2.3.0',
        to: '2.4.0',
        tag: 'v2.4.0',
        nextSnapshot: '2.4.1-SNAPSHOT',
        artifacts: ['io.acme.plugin:widget-a', 'io.acme.plugin:widget-b'],
        versionFiles: ['widget-a/pom.xml', 'widget-b/pom.xml'],
      },
    ]);

    const release = await slipway(['release', '--yes']);
    expect(release.exitCode, release.stderr + release.stdout).toBe(0);
    expect(release.stderr).toContain('mvn -B deploy');

    // Deployed by Maven from the release commit: 2.4.0 artifacts only, no SNAPSHOT.
    for (const module of ['widget-a', 'widget-b']) {
      const folder = join(deployTo, 'io/acme/plugin', module);
      expect(readdirSync(folder).filter((f) => !f.startsWith('maven-metadata'))).toEqual(['2.4.0']);
      expect(existsSync(join(folder, '2.4.0', `${module}-2.4.0.jar`))).toBe(true);
    }
    expect(existsSync(join(deployTo, 'io/acme/plugin/acme-widgets/2.4.0/acme-widgets-2.4.0.pom'))).toBe(true);

    const show = async (rev: string, file: string) => (await execa('git', ['show', `${rev}:${file}`], { cwd: remote })).stdout;
    expect(await show('v2.4.0', 'pom.xml')).toContain('<artifactId>acme-widgets</artifactId>\n  <version>2.4.0</version>');
    expect(await show('v2.4.0', 'widget-a/pom.xml')).toContain('<version>2.4.0</version>\n  </parent>');
    expect(await show('main', 'pom.xml')).toContain('<version>2.4.1-SNAPSHOT</version>');
    expect(await show('main', 'widget-b/pom.xml')).toContain('<version>2.4.1-SNAPSHOT</version>\n  </parent>');
    expect((await execa('git', ['rev-parse', 'main~1'], { cwd: remote })).stdout).toBe((await execa('git', ['rev-parse', 'v2.4.0^{commit}'], { cwd: remote })).stdout);

    // The build at main still builds: every module follows the new SNAPSHOT.
    const build = await execa('mvn', ['-B', '-q', 'package', '-DskipTests'], { cwd: r.dir, env, reject: false });
    expect(build.exitCode, build.stdout).toBe(0);
  }, 600_000);
});
