/**
 * The planner's JVM rules, on plain data: release types by type(scope), the committed SNAPSHOT
 * as a floor, the next SNAPSHOT in the plan, maintenance lines kept on patches, and a raised
 * core as a minor.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type VersioningConfig } from '../../src/core/config/schema.ts';
import type { ReleaseHistory } from '../../src/core/history/last-release.ts';
import { tagFormat } from '../../src/core/history/tag-format.ts';
import { assemblePlan } from '../../src/core/plan/assemble-plan.ts';
import { bumpForCommit } from '../../src/core/versioning/bump.ts';
import { parseConventionalCommit, type ConventionalCommit } from '../../src/core/versioning/conventional-commit.ts';
import { pluginName, repoPath, sha, tagName, type Plugin, type PluginName, type Sha, type Version } from '../../src/core/types.ts';

const v = (s: string) => s as Version;
const unit = pluginName('plugin-widgets');
let counter = 0;
const commit = (message: string) => ({ sha: sha(String(++counter).padStart(40, '0')), parents: [sha('f'.repeat(40))], date: '2026-01-01T00:00:00Z', author: 'a', message, files: [repoPath('gradle.properties')] });
const cc = (header: string): ConventionalCommit => {
  const parsed = parseConventionalCommit(header);
  if (!parsed.conventional) throw new Error(`not conventional: ${header}`);
  return parsed.commit;
};

function plan(options: { version: string; messages: string[]; tags: string[]; elsewhere?: string[]; last: string; versioning?: Partial<VersioningConfig>; floor?: string; cycle?: boolean; coreRaised?: boolean }) {
  const plugin: Plugin = {
    name: unit,
    path: repoPath(''),
    ecosystem: 'gradle',
    manifestFile: repoPath('gradle.properties'),
    version: v(options.version),
    dependencies: [],
    private: false,
    ...(options.floor ? { versionFloor: v(options.floor) } : {}),
    ...(options.cycle ? { snapshotCycle: true } : {}),
  };
  const released = (version: string) => ({ tag: tagName(`v${version}`), version: v(version), commit: sha('e'.repeat(40)) as Sha });
  const history: ReleaseHistory = { last: released(options.last), versions: options.tags.map(v), elsewhere: (options.elsewhere ?? []).map(released) };
  return assemblePlan({
    plugins: [plugin],
    histories: new Map<PluginName, ReleaseHistory>([[unit, history]]),
    unreleased: new Map([[unit, options.messages.map(commit)]]),
    baseSha: sha('a'.repeat(40)),
    date: '2026-11-30',
    tagFormat: tagFormat('v{version}'),
    versioning: { ...defaultConfig().versioning, ...options.versioning },
    ...(options.coreRaised ? { coreRaised: new Set([unit]) } : {}),
  });
}

describe('release types by type and scope', () => {
  it('a scoped key beats the type-wide one; chore(version) never releases by default', () => {
    const types = { chore: 'patch', 'chore(docs)': 'none' } as const;
    expect(bumpForCommit(cc('chore(deps): bump x'), types)).toBe('patch');
    expect(bumpForCommit(cc('chore(docs): typo'), types)).toBe('none');
    expect(bumpForCommit(cc("chore(version): update snapshot version 'v1.9.9-SNAPSHOT'."), types)).toBe('none');
    expect(bumpForCommit(cc('chore(version): pin'), { 'chore(version)': 'patch' })).toBe('patch');
    expect(bumpForCommit(cc('fix(deps): x'), { 'chore(deps)': 'none' })).toBe('patch');
  });

  it('slipway.yml refuses a key that is neither a type nor type(scope)', async () => {
    const { parseConfig } = await import('../../src/core/config/parse-config.ts');
    expect(() => parseConfig('versioning:\n  releaseTypes:\n    "chore (deps)": patch\n')).toThrow(/type\(scope\)/);
  });
});

describe('the SNAPSHOT cycle', () => {
  it('1.9.8-SNAPSHOT after v1.9.7 with a fix: 1.9.8, then 1.9.9-SNAPSHOT', () => {
    const p = plan({ version: '1.9.8-SNAPSHOT', floor: '1.9.8', cycle: true, last: '1.9.7', tags: ['1.9.7'], messages: ['fix: x', "chore(version): update snapshot version 'v1.9.8-SNAPSHOT'."] });
    expect(p.releases[0]).toMatchObject({ from: '1.9.7', to: '1.9.8', nextSnapshot: '1.9.9-SNAPSHOT', tag: 'v1.9.8' });
  });

  it('a raised SNAPSHOT is a floor: 1.15.0-SNAPSHOT after v1.14.2 with only fixes releases 1.15.0', () => {
    const p = plan({ version: '1.15.0-SNAPSHOT', floor: '1.15.0', cycle: true, last: '1.14.2', tags: ['1.14.2'], messages: ['fix: a', 'fix: b'] });
    expect(p.releases[0]).toMatchObject({ to: '1.15.0', nextSnapshot: '1.15.1-SNAPSHOT' });
  });

  it('commits asking for more than the floor win; a stale floor is ignored; the floor alone releases nothing', () => {
    expect(plan({ version: '1.9.8-SNAPSHOT', floor: '1.9.8', cycle: true, last: '1.9.7', tags: ['1.9.7'], messages: ['feat: y'] }).releases[0]!.to).toBe('1.10.0');
    expect(plan({ version: '1.9.7-SNAPSHOT', floor: '1.9.7', cycle: true, last: '1.9.7', tags: ['1.9.7'], messages: ['fix: y'] }).releases[0]!.to).toBe('1.9.8');
    expect(plan({ version: '1.15.0-SNAPSHOT', floor: '1.15.0', cycle: true, last: '1.14.2', tags: ['1.14.2'], messages: ["chore(version): update snapshot version 'v1.15.0-SNAPSHOT'."] }).releases).toEqual([]);
  });

  it('a prerelease channel ignores the floor and commits no SNAPSHOT', () => {
    const p = plan({ version: '1.9.8-SNAPSHOT', floor: '1.15.0', cycle: true, last: '1.9.7', tags: ['1.9.7'], messages: ['fix: x'], versioning: { prerelease: 'rc' } });
    expect(p.releases[0]).toMatchObject({ to: '1.9.8-rc.0' });
    expect(p.releases[0]!.nextSnapshot).toBeUndefined();
  });
});

describe('maintenance lines and the core', () => {
  it('on a line behind newer releases (0.21.x while 0.22.0 is out), a feat is released as a patch', () => {
    const p = plan({ version: '0.21.0', last: '0.21.0', tags: ['0.21.0'], elsewhere: ['0.22.0'], messages: ['feat: introduce mariadb plugins'] });
    expect(p.releases[0]).toMatchObject({ from: '0.21.0', to: '0.21.1', bump: 'patch' });
    expect(p.releases[0]!.nextSnapshot).toBeUndefined();
    // With no newer release anywhere, the same feat is a minor.
    expect(plan({ version: '0.21.0', last: '0.21.0', tags: ['0.21.0'], messages: ['feat: x'] }).releases[0]!.to).toBe('0.22.0');
  });

  it('versioning.coreRaise: minor turns a patch that needs a newer core into a minor; none keeps it', () => {
    const raised = { version: '1.14.3-SNAPSHOT', floor: '1.14.3', cycle: true, last: '1.14.2', tags: ['1.14.2'], messages: ['fix: x'], coreRaised: true };
    expect(plan({ ...raised, versioning: { coreRaise: 'minor' } }).releases[0]!.to).toBe('1.15.0');
    expect(plan(raised).releases[0]!.to).toBe('1.14.3');
  });
});
