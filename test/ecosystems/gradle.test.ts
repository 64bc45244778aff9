import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../src/adapters/fleet.ts';
import { gradleUpdater } from '../../src/adapters/ecosystems/gradle/update.ts';
import type { Version } from '../../src/core/types.ts';
import { repo } from '../helpers/repo.ts';
import { config } from './fleet-config.ts';

const v = (s: string) => s as Version;

describe('gradle fleet discovery', () => {
  it('reads the subprojects of settings.gradle in every include form, ignoring commented-out ones', async () => {
    const r = repo()
      .file('settings.gradle', [
        "rootProject.name = 'kestra-plugins'",
        "include 'plugin-s3', ':plugin-gcs'",
        '// include \'plugin-old\'',
        '/* include \'plugin-older\' */',
        "include(':connectors:jdbc'); include 'plugin-fs', 'plugin-ftp'",
        'includeBuild \'build-logic\'',
        'println("include \'not-a-project\'")',
        '',
      ].join('\n'))
      .file('gradle.properties', 'version=0.9.0\ncoreVersion=[0.22,0.23)\n')
      .file('plugin-s3/build.gradle', '')
      .file('plugin-s3/gradle.properties', '# the S3 plugin\nversion = 1.4.0-SNAPSHOT\ncoreVersion: 0.22.1\n')
      .file('plugin-gcs/build.gradle.kts', '')
      .file('plugin-gcs/gradle.properties', 'version=2.0.0\n')
      .file('connectors/jdbc/build.gradle', '')
      .file('connectors/jdbc/gradle.properties', 'version 3.1.4\n')
      .file('plugin-fs/build.gradle', '')
      .file('plugin-ftp/build.gradle', '')
      .file('plugin-ftp/gradle.properties', 'coreVersion=0.23.0\n')
      .commit('chore: gradle fleet');

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet).toEqual({
      ecosystem: 'gradle',
      single: false,
      plugins: [
        { name: 'jdbc', path: 'connectors/jdbc', ecosystem: 'gradle', manifestFile: 'connectors/jdbc/gradle.properties', version: '3.1.4', dependencies: [], private: false, coreRange: '[0.22,0.23)', artifacts: [{ artifactId: 'jdbc', path: 'connectors/jdbc' }] },
        // plugin-fs and plugin-ftp have no version of their own: they ship with the root's
        // version, in lockstep, as one unit named after the root project
        {
          name: 'kestra-plugins',
          path: '',
          ecosystem: 'gradle',
          manifestFile: 'gradle.properties',
          version: '0.9.0',
          dependencies: [],
          private: false,
          coreRange: '[0.22,0.23)',
          artifacts: [
            { artifactId: 'plugin-fs', path: 'plugin-fs' },
            { artifactId: 'plugin-ftp', path: 'plugin-ftp' },
          ],
        },
        { name: 'plugin-gcs', path: 'plugin-gcs', ecosystem: 'gradle', manifestFile: 'plugin-gcs/gradle.properties', version: '2.0.0', dependencies: [], private: false, coreRange: '[0.22,0.23)', artifacts: [{ artifactId: 'plugin-gcs', path: 'plugin-gcs' }] },
        // a SNAPSHOT: its release is at least 1.4.0, and the next SNAPSHOT follows it
        {
          name: 'plugin-s3',
          path: 'plugin-s3',
          ecosystem: 'gradle',
          manifestFile: 'plugin-s3/gradle.properties',
          version: '1.4.0-SNAPSHOT',
          dependencies: [],
          private: false,
          coreRange: '0.22.1',
          artifacts: [{ artifactId: 'plugin-s3', path: 'plugin-s3' }],
          versionFloor: '1.4.0',
          snapshotCycle: true,
        },
      ],
    });
  });

  it('reads settings.gradle.kts includes spread over several lines, and the core version property named in slipway.yml', async () => {
    const r = repo()
      .file('settings.gradle.kts', 'rootProject.name = "fleet"\ninclude(\n    "alpha",\n    "beta", // the second\n)\n')
      .file('alpha/build.gradle.kts', '')
      .file('alpha/gradle.properties', 'version=1.0.0\nkestraVersion=0.21.0\n')
      .file('beta/build.gradle.kts', '')
      .file('beta/gradle.properties', 'version=1.1.0\n')
      .commit('chore: kts fleet');

    const fleet = await discoverFleet(r.dir, config({ fleet: { coreVersionProperty: 'kestraVersion' } }));

    expect(fleet.plugins).toEqual([
      { name: 'alpha', path: 'alpha', ecosystem: 'gradle', manifestFile: 'alpha/gradle.properties', version: '1.0.0', dependencies: [], private: false, coreRange: '0.21.0', artifacts: [{ artifactId: 'alpha', path: 'alpha' }] },
      { name: 'beta', path: 'beta', ecosystem: 'gradle', manifestFile: 'beta/gradle.properties', version: '1.1.0', dependencies: [], private: false, artifacts: [{ artifactId: 'beta', path: 'beta' }] },
    ]);
  });

  it('treats a build without includes as a repository that is one plugin named by rootProject.name', async () => {
    const r = repo()
      .file('settings.gradle', "rootProject.name = 'plugin-notifications'\n")
      .file('build.gradle', 'plugins { id "java" }\n')
      .file('gradle.properties', 'version=0.20.0-SNAPSHOT\ncoreVersion=0.20.0\n')
      .commit('chore: one plugin');

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet).toEqual({
      ecosystem: 'gradle',
      single: true,
      plugins: [
        {
          name: 'plugin-notifications',
          path: '',
          ecosystem: 'gradle',
          manifestFile: 'gradle.properties',
          version: '0.20.0-SNAPSHOT',
          dependencies: [],
          private: false,
          coreRange: '0.20.0',
          artifacts: [{ artifactId: 'plugin-notifications', path: '' }],
          versionFloor: '0.20.0',
          snapshotCycle: true,
        },
      ],
    });
  });
});

