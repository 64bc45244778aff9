/**
 * A newcomer follows the README from an empty folder: a small plugin monorepo with git, then
 * `slipway init` (the bundled CLI), the generated workflows through actionlint and our policy,
 * committed and pushed. Then the release workflow's jobs, from the bundled actions as the
 * runner runs them: the plan job plans; the approver approves that plan's hash; the ship job,
 * in its own fresh checkout with the downloaded plan, releases into the bare remote, the local
 * GitHub server and Verdaccio — and refuses any hash but the approved one.
 */
import { execa } from 'execa';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWorkflows } from '../../scripts/workflow-policy.ts';
import { publishedVersions } from '../../src/adapters/registry/npm-registry.ts';
import { cleanupTempDirs, pkg, repo, tempDir, type Repo } from '../helpers/repo.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';
import { startVerdaccio, type LocalRegistry } from '../servers/verdaccio.ts';
import { actionCheckout, annotationLines, runAction } from './harness.ts';

const REPOSITORY = 'newco/plugins';

let github: GitHubServer;
let registry: LocalRegistry;
let checkout: string;

beforeAll(async () => {
  [github, registry, checkout] = await Promise.all([startGitHubServer(), startVerdaccio(), actionCheckout()]);
  github.state.addRepo(REPOSITORY);
});
afterAll(async () => {
  await Promise.all([github?.close(), registry?.close()]);
  cleanupTempDirs();
});

describe('a newcomer, from an empty folder to a first release', () => {
  let fleet: Repo;
  let remote: string;

  it('makes a plugin monorepo and runs `slipway init`: slipway.yml, the starter workflows, and what is left to do', async () => {
    const folder = tempDir('slipway-newcomer-');
    expect(readdirSync(folder)).toEqual([]);
    fleet = repo(folder)
      .files({
        'package.json': pkg('newco-plugins', '0.0.0', { private: true, workspaces: ['plugins/*'] }),
        'plugins/greet/package.json': pkg('@newco/greet', '1.0.0', { main: 'index.js' }),
        'plugins/greet/index.js': 'export const greet = () => "hello";\n',
        'plugins/shout/package.json': pkg('@newco/shout', '1.0.0', { main: 'index.js', dependencies: { '@newco/greet': '^1.0.0' } }),
        'plugins/shout/index.js': 'import { greet } from "@newco/greet";\nexport const shout = () => greet().toUpperCase();\n',
      })
      .commit('feat: greet and shout')
      .tag('@newco/greet@1.0.0')
      .tag('@newco/shout@1.0.0')
      .commit('feat(greet): greet someone by name', { 'plugins/greet/index.js': 'export const greet = (name = "you") => `hello ${name}`;\n' });
    remote = fleet.withBareRemote();

    const init = await execa(process.execPath, [join(checkout, 'dist/cli.js'), 'init'], { cwd: fleet.dir, reject: false });
    expect(init.exitCode).toBe(0);
    expect(init.stderr).toContain('found a fleet of 2 npm plugins: @newco/greet, @newco/shout');
    // No plugin manifest, so no catalog: no index workflow, and validate holds the plugins to no catalog checks.
    expect(init.stderr).toContain('created slipway.yml\ncreated .github/workflows/digest.yml\ncreated .github/workflows/release.yml\ncreated .github/workflows/validate.yml');
    expect(init.stderr).not.toContain('index.yml\n');
    expect(init.stderr).toContain('it adds .github/workflows/index.yml');
    expect(init.stderr).toContain('slipway setup --environment release --reviewer YOUR-LOGIN --reviewer ORG/TEAM --branch main');

    // actionlint and the policy, on the workflows exactly as init wrote them.
    expect(await checkWorkflows(fleet.dir)).toEqual([]);

    // "Commit and push", as the last step says.
    fleet.commit('ci: release with slipway');
    fleet.git('push', '-q', 'origin', 'main');
  });

  let planHash: string;
  let planFile: string;

  it('the plan job: the plan in the summary, its hash as an output, the plan file as the artifact', async () => {
    const plan = await runAction('plan', { workspace: fleet.dir, repository: REPOSITORY, eventName: 'schedule', event: { schedule: '0 6 * * *' }, inputs: { 'plan-file': 'slipway-plan.json' } });
    expect(plan.exitCode).toBe(0);
    expect(plan.outputs['count']).toBe('2');
    expect(JSON.parse(plan.outputs['tags']!)).toEqual(['@newco/greet@1.1.0', '@newco/shout@1.0.1']);
    expect(plan.summary).toContain('| @newco/greet | 1.0.0 | **1.1.0** | minor | 1 commit |');
    planHash = plan.outputs['hash']!;
    planFile = plan.outputs['file']!;
  });

  /** The ship job's own runner: a fresh checkout (fetch-depth 0) and the downloaded plan artifact. */
  function shipRunner() {
    const workspace = tempDir('slipway-ship-');
    const runnerTemp = tempDir('slipway-ship-runner-');
    mkdirSync(join(runnerTemp, 'slipway-plan'));
    copyFileSync(planFile, join(runnerTemp, 'slipway-plan', 'slipway-plan.json'));
    return { workspace, runnerTemp, plan: join(runnerTemp, 'slipway-plan', 'slipway-plan.json') };
  }

  const ship = async (hash: string) => {
    const runner = shipRunner();
    await execa('git', ['clone', '-q', remote, runner.workspace]);
    return runAction('release', {
      workspace: runner.workspace,
      runnerTemp: runner.runnerTemp,
      repository: REPOSITORY,
      github: { url: github.url, token: github.token },
      eventName: 'schedule',
      inputs: { 'plan-file': runner.plan, 'plan-hash': hash, registry: registry.url, 'npm-token': registry.token },
    });
  };
  const remoteRefs = async () => (await execa('git', ['ls-remote', remote])).stdout;

  it('the ship job refuses a plan whose hash is not the approved one, and writes nothing', async () => {
    const before = await remoteRefs();
    const refused = await ship(`sha256:${'0'.repeat(64)}`);
    expect(refused.exitCode).toBe(1);
    expect(annotationLines(refused, 'error')).toContain(`release refused, nothing was written: this is not the approved plan: it is ${planHash}, the approved one is sha256:${'0'.repeat(64)}`);
    expect(await remoteRefs()).toBe(before);
    expect(github.state.repo('newco', 'plugins')!.releases).toEqual([]);
  });

  it('approved: the ship job releases exactly the plan — tags on the remote, GitHub Releases, the registry', async () => {
    const run = await ship(planHash);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs['released']!)).toEqual(['@newco/greet@1.1.0', '@newco/shout@1.0.1']);
    const tags = (await execa('git', ['--git-dir', remote, 'tag', '--points-at', 'main'])).stdout.split('\n').sort();
    expect(tags).toEqual(['@newco/greet@1.1.0', '@newco/shout@1.0.1']);
    expect(github.state.repo('newco', 'plugins')!.releases.map((r) => r.tagName).sort()).toEqual(tags);
    expect(await publishedVersions('@newco/greet', { registry: registry.url, token: registry.token })).toEqual(['1.1.0']);
    expect(await publishedVersions('@newco/shout', { registry: registry.url, token: registry.token })).toEqual(['1.0.1']);
    expect(run.summary).toContain('### slipway release: released');
    github.assertNoViolations();
  });
});
