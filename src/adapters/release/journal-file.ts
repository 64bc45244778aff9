/**
 * Writes the release journal after every step. Written to a temp file and renamed over the
 * target, so a run killed mid-write leaves the previous complete journal, never half a JSON.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ReleaseJournal } from '../../core/release/journal.ts';

export function journalWriter(file: string | undefined): (journal: ReleaseJournal) => Promise<void> {
  if (!file) return async () => {};
  let made = false;
  // Writes are chained: concurrent publish steps finishing together must not interleave renames.
  let last: Promise<void> = Promise.resolve();
  return (journal) => {
    const text = JSON.stringify(journal, null, 2) + '\n';
    last = last.then(async () => {
      if (!made) {
        await mkdir(dirname(file), { recursive: true });
        made = true;
      }
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, text);
      await rename(temp, file);
    });
    return last;
  };
}
