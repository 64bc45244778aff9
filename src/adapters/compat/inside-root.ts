/**
 * A repository-relative path as a real path that stays inside the repository: a core's
 * `<module>../../etc</module>` or a symlink out of the checkout is refused, not followed.
 */
import { realpath } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';
import { SlipwayError } from '../../core/errors.ts';

export async function insideRoot(root: string, file: string): Promise<string> {
  const realRoot = await realpath(root);
  let real: string;
  try {
    real = await realpath(join(realRoot, file));
  } catch (error) {
    throw new SlipwayError('MANIFEST_MISSING', `expected ${file} in the core checkout, found none`, {
      subject: file,
      hint: 'check the core’s <modules>, or set compat.core.version in slipway.yml',
      cause: error,
    });
  }
  const rel = relative(realRoot, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new SlipwayError('MANIFEST_INVALID', `${file} points outside the core checkout`, {
      subject: file,
      hint: 'slipway reads only files inside the checkout; set compat.core.version in slipway.yml',
    });
  }
  return real;
}
