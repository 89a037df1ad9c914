// An id another journal gave apart is not a person: before ids had random parts, every name with no
// Latin letter was `person` (and a second Ana Silva `ana-silva-2`) on each machine. rel import
// takes an id already here for the person here only when it is the same record (made at the same
// moment, which a rename keeps) or the same name; else the person comes in under an id of their
// own, with their records, and nothing of theirs joins the other.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wholePerson } from '../helpers/journal.js';
import { ok, readJson, rel, tempDir } from '../helpers/run.js';

const person = (id: string, name: string, createdAt: string) => wholePerson(id, name, { createdAt });

const conversation = (id: string, withIds: string[], heardFrom?: (string | null)[]) => ({
  id,
  date: '2026-10-01',
  with: withIds,
  kind: 'coffee',
  minutes: null,
  note: `note ${id}`,
  heard: heardFrom ? heardFrom.map((_, i) => `heard ${i}`) : [],
  ...(heardFrom ? { heardFrom } : {}),
  createdAt: '2026-10-01T10:00:00.000Z',
});

function exportFile(dir: string, name: string, journal: object) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ schema: 2, tombstones: [], followUps: [], ...journal }));
  return file;
}

/** A journal holding Ελένη Παππά under the old id `person`, and Ana Silva. */
async function journal(dir: string) {
  const store = path.join(dir, 'j.json');
  const here = exportFile(dir, 'here.json', {
    people: [
      person('person', 'Ελένη Παππά', '2026-01-05T09:00:00.000Z'),
      person('ana-silva', 'Ana Silva', '2026-01-06T09:00:00.000Z'),
    ],
    conversations: [conversation('c-here', ['person'])],
  });
  await ok(['import', here], { store, now: '2026-11-20' });
  return store;
}

type Record = {
  id: string;
  name?: string;
  with?: string[];
  heardFrom?: (string | null)[];
  personId?: string;
};
const byId = (list: Record[], id: string) => list.find((r) => r.id === id)!;

describe('rel import: an id taken here by someone else', () => {
  it('a JSON export whose `person` is another person: imported apart, with their records', async () => {
    const dir = tempDir('import-ids');
    const store = await journal(dir);
    const old = exportFile(dir, 'old.json', {
      people: [person('person', '李小龍', '2025-03-01T09:00:00.000Z')],
      conversations: [conversation('c-old', ['person', 'ana-silva'], ['person', null])],
      followUps: [
        {
          id: 'f-old',
          personId: 'person',
          conversationId: null,
          text: 'Send the book',
          owner: 'me',
          due: null,
          doneAt: null,
          createdAt: '2026-10-01T10:00:00.000Z',
        },
      ],
    });
    const r = await rel(['import', old, '--json'], { store, now: '2026-11-21' });
    expect(r.code).toBe(0);
    const added = JSON.parse(r.stdout).people.added;
    expect(added).toEqual([
      { id: expect.stringMatching(/^person-[a-z0-9]{6}$/), name: '李小龍', line: null },
    ]);
    const newId = added[0].id;
    const j = readJson(store);
    expect(j.people.map((p: Record) => [p.id, p.name])).toEqual([
      ['person', 'Ελένη Παππά'],
      ['ana-silva', 'Ana Silva'],
      [newId, '李小龍'],
    ]);
    expect(byId(j.conversations, 'c-old')).toMatchObject({
      with: [newId, 'ana-silva'],
      heardFrom: [newId, null],
    });
    expect(byId(j.conversations, 'c-here').with).toEqual(['person']);
    expect(byId(j.followUps, 'f-old').personId).toBe(newId);
    // Importing it again adds nothing: the person is there now, by name.
    const again = await rel(['import', old, '--json'], { store, now: '2026-11-22' });
    expect(JSON.parse(again.stdout).people.added).toEqual([]);
    expect(readJson(store).people).toHaveLength(3);
  });

  it('the same record renamed since, or the same name, is the person here', async () => {
    const dir = tempDir('import-ids');
    const store = await journal(dir);
    const old = exportFile(dir, 'old.json', {
      people: [
        // Ελένη's own record, before a rename: made at the same moment.
        person('person', 'Eleni Pappa', '2026-01-05T09:00:00.000Z'),
        // Another journal's Ana Silva, under the id a second Ana Silva had there.
        person('ana-silva-2', 'Ana Silva', '2025-02-01T09:00:00.000Z'),
      ],
      conversations: [
        conversation('c-renamed', ['person']),
        conversation('c-ana', ['ana-silva-2', 'person'], ['ana-silva-2', null]),
      ],
    });
    const r = await rel(['import', old, '--json'], { store, now: '2026-11-21' });
    expect(JSON.parse(r.stdout).people.added).toEqual([]);
    const j = readJson(store);
    expect(j.people).toHaveLength(2);
    expect(byId(j.conversations, 'c-renamed').with).toEqual(['person']);
    expect(byId(j.conversations, 'c-ana')).toMatchObject({
      with: ['ana-silva', 'person'],
      heardFrom: ['ana-silva', null],
    });
  });

  it("rel's own CSV tables: the person apart, and their conversations with them", async () => {
    const dir = tempDir('import-ids');
    const source = path.join(dir, 'source.json');
    const old = exportFile(dir, 'old.json', {
      people: [person('person', '李小龍', '2025-03-01T09:00:00.000Z')],
      conversations: [conversation('c-old', ['person'])],
    });
    await ok(['import', old], { store: source, now: '2026-11-20' });
    await ok(['export', '--format', 'csv', '--out', path.join(dir, 'csv')], { store: source });
    const store = await journal(dir);
    for (const table of ['people.csv', 'conversations.csv'])
      await ok(['import', path.join(dir, 'csv', table)], { store, now: '2026-11-21' });
    const j = readJson(store);
    const li = j.people.find((p: Record) => p.name === '李小龍');
    expect(li.id).toMatch(/^person-[a-z0-9]{6}$/);
    expect(byId(j.conversations, 'c-old').with).toEqual([li.id]);
    expect(byId(j.conversations, 'c-here').with).toEqual(['person']);
  });
});
