/**
 * Where string values sit in a JSON text, by key path, so that an updater can replace just
 * those bytes. Hand-written because JSON.parse gives values without positions and
 * JSON.stringify would reformat the whole file (indentation, key order of the
 * author's choosing, escapes, CRLF); the updater re-parses its result to prove the edit.
 * Assumes `text` already passed JSON.parse.
 */
export interface JsonStringAt {
  /** Keys from the top (array items as their index). */
  path: readonly string[];
  /** Offsets of the string literal including its quotes. */
  start: number;
  end: number;
  value: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\uFEFF']);
const VALUE_END = new Set([',', '}', ']', ' ', '\t', '\n', '\r']);

export function jsonStringsAt(text: string, wanted: (path: readonly string[]) => boolean): JsonStringAt[] {
  const found: JsonStringAt[] = [];
  let i = 0;

  const skipSpace = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  const readString = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return { start, end: i, value: JSON.parse(text.slice(start, i)) as string };
  };
  const readValue = (path: string[]): void => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      for (let index = 0; ; index++) {
        skipSpace();
        if (text[i] === close) break;
        let key = String(index);
        if (c === '{') {
          key = readString().value;
          skipSpace();
          i++; // ':'
        }
        readValue([...path, key]);
        skipSpace();
        if (text[i] === ',') i++;
      }
      i++;
    } else if (c === '"') {
      const literal = readString();
      if (wanted(path)) found.push({ path, ...literal });
    } else {
      while (i < text.length && !VALUE_END.has(text[i]!)) i++;
    }
  };

  readValue([]);
  return found;
}
