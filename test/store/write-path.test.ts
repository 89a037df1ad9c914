// A write finds the records it did not change in the file it read (one record per line) instead
// of turning each into JSON again. Whatever the file's layout, it must write the same journal,
// stamp the same records and keep the same undo data as a write that compares every record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/core/journal.js';
import { DEFAULT_TOGETHER_RULES } from '../../src/core/together.js';
import { StoreError } from '../../src/errors.js';
import { fileVersion } from '../../src/store/files.js';
import { recordLines, serializeJournal } from '../../src/store/format.js';
import { Store } from '../../src/store/store.js';
import { readUndoData } from '../../src/store/undo.js';
import { conversation, person } from '../helpers/journal.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');

function ambition(id: string, text: string) {
  const on = '2026-09-01';
  return {
    id,
    text,
    addedOn: on,
    status: 'active',
    lastDiscussedOn: on,
    statusChangedOn: null,
    conversationId: null,
  };
}

/** A journal as rel writes it today: every field present, stamped. */
function complete() {
  const stamped = { updatedAt: '2026-01-02T09:00:00.000Z' };
  return {
    schema: 2,
    people: ['Ana', 'Ben', 'Cy', 'Dee'].map((name) =>
      person(name.toLowerCase(), name, {
        ambitions: name === 'Cy' ? [ambition('a1', 'Run a marathon'), ambition('a2', 'Learn Welsh')] : [],
        notes: [],
        askNext: [],
        snoozedUntil: null,
        ...stamped,
      }),
    ),
    conversations: [
      { ...conversation('c1', ['ana'], '2026-10-01', 'Roadmap'), ...stamped },
      { ...conversation('c2', ['ben', 'cy'], '2026-10-08', 'Offsite'), ...stamped },
    ],
    followUps: [
      {
        id: 'f1',
        personId: 'ana',
        conversationId: 'c1',
        text: 'Send the deck',
        owner: 'me',
        due: null,
        doneAt: null as string | null,
        createdAt: '2026-10-01T10:00:00.000Z',
        ...stamped,
      },
    ],
    tombstones: [],
  };
}

/** The same journal as a file written before some fields existed: rel fills them in on reading. */
function older() {
  const journal = complete();
  for (const p of journal.people as Record<string, unknown>[]) {
    for (const a of p.ambitions as Record<string, unknown>[]) delete a.statusChangedOn;
    delete p.notes;
    delete p.askNext;
    delete p.snoozedUntil;
  }
  delete (journal.followUps[0] as Record<string, unknown>).owner;
  return journal;
}

const LAYOUTS: [string, () => string][] = [
  ['as rel writes it', () => serializeJournal(complete())],
  ['from an older rel (fields filled in on reading)', () => serializeJournal(older())],
  [
    'with a line spaced by hand',
    () => serializeJournal(complete()).replace('{"id":"ben","name":"Ben"', '{"id": "ben", "name": "Ben"'),
  ],
  [
    // The same number of lines per list as rel's layout, but not one record per line.
    'with two records on one line and one over two',
    () => {
      const text = serializeJournal(complete());
      const [ana, ben] = complete().people.map((p) => JSON.stringify(p));
      return text
        .replace(`    ${ana},\n    ${ben},`, `    ${ana}, ${ben},`)
        .replace('},{"id":"a2"', '},\n    {"id":"a2"');
    },
  ],
];

type Edit = (journal: ReturnType<typeof complete>) => void;

const EDITS: [string, Edit][] = [
  [
    'a conversation added',
    (j) => {
      j.conversations.push({ ...conversation('c3', ['dee'], '2026-11-27', 'New'), updatedAt: '' });
    },
  ],
  [
    'a person renamed',
    (j) => {
      j.people[1]!.name = 'Benjamin';
    },
  ],
  ['a person removed', (j) => void j.people.splice(2, 1)],
  [
    'a follow-up done',
    (j) => {
      j.followUps[0]!.doneAt = NOW.toISOString();
    },
  ],
];

