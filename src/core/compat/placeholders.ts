/**
 * `{name}` placeholders in configured commands and environment values (see compat-section.ts
 * for the list). An unknown placeholder is an error naming the setting, not a literal `{x}`
 * silently handed to a shell. Shell's own `${VAR}` is left alone.
 */
import { SlipwayError } from '../errors.ts';

export type Placeholders = Readonly<Record<string, string | undefined>>;

export function fillPlaceholders(template: string, values: Placeholders, setting: string): string {
  return template.replace(/(?<!\$)\{([A-Za-z]+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value !== undefined) return value;
    const known = Object.keys(values).filter((key) => values[key] !== undefined);
    throw new SlipwayError('CONFIG_INVALID', `unknown or unavailable placeholder ${whole} in "${template}"`, {
      subject: setting,
      hint: `available here: ${known.map((key) => `{${key}}`).join(', ')}`,
    });
  });
}
