import { en } from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { type NaturalDateParser, parseDate } from '../../src/core/dates.js';
import type { UsageError } from '../../src/errors.js';
import { ok, readJson, rel, tempStore } from '../helpers/run.js';

// Dates as people type them: a month with no day of it is refused, never pinned to its first day;
// a weekday is the most recent one whatever follows it (a full stop, a time of day); a weekday and
// a date that disagree are refused, naming the weekday the date is.
const natural: NaturalDateParser = (text, reference, forward) =>
  en.parseDate(text, reference, { forwardDate: forward });
const parse = (text: string, now: string, direction: 'past' | 'future' = 'past') =>
  parseDate(text, '--date', { now: new Date(now), direction, natural });
const refusal = (text: string, now: string, direction: 'past' | 'future' = 'past') => {
  try {
    return `kept ${parse(text, now, direction)}`;
  } catch (error) {
    return `${(error as UsageError).message} ${(error as UsageError).hint}`;
  }
};

describe('a month that names no day', () => {
  it.each([
    ['december', '2026-12-02T09:00:00', 'past'],
    ['November', '2026-12-02T09:00:00', 'past'],
    ['november 2026', '2026-12-02T09:00:00', 'past'],
    ['mid november', '2026-12-02T09:00:00', 'past'],
    ['early november', '2026-12-02T09:00:00', 'past'],
    ['late Nov.', '2026-12-02T09:00:00', 'past'],
    ['end of november', '2026-12-02T09:00:00', 'past'],
    ['december', '2026-12-31T23:00:00', 'past'],
    ['january', '2027-01-01T00:30:00', 'past'],
    ['december 2026', '2027-01-01T00:30:00', 'past'],
    ['december', '2026-11-27T10:00:00', 'future'],
    ['next january', '2026-12-31T10:00:00', 'future'],
  ] as const)('%s on %s (%s) is refused', (text, now, direction) => {
    expect(refusal(text, now, direction)).toContain(`--date "${text}" is not a date rel understands.`);
    expect(refusal(text, now, direction)).toContain('names a month, not a day');
  });

  it('the hint gives a day of the month named, in the year it would be', () => {
    expect(refusal('november', '2026-12-02T09:00:00')).toContain('such as 15 november or 2026-11-15');
    expect(refusal('december', '2026-11-27T10:00:00')).toContain('such as 15 december or 2025-12-15');
    expect(refusal('december', '2026-11-27T10:00:00', 'future')).toContain('2026-12-15');
    expect(refusal('november 2025', '2026-12-02T09:00:00')).toContain('15 november 2025 or 2025-11-15');
  });

  // "this week", "this month", "this year": the hint is a day of that very week, month or year,
  // today looking back and its last day looking ahead; found by a tester (it gave a day of the
  // month before, or after).
  it.each([
    ['this month', 'past', '2026-12-06 (today)'],
    ['this month', 'future', '2026-12-31 (the end of this month)'],
    ['this week', 'past', '2026-12-06 (today)'],
    ['this week', 'future', '2026-12-06 (the end of this week)'], // a Sunday, weeks from Monday
    ['this year', 'future', '2026-12-31 (the end of this year)'],
    ['last month', 'past', '2026-11-06 (a month ago today)'],
  ] as const)('on Sun 6 Dec 2026, %s (%s) gives %s', (text, direction, example) => {
    expect(refusal(text, '2026-12-06T09:00:00', direction)).toContain(`such as ${example},`);
  });

  it('this week looking ahead from a Wednesday ends on its Sunday, or its Saturday when weeks start on Sunday', () => {
    const hint = (weekStart: number) => {
      try {
        parseDate('this week', '--due', {
          now: new Date('2026-12-02T09:00:00'),
          direction: 'future',
          natural,
          weekStart,
        });
        return 'kept';
      } catch (error) {
        return String((error as UsageError).hint);
      }
    };
    expect(hint(1)).toContain('such as 2026-12-06 (the end of this week)');
    expect(hint(0)).toContain('such as 2026-12-05 (the end of this week)');
  });

  // Looking ahead (--due, --until) a month is the coming one: in December, "jan" is January 2027.
  it.each([
    ['jan', 'future', '15 january or 2027-01-15'],
    ['january', 'past', '15 january or 2026-01-15'],
    ['nov', 'future', '15 november or 2027-11-15'],
    ['nov', 'past', '15 november or 2026-11-15'],
    ['dec', 'future', '15 december or 2026-12-15'],
    ['dec', 'past', '2 december or 2026-12-02'], // this month, up to today
    ['next jan', 'past', '15 january 2027 or 2027-01-15'],
    ['next december', 'future', '15 december 2027 or 2027-12-15'],
    ['last december', 'future', '15 december 2025 or 2025-12-15'],
    ['jan 2026', 'future', '15 january 2026 or 2026-01-15'],
  ] as const)('on Wed 2 Dec 2026, %s (%s) gives %s', (text, direction, example) => {
    expect(refusal(text, '2026-12-02T09:00:00', direction)).toContain(`such as ${example}.`);
  });

  // Every month, each way, on days either side of the 15th: the day the hint gives is on the side
  // of today the option looks to, and its words, given back, are that very day.
  const MONTHS = 'january february march april may june july august september october november december';
  for (const now of [
    '2026-12-02T09:00:00',
    '2026-01-20T09:00:00',
    '2026-06-10T09:00:00',
    '2026-06-20T09:00:00',
  ]) {
    for (const direction of ['past', 'future'] as const) {
      it.each(MONTHS.split(' '))(
        `on ${now} (${direction}) %s: a day on that side, as its words give it`,
        (month) => {
          const example = /such as (.+) or (\d{4}-\d{2}-\d{2})\.$/.exec(refusal(month, now, direction));
          expect(example, refusal(month, now, direction)).not.toBeNull();
          const [, words, day] = example!;
          const today = now.slice(0, 10);
          if (direction === 'past') expect(day! <= today, day).toBe(true);
          else expect(day! >= today, day).toBe(true);
          expect(parse(words!, now, direction)).toBe(day);
          expect(day!.slice(5, 7)).toBe(String(MONTHS.split(' ').indexOf(month) + 1).padStart(2, '0'));
        },
      );
    }
  }

  it.each([
    ['dec 2', '2026-12-02T09:00:00', '2026-12-02'],
    ['1 december', '2026-12-02T09:00:00', '2026-12-01'],
    ['november 30', '2026-12-02T09:00:00', '2026-11-30'],
    ['31 dec', '2027-01-01T00:30:00', '2026-12-31'],
  ])('a month with its day still is that day: %s on %s is %s', (text, now, expected) => {
    expect(parse(text, now)).toBe(expected);
  });
});

