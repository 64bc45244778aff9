import { z } from 'zod';

/** compat: the weekly compatibility run (owned by the compat job). */
export const compatSection = z
  .strictObject({
    maxShards: z.number().int().min(1).max(256).default(64),
    /** Per-plugin test timeout. */
    timeoutMinutes: z.number().positive().default(30),
  })
  .default({ maxShards: 64, timeoutMinutes: 30 });
