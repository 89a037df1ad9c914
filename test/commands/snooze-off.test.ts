// rel snooze --off on someone not snoozed (never, or the snooze already over) says so and changes
// nothing, as rel unarchive and rel left --off do; on someone snoozed it ends the snooze.
import { describe, expect, it } from 'vitest';
import { folderBytes, ok, rel, tempStore } from '../helpers/run.js';

describe('rel snooze --off', () => {
  it.each([
    ['never snoozed', undefined],
    ['a snooze already over', '2026-11-20'],
  ])('%s: "is not snoozed; nothing changed", the folder as it was', async (_what, until) => {
    const store = tempStore('snooze-off');
    await ok(['add', 'Jonas Weber'], { store, now: '2026-11-01' });
    if (until) await ok(['snooze', 'jonas', '--until', until], { store, now: '2026-11-10' });
    const before = folderBytes(store);
    const r = await rel(['snooze', 'jonas', '--off'], { store, now: '2026-12-01' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Jonas Weber is not snoozed; nothing changed.');
    expect(r.stdout).not.toContain('Snooze ended');
    expect(folderBytes(store)).toEqual(before);
  });

  it('ends a snooze that lasts', async () => {
    const store = tempStore('snooze-off-on');
    await ok(['add', 'Jonas Weber'], { store, now: '2026-11-01' });
    await ok(['snooze', 'jonas', '--until', '2026-12-20'], { store, now: '2026-12-01' });
    expect(await ok(['snooze', 'jonas', '--off'], { store, now: '2026-12-01' })).toContain(
      'Snooze ended: Jonas Weber is back in rel due.',
    );
  });
});
