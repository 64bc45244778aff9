/**
 * The index benchmark: `node bench/index.ts [--plugins 1300] [--versions 2]`.
 *
 * Builds an npm fleet of P plugins with V released versions each (one `git fast-import`), a
 * bare origin, then:
 *   rebuild   `index --rebuild`: every tag's metadata read and the whole catalog written — the
 *             baseline, O(plugins × versions)
 *   one       a new version of one plugin tagged and indexed — reads and writes O(1) catalog
 *             files whatever the catalog's size (target: well under a second)
 *   again     the same tag indexed again: byte-identical files, no commit
 * Each is run in-process (the job function the CLI and the action call), timed with a phase
 * breakdown, and the catalog files read and written are counted.
 */
import { execa } from 'execa';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { filesToRead } from '../src/core/catalog/merge-catalog.ts';
import { formatError } from '../src/core/errors.ts';
import { memoryReporter } from '../src/core/reporter.ts';
import { indexCatalog, type IndexResult } from '../src/jobs/index.ts';

const { values } = parseArgs({ options: { plugins: { type: 'string', default: '1300' }, versions: { type: 'string', default: '2' }, keep: { type: 'boolean' } } });
const PLUGINS = Number(values.plugins);
const VERSIONS = Number(values.versions);
const TARGET_MS = 1000;

const name = (i: number) => `plugin-${String(i).padStart(4, '0')}`;
const packageJson = (i: number, version: string) =>
  JSON.stringify(
    {
      name: name(i),
      version,
      description: `Synthetic plugin ${i} for the index benchmark.`,
      license: 'MIT',
      keywords: ['bench', `k${i % 17}`],
      peerDependencies: { '@demo/core': `^1.${i % 5}.0` },
      slipway: {
        title: `Plugin ${i}`,
        group: `group-${i % 13}`,
        categories: [`c${i % 7}`],
        elements: [
          { kind: 'task', name: `${name(i)}.run`, description: 'Runs it.' },
          { kind: 'trigger', name: `${name(i)}.watch` },
        ],
      },
    },
    null,
    2,
  ) + '\n';

/** The fleet in one fast-import stream: V commits, each releasing every plugin, each version tagged. */
function fleetStream(): string {
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let stream = '';
  for (let v = 0; v < VERSIONS; v++) {
    const version = `1.${v}.0`;
    stream += `commit refs/heads/main\nmark :${v + 1}\ncommitter Bench <bench@example.com> ${1_704_067_200 + v * 86_400} +0000\n${data(`chore(release): ${version}`)}`;
    if (v > 0) stream += `from :${v}\n`;
    if (v === 0) stream += `M 100644 inline package.json\n${data(JSON.stringify({ name: 'fleet', private: true, workspaces: ['plugins/*'] }))}`;
    for (let i = 1; i <= PLUGINS; i++) stream += `M 100644 inline plugins/${name(i)}/package.json\n${data(packageJson(i, version))}`;
    for (let i = 1; i <= PLUGINS; i++) stream += `reset refs/tags/${name(i)}@${version}\nfrom :${v + 1}\n\n`;
  }
  return stream + 'done\n';
}

/** Wall time, and this process's own CPU time (git's processes not included). */
async function timed(run: () => Promise<IndexResult>): Promise<{ ms: number; cpuMs: number; result: IndexResult }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, result };
}

const root = await mkdtemp(join(tmpdir(), 'slipway-bench-index-'));
try {
  const fleet = join(root, 'fleet');
  const remote = join(root, 'remote.git');
  const git = (cwd: string, ...args: string[]) => execa('git', args, { cwd });
  const started = performance.now();
  await execa('git', ['init', '-q', '-b', 'main', fleet]);
  await execa('git', ['fast-import', '--quiet', '--done'], { cwd: fleet, input: fleetStream() });
  await git(fleet, 'checkout', '-q', '-f', 'main');
  // As a clone has them: fast-import leaves thousands of loose tag refs, a fetch packs them.
  await git(fleet, 'pack-refs', '--all');
  await execa('git', ['init', '-q', '--bare', remote]);
  await git(fleet, 'remote', 'add', 'origin', remote);
  await git(fleet, 'config', 'user.name', 'Bench');
  await git(fleet, 'config', 'user.email', 'bench@example.com');
  console.log(`fleet: ${PLUGINS} plugins × ${VERSIONS} versions = ${PLUGINS * VERSIONS} tags (${Math.round(performance.now() - started)} ms to generate)`);

  const reporter = memoryReporter();
  const rebuild = await timed(() => indexCatalog({ cwd: fleet, reporter, rebuild: true }));

  // A new version of one plugin, released and tagged.
  const bumped = Math.ceil(PLUGINS / 2);
  const newVersion = `1.${VERSIONS}.0`;
  const tag = `${name(bumped)}@${newVersion}`;
  await execa('sh', ['-c', `cat > plugins/${name(bumped)}/package.json`], { cwd: fleet, input: packageJson(bumped, newVersion) });
  await git(fleet, 'commit', '-q', '-am', `feat(${name(bumped)}): ${newVersion}`);
  await git(fleet, 'tag', tag);

  const one = await timed(() => indexCatalog({ cwd: fleet, reporter, select: { kind: 'tags', tags: [tag] } }));
  const again = await timed(() => indexCatalog({ cwd: fleet, reporter, select: { kind: 'tags', tags: [tag] } }));

  const tree = (await git(remote, 'ls-tree', '-r', '--name-only', 'slipway-catalog')).stdout.split('\n').length;
  const read = filesToRead([{ name: name(bumped) }]).length;
  const phases = ({ timings: t }: IndexResult) => `${t.fleet} + ${t.metadata} + ${t.catalog}`;
  const rows: string[][] = [
    ['run', 'wall', 'node cpu', 'fleet+tags + metadata + catalog (ms)', 'files written', 'status'],
    ...[
      ['rebuild (baseline)', rebuild, String(rebuild.result.changed.length)] as const,
      ['one new version', one, `${one.result.changed.length} (${one.result.changed.join(', ')}); ${read} read`] as const,
      ['same tag again', again, String(again.result.changed.length)] as const,
    ].map(([label, run, files]) => [label, `${run.ms.toFixed(0)} ms`, `${run.cpuMs.toFixed(0)} ms`, phases(run.result), files, run.result.status]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const [load] = loadavg();
  console.log(`catalog: ${tree} files in slipway-catalog; load average ${load!.toFixed(1)} on ${availableParallelism()} cores${load! > availableParallelism() ? ' (busy machine: wall times are inflated)' : ''}\n`);
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log(`\nspeed-up of one version over a rebuild: ${(rebuild.ms / one.ms).toFixed(0)}×`);

  const fileCountOk = one.result.changed.length <= 2 && read <= 4;
  const timeOk = one.ms < TARGET_MS;
  console.log(`${fileCountOk ? 'PASS' : 'MISS'}  one version touches O(1) catalog files (${one.result.changed.length} written, ${read} read, of ${tree})`);
  console.log(`${timeOk ? 'PASS' : 'MISS'}  one version is indexed in under ${TARGET_MS} ms (${one.ms.toFixed(0)} ms)`);
  console.log(`${again.result.status === 'unchanged' ? 'PASS' : 'MISS'}  the same tag again makes no commit`);
  if (!fileCountOk || again.result.status !== 'unchanged') process.exitCode = 1;
} catch (error) {
  console.error(formatError(error));
  process.exitCode = 1;
} finally {
  if (!values.keep) await rm(root, { recursive: true, force: true });
  else console.log(`kept ${root}`);
}
