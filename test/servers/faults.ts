/**
 * Fault injection shared by the local fakes: "fail the next N calls that match" and a
 * sustained request rate. Both are counted or timed, never random, so tests stay repeatable.
 */

export interface CountedFault<Fault> {
  matches: (key: string) => boolean;
  remaining: number;
  fault: Fault;
}

/** Faults that each fire for the next `times` matching requests, oldest registration first. */
export class CountedFaults<Fault> {
  readonly #pending: CountedFault<Fault>[] = [];

  add(matches: (key: string) => boolean, times: number, fault: Fault): void {
    if (!Number.isInteger(times) || times < 1) throw new Error(`fault count must be a positive integer, got ${times}`);
    this.#pending.push({ matches, remaining: times, fault });
  }

  /** The fault to apply to this request, if any; consumes one of its uses. */
  take(key: string): Fault | undefined {
    const found = this.#pending.find((entry) => entry.remaining > 0 && entry.matches(key));
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining === 0) this.#pending.splice(this.#pending.indexOf(found), 1);
    return found.fault;
  }

  get pending(): number {
    return this.#pending.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  clear(): void {
    this.#pending.length = 0;
  }
}

/** Matches a request key by substring (`'POST /v1/pages'`) or by regular expression. */
export function keyMatcher(pattern: string | RegExp): (key: string) => boolean {
  return typeof pattern === 'string' ? (key) => key.includes(pattern) : (key) => pattern.test(key);
}

export interface SustainedRate {
  /** Average requests per second allowed over time. */
  perSecond: number;
  /** Requests allowed back to back before the average applies ("some bursts are allowed"). */
  burst: number;
}

/**
 * A token bucket: the usual model of "an average of N requests per second, with bursts".
 * `take()` answers how many whole seconds the caller must wait (the Retry-After value), or 0.
 */
export class TokenBucket {
  readonly rate: SustainedRate;
  readonly #now: () => number;
  #tokens: number;
  #last: number;

  constructor(rate: SustainedRate, now: () => number = Date.now) {
    if (!(rate.perSecond > 0) || !(rate.burst >= 1)) throw new Error(`invalid sustained rate ${JSON.stringify(rate)}`);
    this.rate = rate;
    this.#now = now;
    this.#tokens = rate.burst;
    this.#last = now();
  }

  take(): number {
    const now = this.#now();
    this.#tokens = Math.min(this.rate.burst, this.#tokens + ((now - this.#last) / 1000) * this.rate.perSecond);
    this.#last = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.#tokens) / this.rate.perSecond));
  }
}
