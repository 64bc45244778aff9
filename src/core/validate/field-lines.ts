/**
 * Lines of fields in manifests, so an annotation lands on the line of the bad field.
 *  - JSON and YAML: JSON is YAML 1.2 (its flow style), so one parser with positions (`yaml`'s
 *    LineCounter) serves package.json and slipway-plugin.yml alike; JSON.parse keeps none.
 *  - XML (pom.xml): a scan of element tags with a stack of open elements; fast-xml-parser keeps
 *    no positions either.
 *  - TOML (pyproject.toml) and .properties: the `[table]` header, then the `key =` line under it.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export type FieldPath = readonly (string | number)[];
/** The field's 1-based line and whether the field itself was found (else: its nearest parent). */
export type FieldLine = { line: number; exact: boolean } | undefined;

export function fieldLocator(file: string, text: string): (path: FieldPath) => FieldLine {
  if (/\.(xml|pom)$/.test(file)) return xmlLocator(text);
  if (/\.toml$/.test(file)) return tomlLocator(text);
  if (/\.properties$/.test(file)) return (path) => keyLine(text.split('\n'), 0, String(path[path.length - 1]), /[=:]/);
  return treeLocator(text);
}

function treeLocator(text: string): (path: FieldPath) => FieldLine {
  const counter = new LineCounter();
  const root = parseDocument(text, { lineCounter: counter, uniqueKeys: false }).contents;
  const lineOf = (node: unknown) => ((node as Node | null)?.range ? counter.linePos((node as Node).range![0]).line : undefined);
  return (path) => {
    let node: unknown = root;
    let line = lineOf(root);
    if (line === undefined) return undefined;
    for (const part of path) {
      let next: unknown;
      let at: number | undefined;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === part);
        next = pair?.value;
        at = pair ? lineOf(pair.key) : undefined;
      } else if (isSeq(node) && typeof part === 'number') {
        next = node.items[part];
        at = lineOf(next);
      }
      if (at === undefined) return { line, exact: false };
      line = at;
      node = next;
    }
    return { line, exact: true };
  };
}

function xmlLocator(text: string): (path: FieldPath) => FieldLine {
  // Every element's path below the root (`scm/url`) → the line its first occurrence opens on.
  const lines = new Map<string, number>();
  const stack: string[] = [];
  const clean = text.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  for (const match of clean.matchAll(/<(\/?)([\w.:-]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (closing) {
      stack.pop();
      continue;
    }
    stack.push(name!);
    const key = stack.slice(1).join('/');
    if (!lines.has(key)) lines.set(key, lineAt(clean, match.index));
    if (selfClosing) stack.pop();
  }
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const line = lines.get(path.slice(0, n).join('/'));
      if (line !== undefined) return { line, exact: n === path.length };
    }
    return lines.size ? { line: 1, exact: false } : undefined;
  };
}

function tomlLocator(text: string): (path: FieldPath) => FieldLine {
  const lines = text.split('\n');
  return (path) => {
    const table = path.slice(0, -1).join('.');
    const key = String(path[path.length - 1]);
    if (!table) return keyLine(lines, 0, key, /=/);
    const header = lines.findIndex((l) => new RegExp(`^\\s*\\[\\s*${escape(table)}\\s*\\]\\s*(#.*)?$`).test(l));
    if (header < 0) return undefined;
    const found = keyLine(lines, header + 1, key, /=/, /^\s*\[/);
    return found ?? { line: header + 1, exact: false };
  };
}

function keyLine(lines: readonly string[], from: number, key: string, separator: RegExp, stop?: RegExp): FieldLine {
  const pattern = new RegExp(`^\\s*["']?${escape(key)}["']?\\s*${separator.source}`);
  for (let i = from; i < lines.length; i++) {
    if (stop?.test(lines[i]!)) break;
    if (pattern.test(lines[i]!)) return { line: i + 1, exact: true };
  }
  return undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** `slipway.elements[0].kind` → ['slipway', 'elements', 0, 'kind'] (the inverse of the catalog's fieldPath). */
export function parseFieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return out;
}
