// A write over a journal rel wrote itself puts the lines it keeps as the file's own bytes
// (format.ts regionBytes, journalPieces) instead of encoding their text again. Whatever the text
// holds (one, two, three and four-byte characters, a byte-order mark before it), the bytes written
// must be those of the whole journal written afresh, and its tag that of that text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../src/core/seeded.js';
import { DEFAULT_TOGETHER_RULES } from '../../src/core/together.js';
import { journalTag, journalTagOf } from '../../src/store/codec.js';
import {
  journalPieces,
  type KeptLines,
  type RecordText,
  recordRegions,
  regionBytes,
  serializeJournal,
} from '../../src/store/format.js';
import { Store } from '../../src/store/store.js';
import { readUndoData } from '../../src/store/undo.js';
import { conversation, wholePerson } from '../helpers/journal.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Words of one to four bytes a character in UTF-8 (the last two in UTF-16 a surrogate pair). */
const WORDS = ['plain', 'Müller', 'naïve', '€10', '東京', 'ok 😀', '𝄞 clef', 'a\\"quote', 'tab\t'];

function note(r: () => number): string {
  return Array.from({ length: 1 + Math.floor(r() * 6) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(
    ' ',
  );
}

/** A journal with `people`, `conversations` and `followUps` records, the same for the same seed. */
function makeJournal(seed: number, people: number, conversations: number, followUps: number) {
  const r = seeded(seed);
  return {
    schema: 2,
    people: Array.from({ length: people }, (_, i) => wholePerson(`p${i}`, `${note(r)} ${i}`)),
    conversations: Array.from({ length: conversations }, (_, i) =>
      conversation(`c${seed}-${i}`, [`p${i % Math.max(1, people)}`], '2026-10-01', note(r)),
    ),
    followUps: Array.from({ length: followUps }, (_, i) => ({
      id: `f${seed}-${i}`,
      personId: 'p0',
      conversationId: null,
      text: note(r),
      owner: 'me',
      due: null,
      doneAt: null,
      createdAt: '2026-10-01T10:00:00.000Z',
    })),
    tombstones: [],
  };
}

/** The file's bytes as written afresh: every piece of journalPieces in UTF-8, one after another. */
function written(journal: object, texts?: RecordText): Buffer {
  return Buffer.concat(
    [...journalPieces(journal, texts)].map((p) => (typeof p === 'string' ? Buffer.from(p) : p)),
  );
}

describe('a list kept as the bytes of the file it was read from', () => {
  for (let seed = 1; seed <= 12; seed++) {
    for (const bom of [false, true]) {
      it(`seed ${seed}${bom ? ', after a byte-order mark' : ''}: the bytes of the journal written afresh`, () => {
        const r = seeded(seed * 97);
        const journal = makeJournal(seed, 1 + (seed % 4), seed % 3 === 0 ? 1 : 2 + seed * 3, 1 + (seed % 5));
        const text = serializeJournal(journal);
        const source = bom ? Buffer.concat([BOM, Buffer.from(text)]) : Buffer.from(text);
        const regions = recordRegions(text, journal)!;
        expect(regions).toBeDefined();
        const kept = new Map<string, KeptLines>();
        for (const [key, region] of regions) {
          const bytes = regionBytes(text, source, region);
          expect(bytes?.toString()).toBe(text.slice(region.from, region.to));
          kept.set(key, { text: text.slice(region.from, region.to), count: region.count, bytes });
        }
        // Records added after the kept ones (as a rel log adds a conversation), to some lists.
        const added = makeJournal(seed + 100, 2, 3, 2);
        for (const key of ['people', 'conversations', 'followUps'] as const) {
          const more = added[key].slice(0, Math.floor(r() * 3));
          (journal[key] as object[]).push(...more);
        }
        const texts: RecordText = Object.assign(() => undefined, { kept: (key: string) => kept.get(key) });
        const afresh = serializeJournal(journal);
        expect(written(journal, texts).equals(Buffer.from(afresh))).toBe(true);
        expect(journalTagOf(journal as never, texts)).toBe(journalTag(afresh));
      });
    }
  }

  it('are not taken from bytes of another text', () => {
    const journal = makeJournal(3, 2, 4, 1);
    const text = serializeJournal(journal);
    const region = recordRegions(text, journal)!.get('conversations')!;
    const other = Buffer.from(text.replace('"schema": 2', '"schema":  2'));
    expect(regionBytes(text, other, region)).toBeUndefined();
  });
});

describe('a rel log over a journal rel wrote, read to be changed', () => {
  // The store's way in: the bytes read are kept (Store.read toChange) and the lines the change
  // keeps written from them. The file, its undo data and its summary must be what a write that
  // encodes every line makes.
  function stampedStore(text: string) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rel-kept-bytes-'));
    const file = path.join(folder, 'journal.json');
    fs.writeFileSync(file, text, { mode: 0o600 });
    const stateFolder = path.join(folder, 'state');
    const store = new Store(file, {
      warn: () => {},
      now: NOW,
      stateFolder,
      dueRules: () => DEFAULT_TOGETHER_RULES,
    });
    const summary = () => {
      const name = fs.readdirSync(stateFolder).find((f) => f.startsWith('due-'));
      return name
        ? fs
            .readFileSync(path.join(stateFolder, name), 'utf8')
            .replace(/"version":"[^"]*"/, '')
            // Each journal is in a folder of its own.
            .replace(/"path":"[^"]*"/, '')
        : '';
    };
    return { store, file, summary };
  }
  const undoOf = async (file: string) =>
    (await readUndoData(file, async (bytes) => bytes.toString('utf8'))).entries.map((e) => e.changes);

  it.each([1, 2, 5])(
    'seed %i: the same file, undo data and summary as a write that encodes every line',
    async (seed) => {
      const text = serializeJournal(makeJournal(seed, 3, 20, 2));
      const log = (n: number) => (j: { conversations: object[] }) =>
        void j.conversations.push({
          ...conversation(`new${n}`, ['p1'], '2026-11-26', `über ${n} 😀`),
          updatedAt: '',
        });
      const own = stampedStore(text);
      const reference = stampedStore(text);
      for (const n of [1, 2, 3]) {
        await own.store.read({ toChange: true });
        await own.store.update((j) => log(n)(j as never));
        await reference.store.read();
        await reference.store.update((j) => log(n)(j as never));
        expect(own.summary()).toContain('"lines":true');
        expect(fs.readFileSync(own.file).equals(fs.readFileSync(reference.file))).toBe(true);
        expect(own.summary()).toBe(reference.summary());
      }
      expect(await undoOf(own.file)).toEqual(await undoOf(reference.file));
    },
  );

  // appendsTo (rel log's conversations): the list's records are frozen for the change instead of
  // compared after it. A change that changes one all the same must still be saved as it was made.
  type Conv = { id: string; note: string; with: string[]; heard: string[] };
  const changes: [string, (j: { conversations: Conv[] }, n: number) => void][] = [
    ['only adds one', () => {}],
    [
      'changes a note in place',
      (j, n) => {
        j.conversations[3]!.note = `Changed ${n}`;
      },
    ],
    [
      'changes a note in place, as long',
      (j, n) => {
        j.conversations[3]!.note = `${j.conversations[3]!.note.slice(0, -1)}${n}`;
      },
    ],
    ['adds to a list inside one', (j, n) => void j.conversations[0]!.heard.push(`Heard late ${n}`)],
    [
      'changes an item of a list inside one',
      (j, n) => {
        j.conversations[n]!.with[0] = 'p2';
      },
    ],
    [
      'puts an equal copy in the place of one',
      (j) => {
        j.conversations[2] = structuredClone(j.conversations[2]!);
      },
    ],
    ['removes one', (j) => void j.conversations.splice(4, 1)],
  ];

  it.each(changes)(
    'declared to add only, a change that %s: what a change compared after writes',
    async (_, also) => {
      const text = serializeJournal(makeJournal(4, 3, 12, 2));
      const change = (n: number) => (j: { conversations: Conv[] }) => {
        if (n > 0) also(j, n);
        j.conversations.push({
          ...conversation(`new${n}`, ['p1'], '2026-11-26', 'Logged'),
          updatedAt: '',
        } as never);
      };
      const own = stampedStore(text);
      const reference = stampedStore(text);
      // n = 0 settles the journal (rel wrote it, stamped), as every log but the first finds it.
      for (const n of [0, 1, 2]) {
        await own.store.read({ toChange: true });
        await own.store.update((j) => change(n)(j as never), { appendsTo: ['conversations'] });
        await reference.store.read();
        await reference.store.update((j) => change(n)(j as never));
        expect(fs.readFileSync(own.file, 'utf8')).toBe(fs.readFileSync(reference.file, 'utf8'));
        expect(own.summary()).toBe(reference.summary());
      }
      expect(await undoOf(own.file)).toEqual(await undoOf(reference.file));
    },
  );
});
