import { describe, expect, it } from 'vitest';
import type { ReleaseHistory } from '../../src/core/history/last-release.ts';
import type { PlannedRelease } from '../../src/core/plan/release-plan.ts';
import { pluginName, repoPath, sha, tagName, type Version } from '../../src/core/types.ts';
import { checkPlannedVersion } from '../../src/core/validate/version-sanity.ts';

const v = (s: string) => s as Version;
const SHA = sha('c'.repeat(40));

function release(from: string, to: string, commits: Array<{ type: string; breaking?: boolean }> = [{ type: 'fix' }]): PlannedRelease {
  return {
    name: pluginName('a'),
    path: repoPath('plugins/a'),
    ecosystem: 'npm',
    manifestFile: repoPath('plugins/a/package.json'),
    private: false,
    from: v(from),
    to: v(to),
    bump: 'patch',
    reason: 'commits',
    tag: tagName(`a@${to}`),
    firstRelease: false,
    commits: commits.map((c, i) => ({ sha: sha(String(i + 1).repeat(40)), type: c.type, scope: null, subject: 's', breaking: c.breaking ?? false })),
    dependencyUpdates: [],
    dependents: [],
    changelog: '## x',
  };
}

function history(...versions: string[]): ReleaseHistory {
  return { last: versions[0] ? { tag: tagName(`a@${versions[0]}`), version: v(versions[0]), commit: SHA } : undefined, versions: versions.map(v), elsewhere: [] };
}

const at = { file: 'plugins/a/package.json', line: 3 };
const check = (r: PlannedRelease, h: ReleaseHistory, tags: Record<string, string> = {}, manifestVersion: string = h.last?.version ?? r.from) =>
  checkPlannedVersion({ release: r, history: h, tags: new Map(Object.entries(tags)), manifestVersion, versionAt: at });

describe('version sanity', () => {
  it('passes a patch after the last release, with a free tag and a manifest at the last release', () => {
    expect(check(release('1.2.0', '1.2.1'), history('1.2.0', '1.1.0'))).toEqual([]);
  });

  it('refuses a next version that is not greater than the last release', () => {
    expect(check(release('1.2.0', '1.2.0'), history('1.2.0'), { 'a@1.2.0': SHA })).toEqual([
      { check: 'version', severity: 'error', file: at.file, line: 3, message: 'next version 1.2.0 is not greater than the last release 1.2.0 (tag a@1.2.0); re-plan from the current tags' },
      expect.objectContaining({ message: expect.stringMatching(/^tag a@1\.2\.0 already exists \(on commit ccccccc\)/) }),
    ]);
    // A release tagged since the plan was made (the plan still says 1.2.0 → 1.2.1).
    expect(check(release('1.2.0', '1.2.1'), history('1.3.0', '1.2.0'), {}, '1.3.0').map((f) => f.message)).toEqual([
      'next version 1.2.1 is not greater than the last release 1.3.0 (tag a@1.3.0); re-plan from the current tags',
    ]);
  });

  it('refuses a tag that exists already, naming its commit', () => {
    expect(check(release('1.2.0', '1.2.1'), history('1.2.0'), { 'a@1.2.1': 'deadbeef'.repeat(5) }).map((f) => f.message)).toEqual([
      'tag a@1.2.1 already exists (on commit deadbee); version 1.2.1 was released already — re-plan, or delete the tag if it was made by mistake',
    ]);
  });

  it('wants a major for a breaking change after 1.0', () => {
    const breaking = [{ type: 'feat', breaking: true }];
    expect(check(release('1.2.0', '1.3.0', breaking), history('1.2.0')).map((f) => f.message)).toEqual([
      '1 breaking change (1111111) needs a major release after 1.2.0, but the next version is 1.3.0',
    ]);
    expect(check(release('1.2.0', '2.0.0', breaking), history('1.2.0'))).toEqual([]);
    expect(check(release('1.2.0', '2.0.0-next.0', breaking), history('1.2.0'))).toEqual([]);
  });

  it('wants only a minor for a breaking change while 0.x', () => {
    const breaking = [{ type: 'fix', breaking: true }];
    expect(check(release('0.2.0', '0.2.1', breaking), history('0.2.0')).map((f) => f.message)).toEqual([
      '1 breaking change (1111111) needs a minor release (breaking changes in 0.x move the minor) after 0.2.0, but the next version is 0.2.1',
    ]);
    expect(check(release('0.2.0', '0.3.0', breaking), history('0.2.0'))).toEqual([]);
  });

  it('wants at least a minor for a feature', () => {
    expect(check(release('1.2.0', '1.2.1', [{ type: 'feat' }, { type: 'fix' }]), history('1.2.0')).map((f) => f.message)).toEqual([
      '1 feature needs a minor release after 1.2.0, but the next version is 1.2.1',
    ]);
  });

  it('measures bumps from the last stable release, so a prerelease line may continue', () => {
    // 2.0.0-next.0 already carries the major; the next prerelease with another breaking change is fine.
    expect(check(release('2.0.0-next.0', '2.0.0-next.1', [{ type: 'feat', breaking: true }]), history('2.0.0-next.0', '1.4.0'))).toEqual([]);
  });

  it('warns when the manifest version was edited by hand', () => {
    expect(check(release('1.2.0', '1.2.1'), history('1.2.0'), {}, '1.5.0')).toEqual([
      {
        check: 'version',
        severity: 'warning',
        file: at.file,
        line: 3,
        message: 'the manifest says 1.5.0 but the last release is 1.2.0 (tag a@1.2.0); the release writes 1.2.1 — versions come from tags, so leave the manifest version to slipway',
      },
    ]);
  });

  it('passes a first release whatever the version', () => {
    expect(check(release('0.1.0', '0.2.0', [{ type: 'feat', breaking: true }]), history())).toEqual([]);
  });
});
