/**
 * JSON with one spelling per value: keys sorted by code point at every depth, two-space
 * indent, a trailing newline. The same catalog data always gives the same bytes, so an
 * unchanged reindex is an unchanged file and no commit — and git diffs stay small.
 * Arrays keep their order: callers sort them where order has no meaning (see normalise-entry.ts).
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(byCodePoint)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) sorted[key] = sortKeys(item);
  }
  return sorted;
}

/** Code-point order, not localeCompare: the same order on every machine and locale. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
