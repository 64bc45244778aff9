/**
 * The demo fleet plus what compat must tell apart, for the compat specs only (the demo itself
 * keeps its five plugins, whose versions the planner specs pin):
 *
 *   @demo/plugin-slack   calls registerTask, which core develop renamed   → regressed
 *   @demo/plugin-csv     a test for a feature it lacks, with any core      → still broken
 *   @demo/plugin-cache   fails on the first try of each run only           → flaky
 *   @demo/plugin-queue   hangs (and leaves a worker process running)       → infra (timeout)
 *   http, s3, sql        fine                                              → passed
 *
 * The flaky test keeps its "already tried" marker in the run's work folder (DEMO_FLAKE_DIR =
 * {work}), so every new run sees it fail once. The per-plugin timeout is 8 s: long enough for
 * `node --test` on a loaded 2-core machine, short enough for the hanging queue plugin.
 */
import { execa } from 'execa';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createDemoFleet, type DemoFleet } from '../../src/adapters/demo/create-demo-fleet.ts';
import { tempDir } from '../helpers/repo.ts';

export const TIMEOUT_SECONDS = 8;

const manifest = (short: string, description: string) =>
  JSON.stringify(
    {
      name: `@demo/plugin-${short}`,
      version: '0.1.0',
      description,
      license: 'MIT',
      type: 'module',
      main: 'index.js',
      scripts: { test: 'node --test' },
      peerDependencies: { '@demo/core': '^1.4.0' },
    },
    null,
    2,
  ) + '\n';

const FILES: Record<string, string> = {
  'plugins/cache/package.json': manifest('cache', 'A cache that is cold on its first read.'),
  'plugins/cache/index.js': 'export default function cachePlugin() {\n  return { name: \'@demo/plugin-cache\', tasks: {} };\n}\n',
  'plugins/cache/index.test.js': `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Fails on the first try of each compat run only: the marker lives in the run's work folder.
test('the cache warms up before the first read', () => {
  const marker = join(process.env.DEMO_FLAKE_DIR, 'plugin-cache.warm');
  if (!existsSync(marker)) {
    writeFileSync(marker, '');
    assert.fail('cold cache on the first try');
  }
});
`,
  'plugins/queue/package.json': manifest('queue', 'A queue whose tests never finish.'),
  'plugins/queue/index.js': 'export default function queuePlugin() {\n  return { name: \'@demo/plugin-queue\', tasks: {} };\n}\n',
  'plugins/queue/index.test.js': `import { test } from 'node:test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Starts a worker and waits for the queue to drain, which it never does: compat must time it
// out and kill the worker too.
test('the queue drains', async () => {
  const worker = spawn('sleep', ['120'], { stdio: 'ignore' });
  writeFileSync(join(process.env.DEMO_FLAKE_DIR, 'plugin-queue.worker.pid'), String(worker.pid));
  setInterval(() => {}, 1000);
  await new Promise(() => {});
});
`,
};

const CSV_MISSING_FEATURE = `
test('tabs separate fields too', () => {
  const ctx = core.createContext().use(plugin(core));
  assert.deepEqual(ctx.run('csv.parse', { text: 'a\\tb' }), [['a', 'b']]);
});
`;

const COMPAT_YML = `core:
  repository: ../core
  package: '@demo/core'
compat:
  test: node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination=junit.xml
  timeoutMinutes: ${TIMEOUT_SECONDS / 60}
  env:
    DEMO_CORE_DIR: '{coreDir}'
    DEMO_FLAKE_DIR: '{work}'
  report:
    timeZone: Europe/Berlin
  issues:
    enabled: true
    label: compat-regression
slack:
  compat: '#compat'
`;

export async function commitAll(dir: string, message: string): Promise<void> {
  await execa('git', ['add', '-A'], { cwd: dir });
  await execa('git', ['-c', 'user.name=Ada Tester', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', message], { cwd: dir });
}

export async function createCompatFleet(): Promise<DemoFleet> {
  const demo = await createDemoFleet(tempDir('slipway-compat-fleet-'));
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(demo.fleetDir, file)), { recursive: true });
    await writeFile(join(demo.fleetDir, file), text);
  }
  await appendFile(join(demo.fleetDir, 'plugins/csv/index.test.js'), CSV_MISSING_FEATURE);
  await writeFile(join(demo.fleetDir, 'slipway.yml'), COMPAT_YML);
  await commitAll(demo.fleetDir, 'test: a flaky plugin, a hanging plugin and a csv test for a missing feature');
  return { ...demo, plugins: [...demo.plugins, '@demo/plugin-cache', '@demo/plugin-queue'].sort() };
}

/** The slack plugin, rewritten to the develop API while staying compatible with 1.4. */
export async function fixSlackPlugin(fleetDir: string): Promise<void> {
  const file = join(fleetDir, 'plugins/slack/index.js');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace("core.registerTask('slack.post',", "(core.defineTask ?? core.registerTask)('slack.post',"));
  await commitAll(fleetDir, 'fix(slack): register the task with defineTask where the core has it');
}
