import { describe, expect, it } from 'vitest';
import { parseMinutes } from '../../src/core/conversation-fields.js';
import { cadenceProblem, durationMinutes, parseCadence, periodDays } from '../../src/core/periods.js';

// Minutes and periods as people type them, in flags and at the prompts.
describe('how long a conversation lasted', () => {
  it.each([
    ['30', 30],
    [' 45 ', 45],
    ['0', 0],
    ['30m', 30],
    ['30min', 30],
    ['30 mins', 30],
    ['45 minutes', 45],
    ['1h', 60],
    ['1 hour', 60],
    ['2hrs', 120],
    ['1.5h', 90],
    ['1.1h', 66],
    ['1h30', 90],
    ['1h30m', 90],
    ['1h59', 119],
    ['90m', 90],
    ['1 hour 15 min', 75],
    ['1H 5M', 65],
  ])('%s is %i minutes', (text, minutes) => {
    expect(durationMinutes(text)).toBe(minutes);
    expect(parseMinutes(text)).toBe(minutes);
  });

  it.each([
    '',
    'half an hour',
    '30s',
    '1.25h30',
    '1.01h',
    '1h90',
    '2h 60m',
    '-5',
    '30 days',
    'h',
    'm',
    '30 30',
    '1,5h',
  ])('refuses %j', (text) => {
    expect(durationMinutes(text)).toBeUndefined();
    expect(() => parseMinutes(text)).toThrow(/is not a number of minutes/);
  });

  it('refuses more than a day, however it is written', () => {
    expect(() => parseMinutes('1441')).toThrow(/out of range/);
    expect(() => parseMinutes('25h')).toThrow(/out of range/);
    expect(parseMinutes('24h')).toBe(1440);
  });
});

describe('periods people say', () => {
  it.each([
    ['fortnight', 14],
    ['a fortnight', 14],
    ['2 fortnights', 28],
    ['fortnightly', 14],
    ['every 2 weeks', 14],
    ['every  3 months', 90],
    ['a week', 7],
    ['every week', 7],
    ['every fortnight', 14],
    ['a month', 30],
    ['a year', 365],
    ['2w', 14],
  ])('%s is %i days', (text, days) => {
    expect(periodDays(text)).toBe(days);
  });

  it.each(['every', 'every day week', 'constructor', 'toString', 'a'])('%j is not a period', (text) => {
    expect(periodDays(text)).toBeUndefined();
  });
});

describe('the cadence cap: ten years', () => {
  it('takes 3650 days, and says the cap the same way for a prompt and for a flag past it', () => {
    expect(cadenceProblem(3650)).toBeUndefined();
    expect(parseCadence('10y', '--cadence')).toBe(3650);
    expect(cadenceProblem(3651)).toBe(
      'A cadence is at most 10 years (3650 days); for someone you no longer keep up with, rel archive',
    );
    expect(() => parseCadence('3651d', '--cadence')).toThrow(
      '--cadence "3651d" is longer than rel takes: a cadence is at most 10 years (3650 days).',
    );
  });
});
