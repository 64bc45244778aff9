import { describe, expect, it } from 'vitest';
import { discoverFleet } from '../../src/adapters/fleet.ts';
import { mavenUpdater } from '../../src/adapters/ecosystems/maven/update.ts';
import type { Version } from '../../src/core/types.ts';
import { repo } from '../helpers/repo.ts';
import { config } from './fleet-config.ts';

const v = (s: string) => s as Version;

const rootPom = (modules: string[], properties = '') => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.acme</groupId>
  <artifactId>acme-plugins</artifactId>
  <version>5.0.0</version>
  <packaging>pom</packaging>
  <properties>${properties}</properties>
  <modules>
${modules.map((m) => `    <module>${m}</module>`).join('\n')}
  </modules>
</project>
`;

const modulePom = (artifactId: string, version: string | undefined, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>io.acme</groupId>
    <artifactId>acme-plugins</artifactId>
    <version>5.0.0</version>
  </parent>
  <artifactId>${artifactId}</artifactId>
${version === undefined ? '' : `  <version>${version}</version>\n`}${extra}</project>
`;

describe('maven fleet discovery', () => {
  it('reads each module of the root pom: artifactId, its own version, versioned dependencies and the core range', async () => {
    const r = repo()
      .file('pom.xml', rootPom(['plugin-http', 'plugin-jdbc/', 'tools/bom/pom.xml'], '<coreVersion>[3.0,4.0)</coreVersion>'))
      .file('plugin-http/pom.xml', modulePom('plugin-http', '1.2.0', `  <properties><coreVersion>3.1.0</coreVersion></properties>
  <dependencies>
    <dependency><groupId>io.acme</groupId><artifactId>plugin-jdbc</artifactId><version>2.0.0</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></dependency>
  </dependencies>
`))
      .file('plugin-jdbc/pom.xml', modulePom('plugin-jdbc', '2.0.0'))
      .file('tools/bom/pom.xml', modulePom('acme-bom', '0.1.0', '  <properties><maven.deploy.skip>true</maven.deploy.skip></properties>\n'))
      .commit('chore: maven fleet');

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet).toEqual({
      ecosystem: 'maven',
      single: false,
      plugins: [
        { name: 'acme-bom', path: 'tools/bom', ecosystem: 'maven', manifestFile: 'tools/bom/pom.xml', version: '0.1.0', dependencies: [], private: true, coreRange: '[3.0,4.0)', artifacts: [{ groupId: 'io.acme', artifactId: 'acme-bom', path: 'tools/bom' }] },
        { name: 'plugin-http', path: 'plugin-http', ecosystem: 'maven', manifestFile: 'plugin-http/pom.xml', version: '1.2.0', dependencies: [{ name: 'plugin-jdbc', range: '2.0.0', kind: 'runtime' }], private: false, coreRange: '3.1.0', artifacts: [{ groupId: 'io.acme', artifactId: 'plugin-http', path: 'plugin-http' }] },
        { name: 'plugin-jdbc', path: 'plugin-jdbc', ecosystem: 'maven', manifestFile: 'plugin-jdbc/pom.xml', version: '2.0.0', dependencies: [], private: false, coreRange: '[3.0,4.0)', artifacts: [{ groupId: 'io.acme', artifactId: 'plugin-jdbc', path: 'plugin-jdbc' }] },
      ],
    });
  });

  it('gives each dependency the kind its scope says: test → dev, provided → peer, <optional> → optional, else runtime', async () => {
    const dependency = (artifactId: string, extra = '') => `    <dependency><groupId>io.acme</groupId><artifactId>${artifactId}</artifactId><version>1.0.0</version>${extra}</dependency>`;
    const r = repo()
      .file('pom.xml', rootPom(['a', 'b']))
      .file('a/pom.xml', modulePom('a', '1.0.0'))
      .file('b/pom.xml', modulePom('b', '2.0.0', ['  <dependencies>', dependency('a'), dependency('t', '<scope>test</scope>'), dependency('p', '<scope> provided </scope>'), dependency('o', '<optional>true</optional>'), dependency('r', '<scope>runtime</scope>'), '  </dependencies>', ''].join('\n')))
      .commit('chore: scopes');
    const fleet = await discoverFleet(r.dir, config());
    expect(fleet.plugins.find((p) => p.name === 'b')!.dependencies).toEqual([
      { name: 'a', range: '1.0.0', kind: 'runtime' },
      { name: 't', range: '1.0.0', kind: 'dev' },
      { name: 'p', range: '1.0.0', kind: 'peer' },
      { name: 'o', range: '1.0.0', kind: 'optional' },
      { name: 'r', range: '1.0.0', kind: 'runtime' },
    ]);
  });

  it('treats a pom without modules as a repository that is one plugin', async () => {
    const r = repo().file('pom.xml', modulePom('solo', '0.4.2')).commit('chore: solo');

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet).toEqual({
      ecosystem: 'maven',
      single: true,
      plugins: [{ name: 'solo', path: '', ecosystem: 'maven', manifestFile: 'pom.xml', version: '0.4.2', dependencies: [], private: false, artifacts: [{ groupId: 'io.acme', artifactId: 'solo', path: '' }] }],
    });
  });
});

