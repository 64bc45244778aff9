/**
 * Every job's bundled action, run as the runner runs it (test/runner/harness.ts), through one
 * release cycle of the demo fleet: a pull request validated, the release planned, shipped
 * after approval (into the bare remote, the local GitHub server and Verdaccio), its tags
 * indexed into the catalog, the week's digest posted to the local Slack and Notion, the
 * Saturday compat run, and the approval Environment checked and set up.
 */
import { execa } from 'execa';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoFleet, type DemoFleet } from '../../src/adapters/demo/create-demo-fleet.ts';
import { publishedVersions } from '../../src/adapters/registry/npm-registry.ts';
import { digestSchema } from '../../src/core/digest/render-notion.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';
import { startNotionServer, type NotionServer } from '../servers/notion/index.ts';
import { startSlackServer, type SlackServer } from '../servers/slack/index.ts';
import { startVerdaccio, type LocalRegistry } from '../servers/verdaccio.ts';
import { actionCheckout, annotationLines, DEFAULT_REPOSITORY, runAction, type ActionRun, type RunActionOptions } from './harness.ts';

// From the demo generator's header (and test/release/demo-release.test.ts).
const EXPECTED = {
  '@demo/plugin-csv': '1.0.2',
  '@demo/plugin-http': '1.2.0',
  '@demo/plugin-s3': '1.0.2',
  '@demo/plugin-sql': '0.3.0',
};
const TAGS = Object.entries(EXPECTED).map(([name, version]) => `${name}@${version}`);
const SLACK_CHANNEL = 'C0DIGEST001';

let demo: DemoFleet;
let github: GitHubServer;
let registry: LocalRegistry;
let slack: SlackServer;
let notion: NotionServer;
/** GITHUB_SERVER_URL: a folder where `acme/plugins.git` is the demo's bare remote, so `owner/name` clones resolve locally. */
let serverUrl: string;

beforeAll(async () => {
  [demo, github, registry, slack, notion] = await Promise.all([
    createDemoFleet(tempDir('slipway-runner-demo-')),
    startGitHubServer(),
    startVerdaccio(),
    startSlackServer({ channels: [{ id: SLACK_CHANNEL, name: 'releases' }] }),
    startNotionServer(),
    actionCheckout(),
  ]);
  github.state.addRepo(DEFAULT_REPOSITORY);
  const server = tempDir('slipway-runner-server-');
  mkdirSync(join(server, 'acme'));
  symlinkSync(demo.remoteDir, join(server, DEFAULT_REPOSITORY + '.git'));
  serverUrl = `file://${server}`;
});
afterAll(async () => {
  await Promise.all([github?.close(), registry?.close(), slack?.close(), notion?.close()]);
  cleanupTempDirs();
});

const step = (job: string, options: Omit<RunActionOptions, 'workspace'>) =>
  runAction(job, { workspace: demo.fleetDir, github: { url: github.url, token: github.token }, serverUrl, ...options });

const git = async (...args: string[]) => (await execa('git', args, { cwd: demo.fleetDir })).stdout;
const bare = async (...args: string[]) => (await execa('git', ['--git-dir', demo.remoteDir, ...args])).stdout;

