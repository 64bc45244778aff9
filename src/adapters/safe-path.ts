/**
 * Where a file the release rewrites really is. A committed symlink (`CHANGELOG.md -> ../../x`)
 * or a symlinked folder would send the write outside the repository while the release commit
 * records nothing; both are refused, naming the file, before the first write.
 */
import { constants, lstatSync, realpathSync, type Stats } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { SlipwayError } from '../core/errors.ts';

const inside = (root: string, path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/** Real paths already resolved (undefined: the path does not exist); one per check of many files, so a folder is resolved once. */
export type RealpathMemo = Map<string, string | undefined>;

/**
 * The real path (the C library's realpath, as fs.promises.realpath), or undefined when nothing
 * is there. Synchronous, like the lstat below: a plan checks hundreds of files, and a promise
 * round trip through the thread pool costs several times the system call (measured).
 */
function resolved(path: string, memo: RealpathMemo | undefined): string | undefined {
  if (memo?.has(path)) return memo.get(path);
  let real: string | undefined;
  try {
    real = realpathSync.native(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  memo?.set(path, real);
  return real;
}

/**
 * Why writing `path` (repository-relative) under `root` would leave the work tree, or undefined
 * when it stays inside. `memo` shares resolved folders between the checks of one plan's files.
 */
export async function unsafeWriteReason(root: string, path: string, memo?: RealpathMemo): Promise<string | undefined> {
  if (isAbsolute(path) || path.split(/[\\/]/).includes('..')) return 'the path leaves the repository';
  const realRoot = resolved(root, memo) ?? realpathSync.native(root);
  const full = join(root, path);
  let stats: Stats | undefined;
  try {
    stats = lstatSync(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  if (stats?.isSymbolicLink()) return 'it is a symbolic link; slipway rewrites only regular files (replace the link with the file)';
  if (stats && !stats.isFile()) return 'it is not a regular file';
  // The nearest folder that exists decides where the file lands.
  let folder = dirname(full);
  for (;;) {
    const real = resolved(folder, memo);
    if (real !== undefined) {
      return inside(realRoot, real) ? undefined : `its folder ${relative(root, folder) || '.'} is a symbolic link to ${real}, outside the repository`;
    }
    const up = dirname(folder);
    if (up === folder) return undefined;
    folder = up;
  }
}

/** Refuses, naming the file, a write that would leave the work tree. */
export async function assertSafeWrite(root: string, path: string): Promise<void> {
  const reason = await unsafeWriteReason(root, path);
  if (reason) {
    throw new SlipwayError('INPUT_INVALID', `slipway will not write ${path}: ${reason}`, {
      subject: path,
      hint: 'a release writes only regular files inside the repository; commit the real file instead of a link, then plan again',
    });
  }
}

/** Writes `text` to `path` under `root` after the check above; the final open never follows a link (O_NOFOLLOW). */
export async function writeInside(root: string, path: string, text: string): Promise<void> {
  await assertSafeWrite(root, path);
  const full = join(root, path);
  await mkdir(dirname(full), { recursive: true });
  // Checked again for the folders mkdir just made, then the file is opened without following a link.
  await assertSafeWrite(root, path);
  const handle = await open(full, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}