describe('a weekday is the most recent one, whatever follows it', () => {
  it.each([
    // Wednesday 2 December 2026
    ['Sat.', '2026-12-02T09:00:00', '2026-11-28'],
    ['sat', '2026-12-02T09:00:00', '2026-11-28'],
    ['Wed.', '2026-12-02T09:00:00', '2026-12-02'],
    ['Tue. morning', '2026-12-02T09:00:00', '2026-12-01'],
    // Friday 27 November 2026
    ['monday', '2026-11-27T10:00:00', '2026-11-23'],
    ['monday morning', '2026-11-27T10:00:00', '2026-11-23'],
    ['mon 9am', '2026-11-27T10:00:00', '2026-11-23'],
    ['Mon 9:30', '2026-11-27T10:00:00', '2026-11-23'],
    ['monday at 3pm', '2026-11-27T10:00:00', '2026-11-23'],
    ['monday evening', '2026-11-27T10:00:00', '2026-11-23'],
    ['friday 9pm', '2026-11-27T10:00:00', '2026-11-27'],
    ['yesterday afternoon', '2026-11-27T10:00:00', '2026-11-26'],
    ['last friday', '2026-11-27T10:00:00', '2026-11-20'],
    ['previous friday', '2026-11-27T10:00:00', '2026-11-20'],
    ['Previous Fri.', '2026-11-27T10:00:00', '2026-11-20'],
    ['last friday morning', '2026-11-27T10:00:00', '2026-11-20'],
    // Friday 1 January 2027: the weekdays before are last year's
    ['wed', '2027-01-01T08:00:00', '2026-12-30'],
    ['thu 11pm', '2027-01-01T08:00:00', '2026-12-31'],
    ['previous friday', '2027-01-01T08:00:00', '2026-12-25'],
    // Tuesday 1 December 2026: Monday is in November
    ['mon. afternoon', '2026-12-01T08:00:00', '2026-11-30'],
  ])('%s on %s is %s', (text, now, expected) => {
    expect(parse(text, now)).toBe(expected);
  });

  it.each([
    ['sat.', '2026-11-27T10:00:00', '2026-11-28'],
    ['monday morning', '2026-11-27T10:00:00', '2026-11-30'],
    ['fri 9am', '2026-12-31T10:00:00', '2027-01-01'],
  ])('looking ahead, %s on %s is %s', (text, now, expected) => {
    expect(parse(text, now, 'future')).toBe(expected);
  });
});

describe('a weekday and a date that disagree', () => {
  it.each([
    [
      'wed 26 nov',
      '2026-11-27T10:00:00',
      '26 November 2026 is a Thursday, not a Wednesday.',
      '(wednesday: 2026-11-25)',
    ],
    ['Mon., 30 Nov.', '2026-12-02T09:00:00', '30 November 2026 is a Monday', ''],
    [
      'fri 31 dec',
      '2027-01-01T08:00:00',
      '31 December 2026 is a Thursday, not a Friday.',
      '(friday: 2027-01-01)',
    ],
    ['tuesday 2026-12-01', '2026-12-02T09:00:00', '', ''],
    [
      'sat 4 dec',
      '2026-11-27T10:00:00',
      '4 December 2026 is a Friday, not a Saturday.',
      'Give the date alone (2026-12-04)',
    ],
  ])('%s on %s', (text, now, clash, hint) => {
    const direction = text === 'sat 4 dec' ? 'future' : 'past';
    const said = refusal(text, now, direction);
    if (!clash) expect(said).toMatch(/^kept /);
    else if (clash.endsWith('Monday')) expect(said).toBe('kept 2026-11-30');
    else {
      expect(said).toContain(`--date "${text}": ${clash}`);
      expect(said).toContain(hint);
    }
  });

  it('agreeing ones are kept', () => {
    expect(parse('thu 26 nov', '2026-11-27T10:00:00')).toBe('2026-11-26');
    expect(parse('Thu. 26 Nov.', '2026-11-27T10:00:00')).toBe('2026-11-26');
    expect(parse('wednesday, 25 november 2026', '2026-11-27T10:00:00')).toBe('2026-11-25');
  });
});

