/**
 * The root action (`uses: slipway-dev/slipway@v1` with `command:`), run from its bundle as the
 * runner runs it: it checks `command`, loads that job's bundle and no other, gives the job the
 * defaults of the job's own action.yml, and every job names a bad input before doing any work.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_COMMANDS } from '../../src/actions/runtime/root-command.ts';
import { cleanupTempDirs, pkg, repo, tempDir, type Repo } from '../helpers/repo.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';
import { actionCheckout, annotationLines, DEFAULT_REPOSITORY, runAction, type RunActionOptions } from './harness.ts';

let fleet: Repo;
let github: GitHubServer;
let checkout: string;
/** A preload that records every file module Node loads, to see which bundles a run used. */
let tracer: string;

beforeAll(async () => {
  fleet = repo()
    .files({ 'package.json': pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] }), 'plugins/a/package.json': pkg('@acme/a', '1.0.0'), 'plugins/b/package.json': pkg('@acme/b', '2.0.0') })
    .commit('chore(release): publish')
    .tag('@acme/a@1.0.0')
    .tag('@acme/b@2.0.0')
    .commit('feat(a): say hello', { 'plugins/a/index.js': 'export const hello = 1;\n' });
  [github, checkout] = await Promise.all([startGitHubServer(), actionCheckout()]);
  github.state.addRepo(DEFAULT_REPOSITORY);
  tracer = join(tempDir(), 'trace-loads.mjs');
  writeFileSync(
    tracer,
    `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ load(url, context, next) { if (url.startsWith('file:')) appendFileSync(process.env.TRACE_LOADS, url + '\\n'); return next(url, context); } });
`,
  );
});
afterAll(async () => {
  await github?.close();
  cleanupTempDirs();
});

const run = (job: string, options: Omit<RunActionOptions, 'workspace'> = {}) =>
  runAction(job, { workspace: fleet.dir, github: { url: github.url, token: github.token }, ...options });

const lastLine = (result: { log: string[] }) => result.log.filter((line) => line.trim()).at(-1);

/** Runs with the load tracer; returns the run and the bundle files it loaded, relative to dist/. */
async function traced(job: string, inputs: Record<string, string>) {
  const log = join(tempDir(), 'loads.txt');
  writeFileSync(log, '');
  const result = await run(job, { inputs, env: { NODE_OPTIONS: `--import=${tracer}`, TRACE_LOADS: log } });
  const loaded = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(`file://${checkout}/dist/`))
    .map((url) => url.slice(`file://${checkout}/dist/`.length));
  return { result, loaded };
}

describe('the root action', () => {
  it('command: plan runs the plan job from dist/plan.js, and loads no other job', async () => {
    const { result, loaded } = await traced('slipway', { command: 'plan', date: '2026-03-01' });
    expect(result.exitCode).toBe(0);
    expect(loaded).toEqual(['slipway.js', 'plan.js']);
    expect(result.outputs['count']).toBe('1');
    expect(JSON.parse(result.outputs['tags']!)).toEqual(['@acme/a@1.1.0']);
    // The plan action's own default plan-file, applied by the root action.
    expect(result.outputs['file']).toBe(join(fleet.dir, 'slipway-plan.json'));
    expect(lastLine(result)).toMatch(/^slipway plan: done \(\d+\.\d s\)$/);

    const direct = await run('plan', { inputs: { date: '2026-03-01' } });
    expect(direct.outputs).toEqual(result.outputs);
    expect(direct.summary).toBe(result.summary);
  });

  it('fills a command\'s `${{ github.token }}` default from workflow-token: setup reaches GitHub with the workflow token', async () => {
    const check = await run('slipway', { inputs: { command: 'setup', check: 'true' } });
    // The check ran against the local server (no "input token is required"): it found no environment.
    expect(JSON.parse(check.outputs['gaps']!)).toEqual(['environment']);
    expect(annotationLines(check, 'error')).toEqual([expect.stringMatching(/^slipway setup: acme\/plugins: environment "release" is not a complete approval gate/)]);
    expect(github.requests.some((r) => r.path === '/repos/acme/plugins/environments/release')).toBe(true);
    github.assertNoViolations();
  });

  it('refuses a missing or unknown command, naming the input and the commands', async () => {
    const missing = await run('slipway');
    expect(missing.exitCode).toBe(1);
    expect(annotationLines(missing, 'error')).toEqual([`slipway: input "command": is required\n  hint: set \`with: command:\` to one of ${ROOT_COMMANDS.join(', ')}`]);
    const unknown = await run('slipway', { inputs: { command: 'deploy' } });
    expect(unknown.exitCode).toBe(1);
    expect(annotationLines(unknown, 'error')[0]).toMatch(/^slipway: input "command": "deploy" is not a slipway command\n {2}hint: set `with: command:` to one of validate, plan/);
  });
});

describe('every command checks its inputs before any work', () => {
  // One input of each job that takes a typed value, given a value it must refuse.
  const BAD: Record<(typeof ROOT_COMMANDS)[number], [input: string, value: string]> = {
    validate: ['mode', 'sideways'],
    plan: ['prerelease', 'not a channel'],
    release: ['plan-hash', 'md5:1234'],
    setup: ['wait-timer', 'soon'],
    metadata: ['all', 'perhaps'],
    index: ['max-attempts', '0'],
    compat: ['mode', 'sideways'],
    digest: ['dry-run', 'perhaps'],
  };

  for (const [command, [input, value]] of Object.entries(BAD)) {
    it(`${command}: ${input}: ${JSON.stringify(value)} fails the step with an error naming the input`, async () => {
      const inputs: Record<string, string> = { command, [input]: value };
      if (command === 'release') inputs['plan-file'] = 'plan.json';
      const result = await run('slipway', { inputs });
      expect(result.exitCode).toBe(1);
      const [error] = annotationLines(result, 'error');
      expect(error).toMatch(new RegExp(`^slipway ${command}: .*\\b${input}\\b`, 's'));
      expect(result.outputs).toEqual({});
      // Nothing was logged: no work started.
      expect(result.log.filter((line) => line.trim())).toEqual([]);
    });
  }
});
