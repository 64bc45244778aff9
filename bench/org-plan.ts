/**
 * The org release plan benchmark: `node bench/org-plan.ts [--repositories N] [--changed N] [--history N] [--filter blob:none|tree:0|none|all]`.
 *
 * An organisation of N plugin repositories (default 1,300) in the local GitHub server, of which
 * `changed` (default 60) have a releasable commit since their last release. The unchanged ones
 * exist only as refs in the server's memory (the plan must never clone them: a clone would
 * fail); the changed ones are real bare repositories with `history` commits each (default 300),
 * written by git fast-import. Then `planOrgRelease`, as `slipway plan --org` runs it:
 *   run 1   60 changed: API requests (target ≤ 15 + 2 per changed repository), wall time, peak RSS
 *   run 2   every head released since (tagged): API requests (target ≤ 15), wall time
 * With --filter all, run 1 is repeated with each clone filter (blobless, treeless, full) to
 * show why the plan clones blobless. Peak RSS is this process's (the server runs in it too);
 * git's own processes are not counted. Exits non-zero on a missed target.
 */
import { execaSync } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGitHubClient } from '../src/adapters/github/client.ts';
import type { CloneFilter } from '../src/adapters/org-release/clone.ts';
import { memoryReporter } from '../src/core/reporter.ts';
import { planOrgRelease } from '../src/jobs/org-release/plan.ts';
import { bareRepositoryRefs, memoryRefs, type GitRefs } from '../test/servers/github/git-refs.ts';
import { startGitHubServer } from '../test/servers/github/index.ts';
import { seededRandom } from './seeded-random.ts';

const { values } = parseArgs({
  options: {
    repositories: { type: 'string', default: '1300' },
    changed: { type: 'string', default: '60' },
    history: { type: 'string', default: '300' },
    filter: { type: 'string', default: 'blob:none' },
    seed: { type: 'string', default: '13' },
  },
});
const total = Number(values.repositories);
const changedCount = Math.min(total, Number(values.changed));
const history = Math.max(10, Number(values.history));
const filters: CloneFilter[] = values.filter === 'all' ? ['blob:none', 'tree:0', 'none'] : [values.filter as CloneFilter];
const random = seededRandom(Number(values.seed));
const hex = () => Array.from({ length: 40 }, () => '0123456789abcdef'[random.int(0, 15)]).join('');

/** A plugin repository with `commits` commits of a few 2 KiB files, released at 1.0.0 five commits before its head. */
function bareRepository(dir: string, name: string, commits: number): void {
  execaSync('git', ['init', '-q', '--bare', '-b', 'main', dir]);
  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const filler = (i: number) => `${`${name} ${i} `.repeat(200)}\n`;
  let time = Date.UTC(2025, 0, 1) / 1000;
  for (let i = 1; i <= commits; i++) {
    time += 3600;
    const released = i === commits - 5;
    const message = i === 1 ? 'feat: first' : released ? 'chore(release): 1.0.0' : i > commits - 5 ? `fix: change ${i}` : `feat: change ${i}`;
    chunks.push(`commit refs/heads/main\nmark :${i}\ncommitter Bench <bench@example.com> ${time} +0000\n${data(message)}`);
    if (i > 1) chunks.push(`from :${i - 1}\n`);
    if (i === 1 || released) chunks.push(`M 100644 inline package.json\n${data(JSON.stringify({ name: `@acme/${name}`, version: '1.0.0' }, null, 2) + '\n')}`);
    chunks.push(`M 100644 inline src/file-${i % 7}.js\n${data(filler(i))}`, '\n');
    if (released) chunks.push(`reset refs/tags/v1.0.0\nfrom :${i}\n\n`);
  }
  execaSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join('') });
}

const root = mkdtempSync(join(tmpdir(), 'slipway-bench-org-'));
const github = await startGitHubServer();
try {
  const seedStarted = performance.now();
  const changed = new Set(random.shuffle(Array.from({ length: total }, (_, i) => i)).slice(0, changedCount));
  const memory = new Map<string, GitRefs>();
  const remotes: string[] = [];
  for (let i = 0; i < total; i++) {
    const name = `plugin-${String(i).padStart(4, '0')}`;
    if (changed.has(i)) {
      const remote = join(root, 'acme', `${name}.git`);
      bareRepository(remote, name, history);
      remotes.push(remote);
      github.state.addRepo(`acme/${name}`, { topics: ['slipway-plugin'], git: bareRepositoryRefs(remote) });
    } else {
      // Released: the head is the commit the newest tag points at. No git behind it at all.
      const head = hex();
      const refs: GitRefs = { heads: new Map([['main', { oid: head, date: '2025-01-01T00:00:00.000Z' }]]), tags: [{ name: 'v1.0.0', oid: head, commit: head, commitDate: '2025-01-01T00:00:00.000Z' }] };
      memory.set(name, refs);
      github.state.addRepo(`acme/${name}`, { topics: ['slipway-plugin'], git: memoryRefs(refs) });
    }
  }
  console.log(`org plan: ${total} repositories, ${changedCount} changed with ${history} commits each (seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`);

  const client = createGitHubClient({ baseUrl: github.url, token: github.token });
  const plan = async (filter: CloneFilter) => {
    const before = github.requests.length;
    const started = performance.now();
    const result = await planOrgRelease({ org: 'acme', topic: 'slipway-plugin', github: { client, token: github.token, apiUrl: github.url }, gitUrl: join(root, '{repository}.git'), date: '2025-03-03', reporter: memoryReporter(), filter });
    return { result, requests: github.requests.length - before, ms: performance.now() - started };
  };

  let pass = true;
  const target1 = 15 + 2 * changedCount;
  for (const [i, filter] of filters.entries()) {
    const run = await plan(filter);
    const ok = run.requests <= target1 && run.result.plan.repositories.length === changedCount;
    if (i === 0) pass &&= ok;
    console.log(
      `  run 1 (${filter.padEnd(9)}): ${run.result.plan.repositories.length} repositories to release, ${run.result.cloned} cloned; ` +
        `${run.requests} API request(s) (target ≤ ${target1}); ${(run.ms / 1000).toFixed(1)} s ` +
        `(read ${run.result.timings.snapshot} ms, clone + plan ${run.result.timings.plan} ms)${ok ? '' : '  MISS'}`,
    );
  }

  // Every changed repository released since: a tag on its head.
  for (const remote of remotes) execaSync('git', ['tag', 'v1.1.0', 'main'], { cwd: remote });
  const quiet = await plan(filters[0]!);
  const ok2 = quiet.requests <= 15 && quiet.result.plan.repositories.length === 0 && quiet.result.cloned === 0;
  pass &&= ok2;
  console.log(`  run 2 (nothing new): ${quiet.result.plan.unchanged} unchanged, ${quiet.result.cloned} cloned; ${quiet.requests} API request(s) (target ≤ 15); ${(quiet.ms / 1000).toFixed(1)} s${ok2 ? '' : '  MISS'}`);
  console.log(`  peak RSS of this process (server included): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  github.assertNoViolations();
  console.log(pass ? 'PASS' : 'MISS');
  if (!pass) process.exitCode = 1;
} finally {
  await github.close();
  rmSync(root, { recursive: true, force: true });
}
