/**
 * The org release end to end: 40 plugin repositories of one organisation (npm- and
 * Gradle-shaped) with real bare remotes behind the local GitHub server (API checked against
 * GitHub's OpenAPI and GraphQL schemas), 6 with releasable changes. One plan, one approval; one
 * repository's publish fails and one repository's branch moves onto its planned plugin after
 * the approval: the others ship, the rerun ships only the failed one, the moved one is refused
 * and reported, and every write happens exactly once.
 */
import { execa, execaSync } from 'execa';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appTokenSource } from '../../src/adapters/github/app-token.ts';
import { createGitHubClient } from '../../src/adapters/github/client.ts';
import { readIndex } from '../../src/core/catalog/merge-catalog.ts';
import type { OrgPlan, RepositoryName } from '../../src/core/org-release/org-plan.ts';
import { renderOrgPlanMarkdown } from '../../src/core/org-release/render-org-plan.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { planOrgRelease } from '../../src/jobs/org-release/plan.ts';
import { reportOrgRelease } from '../../src/jobs/org-release/report.ts';
import { shipOrgRelease, type OrgShipOptions } from '../../src/jobs/org-release/ship.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';
import { branchFiles, commitCount } from '../index/helpers.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';
import { startSlackServer, type SlackServer } from '../servers/slack/index.ts';
import { startVerdaccio, type LocalRegistry } from '../servers/verdaccio.ts';
import { bareRepositoryRefs } from '../servers/github/git-refs.ts';
import { bareRepository, createOrgFleet, lines, pushAfterPlan, type OrgFleet } from './org-fleet.ts';

const ORG = 'acme';
const TOPIC = 'slipway-plugin';
const DATE = '2026-03-02';
/** Changed: 02, 08, 14 npm-shaped; 03, 21, 27 Gradle-shaped. 10 has only a chore since its release. */
const CHANGED = new Set([2, 3, 8, 14, 21, 27]);
const FAILING = 'acme/plugin-21';
const MOVED = 'acme/plugin-08';
const CLI = join(import.meta.dirname, '../../src/cli/main.ts');

let github: GitHubServer;
let registry: LocalRegistry;
let slack: SlackServer;
let fleet: OrgFleet;
let central: string;
let app: { appId: number; privateKey: string };
/** The plan of the morning, made once: the specs below read it, ship it and compare against it. */
let made: Awaited<ReturnType<typeof planOrgRelease>>;
let planRequests: Array<string | undefined>;
/** Where the ship spec left its outcome files: the CLI spec resumes from them. */
let shippedResults: string;

const client = () => createGitHubClient({ baseUrl: github.url, token: github.token, writeSpacingMs: 0, backoffUnitMs: 10, minRetryAfterSeconds: 1 });
const clientFor = (token: string) => createGitHubClient({ baseUrl: github.url, token, writeSpacingMs: 0, backoffUnitMs: 10, minRetryAfterSeconds: 1 });
const repoName = (i: number) => `${ORG}/plugin-${String(i).padStart(2, '0')}` as RepositoryName;
const asArtifact = (plan: OrgPlan): unknown => JSON.parse(JSON.stringify(plan));

beforeAll(async () => {
  [github, registry, slack] = await Promise.all([startGitHubServer(), startVerdaccio(), startSlackServer({ channels: ['releases'] })]);
  fleet = createOrgFleet({ org: ORG, count: 40, changed: CHANGED, quiet: new Set([10]), github, topic: TOPIC });
  // Never planned, though each has a releasable commit: archived, a fork, no topic.
  for (const [name, seed] of [['old-plugin', { archived: true }], ['forked-plugin', { fork: true }], ['website', { topic: false }]] as const) {
    const remote = join(fleet.root, 'remotes', ORG, `${name}.git`);
    bareRepository(remote, { 'package.json': JSON.stringify({ name, version: '1.0.0' }) }, [{ message: 'feat: two', files: { 'index.js': '2\n' } }]);
    github.state.addRepo(`${ORG}/${name}`, { topics: 'topic' in seed ? [] : [TOPIC], archived: 'archived' in seed, fork: 'fork' in seed, git: bareRepositoryRefs(remote) });
  }
  app = github.state.addApp('acme-releases', ORG);
  const before = github.requests.length;
  made = await plan();
  planRequests = github.requests.slice(before).map((r) => r.operationId);
  central = tempDir('slipway-central-catalog-');
  execaSync('git', ['init', '-q', '--bare', '-b', 'main', central]);
}, 120_000);

afterAll(async () => {
  await Promise.all([github?.close(), registry?.close(), slack?.close()]);
  cleanupTempDirs();
});

