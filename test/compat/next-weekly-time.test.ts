import { describe, expect, it } from 'vitest';
import { nextWeeklyTime, zonedTimeToInstant } from '../../src/core/compat/next-weekly-time.ts';
import { parseConfig } from '../../src/core/config/parse-config.ts';

const monday9 = (timeZone: string) => ({ weekday: 'monday' as const, time: '09:00', timeZone });
const next = (now: string, timeZone: string) => nextWeeklyTime(new Date(now), monday9(timeZone)).toISOString();

describe('the next Monday 09:00 in a time zone', () => {
  it('follows Berlin across the spring DST change (09:00 CET is 08:00Z, 09:00 CEST is 07:00Z)', () => {
    expect(next('2026-03-21T02:00:00Z', 'Europe/Berlin')).toBe('2026-03-23T08:00:00.000Z');
    // Clocks go forward on Sunday 29 March, between the Saturday run and Monday.
    expect(next('2026-03-28T02:00:00Z', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
  });

  it('follows Berlin across the autumn DST change', () => {
    expect(next('2026-10-17T02:00:00Z', 'Europe/Berlin')).toBe('2026-10-19T07:00:00.000Z');
    expect(next('2026-10-24T02:00:00Z', 'Europe/Berlin')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('follows New York, whose clocks change on another Sunday', () => {
    expect(next('2026-03-07T12:00:00Z', 'America/New_York')).toBe('2026-03-09T13:00:00.000Z');
    expect(next('2026-02-28T12:00:00Z', 'America/New_York')).toBe('2026-03-02T14:00:00.000Z');
  });

  it('follows Auckland, where autumn comes in April', () => {
    expect(next('2026-04-04T00:00:00Z', 'Pacific/Auckland')).toBe('2026-04-05T21:00:00.000Z');
  });

  it('counts days in the zone’s calendar, not UTC’s (Sunday evening UTC is Monday in Kolkata)', () => {
    expect(next('2026-01-04T20:00:00Z', 'Asia/Kolkata')).toBe('2026-01-05T03:30:00.000Z');
  });

  it('is today before 09:00 on a Monday, and next week from 09:00 on', () => {
    expect(next('2026-01-05T08:59:00Z', 'UTC')).toBe('2026-01-05T09:00:00.000Z');
    expect(next('2026-01-05T09:00:00Z', 'UTC')).toBe('2026-01-12T09:00:00.000Z');
    expect(next('2026-01-05T10:00:00Z', 'UTC')).toBe('2026-01-12T09:00:00.000Z');
  });

  it('takes any weekday and time', () => {
    expect(nextWeeklyTime(new Date('2026-01-05T10:00:00Z'), { weekday: 'friday', time: '16:30', timeZone: 'Europe/London' }).toISOString()).toBe('2026-01-09T16:30:00.000Z');
  });

  it('moves a wall time that DST skips to just after the gap', () => {
    // 02:30 on 29 March 2026 does not exist in Berlin: 02:00 CET jumps to 03:00 CEST.
    expect(zonedTimeToInstant(2026, 3, 29, 2, 30, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses a time zone or a time that does not exist, naming the key', () => {
    expect(() => parseConfig('compat:\n  report:\n    timeZone: Europe/Munich\n')).toThrow(/compat\.report\.timeZone: must be an IANA time zone/);
    expect(() => parseConfig('compat:\n  report:\n    time: "9:00"\n')).toThrow(/compat\.report\.time: must be HH:MM/);
    expect(parseConfig('compat:\n  report:\n    timeZone: Europe/Berlin\n').compat.report).toEqual({ timeZone: 'Europe/Berlin', weekday: 'monday', time: '09:00' });
  });
});
