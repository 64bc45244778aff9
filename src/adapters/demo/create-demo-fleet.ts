/**
 * The demo fleet behind `slipway demo` and the end-to-end tests: real git repositories with a
 * history written to exercise every rule of the planner.
 *
 *   <root>/core/        @demo/core; main tagged v1.4.0; develop renames registerTask → defineTask
 *   <root>/plugins/     the fleet: npm workspaces plugins/*, five @demo/plugin-<x> packages
 *   <root>/remote.git   bare `origin` of the fleet, everything pushed
 * The fleet's slipway.yml points `slipway compat` at the core (core develop breaks plugin-slack).
 *
 * Fleet history, oldest first (each commit touches only the folders named):
 *   feat: import the plugin fleet                      all plugins at 0.0.0 + root files
 *   chore(release): publish                            http 1.0.0, csv 1.0.0, s3 1.0.0, slack 1.0.0, sql 0.1.0 (tagged)
 *   feat(http): support request timeouts               http
 *   fix(csv): keep commas inside quoted fields         csv
 *   feat(sql): add a limit to queries                  sql
 *   docs: describe the fleet layout                    root README
 *   chore(release): publish                            http 1.1.0, csv 1.0.1, s3 1.0.1 (http range ^1.1.0), sql 0.2.0 (tagged)
 * Unreleased (after every plugin's last tag) — what the planner must find:
 *   feat(http): retry failed requests                  http  → minor
 *   fix(csv): ignore carriage returns …                csv   → patch
 *   perf(csv): skip quote handling … (on branch perf/csv-fast-path, merged below)  csv → patch
 *   feat(sql)!: rename … + BREAKING CHANGE footer      sql   → breaking while 0.x → minor
 *   docs(slack): document the channel option          slack → no release
 *   chore: update tooling                              root only → releases nothing
 *   update stuff                                       slack, not conventional → warned, ignored
 *   Merge branch 'perf/csv-fast-path'                  merge commit (no files of its own)
 * s3 has no commits of its own, but depends on http (^1.1.0), which is released → patch.
 * The expected versions are written out by hand in the tests, not exported from here.
 */
import { execa } from 'execa';
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SlipwayError } from '../../core/errors.ts';
import { coreFiles } from './demo-core-files.ts';
import {
  DEMO_PLUGINS,
  csvFiles,
  demoPackageName,
  httpFiles,
  pluginManifest,
  s3Files,
  slackFiles,
  sqlFiles,
  type DemoPlugin,
} from './demo-plugin-files.ts';
import { ScriptedGit, type Files } from './scripted-git.ts';

export interface DemoFleet {
  /** The folder holding everything below. */
  root: string;
  /** The fleet repository (npm workspaces monorepo), on branch main. */
  fleetDir: string;
  /** The core repository, checked out on main; its develop branch holds the breaking change. */
  coreDir: string;
  /** The fleet's bare `origin`. */
  remoteDir: string;
  /** Package names of the fleet's plugins. */
  plugins: string[];
}

/** Builds the demo fleet in `dir` (created if missing, must be empty) or in a new temp folder. */
export async function createDemoFleet(dir?: string): Promise<DemoFleet> {
  const root = dir === undefined ? await mkdtemp(join(tmpdir(), 'slipway-demo-')) : await emptyFolder(dir);
  const coreDir = join(root, 'core');
  const fleetDir = join(root, 'plugins');
  const remoteDir = join(root, 'remote.git');

  await buildCore(coreDir);
  await buildFleet(fleetDir);

  await execa('git', ['init', '-q', '--bare', '-b', 'main', '--', remoteDir]);
  const fleet = ['-C', fleetDir];
  await execa('git', [...fleet, 'remote', 'add', '--', 'origin', remoteDir]);
  await execa('git', [...fleet, 'push', '-q', '-u', 'origin', 'main', '--tags']);

  const plugins = (Object.keys(DEMO_PLUGINS) as DemoPlugin[]).map(demoPackageName);
  return { root, fleetDir, coreDir, remoteDir, plugins };
}

async function emptyFolder(dir: string): Promise<string> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  if ((await readdir(root)).length > 0) {
    throw new SlipwayError('USAGE', 'the demo fleet needs an empty folder', {
      subject: root,
      hint: 'pass a new or empty folder, or none to build the demo in a temp folder',
    });
  }
  return root;
}

async function buildCore(dir: string): Promise<void> {
  const core = await ScriptedGit.init(dir, { start: new Date('2025-01-06T09:00:00Z'), tickMs: 86_400_000 });
  await core.commit('feat: contexts and a task registry', coreFiles({ version: '1.3.0', use: false, register: 'registerTask' }));
  await core.tag('v1.3.0');
  await core.commit('feat: plugins bring their tasks with ctx.use()', coreFiles({ version: '1.4.0', use: true, register: 'registerTask' }));
  await core.tag('v1.4.0');

  await core.checkout('develop', { create: true });
  await core.commit(
    'feat!: rename registerTask to defineTask\n\n' +
      'BREAKING CHANGE: registerTask(name, fn) is now defineTask(name, fn); plugins that call registerTask must switch.',
    coreFiles({ version: '2.0.0-dev', use: true, register: 'defineTask' }),
  );
  await core.checkout('main');
}

const ROOT_README = `# demo fleet

Plugins for @demo/core, one npm workspace each under plugins/. Run a plugin's tests with
\`node --test\` in its folder; set DEMO_CORE_DIR to test against another build of the core.
`;

