/**
 * The release benchmark: `node bench/release.ts [--plugins N] [--publish N] [--no-limit]`.
 *
 * Builds an npm-workspaces fleet of N plugins (default 300), each released once and changed
 * since, plans it, and ships the plan into a local bare remote, the local GitHub server and a
 * real Verdaccio. Prints the wall time per step kind and the REST calls per plugin (reads are
 * batched: releases are listed 100 a page; writes are one per GitHub Release), then reruns the
 * same plan (everything already done: reads only).
 *
 * Publishing is `npm publish`, a process per package: `--publish N` (default 20) makes N of
 * the plugins public and publishes them, the rest private; the time per publish is printed and
 * extrapolated to the whole fleet. `--publish all` publishes every plugin.
 *
 * Then, unless --no-limit, the release runs twice more with the server's secondary rate limit
 * on (GitHub's 80 content-creating requests a minute, scaled 10×: 80 per 6 s): unpaced (it
 * runs into the limit and waits as Retry-After says) and paced (75 ms between writes); both
 * must complete every release. Exits non-zero if anything did not release.
 *
 * The journal's cost (`--journal-only` runs just this part): N step entries (default 9,000, a
 * 1,300-plugin release) written as the release writes them — an append and an fsync per step —
 * against no journal and against rewriting the whole JSON after every step (the old format made
 * durable); printed as steps per second. The releases above also keep a journal, so their wall
 * times include it; `--no-journal` ships without one, for the steps/s of the release both ways.
 */
import { execa } from 'execa';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGitHubClient } from '../src/adapters/github/client.ts';
import { journalWriter } from '../src/adapters/release/journal-file.ts';
import { memoryReporter } from '../src/core/reporter.ts';
import { newJournal, type ReleaseJournal } from '../src/core/release/journal.ts';
import { STEP_KINDS } from '../src/core/release/release-steps.ts';
import { planRelease } from '../src/jobs/plan.ts';
import { shipPlan } from '../src/jobs/release.ts';
import { startGitHubServer, type GitHubServer } from '../test/servers/github/index.ts';
import { startVerdaccio, type LocalRegistry } from '../test/servers/verdaccio.ts';

const { values } = parseArgs({
  options: {
    plugins: { type: 'string', default: '300' },
    publish: { type: 'string', default: '20' },
    'no-limit': { type: 'boolean', default: false },
    'journal-only': { type: 'boolean', default: false },
    /** Ship without a journal, to compare the release's steps/s with and without it. */
    'no-journal': { type: 'boolean', default: false },
    'journal-steps': { type: 'string', default: '9000' },
  },
});
const PLUGINS = Number(values.plugins);
const PUBLISHED = values.publish === 'all' ? PLUGINS : Math.min(PLUGINS, Number(values.publish));
const LIMIT = { contentCreatingPerWindow: 80, windowMs: 6_000 };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const git = (cwd: string, args: string[], input?: string) => execa('git', args, { cwd, input });

