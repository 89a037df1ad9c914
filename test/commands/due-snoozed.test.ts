// rel due --within lists someone whose snooze ends inside the window on the day it ends (as the
// calendar feed has it), counted as coming due, from a full read and from the summary alike.
import { describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

describe('rel due --within and snoozes', () => {
  it('plans someone on the day their snooze ends, however overdue by then', async () => {
    const store = tempStore('due-snoozed');
    const o = { store, now: '2026-12-02T10:00:00' };
    for (const name of ['Ana Silva', 'Ben Okafor']) {
      await ok(['add', name, '--cadence', '2w'], { ...o, now: '2026-11-01T10:00:00' });
      await ok(['log', name.split(' ')[0]!, '--kind', 'walk'], { ...o, now: '2026-11-01T10:00:00' });
    }
    await ok(['snooze', 'ana', '--until', '2026-12-10'], o);
    // Twice: the first reads the journal in full, the second the summary it left.
    for (let i = 0; i < 2; i++) {
      const week = await ok(['due', '--within', '2w'], { ...o, env: { COLUMNS: '120' } });
      expect(week.split('\n')[0]).toBe(
        '1 person due a catch-up · 1 not seen in over twice their cadence · 1 coming due in the next 2 weeks',
      );
      expect(week).toMatch(
        /\nOverdue\nName .*\nBen Okafor .*due 3 weeks ago · 13 Nov\n\nThu 10 Dec\nAna Silva .*snoozed until 10 Dec \(due since 13 Nov\)\n/,
      );
      const rows = JSON.parse(await ok(['due', '--within', '2w', '--json'], o));
      expect(rows.map((r: { id: string; snoozedUntil?: string }) => [r.id, r.snoozedUntil])).toEqual([
        ['ben-okafor', undefined],
        ['ana-silva', '2026-12-10'],
      ]);
      // Not due today, nor in a window that ends before the snooze does.
      expect(await ok(['due', '--json'], o)).not.toContain('ana-silva');
      expect(await ok(['due', '--within', '1w', '--json'], o)).not.toContain('ana-silva');
    }
    // The day before, a week ahead: tomorrow.
    const before = await ok(['due', '--within', '1w'], { ...o, now: '2026-12-09T10:00:00' });
    expect(before).toMatch(/\nTomorrow · Thu 10 Dec\nAna Silva /);
    // The same day the calendar feed gives.
    expect(await ok(['export', '--format', 'ics'], o)).toMatch(
      /DTSTART;VALUE=DATE:20261210\r?\n(.*\r?\n)*?SUMMARY:Catch up with Ana Silva/,
    );
    // On the day, due as any other: the snooze is over.
    const on = JSON.parse(await ok(['due', '--json'], { ...o, now: '2026-12-10T10:00:00' }));
    expect(on.map((r: { id: string; snoozedUntil?: string }) => [r.id, r.snoozedUntil])).toEqual([
      ['ana-silva', undefined],
      ['ben-okafor', undefined],
    ]);
  });
});
