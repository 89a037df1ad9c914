// A check-in that comes due on a day not worked is due from the working day before it, and its
// When text counts from that day every day after, as one due on a working day counts from its own
// day: never "due today" again on the day off, never its own date once that day is past.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, tempDir } from '../helpers/run.js';

async function journal() {
  const store = path.join(tempDir('due-day-off'), 'j.json');
  await ok(['add', 'Sun Person', '--cadence', 'weekly'], { store, now: '2026-11-20' });
  await ok(['add', 'Wed Person', '--cadence', 'weekly'], { store, now: '2026-11-20' });
  // Sun Person is due on Sunday 29 Nov (shown on Friday 27 Nov); Wed Person on Wednesday 25 Nov.
  await ok(['log', 'sun', '--date', '2026-11-22'], { store, now: '2026-11-22' });
  await ok(['log', 'wed', '--date', '2026-11-18'], { store, now: '2026-11-22' });
  return store;
}

const when = (table: string, name: string) =>
  table
    .split('\n')
    .find((line) => line.startsWith(name))
    ?.split(/\s{2,}/)
    .at(-1);

describe('rel due: the When of a check-in due on a day off', () => {
  it.each([
    // today, Sun Person (due Sun 29, from Fri 27), Wed Person (due Wed 25, a working day)
    ['2026-11-26', 'due tomorrow · 27 Nov', 'due yesterday · 25 Nov'],
    ['2026-11-27', 'due today', 'due 2 days ago · 25 Nov'],
    ['2026-11-28', 'due yesterday · 27 Nov', 'due 3 days ago · 25 Nov'],
    ['2026-11-29', 'due 2 days ago · 27 Nov', 'due 4 days ago · 25 Nov'],
    ['2026-11-30', 'due 3 days ago · 27 Nov', 'due 5 days ago · 25 Nov'],
    ['2026-12-01', 'due 4 days ago · 27 Nov', 'due 6 days ago · 25 Nov'],
    ['2026-12-02', 'due 5 days ago · 27 Nov', 'due 7 days ago · 25 Nov'],
  ])('on %s', async (now, sun, wed) => {
    const store = await journal();
    const table = await ok(['due', '--within', '1d'], { store, now });
    expect([when(table, 'Sun Person'), when(table, 'Wed Person')]).toEqual([sun, wed]);
    // --json keeps the check-in's own day and the days since it.
    const rows = JSON.parse(await ok(['due', '--within', '1d', '--json'], { store, now }));
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(rows.map((r: { dueOn: string; overdueDays: number }) => [r.dueOn, r.overdueDays])).toEqual(
      expect.arrayContaining([
        ['2026-11-29', days('2026-11-29', now)],
        ['2026-11-25', days('2026-11-25', now)],
      ]),
    );
  });
});

describe('someone added on a day off', () => {
  it('is due today on the day they were added, never before it', async () => {
    const store = path.join(tempDir('due-added-day-off'), 'j.json');
    // Sunday 1 Nov.
    await ok(['add', 'Finn Gray'], { store, now: '2026-11-01T10:00:00' });
    for (const weekStart of ['monday', 'sunday']) {
      const env = { REL_WEEK_START: weekStart, COLUMNS: '120' };
      const o = { store, now: '2026-11-01T10:00:00', env };
      expect(when(await ok(['due'], o), 'Finn Gray')).toBe('due today');
      expect(await ok(['due', '--within', '1m'], o)).toMatch(
        /\nToday · Sun 1 Nov\nName .*\nFinn Gray .*due today\n/,
      );
      expect((await ok(['profile', 'finn'], o)).split('\n').slice(0, 3).join('\n')).toContain('due today');
      expect(when(await ok(['due'], { ...o, now: '2026-11-02T10:00:00' }), 'Finn Gray')).toBe(
        'due yesterday · 1 Nov',
      );
      expect(await ok(['people'], o)).toMatch(/Finn Gray .*due today/);
    }
    expect(await ok(['export', '--format', 'ics'], { store, now: '2026-11-01T10:00:00' })).toContain(
      'DTSTART;VALUE=DATE:20261101',
    );
  });
});
