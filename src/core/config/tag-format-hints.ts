/**
 * The two settings the planner's first guess needs (versioning.tagFormat and
 * legacyTagFormats), read from slipway.yml's YAML before the configuration is validated: the
 * schema (zod) then loads while git writes the log instead of before it starts. A hint is only
 * ever a guess's input: a wrong one makes the planner read more history, never a wrong plan
 * (core/history/log-range.ts), and the validated configuration still reports every mistake.
 */
import { parse } from 'yaml';

export interface TagFormatHints {
  tagFormat?: string | undefined;
  legacyTagFormats?: readonly string[] | undefined;
}

export function tagFormatHints(text: string | undefined): TagFormatHints {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = parse(text.replace(/^\uFEFF/, ''), { maxAliasCount: 100 });
  } catch {
    return {}; // the validated configuration names the mistake
  }
  const versioning = isRecord(value) && isRecord(value['versioning']) ? value['versioning'] : {};
  const { tagFormat, legacyTagFormats } = versioning;
  return {
    tagFormat: typeof tagFormat === 'string' ? tagFormat : undefined,
    legacyTagFormats: Array.isArray(legacyTagFormats) ? legacyTagFormats.filter((format): format is string => typeof format === 'string') : undefined,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
