/** The files `slipway init` writes into a repository: what exists already, and the writes. */
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
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

/**
 * Which of `paths` hold a workflow of another tool (a file that never mentions slipway): init
 * writes its starter beside such a file instead of refusing or replacing it (Kestra's plugin
 * repositories have their own release.yml).
 */
export async function foreignWorkflows(root: string, paths: readonly string[]): Promise<Set<string>> {
  const foreign = new Set<string>();
  for (const path of paths) {
    const text = await readFile(join(root, path), 'utf8').catch(() => undefined);
    if (text !== undefined && !/slipway/i.test(text)) foreign.add(path);
  }
  return foreign;
}
