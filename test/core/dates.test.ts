import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  addDaysTo,
  daysBetween,
  fromIsoDate,
  monthName,
  type NaturalDateParser,
  parseDate,
  parseNow,
  relativeDay,
  shortDate,
  weekdayOf,
} from '../../src/core/dates.js';
import { describeCadence, parsePeriod, periodDays } from '../../src/core/periods.js';
import { UsageError } from '../../src/errors.js';

// Friday 27 November 2026, 12:00 local.
const now = new Date(2026, 10, 27, 12);
const past = (text: string, natural?: NaturalDateParser) =>
  parseDate(text, '--date', { now, direction: 'past', natural });
const future = (text: string) => parseDate(text, '--due', { now, direction: 'future' });

describe('periods', () => {
  it.each([
    ['10d', 10],
    ['2w', 14],
    ['3m', 90],
    ['3mo', 90],
    ['1y', 365],
    ['3 weeks', 21],
    ['1 month', 30],
    ['weekly', 7],
    ['biweekly', 14],
    ['monthly', 30],
    ['quarterly', 91],
    ['yearly', 365],
    ['  Weekly ', 7],
  ])('%s is %i days', (text, days) => {
    expect(periodDays(text)).toBe(days);
  });

  it.each(['', 'soon', '2x', '-3d', 'w', '1.5w'])('"%s" is not a period', (text) => {
    expect(periodDays(text)).toBeUndefined();
    expect(() => parsePeriod(text, '--cadence')).toThrow(UsageError);
  });

  it('refuses zero days, saying why, and names the accepted forms', () => {
    for (const zero of ['0d', '0 weeks', '0m'])
      expect(() => parsePeriod(zero, '--cadence')).toThrow(
        `--cadence "${zero}" is no time at all: it must be at least 1 day.`,
      );
    expect(() => parsePeriod('often', '--within')).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/2w/) }),
    );
  });
});

