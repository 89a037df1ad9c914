import { en } from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { dayDate, type NaturalDateParser, parseDate } from '../../src/core/dates.js';
import { ok, readJson, rel, tempStore } from '../helpers/run.js';

// A date looking back that a person wrote looking ahead ("next week") is refused as in the
// future, never moved a year back; a month and day without a year is the one just gone.
const natural: NaturalDateParser = (text, reference, forward) =>
  en.parseDate(text, reference, { forwardDate: forward });
const now = new Date(2026, 10, 12, 17, 0); // Thursday 12 November 2026
const past = (text: string) => parseDate(text, '--date', { now, direction: 'past', natural });

describe('dates looking back, written looking ahead', () => {
  it.each([
    ['next week', '2026-11-19'],
    ['next month', '2026-12-12'],
  ])('%s stays ahead (%s), for the caller to refuse', (text, expected) => {
    expect(past(text)).toBe(expected);
  });

  // A month that names no day is refused here: later in December, "in december" would have been
  // its 1st, a day in the past that no caller refuses.
  it('in december is not a date', () => {
    expect(() => past('in december')).toThrow('--date "in december" is not a date rel understands.');
  });

  it.each([
    ['20 nov', '2025-11-20'],
    ['Nov 30', '2025-11-30'],
    ['december', '2025-12-01'],
    ['january 5', '2026-01-05'],
    ['3 nov', '2026-11-03'],
  ])('%s is the one just gone: %s', (text, expected) => {
    expect(past(text)).toBe(expected);
  });
});

describe('today by its month and day, at any hour', () => {
  // chrono reads "dec 2" as noon; before noon that moment is ahead of now, and was moved a year back.
  it.each([
    ['08:00', 'dec 2', '2026-12-02'],
    ['00:05', '2 december', '2026-12-02'],
    ['23:59', 'Dec 2', '2026-12-02'],
    ['08:00', 'dec 3', '2025-12-03'],
    ['08:00', 'dec 1', '2026-12-01'],
  ])('at %s on 2 December 2026, %s is %s', (time, text, expected) => {
    const at = new Date(`2026-12-02T${time}:00`);
    expect(parseDate(text, '--date', { now: at, direction: 'past', natural })).toBe(expected);
  });
});

describe('a day shown with its year when it is far off in another year', () => {
  it.each([
    ['2025-11-19', '2026-11-12', 'Wed 19 Nov 2025'],
    ['2027-11-20', '2026-12-08', 'Sat 20 Nov 2027'],
    ['2027-01-08', '2026-12-01', 'Fri 8 Jan'],
    ['2026-12-31', '2027-01-02', 'Thu 31 Dec'],
    ['2026-05-21', '2026-12-01', 'Thu 21 May'],
  ])('%s seen on %s: %s', (date, today, shown) => {
    expect(dayDate(date, today)).toBe(shown);
  });
});

describe('rel log --date', () => {
  it('refuses "next week" and says the year of a day a year back', async () => {
    const store = tempStore('dates-ahead');
    const o = { store, now: '2026-11-12T17:00:00' };
    await ok(['add', 'Oliver Grant'], o);
    const ahead = await rel(['log', 'oliver', '--date', 'next week', '--note', 'x'], o);
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toContain('--date 2026-11-19 is in the future');
    expect(readJson(store).conversations).toEqual([]);
    expect(await ok(['log', 'oliver', '--date', '20 nov', '--note', 'x'], o)).toContain(
      'Logged a 1:2:1 with Oliver Grant on Thu 20 Nov 2025.',
    );
  });
});
