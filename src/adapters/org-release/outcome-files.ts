/**
 * One file per repository of an org release, written when that repository's ship ends: what
 * happened, and the catalog entries of what shipped. A rerun reads them to skip what already
 * shipped (a failure in one repository never repeats the others), and the report reads them
 * all — on GitHub, from the ship jobs' artifacts downloaded into one folder.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { catalogEntrySchema, type CatalogEntry } from '../../core/catalog/catalog-schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import type { RepositoryName } from '../../core/org-release/org-plan.ts';
import type { RepositoryOutcome } from '../../core/org-release/outcomes.ts';

export interface OutcomeRecord {
  planHash: string;
  outcome: RepositoryOutcome;
  /** Catalog entries of the versions shipped (empty unless shipped and a catalog is set). */
  entries: CatalogEntry[];
}

const repository = z.string().regex(/^[^/\s]+\/[^/\s]+$/).transform((s) => s as RepositoryName);
const outcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({ repository, status: z.literal('shipped'), plugins: z.array(z.strictObject({ name: z.string(), version: z.string(), tag: z.string(), url: z.string().optional() })) }),
  z.strictObject({ repository, status: z.literal('failed'), message: z.string(), step: z.string().optional(), url: z.string().optional() }),
  z.strictObject({ repository, status: z.literal('refused'), message: z.string() }),
]);
const recordSchema = z.strictObject({ planHash: z.string(), outcome: outcomeSchema, entries: z.array(catalogEntrySchema) });

const fileName = (repo: RepositoryName) => `${repo.replace('/', '__')}.outcome.json`;

export async function writeOutcome(dir: string, record: OutcomeRecord): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, fileName(record.outcome.repository));
  // Written whole then renamed: a crash never leaves half a record that a rerun would trust.
  await writeFile(`${file}.tmp`, JSON.stringify(record, null, 2) + '\n');
  await rename(`${file}.tmp`, file);
}

/** Every record in the folder (searched one level deep: artifacts download into subfolders) for this plan. */
export async function readOutcomes(dir: string, planHash: string): Promise<Map<RepositoryName, OutcomeRecord>> {
  const found = new Map<RepositoryName, OutcomeRecord>();
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.outcome.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return found;
    throw error;
  }
  for (const name of names.sort()) {
    const file = join(dir, name);
    const parsed = recordSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) {
      throw new SlipwayError('RESULTS_INVALID', `not an org release outcome: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`, { subject: file, hint: 'remove the file, or point at the folder the ship jobs wrote' });
    }
    if (parsed.data.planHash !== planHash) continue; // another day's plan
    found.set(parsed.data.outcome.repository, parsed.data as OutcomeRecord);
  }
  return found;
}
