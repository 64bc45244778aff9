/**
 * The planner benchmark: `npm run bench [-- --size small|large|both] [--seed N] [--runs N]`.
 *
 * For each size, on one synthetic fleet (generated once, cached under bench/out/<size>-<seed>):
 *   floor  one `git log --name-only` over exactly the range the planner must read, with the
 *          planner's own flags, its output drained through a pipe: no planner can beat it.
 *   floor with GIT_FLUSH=0  the same, without git's flush per commit into the pipe: how the
 *          planner runs its own git log; shown beside the floor, the target is against the floor.
 *   plan   `slipway plan --json` as a process (dist/cli.js when built, else src/cli/main.ts).
 * One warm-up of each, then `runs` (default 5) interleaved pairs; medians are reported.
 * Peak RSS: the plan process is started with `node --import bench/report-max-rss.mjs`, which
 * writes process.resourceUsage().maxRSS (KiB, getrusage) to a file on exit; the highest run is
 * shown. Targets are printed as PASS/MISS; the exit code is non-zero only when something fails.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatError } from '../src/core/errors.ts';
import { plannerRange } from './planner-range.ts';
import { createSyntheticFleet, SYNTHETIC_SIZES, type SyntheticSize } from './synthetic-fleet.ts';
import { RSS_REPORTER, timeProcess, type ProcessRun } from './time-process.ts';

const ROOT = new URL('..', import.meta.url).pathname;
/** The floor the planner issue set: `git log --name-only`, with the fields readLog reads (src/adapters/git-log.ts). */
const LOG_ARGS = ['log', '-z', '--name-only', '--no-renames', '--no-color', '--format=%H%x00%P%x00%aI%x00%an%x00%B'];
const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 300;

interface Row {
  size: SyntheticSize;
  plugins: number;
  commits: number;
  rangeCommits: number;
  floorMs: number;
  /** The same git log with GIT_FLUSH=0, as the planner runs it (no flush per commit into the pipe). */
  bufferedFloorMs: number;
  planMs: number | undefined;
  rssMb: number | undefined;
  releases: number | undefined;
  /** Plugins the generator left with releasable changes: the plan should release as many. */
  unreleased: number;
  error: string | undefined;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'both' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '5' },
    },
  });
  const sizes: SyntheticSize[] = values.size === 'both' ? ['small', 'large'] : [values.size as SyntheticSize];
  if (!sizes.every((size) => size in SYNTHETIC_SIZES)) {
    process.stderr.write(`bench: --size must be small, large or both (got "${values.size}")\n`);
    return 2;
  }
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  const cli = existsSync(join(ROOT, 'dist/cli.js')) ? join(ROOT, 'dist/cli.js') : join(ROOT, 'src/cli/main.ts');

  const rows: Row[] = [];
  for (const size of sizes) rows.push(await benchSize(size, seed, runs, cli));

  printTable(rows, cli);
  return rows.some((row) => row.error) ? 1 : 0;
}

