// The hand-written calendar arithmetic must agree with date-fns on local calendar days, in time
// zones with daylight saving (including a half-hour shift), and refuse what is not a date.
import { addDays, differenceInCalendarDays, format } from 'date-fns';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addDaysTo,
  dayDate,
  daysBetween,
  fromIsoDate,
  localDay,
  shortDate,
  toIsoDate,
} from '../../src/core/dates.js';

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Kiritimati'];
const SHIFTS = [-400, -31, -1, 0, 1, 7, 30, 91, 365, 3650];
const savedZone = process.env.TZ;
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

function* days(): Generator<string> {
  for (let t = Date.UTC(2015, 0, 1); t < Date.UTC(2031, 0, 1); t += 11 * 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

describe('calendar arithmetic', () => {
  it.each(ZONES)('agrees with date-fns in %s', (zone) => {
    process.env.TZ = zone;
    for (const day of days()) {
      const noon = fromIsoDate(day);
      expect(toIsoDate(noon)).toBe(day);
      for (const shift of SHIFTS) {
        const expected = format(addDays(noon, shift), 'yyyy-MM-dd');
        expect(addDaysTo(day, shift), `${day} + ${shift}`).toBe(expected);
        expect(daysBetween(day, expected)).toBe(differenceInCalendarDays(fromIsoDate(expected), noon));
      }
      expect(shortDate(day, '2020-06-01')).toBe(
        format(noon, day.startsWith('2020') ? 'd MMM' : 'd MMM yyyy'),
      );
      expect(dayDate(day)).toBe(format(noon, 'EEE d MMM'));
    }
    expect(localDay('2026-03-29T00:30:00.000Z')).toBe(
      format(new Date('2026-03-29T00:30:00.000Z'), 'yyyy-MM-dd'),
    );
  });

  // Arithmetic meets days from the journal: a day not in the calendar is the journal's (see errors.ts).
  it.each(['2026-02-30', '2026-13-01', '2026-1-5', 'today'])('refuses %s', (text) => {
    expect(() => addDaysTo(text, 1)).toThrow(/YYYY-MM-DD|which is not in the calendar/);
    expect(() => daysBetween(text, '2026-01-01')).toThrow();
  });

  it('refuses an invalid moment as date-fns did', () => {
    expect(() => toIsoDate(new Date('nonsense'))).toThrow(RangeError);
  });
});
