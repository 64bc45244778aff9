/**
 * Output that says a failure came from the machine, not the plugin: the network or the disk.
 * crater separates such "spurious" results too; counting them as regressions would page people
 * for a flaky runner. Only used when no test failed by name — a named failing test is a verdict.
 * compat.infraPatterns adds a team's own (a company Maven mirror, an internal registry).
 */
const SIGNALS: ReadonlyArray<[RegExp, string]> = [
  [/\bE(?:AI_AGAIN|NOTFOUND)\b|Could not resolve host|Temporary failure in name resolution|UnknownHostException/, 'DNS lookup failed'],
  [/\bECONNRESET\b|\bECONNREFUSED\b|\bETIMEDOUT\b|socket hang up|Connection (?:refused|reset)|(?:Connect|Socket)TimeoutException/, 'network connection failed'],
  [/npm (?:ERR!|error) (?:code )?(?:E?network|ECONNRESET|ETIMEDOUT|EAI_AGAIN)/i, 'npm could not reach the registry'],
  [/Could not (?:resolve|transfer|GET) .*(?:repo\.maven|repo1\.maven|plugins\.gradle|services\.gradle)/i, 'dependency download failed'],
  [/\bENOSPC\b|No space left on device/, 'the runner ran out of disk space'],
  [/\bENOMEM\b|JavaScript heap out of memory|OutOfMemoryError/, 'the runner ran out of memory'],
];

/** A team's own infra signal: a regular expression, and what to say when it matches. */
export interface InfraPattern {
  pattern: string;
  reason?: string | undefined;
}

/** Why the output looks like an infrastructure failure, or undefined. Configured patterns first. */
export function infraSignal(output: string, extra: readonly InfraPattern[] = []): string | undefined {
  for (const { pattern, reason } of extra) if (new RegExp(pattern, 'm').test(output)) return reason ?? `matched compat.infraPatterns: ${pattern}`;
  for (const [pattern, reason] of SIGNALS) if (pattern.test(output)) return reason;
  return undefined;
}
