/**
 * One version's section of a changelog. Reads the layout slipway writes (`## 1.3.0 (2026-01-02)`,
 * see src/core/versioning/changelog.ts) and the common variants people and other tools write:
 * `## [1.3.0](link) (date)`, `## v1.3.0 - date`, `# 1.3.0`, `### 1.3.0`.
 */
export function changelogSection(markdown: string, version: string): string | undefined {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const heading = new RegExp(`^(#{1,3})\\s+\\[?v?${escaped}\\]?(?=$|[\\s(:])`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const level = heading.exec(lines[start]!)![1]!.length;
  let end = start + 1;
  while (end < lines.length && !isHeadingUpTo(lines[end]!, level)) end++;
  const body = lines.slice(start + 1, end).join('\n').trim();
  return body === '' ? undefined : body + '\n';
}

function isHeadingUpTo(line: string, level: number): boolean {
  const match = /^(#{1,6})\s/.exec(line);
  return match !== null && match[1]!.length <= level;
}
