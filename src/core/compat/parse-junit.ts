/**
 * Failing test names from JUnit XML — the one report format every test runner can write
 * (node --test-reporter=junit, Gradle, Maven Surefire, pytest --junitxml). Suites nest
 * differently per tool (node puts top-level tests straight under <testsuites>), so the tree is
 * walked in document order rather than read at fixed depths. A name is its suites' names and
 * its own, joined with " › ".
 */
import { XMLParser } from 'fast-xml-parser';

// preserveOrder keeps document order across element names (tests then suites, as written).
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseAttributeValue: false });

/** With preserveOrder, each element is `{ [tag]: children[], ':@'?: attributes }`. */
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Failing (failure or error) test names in document order; [] for XML that holds no tests. */
export function failingTestsFromJUnit(xml: string): string[] {
  let doc: OrderedNode[];
  try {
    doc = parser.parse(xml) as OrderedNode[];
  } catch {
    return [];
  }
  const failing: string[] = [];
  walk(doc, [], failing);
  return failing;
}

function walk(nodes: readonly OrderedNode[], suites: string[], failing: string[]): void {
  for (const node of nodes) {
    const tag = Object.keys(node).find((key) => key !== ':@');
    if (!tag) continue;
    const children = node[tag];
    if (!Array.isArray(children)) continue;
    const attributes = node[':@'] ?? {};
    if (tag === 'testcase') {
      const failed = (children as OrderedNode[]).some((child) => 'failure' in child || 'error' in child);
      if (failed) failing.push(testName(attributes, suites));
    } else if (tag === 'testsuite') {
      const name = attributes['name'] ?? '';
      walk(children as OrderedNode[], name ? [...suites, decode(name)] : suites, failing);
    } else {
      walk(children as OrderedNode[], suites, failing);
    }
  }
}

function testName(attributes: Record<string, string>, suites: string[]): string {
  const name = decode(attributes['name'] ?? '(unnamed)');
  const className = attributes['classname'] ?? '';
  // node's reporter files top-level tests under classname "test": that says nothing.
  const path = suites.length > 0 ? suites : className && className !== 'test' ? [decode(className)] : [];
  return [...path, name].join(' › ');
}

/**
 * Node 24's junit reporter escapes `"` in names twice (`&amp;quot;`), so one round of XML
 * decoding leaves `&quot;`. A test name that really contains "&quot;" is far rarer than one
 * with a quote, so the leftover is decoded once more.
 */
function decode(text: string): string {
  return text.replace(/&quot;/g, '"');
}
