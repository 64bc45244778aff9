/**
 * Turns the text of slipway.yml into a validated configuration. Errors name the key, the
 * line and what was expected, e.g. `slipway.yml:4: versioning.dependents: expected one of
 * "patch" | "none", got "minor"`.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { SlipwayError } from '../errors.ts';
import { configSchema, type SlipwayConfig } from './schema.ts';

export const CONFIG_FILE = 'slipway.yml';

export function parseConfig(text: string, file = CONFIG_FILE): SlipwayConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const [yamlError] = doc.errors;
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line;
    throw new SlipwayError('CONFIG_INVALID', `not valid YAML: ${yamlError.message.split('\n')[0]}`, {
      subject: line ? `${file}:${line}` : file,
      hint: 'fix the YAML syntax at that line',
    });
  }
  const value: unknown = doc.toJS() ?? {};
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;

  const lineOf = (path: PropertyKey[]): number | undefined => {
    // Walk up until a node with a position exists (an unknown key's value, or a missing key's parent).
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const lines = result.error.issues.map((issue) => describeIssue(issue, file, lineOf));
  // Each line already starts with file:line, so no separate subject.
  throw new SlipwayError('CONFIG_INVALID', lines.join('\n'), {
    hint: 'see the configuration reference in README.md; every key is optional',
  });
}

function describeIssue(
  issue: z.core.$ZodIssue,
  file: string,
  lineOf: (path: PropertyKey[]) => number | undefined,
): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const path = [...issue.path, key];
        const where = lineOf(path);
        return `${file}${where ? `:${where}` : ''}: unknown key "${path.join('.')}"`;
      })
      .join('\n');
  }
  const where = lineOf(issue.path);
  const key = issue.path.length ? issue.path.join('.') : '(top level)';
  return `${file}${where ? `:${where}` : ''}: ${key}: ${issue.message}`;
}
