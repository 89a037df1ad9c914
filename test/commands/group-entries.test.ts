// Entries in a conversation with several people: without a `Name: ` prefix, a follow-up is one
// record for everyone there and an ask-next note goes to each; ambitions and skills need a name.
import { describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/run.js';

async function seeded(): Promise<string> {
  const store = tempStore('group');
  for (const name of ['Ana Silva', 'Ben Ong', 'Kim Lee'])
    await ok(['add', name], { store, now: '2026-11-01' });
  return store;
}

const profile = async (store: string, name: string) =>
  JSON.parse(await ok(['profile', name, '--json'], { store }));

describe('entries in a group', () => {
  it('a follow-up without a prefix concerns everyone there, shows for each and closes once', async () => {
    const store = await seeded();
    await ok(
      [
        'log',
        'ana',
        'ben',
        '--kind',
        'meeting',
        '--follow-up',
        'Send the notes',
        '--follow-up',
        'Ben: Book the room',
      ],
      {
        store,
      },
    );
    const [shared, bens] = readJson(store).followUps;
    expect(shared).toMatchObject({
      text: 'Send the notes',
      personId: 'ana-silva',
      personIds: ['ana-silva', 'ben-ong'],
    });
    expect(bens).toMatchObject({ text: 'Book the room', personId: 'ben-ong' });
    expect(bens.personIds).toBeUndefined();
    for (const name of ['ana', 'ben'])
      expect((await profile(store, name)).followUps.map((f: { text: string }) => f.text)).toContain(
        'Send the notes',
      );
    expect((await profile(store, 'kim')).followUps).toEqual([]);
    const todo = JSON.parse(await ok(['todo', '--json'], { store }));
    expect(todo.find((i: { text: string }) => i.text === 'Send the notes')).toMatchObject({
      personId: 'ana-silva',
      person: 'Ana Silva',
      people: ['Ana Silva', 'Ben Ong'],
    });
    expect(
      JSON.parse(await ok(['todo', 'ben', '--json'], { store })).map((i: { text: string }) => i.text),
    ).toEqual(['Send the notes', 'Book the room']);
    expect(await ok(['agenda', 'ben'], { store })).toContain('Send the notes');
    expect(await ok(['done', 'notes'], { store })).toContain('Done: Send the notes · Ana Silva and Ben Ong');
    for (const name of ['ana', 'ben'])
      expect(
        JSON.parse(await ok(['todo', name, '--json'], { store })).map((i: { text: string }) => i.text),
      ).not.toContain('Send the notes');
  });

  it('with someone added by the log itself, the follow-up for everyone names them by their saved id', async () => {
    const store = await seeded();
    const r = await rel(
      [
        'log',
        'ana',
        'Zoe Park',
        '--create',
        '--follow-up',
        'Send the notes',
        '--their-follow-up',
        'Zoe: Call',
        '--due',
        'friday',
      ],
      { store },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Zoe's promise"); // the new person's notes are shown under them
    const { followUps, people } = readJson(store);
    expect(people.map((p: { id: string }) => p.id)).toContain('zoe-park');
    expect(followUps[0]).toMatchObject({ text: 'Send the notes', personIds: ['ana-silva', 'zoe-park'] });
    expect(followUps[1]).toMatchObject({ text: 'Call', personId: 'zoe-park' });
    expect(JSON.parse((await rel(['doctor', '--json'], { store })).stdout).findings).toEqual([]);
  });

  it('an ask-next without a prefix is added to each person', async () => {
    const store = await seeded();
    await ok(
      ['log', 'ana', 'ben', '--kind', 'coffee', '--ask-next', 'The offsite?', '--ask-next', 'Ana: The move?'],
      {
        store,
      },
    );
    expect((await profile(store, 'ana')).askNext.map((a: { text: string }) => a.text)).toEqual([
      'The offsite?',
      'The move?',
    ]);
    expect((await profile(store, 'ben')).askNext.map((a: { text: string }) => a.text)).toEqual([
      'The offsite?',
    ]);
  });

  it.each([
    ['--ambition', 'Lead a team'],
    ['--skill', 'Plays cello'],
  ])('%s without a prefix in a group is exit 2 asking whose, and nothing is written', async (flag, text) => {
    const store = await seeded();
    const before = bytesOf(store);
    const r = await rel(['log', 'ana', 'ben', 'Zoe New', '--create', '--follow-up', 'x', flag, text], {
      store,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Whose is "${text}"?`);
    expect(r.stderr).toContain(`${flag} "Ana: ${text}"`);
    expect(bytesOf(store)).toEqual(before);
    // With a prefix it belongs to the one named; with one person it needs none.
    await ok(['log', 'ana', 'ben', flag, `Ben: ${text}`], { store });
    await ok(['log', 'kim', flag, text], { store });
    const field = flag === '--ambition' ? 'ambitions' : 'skills';
    expect((await profile(store, 'ben'))[field].map((a: { text: string }) => a.text)).toEqual([text]);
    expect((await profile(store, 'ana'))[field]).toEqual([]);
    expect((await profile(store, 'kim'))[field].map((a: { text: string }) => a.text)).toEqual([text]);
  });

  it('rel forget takes the person out of a group follow-up, and removes one only theirs', async () => {
    const store = await seeded();
    await ok(['log', 'ana', 'ben', 'kim', '--follow-up', 'Send the notes'], { store });
    await ok(['log', 'ana', 'ben', '--follow-up', 'Book the room'], { store });
    await ok(['todo', 'add', 'ana', 'Ana alone'], { store });
    await ok(['forget', 'ana', '--yes'], { store });
    const followUps = readJson(store).followUps;
    expect(followUps.map((f: { text: string }) => f.text)).toEqual(['Send the notes', 'Book the room']);
    expect(followUps[0]).toMatchObject({ personId: 'ben-ong', personIds: ['ben-ong', 'kim-lee'] });
    expect(followUps[1].personId).toBe('ben-ong');
    expect(followUps[1].personIds).toBeUndefined();
    await ok(['doctor'], { store });
  });

  it('rel merge re-points a group follow-up to the person kept', async () => {
    const store = await seeded();
    await ok(['add', 'Benjamin Ong'], { store });
    await ok(['log', 'ana', 'benjamin', 'kim', '--follow-up', 'Send the notes'], { store });
    await ok(['merge', 'ben-ong', 'benjamin'], { store });
    expect(readJson(store).followUps[0].personIds).toEqual(['ana-silva', 'ben-ong', 'kim-lee']);
    expect(JSON.parse(await ok(['todo', 'ben', '--json'], { store }))[0].people).toEqual([
      'Ana Silva',
      'Ben Ong',
      'Kim Lee',
    ]);
  });
});
