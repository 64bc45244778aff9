/**
 * Where releases may ship from: `release.branches` patterns (`*` within one path segment,
 * `**` across segments), or `release.branch` alone.
 */
import type { SlipwayConfig } from './schema.ts';

export function releaseBranches(config: Pick<SlipwayConfig, 'release'>): string[] {
  return config.release.branches ?? [config.release.branch];
}

export function branchAllowed(branch: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => patternRegex(pattern).test(branch));
}

function patternRegex(pattern: string): RegExp {
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}
