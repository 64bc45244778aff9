/**
 * gradle.properties (java.util.Properties syntax) with the position of each value, so that an
 * updater can replace one value and keep comments, spacing and line endings. Hand-written: no
 * installed package parses .properties, and none that does gives positions. Covers `key=value`,
 * `key: value`, `key value`, `#`/`!` comments and `\` continuation lines.
 */
export interface PropertyAt {
  value: string;
  /** Offsets of the value (trailing whitespace excluded) in the text. */
  start: number;
  end: number;
}

export function readProperties(text: string): Map<string, PropertyAt> {
  const properties = new Map<string, PropertyAt>();
  const lineRe = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let continuing: PropertyAt | undefined;
  for (let match = lineRe.exec(text); match && match[0] !== ''; match = lineRe.exec(text)) {
    const line = match[0].replace(/[\r\n]+$/, '');
    const lineStart = match.index;
    const continues = /(?:^|[^\\])(?:\\\\)*\\$/.test(line);
    if (continuing) {
      // A continuation line belongs to the previous value; its leading whitespace is dropped.
      const body = line.replace(/^\s+/, '');
      continuing.value = continuing.value.replace(/\\$/, '') + body.trimEnd();
      continuing.end = lineStart + line.trimEnd().length;
      if (!continues) continuing = undefined;
      continue;
    }
    const content = line.replace(/^[ \t\f]+/, '');
    if (content === '' || content.startsWith('#') || content.startsWith('!')) continue;
    const offset = lineStart + (line.length - content.length);
    const key = /^(?:\\.|[^=:\s\\])*/.exec(content)![0];
    const separator = /^[ \t\f]*[=:]?[ \t\f]*/.exec(content.slice(key.length))![0];
    const valueStart = key.length + separator.length;
    const value = content.slice(valueStart).trimEnd();
    const property: PropertyAt = { value, start: offset + valueStart, end: offset + valueStart + value.length };
    properties.set(key.replace(/\\(.)/g, '$1'), property);
    if (continues) continuing = property;
  }
  return properties;
}
