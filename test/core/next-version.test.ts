import { describe, expect, it } from 'vitest';
import type { ReleaseType, Version } from '../../src/core/types.ts';
import { bumpForCommits } from '../../src/core/versioning/bump.ts';
import type { ConventionalCommit } from '../../src/core/versioning/conventional-commit.ts';
import { nextVersion } from '../../src/core/versioning/next-version.ts';

const next = (current: string, bump: ReleaseType, prerelease?: string) => nextVersion({ current: current as Version, bump, prerelease });
const cc = (type: string, breaking = false): ConventionalCommit => ({ type, scope: null, subject: 's', body: null, breaking, breakingNotes: [], reverts: null });

describe('the bump a set of commits asks for', () => {
  it('a breaking change asks for major whatever its type', () => expect(bumpForCommits([cc('fix'), cc('chore', true)])).toBe('major'));
  it('feat asks for minor', () => expect(bumpForCommits([cc('fix'), cc('feat')])).toBe('minor'));
  it('fix and perf ask for patch', () => expect(bumpForCommits([cc('perf')])).toBe('patch'));
  it('docs, chore, test, ci and refactor release nothing', () => expect(bumpForCommits(['docs', 'chore', 'test', 'ci', 'refactor'].map((t) => cc(t)))).toBe('none'));
  it('a configured type releases', () => expect(bumpForCommits([cc('docs')], { docs: 'patch' })).toBe('patch'));
  it('configuration can silence a built-in type', () => expect(bumpForCommits([cc('perf')], { perf: 'none' })).toBe('none'));
});

describe('next version', () => {
  it('major, minor and patch from a stable version', () => {
    expect(next('1.2.3', 'major')).toBe('2.0.0');
    expect(next('1.2.3', 'minor')).toBe('1.3.0');
    expect(next('1.2.3', 'patch')).toBe('1.2.4');
  });

  it('a breaking change in 0.x bumps the minor', () => expect(next('0.4.1', 'major')).toBe('0.5.0'));
  it('a feature in 0.x bumps the minor', () => expect(next('0.4.1', 'minor')).toBe('0.5.0'));
  it('a fix in 0.x bumps the patch', () => expect(next('0.4.1', 'patch')).toBe('0.4.2'));

  describe('prerelease channels', () => {
    it('open a channel at the next version: 1.2.0 + feat → 1.3.0-next.0', () => expect(next('1.2.0', 'minor', 'next')).toBe('1.3.0-next.0'));
    it('count up on the same channel: 1.3.0-next.0 + fix → 1.3.0-next.1', () => expect(next('1.3.0-next.0', 'patch', 'next')).toBe('1.3.0-next.1'));
    it('a feature within a minor prerelease stays on it', () => expect(next('1.3.0-next.4', 'minor', 'next')).toBe('1.3.0-next.5'));
    it('a breaking change moves the prerelease to the next major', () => expect(next('1.3.0-next.0', 'major', 'next')).toBe('2.0.0-next.0'));
    it('a feature moves a patch prerelease to the next minor', () => expect(next('1.2.4-next.0', 'minor', 'next')).toBe('1.3.0-next.0'));
    it('switching channel restarts the count', () => expect(next('1.3.0-beta.2', 'patch', 'next')).toBe('1.3.0-next.0'));
    it('leaving the channel releases the version it was heading to', () => expect(next('1.3.0-next.3', 'patch')).toBe('1.3.0'));
    it('leaving the channel with a breaking change goes to the next major', () => expect(next('1.3.0-next.3', 'major')).toBe('2.0.0'));
  });
});
