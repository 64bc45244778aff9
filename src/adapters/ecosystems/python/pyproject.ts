/** pyproject.toml as slipway reads it: parsed with smol-toml, errors naming the file and line. */
import { parse, TomlError } from 'smol-toml';
import { invalidManifest } from '../read-manifest.ts';

export type Toml = Record<string, unknown>;

export function parseToml(text: string, file: string): Toml {
  try {
    return parse(text) as Toml;
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
      throw invalidManifest(file, `not valid TOML: ${reason}`, { line: error.line, cause: error });
    }
    throw error;
  }
}

/** A table (TOML object) at `keys`, or undefined. */
export function tableAt(toml: Toml, ...keys: string[]): Toml | undefined {
  let value: unknown = toml;
  for (const key of keys) value = (value as Toml | undefined)?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Toml) : undefined;
}
