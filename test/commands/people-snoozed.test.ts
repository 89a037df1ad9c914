// rel people marks who is snoozed: the Next column says until when (rel due leaves them out until
// then), and --json carries snoozedUntil, from a full read and from the summary beside the journal.
import { describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

describe('rel people and snoozes', () => {
  it('says "snoozed until" while the snooze lasts, and the due date once it is over', async () => {
    const store = tempStore('people-snoozed');
    const o = { store, now: '2026-12-01' };
    await ok(['add', 'Li Wei'], { ...o, now: '2026-10-01' });
    await ok(['add', 'Ben Ong'], { ...o, now: '2026-10-01' });
    await ok(['snooze', 'li', '--until', '2026-12-14'], o);
    // Twice: the first reads the journal in full, the second the summary it left.
    for (let i = 0; i < 2; i++) {
      const table = await ok(['people'], o);
      expect(table).toMatch(/Li Wei .*snoozed until 14 Dec/);
      expect(table).toMatch(/Ben Ong .*due 2 months ago · 1 Oct/);
      const json = JSON.parse(await ok(['people', '--json'], o));
      expect(json.map((r: { snoozedUntil: string | null }) => r.snoozedUntil)).toEqual([null, '2026-12-14']);
    }
    expect(await ok(['people'], { ...o, now: '2026-12-14' })).toMatch(/Li Wei .*due 2 months ago · 1 Oct/);
  });
});