describe('dates that look back', () => {
  it.each([
    ['2026-11-20', '2026-11-20'],
    ['today', '2026-11-27'],
    ['yesterday', '2026-11-26'],
    ['3 days ago', '2026-11-24'],
    ['2 weeks ago', '2026-11-13'],
    ['friday', '2026-11-27'], // today is a Friday: today included
    ['last friday', '2026-11-20'], // today excluded
    ['monday', '2026-11-23'],
    ['Mon', '2026-11-23'],
    ['last monday', '2026-11-23'],
    ['saturday', '2026-11-21'],
    ['3m', '2026-08-29'],
    ['2w', '2026-11-13'],
  ])('%s -> %s', (text, expected) => {
    expect(past(text)).toBe(expected);
  });

  it.each(['05/06/2026', '5.6.2026', '06-05-2026', '11/12'])(
    'refuses the ambiguous numeric date %s',
    (text) => {
      expect(() => past(text)).toThrow(/ambiguous/);
    },
  );

  // Refused too (numeric dates are YYYY-MM-DD), each said as it is.
  it.each([
    ['2026/05/06', /not in a form rel reads/, 'For 6 May: 2026-05-06'],
    ['11/20', /not in a form rel reads/, 'For 20 November: 2026-11-20'],
    ['31/12', /not in a form rel reads/, 'For 31 December: 2026-12-31'],
    ['11/11', /not in a form rel reads/, 'For 11 November: 2026-11-11'],
    // A month with a day it has not: said as "31 nov" is, with the days to give instead.
    [
      '31/11',
      /"31\/11": 31 November is not in the calendar; November has 30 days\.$/,
      'Give a day that is, such as 2026-11-30 (30 November) or 2026-12-01.',
    ],
    [
      '30/02/2026',
      /"30\/02\/2026": 30 February is not in the calendar/,
      'such as 2026-02-28 (28 February) or 2026-03-01.',
    ],
    ['31/31', /is not a date: no month has that day/, 'YYYY-MM-DD'],
  ])('refuses %s and says why', (text, message, hint) => {
    let error: unknown;
    try {
      past(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
    expect((error as UsageError).hint).toContain(hint);
  });

  it('gives both days of an ambiguous one', () => {
    expect(() => past('05/06/2026')).toThrow(/ambiguous/);
    try {
      past('05/06/2026');
    } catch (error) {
      expect((error as UsageError).hint).toBe(
        'Write it as YYYY-MM-DD: 2026-06-05 (5 June) or 2026-05-06 (6 May).',
      );
    }
  });

  it.each(['2026-02-30', '2026-13-01'])('refuses the impossible date %s', (text) => {
    expect(() => past(text)).toThrow(UsageError);
  });

  it('falls back to the natural-language parser, and says what works when it fails too', () => {
    const natural: NaturalDateParser = (text, reference) =>
      text === 'the day before' ? new Date(reference.getTime() - 86_400_000) : null;
    expect(past('the day before', natural)).toBe('2026-11-26');
    expect(() => past('gibberish', natural)).toThrow(/not a date rel understands/);
  });
});

// A day said in months or years is that day of the month, as people mean it (tester A #10: "6
// months ago" on 6 December was 9 June, 180 days back, and "12 months ago" was not "1 year ago").
describe('months and years said in words are calendar months and years', () => {
  const at = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(y!, m! - 1, d!, 12);
  };
  it.each([
    ['2026-12-06', '6 months ago', 'past', '2026-06-06'],
    ['2026-12-06', '3 months ago', 'past', '2026-09-06'],
    ['2026-12-06', '12 months ago', 'past', '2025-12-06'],
    ['2026-12-06', '1 year ago', 'past', '2025-12-06'],
    ['2026-12-06', '24 months ago', 'past', '2024-12-06'],
    ['2026-12-06', '2 years ago', 'past', '2024-12-06'],
    ['2026-12-06', '3 years ago', 'past', '2023-12-06'],
    ['2026-12-06', '10 years ago', 'past', '2016-12-06'],
    ['2026-12-06', '100 years ago', 'past', '1926-12-06'],
    ['2026-12-06', 'a month ago', 'past', '2026-11-06'],
    ['2026-12-06', 'a year ago', 'past', '2025-12-06'],
    ['2026-12-06', '6mo ago', 'past', '2026-06-06'],
    // A day the month has not is its last, as date-fns subMonths gives it.
    ['2026-03-31', '1 month ago', 'past', '2026-02-28'],
    ['2028-03-31', '1 month ago', 'past', '2028-02-29'],
    ['2028-02-29', '1 year ago', 'past', '2027-02-28'],
    ['2026-01-31', '2 months ago', 'past', '2025-11-30'],
    ['2026-12-06', 'in 2 months', 'future', '2027-02-06'],
    ['2026-01-31', 'in a month', 'future', '2026-02-28'],
    ['2026-12-06', 'in 1 year', 'future', '2027-12-06'],
    // Weeks and days are counted in days, and a period alone stays a length (Periods: 30-day months).
    ['2026-12-06', '4 weeks ago', 'past', '2026-11-08'],
    ['2026-12-06', '3m', 'past', '2026-09-07'],
  ] as const)('on %s, %j (%s) is %s', (today, text, direction, expected) => {
    expect(parseDate(text, '--date', { now: at(today), direction })).toBe(expected);
  });

  it.each([
    ['2026-03-31', 'last month', '2026-02-28 (a month ago today)'],
    ['2026-11-15', 'last month', '2026-10-15 (a month ago today)'],
    ['2026-12-06', 'last year', '2025-12-06 (a year ago today)'],
    ['2028-02-29', 'last year', '2027-02-28 (a year ago today)'],
  ])('on %s, %j gives the hint %s', (today, text, hint) => {
    let error: unknown;
    try {
      parseDate(text, '--date', { now: at(today), direction: 'past' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toContain(hint);
  });

  it('refuses a count of months that leaves the years rel takes', () => {
    expect(() =>
      parseDate('2000 months ago', '--date', { now: at('2026-12-06'), direction: 'past' }),
    ).toThrow(/before 1900/);
  });
});

describe('dates that look ahead', () => {
  it.each([
    ['friday', '2026-12-04'], // today excluded
    ['monday', '2026-11-30'],
    ['next monday', '2026-11-30'],
    ['tomorrow', '2026-11-28'],
    ['2w', '2026-12-11'],
    ['in 3 days', '2026-11-30'],
  ])('%s -> %s', (text, expected) => {
    expect(future(text)).toBe(expected);
  });
});

describe('"friday" and "next friday" looking ahead', () => {
  const on = (today: string, text: string, weekStart?: number) =>
    parseDate(text, '--due', { now: new Date(`${today}T12:00:00`), direction: 'future', weekStart });
  it.each([
    // Monday 23 Nov 2026: friday is this week's, next friday the one of the week after
    ['2026-11-23', 'friday', undefined, '2026-11-27'],
    ['2026-11-23', 'next friday', undefined, '2026-12-04'],
    ['2026-11-23', 'next monday', undefined, '2026-11-30'],
    // Sunday 29 Nov: with weeks from Monday, next week begins tomorrow
    ['2026-11-29', 'friday', undefined, '2026-12-04'],
    ['2026-11-29', 'next friday', undefined, '2026-12-04'],
    ['2026-11-29', 'next friday', 1, '2026-12-04'],
    // with weeks from Sunday, this week began today
    ['2026-11-29', 'next friday', 0, '2026-12-11'],
    ['2026-11-29', 'next sunday', 0, '2026-12-06'],
    ['2026-11-27', 'next friday', 1, '2026-12-04'],
    ['2026-11-27', 'next thursday', 1, '2026-12-03'],
  ])('on %s, %s (week starting %s) -> %s', (today, text, weekStart, expected) => {
    expect(on(today, text, weekStart)).toBe(expected);
  });
});

describe('REL_NOW', () => {
  const clock = () => new Date(0);
  it('uses the clock when unset or empty', () => {
    expect(parseNow(undefined, clock)).toEqual(new Date(0));
    expect(parseNow('', clock)).toEqual(new Date(0));
  });
  it('reads a date as that local day at noon, a date-time as local time', () => {
    expect(parseNow('2026-11-27', clock)).toEqual(new Date(2026, 10, 27, 12));
    expect(parseNow('2026-11-27T09:30:00', clock)).toEqual(new Date(2026, 10, 27, 9, 30));
    expect(parseNow('2026-11-27T09:30:00Z', clock).toISOString()).toBe('2026-11-27T09:30:00.000Z');
  });
  it('refuses anything else', () => {
    expect(() => parseNow('next week', clock)).toThrow(/REL_NOW/);
  });
  it.each([
    ['2026-13-01', 'is not a date: there is no month 13; months run from 01 to 12.'],
    ['2026-02-30', ': 30 February is not in the calendar; February has 28 days (29 in a leap year).'],
    [
      '2026-02-30T09:00:00',
      ': 30 February is not in the calendar; February has 28 days (29 in a leap year).',
    ],
    ['2026-11-31T09:00:00Z', ': 31 November is not in the calendar; November has 30 days.'],
  ])('refuses %s, a day that does not exist, naming REL_NOW', (value, why) => {
    expect(() => parseNow(value, clock)).toThrow(`REL_NOW="${value}"${why.startsWith(':') ? '' : ' '}${why}`);
  });
});

describe('calendar arithmetic and display', () => {
  it('counts whole days across month and year ends and DST changes', () => {
    expect(addDaysTo('2026-12-25', 14)).toBe('2027-01-08');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-20', '2026-11-03')).toBe(14);
  });
  it.each([
    ['2026-11-27', 'today'],
    ['2026-11-26', 'yesterday'],
    ['2026-11-28', 'tomorrow'],
    ['2026-11-20', '7 days ago'],
    ['2026-11-06', '3 weeks ago'],
    ['2026-08-01', '4 months ago'],
    ['2024-06-01', '2 years ago'],
    ['2026-12-11', 'in 2 weeks'],
    // Rounded to the nearest, as people say them: 89 days is nearly three months, not two.
    ['2027-02-24', 'in 3 months'],
    ['2026-10-11', '7 weeks ago'],
    ['2026-08-06', '4 months ago'],
    ['2024-03-01', '3 years ago'],
    // Twelve months is a year; thirteen stay months.
    ['2027-11-27', 'in 1 year'],
    ['2025-11-30', '1 year ago'],
    ['2027-12-31', 'in 13 months'],
  ])('%s is %s', (date, phrase) => {
    expect(relativeDay(date, '2026-11-27')).toBe(phrase);
  });
  it('shows the year only when it is not this one', () => {
    expect(shortDate('2026-11-06', '2026-11-27')).toBe('6 Nov');
    expect(shortDate('2025-11-06', '2026-11-27')).toBe('6 Nov 2025');
  });
  it('names cadences as people say them', () => {
    expect([7, 14, 30, 91, 21, 45].map(describeCadence)).toEqual([
      'weekly',
      'every 2 weeks',
      'monthly',
      'quarterly',
      'every 3 weeks',
      'every 45 days',
    ]);
  });
});

describe('natural dates without a year', () => {
  const natural: NaturalDateParser = (text) => (text === 'january 5' ? new Date(2027, 0, 5, 12) : null);
  it('looking back, a month still to come this year means last year', () => {
    expect(past('january 5', natural)).toBe('2026-01-05');
  });
  it('a date with its year is taken as written', () => {
    const withYear: NaturalDateParser = () => new Date(2027, 0, 5, 12);
    expect(past('january 5 2027', withYear)).toBe('2027-01-05');
  });
});

describe('years before 1900 (issue 15: 0026 was stored as 1926)', () => {
  it.each([
    ['0026-11-20', 'past'],
    ['0099-01-01', 'past'],
    ['1899-12-31', 'past'],
    ['0026-11-20', 'future'],
  ] as const)('%s (%s) is refused, exit 2', (text, direction) => {
    const parse = () => parseDate(text, '--date', { now, direction });
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(/before 1900/);
  });

  it('a natural-language date that lands before 1900 is refused too', () => {
    const natural: NaturalDateParser = () => new Date(1850, 0, 1, 12);
    expect(() => past('the winter of 1850', natural)).toThrow(/before 1900/);
  });

  it('1900 itself is a date', () => {
    expect(past('1900-01-01')).toBe('1900-01-01');
  });

  it.each(['0026-11-20', '0026-11-20T09:00:00', '1899-12-31T23:00:00Z'])('REL_NOW=%s is refused', (value) => {
    expect(() => parseNow(value, () => now)).toThrow(UsageError);
  });

  it('days are counted in years 0-99 as written, never shifted to the 1900s', () => {
    expect(addDaysTo('0026-12-31', 1)).toBe('0027-01-01');
    expect(daysBetween('0026-01-01', '2026-01-01')).toBe(730485);
  });
});

describe('calendar arithmetic by hand, against Date', () => {
  // What rel computed with a Date object for each date before it counted days by arithmetic.
  const DAY_MS = 86_400_000;
  const dateDay = (year: number, month: number, day: number) => {
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return date.getTime() / DAY_MS;
  };
  const reference = (date: string): number | string => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return `"${date}" is not a date in the form YYYY-MM-DD.`;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(dateDay(year, month, day) * DAY_MS);
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
      return `The journal holds the day "${date}", which is not in the calendar (was the file edited by hand?).`;
    return dateDay(year, month, day);
  };
  const counted = (date: string): number | string => {
    try {
      return daysBetween('1970-01-01', date);
    } catch (error) {
      return (error as Error).message;
    }
  };
  const iso = (year: number, month: number, day: number) =>
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

  it('counts the days of every month end and leap day from year 0 to 9999 as Date does', () => {
    const dates: string[] = [];
    for (let year = 0; year <= 9999; year += year < 404 || year > 9990 ? 1 : 97) {
      for (let month = 0; month <= 13; month++)
        for (const day of [0, 1, 28, 29, 30, 31, 32]) dates.push(iso(year, month, day));
    }
    expect(dates.length).toBeGreaterThan(10_000);
    expect(dates.filter((date) => counted(date) !== reference(date))).toEqual([]);
  });

  it('says the same of forms that are not a date', () => {
    for (const date of [
      '2026-1-01',
      '2026-01-1',
      '2026/01/01',
      '20260101',
      '2026-01-01 ',
      ' 2026-01-01',
      '2026-01-01\n',
      '２０２６-01-01',
      '2026-0a-01',
      '-026-01-01',
      '',
      'yesterday',
    ])
      expect([date, counted(date)]).toEqual([date, reference(date)]);
  });

  it('moves by days, and names the weekday, across every day of four years as Date does', () => {
    const wrong: string[] = [];
    let day = reference('2023-01-01') as number;
    for (let date = '2023-01-01'; date < '2027-01-01'; date = addDaysTo(date, 1), day++) {
      const moved = new Date(day * DAY_MS);
      if (
        counted(date) !== day ||
        date !== iso(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate()) ||
        weekdayOf(date) !== fromIsoDate(date).getDay()
      )
        wrong.push(date);
    }
    expect(wrong).toEqual([]);
  });
});

describe('monthName', () => {
  it("is date-fns' MMM for the first and last day of every month", () => {
    for (let month = 1; month <= 12; month++) {
      for (const day of ['01', '28']) {
        const date = `2026-${String(month).padStart(2, '0')}-${day}`;
        expect({ date, name: monthName(date) }).toEqual({ date, name: format(fromIsoDate(date), 'MMM') });
      }
    }
  });
});