function succeeded(run: ActionRun): ActionRun {
  if (run.exitCode !== 0) throw new Error(`the step failed (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

describe('a release cycle of the demo fleet, action by action', () => {
  let plan: ActionRun;

  const pullRequest = (number: number, title: string, base: string, head: string) => ({
    eventName: 'pull_request',
    ref: `refs/pull/${number}/merge`,
    event: { action: 'opened', number, pull_request: { number, title, base: { ref: 'main', sha: base }, head: { ref: `pr-${number}`, sha: head } } },
  });

  it('validate (pull_request): a clean pull request passes with a summary row per plugin it touches', async () => {
    const feat = await git('log', '-1', '--format=%H', '--grep', '^feat(http): retry failed requests');
    const run = succeeded(await step('validate', pullRequest(11, 'feat(http): retry failed requests', `${feat}^`, feat)));
    expect(run.outputs['errors']).toBe('0');
    expect(run.outputs['plugins']).toBe('@demo/plugin-http');
    expect(run.summary).toMatch(/^### slipway validate \(pull request\)/);
    expect(run.summary).toContain('| @demo/plugin-http 1.1.0 → 1.2.0 | ✓ |');
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
  });

  it('validate (pull_request): a commit that is not conventional fails the step, annotated with the plugin it touches', async () => {
    const base = await git('rev-parse', '@demo/plugin-http@1.1.0^{commit}');
    const run = await step('validate', pullRequest(12, 'feat(http): retry failed requests', base, await git('rev-parse', 'HEAD')));
    expect(run.exitCode).toBe(1);
    expect(run.outputs['errors']).toBe('1');
    const lint = run.annotations.find((a) => a.title === '@demo/plugin-slack commits');
    expect(lint?.level).toBe('error');
    expect(lint?.message).toMatch(/^commit [0-9a-f]{7}: "update stuff" is not a Conventional Commit/);
    expect(annotationLines(run, 'error').at(-1)).toMatch(/^slipway validate: 1 error in 4 plugin\(s\)\n {2}hint: /);
    expect(run.summary).toContain('✗ 1 error in 4 plugins');
  });

  it('plan (workflow_dispatch): the plan file, its hash and the plan in the job summary', async () => {
    plan = succeeded(await step('plan', { inputs: { 'plan-file': 'slipway-plan.json', date: '2026-03-01' } }));
    expect(plan.outputs['count']).toBe('4');
    expect(JSON.parse(plan.outputs['tags']!)).toEqual(TAGS);
    expect(plan.outputs['hash']).toMatch(/^sha256:[0-9a-f]{64}$/);
    const file = JSON.parse(readFileSync(plan.outputs['file']!, 'utf8')) as { hash: string };
    expect(file.hash).toBe(plan.outputs['hash']);
    expect(plan.summary).toContain('| @demo/plugin-http | 1.1.0 | **1.2.0** | minor | 1 commit |');
    expect(annotationLines(plan, 'warning')).toEqual([expect.stringMatching(/^commit [0-9a-f]{7} "update stuff" is not a Conventional Commit/)]);
  });

  it('release (the ship job, after approval): exactly the approved plan into the remote, GitHub Releases and the registry', async () => {
    const run = succeeded(
      await step('release', {
        event: { inputs: {} },
        inputs: { 'plan-file': 'slipway-plan.json', 'plan-hash': plan.outputs['hash']!, registry: registry.url, 'npm-token': registry.token },
      }),
    );
    expect(JSON.parse(run.outputs['released']!)).toEqual(TAGS);
    expect(run.outputs['result']).toMatch(/^released 4 plugins/);
    expect((await bare('tag', '--points-at', 'main')).split('\n').sort()).toEqual(TAGS);
    expect(github.state.repo('acme', 'plugins')!.releases.map((r) => r.tagName).sort()).toEqual(TAGS);
    for (const [name, version] of Object.entries(EXPECTED)) expect(await publishedVersions(name, { registry: registry.url, token: registry.token })).toContain(version);
    expect(run.log.join("\n")).not.toContain(registry.token);
    expect(run.masks).toContain(registry.token);
    expect(run.groups).toEqual(['manifest (4)', 'changelog (4)', 'commit (1)', 'tag (4)', 'push (1)', 'github-release (4)', 'publish (4)']);
    // Progress lines on the long loops: n/N and the time elapsed.
    expect(run.log.find((line) => line.startsWith('github-release: 4/4'))).toMatch(/^github-release: 4\/4 \(\d+s elapsed\)$/);
    expect(run.summary).toContain('| @demo/plugin-http | 1.2.0 | `@demo/plugin-http@1.2.0` |');
    github.assertNoViolations();
  });

  it('index (push of a tag): the pushed version, and every released version the catalog lacks, merged into the catalog branch', async () => {
    const tag = '@demo/plugin-http@1.2.0';
    const run = succeeded(await step('index', { eventName: 'push', ref: `refs/tags/${tag}`, event: { ref: `refs/tags/${tag}`, created: true, deleted: false, forced: false } }));
    expect(run.outputs['status']).toBe('committed');
    expect(run.outputs['versions']!.split(' ')).toEqual(expect.arrayContaining(TAGS));
    expect(run.outputs['commit']).toBe(await bare('rev-parse', 'slipway-catalog'));
    const index = JSON.parse(await bare('show', 'slipway-catalog:index.json')) as unknown;
    expect(JSON.stringify(index)).toContain('"1.2.0"');
    expect(run.summary).toContain('| HTTP (`@demo/plugin-http`) | 1.2.0 | ^1.4.0 |');
    expect(run.log.find((line) => line.startsWith('metadata: 12/12'))).toMatch(/^metadata: 12\/12 \(\d+s elapsed\)$/);
  });

  it('metadata (reindex one tag): the catalog entry as a file and outputs, no catalog written', async () => {
    const before = await bare('rev-parse', 'slipway-catalog');
    const run = succeeded(await step('metadata', { inputs: { tags: '@demo/plugin-sql@0.3.0', out: 'entries.json' } }));
    expect(run.outputs['count']).toBe('1');
    expect(run.outputs['versions']).toBe('@demo/plugin-sql@0.3.0');
    const entries = JSON.parse(readFileSync(run.outputs['file']!, 'utf8')) as Array<{ name: string; version: string }>;
    expect(entries.map((e) => `${e.name}@${e.version}`)).toEqual(['@demo/plugin-sql@0.3.0']);
    expect(await bare('rev-parse', 'slipway-catalog')).toBe(before);
  });

  it('digest (schedule): the week\'s releases to Slack and Notion once, and the last-digest mark moved', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const { databaseId, dataSourceId } = notion.seedDatabase({ title: 'Releases', properties: digestSchema() as never });
    const inputs = {
      since: day(-1),
      until: day(1),
      'slack-token': slack.token,
      'slack-channel': SLACK_CHANNEL,
      'slack-api-url': slack.apiUrl,
      'notion-token': notion.token,
      'notion-database': databaseId,
      'notion-api-url': notion.url,
    };
    const run = succeeded(await step('digest', { eventName: 'schedule', event: { schedule: '0 8 * * 1' }, inputs }));
    expect(run.outputs).toMatchObject({ releases: '4', slack: 'written', notion: 'written', mark: 'moved' });
    expect(slack.messages.filter((m) => m.channel === SLACK_CHANNEL && m.thread_ts === undefined)).toHaveLength(1);
    expect(notion.pagesIn(dataSourceId)).toHaveLength(4);
    expect(await bare('for-each-ref', '--format=%(refname)', 'refs/slipway')).toBe('refs/slipway/digest');
    expect(run.summary).toMatch(/^# What shipped: /);
    expect(run.summary).toContain('<tr><td>slack</td><td>written</td>');
    expect(run.log.join('\n')).not.toMatch(new RegExp(`${slack.token}|${notion.token}`));

    const again = succeeded(await step('digest', { eventName: 'schedule', inputs }));
    expect(again.outputs).toMatchObject({ slack: 'unchanged', notion: 'unchanged' });
    expect(notion.pagesIn(dataSourceId)).toHaveLength(4);
  });

  it('compat (schedule): plan builds the core once, a shard tests its plugins (its own summary), report classifies, posts to Slack and stores the run', async () => {
    const runner = tempDir('slipway-runner-compat-');
    const planRun = succeeded(await step('compat', { eventName: 'schedule', runnerTemp: runner, inputs: { mode: 'plan', 'max-shards': '1' } }));
    const matrix = JSON.parse(planRun.outputs['matrix']!) as { include: Array<{ shard: number; plugins: string[] }> };
    expect(matrix.include).toHaveLength(1);
    expect([...matrix.include[0]!.plugins].sort()).toEqual([...demo.plugins].sort());
    const shard = succeeded(
      await step('compat', { eventName: 'schedule', runnerTemp: runner, inputs: { mode: 'run', shard: '1', plugins: JSON.stringify(matrix.include[0]!.plugins), 'core-artifact': planRun.outputs['core-artifact']! } }),
    );
    expect(shard.summary).toContain('<h3>Compat shard 1: 4 of 5 passed with core 2.0.0-dev</h3>');
    expect(shard.summary).toContain('<tr><td>@demo/plugin-slack</td><td>fail</td>');
    const slackInputs = { 'slack-token': slack.token, 'slack-api-url': slack.apiUrl, 'slack-channel': SLACK_CHANNEL, 'slack-now': 'true' };
    const posted = slack.messages.length;
    const report = succeeded(
      await step('compat', { eventName: 'schedule', runnerTemp: runner, inputs: { mode: 'report', results: shard.outputs['results']!, matrix: planRun.outputs['matrix']!, ...slackInputs } }),
    );
    expect(slack.messages.slice(posted).filter((m) => m.thread_ts === undefined)).toHaveLength(1);
    expect(planRun.outputs['core-version']).toBe('2.0.0-dev');
    expect(shard.groups).toContain('test 5 plugin(s) against core 2.0.0-dev');
    expect(report.outputs).toMatchObject({ regressed: '1', passed: '4', 'still-broken': '0', 'run-id': '4242' });
    expect(report.summary).toContain('| @demo/plugin-slack | 1.0.0 | passes | slack.post goes to #general unless a channel is given |');
    expect(await bare('ls-tree', '-r', '--name-only', 'slipway-compat')).toMatch(/^runs\/.*_4242\.json$/m);
  });

  it('setup: check fails naming what the Environment lacks; setup creates it; check then passes', async () => {
    const check = await step('setup', { inputs: { check: 'true' } });
    expect(check.exitCode).toBe(1);
    expect(JSON.parse(check.outputs['gaps']!)).toEqual(['environment']);
    expect(annotationLines(check, 'warning')[0]).toMatch(/^environment "release" does not exist/);
    const made = succeeded(await step('setup', { inputs: { reviewers: 'slipway-bot' } }));
    expect(made.outputs['outcome']).toBe('changed');
    const again = succeeded(await step('setup', { inputs: { check: 'true' } }));
    expect(again.outputs['outcome']).toBe('complete');
    expect(again.summary).toContain('<tr><td>required reviewers</td><td>slipway-bot</td></tr>');
    github.assertNoViolations();
  });
});
