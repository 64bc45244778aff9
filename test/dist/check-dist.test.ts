/**
 * check-dist (`node scripts/bundle.ts --check`, a step of scripts/check.sh) fails CI when the
 * bundles in dist/ are not what the sources build, and names the stale files. Run on a copy of
 * the repository's sources in a temp folder, so the real dist/ is never touched.
 */
import { execa } from 'execa';
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';

const ROOT = join(import.meta.dirname, '../..');
let copy: string;

const bundleScript = (...args: string[]) => execa(process.execPath, [join(copy, 'scripts/bundle.ts'), ...args], { cwd: copy, reject: false });

beforeAll(async () => {
  copy = tempDir('slipway-check-dist-');
  for (const path of ['src', 'scripts', 'workflows', 'package.json']) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  const built = await bundleScript();
  if (built.exitCode !== 0) throw new Error(`bundle failed: ${built.stderr}`);
}, 180_000);
afterAll(cleanupTempDirs);

describe('check-dist', () => {
  it('passes when dist/ is what the sources build', async () => {
    const check = await bundleScript('--check');
    expect(check.stderr).toBe('');
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toMatch(/^dist\/ is up to date \(\d+ files\)$/);
  });

  it('fails naming exactly the stale bundles: one a source change affects, one missing, one nothing builds', async () => {
    const source = join(copy, 'src/actions/plan.ts');
    const original = readFileSync(source, 'utf8');
    writeFileSync(source, original.replace("core.setOutput('hash', plan.hash);", "core.setOutput('hash', plan.hash);\n  core.setOutput('changed', 'yes');"));
    const slipway = join(copy, 'dist/slipway.js');
    const bundled = readFileSync(slipway);
    rmSync(slipway);
    writeFileSync(join(copy, 'dist/leftover.js'), 'export {};\n');
    try {
      const check = await bundleScript('--check');
      expect(check.exitCode).toBe(1);
      expect(check.stderr).toBe('dist/ is stale: dist/plan.js, dist/slipway.js, dist/leftover.js differ from a fresh build.\nRun `npm run bundle` and commit dist/.');
    } finally {
      writeFileSync(source, original);
      writeFileSync(slipway, bundled);
      rmSync(join(copy, 'dist/leftover.js'));
    }
  });
});