function storeWith(text: string): { store: Store; file: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rel-write-path-')), 'journal.json');
  fs.writeFileSync(file, text, { mode: 0o600 });
  return { store: new Store(file, { warn: () => {}, now: NOW }), file };
}

/** Writes `edit` on a file holding `text`; what the file and the undo data are afterwards. */
async function write(text: string, edit: Edit) {
  const { store, file } = storeWith(text);
  await store.read();
  await store.update((journal) => edit(journal as unknown as ReturnType<typeof complete>));
  const written = fs.readFileSync(file, 'utf8');
  const undo = (await readUndoData(file, async (bytes) => bytes.toString('utf8'))).entries;
  return { store, file, written, undo };
}

describe('recordLines', () => {
  it("finds each record's line in a file laid out as rel writes it", () => {
    const journal = complete();
    const lines = recordLines(serializeJournal(journal), journal);
    expect(lines?.get('people')).toEqual(journal.people.map((p) => JSON.stringify(p)));
    expect(lines?.get('conversations')).toEqual(journal.conversations.map((c) => JSON.stringify(c)));
  });

  it.each([
    ['indented by JSON.stringify', JSON.stringify(complete(), null, 2)],
    ['on one line', JSON.stringify(complete())],
    ['without the last newline', serializeJournal(complete()).slice(0, -1)],
    ['with a blank line', serializeJournal(complete()).replace('  ],\n', '  ],\n\n')],
    [
      'with a record less than the list holds',
      serializeJournal(complete()).replace(/ {4}\{"id":"dee".*\n/, ''),
    ],
  ])('is undefined for a file %s', (_, text) => {
    expect(recordLines(text, complete())).toBeUndefined();
  });

  it('is undefined for a file with a key given twice, whose first copy JSON.parse drops', () => {
    const people = complete().people;
    people[0]!.name = 'Ana Maria';
    const text = serializeJournal(complete()).replace(
      '  "tombstones": []\n',
      `  "tombstones": [], "people": ${JSON.stringify(people)}\n`,
    );
    expect(JSON.parse(text).people[0].name).toBe('Ana Maria');
    expect(recordLines(text, JSON.parse(text))).toBeUndefined();
  });
});

describe('a write that reuses the file’s lines', () => {
  // The same journal, laid out so that no line can be reused: every record is compared.
  const reference = (text: string, edit: Edit) => write(JSON.stringify(JSON.parse(text), null, 2), edit);

  for (const [layout, text] of LAYOUTS) {
    describe(`on a file ${layout}`, () => {
      it.each(EDITS)('%s: writes, stamps and keeps for undo what a full comparison does', async (_, edit) => {
        const expected = await reference(text(), edit);
        const actual = await write(text(), edit);
        expect(JSON.parse(actual.written)).toEqual(JSON.parse(expected.written));
        expect(actual.undo.map((e) => e.changes)).toEqual(expected.undo.map((e) => e.changes));
        // Only what the edit touched is stamped now; the rest keeps its stamp.
        const stampedNow = actual.written.split(NOW.toISOString()).length - 1;
        expect(stampedNow).toBeLessThanOrEqual(2);
        // The journal is written in rel's own layout, whatever it was read from.
        const parsed = JSON.parse(actual.written);
        expect(actual.written).toBe(serializeJournal(parsed));
      });

      it('a change that changes nothing writes nothing', async () => {
        const { store, file } = storeWith(text());
        const before = fs.readFileSync(file);
        await store.read();
        await store.update((journal) => journal.people.length);
        expect(fs.readFileSync(file)).toEqual(before);
        expect(fs.existsSync(path.join(path.dirname(file), '.journal.json.undo'))).toBe(false);
      });

      it('undo puts a removed person back as they were read', async () => {
        const { store, file } = await write(text(), (j) => void j.people.splice(2, 1));
        await store.undo();
        const after = JSON.parse(fs.readFileSync(file, 'utf8'));
        // Stamped for sync (updatedAt, and restores: the deletion it takes back), else as read.
        const { updatedAt: _, restores, ...cy } = after.people.find((p: { id: string }) => p.id === 'cy');
        const { updatedAt: __, ...read } = withDefaults(older() as never).people[2]!;
        expect(cy).toEqual(read);
        const stone = JSON.parse(
          fs.readFileSync(path.join(path.dirname(file), '.journal.json.backup-1'), 'utf8'),
        ).tombstones.at(-1);
        expect(restores).toBe(stone.deletedAt);
      });
    });
  }
});

describe('a list with two records of one id', () => {
  // Issue 15 made this a refusal: a change to such a journal could land on either record, and
  // rel doctor is the place that says which ids to fix.
  it('is read, but never written: the write is refused, pointing at rel doctor', async () => {
    const journal = complete();
    journal.conversations.push({ ...journal.conversations[0]! });
    const { store, file } = storeWith(serializeJournal(journal));
    const before = fs.readFileSync(file);
    expect((await store.read()).conversations.map((c) => c.id)).toEqual(['c1', 'c2', 'c1']);
    const change = store.update((j) => {
      j.people[0]!.name = 'Ana Maria';
    });
    await expect(change).rejects.toThrow(StoreError);
    await expect(change).rejects.toThrow(/ids used by more than one of the conversations \(c1\)/);
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['journal.json']);
  });
});

