import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, ok, rel, tempStore } from '../helpers/run.js';

const SHAPE = [
  'id',
  'name',
  'lastSeen',
  'daysSince',
  'lastTogether',
  'daysSinceTogether',
  'cadenceDays',
  'dueOn',
  'overdueDays',
  'overdueFollowUps',
  'lastAppreciated',
  'reason',
];

describe('rel due: planning views', () => {
  const store = tempStore('plan');
  beforeAll(async () => {
    await ok(['demo'], { store });
  });

  it('starts with a one-line summary', async () => {
    const out = await ok(['due'], { store });
    // Ben is due on Saturday, so on Friday (the working day before it) he is due: 5, not 4.
    expect(out.split('\n')[0]).toBe('5 people due a catch-up · 2 not seen in over twice their cadence');
    expect(out).toMatch(/\nBen Okafor .*due today\n/);
    const everyDay = await ok(['due'], { store, env: { REL_WORKING_DAYS: 'mon-sun' } });
    expect(everyDay.split('\n')[0]).toBe('4 people due a catch-up · 2 not seen in over twice their cadence');
    expect(everyDay).not.toContain('Ben Okafor');
  });

  it('plans a week day by day, and a month week by week', async () => {
    const week = await ok(['due', '--within', '1w'], { store, env: { COLUMNS: '120' } });
    expect(week).toMatch(
      /^5 people due a catch-up · 2 not seen in over twice their cadence · 5 coming due in the next week\n/,
    );
    expect(week).toMatch(/\nOverdue\nName +Last seen +Cadence +When\nJonas Weber /);
    // Ben is due on Saturday: shown, and planned, on the working day before it (today).
    expect(week).toMatch(/\nToday · Fri 27 Nov\nBen Okafor .*due today\n/);
    const everyDay = await ok(['due', '--within', '1w'], {
      store,
      env: { COLUMNS: '120', REL_WORKING_DAYS: 'mon-sun' },
    });
    expect(everyDay).toMatch(/\nTomorrow · Sat 28 Nov\nBen Okafor .*due tomorrow · 28 Nov\n/);
    expect(week).toContain('\nMon 30 Nov\n');
    const month = await ok(['due', '--within', '1m'], { store });
    expect(month).toMatch(/\nToday · Fri 27 Nov\nBen Okafor /);
    const monthEveryDay = await ok(['due', '--within', '1m'], {
      store,
      env: { REL_WORKING_DAYS: 'mon-sun' },
    });
    expect(monthEveryDay).toMatch(/\nLater this week\nBen Okafor /);
    expect(month).toContain('\nWeek of Mon 30 Nov\n');
    expect(month).toContain('\nWeek of Mon 7 Dec\n');
    const sunday = await ok(['due', '--within', '1m'], { store, env: { REL_WEEK_START: 'sunday' } });
    expect(sunday).toContain('\nWeek of Sun 29 Nov\n');
  });

  it('groups by team, relationship or tag; JSON rows keep their shape and gain "group"', async () => {
    const text = await ok(['due', '--group', 'team'], { store });
    expect(text).toMatch(/\nPlatform\n(.*\n)*Eve Nakamura /);
    expect(text).toContain('\nSecurity\nJonas Weber ');
    const rows = JSON.parse(await ok(['due', '--group', 'relationship', '--json'], { store }));
    for (const r of rows) expect(Object.keys(r)).toEqual([...SHAPE, 'group']);
    expect(rows.map((r: { group: string }) => r.group)).toEqual([
      'report',
      'report',
      'report',
      'report',
      'stakeholder',
    ]);
    const plain = JSON.parse(await ok(['due', '--within', '2w', '--json'], { store }));
    for (const r of plain) expect(Object.keys(r)).toEqual(SHAPE);
  });

  it('counts everyone in the summary when --limit shortens the list', async () => {
    expect((await ok(['due', '--limit', '1'], { store })).split('\n')[0]).toBe(
      '5 people due a catch-up · 2 not seen in over twice their cadence · showing 1',
    );
  });

  it('refuses an unknown grouping with exit 2 and touches nothing', async () => {
    const before = bytesOf(store);
    const r = await rel(['due', '--group', 'colour'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--group "colour" is not one of team, relationship, tag');
    expect(bytesOf(store)?.equals(before!)).toBe(true);
  });
});
