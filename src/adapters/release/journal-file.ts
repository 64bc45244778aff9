/**
 * Writes the release journal as the run goes. Each write goes to a temp file renamed over the
 * target, so a run killed mid-write leaves the previous complete journal, never half a JSON.
 *
 * Writes are spaced: the whole journal is rewritten each time, and a release of 1,300 plugins
 * has ~9,000 entries, so writing after every step would be quadratic (gigabytes). A step is
 * written at most `intervalMs` after it ends; `flush` (the end of a run, a failure) writes now.
 * A killed run loses at most that interval of entries — the journal records the run, it does
 * not drive the rerun, which checks the world itself.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ReleaseJournal } from '../../core/release/journal.ts';

export interface JournalWriter {
  /** Records that the journal changed; writes it if the last write is older than the interval. */
  save(journal: ReleaseJournal): Promise<void>;
  /** Writes it now. */
  flush(journal: ReleaseJournal): Promise<void>;
}

const DEFAULT_INTERVAL_MS = 500;

export function journalWriter(file: string | undefined, intervalMs = DEFAULT_INTERVAL_MS): JournalWriter {
  if (!file) return { save: async () => {}, flush: async () => {} };
  let made = false;
  let lastWrite = 0;
  // Chained: concurrent publish steps finishing together must not interleave renames.
  let last: Promise<void> = Promise.resolve();
  const write = (journal: ReleaseJournal) => {
    const text = JSON.stringify(journal, null, 2) + '\n';
    lastWrite = Date.now();
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
  return {
    save: (journal) => (Date.now() - lastWrite >= intervalMs ? write(journal) : last),
    flush: write,
  };
}
