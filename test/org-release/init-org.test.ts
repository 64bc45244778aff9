/** `slipway init --org`: the central repository's starter, filled in, passing actionlint and the policy. */
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWorkflows } from '../../scripts/workflow-policy.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
afterAll(cleanupTempDirs);

const init = (cwd: string, ...args: string[]) => execa(process.execPath, [CLI, 'init', ...args], { cwd, reject: false });

describe('slipway init --org', () => {
  it('writes the org release workflow for the organisation and lists the App, secrets and Environment steps', async () => {
    const dir = tempDir('slipway-central-');
    const run = await init(dir, '--org', 'acme', '--topic', 'kestra-plugin', '--catalog-repository', 'acme/plugin-catalog', '--slack-channel', 'C0123', '--action-ref', 'acme/slipway@v2');
    expect(run.exitCode, run.stderr).toBe(0);
    const text = readFileSync(join(dir, '.github/workflows/org-release.yml'), 'utf8');
    expect(text).toContain('      org: acme\n');
    expect(text).toContain('      topic: kestra-plugin\n');
    expect(text).toContain('      catalog-repository: acme/plugin-catalog\n');
    expect(text).toContain('      slack-channel: C0123\n');
    expect(text).toContain('uses: acme/slipway/.github/workflows/org-release.yml@v2');
    expect(run.stderr).toContain('1. Create a GitHub App for acme');
    expect(run.stderr).toMatch(/RELEASE_APP_ID\s+org release: the ID of the GitHub App/);
    expect(run.stderr).toContain('slipway setup --environment release');
    expect(await checkWorkflows(dir)).toEqual([]);
    // Nothing is overwritten without --force.
    const again = await init(dir, '--org', 'acme');
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('.github/workflows/org-release.yml exists already');
  });

  it('refuses an organisation or topic that would break the workflow, before writing', async () => {
    const dir = tempDir('slipway-central-');
    const run = await init(dir, '--org', 'acme\n  evil: x', '--dry-run');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('--org: "acme');
    const topic = await init(dir, '--org', 'acme', '--topic', 'Not A Topic');
    expect(topic.stderr).toContain('--topic');
  });
});