describe('maven manifest errors', () => {
  it('modules that inherit the root version are one lockstep unit: the root versioned, every module an artifact whose <parent><version> follows', async () => {
    const r = repo().file('pom.xml', rootPom(['a', 'b'])).file('a/pom.xml', modulePom('a', undefined)).file('b/pom.xml', modulePom('b', '5.0.0')).commit('chore: inherit');

    const fleet = await discoverFleet(r.dir, config());

    expect(fleet).toMatchObject({
      single: true,
      plugins: [
        {
          name: 'acme-plugins',
          path: '',
          manifestFile: 'pom.xml',
          version: '5.0.0',
          versionFiles: ['a/pom.xml', 'b/pom.xml'],
          artifacts: [
            { groupId: 'io.acme', artifactId: 'a', path: 'a' },
            { groupId: 'io.acme', artifactId: 'b', path: 'b' },
          ],
        },
      ],
    });
  });

  it('a module that inherits a version from a parent outside the build is refused with the line to add', async () => {
    const outside = modulePom('a', undefined).replace('<version>5.0.0</version>', '<version>4.0.0</version>');
    const r = repo().file('pom.xml', rootPom(['a'])).file('a/pom.xml', outside).commit('chore: inherit from elsewhere');

    const error = await discoverFleet(r.dir, config()).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'VERSION_INVALID', subject: 'a/pom.xml', message: '<version> is missing: a inherits 4.0.0 from its <parent>' });
    expect((error as { hint: string }).hint).toContain('add <version>4.0.0</version> after <artifactId> in a/pom.xml');
  });

  it('a missing module pom names the expected path', async () => {
    const r = repo().file('pom.xml', rootPom(['a', 'b'])).file('a/pom.xml', modulePom('a', '1.0.0')).commit('chore: missing b');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({ code: 'MANIFEST_MISSING', subject: 'b/pom.xml', message: 'expected a manifest at b/pom.xml, found none' });
  });

  it('malformed XML names the file and the line', async () => {
    const r = repo()
      .file('pom.xml', rootPom(['a']))
      .file('a/pom.xml', '<project>\n  <artifactId>a</artifactId>\n  <version>1.0.0</versoin>\n</project>\n')
      .commit('chore: broken xml');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({
      code: 'MANIFEST_INVALID',
      subject: 'a/pom.xml:3',
      message: expect.stringContaining('not valid XML'),
    });
  });

  it('a Maven-style version that is not semver names the file and the value', async () => {
    const r = repo().file('pom.xml', rootPom(['a'])).file('a/pom.xml', modulePom('a', '1.0-SNAPSHOT')).commit('chore: snapshot');

    await expect(discoverFleet(r.dir, config())).rejects.toMatchObject({
      code: 'VERSION_INVALID',
      subject: 'a/pom.xml',
      message: '<version> is "1.0-SNAPSHOT", which is not a semver version',
    });
  });
});

describe('maven manifest updater', () => {
  const pom = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- <version>0.0.1</version> in a comment stays -->',
    '<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '\t<parent>',
    '\t\t<groupId>io.acme</groupId>',
    '\t\t<artifactId>acme-plugins</artifactId>',
    '\t\t<version>1.2.0</version>',
    '\t</parent>',
    '\t<artifactId>plugin-http</artifactId>',
    '\t<version> 1.2.0 </version>',
    '\t<dependencies>',
    '\t\t<dependency>',
    '\t\t\t<version>1.2.0</version>',
    '\t\t\t<artifactId>plugin-jdbc</artifactId>',
    '\t\t</dependency>',
    '\t\t<dependency>',
    '\t\t\t<artifactId>plugin-core</artifactId>',
    '\t\t\t<version>${project.version}</version>',
    '\t\t</dependency>',
    '\t\t<dependency>',
    '\t\t\t<artifactId>commons-io</artifactId>',
    '\t\t\t<version>1.2.0</version>',
    '\t\t</dependency>',
    '\t</dependencies>',
    '\t<build><plugins><plugin><artifactId>maven-jar-plugin</artifactId><version>1.2.0</version></plugin></plugins></build>',
    '</project>',
    '',
  ].join('\r\n');

  it('rewrites only the project\'s own <version>, keeping <parent><version>, comments, tabs and CRLF', () => {
    const out = mavenUpdater.update(pom, { version: v('1.3.0') }, 'plugin-http/pom.xml');

    expect(out).toBe(pom.replace('\t<version> 1.2.0 </version>', '\t<version> 1.3.0 </version>'));
  });

  it('rewrites internal dependency versions wherever <version> sits in the dependency, and leaves ${property} versions alone', () => {
    const out = mavenUpdater.update(pom, { dependencies: [{ name: 'plugin-jdbc', range: '1.3.0' }, { name: 'plugin-core', range: '9.9.9' }] }, 'plugin-http/pom.xml');

    expect(out).toBe(pom.replace('\t\t\t<version>1.2.0</version>\r\n\t\t\t<artifactId>plugin-jdbc', '\t\t\t<version>1.3.0</version>\r\n\t\t\t<artifactId>plugin-jdbc'));
  });

  it('refuses a pom whose only <version> is the parent\'s, naming the file', () => {
    const inheriting = '<project><parent><version>1.0.0</version></parent><artifactId>a</artifactId></project>';

    expect(() => mavenUpdater.update(inheriting, { version: v('1.0.1') }, 'a/pom.xml')).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID', subject: 'a/pom.xml', message: expect.stringContaining('has no <version> of its own') }),
    );
  });
});
