/**
 * Where string values sit in a TOML text, by key path (table, keys, array index), so that an
 * updater can replace just those bytes and keep comments, spacing, quoting and line endings.
 * Hand-written because smol-toml gives values without positions and its stringify would
 * rewrite the whole file. Steps over all four string forms (so a `[project]` inside a
 * multi-line string is not taken for a header), comments, arrays and inline tables.
 * Assumes `text` already passed the TOML parser.
 */
import { parse } from 'smol-toml';

export interface TomlStringAt {
  path: readonly string[];
  /** Offsets of the string literal including its quotes. */
  start: number;
  end: number;
  /** The decoded value. */
  value: string;
  /** The literal's opening quote: ", ', """ or '''. */
  quote: string;
}

export function tomlStringsAt(text: string, wanted: (path: readonly string[]) => boolean): TomlStringAt[] {
  const found: TomlStringAt[] = [];
  const n = text.length;
  let i = 0;

  const skipInline = () => {
    while (text[i] === ' ' || text[i] === '\t') i++;
  };
  const skipBlank = () => {
    for (;;) {
      while (i < n && ' \t\r\n'.includes(text[i]!)) i++;
      if (text[i] !== '#') return;
      while (i < n && text[i] !== '\n') i++;
    }
  };
  const readString = () => {
    const start = i;
    const quote = text.startsWith('"""', i) ? '"""' : text.startsWith("'''", i) ? "'''" : text[i]!;
    i += quote.length;
    if (quote.startsWith('"')) while (!text.startsWith(quote, i)) i += text[i] === '\\' ? 2 : 1;
    else i = text.indexOf(quote, i);
    i += quote.length;
    // A multi-line string may end with one or two quotes of its own before the closing three.
    if (quote.length === 3) while (text[i] === quote[0]) i++;
    return { start, end: i, quote };
  };
  const decode = (literal: string) => (parse(`v = ${literal}`) as { v: string }).v;
  const readKey = (): string[] => {
    const parts: string[] = [];
    for (;;) {
      skipInline();
      if (text[i] === '"' || text[i] === "'") {
        const s = readString();
        parts.push(decode(text.slice(s.start, s.end)));
      } else {
        const start = i;
        while (i < n && /[A-Za-z0-9_-]/.test(text[i]!)) i++;
        parts.push(text.slice(start, i));
      }
      skipInline();
      if (text[i] !== '.') return parts;
      i++;
    }
  };
  const readValue = (path: string[]): void => {
    const c = text[i];
    if (c === '"' || c === "'") {
      const s = readString();
      if (wanted(path)) found.push({ path, ...s, value: decode(text.slice(s.start, s.end)) });
    } else if (c === '[') {
      i++;
      for (let index = 0; ; index++) {
        skipBlank();
        if (text[i] === ']') break;
        readValue([...path, String(index)]);
        skipBlank();
        if (text[i] === ',') i++;
      }
      i++;
    } else if (c === '{') {
      i++;
      for (;;) {
        skipInline();
        if (text[i] === '}') break;
        const key = readKey();
        i++; // '='
        skipInline();
        readValue([...path, ...key]);
        skipInline();
        if (text[i] === ',') i++;
      }
      i++;
    } else {
      while (i < n && !',]}#\r\n'.includes(text[i]!)) i++;
    }
  };

  let table: string[] = [];
  for (;;) {
    skipBlank();
    if (i >= n) break;
    if (text[i] === '[') {
      const brackets = text[i + 1] === '[' ? 2 : 1;
      i += brackets;
      table = readKey();
      i += brackets;
      continue;
    }
    const key = readKey();
    i++; // '='
    skipInline();
    readValue([...table, ...key]);
  }
  return found;
}
