/**
 * Shared parts of the release tests: small real fleets with a bare remote, the local GitHub
 * server and Verdaccio, a snapshot of everything a release could write, and ways to
 * interfere with a remote (a hook that refuses one push, a concurrent commit).
 */
import { execa, execaSync } from 'execa';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGitHubClient, type Octokit } from '../../src/adapters/github/client.ts';
import { publishedVersions } from '../../src/adapters/registry/npm-registry.ts';
import { parseJournalLines } from '../../src/adapters/release/journal-file.ts';
import type { ReleaseJournal } from '../../src/core/release/journal.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import type { ReleasePlan } from '../../src/core/plan/release-plan.ts';
import { planRelease } from '../../src/jobs/plan.ts';
import type { ReleaseJobOptions } from '../../src/jobs/release.ts';
import { pkg, repo, tempDir, type Repo } from '../helpers/repo.ts';
import { startGitHubServer, type GitHubServer } from '../servers/github/index.ts';
import { startVerdaccio, type LocalRegistry } from '../servers/verdaccio.ts';

export const DATE = '2026-03-01';

export interface SmallFleet {
  repo: Repo;
  dir: string;
  remote: string;
  /** Package names, in the order given. */
  names: string[];
}

/**
 * An npm-workspaces fleet of `count` plugins named `<scope>/p<i>`, all released at 1.0.0, then
 * one `feat` commit touching every plugin: the plan releases each at 1.1.0. With `dependent`,
 * one more plugin `<scope>/dep` (2.0.0, depends on the first) gets a dependency patch release.
 */
export function smallFleet(scope: string, options: { count?: number; private?: boolean; dependent?: boolean } = {}): SmallFleet {
  const count = options.count ?? 1;
  const names = Array.from({ length: count }, (_, i) => `${scope}/p${i + 1}`);
  const extra = options.private ? { private: true } : {};
  const r = repo().file('package.json', pkg('fleet', '0.0.0', { private: true, workspaces: ['plugins/*'] })).file('README.md', '# fleet\n');
  names.forEach((name, i) => r.files({ [`plugins/p${i + 1}/package.json`]: pkg(name, '1.0.0', extra), [`plugins/p${i + 1}/index.js`]: 'export default 1;\n' }));
  if (options.dependent) {
    names.push(`${scope}/dep`);
    r.files({ 'plugins/dep/package.json': pkg(`${scope}/dep`, '2.0.0', { ...extra, dependencies: { [names[0]!]: '^1.0.0' } }), 'plugins/dep/index.js': 'export default 2;\n' });
  }
  r.commit('chore(release): publish');
  for (const [i, name] of names.entries()) r.tag(`${name}@${options.dependent && i === names.length - 1 ? '2.0.0' : '1.0.0'}`);
  const changed = Object.fromEntries(Array.from({ length: count }, (_, i) => [`plugins/p${i + 1}/index.js`, 'export default 1.1;\n']));
  r.commit(`feat: faster everything`, changed);
  const remote = r.withBareRemote();
  return { repo: r, dir: r.dir, remote, names };
}

export async function makePlan(dir: string, options: { prerelease?: string } = {}): Promise<ReleasePlan> {
  return (await planRelease({ cwd: dir, reporter: memoryReporter(), date: DATE, ...options })).plan;
}

/** The plan as it travels: through JSON, like the artifact between the plan and ship jobs. */
export const asArtifact = (plan: ReleasePlan): unknown => JSON.parse(JSON.stringify(plan));

export interface Snapshot {
  head: string;
  status: string;
  localTags: string;
  remoteRefs: string;
}

/** Everything of the repository and its remote a release could change. */
export async function snapshot(dir: string, remote: string): Promise<Snapshot> {
  const git = async (...args: string[]) => (await execa('git', args, { cwd: dir })).stdout;
  return {
    head: await git('rev-parse', 'HEAD'),
    status: await git('status', '--porcelain', '--untracked-files=all'),
    localTags: await git('for-each-ref', '--format=%(refname) %(objectname)', 'refs/tags'),
    remoteRefs: (await execa('git', ['ls-remote', remote])).stdout,
  };
}

/** A pre-receive hook that refuses the next push (only one) with `message`. */
export function refuseNextPush(remote: string, message: string): void {
  writeFileSync(join(remote, 'refuse-once'), message);
  const hook = join(remote, 'hooks', 'pre-receive');
  writeFileSync(hook, '#!/bin/sh\n# Refuses one push, then lets pushes through.\nif [ -f refuse-once ]; then cat refuse-once >&2; echo >&2; rm -f refuse-once; exit 1; fi\ncat >/dev/null\n');
  chmodSync(hook, 0o755);
}

