/**
 * The span of time a digest covers: [since, until), whole UTC days by default.
 *
 * `until` defaults to the start of today (UTC), not "now": two runs on the same day — a rerun
 * after a failed sink — compute the same window and so the same key, which is what lets the
 * Slack and Notion writers find what the first run left behind. `since` is where the last
 * completed digest ended, or `defaultDays` before `until` when none is recorded.
 */
import { SlipwayError } from '../errors.ts';

export interface DigestWindow {
  /** Inclusive start, ISO 8601 (UTC). */
  since: string;
  /** Exclusive end, ISO 8601 (UTC). */
  until: string;
  /** Identifies the window in Slack, the mark and logs: `2025-03-03..2025-03-10` (full instants when not whole days). */
  key: string;
}

export interface RecordedWindow {
  since: string;
  until: string;
}

export interface WindowInput {
  now: Date;
  defaultDays: number;
  /** The window of the last digest that every sink completed. */
  last?: RecordedWindow | undefined;
  /** Explicit bounds (a date YYYY-MM-DD or an ISO instant) override both defaults. */
  since?: string | undefined;
  until?: string | undefined;
}

const DAY_MS = 86_400_000;

export function windowOf(since: string, until: string): DigestWindow {
  const compact = (instant: string) => instant.replace(/T00:00:00(?:\.000)?Z$/, '');
  return { since, until, key: `${compact(since)}..${compact(until)}` };
}

export function digestWindow(input: WindowInput): { window: DigestWindow; rerun: boolean } {
  const until = input.until !== undefined ? parseInstant(input.until, 'until') : startOfDay(input.now);
  // Run again on the day a digest completed (or for an explicit window it already covers):
  // cover that same window again, so every sink confirms what it wrote instead of writing anew.
  const lastUntil = input.last ? Date.parse(input.last.until) : undefined;
  const covered = lastUntil !== undefined && (lastUntil === until.getTime() || (input.until === undefined && lastUntil > until.getTime()));
  if (input.since === undefined && input.last && covered) {
    return { window: windowOf(input.last.since, input.last.until), rerun: true };
  }
  const since =
    input.since !== undefined
      ? parseInstant(input.since, 'since')
      : input.last
        ? new Date(input.last.until)
        : new Date(until.getTime() - input.defaultDays * DAY_MS);
  if (since.getTime() >= until.getTime()) {
    throw new SlipwayError('INPUT_INVALID', `the digest window is empty: since ${since.toISOString()} is not before until ${until.toISOString()}`, {
      subject: 'since/until',
      hint: 'pass a --since earlier than --until (dates are YYYY-MM-DD, UTC)',
    });
  }
  return { window: windowOf(since.toISOString(), until.toISOString()), rerun: false };
}

export function isInWindow(window: DigestWindow, instant: string): boolean {
  const at = Date.parse(instant);
  return at >= Date.parse(window.since) && at < Date.parse(window.until);
}

function startOfDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

function parseInstant(text: string, name: string): Date {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const at = Date.parse(value);
  if (Number.isNaN(at)) {
    throw new SlipwayError('INPUT_INVALID', `"${text}" is not a date`, { subject: name, hint: 'write a date as YYYY-MM-DD (UTC) or an ISO 8601 instant' });
  }
  return new Date(at);
}

/**
 * The ISO 8601 week of the window's last day, e.g. `2025-W10`: the Notion "Week" property and
 * the digest's title. Hand-written (a dozen lines) rather than a date library for one function:
 * the week belongs to the year of its Thursday.
 */
export function isoWeek(window: DigestWindow): string {
  const lastDay = new Date(Date.parse(window.until) - 1);
  const day = new Date(Date.UTC(lastDay.getUTCFullYear(), lastDay.getUTCMonth(), lastDay.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** `2025-03-03 → 2025-03-09`: the window as people read it (the last day inclusive). */
export function describeWindow(window: DigestWindow): string {
  const first = window.since.slice(0, 10);
  const last = new Date(Date.parse(window.until) - 1).toISOString().slice(0, 10);
  return first === last ? first : `${first} → ${last}`;
}
