import { en } from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { dayDate, type NaturalDateParser, parseDate, parseSimpleDate } from '../../src/core/dates.js';
import type { UsageError } from '../../src/errors.js';
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

// chrono reads "last year" as this day a year back and "last week" as seven days back: days no
// one meant by naming a whole year or week. They are refused with the day they would have been.
describe('a whole week, month or year looking back', () => {
  const today = new Date(2026, 11, 2, 12); // Wednesday 2 December 2026
  const back = (text: string) => parseDate(text, '--date', { now: today, direction: 'past', natural });
  it.each([
    ['last year', 'a whole year', '2025-12-02 (a year ago today)', '1y'],
    ['last month', 'a whole month', '2026-11-02 (a month ago today)', '1m'],
    ['last week', 'a whole week', '2026-11-25 (a week ago today)', '1w'],
    ['past week', 'a whole week', '2026-11-25 (a week ago today)', '1w'],
    ['Last  Month', 'a whole month', '2026-11-02 (a month ago today)', '1m'],
  ])('%j is refused, saying it names %s and giving %s', (text, names, day, period) => {
    expect(() => back(text)).toThrow(`--date "${text}" is not a date rel understands.`);
    try {
      back(text);
    } catch (error) {
      expect((error as UsageError).hint).toContain(`names ${names}, not a day`);
      expect((error as UsageError).hint).toContain(day);
      expect((error as UsageError).hint).toContain(`the period ${period}`);
    }
  });

  it('a day of a week or a year back is still taken', () => {
    expect(back('last monday')).toBe('2026-11-30');
    expect(back('a year ago')).toBe('2025-12-02');
    expect(back('1y')).toBe('2025-12-02');
  });
});

// A month and a day it does not have: chrono finds no date, and "not a date rel understands" hid why.
describe('a day that is not in the calendar', () => {
  const today = new Date(2026, 11, 2, 12);
  const back = (text: string) => parseDate(text, '--date', { now: today, direction: 'past', natural });
  it.each([
    [
      'feb 30',
      '--date "feb 30": 30 February is not in the calendar; February has 28 days (29 in a leap year).',
      'Give a day that is, such as 2026-02-28 (28 February) or 2026-03-01.',
    ],
    [
      '30th of February',
      '--date "30th of February": 30 February is not in the calendar; February has 28 days (29 in a leap year).',
      'Give a day that is, such as 2026-02-28 (28 February) or 2026-03-01.',
    ],
    [
      'april 31',
      '--date "april 31": 31 April is not in the calendar; April has 30 days.',
      'Give a day that is, such as 2026-04-30 (30 April) or 2026-05-01.',
    ],
    [
      'feb 29 2026',
      '--date "feb 29 2026": 29 February 2026 is not in the calendar; 2026 is not a leap year.',
      "Give a day that is, such as 2026-02-28 (28 February) or 2026-03-01, or a leap year's: 2024-02-29.",
    ],
  ])('%j says which day is missing and what to type', (text, message, hint) => {
    expect(() => back(text)).toThrow(message);
    try {
      back(text);
    } catch (error) {
      expect((error as UsageError).hint).toBe(hint);
    }
  });

  // However the day is written, the same words: which day is missing and the days to give instead.
  const FEB_30 = [
    '30 February is not in the calendar; February has 28 days (29 in a leap year).',
    'Give a day that is, such as 2026-02-28 (28 February) or 2026-03-01.',
  ];
  const NOV_31 = [
    '31 November is not in the calendar; November has 30 days.',
    'Give a day that is, such as 2026-11-30 (30 November) or 2026-12-01.',
  ];
  const FEB_29 = [
    '29 February 2025 is not in the calendar; 2025 is not a leap year.',
    "Give a day that is, such as 2025-02-28 (28 February) or 2025-03-01, or a leap year's: 2024-02-29.",
  ];
  it.each([
    ['2026-02-30', FEB_30],
    ['2026/02/30', FEB_30],
    ['2026-2-30', FEB_30],
    ['30/2', FEB_30],
    ['2/30', FEB_30],
    ['30.02.2026', FEB_30],
    ['feb 30', FEB_30],
    ['30 february 2026', FEB_30],
    ['2026-11-31', NOV_31],
    ['31/11', NOV_31],
    ['11/31', NOV_31],
    ['31 nov', NOV_31],
    ['november 31st', NOV_31],
    ['2025-02-29', FEB_29],
    ['29/2/2025', FEB_29],
    ['feb 29 2025', FEB_29],
  ])('%j, however written, says which day is missing as every form does', (text, [message, hint]) => {
    for (const direction of ['past', 'future'] as const) {
      try {
        parseDate(text, '--due', { now: today, direction, natural });
        expect.unreachable();
      } catch (error) {
        expect((error as UsageError).message).toBe(`--due "${text}": ${message}`);
        expect((error as UsageError).hint).toBe(hint);
      }
    }
  });

  it.each([
    ['2026-13-01', '--date "2026-13-01" is not a date: there is no month 13; months run from 01 to 12.'],
    ['2026-00-10', '--date "2026-00-10" is not a date: there is no month 00; months run from 01 to 12.'],
    ['2026-11-00', '--date "2026-11-00" is not a date: there is no day 00 of a month; days run from 01.'],
  ])('%j: no such month or day, said so', (text, message) => {
    expect(() => back(text)).toThrow(message);
  });

  it('parseSimpleDate, without an option to name, says the same', () => {
    expect(() => parseSimpleDate('2026-02-30', today, 'past')).toThrow(`"2026-02-30": ${FEB_30[0]}`);
  });

  it('a day that is there is read as before', () => {
    expect(back('feb 28')).toBe('2026-02-28');
    expect(back('feb 29 2024')).toBe('2024-02-29');
    expect(back('april 30')).toBe('2026-04-30');
  });
});
