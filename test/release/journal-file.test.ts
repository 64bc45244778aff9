/** The journal on disk: JSON Lines appended as the release goes, read back even when cut short. */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journalWriter, parseJournalLines, readJournalFile } from '../../src/adapters/release/journal-file.ts';
import { SlipwayError } from '../../src/core/errors.ts';
import { newJournal, type JournalEntry } from '../../src/core/release/journal.ts';
import type { PlanHash } from '../../src/core/types.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';

afterAll(cleanupTempDirs);

const entry = (step: JournalEntry['step'], plugin?: string): JournalEntry => ({ step, ...(plugin ? { plugin } : {}), status: 'done', startedAt: '2026-03-01T00:00:00.000Z', finishedAt: '2026-03-01T00:00:01.000Z', detail: `${step} ${plugin ?? ''}` });

describe('the journal file', () => {
  it('has each step on disk as soon as save resolves, one line each, and the end line after finish', async () => {
    const file = join(tempDir(), 'journal.jsonl');
    const writer = journalWriter(file);
    const journal = newJournal('sha256:abc' as PlanHash, false, '2026-03-01T00:00:00.000Z');
    journal.entries.push(entry('verify'));
    await writer.save(journal);
    journal.entries.push(entry('manifest', 'a'));
    await writer.save(journal);
    // Read while the run is still going: what a kill -9 right now would leave.
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(await readJournalFile(file)).toMatchObject({ result: 'running', planHash: 'sha256:abc', entries: [{ step: 'verify' }, { step: 'manifest', plugin: 'a' }] });
    journal.entries.push(entry('commit'));
    journal.result = 'released';
    journal.finishedAt = '2026-03-01T00:00:02.000Z';
    await writer.finish(journal);
    expect(await readJournalFile(file)).toEqual(journal);
  });

  it('a line cut short by a crash is skipped; a rerun appended to the same file is the last run', () => {
    const file = join(tempDir(), 'journal.jsonl');
    appendFileSync(file, JSON.stringify({ type: 'start', schemaVersion: 1, planHash: null, dryRun: false, startedAt: 'x' }) + '\n');
    appendFileSync(file, JSON.stringify({ type: 'entry', ...entry('tag', 'a') }) + '\n{"type":"entry","step":"ta');
    const [cut] = parseJournalLines(readFileSync(file, 'utf8'));
    expect(cut?.entries.map((e) => e.step)).toEqual(['tag']);
    appendFileSync(file, '\n' + JSON.stringify({ type: 'start', schemaVersion: 1, planHash: null, dryRun: true, startedAt: 'y' }) + '\n');
    const runs = parseJournalLines(readFileSync(file, 'utf8'));
    expect(runs.map((r) => [r.startedAt, r.entries.length])).toEqual([['x', 1], ['y', 0]]);
  });

  it('a full disk is a SlipwayError naming the journal file and ENOSPC', async () => {
    const writer = journalWriter('/dev/full');
    const error = await writer.save({ ...newJournal(null, false, 'now'), entries: [entry('verify')] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlipwayError);
    expect((error as SlipwayError).subject).toBe('/dev/full');
    expect((error as SlipwayError).message).toContain('ENOSPC');
    expect((error as SlipwayError).hint).toContain('disk is full');
  });
});
