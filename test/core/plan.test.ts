import { describe, expect, it } from 'vitest';
import { addDaysTo } from '../../src/core/dates.js';
import type { DueRow } from '../../src/core/due.js';
import type { Person } from '../../src/core/journal.js';
import { dateSections, groupRows, summarize } from '../../src/core/plan.js';
import { shownDueOn } from '../../src/ui/display.js';
import { wholePerson } from '../helpers/journal.js';

const row = (id: string, overdueDays: number, dueOn: string, cadenceDays = 14): DueRow => ({
  id,
  name: id.toUpperCase(),
  lastSeen: null,
  daysSince: null,
  lastTogether: null,
  daysSinceTogether: null,
  cadenceDays,
  dueOn,
  overdueDays,
  overdueFollowUps: [],
  lastAppreciated: null,
});

const person = (id: string, team: string, tags: string[]): Person =>
  wholePerson(id, id.toUpperCase(), { team, tags });

describe('groupRows', () => {
  const people = [person('a', 'Platform', ['x', 'y']), person('b', '', []), person('c', 'api', ['y'])];
  const rows = [row('b', 20, '2026-11-07'), row('a', 5, '2026-11-22'), row('c', 0, '2026-11-27')];

  it('sorts groups alphabetically, ignoring case, with "none" last, keeping the due order inside', () => {
    expect(groupRows(rows, people, 'team').map((r) => [r.group, r.id])).toEqual([
      ['api', 'c'],
      ['Platform', 'a'],
      [null, 'b'],
    ]);
  });

  it('lists someone under each of their tags', () => {
    expect(groupRows(rows, people, 'tag').map((r) => [r.group, r.id])).toEqual([
      ['x', 'a'],
      ['y', 'a'],
      ['y', 'c'],
      [null, 'b'],
    ]);
  });
});

describe('dateSections', () => {
  const today = '2026-11-27'; // a Friday
  const rows = [
    row('late', 3, '2026-11-24'),
    row('now', 0, '2026-11-27'),
    row('sat', -1, '2026-11-28'),
    row('mon', -3, '2026-11-30'),
    row('mon2', -3, '2026-11-30'),
    row('next', -12, '2026-12-09'),
  ];

  it('plans day by day for a window up to two weeks', () => {
    expect(dateSections(rows, today, 14, 1).map((s) => [s.kind, s.start, s.rows.length])).toEqual([
      ['overdue', null, 1],
      ['today', today, 1],
      ['day', '2026-11-28', 1],
      ['day', '2026-11-30', 2],
      ['day', '2026-12-09', 1],
    ]);
  });

  it('plans week by week for a longer window, weeks starting on the chosen day', () => {
    expect(dateSections(rows, today, 30, 1).map((s) => [s.kind, s.start, s.rows.length])).toEqual([
      ['overdue', null, 1],
      ['today', today, 1],
      ['week', '2026-11-23', 1],
      ['week', '2026-11-30', 2],
      ['week', '2026-12-07', 1],
    ]);
    expect(dateSections(rows, today, 30, 0).map((s) => s.start)).toEqual([
      null,
      today,
      '2026-11-22',
      '2026-11-29',
      '2026-12-06',
    ]);
  });

  it.each([
    // Friday 27 Nov: due Saturday or Sunday is shown, and planned, on Friday: today
    ['2026-11-27', '2026-11-28', -1, 'today', '2026-11-27'],
    ['2026-11-27', '2026-11-29', -2, 'today', '2026-11-27'],
    // Wednesday: a Saturday check-in is planned on Friday
    ['2026-11-25', '2026-11-28', -3, 'day', '2026-11-27'],
    // Saturday: a Sunday check-in was due on Friday, and stays due: overdue
    ['2026-11-28', '2026-11-29', -1, 'overdue', null],
    // A working day is its own
    ['2026-11-25', '2026-11-30', -5, 'day', '2026-11-30'],
  ] as const)('today %s, due %s: planned as %s on %s (mon-fri)', (today, dueOn, days, kind, start) => {
    // Met two weeks before the due day: a check-in set then (someone never met is due the day added).
    const met = { ...row('a', days, dueOn), lastTogether: addDaysTo(dueOn, -14) };
    const [section] = dateSections([met], today, 14, 1, (r) => shownDueOn(r));
    expect([section!.kind, section!.start]).toEqual([kind, start]);
  });
});

describe('summarize', () => {
  it('counts each person once: due, long overdue (more than a whole cadence late), coming', () => {
    const rows = [row('a', 15, '2026-11-12', 14), row('b', 14, '2026-11-13', 14), row('c', -2, '2026-11-29')];
    expect(summarize([...rows, { ...rows[0]! }])).toEqual({
      due: 2,
      longOverdue: 1,
      coming: 1,
      birthdays: 0,
    });
    expect(summarize([{ ...rows[2]!, reason: 'birthday' }]).birthdays).toBe(1);
  });
});
