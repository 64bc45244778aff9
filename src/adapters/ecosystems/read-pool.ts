/**
 * Reading many manifests at once: concurrent, so 1,300 plugins take one round of I/O latency
 * rather than 1,300, but bounded, so a large fleet never runs into the open-files limit (EMFILE).
 */
import pMap from 'p-map';

export const MANIFEST_READ_CONCURRENCY = 32;

/** `fn` over every item with at most 32 in flight; results in input order. */
export function readEach<T, R>(items: Iterable<T>, fn: (item: T) => Promise<R>): Promise<R[]> {
  return pMap(items, fn, { concurrency: MANIFEST_READ_CONCURRENCY });
}
