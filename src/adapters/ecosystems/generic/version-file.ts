/**
 * Where the version is in a generic version file: the whole file is a bare version
 * (`1.2.3\n`), or one line says `version = 1.2.3` / `version: "1.2.3"` (other lines and `#`
 * comments are kept as they are).
 */
export interface VersionAt {
  value: string;
  start: number;
  end: number;
}

const VERSION_LINE = /^([ \t]*version[ \t]*[=:][ \t]*)(["']?)([^"'\s#]*)\2/im;
const BARE = /^\s*(\S+)\s*$/;

export function versionIn(text: string): VersionAt | undefined {
  const line = VERSION_LINE.exec(text);
  if (line) {
    const start = line.index + line[1]!.length + line[2]!.length;
    return { value: line[3]!, start, end: start + line[3]!.length };
  }
  const bare = BARE.exec(text);
  if (bare) {
    const start = text.indexOf(bare[1]!);
    return { value: bare[1]!, start, end: start + bare[1]!.length };
  }
  return undefined;
}
