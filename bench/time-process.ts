/**
 * Runs one process and measures its wall time from spawn to exit, and, for node processes
 * started with `--import bench/report-max-rss.mjs`, its peak RSS.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessRun {
  ms: number;
  /** Peak RSS in KiB, when the process reported it. */
  maxRssKb: number | undefined;
  /** Bytes written to stdout (drained through a pipe, as a caller parsing it would). */
  stdoutBytes: number;
  /** stdout, when asked for. */
  stdout: string | undefined;
}

export const RSS_REPORTER = new URL('./report-max-rss.mjs', import.meta.url).pathname;

export async function timeProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; captureStdout?: boolean; reportRss?: boolean; env?: Record<string, string> } = {},
): Promise<ProcessRun> {
  const rssDir = options.reportRss ? mkdtempSync(join(tmpdir(), 'slipway-bench-rss-')) : undefined;
  const rssFile = rssDir && join(rssDir, 'maxrss');
  const env = { ...process.env, ...options.env, ...(rssFile ? { SLIPWAY_BENCH_RSS_FILE: rssFile } : {}) };
  const chunks: Buffer[] = [];
  const stderr: Buffer[] = [];
  let stdoutBytes = 0;

  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => {
    stdoutBytes += chunk.length;
    if (options.captureStdout) chunks.push(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = performance.now() - started;

  try {
    if (code !== 0) {
      const tail = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-8).join('\n');
      throw new Error(`${command} ${args.join(' ')} exited with ${code}\n${tail}`);
    }
    const maxRssKb = rssFile ? Number(readFileSync(rssFile, 'utf8')) : undefined;
    return { ms, maxRssKb, stdoutBytes, stdout: options.captureStdout ? Buffer.concat(chunks).toString('utf8') : undefined };
  } finally {
    if (rssDir) rmSync(rssDir, { recursive: true, force: true });
  }
}