describe('gradle manifest errors', () => {
  it('an included subproject with no build script names the expected path', async () => {
    const r = repo()
      .file('settings.gradle', "include 'present', 'ghost'\n")
      .file('gradle.properties', 'version=1.0.0\n')
      .file('present/build.gradle', '')
      .commit('chore: ghost');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({
      code: 'MANIFEST_MISSING',
      subject: 'ghost/build.gradle',
      message: 'settings.gradle includes "ghost" but ghost/build.gradle(.kts) does not exist',
    });
  });

  it('a single project without gradle.properties names the file it expected', async () => {
    const r = repo().file('build.gradle', '').file('settings.gradle', "rootProject.name = 'x'\n").commit('chore: no props');

    const error = await discoverFleet(r.dir, config()).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'MANIFEST_MISSING', subject: 'gradle.properties' });
    expect((error as { hint: string }).hint).toContain('version=1.0.0');
  });

  it('a subproject without any version names its own gradle.properties and the field', async () => {
    const r = repo()
      .file('settings.gradle', "include 'a'\n")
      .file('a/build.gradle', '')
      .file('a/gradle.properties', 'group=io.kestra\n')
      .commit('chore: no version');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({ code: 'VERSION_INVALID', subject: 'a/gradle.properties', message: 'version is missing' });
  });

  it('a version that is not semver names the file and the value', async () => {
    const r = repo()
      .file('settings.gradle', "include 'a'\n")
      .file('a/build.gradle', '')
      .file('a/gradle.properties', 'version=1.0-SNAPSHOT\n')
      .commit('chore: maven-style version');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({
      code: 'VERSION_INVALID',
      subject: 'a/gradle.properties',
      message: 'version is "1.0-SNAPSHOT", which is not a semver version',
    });
  });
});

describe('gradle manifest updater', () => {
  it('rewrites only the version value, keeping comments, spacing, CRLF and the other properties', () => {
    const text = '# Plugin settings\r\n! legacy comment: version=0.0.1\r\ngroup = io.kestra.plugin\r\nversion  =  1.4.0-SNAPSHOT   \r\nkestraVersion=[0.22,)\r\nmyversion=1.4.0-SNAPSHOT\r\n';

    const out = gradleUpdater.update(text, { version: v('1.4.0') }, 'plugin-s3/gradle.properties');

    expect(out).toBe(text.replace('version  =  1.4.0-SNAPSHOT   ', 'version  =  1.4.0   '));
  });

  it('handles the colon and whitespace separators and a file without a trailing newline', () => {
    expect(gradleUpdater.update('a=1\nversion: 2.0.0', { version: v('2.1.0') }, 'gradle.properties')).toBe('a=1\nversion: 2.1.0');
    expect(gradleUpdater.update('version 2.0.0\n', { version: v('3.0.0') }, 'gradle.properties')).toBe('version 3.0.0\n');
  });

  it('does not mistake a continued value for a version line', () => {
    const text = 'jvmArgs=-Xmx1g \\\n  version=9.9.9\nversion=1.0.0\n';

    expect(gradleUpdater.update(text, { version: v('1.0.1') }, 'gradle.properties')).toBe('jvmArgs=-Xmx1g \\\n  version=9.9.9\nversion=1.0.1\n');
  });

  it('refuses a file with no version line, naming the file', () => {
    expect(() => gradleUpdater.update('group=x\n', { version: v('1.0.0') }, 'a/gradle.properties')).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID', subject: 'a/gradle.properties', message: 'has no "version=" line to update' }),
    );
  });
});

describe('gradle build scripts: the X-Kestra-* facts of an artifact', () => {
  it('reads literals with parentheses, commas and plus signs, project.group/name/description joined by +, and leaves anything else unknown', async () => {
    const { attributeValue, readBuildScript } = await import('../../src/adapters/ecosystems/gradle/build-script.ts');
    const script = [
      "project.description = 'Execute .NET C# scripts, in flows.'",
      'description = "${project.name} built"', // a GString is not a plain description
      'jar {',
      '    manifest {',
      '        attributes(',
      '                "X-Kestra-Title": ".NET (C#)",',
      '                "X-Kestra-Group": project.group + ".scripts.dotnet",',
      '                "X-Kestra-Description": project.description,',
      '                "X-Kestra-Name": "C++ " + project.name,',
      '                "X-Kestra-Version": project.version',
      '        )',
      '    }',
      '}',
      'group "io.kestra.plugin"',
      '',
    ].join('\n');
    const facts = readBuildScript(script);
    expect(facts).toMatchObject({ group: 'io.kestra.plugin', description: 'Execute .NET C# scripts, in flows.' });
    const value = (key: string) => attributeValue(facts.attributes.get(key)!, { group: facts.group, name: 'plugin-script-dotnet', description: facts.description });
    expect(value('Title')).toBe('.NET (C#)');
    expect(value('Group')).toBe('io.kestra.plugin.scripts.dotnet');
    expect(value('Description')).toBe('Execute .NET C# scripts, in flows.');
    expect(value('Name')).toBe('C++ plugin-script-dotnet');
    expect(value('Version')).toBeUndefined();
  });
});
