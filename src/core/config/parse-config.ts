/**
 * Turns the text of slipway.yml into a validated configuration. Errors name the key, the
 * line and what was expected, e.g. `slipway.yml:4: versioning.dependents: expected one of
 * "patch" | "none", got "minor"`.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type * as z from 'zod';
import { SlipwayError } from '../errors.ts';
import { configSchema, type SlipwayConfig } from './schema.ts';

export const CONFIG_FILE = 'slipway.yml';
/** A slipway.yml is a few kilobytes; a larger one is a mistake or an attack (50 MB took 100 s and 4 GB of heap). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Aliases a config may expand: a few anchors are handy, a "billion laughs" bomb is refused. */
const MAX_ALIAS_COUNT = 100;

export function parseConfig(text: string, file = CONFIG_FILE): SlipwayConfig {
  if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) throw configTooLarge(file, Buffer.byteLength(text, 'utf8'));
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: true });
  const [yamlError] = doc.errors;
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line;
    throw new SlipwayError('CONFIG_INVALID', `not valid YAML: ${yamlError.message.split('\n')[0]}`, {
      subject: line ? `${file}:${line}` : file,
      hint: 'fix the YAML syntax at that line',
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    throw new SlipwayError('CONFIG_INVALID', `YAML aliases expand too far: ${(error as Error).message}`, {
      subject: file,
      hint: `use at most ${MAX_ALIAS_COUNT} alias expansions (*name); write the values out instead`,
    });
  }
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

export function configTooLarge(file: string, bytes: number): SlipwayError {
  return new SlipwayError('CONFIG_INVALID', `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a configuration may be at most 1 MB`, {
    subject: file,
    hint: 'slipway.yml holds settings only: check that the right file is named slipway.yml',
  });
}