/** N plugins `@bench-r<run>/pNNNN`, all tagged 1.0.0, then one `feat` commit touching each. */
async function buildFleet(root: string, run: number, published: number): Promise<{ dir: string; remote: string }> {
  const dir = join(root, `fleet-${run}`);
  const remote = join(root, `remote-${run}.git`);
  await git(root, ['init', '-q', '-b', 'main', dir]);
  for (const [key, value] of [['user.name', 'Bench'], ['user.email', 'bench@example.com'], ['commit.gpgsign', 'false']]) await git(dir, ['config', key!, value!]);
  const names: string[] = [];
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'bench-fleet', private: true, workspaces: ['plugins/*'] }, null, 2) + '\n');
  for (let i = 0; i < PLUGINS; i++) {
    const id = `p${String(i + 1).padStart(4, '0')}`;
    const name = `@bench-r${run}/${id}`;
    names.push(name);
    await mkdir(join(dir, 'plugins', id), { recursive: true });
    const manifest = { name, version: '1.0.0', description: `bench plugin ${id}`, license: 'MIT', main: 'index.js', ...(i < published ? {} : { private: true }) };
    await writeFile(join(dir, 'plugins', id, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    await writeFile(join(dir, 'plugins', id, 'index.js'), 'export default 1;\n');
  }
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', 'chore(release): publish']);
  const head = (await git(dir, ['rev-parse', 'HEAD'])).stdout;
  // Every tag in one process.
  await git(dir, ['update-ref', '--stdin'], names.map((n) => `create refs/tags/${n}@1.0.0 ${head}\n`).join(''));
  for (let i = 0; i < PLUGINS; i++) await writeFile(join(dir, 'plugins', `p${String(i + 1).padStart(4, '0')}`, 'index.js'), 'export default 2;\n');
  await git(dir, ['commit', '-q', '-am', 'feat: faster everything']);
  await git(root, ['init', '-q', '--bare', '-b', 'main', remote]);
  await git(dir, ['remote', 'add', 'origin', remote]);
  await git(dir, ['push', '-q', 'origin', 'main', '--tags']);
  return { dir, remote };
}

function stepTimes(journal: ReleaseJournal): string {
  return STEP_KINDS.map((kind) => {
    const entries = journal.entries.filter((e) => e.step === kind);
    if (!entries.length) return undefined;
    const ms = Math.max(...entries.map((e) => Date.parse(e.finishedAt))) - Math.min(...entries.map((e) => Date.parse(e.startedAt)));
    return `${kind} ${seconds(ms)}`;
  })
    .filter(Boolean)
    .join(', ');
}

function restCalls(github: GitHubServer, repository: string, since: number) {
  const calls = github.requests.slice(since).filter((r) => r.path.startsWith(`/repos/${repository}/`));
  const reads = calls.filter((r) => r.method === 'GET').length;
  const writes = calls.filter((r) => r.method !== 'GET' && !r.fault).length;
  const limited = calls.filter((r) => r.fault?.startsWith('secondary rate limit')).length;
  return { reads, writes, limited, total: calls.length };
}

async function release(
  root: string,
  run: number,
  github: GitHubServer,
  registry: LocalRegistry,
  options: { published: number; writeSpacingMs: number; rerun?: boolean },
): Promise<{ ok: boolean; lines: string[] }> {
  const repository = `bench/run-${run}`;
  github.state.addRepo(repository);
  const built = performance.now();
  const fleet = await buildFleet(root, run, options.published);
  const lines = [`fleet of ${PLUGINS} plugins (${options.published} public) built in ${seconds(performance.now() - built)}`];

  const planned = performance.now();
  const { plan } = await planRelease({ cwd: fleet.dir, reporter: memoryReporter(), date: '2026-03-01' });
  lines.push(`plan: ${plan.releases.length} releases in ${seconds(performance.now() - planned)}`);

  const client = createGitHubClient({ baseUrl: github.url, token: github.token, writeSpacingMs: options.writeSpacingMs, minRetryAfterSeconds: 1, retries: 5 });
  const ship = (since: number) =>
    shipPlan({
      cwd: fleet.dir,
      plan,
      expectedHash: plan.hash,
      reporter: memoryReporter(),
      github: { client, repository },
      registry: { url: registry.url, token: registry.token },
      journalFile: values['no-journal'] ? undefined : join(root, `journal-${run}-${since}.jsonl`),
      env: {},
    }).then((result) => ({ result, calls: restCalls(github, repository, since) }));

  let since = github.requests.length;
  let started = performance.now();
  const first = await ship(since);
  const wall = performance.now() - started;
  const released = first.result.released.length;
  const steps = first.result.journal.entries.filter((e) => e.step !== 'verify').length;
  lines.push(`release: ${released} plugins in ${seconds(wall)}, ${steps} steps, ${(steps / (wall / 1000)).toFixed(1)} steps/s${values['no-journal'] ? ' without a journal' : ' with the journal'} (${stepTimes(first.result.journal)})`);
  const { reads, writes, limited, total } = first.calls;
  lines.push(`REST calls: ${total} = ${reads} reads + ${writes} writes${limited ? ` + ${limited} answered 403 (secondary limit, retried after Retry-After)` : ''}; per plugin: ${(reads / released).toFixed(3)} reads, ${(writes / released).toFixed(2)} writes`);
  const publishes = first.result.journal.entries.filter((e) => e.step === 'publish' && e.status === 'done');
  if (publishes.length) {
    const each = publishes.map((e) => Date.parse(e.finishedAt) - Date.parse(e.startedAt));
    const avg = each.reduce((a, b) => a + b, 0) / each.length;
    const span = Math.max(...publishes.map((e) => Date.parse(e.finishedAt))) - Math.min(...publishes.map((e) => Date.parse(e.startedAt)));
    lines.push(`publish: ${publishes.length} × npm publish, ${seconds(avg)} each on average, ${seconds(span)} for all (4 at a time); all ${PLUGINS} would take about ${seconds((span / publishes.length) * PLUGINS)}`);
  }

  if (options.rerun) {
    since = github.requests.length;
    started = performance.now();
    const again = await ship(since);
    const done = again.result.journal.entries.filter((e) => e.status === 'done' && e.step !== 'verify').length;
    lines.push(`rerun of the same plan: ${seconds(performance.now() - started)}, ${done} steps done (expect 0), REST calls: ${again.calls.reads} reads, ${again.calls.writes} writes`);
  }
  const ok = first.result.journal.result === 'released' && released === PLUGINS && github.state.repo(repository)!.releases.length === PLUGINS;
  return { ok, lines };
}

/** Steps per second of a run of `steps` empty steps whose only work is keeping the journal as `mode` says. */
async function journalStepsPerSecond(dir: string, steps: number, mode: 'none' | 'append-fsync' | 'rewrite-each'): Promise<number> {
  const journal = newJournal(null, false, new Date().toISOString());
  const file = join(dir, `journal-${mode}.jsonl`);
  const writer = journalWriter(mode === 'append-fsync' ? file : undefined);
  const started = performance.now();
  for (let i = 0; i < steps; i++) {
    const now = new Date().toISOString();
    journal.entries.push({ step: 'tag', plugin: `@bench/p${i}`, status: 'done', startedAt: now, finishedAt: now, detail: `created @bench/p${i}@1.1.0 on 0123456`, sha: '0123456789abcdef0123456789abcdef01234567' });
    if (mode === 'rewrite-each') {
      await writeFile(`${file}.tmp`, JSON.stringify(journal, null, 2) + '\n');
      await rename(`${file}.tmp`, file);
    } else await writer.save(journal);
  }
  await writer.finish(journal);
  return steps / ((performance.now() - started) / 1000);
}

async function journalBench(steps: number): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'slipway-bench-journal-'));
  try {
    const none = await journalStepsPerSecond(dir, steps, 'none');
    const append = await journalStepsPerSecond(dir, steps, 'append-fsync');
    // The quadratic rewrite is measured on a tenth of the steps (the full run takes minutes).
    const rewrite = await journalStepsPerSecond(dir, Math.ceil(steps / 10), 'rewrite-each');
    return [
      `journal cost over ${steps} steps (steps/s; higher is better):`,
      `  no journal:                         ${Math.round(none)}`,
      `  append + fsync each step (current): ${Math.round(append)} (${(1000 / append).toFixed(2)} ms a step)`,
      `  rewrite the whole JSON each step:   ${Math.round(rewrite)} over the first ${Math.ceil(steps / 10)} steps only, falling as the journal grows`,
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (values['journal-only']) {
  console.log((await journalBench(Number(values['journal-steps']))).join('\n'));
  process.exit(0);
}

const root = await mkdtemp(join(tmpdir(), 'slipway-bench-release-'));
const [github, registry] = await Promise.all([startGitHubServer(), startVerdaccio()]);
let failed = false;
try {
  console.log((await journalBench(Number(values['journal-steps']))).join('\n') + '\n');
  console.log(`release bench: ${PLUGINS} plugins, local bare remote, local GitHub server, Verdaccio (${registry.startedInMs} ms to start)\n`);
  const base = await release(root, 1, github, registry, { published: PUBLISHED, writeSpacingMs: 0, rerun: true });
  console.log(['unlimited, no write spacing:', ...base.lines.map((l) => `  ${l}`)].join('\n'));
  failed ||= !base.ok;

  if (!values['no-limit']) {
    github.secondaryLimit(LIMIT);
    const label = `${LIMIT.contentCreatingPerWindow} writes per ${LIMIT.windowMs / 1000} s`;
    const unpaced = await release(root, 2, github, registry, { published: 0, writeSpacingMs: 0 });
    console.log([`\nsecondary limit ${label}, unpaced:`, ...unpaced.lines.slice(2).map((l) => `  ${l}`)].join('\n'));
    const spacing = Math.ceil(LIMIT.windowMs / LIMIT.contentCreatingPerWindow);
    const paced = await release(root, 3, github, registry, { published: 0, writeSpacingMs: spacing });
    console.log([`\nsecondary limit ${label}, paced at ${spacing} ms between writes:`, ...paced.lines.slice(2).map((l) => `  ${l}`)].join('\n'));
    failed ||= !unpaced.ok || !paced.ok;
  }
  if (github.violations.length) {
    console.log(`\n${github.violations.length} OpenAPI violations`);
    failed = true;
  }
} finally {
  await Promise.all([github.close(), registry.close()]);
  await rm(root, { recursive: true, force: true });
}
console.log(failed ? '\nFAIL: not every plugin was released' : '\nOK: every release completed');
process.exitCode = failed ? 1 : 0;
