/**
 * An organisation of plugin repositories for the org release specs: real git repositories with
 * bare remotes (the "GitHub" git side), registered in the local GitHub server, which reads each
 * remote's branches and tags live. npm-shaped repositories are one package each; Gradle-shaped
 * ones are one build with its version in gradle.properties. Every repository was released at
 * 1.0.0; `changed` ones have a releasable commit since, `quiet` ones only a chore.
 */
import { execaSync } from 'execa';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pkg, tempDir } from '../helpers/repo.ts';
import { bareRepositoryRefs } from '../servers/github/git-refs.ts';
import type { GitHubServer } from '../servers/github/index.ts';

export type Shape = 'npm' | 'gradle';

export interface OrgRepository {
  repository: string;
  name: string;
  shape: Shape;
  /** The plugin name the planner gives it. */
  plugin: string;
  remote: string;
}

export interface OrgFleet {
  org: string;
  root: string;
  repositories: Map<string, OrgRepository>;
  /** `{repository}` → the bare remote. */
  gitUrl: string;
  /** Lines the Gradle publish command wrote: `name@version`. */
  publishLog: string;
  /** A file that makes the Gradle publish of `name` fail while it exists. */
  failFlag(name: string): string;
  /** Lines each remote's post-receive hook wrote: one per accepted push. */
  pushLog: string;
}

const MANIFEST_YML = (title: string) => `title: ${title}\ncategories: [storage]\nelements:\n  - kind: task\n    name: ${title.toLowerCase()}.run\n`;

/** The publish command of the Gradle-shaped repositories: logs name@version, or fails while a flag file exists. */
function publishScript(root: string): string {
  const script = join(root, 'publish.mjs');
  writeFileSync(
    script,
    [
      "import { appendFileSync, existsSync } from 'node:fs';",
      "const [name, version] = process.argv.slice(2);",
      "if (existsSync(`${process.env.FLAGS}/fail-${name}`)) { console.error('503 Service Unavailable from the Maven repository'); process.exit(1); }",
      "appendFileSync(process.env.PUBLISH_LOG, `${name}@${version}\\n`);",
    ].join('\n'),
  );
  return script;
}

/** The files of a repository at its first release. */
function firstFiles(shape: Shape, name: string, plugin: string, publishCommand: string): Record<string, string> {
  if (shape === 'npm') {
    return { 'package.json': pkg(plugin, '1.0.0', { description: `The ${name} plugin.`, slipway: { title: name, elements: [{ kind: 'task', name: `${name}.run` }] } }), 'src/main.txt': 'one\n' };
  }
  return {
    'settings.gradle': `rootProject.name = '${name}'\n`,
    'build.gradle': "plugins { id 'java' }\n",
    'gradle.properties': 'version=1.0.0\ndescription=A Gradle-shaped plugin.\n',
    'slipway-plugin.yml': MANIFEST_YML(name),
    // The command runs in a clone: the script, the log and the flags are absolute paths.
    'slipway.yml': `commands:\n  publish: ${publishCommand}\n`,
    'src/main.txt': 'one\n',
  };
}

/**
 * A bare repository written by one `git fast-import`: the release commit tagged v1.0.0, then
 * the given commits. Two processes per repository instead of a dozen: a fleet of 40 builds in
 * seconds on a loaded 2-core machine.
 */
export function bareRepository(dir: string, first: Record<string, string>, later: ReadonlyArray<{ message: string; files: Record<string, string> }>): void {
  execaSync('git', ['init', '-q', '--bare', '-b', 'main', dir]);
  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let time = Date.UTC(2026, 0, 1, 9, 0, 0) / 1000;
  const commit = (mark: number, message: string, files: Record<string, string>) => {
    time += 60;
    chunks.push(`commit refs/heads/main\nmark :${mark}\nauthor Ada Tester <ada@example.com> ${time} +0000\ncommitter Ada Tester <ada@example.com> ${time} +0000\n${data(message)}`);
    if (mark > 1) chunks.push(`from :${mark - 1}\n`);
    for (const [path, text] of Object.entries(files)) chunks.push(`M 100644 inline ${path}\n${data(text)}`);
    chunks.push('\n');
  };
  commit(1, 'feat: first release', first);
  chunks.push('reset refs/tags/v1.0.0\nfrom :1\n\n');
  later.forEach((c, i) => commit(i + 2, c.message, c.files));
  execaSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join('') });
}

export function createOrgFleet(options: { org: string; count: number; changed: ReadonlySet<number>; quiet?: ReadonlySet<number>; github: GitHubServer; topic: string }): OrgFleet {
  const root = tempDir('slipway-org-');
  const flags = join(root, 'flags');
  mkdirSync(flags);
  const publishLog = join(root, 'published.log');
  const pushLog = join(root, 'pushes.log');
  writeFileSync(publishLog, '');
  writeFileSync(pushLog, '');
  const publishCommand = `FLAGS=${flags} PUBLISH_LOG=${publishLog} node ${publishScript(root)} {name} {version}`;
  const repositories = new Map<string, OrgRepository>();
  for (let i = 0; i < options.count; i++) {
    const name = `plugin-${String(i).padStart(2, '0')}`;
    const repository = `${options.org}/${name}`;
    const shape: Shape = i % 2 === 0 ? 'npm' : 'gradle';
    const plugin = shape === 'npm' ? `@${options.org}/${name}` : name;
    const later: Array<{ message: string; files: Record<string, string> }> = [
      ...(options.changed.has(i) ? [{ message: `feat: ${name} learns a trick`, files: { 'src/main.txt': 'two\n' } }] : []),
      ...(options.quiet?.has(i) ? [{ message: 'chore: tidy the build', files: { 'ci.txt': 'ci\n' } }] : []),
    ];
    const remote = join(root, 'remotes', options.org, `${name}.git`);
    bareRepository(remote, firstFiles(shape, name, plugin, publishCommand), later);
    const hook = join(remote, 'hooks', 'post-receive');
    writeFileSync(hook, `#!/bin/sh\necho "${repository}" >> '${pushLog}'\ncat >/dev/null\n`);
    chmodSync(hook, 0o755);
    options.github.state.addRepo(repository, { topics: [options.topic], git: bareRepositoryRefs(remote) });
    repositories.set(repository, { repository, name, shape, plugin, remote });
  }
  return {
    org: options.org,
    root,
    repositories,
    gitUrl: join(root, 'remotes', '{repository}.git'),
    publishLog,
    pushLog,
    failFlag: (name) => join(flags, `fail-${name}`),
  };
}

/** A colleague pushes a commit to the repository's main after the plan (from a clone of their own). */
export function pushAfterPlan(fleet: OrgFleet, repository: string, message: string, files: Record<string, string>): string {
  const target = fleet.repositories.get(repository);
  if (!target) throw new Error(`no ${repository} in the fleet`);
  const clone = tempDir('slipway-colleague-');
  const git = (...args: string[]) => execaSync('git', args, { cwd: clone }).stdout;
  execaSync('git', ['clone', '-q', target.remote, clone]);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(clone, path), text);
  git('add', '-A');
  git('-c', 'user.name=Colleague', '-c', 'user.email=colleague@example.com', 'commit', '-q', '-m', message);
  git('push', '-q', 'origin', 'HEAD:main');
  return git('rev-parse', 'HEAD');
}

export const lines = (text: string) => text.split('\n').filter(Boolean);
