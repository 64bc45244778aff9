/**
 * Typed action inputs, validated when the action starts: a wrong value fails the step with a
 * message naming the input and what it accepts, before any work is done.
 */
import * as core from '@actions/core';
import { distTagProblem } from '../../core/config/dist-tag.ts';
import { SlipwayError } from '../../core/errors.ts';

const invalid = (name: string, message: string) =>
  new SlipwayError('INPUT_INVALID', message, { subject: `input "${name}"`, hint: `fix \`with: ${name}:\` in the workflow` });

export function stringInput(name: string, fallback?: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? fallback : value;
}

export function requiredInput(name: string): string {
  const value = core.getInput(name).trim();
  if (!value) throw invalid(name, 'is required');
  return value;
}

export function booleanInput(name: string, fallback = false): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw invalid(name, `must be true or false, got "${value}"`);
}

export function integerInput(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
  const value = core.getInput(name).trim();
  if (value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number)) throw invalid(name, `must be a whole number, got "${value}"`);
  if (range.min !== undefined && number < range.min) throw invalid(name, `must be at least ${range.min}, got ${number}`);
  if (range.max !== undefined && number > range.max) throw invalid(name, `must be at most ${range.max}, got ${number}`);
  return number;
}

export function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim();
  if (value === '') return fallback;
  if (!(choices as readonly string[]).includes(value)) throw invalid(name, `must be one of ${choices.join(', ')}, got "${value}"`);
  return value as T;
}

/** A secret input: masked in every log line from here on. */
export function secretInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  if (!value) return undefined;
  core.setSecret(value);
  return value;
}

/** A prerelease channel: one semver prerelease identifier, as versioning.prerelease in slipway.yml. */
export function prereleaseInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  if (!value) return undefined;
  if (!/^[0-9A-Za-z-]+$/.test(value)) throw invalid(name, `must be one prerelease identifier (letters, digits, -), e.g. next; got "${value}"`);
  return value;
}

/** A calendar date, YYYY-MM-DD. */
export function dateInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw invalid(name, `must be a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

/** An npm dist-tag: a name npm accepts (release.distTag's rule); a person may type it in workflow_dispatch. */
export function distTagInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  if (!value) return undefined;
  const problem = distTagProblem(value);
  if (problem) throw invalid(name, `${problem}; got "${value.slice(0, 80)}"`);
  return value;
}

/** A list: one item per line, or separated by commas or spaces. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}