async function benchSize(size: SyntheticSize, seed: number, runs: number, cli: string): Promise<Row> {
  const fleet = await createSyntheticFleet({ ...SYNTHETIC_SIZES[size], seed, dir: join(ROOT, 'bench/out', `${size}-${seed}`) });
  log(`${size}: ${fleet.cached ? 'reusing' : `generated in ${(fleet.generationMs / 1000).toFixed(1)} s`} ${fleet.dir}`);
  const range = await plannerRange(fleet.dir);
  log(`${size}: planner range ${range.range}${range.untagged.length ? ` (${range.untagged.length} plugins never released: whole history)` : ''}, ${range.commits} commits`);

  const floor = () => timeProcess('git', [...LOG_ARGS, range.range], { cwd: fleet.dir });
  const bufferedFloor = () => timeProcess('git', [...LOG_ARGS, range.range], { cwd: fleet.dir, env: { GIT_FLUSH: '0' } });
  const plan = (captureStdout = false) =>
    timeProcess(process.execPath, ['--import', RSS_REPORTER, cli, 'plan', '--cwd', fleet.dir, '--json'], { captureStdout, reportRss: true });

  const row: Row = {
    size,
    plugins: fleet.plugins,
    commits: fleet.commits,
    rangeCommits: range.commits,
    floorMs: 0,
    bufferedFloorMs: 0,
    planMs: undefined,
    rssMb: undefined,
    releases: undefined,
    unreleased: fleet.unreleased.length,
    error: undefined,
  };
  const floorRuns: ProcessRun[] = [];
  const bufferedRuns: ProcessRun[] = [];
  const planRuns: ProcessRun[] = [];
  const warmFloor = await floor();
  log(`${size}: git log writes ${(warmFloor.stdoutBytes / 1e6).toFixed(1)} MB`);
  try {
    const warmPlan = await plan(true);
    const parsed = JSON.parse(warmPlan.stdout!) as { releases?: unknown[] };
    row.releases = parsed.releases?.length;
    for (let i = 0; i < runs; i++) {
      floorRuns.push(await floor());
      bufferedRuns.push(await bufferedFloor());
      planRuns.push(await plan());
    }
  } catch (error) {
    row.error = (error as Error).message;
    for (let i = floorRuns.length; i < runs; i++) floorRuns.push(await floor());
    for (let i = bufferedRuns.length; i < runs; i++) bufferedRuns.push(await bufferedFloor());
  }
  row.floorMs = median(floorRuns.map((run) => run.ms));
  row.bufferedFloorMs = median(bufferedRuns.map((run) => run.ms));
  if (planRuns.length === runs) {
    row.planMs = median(planRuns.map((run) => run.ms));
    row.rssMb = Math.max(...planRuns.map((run) => run.maxRssKb ?? 0)) / 1024;
  }
  return row;
}

function printTable(rows: Row[], cli: string): void {
  const header = ['size', 'plugins', 'commits', 'range commits', 'floor ms', 'floor ms (GIT_FLUSH=0)', 'plan ms', 'plan/floor', 'plan/buffered floor', 'peak RSS MB', 'releases (generated)'];
  const cells = rows.map((row) => [
    row.size,
    String(row.plugins),
    String(row.commits),
    String(row.rangeCommits),
    row.floorMs.toFixed(0),
    row.bufferedFloorMs.toFixed(0),
    row.planMs === undefined ? 'error' : row.planMs.toFixed(0),
    row.planMs === undefined ? '-' : (row.planMs / row.floorMs).toFixed(2),
    row.planMs === undefined ? '-' : (row.planMs / row.bufferedFloorMs).toFixed(2),
    row.rssMb === undefined ? '-' : row.rssMb.toFixed(0),
    `${row.releases ?? '-'} (${row.unreleased})`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const format = (line: string[]) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = [`\nslipway plan (${cli.slice(ROOT.length)}) vs. the git log floor, median of the timed runs\n`, format(header)];
  for (const line of cells) out.push(format(line));
  out.push('');
  for (const row of rows) {
    if (row.error) {
      out.push(`${row.size}: ERROR plan failed: ${row.error}`);
      continue;
    }
    if (row.size === 'large') {
      const ratio = row.planMs! / row.floorMs;
      // The target is against the issue's floor; the buffered floor (git as the planner runs it) is shown so nobody mistakes GIT_FLUSH=0 for planner speed.
      out.push(`${row.size}: ${ratio <= TARGET_RATIO ? 'PASS' : 'MISS'} plan/floor ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}); against git log with GIT_FLUSH=0: ${(row.planMs! / row.bufferedFloorMs).toFixed(2)}`);
    }
    out.push(`${row.size}: ${row.rssMb! <= TARGET_RSS_MB ? 'PASS' : 'MISS'} peak RSS ${row.rssMb!.toFixed(0)} MB (target ≤ ${TARGET_RSS_MB})`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`bench: ${formatError(error)}\n`);
  return 1;
});
