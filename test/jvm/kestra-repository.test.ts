/**
 * A Kestra-style plugin repository end to end, through the CLI as a maintainer runs it: init
 * proposes one release unit (v{version}, kestraVersion, the Kestra release types, Java and the
 * Maven secrets — never npm), plan shows the release with its 3 artifacts and the next SNAPSHOT,
 * release ships it (release commit tagged, SNAPSHOT commit on top, both pushed atomically) and
 * publishes with Debian's real Gradle 4.4.1 from the release commit, and index writes one
 * catalog entry per artifact that `catalog compatible` finds on a later core.
 */
import { execa } from 'execa';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir, type Repo } from '../helpers/repo.ts';
import { kestraRelease, kestraRepository, properties, SUBPROJECTS } from './kestra-fixture.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
const slipway = (args: string[], cwd: string) =>
  execa(process.execPath, [CLI, ...args], { cwd, reject: false, env: { GITHUB_TOKEN: '', GITHUB_REPOSITORY: '', GITHUB_REF: '' } });
const planOf = async (cwd: string) => {
  const run = await slipway(['plan', '--json', '--date', '2026-11-30'], cwd);
  expect(run.exitCode, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { releases: Array<Record<string, unknown>>; hash: string };
};

afterAll(cleanupTempDirs);

describe('a Kestra plugin repository (one Gradle build, SNAPSHOT cycle)', () => {
  let r: Repo;
  let remote: string;
  let published: string;

  beforeAll(() => {
    published = tempDir('slipway-maven-repository-');
    r = kestraRepository(published);
    remote = r.withBareRemote();
  });

  it('init writes one v{version} unit with kestraVersion, the Kestra release types, Java 21 and the Maven/signing secrets, and never mentions npm', async () => {
    const run = await slipway(['init', '--workflows', 'release,validate'], r.dir);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toContain('found one gradle build released as one unit, v{version}, with 3 artifacts: plugin-widgets');
    const config = readFileSync(join(r.dir, 'slipway.yml'), 'utf8');
    expect(config).toContain('coreVersionProperty: kestraVersion');
    expect(config).toContain('chore(deps): patch');
    expect(config).toContain('chore(version): none');
    expect(config).toContain('coreRaise: minor');
    expect(config).not.toContain('tagFormat'); // v{version} is the default of a one-unit repository
    const release = readFileSync(join(r.dir, '.github/workflows/release.yml'), 'utf8');
    expect(release).toContain("java-version: '21'");
    for (const secret of ['MAVEN_USERNAME', 'MAVEN_PASSWORD', 'SIGNING_KEY', 'SIGNING_PASSWORD']) {
      expect(release).toContain(`\${{ secrets.${secret} }}`);
      expect(run.stderr).toContain(secret);
    }
    expect(readFileSync(join(r.dir, '.github/workflows/validate.yml'), 'utf8')).toContain("java-version: '21'");
    for (const text of [run.stdout, run.stderr, config, release]) expect(text.toLowerCase()).not.toContain('npm');
    r.commit('ci: release with slipway');
    r.git('push', '-q', 'origin', 'HEAD:main');
  });

  it('plan: one unit 1.9.7 → 1.9.8 tagged v1.9.8, its three artifacts, the next SNAPSHOT; chore(version) commits never count', async () => {
    const plan = await planOf(r.dir);
    expect(plan.releases).toHaveLength(1);
    const [unit] = plan.releases;
    expect(unit).toMatchObject({
      name: 'plugin-widgets',
      path: '',
      manifestFile: 'gradle.properties',
      from: '1.9.7',
      to: '1.9.8',
      tag: 'v1.9.8',
      nextSnapshot: '1.9.9-SNAPSHOT',
      artifacts: SUBPROJECTS.map((s) => `io.kestra.plugin:${s.name}`),
    });
    const types = (unit!.commits as Array<{ type: string; scope: string | null }>).map((c) => `${c.type}(${c.scope})`);
    expect(types).toEqual(['ci(null)', 'fix(beta)', 'chore(deps)', 'chore(version)']);
    const text = await slipway(['plan', '--date', '2026-11-30'], r.dir);
    expect(text.stdout).toContain('then commits the next development version 1.9.9-SNAPSHOT (tag stays on 1.9.8)');
    expect(text.stdout).toContain('3 artifacts: io.kestra.plugin:plugin-widget, io.kestra.plugin:plugin-widget-alpha, io.kestra.plugin:plugin-widget-beta');
  });

  it('release: the tag points at the commit with 1.9.8, main at 1.9.9-SNAPSHOT on top, pushed together; gradle publish ran from the release commit', async () => {
    const run = await slipway(['release', '--yes', '--date', '2026-11-30'], r.dir);
    expect(run.exitCode, run.stderr).toBe(0);
    const tagged = (await execa('git', ['rev-parse', 'v1.9.8^{commit}'], { cwd: remote })).stdout;
    const main = (await execa('git', ['rev-parse', 'main'], { cwd: remote })).stdout;
    expect((await execa('git', ['rev-parse', 'main~1'], { cwd: remote })).stdout).toBe(tagged);
    expect((await execa('git', ['show', `${tagged}:gradle.properties`], { cwd: remote })).stdout).toContain('version=1.9.8\n');
    expect((await execa('git', ['show', `${main}:gradle.properties`], { cwd: remote })).stdout).toContain('version=1.9.9-SNAPSHOT\n');
    expect((await execa('git', ['log', '-1', '--format=%s', main], { cwd: remote })).stdout).toBe('chore(version): next development version');
    // Debian's gradle (no wrapper in the build): jars of the release version, none of the SNAPSHOT.
    for (const sub of SUBPROJECTS) {
      const folder = join(published, 'io/kestra/plugin', sub.name);
      expect(readdirSync(folder)).toEqual(['1.9.8']);
      expect(readdirSync(join(folder, '1.9.8'))).toEqual([`${sub.name}-1.9.8.jar`]);
    }
    expect(run.stderr).toContain('gradle publish');
    // The temporary checkout of the release commit is gone.
    expect((await execa('git', ['worktree', 'list'], { cwd: r.dir })).stdout.split('\n')).toHaveLength(1);
    // Planning right after: the SNAPSHOT commit is a chore(version) and releases nothing.
    expect((await planOf(r.dir)).releases).toEqual([]);
  }, 600_000);

  it('metadata: one entry per artifact with groupId, artifactId, the unit, a minimum core version and the X-Kestra-* facts', async () => {
    const run = await slipway(['metadata', '--tag', 'v1.9.8'], r.dir);
    expect(run.exitCode, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(entries.map((e) => ({ name: e.name, groupId: e.groupId, artifactId: e.artifactId, unit: e.unit, version: e.version, coreRange: e.coreRange, title: e.title, group: e.group, description: e.description, tag: e.tag }))).toEqual(
      SUBPROJECTS.map((s) => ({
        name: s.name,
        groupId: 'io.kestra.plugin',
        artifactId: s.name,
        unit: 'plugin-widgets',
        version: '1.9.8',
        coreRange: '>=1.3.19',
        title: s.title,
        group: `io.kestra.plugin${s.group}`,
        description: s.description,
        tag: 'v1.9.8',
      })),
    );
  });

  it('index then catalog compatible: every artifact is found for a later core; a version tag that is not this fleet\'s fails', async () => {
    const index = await slipway(['index', '--tag', 'v1.9.8'], r.dir);
    expect(index.exitCode, index.stderr).toBe(0);
    const compatible = await slipway(['catalog', 'compatible', '--core', '1.3.20', '--json'], r.dir);
    expect(compatible.exitCode, compatible.stderr).toBe(0);
    expect(JSON.parse(compatible.stdout)).toMatchObject({
      compatible: SUBPROJECTS.map((s) => ({ name: s.name, version: '1.9.8', coreRange: '>=1.3.19' })),
      incompatible: [],
    });
    const older = await slipway(['catalog', 'compatible', '--core', '1.3.18', '--json'], r.dir);
    expect(JSON.parse(older.stdout)).toMatchObject({ compatible: [], incompatible: SUBPROJECTS.map((s) => s.name) });

    r.tag('1.9.8-hotfix');
    const wrong = await slipway(['index', '--tag', '1.9.8-hotfix'], r.dir);
    expect(wrong.exitCode).not.toBe(0);
    expect(wrong.stderr).toContain('tag "1.9.8-hotfix" is a version but not a release tag of this fleet: its tags have the format v{version}');
  }, 300_000);

  it('a raised SNAPSHOT is a floor: 1.10.0-SNAPSHOT with only a fix releases 1.10.0; a deps-only window releases a patch', async () => {
    r.commit('chore(version): next minor', { 'gradle.properties': properties('1.10.0-SNAPSHOT') });
    r.commit('fix(alpha): trim names', { 'plugin-widget-alpha/NOTES.md': 'trim\n' });
    expect((await planOf(r.dir)).releases[0]).toMatchObject({ from: '1.9.8', to: '1.10.0', nextSnapshot: '1.10.1-SNAPSHOT' });

    kestraRelease(r, '1.10.0', '1.10.1');
    expect((await planOf(r.dir)).releases).toEqual([]);
    r.commit('chore(deps): bump com.example:widget-client from 2.1.1 to 2.2.0', { 'plugin-widget-beta/deps.txt': 'widget-client 2.2.0\n' });
    expect((await planOf(r.dir)).releases[0]).toMatchObject({ from: '1.10.0', to: '1.10.1', bump: 'patch' });
    // A raised kestraVersion makes that release a minor (versioning.coreRaise: minor from init).
    r.commit('chore: build against Kestra 1.3.20', { 'gradle.properties': properties('1.10.1-SNAPSHOT', '1.3.20') });
    expect((await planOf(r.dir)).releases[0]).toMatchObject({ from: '1.10.0', to: '1.11.0', bump: 'minor' });
    expect(existsSync(join(r.dir, 'slipway.yml'))).toBe(true);
    writeFileSync(join(r.dir, 'unused.txt'), ''); // untracked files do not matter to the plan
    expect((await planOf(r.dir)).releases).toHaveLength(1);
  }, 300_000);
});
