/**
 * Checks results files read back from artifacts and the results branch, so a truncated
 * download or a hand-edited file fails with the file's name instead of deep inside the report.
 */
import * as z from 'zod';
import { SlipwayError } from '../errors.ts';
import { COMPAT_CLASSES, COMPAT_SCHEMA, type ShardResult, type StoredRun } from './compat-run.ts';

const core = z.object({
  channel: z.enum(['develop', 'release']),
  ref: z.string(),
  sha: z.string(),
  version: z.string(),
  package: z.string().optional(),
});

const attempt = z.object({
  outcome: z.enum(['pass', 'fail', 'timeout', 'infra']),
  stage: z.enum(['checkout', 'install', 'test']),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().nonnegative(),
  failingTests: z.array(z.string()),
  logTail: z.string(),
  reason: z.string().optional(),
});

const pluginResult = z.object({
  plugin: z.string().min(1),
  version: z.string().optional(),
  attempts: z.array(attempt),
  baseline: attempt.optional(),
  baselineAttempts: z.number().int().positive().optional(),
});

const shardResult = z.object({
  schema: z.literal(COMPAT_SCHEMA),
  shard: z.number().int().positive(),
  core,
  releaseCore: core.optional(),
  startedAt: z.string(),
  finishedAt: z.string(),
  results: z.array(pluginResult),
});

const storedRun = z.object({
  schema: z.literal(COMPAT_SCHEMA),
  id: z.string().min(1),
  startedAt: z.string(),
  finishedAt: z.string(),
  core,
  releaseCore: core.optional(),
  url: z.string().optional(),
  results: z.array(
    pluginResult.extend({
      class: z.enum(COMPAT_CLASSES),
      baselineVerdict: z.enum(['pass', 'fail', 'unknown']),
      brokenSince: z.string().optional(),
    }),
  ),
});

function parseWith<T>(schema: z.ZodType<T>, text: string, file: string, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SlipwayError('RESULTS_INVALID', `${what} is not JSON: ${(error as Error).message}`, { subject: file, hint: 'the file is truncated or not a slipway results file' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SlipwayError('RESULTS_INVALID', `${what}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
      subject: file,
      hint: `written by another slipway version (schema ${COMPAT_SCHEMA} expected), or edited by hand`,
    });
  }
  return parsed.data;
}

export const parseShardResult = (text: string, file: string): ShardResult => parseWith(shardResult, text, file, 'shard result');
export const parseStoredRun = (text: string, file: string): StoredRun => parseWith(storedRun, text, file, 'stored compat run');