describe('a change that leaves a record the journal cannot hold', () => {
  // A read of a version rel wrote itself does not check it again (the stamp vouches for it), so
  // a record written with "0NaN-NaN-NaN" for a date made every later read fail while the writes
  // went on and rotated the good backups out. The write refuses instead, leaving every file as it was.
  it.each<[string, Edit, RegExp]>([
    [
      'a follow-up due "0NaN-NaN-NaN"',
      (j) => {
        j.followUps[0]!.due = '0NaN-NaN-NaN' as never;
      },
      /left a follow-up \(f1\) with due: a date YYYY-MM-DD/,
    ],
    [
      'a person with a cadence of no days',
      (j) => {
        (j.people[1] as unknown as { cadenceDays: number }).cadenceDays = 0;
      },
      /left a person \(ben\) with cadenceDays:/,
    ],
    [
      'a new conversation with no one',
      (j) => void j.conversations.push({ ...conversation('c9', [], '2026-11-20', 'x'), updatedAt: '' }),
      /left a conversation \(c9\) with with:/,
    ],
  ])('%s: refused, the store byte for byte as it was', async (_, edit, said) => {
    const { store, file } = storeWith(serializeJournal(complete()));
    await store.update((j) => {
      j.people[0]!.role = 'Lead'; // a backup and undo data to keep
    });
    const folder = path.dirname(file);
    const before = Object.fromEntries(
      fs.readdirSync(folder).map((f) => [f, fs.readFileSync(path.join(folder, f))]),
    );
    const change = store.update((journal) => edit(journal as unknown as ReturnType<typeof complete>));
    await expect(change).rejects.toThrow(StoreError);
    await expect(change).rejects.toThrow(said);
    await expect(change).rejects.toThrow(/Nothing was changed/);
    const after = Object.fromEntries(
      fs.readdirSync(folder).map((f) => [f, fs.readFileSync(path.join(folder, f))]),
    );
    expect(after).toEqual(before);
  });
});

