// A journal written by a machine whose clock ran a day ahead (or read with REL_NOW set back): what
// is dated tomorrow is said as tomorrow or "in 1 day" wherever rel words a date, never "-1 days".
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

const TOMORROW = '2026-11-28T12:00:00';
const NEGATIVE = /(^|[^\w-])-\d+ ?(days?|weeks?|months?|years?|d)\b/;

describe('dates a day ahead of the clock', () => {
  const store = tempStore('clock-behind');
  beforeAll(async () => {
    await ok(['add', 'Nova Reyes', '--cadence', '2w'], { store, now: TOMORROW });
    await ok(['add', 'Omar Haddad'], { store, now: TOMORROW });
    await ok(
      [
        'log',
        'nova',
        '--note',
        'Planning',
        '--heard',
        'Worried about the launch',
        '--ambition',
        'Lead a team',
        '--follow-up',
        'Send the doc',
      ],
      { store, now: TOMORROW },
    );
    await ok(['thanks', 'nova', 'the launch plan'], { store, now: TOMORROW });
  });

  it.each([
    ['due', '--within', '3m'],
    ['people'],
    ['profile', 'nova'],
    ['profile', 'omar'],
    ['history', 'nova'],
    ['agenda', 'nova'],
    ['todo'],
    ['stats'],
    ['pulse'],
    ['ambition', 'nova'],
    ['thanks', 'nova'],
  ])('rel %s says no negative span', async (...args) => {
    const out = await ok(args, { store });
    expect(out).not.toMatch(NEGATIVE);
  });

  it('rel stats --json counts no negative days for someone added tomorrow', async () => {
    const stats = JSON.parse(await ok(['stats', '--json'], { store }));
    for (const gap of stats.longestGaps) expect(gap.days).toBeGreaterThanOrEqual(0);
  });
});
