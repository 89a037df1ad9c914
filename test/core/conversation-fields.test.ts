// A conversation's minutes as typed: on the command line the examples are flags; at the prompt,
// what to type there.
import { describe, expect, it } from 'vitest';
import { parseMinutes } from '../../src/core/conversation-fields.js';
import { UsageError } from '../../src/errors.js';

function refusal(text: string, option?: string): { message: string; hint: string | undefined } {
  try {
    parseMinutes(text, option);
  } catch (error) {
    if (error instanceof UsageError) return { message: error.message, hint: error.hint };
    throw error;
  }
  throw new Error(`${text} was taken`);
}

describe('parseMinutes', () => {
  it.each([
    ['30', 30],
    ['45min', 45],
    ['1h30', 90],
    ['0', 0],
    ['1440', 1440],
  ])('%s is %d minutes', (text, minutes) => {
    expect(parseMinutes(text)).toBe(minutes);
  });

  it.each([
    [
      'half an hour',
      undefined,
      '--minutes "half an hour" is not a number of minutes.',
      'e.g. --minutes 30, 45min',
    ],
    [
      'half an hour',
      'The minutes',
      'The minutes "half an hour" is not a number of minutes.',
      'e.g. 30, 45min',
    ],
    ['2000', undefined, '--minutes 2000 is out of range', 'For example: --minutes 90'],
    ['2000', 'The minutes', 'The minutes 2000 is out of range', 'For example: 90 for'],
  ])('%j (%s) is refused, its example as it would be typed there', (text, option, message, hint) => {
    const said = refusal(text, option);
    expect(said.message).toContain(message);
    expect(said.hint).toContain(hint);
    if (option) expect(said.hint).not.toContain('--minutes');
  });
});