describe('a count of days with a sign before it', () => {
  const NOW = '2026-12-02T10:00:00';
  it.each([
    ['-1 days ago', '("1 day ago": 2026-12-01)'],
    ['-3 days ago', '("3 days ago": 2026-11-29)'],
    ['in -2 days', '("2 days ago": 2026-11-30)'],
    ['- 1 day ago', '("1 day ago": 2026-12-01)'],
    ['-2 weeks ago', '("2 weeks ago": 2026-11-18)'],
    ['+1 month ago', '("1 month ago": 2026-11-02)'],
    ['-2w', '("2 weeks ago": 2026-11-18)'],
    ['-3d', '("3 days ago": 2026-11-29)'],
  ])('%s is refused: chrono drops the sign, and which way was meant is a guess', (text, hint) => {
    const said = refusal(text, NOW);
    expect(said).toContain('has a sign before its count');
    expect(said).toContain(hint);
  });
  it.each([
    ['3 days ago', 'kept 2026-11-29'],
    ['2026-11-30', 'kept 2026-11-30'],
    ['mid-week', ''],
  ])('%s is not such a count', (text, expected) => {
    const said = refusal(text, NOW);
    expect(said).not.toContain('has a sign before its count');
    if (expected) expect(said).toBe(expected);
  });
  it('looking ahead, the hint counts ahead', () => {
    expect(refusal('in -2 days', NOW, 'future')).toContain('("in 2 days": 2026-12-04)');
    expect(refusal('-2w', NOW, 'future')).toContain('("in 2 weeks": 2026-12-16)');
  });
});

describe('the commands', () => {
  it('rel log --date: a month refused, weekdays with a full stop or a time kept, a clash refused', async () => {
    const store = tempStore('dates-typed');
    const o = { store, now: '2026-11-27T10:00:00' };
    await ok(['add', 'Ana Silva'], o);
    const month = await rel(['log', 'ana', '--kind', 'call', '--date', 'november'], o);
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('--date "november" is not a date rel understands.');
    const clash = await rel(['log', 'ana', '--kind', 'call', '--date', 'wed 26 nov'], o);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('26 November 2026 is a Thursday, not a Wednesday.');
    expect(readJson(store).conversations).toEqual([]);
    for (const date of ['monday morning', 'mon 9am', 'previous friday', 'Sat.']) {
      await ok(['log', 'ana', '--kind', 'call', '--date', date], o);
    }
    const days = (readJson(store).conversations as { date: string }[]).map((c) => c.date);
    expect(days).toEqual(['2026-11-23', '2026-11-23', '2026-11-20', '2026-11-21']);
  });

  it('rel snooze --until december is refused, nothing snoozed', async () => {
    const store = tempStore('dates-typed-snooze');
    const o = { store, now: '2026-11-27T10:00:00' };
    await ok(['add', 'Ana Silva'], o);
    const snooze = await rel(['snooze', 'ana', '--until', 'december'], o);
    expect(snooze.code).toBe(2);
    expect(snooze.stderr).toContain('--until "december" is not a date rel understands.');
    expect((readJson(store).people as { snoozedUntil?: string }[])[0]!.snoozedUntil ?? null).toBeNull();
  });

  it('in December, "jan" for --until and --due gives the coming January as the example, for --date and --since the last', async () => {
    const store = tempStore('dates-typed-jan');
    const o = { store, now: '2026-12-02T10:00:00' };
    await ok(['add', 'Ana Silva'], o);
    const example = async (args: string[]) => {
      const r = await rel(args, o);
      expect(r.code).toBe(2);
      return /such as (.+)\.$/m.exec(r.stderr)?.[1];
    };
    expect(await example(['snooze', 'ana', '--until', 'jan'])).toBe('15 january or 2027-01-15');
    expect(await example(['todo', 'add', 'ana', 'Send the deck', '--due', 'jan'])).toBe(
      '15 january or 2027-01-15',
    );
    expect(await example(['log', 'ana', '--kind', 'call', '--due', 'january'])).toBe(
      '15 january or 2027-01-15',
    );
    expect(await example(['log', 'ana', '--kind', 'call', '--date', 'jan'])).toBe('15 january or 2026-01-15');
    expect(await example(['stats', '--since', 'jan'])).toBe('15 january or 2026-01-15');
    // The example given back is taken.
    await ok(['snooze', 'ana', '--until', '15 january'], o);
    expect(readJson(store).people[0].snoozedUntil).toBe('2027-01-15');
  });
});
