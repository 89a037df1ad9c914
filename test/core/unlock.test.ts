import { describe, expect, it } from 'vitest';
import { describeUnlockDuration, parseUnlockDuration } from '../../src/core/unlock.js';

describe('parseUnlockDuration', () => {
  it.each([
    ['15min', 15],
    ['1min', 1],
    ['90 minutes', 90],
    ['2h', 120],
    ['2 hours', 120],
    ['1h30min', 90],
    ['1h 30min', 90],
    ['12h', 720],
    ['  45MIN ', 45],
  ])('%s is %i minutes', (text, minutes) => {
    expect(parseUnlockDuration(text)).toBe(minutes * 60_000);
  });

  it.each([
    ['15m', /ambiguous: elsewhere in rel, m means months/],
    ['15 m', /ambiguous/],
    ['1h30m', /ambiguous: elsewhere in rel, m means months/],
    ['1h 30m', /ambiguous/],
    ['13h', /at most 12h/],
    ['12h1min', /at most 12h/],
    ['0min', /too short/],
    ['15', /not a duration/],
    ['2d', /not a duration/],
    ['15mo', /not a duration/],
    ['soon', /not a duration/],
    ['2h-5min', /not a duration/],
    ['', /not a duration/],
  ])('%j is refused', (text, message) => {
    expect(() => parseUnlockDuration(text)).toThrow(message);
  });

  it('says the minutes to write for 15m', () => {
    try {
      parseUnlockDuration('15m');
    } catch (error) {
      expect((error as { hint: string }).hint).toMatch(/^For 15 minutes write 15min\./);
    }
    expect.assertions(1);
  });

  it('says the minutes to write for 1h30m', () => {
    expect(() => parseUnlockDuration('1h30m')).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/^If m is minutes there, write 1h30min\./) }),
    );
  });

  it.each([
    [15, '15 min'],
    [120, '2 h'],
    [90, '1 h 30 min'],
  ])('%i minutes are said as %s', (minutes, text) => {
    expect(describeUnlockDuration(minutes * 60_000)).toBe(text);
  });
});