// How `slipway compat` finds the demo core and hands it to the plugins' tests.
const SLIPWAY_YML = `# slipway's settings for the demo fleet; every key is optional.
core:
  # The demo core beside the fleet. Its develop branch renames registerTask, which breaks @demo/plugin-slack.
  repository: ../core
  package: '@demo/core'
compat:
  # node's test runner also writes JUnit XML, so compat reports name the failing tests.
  test: node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination=junit.xml
  env:
    # The plugins' tests load the core from DEMO_CORE_DIR: here, the core built for the run.
    DEMO_CORE_DIR: '{coreDir}'
`;

function rootFiles(stage: { layoutDocs: boolean; tooling: boolean }): Files {
  const pkg = {
    name: 'demo-fleet',
    private: true,
    workspaces: ['plugins/*'],
    scripts: { test: 'npm test --workspaces' },
    ...(stage.tooling ? { engines: { node: '>=20' }, packageManager: 'npm@10.9.0' } : {}),
  };
  const files: Files = {
    'package.json': JSON.stringify(pkg, null, 2) + '\n',
    '.gitignore': 'node_modules/\njunit.xml\n',
    'slipway.yml': SLIPWAY_YML,
    'README.md': ROOT_README + (stage.layoutDocs ? '\nEach plugin folder holds package.json, index.js, index.test.js and README.md.\n' : ''),
  };
  if (stage.tooling) files['.editorconfig'] = 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\n';
  return files;
}

async function buildFleet(dir: string): Promise<void> {
  const git = await ScriptedGit.init(dir, { start: new Date('2025-02-03T09:00:00Z'), tickMs: 6 * 3_600_000 });
  const tagAll = async (releases: Partial<Record<DemoPlugin, string>>) => {
    for (const [short, version] of Object.entries(releases)) await git.tag(`${demoPackageName(short as DemoPlugin)}@${version}`);
  };
  const httpRange = (range: string) => ({ [demoPackageName('http')]: range });

  await git.commit('feat: import the plugin fleet', {
    ...rootFiles({ layoutDocs: false, tooling: false }),
    ...httpFiles({ timeouts: false, retries: false }),
    ...csvFiles({ quoted: false, crlf: false, fastPath: false }),
    ...s3Files(),
    ...slackFiles({ channelDocs: false, trim: false }),
    ...sqlFiles({ limit: false, task: 'sql.query' }),
    ...pluginManifest('http', '0.0.0'),
    ...pluginManifest('csv', '0.0.0'),
    ...pluginManifest('s3', '0.0.0', httpRange('^1.0.0')),
    ...pluginManifest('slack', '0.0.0'),
    ...pluginManifest('sql', '0.0.0'),
  });

  const first = { http: '1.0.0', csv: '1.0.0', s3: '1.0.0', slack: '1.0.0', sql: '0.1.0' } as const;
  await git.commit('chore(release): publish\n\n' + releaseBody(first), {
    ...pluginManifest('http', first.http),
    ...pluginManifest('csv', first.csv),
    ...pluginManifest('s3', first.s3, httpRange('^1.0.0')),
    ...pluginManifest('slack', first.slack),
    ...pluginManifest('sql', first.sql),
  });
  await tagAll(first);

  await git.commit('feat(http): support request timeouts', httpFiles({ timeouts: true, retries: false }));
  await git.commit('fix(csv): keep commas inside quoted fields', csvFiles({ quoted: true, crlf: false, fastPath: false }));
  await git.commit('feat(sql): add a limit to queries', sqlFiles({ limit: true, task: 'sql.query' }));
  await git.commit('docs: describe the fleet layout', rootFiles({ layoutDocs: true, tooling: false }));

  const second = { http: '1.1.0', csv: '1.0.1', s3: '1.0.1', sql: '0.2.0' } as const;
  await git.commit('chore(release): publish\n\n' + releaseBody(second), {
    ...pluginManifest('http', second.http),
    ...pluginManifest('csv', second.csv),
    ...pluginManifest('s3', second.s3, httpRange('^1.1.0')),
    ...pluginManifest('sql', second.sql),
  });
  await tagAll(second);

  // ---- unreleased from here on (see the list at the top of this file) ----
  await git.commit(
    'feat(http): retry failed requests\n\nRequests are retried twice by default; pass `retries` to change it.',
    httpFiles({ timeouts: true, retries: true }),
  );
  await git.commit(
    'fix(csv): ignore carriage returns of Windows line endings',
    csvFiles({ quoted: true, crlf: true, fastPath: false }),
  );

  await git.checkout('perf/csv-fast-path', { create: true });
  await git.commit('perf(csv): skip quote handling for lines without quotes', csvFiles({ quoted: true, crlf: true, fastPath: true }));
  await git.checkout('main');

  await git.commit(
    'feat(sql)!: rename the sql.query task to sql.select\n\n' +
      'BREAKING CHANGE: run `sql.select` where you ran `sql.query`; the input is unchanged.',
    sqlFiles({ limit: true, task: 'sql.select' }),
  );
  await git.commit('docs(slack): document the channel option', slackFiles({ channelDocs: true, trim: false }));
  await git.commit('chore: update tooling', rootFiles({ layoutDocs: true, tooling: true }));
  await git.commit('update stuff', slackFiles({ channelDocs: true, trim: true }));
  await git.merge('perf/csv-fast-path', "Merge branch 'perf/csv-fast-path'");
}

function releaseBody(versions: Partial<Record<DemoPlugin, string>>): string {
  return Object.entries(versions)
    .map(([short, version]) => `- ${demoPackageName(short as DemoPlugin)}@${version}`)
    .join('\n');
}
