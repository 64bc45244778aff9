/**
 * A Kestra-shaped plugin repository, generated: one Gradle build (settings.gradle includes,
 * one `version=` and `kestraVersion=` in the root gradle.properties), subprojects whose
 * build.gradle sets project.description and the jar's X-Kestra-* attributes, and the SNAPSHOT
 * history of Kestra's release plugin (`chore(version): update to version 'vX'` tagged `vX`,
 * then `chore(version): update snapshot version 'vY-SNAPSHOT'`). The build really runs on
 * Debian's Gradle 4.4.1: `gradle publish` copies each subproject's jar into a Maven-layout
 * folder (`publishTo`) — Debian's maven-publish cannot write file:// repositories.
 */
import { repo, type Repo } from '../helpers/repo.ts';

export const SUBPROJECTS = [
  { name: 'plugin-widget', title: 'Widgets', group: '.widget', description: 'Shared code of the widget plugins.' },
  { name: 'plugin-widget-alpha', title: 'Alpha', group: '.widget.alpha', description: 'Query Alpha widgets from Kestra flows.' },
  { name: 'plugin-widget-beta', title: 'Beta', group: '.widget.beta', description: 'Send Beta widgets.' },
] as const;

const rootBuild = (publishTo: string) => `plugins {
    id 'java'
}

group "io.kestra.plugin"

subprojects {
    group "io.kestra.plugin"
    apply plugin: 'java'

    // What Kestra's builds do with com.vanniktech.maven.publish, done with a copy: Debian's
    // Gradle 4.4.1 runs offline, and its maven-publish has no file:// transport.
    task publish(type: Copy) {
        dependsOn jar
        from jar
        into "${publishTo}/\${project.group.replace('.', '/')}/\${project.name}/\${project.version}"
    }
}
`;

function subprojectBuild(sub: (typeof SUBPROJECTS)[number]): string {
  return `project.description = '${sub.description}'

jar {
    manifest {
        attributes(
                "X-Kestra-Name": project.name,
                "X-Kestra-Title": "${sub.title}",
                "X-Kestra-Group": project.group + "${sub.group}",
                "X-Kestra-Description": project.description,
                "X-Kestra-Version": project.version
        )
    }
}
`;
}

export const properties = (version: string, kestraVersion = '1.3.19') => `version=${version}\nkestraVersion=${kestraVersion}\norg.gradle.parallel=true\n`;

/** Kestra's release plugin: the release commit, its tag, then the next SNAPSHOT. */
export function kestraRelease(r: Repo, version: string, next: string): Repo {
  return r
    .commit(`chore(version): update to version 'v${version}'.`, { 'gradle.properties': properties(version) })
    .tag(`v${version}`)
    .commit(`chore(version): update snapshot version 'v${next}-SNAPSHOT'.`, { 'gradle.properties': properties(`${next}-SNAPSHOT`) });
}

/**
 * The repository after releases 1.9.6 and 1.9.7, at 1.9.8-SNAPSHOT with one fix and one
 * dependency bump unreleased: the parent of a real `v1.9.8` release commit.
 */
export function kestraRepository(publishTo: string): Repo {
  const files: Record<string, string> = {
    'settings.gradle': `rootProject.name = 'plugin-widgets'\n\n${SUBPROJECTS.map((s) => `include '${s.name}'`).join('\n')}\n`,
    'build.gradle': rootBuild(publishTo),
    'gradle.properties': properties('1.9.6-SNAPSHOT'),
    '.gitignore': 'build/\n.gradle/\n',
  };
  for (const sub of SUBPROJECTS) {
    files[`${sub.name}/build.gradle`] = subprojectBuild(sub);
    const className = sub.name.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
    files[`${sub.name}/src/main/java/io/kestra/plugin/${className}.java`] = `package io.kestra.plugin;\n\npublic class ${className} {}\n`;
  }
  const r = repo().commit('feat: widget plugins', files);
  kestraRelease(r, '1.9.6', '1.9.7');
  r.commit('fix(alpha): keep the widget order', { 'plugin-widget-alpha/NOTES.md': 'order\n' });
  kestraRelease(r, '1.9.7', '1.9.8');
  r.commit('chore(deps): bump com.example:widget-client from 2.1.0 to 2.1.1', { 'plugin-widget-beta/deps.txt': 'widget-client 2.1.1\n' });
  r.commit('fix(beta): retry a refused send', { 'plugin-widget-beta/NOTES.md': 'retry\n' });
  return r;
}
