// rel profile counts the people at a meeting who are not in the journal (`--size` above the names),
// so that a meeting with one person named does not read as a one-to-one.
import { describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

describe('rel profile and people not in the journal', () => {
  it.each([
    [['fatima', '--size', '4'], '1 Dec · today · meeting · with 3 others'],
    [['fatima', 'ben', '--size', '4'], '1 Dec · today · meeting · with Ben Ong and 2 others'],
    [['fatima', 'ben', '--size', '3'], '1 Dec · today · meeting · with Ben Ong and 1 other'],
    [['fatima', 'ben'], '1 Dec · today · meeting · with Ben Ong\n'],
    [['fatima'], '1 Dec · today · meeting\n'],
  ])('rel log %j says "%s"', async (args, line) => {
    const store = tempStore('profile-unnamed');
    const o = { store, now: '2026-12-01' };
    await ok(['add', 'Fatima Zahra'], o);
    await ok(['add', 'Ben Ong'], o);
    await ok(['log', ...args, '--kind', 'meeting', '--no-input'], o);
    expect(await ok(['profile', 'fatima'], o)).toContain(`  ${line}`);
  });
});
