/**
 * Running one plugin's command: real processes, a real process tree, real signals.
 */
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandEnv, runCommand } from '../../src/adapters/compat/run-command.ts';
import { failingTestsFromJUnit } from '../../src/core/compat/parse-junit.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';

afterAll(cleanupTempDirs);

/** Alive and not a zombie (an orphan the init process has not reaped yet counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

async function gone(pid: number, withinMs = 2000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

describe('running a plugin command', () => {
  it('kills the whole process tree on timeout, not only the shell', async () => {
    const dir = tempDir();
    const pidFile = join(dir, 'grandchild.pid');
    // A shell that starts a node process that starts a sleeping grandchild, then waits.
    const script = `const { spawn } = require('node:child_process'); const c = spawn('sleep', ['60'], { stdio: 'ignore' }); require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(c.pid)); setInterval(() => {}, 1000);`;
    const result = await runCommand({ command: `echo started; node -e "${script.replace(/"/g, '\\"')}"`, cwd: dir, env: commandEnv({}), timeoutMs: 1500, graceMs: 500 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null });
    expect(result.durationMs).toBeGreaterThanOrEqual(1400);
    expect(result.durationMs).toBeLessThan(5000);
    expect(result.tail).toContain('started');
    expect(await gone(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  it('ends a command that exits but leaves a process holding the output open', async () => {
    const dir = tempDir();
    const started = performance.now();
    const result = await runCommand({ command: 'sleep 30 & echo $! > bg.pid; echo done', cwd: dir, env: commandEnv({}), timeoutMs: 10_000 });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(await gone(Number(readFileSync(join(dir, 'bg.pid'), 'utf8')))).toBe(true);
  });

  it('keeps only the tail in memory and the whole output in the log file', async () => {
    const dir = tempDir();
    const log = join(dir, 'logs', 'x.log');
    const result = await runCommand({ command: 'for i in $(seq 1 2000); do echo line-$i; done; echo oops >&2; exit 3', cwd: dir, env: commandEnv({}), timeoutMs: 10_000, logFile: log, tailChars: 200 });
    expect(result.exitCode).toBe(3);
    expect(result.tail.length).toBeLessThanOrEqual(200);
    expect(result.tail).toMatch(/line-2000\noops\n$/);
    const full = readFileSync(log, 'utf8');
    expect(full).toContain('line-1\n');
    expect(full.split('\n').filter((l) => l.startsWith('line-'))).toHaveLength(2000);
  });

  it('says why a command could not start', async () => {
    const result = await runCommand({ command: 'true', cwd: join(tempDir(), 'missing'), env: commandEnv({}), timeoutMs: 5000 });
    expect(result.exitCode).toBeNull();
    expect(result.spawnError).toMatch(/cwd|ENOENT/);
  });

  it('hands plugins no secrets from the environment', async () => {
    process.env['SLIPWAY_TEST_TOKEN'] = 'xoxb-secret';
    process.env['SLIPWAY_TEST_PLAIN'] = 'visible';
    try {
      const result = await runCommand({ command: 'env', cwd: tempDir(), env: commandEnv({ EXTRA: 'given' }), timeoutMs: 5000 });
      expect(result.tail).toContain('SLIPWAY_TEST_PLAIN=visible');
      expect(result.tail).toContain('EXTRA=given');
      expect(result.tail).not.toContain('xoxb-secret');
    } finally {
      delete process.env['SLIPWAY_TEST_TOKEN'];
      delete process.env['SLIPWAY_TEST_PLAIN'];
    }
  });
});

describe('failing test names from JUnit XML', () => {
  it('reads what node --test-reporter=junit really writes: nested suites, top-level tests, escaped names', async () => {
    const dir = tempDir();
    const test = `import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
test('passes', () => {});
describe('parser', () => {
  describe('quotes', () => { test('keeps "a, b" & <c> together', () => assert.equal(1, 2)); });
  test('skips blank lines', () => {});
});
test('throws', () => { throw new Error('boom'); });
test.skip('later', () => {});
`;
    await execa('sh', ['-c', `printf '%s' "$0" > a.test.mjs`, test], { cwd: dir });
    const run = await execa(process.execPath, ['--test', '--test-reporter=junit', '--test-reporter-destination=junit.xml', 'a.test.mjs'], { cwd: dir, reject: false });
    expect(run.exitCode).toBe(1);
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(failingTestsFromJUnit(xml)).toEqual(['parser › quotes › keeps "a, b" & <c> together', 'throws']);
  });

  it('reads Surefire-style reports, where the suite is the class', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="com.acme.SlackPluginTest" tests="3" failures="1" errors="1">
  <testcase name="postsToGeneral" classname="com.acme.SlackPluginTest" time="0.01"><failure message="expected">trace</failure></testcase>
  <testcase name="trims" classname="com.acme.SlackPluginTest" time="0.01"><error type="java.lang.NoSuchMethodError">trace</error></testcase>
  <testcase name="ok" classname="com.acme.SlackPluginTest" time="0.01"/>
</testsuite>`;
    expect(failingTestsFromJUnit(xml)).toEqual(['com.acme.SlackPluginTest › postsToGeneral', 'com.acme.SlackPluginTest › trims']);
  });

  it('gives no names for XML that is not a test report', () => {
    expect(failingTestsFromJUnit('<html><body>nope</body></html>')).toEqual([]);
    expect(failingTestsFromJUnit('not xml at all <<<')).toEqual([]);
  });
});
