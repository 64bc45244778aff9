import { z } from 'zod';

/** digest: the weekly "what shipped" (owned by the digest job). */
export const digestSection = z
  .strictObject({
    /** The Notion database that receives one page per release. */
    notionDatabase: z.string().optional(),
    /** Days covered when no previous digest is recorded. */
    defaultDays: z.number().int().positive().default(7),
  })
  .default({ defaultDays: 7 });
