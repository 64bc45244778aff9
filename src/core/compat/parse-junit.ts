/**
 * Failing test names from JUnit XML — the one report format every test runner can write
 * (node --test-reporter=junit, Gradle, Maven Surefire, pytest --junitxml). Suites nest
 * differently per tool (node puts top-level tests straight under <testsuites>), so the tree is
 * walked rather than read at fixed depths. A name is its suites' names and its own, joined
 * with " › ".
 */
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Element names that may repeat are always arrays, so one test reads like many.
  isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'failure' || name === 'error',
  parseAttributeValue: false,
});

type Node = Record<string, unknown>;

/** Failing (failure or error) test names in document order; [] for XML that holds no tests. */
export function failingTestsFromJUnit(xml: string): string[] {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch {
    return [];
  }
  const failing: string[] = [];
  walk(doc, [], failing);
  return failing;
}

function walk(node: Node, suites: string[], failing: string[]): void {
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@') || typeof value !== 'object' || value === null) continue;
    const children = (Array.isArray(value) ? value : [value]) as unknown[];
    for (const child of children) {
      if (typeof child !== 'object' || child === null) continue;
      const element = child as Node;
      if (key === 'testcase') {
        if (element['failure'] !== undefined || element['error'] !== undefined) failing.push(testName(element, suites));
      } else if (key === 'testsuite') {
        const name = typeof element['@name'] === 'string' ? element['@name'] : '';
        walk(element, name ? [...suites, name] : suites, failing);
      } else {
        walk(element, suites, failing);
      }
    }
  }
}

function testName(testcase: Node, suites: string[]): string {
  const name = String(testcase['@name'] ?? '(unnamed)');
  const className = typeof testcase['@classname'] === 'string' ? testcase['@classname'] : '';
  // node's reporter files top-level tests under classname "test": that says nothing.
  const path = suites.length > 0 ? suites : className && className !== 'test' ? [className] : [];
  return [...path, name].join(' › ');
}
