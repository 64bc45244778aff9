/**
 * Writes the release journal as the run goes, as JSON Lines: a `start` line, one `entry` line per
 * finished step, an `end` line. Every line is appended and fsynced before the release makes its
 * next write, so a run killed at any point (kill -9, a lost runner) leaves a journal listing
 * every step it finished; at worst the last line is cut short, and the reader skips it.
 *
 * Appending keeps the cost linear: a release of 1,300 plugins has ~9,000 entries, and rewriting
 * the whole journal after each would be quadratic (gigabytes). bench/release.ts measures the
 * cost of the fsyncs.
 */
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SlipwayError } from '../../core/errors.ts';
import { newJournal, type JournalEntry, type ReleaseJournal } from '../../core/release/journal.ts';

export interface JournalWriter {
  /** The file, for messages; undefined when no journal is kept. */
  readonly file: string | undefined;
  /** Appends (and fsyncs) every entry not written yet; resolves once they are on disk. */
  save(journal: ReleaseJournal): Promise<void>;
  /** Appends what is left and the end line, and closes the file. */
  finish(journal: ReleaseJournal): Promise<void>;
}

type Line =
  | { type: 'start'; schemaVersion: 1; planHash: ReleaseJournal['planHash']; dryRun: boolean; startedAt: string }
  | ({ type: 'entry' } & JournalEntry)
  | { type: 'end'; planHash: ReleaseJournal['planHash']; result: ReleaseJournal['result']; finishedAt: string | null; error: ReleaseJournal['error'] };

export function journalWriter(file: string | undefined): JournalWriter {
  if (!file) return { file, save: async () => {}, finish: async () => {} };
  let handle: FileHandle | undefined;
  let started = false;
  let written = 0;
  // Chained: publish steps finishing together append one after another, never interleaved.
  let last: Promise<void> = Promise.resolve();
  const append = (journal: ReleaseJournal, end: boolean) => {
    last = last.then(async () => {
      // Entries pushed while this write is in flight go in the next one.
      const upto = journal.entries.length;
      const lines: Line[] = [];
      if (!started) lines.push({ type: 'start', schemaVersion: 1, planHash: journal.planHash, dryRun: journal.dryRun, startedAt: journal.startedAt });
      for (const entry of journal.entries.slice(written, upto)) lines.push({ type: 'entry', ...entry });
      if (end) lines.push({ type: 'end', planHash: journal.planHash, result: journal.result, finishedAt: journal.finishedAt, error: journal.error });
      if (lines.length === 0) return;
      try {
        if (!handle) {
          await mkdir(dirname(file), { recursive: true });
          // 'a': a rerun given the same path adds its own run after the first one's.
          handle = await open(file, 'a', 0o644);
        }
        await handle.write(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
        await handle.datasync();
      } catch (error) {
        throw journalError(file, error);
      }
      started = true;
      written = upto;
      if (end) {
        await handle.close().catch(() => undefined);
        handle = undefined;
      }
    });
    return last;
  };
  return { file, save: (journal) => append(journal, false), finish: (journal) => append(journal, true) };
}

function journalError(file: string, error: unknown): SlipwayError {
  const code = (error as NodeJS.ErrnoException).code;
  return new SlipwayError('RELEASE_FAILED', `cannot write the release journal: ${code ?? ''}${code ? ' ' : ''}${(error as Error).message}`, {
    subject: file,
    hint: code === 'ENOSPC' ? 'the disk is full: free space' : code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? 'the journal folder is not writable: pass a writable --journal path' : 'check the journal path',
    cause: error,
  });
}

/**
 * The last run recorded in a journal file (a file may hold several runs: reruns append). A line
 * cut short by a crash is skipped. Undefined when the file has no run.
 */
export async function readJournalFile(file: string): Promise<ReleaseJournal | undefined> {
  return parseJournalLines(await readFile(file, 'utf8')).at(-1);
}

/** Every run in a journal's text, oldest first. */
export function parseJournalLines(text: string): ReleaseJournal[] {
  const runs: ReleaseJournal[] = [];
  for (const raw of text.split('\n')) {
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      continue; // empty, or cut short by a crash
    }
    const current = runs.at(-1);
    if (line.type === 'start') {
      runs.push({ ...newJournal(line.planHash, line.dryRun, line.startedAt), schemaVersion: line.schemaVersion });
    } else if (line.type === 'entry' && current) {
      const { type: _type, ...entry } = line;
      current.entries.push(entry);
    } else if (line.type === 'end' && current) {
      Object.assign(current, { planHash: line.planHash, result: line.result, finishedAt: line.finishedAt, error: line.error });
    }
  }
  return runs;
}
