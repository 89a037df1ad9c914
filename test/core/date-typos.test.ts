// A weekday or month name misspelt in a typed date is refused with the name it was likely meant
// as, never read as that name silently nor skipped ("tusday 5 dec" was read as 5 December).
import { en } from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { editDistance, namesMeant } from '../../src/core/date-typos.js';
import { parseDate } from '../../src/core/dates.js';
import { UsageError } from '../../src/errors.js';

const natural = (text: string, reference: Date, forward: boolean) =>
  en.parseDate(text, reference, { forwardDate: forward });
// Thursday 3 December 2026.
const now = new Date(2026, 11, 3, 9);

describe('namesMeant', () => {
  const SLIPS: [string, string[]][] = [
    ['tusday', ['tuesday']],
    ['teusday', ['tuesday']],
    ['thrusday', ['thursday']],
    ['thursay', ['thursday']],
    ['wensday', ['wednesday']],
    ['wedensday', ['wednesday']],
    ['mnday', ['monday']],
    ['fridya', ['friday']],
    ['satruday', ['saturday']],
    ['sundy', ['sunday']],
    ['febuary', ['february']],
    ['janury', ['january']],
    ['agust', ['august']],
    ['spetember', ['september']],
    ['octber', ['october']],
    ['novmber', ['november']],
    ['decmber', ['december']],
    ['jnue', ['june']],
    ['mya', ['may']],
    ['jule', ['june', 'july']],
    ['yesterdy', ['yesterday']],
    ['tomorow', ['tomorrow']],
    ['Tusday', ['tuesday']],
  ];
  it.each(SLIPS)('%s is a slip of %j', (word, meant) => {
    expect(namesMeant(word)).toEqual(meant);
  });

  // Names, the short forms of names, the other words of dates, and words far from any name.
  const NOT_SLIPS = [
    'tuesday',
    'tues',
    'thurs',
    'sept',
    'feb',
    'may',
    'day',
    'days',
    'ago',
    'last',
    'next',
    'noon',
    'week',
    'today',
    'banana',
    'at',
    'in',
  ];
  it.each(NOT_SLIPS)('%s is no slip', (word) => {
    expect(namesMeant(word)).toEqual([]);
  });

  it('counts a swap of two letters side by side as one edit', () => {
    expect(editDistance('thrusday', 'thursday')).toBe(1);
    expect(editDistance('wensday', 'wednesday')).toBe(2);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});

describe('parseDate with a misspelt name', () => {
  const refusal = (text: string, direction: 'past' | 'future' = 'past') => {
    try {
      parseDate(text, '--date', { now, direction, natural });
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return { message: (error as UsageError).message, hint: (error as UsageError).hint };
    }
    throw new Error(`${text} was read`);
  };
  const HINTS: [string, 'past' | 'future', string][] = [
    ['tusday', 'past', 'Did you mean tuesday? (2026-12-01)'],
    ['last tusday', 'past', 'Did you mean "last tuesday"? (2026-12-01)'],
    ['thrusday', 'future', 'Did you mean thursday? (2026-12-10)'],
    ['next wensday', 'future', 'Did you mean "next wednesday"? (2026-12-09)'],
    ['febuary 5', 'past', 'Did you mean "february 5"? (2026-02-05)'],
    ['5 agust 2025', 'past', 'Did you mean "5 august 2025"? (2025-08-05)'],
    ['jule 4', 'past', 'Did you mean "june 4" (2026-06-04) or "july 4" (2026-07-04)?'],
    ['yesterdy', 'past', 'Did you mean yesterday? (2026-12-02)'],
    // Put right, "tuesday 5 dec" would be refused too (5 December 2025 is a Friday, tester A #11):
    // the weekday that fits is offered, saying why.
    [
      'tusday 5 dec',
      'past',
      'Did you mean "friday 5 dec"? (2025-12-05: 5 December 2025 is a Friday, not a Tuesday)',
    ],
    ['fridy 5 dec', 'past', 'Did you mean "friday 5 dec"? (2025-12-05)'],
  ];
  it.each(HINTS)('%s (%s) is refused: %s', (text, direction, hint) => {
    expect(refusal(text, direction)).toEqual({
      message: `--date "${text}" is not a date rel understands.`,
      hint,
    });
  });

  it('reads the names and short forms as before', () => {
    const past = (text: string) => parseDate(text, '--date', { now, direction: 'past', natural });
    expect(past('tuesday')).toBe('2026-12-01');
    expect(past('last tues')).toBe('2026-12-01');
    expect(past('sept 5')).toBe('2026-09-05');
    expect(past('may 5')).toBe('2026-05-05');
    expect(past('3 days ago')).toBe('2026-11-30');
  });
});
