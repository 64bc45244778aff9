/** Every version slipway reads must be semver; anything else stops with the file, the field and the value. */
import { valid } from 'semver';
import { SlipwayError } from '../../core/errors.ts';
import type { Version } from '../../core/types.ts';

/**
 * `value` as a Version, or VERSION_INVALID naming `file`, `field` and the bad value.
 * No coercion: `v1.2.0` or `1.2` would be rewritten on release, so they must be fixed at the source.
 */
export function checkedVersion(value: unknown, file: string, field: string, hint?: string): Version {
  if (typeof value === 'string' && valid(value) === value) return value as Version;
  const problem = value === undefined ? `${field} is missing` : `${field} is ${JSON.stringify(value)}, which is not a semver version`;
  throw new SlipwayError('VERSION_INVALID', problem, {
    subject: file,
    hint: hint ?? `write a plain semver version such as 1.0.0 (no leading "v") in ${field} of ${file}`,
  });
}
