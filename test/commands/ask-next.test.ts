// "Ask next time" notes stay open until they are marked asked: through messages, group meetings
// and flag-mode logs; closed by --asked and rel ask done, and kept with the day they were asked.
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/run.js';

async function seeded(): Promise<string> {
  const store = tempStore('ask');
  await ok(['add', "Tom O'Brien"], { store, now: '2026-11-01' });
  await ok(['add', 'Léa Martin'], { store, now: '2026-11-01' });
  for (const name of ['Ana Silva', 'Ben Ong', 'Kim Lee'])
    await ok(['add', name], { store, now: '2026-11-01' });
  await ok(
    ['log', 'tom', '--note', 'x', '--ask-next', 'How did the band gig go?', '--ask-next', 'The new flat?'],
    {
      store,
      now: '2026-11-02',
    },
  );
  return store;
}

const askNext = (store: string, who = 'tom') =>
  readJson(store).people.find((p: { id: string }) => p.id.startsWith(who)).askNext;

async function refused(args: string[], store: string): Promise<string> {
  const before = bytesOf(store);
  const r = await rel(args, { store, now: '2026-11-10' });
  expect(r.code, r.stderr).toBe(2);
  expect(bytesOf(store)).toEqual(before);
  return r.stderr;
}

describe('ask-next notes stay until asked', () => {
  it('survive a message, a group meeting and a flag log, each of which says what is still open', async () => {
    const store = await seeded();
    const message = await ok(['log', 'tom', '--kind', 'message', '--note', 'slack'], {
      store,
      now: '2026-11-03',
    });
    expect(message).toContain('Still to ask Tom: How did the band gig go? · The new flat?');
    await ok(['log', 'tom', 'lea', 'ana', 'ben', 'kim', '--kind', 'meeting', '--note', 'all-hands'], {
      store,
      now: '2026-11-04',
    });
    const flags = await ok(['log', 'tom', '--note', '1:2:1 from a script'], { store, now: '2026-11-05' });
    expect(flags).toContain('Still to ask Tom: How did the band gig go? · The new flat?');
    expect(askNext(store).map((a: { askedOn?: string }) => a.askedOn ?? null)).toEqual([null, null]);
    const profile = JSON.parse(await ok(['profile', 'tom', '--json'], { store, now: '2026-11-05' }));
    expect(profile.askNext.map((a: { text: string }) => a.text)).toEqual([
      'How did the band gig go?',
      'The new flat?',
    ]);
  });

  it('--asked marks one by words, keeps it with the day, and leaves the rest open', async () => {
    const store = await seeded();
    const out = await ok(['log', 'tom', '--kind', 'call', '--asked', 'band gig'], {
      store,
      now: '2026-11-06',
    });
    expect(out).toContain('Still to ask Tom: The new flat?');
    expect(out).not.toContain('band gig');
    expect(askNext(store)).toMatchObject([
      { text: 'How did the band gig go?', askedOn: '2026-11-06' },
      { text: 'The new flat?' },
    ]);
    expect(askNext(store)[1].askedOn).toBeUndefined();
    const profile = JSON.parse(await ok(['profile', 'tom', '--json'], { store, now: '2026-11-06' }));
    expect(profile.askNext.map((a: { text: string }) => a.text)).toEqual(['The new flat?']);
  });

  it('--asked with several people: a Name: prefix says whose, all takes every open one', async () => {
    const store = await seeded();
    await ok(['ask', 'lea', 'The new job?'], { store, now: '2026-11-02' });
    await ok(['log', 'tom', 'lea', '--kind', 'coffee', '--asked', 'Léa: all', '--asked', 'Tom: flat'], {
      store,
      now: '2026-11-07',
    });
    expect(askNext(store, 'lea')[0].askedOn).toBe('2026-11-07');
    expect(askNext(store).map((a: { askedOn?: string }) => a.askedOn ?? null)).toEqual([null, '2026-11-07']);
    await ok(['log', 'tom', '--asked', 'all'], { store, now: '2026-11-08' });
    expect(askNext(store).map((a: { askedOn?: string }) => a.askedOn)).toEqual(['2026-11-08', '2026-11-07']);
  });

  it('--asked that picks nothing, or several, is exit 2 and writes nothing', async () => {
    const store = await seeded();
    expect(await refused(['log', 'tom', '--asked', 'holiday'], store)).toContain(
      'No open "ask next time" note of Tom O\'Brien matches "holiday"',
    );
    await ok(['ask', 'tom', 'How did the band rehearsal go?'], { store, now: '2026-11-02' });
    expect(await refused(['log', 'tom', '--asked', 'band'], store)).toContain('fits several');
    // Léa has none open; "Léa: gig" does not reach Tom's.
    expect(await refused(['log', 'tom', 'lea', '--asked', 'Léa: gig'], store)).toContain('There is no open');
  });

  it('rel ask lists, adds and marks done, with --json on each; --all shows when each was asked', async () => {
    const store = await seeded();
    const added = JSON.parse(
      await ok(['ask', 'tom', 'Kids’ names?', '--json'], { store, now: '2026-11-03' }),
    );
    expect(added).toMatchObject({ text: 'Kids’ names?', addedOn: '2026-11-03', askedOn: null });
    expect(await ok(['ask', 'tom'], { store, now: '2026-11-04' })).toMatch(
      /To ask Tom O'Brien next time\n {2}• How did the band gig go\? {2}noted 2 Nov\n {2}• The new flat\?/,
    );
    const done = JSON.parse(await ok(['ask', 'done', 'tom', 'gig', '--json'], { store, now: '2026-11-05' }));
    expect(done).toMatchObject({ text: 'How did the band gig go?', askedOn: '2026-11-05' });
    expect(await ok(['ask', 'done', 'tom', added.id], { store, now: '2026-11-05' })).toContain(
      'Asked: Kids’ names?',
    );
    const open = JSON.parse(await ok(['ask', 'tom', '--json'], { store }));
    expect(open.map((q: { text: string }) => q.text)).toEqual(['The new flat?']);
    const all = JSON.parse(await ok(['ask', 'tom', '--all', '--json'], { store }));
    expect(all.map((q: { askedOn: string | null }) => q.askedOn)).toEqual(['2026-11-05', null, '2026-11-05']);
    expect(await ok(['ask', 'tom', '--all'], { store, now: '2026-11-06' })).toMatch(
      /Asked\n {2}• How did the band gig go\? {2}asked 5 Nov/,
    );
    // Asking again about one asked already changes nothing.
    const again = await rel(['ask', 'done', 'tom', 'gig'], { store, now: '2026-11-09' });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('was asked on 2026-11-05; nothing changed');
    expect(askNext(store)[0].askedOn).toBe('2026-11-05');
  });

  it('rel undo takes back a note marked asked, in words', async () => {
    const store = await seeded();
    await ok(['ask', 'done', 'tom', 'gig'], { store, now: '2026-11-05' });
    expect(await ok(['undo'], { store })).toContain(
      "Undone: marked asked 'How did the band gig go?' (Tom O'Brien)",
    );
    expect(askNext(store)[0].askedOn).toBeUndefined();
  });
});
