/**
 * The "last digest" mark: the window of the last digest that every configured sink
 * completed. The next digest starts where it ended. It moves only when every sink succeeded,
 * so a digest that failed in Slack or Notion is retried over the same window next time.
 */
import * as z from 'zod';
import { SlipwayError } from '../errors.ts';
import type { DigestWindow } from './window.ts';

export const MARK_SCHEMA_VERSION = 1;

const markSchema = z.object({
  schemaVersion: z.literal(MARK_SCHEMA_VERSION),
  since: z.iso.datetime(),
  until: z.iso.datetime(),
  key: z.string(),
  /** When the digest completed. */
  completedAt: z.iso.datetime(),
  /** The sinks that wrote it (those skipped for lack of a token are not listed). */
  sinks: z.array(z.string()),
  releases: z.number().int().nonnegative(),
});

export type DigestMark = z.infer<typeof markSchema>;

export function createMark(window: DigestWindow, input: { completedAt: Date; sinks: string[]; releases: number }): DigestMark {
  return {
    schemaVersion: MARK_SCHEMA_VERSION,
    since: window.since,
    until: window.until,
    key: window.key,
    completedAt: input.completedAt.toISOString(),
    sinks: input.sinks,
    releases: input.releases,
  };
}

export function parseMark(text: string, where: string): DigestMark {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SlipwayError('INPUT_INVALID', 'the last-digest mark is not JSON', { subject: where, hint: 'delete the mark to start from the default window', cause: error });
  }
  const result = markSchema.safeParse(value);
  if (!result.success) {
    throw new SlipwayError('INPUT_INVALID', `the last-digest mark is invalid: ${result.error.issues.map((i) => `${i.path.join('.') || 'mark'}: ${i.message}`).join('; ')}`, {
      subject: where,
      hint: 'delete the mark to start from the default window',
    });
  }
  return result.data;
}
