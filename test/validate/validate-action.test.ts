/**
 * The validate action as GitHub runs it: inputs and the pull_request event payload from the
 * environment, findings as workflow-command annotations on file and line, the summary table in
 * GITHUB_STEP_SUMMARY, outputs in GITHUB_OUTPUT, and a failed step on any error.
 */
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryReporter } from '../../src/core/reporter.ts';
import { planRelease } from '../../src/jobs/plan.ts';
import { tempDir } from '../helpers/repo.ts';
import { npmFleet, pluginPackage } from './fixtures.ts';

async function runValidateAction(workspace: string, env: Record<string, string>) {
  const dir = tempDir();
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const result = await execa(process.execPath, [join(import.meta.dirname, '../../src/actions/validate.ts')], {
    env: { PATH: process.env['PATH']!, HOME: process.env['HOME'] ?? dir, GITHUB_WORKSPACE: workspace, 'INPUT_SKIP-COMMANDS': 'true', ...files, ...env },
    extendEnv: false,
    reject: false,
  });
  return { ...result, output: readFileSync(files.GITHUB_OUTPUT, 'utf8'), summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

describe('the validate action', () => {
  it('on a pull request: lints its commits and title from the event, annotates the manifest line, fails the step', async () => {
    const r = npmFleet();
    const base = r.head();
    const text = pluginPackage('a', '1.0.0', { license: '' });
    r.commit('fix(a): drop the license by mistake', { 'plugins/a/package.json': text });
    const event = join(tempDir(), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, title: 'Oops', base: { sha: base }, head: { sha: r.head() } } }));

    const result = await runValidateAction(r.dir, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });

    const line = text.split('\n').findIndex((l) => l.includes('"license"')) + 1;
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`::error title=a manifest,file=plugins/a/package.json,line=${line}::a: "license" is empty or not text: nobody may use a plugin without one`);
    expect(result.stdout).toContain('::warning title=slipway commits::pull request title: "Oops" is not a Conventional Commit');
    expect(result.stdout).toContain('::error::slipway validate: 1 error in 1 plugin(s)');
    expect(result.summary).toContain('### slipway validate (pull request): ✗ 1 error, 1 warning in 1 plugin');
    expect(result.summary).toContain('| a 1.0.0 → 1.0.1 | ✗ "license" is empty or not text');
    expect(result.output).toMatch(/errors<<.*\n1\n/);
    expect(result.output).toMatch(/plugins<<.*\na\n/);
  });

  it('in a release: checks the plan file\'s plugins and passes with warnings only', async () => {
    const r = npmFleet().commit('feat(b): more', { 'plugins/b/x.js': 'x' }).commit('tweak', { 'plugins/b/y.js': 'y' });
    const { plan } = await planRelease({ cwd: r.dir, reporter: memoryReporter() });
    writeFileSync(join(r.dir, 'slipway-plan.json'), JSON.stringify(plan));
    const result = await runValidateAction(r.dir, { INPUT_MODE: 'release', 'INPUT_PLAN-FILE': 'slipway-plan.json' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/::warning title=b commits::commit [0-9a-f]{7}: "tweak" is not a Conventional Commit/);
    expect(result.summary).toContain('| b 1.0.0 → 1.1.0 | ✓ | ✓ 1.0.0 → 1.1.0 (minor) | ⚠ commit');
    expect(result.output).toMatch(/errors<<.*\n0\n/);
  });

  it('annotates a manifest the fleet cannot be read from on its file and line', async () => {
    const r = npmFleet().commit('fix(a): oops', { 'plugins/a/package.json': '{\n  "name": "a",\n  "version": "1.0.0",,\n}\n' });
    const result = await runValidateAction(r.dir, { INPUT_MODE: 'release' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error title=slipway validate,file=plugins\/a\/package\.json,line=3::not valid JSON: /);
  });
});
