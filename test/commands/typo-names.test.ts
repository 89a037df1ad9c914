// A one-letter slip in a name on the command line gets the "Did you mean" the picker would give.
import { expect, it } from 'vitest';
import { bytesOf, ok, rel, tempStore } from '../helpers/run.js';

it('rel profile and rel log suggest the close name; rel log offers it before --create', async () => {
  const store = tempStore('typo-names');
  for (const name of ['Fatima Khan', 'Hannah Weber', 'Tomasz Nowak']) await ok(['add', name], { store });
  const before = bytesOf(store);
  for (const [typed, label] of [
    ['fatma', 'Fatima Khan (fatima-khan)'],
    ['hanah', 'Hannah Weber (hannah-weber)'],
    ['tomsz', 'Tomasz Nowak (tomasz-nowak)'],
  ]) {
    const profile = await rel(['profile', typed!], { store });
    expect(profile.code, typed).toBe(2);
    expect(profile.stderr, typed).toContain(`Did you mean ${label}?`);
  }
  const log = await rel(['log', 'fatma', '--kind', 'call', '--note', 'x'], { store });
  expect(log.code).toBe(2);
  expect(log.stderr).toMatch(/Did you mean Fatima Khan \(fatima-khan\)\?[\s\S]*--create/);
  expect(bytesOf(store)).toEqual(before);
});
