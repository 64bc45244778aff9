/**
 * A changesets repository as its team keeps it: `.changeset/config.json` with a fixed group and
 * `access`, pending changesets written per pull request, Conventional Commits beside them.
 * slipway plans from both (a plugin's bump is the higher of the two), writes the summaries into
 * the changelog, releases the fixed group to one version, and deletes the changesets it
 * consumed in the release commit — so the team keeps writing changesets.
 */
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChangeset, readChangesets } from '../../src/adapters/changesets/read-changesets.ts';
import { isSlipwayError } from '../../src/core/errors.ts';
import { applyVersionGroups } from '../../src/core/plan/release-intents.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import type { PluginName, Version } from '../../src/core/types.ts';
import { shipPlan } from '../../src/jobs/release.ts';
import { cleanupTempDirs, pkg, repo, tempDir } from '../helpers/repo.ts';
import { asArtifact, makePlan, startServers, type Servers } from './helpers.ts';

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
}, 60_000);
afterAll(async () => {
  await servers.close();
  cleanupTempDirs();
});

const CONFIG = JSON.stringify({ $schema: 'https://unpkg.com/@changesets/config/schema.json', changelog: '@changesets/cli/changelog', commit: false, fixed: [['@cs/a', '@cs/b']], linked: [], access: 'public', baseBranch: 'main', updateInternalDependencies: 'patch', ignore: [] }, null, 2);

function changesetsFleet() {
  return repo()
    .files({
      'package.json': pkg('cs-root', '0.0.0', { private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': pkg('@cs/a', '1.0.0'),
      'packages/b/package.json': pkg('@cs/b', '1.0.0'),
      'packages/c/package.json': pkg('@cs/c', '2.0.0'),
      '.changeset/config.json': CONFIG,
      '.changeset/README.md': '# Changesets\n\nA folder of changesets: `npx changeset` adds one.\n',
    })
    .commit('chore: release')
    .tag('@cs/a@1.0.0')
    .tag('@cs/b@1.0.0')
    .tag('@cs/c@2.0.0')
    .commit('chore: add a changeset', { '.changeset/brave-cats-dance.md': '---\n"@cs/a": minor\n---\n\nAdd retries to the HTTP client.\n' })
    .commit('chore: add a changeset', { '.changeset/quiet-dogs-sleep.md': '---\n"@cs/a": patch\n"@cs/c": patch\n---\n\nFix the CSV parser.\n\nIt no longer drops the last row.\n' })
    .commit('feat(c): stream large files', { 'packages/c/index.js': 'module.exports = 1;\n' });
}

describe('a changesets repository', () => {
  it('is planned from its changesets and commits, with the fixed group at one version, and released with the changesets deleted in the release commit', async () => {
    const r = changesetsFleet();
    servers.github.state.addRepo('acme/cs');
    r.withBareRemote();
    const plan = await makePlan(r.dir);

    expect(plan.releases.map((x) => `${x.name} ${x.from} → ${x.to} ${x.bump} (${x.reason})`)).toEqual([
      '@cs/a 1.0.0 → 1.1.0 minor (changeset)',
      '@cs/b 1.0.0 → 1.1.0 minor (group)',
      '@cs/c 2.0.0 → 2.1.0 minor (commits)',
    ]);
    expect(plan.changesets).toEqual(['.changeset/brave-cats-dance.md', '.changeset/quiet-dogs-sleep.md']);
    const [a, , c] = plan.releases;
    expect(a!.changelog).toBe(
      '## 1.1.0 (2026-03-01)\n\n### Minor Changes\n\n* Add retries to the HTTP client.\n\n### Patch Changes\n\n* Fix the CSV parser.\n\n  It no longer drops the last row.\n',
    );
    expect(c!.changelog).toContain('### Patch Changes\n\n* Fix the CSV parser.');
    expect(c!.changelog).toContain('### Features\n\n* **c:** stream large files');

    const result = await shipPlan({
      cwd: r.dir,
      plan: asArtifact(plan),
      expectedHash: plan.hash,
      reporter: memoryReporter(),
      journalFile: join(tempDir(), 'journal.json'),
      github: { client: servers.client(), repository: 'acme/cs' },
      registry: { url: servers.registry.url, token: servers.registry.token },
      env: {},
    });
    expect(result.released.map((x) => `${x.name}@${x.version} ${x.publish}`)).toEqual(['@cs/a@1.1.0 published', '@cs/b@1.1.0 published', '@cs/c@2.1.0 published']);

    const changed = (await execa('git', ['show', '--name-status', '--format=', 'HEAD'], { cwd: r.dir })).stdout.split('\n').sort();
    expect(changed).toEqual([
      'D\t.changeset/brave-cats-dance.md',
      'D\t.changeset/quiet-dogs-sleep.md',
      'M\tpackages/a/package.json',
      'A\tpackages/a/CHANGELOG.md',
      'M\tpackages/b/package.json',
      'A\tpackages/b/CHANGELOG.md',
      'M\tpackages/c/package.json',
      'A\tpackages/c/CHANGELOG.md',
    ].sort());
    expect((await execa('git', ['ls-files', '.changeset'], { cwd: r.dir })).stdout.split('\n')).toEqual(['.changeset/README.md', '.changeset/config.json']);
    expect((await execa('git', ['status', '--porcelain'], { cwd: r.dir })).stdout).toBe('');
    expect(readFileSync(join(r.dir, 'packages/a/CHANGELOG.md'), 'utf8')).toContain('* Add retries to the HTTP client.');
    // Nothing left to release: the changesets are gone, the commits are released.
    expect((await makePlan(r.dir)).releases).toEqual([]);
  }, 120_000);

  it('a linked group aligns only the members that release, from the highest version in the group', () => {
    const member = (name: string, current: string, bump: 'none' | 'patch' | 'minor' | 'major') => [name as PluginName, { name: name as PluginName, current: current as Version, bump }] as const;
    const members = new Map([member('x', '1.4.0', 'patch'), member('y', '2.0.0', 'minor'), member('z', '3.0.0', 'none')]);
    const bases = applyVersionGroups(members, { fixed: [], linked: [['x', 'y', 'z'] as PluginName[]] });
    expect([...members.values()].map((m) => `${m.name} ${m.bump}`)).toEqual(['x minor', 'y minor', 'z none']);
    expect(Object.fromEntries(bases)).toEqual({ x: '3.0.0', y: '3.0.0' });
  });

  it('names a malformed changeset by file and line, and reads group globs against the fleet', async () => {
    expect(() => parseChangeset('no front matter\n', '.changeset/x.md')).toThrow(/a changeset starts with a front matter/);
    const error = (() => {
      try {
        parseChangeset('---\n"@cs/a": huge\n---\n\ntext\n', '.changeset/y.md');
      } catch (e) {
        return e;
      }
    })();
    expect(isSlipwayError(error) && `${error.subject}: ${error.message}`).toBe('.changeset/y.md:2: "@cs/a": "huge" is not a bump: use major, minor, patch or none');
    const r = repo().files({ '.changeset/config.json': JSON.stringify({ fixed: [['@cs/*']], linked: [['tool-*']], ignore: ['@cs/internal'] }) }).commit('chore: config');
    const reading = await readChangesets(r.dir, ['@cs/a', '@cs/b', '@cs/internal', 'tool-x', 'other']);
    expect(reading.groups).toEqual({ fixed: [['@cs/a', '@cs/b']], linked: [['tool-x']] });
  });
});
