/**
 * Synthetic test durations for a plugin fleet, seeded so every run sees the same fleet.
 * Shaped like real plugin test suites: log-normal (most plugins take one to four minutes, a
 * long tail takes much longer), plus a few giants (integration-heavy plugins) capped at 45 min.
 */
import { seededRandom } from './seeded-random.ts';

export interface DurationProfile {
  /** Median plugin duration. */
  medianMs: number;
  /** Spread of the log-normal (0.9: the 90th percentile is ~3× the median). */
  sigma: number;
  /** Share of giants, 10-45 minutes. */
  giants: number;
}

export const REALISTIC: DurationProfile = { medianMs: 120_000, sigma: 0.9, giants: 0.01 };
/**
 * No giants and a narrow spread: the longest plugin is shorter than an average shard, so the
 * bound is total / shards and the packing itself is what is measured.
 */
export const NARROW: DurationProfile = { medianMs: 120_000, sigma: 0.5, giants: 0 };

export function syntheticDurations(count: number, seed: number, profile: DurationProfile = REALISTIC): Map<string, number> {
  const random = seededRandom(seed);
  const normal = () => {
    // Box-Muller: two uniforms → one standard normal.
    const u = 1 - random.next();
    const v = random.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const durations = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const ms = random.chance(profile.giants)
      ? random.int(10 * 60_000, 45 * 60_000)
      : Math.min(45 * 60_000, Math.max(5_000, Math.round(profile.medianMs * Math.exp(profile.sigma * normal()))));
    durations.set(`@fleet/plugin-${String(i).padStart(4, '0')}`, ms);
  }
  return durations;
}
