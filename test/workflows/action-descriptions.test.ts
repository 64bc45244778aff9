/**
 * In YAML a ` #` after a plain value starts a comment: `description: The channel (ID or #name)`
 * would publish "The channel (ID or". Every description of every action is read whole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const files = ['action.yml', ...readdirSync(join(ROOT, 'actions')).map((name) => `actions/${name}/action.yml`)];

describe('action descriptions', () => {
  it.each(files)('%s: no description is cut short by a comment', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const action = parse(text) as { inputs?: Record<string, { description?: string }>; outputs?: Record<string, { description?: string }> };
    for (const [name, spec] of [...Object.entries(action.inputs ?? {}), ...Object.entries(action.outputs ?? {})]) {
      const raw = new RegExp(`^\\s+${name.replace(/[-]/g, '\\-')}:\\s*\\n\\s+description:([^\\n]*)`, 'm').exec(text)?.[1]?.trim() ?? '';
      // A plain (unquoted, not folded) description that holds ` #` lost its tail.
      if (raw && !/^['">|]/.test(raw)) expect(raw.includes(' #'), `${file} ${name}: ${raw}`).toBe(false);
      expect(typeof spec.description).toBe('string');
    }
  });
});
