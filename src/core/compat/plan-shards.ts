/**
 * Packs the fleet into shards for a GitHub matrix, balanced by how long each plugin took in
 * earlier runs: longest-processing-time-first (Graham, 1969) — sort the plugins by duration,
 * longest first, and give each to the shard that is least loaded so far. Plugins never timed
 * before count as the median of the known ones, so a new plugin neither hides in a shard as
 * "free" nor blows one up.
 */
import { GITHUB_MATRIX_LIMIT } from '../config/compat-section.ts';
import { SlipwayError } from '../errors.ts';

export interface CompatShard {
  /** 1-based, as people count matrix jobs. */
  shard: number;
  plugins: string[];
  /** The sum of the plugins' (known or median) durations. */
  estimatedMs: number;
}

export interface CompatPlan {
  shards: CompatShard[];
  /** The longest shard's estimate: how long the matrix takes when every shard runs at once. */
  makespanMs: number;
  /** max(longest plugin, total / shards): no packing can beat it. */
  lowerBoundMs: number;
  /** Plugins that had no earlier duration and were given the median. */
  estimated: string[];
  /** Every plugin, longest first: the order a pool of workers should take them in. */
  order: string[];
}

/** What `strategy.matrix` receives: one entry per shard. */
export interface CompatMatrix {
  include: Array<{ shard: number; plugins: string[] }>;
}

/** Without any history every plugin weighs the same, so shards get equal counts. */
const UNIT_MS = 60_000;

export function planShards(plugins: readonly string[], durations: ReadonlyMap<string, number>, maxShards: number): CompatPlan {
  if (!Number.isInteger(maxShards) || maxShards < 1) {
    throw new SlipwayError('INPUT_INVALID', `max shards must be a whole number of at least 1, got ${maxShards}`, {
      subject: 'compat.maxShards',
      hint: `use a number from 1 to ${GITHUB_MATRIX_LIMIT}`,
    });
  }
  const unique = [...new Set(plugins)];
  const shardCount = Math.min(maxShards, GITHUB_MATRIX_LIMIT, unique.length);
  if (shardCount === 0) return { shards: [], makespanMs: 0, lowerBoundMs: 0, estimated: [], order: [] };

  const known = unique.map((name) => durations.get(name)).filter((ms): ms is number => ms !== undefined && Number.isFinite(ms) && ms >= 0);
  const fallback = known.length > 0 ? median(known) : UNIT_MS;
  const estimated: string[] = [];
  const weighted = unique.map((name) => {
    const ms = durations.get(name);
    if (ms === undefined || !Number.isFinite(ms) || ms < 0) {
      estimated.push(name);
      return { name, ms: fallback };
    }
    return { name, ms };
  });
  // Longest first; equal durations in name order, so the same input always gives the same plan.
  weighted.sort((a, b) => b.ms - a.ms || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const shards: CompatShard[] = Array.from({ length: shardCount }, (_, i) => ({ shard: i + 1, plugins: [], estimatedMs: 0 }));
  const heap = new LoadHeap(shards);
  for (const { name, ms } of weighted) {
    const lightest = heap.popLightest();
    lightest.plugins.push(name);
    lightest.estimatedMs += ms;
    heap.push(lightest);
  }

  const total = weighted.reduce((sum, p) => sum + p.ms, 0);
  const longest = weighted[0]!.ms;
  return {
    shards,
    makespanMs: Math.max(...shards.map((s) => s.estimatedMs)),
    lowerBoundMs: Math.max(longest, total / shardCount),
    estimated: estimated.sort(),
    order: weighted.map((p) => p.name),
  };
}

export function matrixOf(plan: CompatPlan): CompatMatrix {
  return { include: plan.shards.map((s) => ({ shard: s.shard, plugins: s.plugins })) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A binary min-heap of shards by load (ties: lower shard number first). With 256 shards a
 * linear scan would do too; the heap keeps 10,000-plugin fleets instant and is a few lines.
 */
class LoadHeap {
  readonly #items: CompatShard[] = [];

  constructor(shards: readonly CompatShard[]) {
    for (const shard of shards) this.push(shard);
  }

  #less(a: CompatShard, b: CompatShard): boolean {
    return a.estimatedMs < b.estimatedMs || (a.estimatedMs === b.estimatedMs && a.shard < b.shard);
  }

  push(shard: CompatShard): void {
    const items = this.#items;
    items.push(shard);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  popLightest(): CompatShard {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.#less(items[left]!, items[smallest]!)) smallest = left;
        if (right < items.length && this.#less(items[right]!, items[smallest]!)) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
