// The calendar feed's check-ins follow rel due: a snoozed person's is on the day the snooze ends,
// and one due on a day not worked is on the working day before (the working-days setting).
import { expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

const checkInDay = (ics: string, id: string) =>
  new RegExp(`UID:checkin-${id}@rel\\r\\n(?:[^\\r]*\\r\\n)*?DTSTART;VALUE=DATE:(\\d{8})`).exec(ics)?.[1];

it('rel export --format ics puts each check-in on the day rel due lists them', async () => {
  const store = tempStore('ics-due');
  const o = { store, now: '2026-11-20T09:00:00' };
  await ok(['add', 'Li Wei', '--cadence', '1w'], o);
  await ok(['add', 'Ana Silva', '--cadence', '1w'], o);
  await ok(['log', 'li', '--note', 'x'], o);
  await ok(['log', 'ana', '--date', '2026-11-29', '--note', 'x'], { ...o, now: '2026-11-29T09:00:00' });
  const today = { store, now: '2026-12-01T09:00:00' };
  await ok(['snooze', 'li', '--until', '2026-12-14'], today);
  const ics = await ok(['export', '--format', 'ics'], today);
  expect(checkInDay(ics, 'li-wei')).toBe('20261214'); // not today: snoozed until 14 Dec
  expect(checkInDay(ics, 'ana-silva')).toBe('20261204'); // due Sun 6 Dec: Friday 4 Dec
  const everyDay = await ok(['export', '--format', 'ics'], {
    ...today,
    env: { REL_WORKING_DAYS: 'mon,tue,wed,thu,fri,sat,sun' },
  });
  expect(checkInDay(everyDay, 'ana-silva')).toBe('20261206');
});
