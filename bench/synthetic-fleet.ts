/**
 * A synthetic npm-workspaces fleet for benchmarks: P plugins, C commits, release tags, written
 * as a real git repository in one `git fast-import` process (20,000 commits take seconds, where
 * one `git commit` per commit would take many minutes). The history itself is described in
 * ./synthetic-history.ts. A fleet already on disk for the same options is reused.
 */
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { SlipwayError } from '../src/core/errors.ts';
import { generateSyntheticHistory, type SyntheticHistory } from './synthetic-history.ts';

export const SYNTHETIC_SIZES = {
  small: { plugins: 100, commits: 2_000 },
  large: { plugins: 1_300, commits: 20_000 },
} as const;
export type SyntheticSize = keyof typeof SYNTHETIC_SIZES;

export interface SyntheticFleetOptions {
  plugins: number;
  commits: number;
  /** The repository's folder; reused when it already holds a fleet made with the same options. */
  dir: string;
  seed: number;
}

export interface SyntheticFleet {
  dir: string;
  plugins: number;
  commits: number;
  seed: number;
  tags: number;
  /** Plugins with commits in their folder after their last tag (each has a releasable one). */
  unreleased: string[];
  /** The last-release tag with the oldest commit: the planner's one `git log` starts there. */
  oldestLastRelease: string;
  /** Commits in `<oldestLastRelease>..HEAD`. */
  rangeCommits: number;
  /** Whether the fleet was already on disk. */
  cached: boolean;
  /** Time spent generating it (0 when cached). */
  generationMs: number;
}

/** Bumped whenever the generator changes, so an old cached fleet is not mistaken for a new one. */
const GENERATOR_VERSION = 1;
/** Kept inside .git so the work tree is exactly the fleet. */
const INFO_FILE = join('.git', 'synthetic-fleet.json');
const AUTHOR = 'Bench Bot <bench@example.com>';
/**
 * fast-import allocates and frees a large buffer for every tree it writes (the plugins/ tree
 * has one entry per plugin), and glibc gives that memory back with brk() each time: profiled
 * at 99.8% of its system time, 15 s for 1,000 commits of the large fleet. Keeping freed memory
 * (no trimming below 256 MiB, 64 MiB of top padding) makes that 1 s. Ignored outside glibc.
 */
const GLIBC_TUNABLES = 'glibc.malloc.trim_threshold=268435456:glibc.malloc.top_pad=67108864';
/** 2024-01-01T00:00:00Z; each commit is one minute after the previous one. */
const START_SECONDS = 1_704_067_200;

export async function createSyntheticFleet(options: SyntheticFleetOptions): Promise<SyntheticFleet> {
  const dir = resolve(options.dir);
  const cached = await readCached(dir, options);
  if (cached) return cached;
  if (existsSync(dir)) {
    throw new SlipwayError('INPUT_INVALID', 'the folder exists but holds no synthetic fleet made with these options', {
      subject: dir,
      hint: 'delete the folder (it is only a cache) and run again',
    });
  }

  const started = performance.now();
  const history = generateSyntheticHistory(options);
  // Build beside the target and rename at the end, so an interrupted run leaves no half fleet.
  const building = `${dir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  await execa('git', ['init', '-q', '-b', 'main', building]);
  const git = (args: string[], input?: string) => execa('git', args, { cwd: building, input, env: { GLIBC_TUNABLES } });
  await git(['fast-import', '--quiet', '--done'], fastImportStream(history));
  await git(['reset', '-q', '--hard']);
  // Packed like a fresh clone in CI (actions/checkout): one good pack, packed refs, and no
  // commit-graph, which a clone does not write (fetch.writeCommitGraph is off by default).
  await git(['-c', 'gc.writeCommitGraph=false', 'gc', '-q']);

  const oldest = history.plugins.reduce((a, b) => (b.lastReleaseCommit < a.lastReleaseCommit ? b : a));
  const fleet: SyntheticFleet = {
    dir,
    plugins: options.plugins,
    commits: history.commits.length,
    seed: options.seed,
    tags: history.commits.reduce((n, commit) => n + commit.tags.length, 0),
    unreleased: history.unreleased,
    oldestLastRelease: oldest.lastTag,
    rangeCommits: history.commits.length - 1 - oldest.lastReleaseCommit,
    cached: false,
    generationMs: Math.round(performance.now() - started),
  };
  const info = { generator: GENERATOR_VERSION, options: { plugins: options.plugins, commits: options.commits, seed: options.seed }, fleet };
  await writeFile(join(building, INFO_FILE), JSON.stringify(info, null, 2) + '\n');
  await rename(building, dir);
  return fleet;
}

async function readCached(dir: string, options: SyntheticFleetOptions): Promise<SyntheticFleet | undefined> {
  const text = await readFile(join(dir, INFO_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const info = JSON.parse(text) as { generator: number; options: Omit<SyntheticFleetOptions, 'dir'>; fleet: SyntheticFleet };
  const same =
    info.generator === GENERATOR_VERSION &&
    info.options.plugins === options.plugins &&
    info.options.commits === options.commits &&
    info.options.seed === options.seed;
  return same ? { ...info.fleet, dir, cached: true, generationMs: 0 } : undefined;
}

/**
 * The fast-import stream (see `git help fast-import`): each commit with its changed files
 * inline, marked `:n` so annotated tags can point at it; all on refs/heads/main.
 */
function fastImportStream(history: SyntheticHistory): string {
  const out: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  history.commits.forEach((commit, index) => {
    const when = `${START_SECONDS + index * 60} +0000`;
    out.push(`commit refs/heads/main\nmark :${index + 1}\nauthor ${AUTHOR} ${when}\ncommitter ${AUTHOR} ${when}\n`);
    out.push(data(commit.message));
    for (const [path, text] of Object.entries(commit.files)) out.push(`M 100644 inline ${path}\n`, data(text));
    out.push('\n');
    for (const tag of commit.tags) {
      out.push(`tag ${tag}\nfrom :${index + 1}\ntagger ${AUTHOR} ${when}\n`, data(tag));
    }
  });
  out.push('done\n');
  return out.join('');
}
