/**
 * The release action's inputs a person may type in a manual run (the release workflow's
 * `dist-tag`): checked when the step starts, before the plan is read or anything is written.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/repo.ts';
import { runActionEntry } from './action-runner.ts';

const HASH = `sha256:${'0'.repeat(64)}`;
const release = (distTag: string) => runActionEntry('release', { 'plan-file': 'missing-plan.json', 'plan-hash': HASH, 'dist-tag': distTag }, { GITHUB_WORKSPACE: tempDir() });

describe('the release action\'s dist-tag input', () => {
  it.each([
    ['a semver range npm would refuse after the tags are pushed', 'v1', 'reads as a semver range, which npm refuses as a dist-tag'],
    ['a version', '1.2.3', 'must be a dist-tag name'],
    ['shell and flag text', 'latest --access=public', 'must be a dist-tag name'],
  ])('fails the step on %s, naming the input', async (_name, value, problem) => {
    const result = await release(value);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`::error::slipway release: input "dist-tag": ${problem}`);
    // Refused before the plan file was looked for.
    expect(result.stdout).not.toContain('missing-plan.json');
  });

  it('a valid dist-tag passes the check (the step then stops at the missing plan)', async () => {
    const result = await release('latest-1');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toContain('input "dist-tag"');
    expect(result.stdout).toContain('missing-plan.json');
  });
});
