/**
 * Core ranges as the catalog stores them: semver ranges, so one `semver.satisfies` answers
 * "does this version work with core X". Each ecosystem writes ranges its own way; these
 * translate what has a semver equivalent and leave the rest as written (the entry check then
 * names it as not a semver range).
 */

/**
 * A PEP 440 specifier in semver range syntax, as far as the two overlap: `>=1.4,<2` →
 * `>=1.4 <2`, `~=1.4` → `^1.4`, `~=1.4.2` → `~1.4.2`, `==1.4.*` → `1.4.x`. Anything else stays
 * as written, and the entry check then names it as not a semver range.
 */
export function semverFromPep440(specifier: string): string {
  return specifier
    .split(',')
    .map((part) => {
      const clause = part.trim();
      const compatible = /^~=\s*(\d+(?:\.\d+)*)$/.exec(clause);
      if (compatible) return compatible[1]!.split('.').length === 2 ? `^${compatible[1]}` : `~${compatible[1]}`;
      const wildcard = /^==\s*(\d+(?:\.\d+)*)\.\*$/.exec(clause);
      if (wildcard) return `${wildcard[1]}.x`;
      return clause.replace(/^==\s*/, '').replace(/^(>=|<=|>|<)\s+/, '$1');
    })
    .join(' ');
}

/**
 * A Maven/Gradle version range in semver syntax: `[1.4,2.0)` → `>=1.4 <2.0`, `[1.4,)` → `>=1.4`,
 * `(,2.0]` → `<=2.0`, `[1.4.2]` → `1.4.2`; a plain version is a minimum, `1.3.19` → `>=1.3.19`:
 * Maven reads a plain version as a soft requirement, and a JVM plugin built against core 1.3.19
 * runs on later cores of the line (Kestra's `kestraVersion`).
 */
export function semverFromMavenRange(range: string | undefined): string | undefined {
  if (range === undefined) return undefined;
  const text = range.trim();
  const interval = /^([[(])\s*([^,\s]*)\s*(?:,\s*([^\])\s]*)\s*)?([\])])$/.exec(text);
  if (!interval) return /^\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?$/.test(text) ? `>=${text}` : text;
  const [, open, low = '', high, close] = interval;
  if (high === undefined) return open === '[' && close === ']' ? low : text;
  const parts: string[] = [];
  if (low) parts.push(`${open === '[' ? '>=' : '>'}${low}`);
  if (high) parts.push(`${close === ']' ? '<=' : '<'}${high}`);
  return parts.length ? parts.join(' ') : '*';
}