describe('a journal rel wrote itself, compared a list at a time', () => {
  // The summary's stamp says when rel wrote the very version read (codec.ts ownLines): then each
  // list is turned into JSON in one piece and its lines found in that. It must come to what a
  // comparison of every record does, and never be trusted for a layout rel did not write.
  const addConversation: Edit = (j) =>
    void j.conversations.push({ ...conversation('c9', ['ana'], '2026-11-20', 'Before'), updatedAt: '' });

  function stampedStore(text: string): { store: Store; file: string; summary: () => string } {
    const { file } = storeWith(text);
    const stateFolder = path.join(path.dirname(file), 'state');
    const store = new Store(file, {
      warn: () => {},
      now: NOW,
      stateFolder,
      dueRules: () => DEFAULT_TOGETHER_RULES,
    });
    const summary = () => {
      const name = fs.readdirSync(stateFolder).find((f) => f.startsWith('due-'));
      return name ? fs.readFileSync(path.join(stateFolder, name), 'utf8') : '';
    };
    return { store, file, summary };
  }

  const undoOf = async (file: string) =>
    (await readUndoData(file, async (bytes) => bytes.toString('utf8'))).entries.map((e) => e.changes);

  it.each([
    ...EDITS,
    // Changes that leave every line as long as it was: only the lines' text tells them apart.
    [
      'a person renamed to a name as long',
      (j: ReturnType<typeof complete>) => {
        j.people[1]!.name = 'Bob';
      },
    ] as [string, Edit],
    [
      'a conversation’s note changed in place, as long',
      (j: ReturnType<typeof complete>) => {
        j.conversations[0]!.note = 'Roadmax';
      },
    ] as [string, Edit],
    [
      'records moved about and one changed',
      (j: ReturnType<typeof complete>) => {
        j.people.reverse();
        j.people[0]!.role = 'Lead';
        j.conversations.unshift(j.conversations.pop()!);
      },
    ] as [string, Edit],
  ])('%s: the same journal, stamps and undo data as a full comparison', async (_, edit) => {
    const own = stampedStore(serializeJournal(older()));
    await own.store.read();
    await own.store.update((j) => addConversation(j as never));
    expect(own.summary()).toContain('"lines":true');
    await own.store.read();
    await own.store.update((j) => edit(j as never));

    const reference = storeWith(JSON.stringify(older(), null, 2));
    for (const step of [addConversation, edit]) {
      await reference.store.read();
      await reference.store.update((j) => step(j as never));
    }
    expect(fs.readFileSync(own.file, 'utf8')).toBe(fs.readFileSync(reference.file, 'utf8'));
    expect(await undoOf(own.file)).toEqual(await undoOf(reference.file));
  });

  it.each<[string, (text: string) => string]>([
    [
      'two records on one line and one over two, with no space between',
      (text) => {
        const [ana, ben] = complete().people.map((p) => JSON.stringify(p));
        return text
          .replace(`    ${ana},\n    ${ben},`, `    ${ana},${ben},`)
          .replace('},{"id":"a2"', '},\n    {"id":"a2"');
      },
    ],
    [
      'a record with its keys in another order',
      (text) => text.replace('{"id":"ben","name":"Ben"', '{"name":"Ben","id":"ben"'),
    ],
    [
      'a line spaced by hand',
      (text) => text.replace('{"id":"ben","name":"Ben"', '{"id": "ben", "name": "Ben"'),
    ],
  ])('a file laid out by hand (%s) and read in full is compared record by record', async (_, layout) => {
    const text = layout(serializeJournal(complete()));
    const own = stampedStore(text);
    // The full read writes the summary, stamped with this version, once its report is out (save).
    (await own.store.readForDue()).save();
    expect(own.summary()).toContain(`"version":"${fileVersion(own.file)}"`);
    expect(own.summary()).not.toContain('"lines"');
    await own.store.read();
    await own.store.update((j) => addConversation(j as never));

    const reference = await write(JSON.stringify(JSON.parse(text), null, 2), addConversation);
    const written = fs.readFileSync(own.file, 'utf8');
    expect(written).toBe(reference.written);
    expect(written).toBe(serializeJournal(JSON.parse(written)));
    expect(await undoOf(own.file)).toEqual(reference.undo.map((e) => e.changes));
  });
});
