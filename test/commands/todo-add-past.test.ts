// rel todo add with a due day already past keeps it (a promise recorded late) and says it is overdue.
import { describe, expect, it } from 'vitest';
import { ok, readJson, tempStore } from '../helpers/run.js';

describe('rel todo add', () => {
  it.each([
    [
      'yesterday',
      '2026-12-07',
      'Added a follow-up for Ana Silva: Send deck, due Mon 7 Dec, already past: it shows as overdue',
    ],
    ['today', '2026-12-08', 'Added a follow-up for Ana Silva: Send deck, due Tue 8 Dec ('],
    ['friday', '2026-12-11', 'Added a follow-up for Ana Silva: Send deck, due Fri 11 Dec ('],
  ])('--due %s is %s, said so', async (when, day, said) => {
    const store = tempStore('todo-add-past');
    const o = { store, now: '2026-12-08' };
    await ok(['add', 'Ana Silva'], o);
    const out = await ok(['todo', 'add', 'ana', 'Send deck', '--due', when], o);
    expect(out.replace(/\s+/g, ' ')).toContain(said);
    if (when !== 'yesterday') expect(out).not.toContain('already past');
    expect(readJson(store).followUps[0].due).toBe(day);
  });
});
