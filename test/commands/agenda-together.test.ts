// The agenda's long gap and first conversation follow time together: an all-hands since a 1:2:1
// long ago did not make the gap short, and someone only ever seen in groups has had no
// conversation of their own yet.
import { describe, expect, it } from 'vitest';
import { ok, tempStore } from '../helpers/run.js';

const at = (store: string, on: string) => ({ store, now: `${on}T08:30:00` });

/** Ana (every two weeks) and three colleagues. */
async function addTeam(store: string, on: string): Promise<void> {
  await ok(['add', 'Ana Silva', '--cadence', '2w'], at(store, on));
  for (const name of ['Ben Okafor', 'Cleo Grant', 'Dev Patel']) await ok(['add', name], at(store, on));
}

/** An all-hands of the four on 26 Nov: a group, seen but not time together. */
async function allHands(store: string): Promise<void> {
  const team = ['ana', 'ben', 'cleo', 'dev'];
  await ok(
    ['log', ...team, '--kind', 'meeting', '--note', 'All-hands', '--date', '2026-11-26'],
    at(store, '2026-11-26'),
  );
}

describe('rel agenda and time together', () => {
  it('a 1:2:1 long ago and an all-hands last week: it has been a while, and both dates are said', async () => {
    const store = tempStore('agenda-together');
    await addTeam(store, '2026-09-01');
    await ok(['log', 'ana', '--note', 'Career talk', '--date', '2026-10-26'], at(store, '2026-10-26'));
    await allHands(store);
    const md = await ok(['agenda', 'ana'], at(store, '2026-12-03'));
    expect(md).toContain('last together 5 weeks ago (26 Oct), seen since 26 Nov');
    expect(md).toContain('It has been a while: ask what has changed for them since you last talked');
    const json = JSON.parse(await ok(['agenda', 'ana', '--json'], at(store, '2026-12-03')));
    expect(json).toMatchObject({ lastSeen: '2026-11-26', lastTogether: '2026-10-26' });
  });

  it('only ever seen in groups: not together yet, and a first conversation', async () => {
    const store = tempStore('agenda-groups-only');
    await addTeam(store, '2026-11-01');
    await allHands(store);
    const md = await ok(['agenda', 'ana'], at(store, '2026-12-03'));
    expect(md).toContain('not together yet, seen 26 Nov');
    expect(md).toContain('A first conversation: ask what matters to them, at work and outside it');
    const json = JSON.parse(await ok(['agenda', 'ana', '--json'], at(store, '2026-12-03')));
    expect(json).toMatchObject({ lastSeen: '2026-11-26', lastTogether: null });
  });
});
