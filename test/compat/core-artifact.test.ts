/**
 * Where the core comes from and how shards install it: release tags read from a real
 * repository, Maven-style artifacts copied into the local repository plugins resolve from,
 * and the default commands per ecosystem.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { coreCloneUrl, expandHome, installCore, latestReleaseTag } from '../../src/adapters/compat/core-artifact.ts';
import { compatCommands, coreBuildCommand } from '../../src/core/compat/ecosystem-commands.ts';
import { compatCommandsAt } from '../../src/jobs/compat/commands.ts';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import { cleanupTempDirs, repo, tempDir } from '../helpers/repo.ts';

afterAll(cleanupTempDirs);

describe('the core to build', () => {
  it('compares with the highest release tag in semver order, prereleases left out', async () => {
    const core = repo().file('VERSION', '1\n').commit('feat: core');
    for (const tag of ['v1.3.0', 'v1.4.0', 'v1.10.0', 'v2.0.0-rc.1', 'nightly', 'v1.9.9']) core.tag(tag);
    expect(await latestReleaseTag(pathToFileURL(core.dir).href)).toBe('v1.10.0');
  });

  it('says what to set when the core has no release tag', async () => {
    const core = repo().commit('feat: core').tag('nightly');
    await expect(latestReleaseTag(core.dir)).rejects.toMatchObject({ code: 'NOT_FOUND', hint: expect.stringContaining('compat.core.releaseRef') });
  });

  it('clones owner/name from GitHub, URLs as they are, and folders relative to the fleet', () => {
    expect(coreCloneUrl('acme/core', '/nowhere', 'https://ghe.example')).toBe('https://ghe.example/acme/core.git');
    expect(coreCloneUrl('git@github.com:acme/core.git', '/fleet')).toBe('git@github.com:acme/core.git');
    expect(coreCloneUrl('https://git.example/core.git', '/fleet')).toBe('https://git.example/core.git');
    expect(coreCloneUrl('../core', '/work/fleet')).toBe('file:///work/core');
  });
});

describe('installing the core in a shard', () => {
  it('gradle/maven: copies the core’s artifacts into the Maven local repository, both versions side by side', async () => {
    const artifact = tempDir();
    const jar = 'repository/dev/acme/core/2.0.0-SNAPSHOT/core-2.0.0-SNAPSHOT.jar';
    mkdirSync(join(artifact, 'develop', jar, '..'), { recursive: true });
    writeFileSync(join(artifact, 'develop', jar), 'develop jar');
    const local = tempDir();
    mkdirSync(join(local, 'dev/acme/core/1.4.0'), { recursive: true });
    writeFileSync(join(local, 'dev/acme/core/1.4.0/core-1.4.0.jar'), 'released jar');
    const build = { channel: 'develop' as const, ref: 'develop', sha: 'a'.repeat(40), version: '2.0.0-SNAPSHOT' };
    const installed = await installCore({ build, ecosystem: 'maven', dir: join(artifact, 'develop') }, tempDir(), { mavenLocal: local });
    expect(readFileSync(join(local, 'dev/acme/core/2.0.0-SNAPSHOT/core-2.0.0-SNAPSHOT.jar'), 'utf8')).toBe('develop jar');
    expect(readFileSync(join(local, 'dev/acme/core/1.4.0/core-1.4.0.jar'), 'utf8')).toBe('released jar');
    expect(installed.placeholders).toMatchObject({ coreRepo: local, mavenLocal: local, coreVersion: '2.0.0-SNAPSHOT' });
    expect(installed.env).toMatchObject({ SLIPWAY_CORE_REPO: local, SLIPWAY_CORE_VERSION: '2.0.0-SNAPSHOT', SLIPWAY_CORE_CHANNEL: 'develop' });
  });

  it('reads ~ in paths as the home folder', () => {
    expect(expandHome('~/.m2/repository')).toBe(join(homedir(), '.m2/repository'));
    expect(expandHome('/opt/m2')).toBe('/opt/m2');
  });
});

describe('compat commands', () => {
  it('an npm fleet’s default test is its package manager’s: packageManager field, then lockfile; slipway.yml still wins', async () => {
    const config = parseConfig('');
    const at = (files: Record<string, string>) => {
      const dir = tempDir();
      for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
      return dir;
    };
    const testAt = async (files: Record<string, string>, yml = '') => (await compatCommandsAt(yml ? parseConfig(yml) : config, 'npm', at(files))).test;
    expect(await testAt({ 'package.json': '{}', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" })).toBe('pnpm run test');
    expect(await testAt({ 'package.json': '{}', 'yarn.lock': '__metadata:\n  version: 8\n' })).toBe('yarn run test');
    expect(await testAt({ 'package.json': '{}', 'bun.lock': '{}\n' })).toBe('bun run test');
    expect(await testAt({ 'package.json': '{"packageManager": "pnpm@10.0.0"}', 'package-lock.json': '{}' })).toBe('pnpm run test');
    expect(await testAt({ 'package.json': '{}', 'package-lock.json': '{}' })).toBe('npm run test');
    expect(await testAt({ 'pnpm-lock.yaml': '' }, 'commands:\n  test: make check\n')).toBe('make check');
    expect(await testAt({ 'pnpm-lock.yaml': '' }, 'compat:\n  test: pnpm vitest run\n')).toBe('pnpm vitest run');
    // Other ecosystems keep compat's own default.
    expect((await compatCommandsAt(config, 'python', at({ 'pnpm-lock.yaml': '' }))).test).toBe('python -m pytest --junitxml=junit.xml');
  });

  it('default per ecosystem, with the fleet’s core version property for Gradle and Maven', () => {
    const config = parseConfig('fleet:\n  coreVersionProperty: hostVersion\n');
    expect(coreBuildCommand(config, 'npm')).toBe('npm pack --pack-destination {out}');
    expect(compatCommands(config, 'npm')).toMatchObject({ test: 'npm test' });
    expect(compatCommands(config, 'maven').test).toBe('mvn -B test -Dmaven.repo.local={mavenLocal} -DhostVersion={coreVersion}');
    expect(coreBuildCommand(config, 'maven')).toBe('mvn -B -DskipTests install -Dmaven.repo.local={mavenLocal}');
    // From the build root, through the wrapper where there is one: `./gradlew :sub:test`.
    expect(compatCommands(config, 'gradle')).toMatchObject({
      test: '{gradle} {taskPrefix}cleanTest {taskPrefix}test -Dmaven.repo.local={mavenLocal} -PhostVersion={coreVersion}',
      junit: expect.arrayContaining(['build/test-results/**/*.xml']),
      strategy: { testFrom: 'build-root' },
    });
  });

  it('take compat.test over commands.test over the default', () => {
    expect(compatCommands(parseConfig('commands:\n  test: make check\n'), 'npm').test).toBe('make check');
    expect(compatCommands(parseConfig('commands:\n  test: make check\ncompat:\n  test: make compat\n'), 'npm').test).toBe('make compat');
  });

  it('must be configured for a generic fleet, and the error names the key', () => {
    expect(() => coreBuildCommand(parseConfig('compat:\n  test: ./test.sh\n'), 'generic')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', subject: 'compat.core.build' }));
    expect(() => compatCommands(parseConfig('compat:\n  core:\n    build: make\n'), 'generic')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', subject: 'compat.test' }));
  });
});