const plan = (options: { pattern?: string } = {}) =>
  planOrgRelease({ org: ORG, topic: TOPIC, ...options, github: { client: client(), token: github.token, apiUrl: github.url, serverUrl: 'https://github.com' }, gitUrl: fleet.gitUrl, date: DATE, reporter: memoryReporter() });

describe('planning across the organisation', () => {
  it('reads heads and tags of every repository in one GraphQL request and clones only the changed ones', () => {
    const { plan: approved, cloned } = made;
    expect(planRequests).toEqual(['graphql']);
    expect(approved.requests).toBe(1);
    expect(approved.selected).toBe(40);
    expect(approved.unchanged).toBe(33);
    expect(cloned).toBe(7);
    expect(approved.quiet).toEqual(['acme/plugin-10']);
    expect(approved.problems).toEqual([]);
    expect(approved.repositories.map((p) => p.repository)).toEqual([...CHANGED].sort((a, b) => a - b).map(repoName));
    for (const part of approved.repositories) {
      const entry = fleet.repositories.get(part.repository)!;
      expect(part.head).toBe(execaSync('git', ['rev-parse', 'main'], { cwd: entry.remote }).stdout);
      expect(part.plan.releases.map((r) => [r.name, r.ecosystem, r.from, r.to, r.tag])).toEqual([[entry.plugin, entry.shape, '1.0.0', '1.1.0', 'v1.1.0']]);
    }
    const summary = renderOrgPlanMarkdown(approved);
    expect(summary).toContain('6 plugins in 6 repositories');
    expect(summary).toContain(`| acme/plugin-02 @ \`${approved.repositories[0]!.head.slice(0, 7)}\` | @acme/plugin-02 | 1.0.0 → **1.1.0** | minor | 1 feat | 1 | [compare](https://github.com/acme/plugin-02/compare/v1.0.0...${approved.repositories[0]!.head}) |`);
    expect(summary).toContain('1 GitHub API requests');
    github.assertNoViolations();
  });

  it('plans the same without a token, read-only: the REST listing and git ls-remote (slipway plan --org)', async () => {
    const before = github.requests.length;
    const run = await execa(process.execPath, [CLI, 'plan', '--org', ORG, '--topic', TOPIC, '--pattern', 'plugin-0*', '--github-api-url', github.url, '--git-url', fleet.gitUrl, '--date', DATE, '--json'], {
      env: { GITHUB_TOKEN: '', GH_TOKEN: '' },
      reject: false,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    const anonymous = JSON.parse(run.stdout) as OrgPlan;
    expect(anonymous.selected).toBe(10);
    expect(anonymous.repositories).toEqual(made.plan.repositories.filter((p) => /plugin-0\d$/.test(p.repository)));
    expect(anonymous.quiet).toEqual([]);
    const restRequests = github.requests.slice(before).filter((r) => r.operationId !== 'graphql');
    expect(restRequests.map((r) => r.operationId)).toEqual(['repos/list-for-org']);
    github.assertNoViolations();
  });

  it('lets the approver exclude a repository and set one plugin\'s version, inside the hash', async () => {
    const { planOrgRelease: planWith } = await import('../../src/jobs/org-release/plan.ts');
    const { parseRepositoryOverride } = await import('../../src/core/org-release/overrides.ts');
    const adjusted = await planWith({
      org: ORG,
      topic: TOPIC,
      pattern: 'plugin-1*',
      github: { client: client(), token: github.token, apiUrl: github.url },
      gitUrl: fleet.gitUrl,
      date: DATE,
      reporter: memoryReporter(),
      overrides: { exclude: [repoName(14)], versions: [parseRepositoryOverride('--bump', 'acme/plugin-10:@acme/plugin-10=major')] },
    });
    expect(adjusted.plan.excluded).toEqual(['acme/plugin-14']);
    // plugin-10 has only a chore since its release: the approver's bump releases it anyway.
    expect(adjusted.plan.repositories.map((p) => p.repository)).toEqual(['acme/plugin-10']);
    const ten = adjusted.plan.repositories[0]!.plan.releases[0]!;
    expect([ten.to, ten.tag, ten.reason, ten.override]).toEqual(['2.0.0', 'v2.0.0', 'override', { source: 'bump', bump: 'major' }]);
    await expect(
      planWith({ org: ORG, topic: TOPIC, github: { client: client(), token: github.token }, gitUrl: fleet.gitUrl, reporter: memoryReporter(), overrides: { exclude: [repoName(99)], versions: [] } }),
    ).rejects.toMatchObject({ code: 'USAGE', subject: '--exclude acme/plugin-99' });
  });
});

describe('one approval, each repository shipped on its own', () => {
  it('ships the others when one publish fails and one branch moved; the rerun ships only the failed one; every write once', async () => {
    const approved = made.plan;
    const artifact = asArtifact(approved);
    const resultsDir = tempDir('slipway-org-results-');
    shippedResults = resultsDir;
    const tokens = appTokenSource({ appId: String(app.appId), privateKey: app.privateKey }, { baseUrl: github.url, backoffUnitMs: 10 });
    const ship = (overrides: Partial<OrgShipOptions> = {}) =>
      shipOrgRelease({
        plan: artifact,
        planSource: 'slipway-org-plan.json',
        expectedHash: approved.hash,
        github: { apiUrl: github.url, clientFor },
        tokens,
        gitUrl: fleet.gitUrl,
        registry: { url: registry.url, token: registry.token },
        resultsDir,
        catalog: true,
        runUrl: 'https://github.com/acme/plugin-releases/actions/runs/9',
        reporter: memoryReporter(),
        env: {},
        ...overrides,
      });
    const report = () =>
      reportOrgRelease({
        plan: artifact,
        expectedHash: approved.hash,
        resultsDir,
        catalog: { repository: central, branch: 'plugins' },
        slack: { token: slack.token, apiUrl: slack.apiUrl, channel: '#releases', retries: 1 },
        runUrl: 'https://github.com/acme/plugin-releases/actions/runs/9',
        cwd: tempDir(),
        reporter: memoryReporter(),
      });

    // After the approval: a colleague fixes plugin-08's code, and the Maven repository is down for plugin-21.
    const moved = pushAfterPlan(fleet, MOVED, 'fix: hot fix', { 'src/main.txt': 'three\n' });
    writeFileSync(fleet.failFlag('plugin-21'), '');

    const first = await ship();
    const status = Object.fromEntries(first.outcomes.map((o) => [o.repository, o.status]));
    expect(status).toEqual({ 'acme/plugin-02': 'shipped', 'acme/plugin-03': 'shipped', 'acme/plugin-08': 'refused', 'acme/plugin-14': 'shipped', 'acme/plugin-21': 'failed', 'acme/plugin-27': 'shipped' });
    const refused = first.outcomes.find((o) => o.repository === MOVED)!;
    expect(refused).toMatchObject({ status: 'refused' });
    expect('message' in refused && refused.message).toContain(moved.slice(0, 7));
    expect(first.outcomes.find((o) => o.repository === FAILING)).toMatchObject({ status: 'failed', step: 'publish plugin-21', url: 'https://github.com/acme/plugin-releases/actions/runs/9' });
    const firstReport = await report();
    expect(firstReport.catalog).toBe('updated');
    expect(firstReport.slack.status).toBe('posted');

    rmSync(fleet.failFlag('plugin-21'));
    const second = await ship();
    expect(second.resumed.sort()).toEqual(['acme/plugin-02', 'acme/plugin-03', 'acme/plugin-14', 'acme/plugin-27']);
    expect(second.outcomes.find((o) => o.repository === FAILING)).toMatchObject({ status: 'shipped', plugins: [{ name: 'plugin-21', version: '1.1.0', tag: 'v1.1.0' }] });
    expect(second.outcomes.find((o) => o.repository === MOVED)).toMatchObject({ status: 'refused' });
    const secondReport = await report();
    expect(secondReport.result.outcomes.filter((o) => o.status === 'shipped')).toHaveLength(5);
    // Nothing new: the same report again writes nothing.
    const third = await report();
    expect([third.catalog, third.slack.status]).toEqual(['unchanged', 'already-posted']);

    // --- every write exactly once ---------------------------------------------------------
    const shipped = ['acme/plugin-02', 'acme/plugin-03', 'acme/plugin-14', 'acme/plugin-21', 'acme/plugin-27'];
    // One push per shipped repository (plus the colleague's), none to the refused one.
    expect(lines(readFileSync(fleet.pushLog, 'utf8')).sort()).toEqual([...shipped, MOVED].sort());
    for (const repository of shipped) {
      const { remote } = fleet.repositories.get(repository)!;
      expect(execaSync('git', ['tag', '--list'], { cwd: remote }).stdout.split('\n')).toEqual(['v1.0.0', 'v1.1.0']);
      expect(execaSync('git', ['log', '-1', '--format=%s', 'main'], { cwd: remote }).stdout).toMatch(/^chore\(release\)/);
      expect(github.state.repo(repository)!.releases.map((r) => r.tagName)).toEqual(['v1.1.0']);
    }
    expect(github.state.repo(MOVED)!.releases).toEqual([]);
    expect(execaSync('git', ['tag', '--list'], { cwd: fleet.repositories.get(MOVED)!.remote }).stdout).toBe('v1.0.0');
    expect(github.count('repos/create-release')).toBe(5);
    // The Gradle publishes: each once, the failed one only after it was fixed.
    expect(lines(readFileSync(fleet.publishLog, 'utf8')).sort()).toEqual(['plugin-03@1.1.0', 'plugin-21@1.1.0', 'plugin-27@1.1.0']);
    for (const name of ['@acme/plugin-02', '@acme/plugin-14']) {
      const answer = await fetch(`${registry.url}${name.replace('/', '%2f')}`, { headers: { authorization: `Bearer ${registry.token}` } });
      expect(Object.keys(((await answer.json()) as { versions: object }).versions)).toEqual(['1.1.0']);
    }
    // One catalog commit per report that had something new.
    expect(commitCount(central, 'plugins')).toBe(2);
    expect(readIndex(branchFiles(central, 'plugins').get('index.json')).plugins.map((p) => `${p.name}@${p.latest}`)).toEqual([
      '@acme/plugin-02@1.1.0',
      '@acme/plugin-14@1.1.0',
      'plugin-03@1.1.0',
      'plugin-21@1.1.0',
      'plugin-27@1.1.0',
    ]);
    // Slack: one message per distinct result.
    const posted = slack.messages.filter((m) => m.channel === slack.channelId('releases'));
    expect(posted.map((m) => m.text.replace(/ \[.*\]$/, ''))).toEqual([
      'Org release acme: 4 repositories shipped, 1 failed, 1 refused https://github.com/acme/plugin-releases/actions/runs/9',
      'Org release acme: 5 repositories shipped, 0 failed, 1 refused https://github.com/acme/plugin-releases/actions/runs/9',
    ]);
    github.assertNoViolations();
  }, 240_000);

  it('slipway release --org resumes from the outcome files: nothing shipped again, the refused one refused again', async () => {
    const planFile = join(tempDir(), 'slipway-org-plan.json');
    writeFileSync(planFile, JSON.stringify(made.plan));
    const before = { releases: github.count('repos/create-release'), pushes: readFileSync(fleet.pushLog, 'utf8'), published: readFileSync(fleet.publishLog, 'utf8') };
    const run = await execa(
      process.execPath,
      [CLI, 'release', '--org', ORG, '--plan', planFile, '--hash', made.plan.hash, '--results', shippedResults, '--yes', '--git-url', fleet.gitUrl, '--github-api-url', github.url, '--registry', registry.url],
      { env: { GITHUB_TOKEN: github.token, NPM_TOKEN: registry.token }, reject: false },
    );
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.stdout, run.stderr).toContain('### slipway org release: 5 repositories shipped, 0 failed, 1 refused');
    expect(run.stdout).toMatch(/\| acme\/plugin-08 \| refused \| .*PLAN_STALE|\| acme\/plugin-08 \| refused \| /);
    for (const repository of ['acme/plugin-02', 'acme/plugin-21']) expect(run.stderr).toContain(`${repository}: shipped by an earlier run, not repeated`);
    expect(github.count('repos/create-release')).toBe(before.releases);
    expect(readFileSync(fleet.pushLog, 'utf8')).toBe(before.pushes);
    expect(readFileSync(fleet.publishLog, 'utf8')).toBe(before.published);
    github.assertNoViolations();
  }, 120_000);

  it('refuses an artifact that is not the approved plan, before any write', async () => {
    const edited = asArtifact(made.plan) as { repositories: Array<{ plan: { releases: Array<{ to: string }> } }> };
    edited.repositories[0]!.plan.releases[0]!.to = '9.9.9';
    const pushes = readFileSync(fleet.pushLog, 'utf8');
    await expect(shipOrgRelease({ plan: edited, expectedHash: made.plan.hash, github: { apiUrl: github.url, clientFor }, gitUrl: fleet.gitUrl, resultsDir: tempDir(), reporter: memoryReporter() })).rejects.toMatchObject({ code: expect.stringMatching(/PLAN_TAMPERED|PLAN_INVALID/) });
    expect(readFileSync(fleet.pushLog, 'utf8')).toBe(pushes);
  });

  it('gives each repository a token that cannot write any other repository', async () => {
    const tokens = appTokenSource({ appId: String(app.appId), privateKey: app.privateKey }, { baseUrl: github.url });
    const token = await tokens.tokenFor(repoName(30));
    const scoped = clientFor(token);
    await expect(scoped.rest.repos.createRelease({ owner: ORG, repo: 'plugin-31', tag_name: 'v9.0.0' })).rejects.toMatchObject({ status: 403 });
    const own = await scoped.rest.repos.createRelease({ owner: ORG, repo: 'plugin-30', tag_name: 'v9.0.0', draft: true });
    expect(own.status).toBe(201);
    github.assertNoViolations();
  });
});