/** Someone else pushes a commit to the remote's main (from their own clone). */
export function pushConcurrentCommit(remote: string, message: string, files: Record<string, string>): string {
  const clone = tempDir('slipway-colleague-');
  const git = (...args: string[]) => execaSync('git', args, { cwd: clone }).stdout;
  execaSync('git', ['clone', '-q', '--branch', 'main', remote, clone]);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(clone, path), text);
  git('add', '-A');
  git('-c', 'user.name=Colleague', '-c', 'user.email=colleague@example.com', 'commit', '-q', '-m', message);
  git('push', '-q', 'origin', 'HEAD:main');
  return git('rev-parse', 'HEAD');
}

export const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** The last run recorded in a journal file (JSON Lines, as the release appends it). */
export function readJournal(file: string): ReleaseJournal {
  const run = parseJournalLines(readFileSync(file, 'utf8')).at(-1);
  if (!run) throw new Error(`no run in the journal ${file}`);
  return run;
}

/** How many `## <version>` headings a changelog has. */
export function sectionCount(changelog: string, version: string): number {
  return changelog.split('\n').filter((line) => line.startsWith(`## ${version} `) || line === `## ${version}`).length;
}

export interface Servers {
  github: GitHubServer;
  registry: LocalRegistry;
  /** A real client with short waits for retries, and rate-limit waits as the server says. */
  client(options?: { writeSpacingMs?: number }): Octokit;
  npmCache: string;
  /** The versions of a package the real npm CLI reads back ([] when never published). */
  npmVersions(name: string): Promise<string[]>;
  /** The same, read from the packument over HTTP: no npm process, for tests that check many packages. */
  registryVersions(name: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function startServers(): Promise<Servers> {
  const [github, registry] = await Promise.all([startGitHubServer(), startVerdaccio()]);
  const npmCache = tempDir('slipway-npm-cache-');
  return {
    github,
    registry,
    npmCache,
    client: (options = {}) =>
      createGitHubClient({ baseUrl: github.url, token: github.token, writeSpacingMs: options.writeSpacingMs ?? 0, backoffUnitMs: 10, minRetryAfterSeconds: 1, retries: 3 }),
    async npmVersions(name) {
      const run = await execa('npm', ['view', name, 'versions', '--json', '--registry', registry.url, '--userconfig', registry.userconfig, '--cache', npmCache], { reject: false });
      if (run.exitCode !== 0) {
        if (/E404|not in this registry/.test(run.stderr + run.stdout)) return [];
        throw new Error(`npm view ${name} failed: ${run.stderr}`);
      }
      const parsed = JSON.parse(run.stdout) as string | string[];
      return Array.isArray(parsed) ? parsed : [parsed];
    },
    registryVersions: (name) => publishedVersions(name, { registry: registry.url, token: registry.token }),
    close: async () => {
      await Promise.all([github.close(), registry.close()]);
    },
  };
}

/** The GitHub Releases of a repository on the local server, tag → record. */
export function releasesOf(github: GitHubServer, repository: string) {
  const [owner, name] = repository.split('/');
  const record = github.state.repo(owner!, name!);
  if (!record) throw new Error(`no repository ${repository}`);
  return record.releases;
}

/** One independent release scenario: its own npm scope, GitHub repository and fleet. */
export interface ReleaseCase {
  scope: string;
  repository: string;
  fleet: SmallFleet;
  plan: ReleasePlan;
}

let caseCount = 0;
export async function newReleaseCase(
  servers: Servers,
  prefix: string,
  options: { private?: boolean; count?: number; dependent?: boolean; prerelease?: string } = {},
): Promise<ReleaseCase> {
  const n = ++caseCount;
  const scope = `@${prefix}${n}`;
  const repository = `acme/${prefix}-${n}`;
  servers.github.state.addRepo(repository);
  const fleet = smallFleet(scope, { count: options.count ?? 1, dependent: options.dependent ?? !options.private, private: options.private });
  return { scope, repository, fleet, plan: await makePlan(fleet.dir, { prerelease: options.prerelease }) };
}

/** shipPlan's options for a case, against the shared local servers. */
export function shipOptions(servers: Servers, c: ReleaseCase, overrides: Partial<ReleaseJobOptions> = {}): ReleaseJobOptions {
  return {
    cwd: c.fleet.dir,
    plan: asArtifact(c.plan),
    expectedHash: c.plan.hash,
    reporter: memoryReporter(),
    journalFile: join(tempDir(), 'journal.json'),
    github: { client: servers.client(), repository: c.repository },
    registry: { url: servers.registry.url, token: servers.registry.token },
    env: {},
    ...overrides,
  };
}
