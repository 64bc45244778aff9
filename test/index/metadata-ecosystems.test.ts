/**
 * process-metadata for every ecosystem: the package manifest gives what it knows (description,
 * license, links, the core range in its own notation), slipway-plugin.json/.yml gives the rest,
 * and both are read at the tag.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { memoryReporter } from '../../src/core/reporter.ts';
import { processMetadata } from '../../src/jobs/metadata.ts';
import { cleanupTempDirs, repo } from '../helpers/repo.ts';

afterAll(cleanupTempDirs);

const metadata = async (dir: string, tags: string[]) => (await processMetadata({ cwd: dir, reporter: memoryReporter(), select: { kind: 'tags', tags } })).entries;
const MANIFEST_YML = (title: string, extra = '') => `title: ${title}\ngroup: io.acme\ncategories: [storage]\nelements:\n  - kind: task\n    name: ${title.toLowerCase()}.copy\n  - kind: trigger\n    name: ${title.toLowerCase()}.watch\n${extra}`;

describe('metadata of Gradle, Maven, Python and generic plugins', () => {
  it('Gradle: version, description and the core range (a Maven range) from gradle.properties, the rest from slipway-plugin.yml', async () => {
    const r = repo()
      .file('settings.gradle', "rootProject.name = 'acme'\ninclude 'plugin-s3'\n")
      .file('gradle.properties', 'coreVersion=[1.4,2.0)\n')
      .file('plugin-s3/build.gradle', '')
      .file('plugin-s3/gradle.properties', 'version=1.2.0\ndescription=Copy objects to and from S3.\n')
      .file('plugin-s3/slipway-plugin.yml', MANIFEST_YML('S3', 'license: Apache-2.0\nhomepage: https://acme.example/s3\n'))
      .commit('feat: s3')
      .tag('plugin-s3@1.2.0');
    expect(await metadata(r.dir, ['plugin-s3@1.2.0'])).toEqual([
      {
        name: 'plugin-s3',
        version: '1.2.0',
        // A Gradle unit's entries are per artifact: the subproject's Maven artifactId (no group set).
        artifactId: 'plugin-s3',
        tag: 'plugin-s3@1.2.0',
        commit: r.head(),
        releaseDate: '2026-01-01T09:01:00Z',
        ecosystem: 'gradle',
        title: 'S3',
        group: 'io.acme',
        description: 'Copy objects to and from S3.',
        license: 'Apache-2.0',
        homepage: 'https://acme.example/s3',
        repository: undefined,
        keywords: [],
        categories: ['storage'],
        icon: undefined,
        coreRange: '>=1.4 <2.0',
        releaseNotes: undefined,
        elements: [
          { kind: 'task', name: 's3.copy' },
          { kind: 'trigger', name: 's3.watch' },
        ],
      },
    ]);
  });

  it('Maven: description, url, license and the core property from the module pom (or the root pom)', async () => {
    const pom = (artifact: string, version: string, body = '') =>
      `<?xml version="1.0"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>io.acme</groupId>\n  <artifactId>${artifact}</artifactId>\n  <version>${version}</version>\n${body}</project>\n`;
    const r = repo()
      .file('pom.xml', pom('acme-parent', '1.0.0', '  <packaging>pom</packaging>\n  <modules><module>kafka</module></modules>\n  <properties><coreVersion>[1.4.2]</coreVersion></properties>\n'))
      .file(
        'kafka/pom.xml',
        pom('acme-kafka', '3.1.0', '  <description>Read and write Kafka topics.</description>\n  <url>https://acme.example/kafka</url>\n  <licenses><license><name>MIT</name></license></licenses>\n  <scm><url>https://github.com/acme/plugins</url></scm>\n'),
      )
      .file('kafka/slipway-plugin.json', JSON.stringify({ title: 'Kafka', elements: [{ kind: 'trigger', name: 'kafka.consume', description: 'Starts a flow per message.' }] }))
      .commit('feat: kafka')
      .tag('acme-kafka@3.1.0');
    const [kafka] = await metadata(r.dir, ['acme-kafka@3.1.0']);
    expect(kafka).toMatchObject({
      name: 'acme-kafka',
      ecosystem: 'maven',
      description: 'Read and write Kafka topics.',
      license: 'MIT',
      homepage: 'https://acme.example/kafka',
      repository: 'https://github.com/acme/plugins',
      coreRange: '1.4.2',
      elements: [{ kind: 'trigger', name: 'kafka.consume', description: 'Starts a flow per message.' }],
    });
  });

  it('Python: a repository that is one plugin, tagged v1.0.0, with the core as a PEP 508 dependency', async () => {
    const r = repo()
      .file('slipway.yml', 'core:\n  package: acme-core\n')
      .file(
        'pyproject.toml',
        '[project]\nname = "acme-http"\nversion = "1.0.0"\ndescription = "HTTP for Acme."\nlicense = { text = "BSD-3-Clause" }\nkeywords = ["http", "acme"]\ndependencies = ["Acme_Core>=1.4,<2", "requests>=2"]\n\n[project.urls]\nHomepage = "https://acme.example/http"\nSource = "https://github.com/acme/http"\n',
      )
      .file('slipway-plugin.yml', MANIFEST_YML('Http'))
      .commit('feat: http')
      .tag('v1.0.0', 'v1.0.0');
    const [http] = await metadata(r.dir, ['v1.0.0']);
    expect(http).toMatchObject({
      name: 'acme-http',
      version: '1.0.0',
      tag: 'v1.0.0',
      ecosystem: 'python',
      license: 'BSD-3-Clause',
      keywords: ['acme', 'http'],
      homepage: 'https://acme.example/http',
      repository: 'https://github.com/acme/http',
      coreRange: '>=1.4 <2',
    });
  });

  it('generic: only the version is in a file; description, license and core range come from the manifest', async () => {
    const r = repo()
      .file('slipway.yml', 'fleet:\n  ecosystem: generic\n  plugins:\n    - { name: shell-tools, path: tools/shell }\n')
      .file('tools/shell/VERSION', '0.3.0\n')
      .file('tools/shell/slipway-plugin.yaml', MANIFEST_YML('Shell', 'description: Shell helpers.\nlicense: MIT\ncoreRange: ">=1.4.0 <3"\n'))
      .commit('feat: shell')
      .tag('shell-tools@0.3.0');
    const [shell] = await metadata(r.dir, ['shell-tools@0.3.0']);
    expect(shell).toMatchObject({ name: 'shell-tools', version: '0.3.0', ecosystem: 'generic', description: 'Shell helpers.', license: 'MIT', coreRange: '>=1.4.0 <3' });
  });
});
