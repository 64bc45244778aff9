/**
 * "Next Monday 09:00 in Europe/Berlin" as an instant, with nothing but Intl: the time zone
 * database ships with Node, so no date library is needed. The trick is the zone's offset at an
 * instant (wall clock there minus UTC): guess the instant as if the wall time were UTC, correct
 * by the offset, and correct once more when the first correction crossed a DST change.
 */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WeeklyTime {
  weekday: Weekday;
  /** HH:MM, 24 h, wall clock in `timeZone`. */
  time: string;
  /** An IANA zone, e.g. Europe/Berlin. */
  timeZone: string;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: number, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday: SHORT_DAYS.indexOf(parts['weekday'] ?? ''),
  };
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +2 h). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time happens in a zone (a time skipped by DST lands just after the gap). */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(second);
}

/** The first `weekday` `time` in `timeZone` strictly after `now`. */
export function nextWeeklyTime(now: Date, at: WeeklyTime): Date {
  const [hour, minute] = at.time.split(':').map(Number) as [number, number];
  const target = WEEKDAYS.indexOf(at.weekday);
  const today = wallClock(now.getTime(), at.timeZone);
  let daysAhead = (target - today.weekday + 7) % 7;
  const reached = today.hour * 3600 + today.minute * 60 + today.second >= hour * 3600 + minute * 60;
  if (daysAhead === 0 && reached) daysAhead = 7;
  // Date.UTC normalises day overflow (31 March + 2 → 2 April), in the zone's calendar.
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + daysAhead));
  return zonedTimeToInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, at.timeZone);
}
