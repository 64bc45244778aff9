/**
 * Preloaded into a benchmarked process (`node --import ./bench/report-max-rss.mjs …`): when the
 * process exits, it writes its peak resident set size in KiB (getrusage's ru_maxrss, via
 * process.resourceUsage().maxRSS) to the file named by SLIPWAY_BENCH_RSS_FILE. It measures the
 * node process only; the git processes it spawns have their own memory.
 *
 * Plain JavaScript on purpose: a preloaded .ts file makes node start its type stripper, which
 * added ~160 ms to every timed plan run (measured: `node --import x.ts -e 0` 279 ms, .mjs 120 ms).
 */
import process from 'node:process';
import { writeFileSync } from 'node:fs';

const file = process.env.SLIPWAY_BENCH_RSS_FILE;
delete process.env.SLIPWAY_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
