/** Reading and writing the release's files (manifests, changelogs) in the working tree. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeInside } from '../safe-path.ts';

/** The file's text, or undefined when it does not exist. */
export async function readWorktreeFile(root: string, path: string): Promise<string | undefined> {
  try {
    // Synchronous for the same reason as readManifest (../ecosystems/read-manifest.ts): a plan reads hundreds.
    return readFileSync(join(root, path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes a file of the work tree; a symlink or a path that leaves the repository is refused (see ../safe-path.ts). */
export async function writeWorktreeFile(root: string, path: string, text: string): Promise<void> {
  await writeInside(root, path, text);
}
