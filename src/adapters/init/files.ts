/** The files `slipway init` writes into a repository: what exists already, and the writes. */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Which of the repository-relative `paths` exist. */
export async function existingFiles(root: string, paths: readonly string[]): Promise<string[]> {
  const found = await Promise.all(
    paths.map((path) =>
      access(join(root, path)).then(
        () => path,
        () => undefined,
      ),
    ),
  );
  return found.filter((path): path is string => path !== undefined);
}

export async function writeFiles(root: string, files: ReadonlyArray<{ path: string; text: string }>): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), file.text);
  }
}
