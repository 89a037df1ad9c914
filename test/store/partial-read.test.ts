// rel todo, rel profile and rel search read only part of a journal whose version rel wrote or
// checked itself (store/partial.ts). Whatever they read, they must print what a full read prints:
// each command runs on two copies of the same bytes, one stamped (the summary beside it names
// that version: `rel due` checked it) and one not (read in full), and the outputs are compared.
// The journals are seeded and varied where a raw test of a line could go wrong; hand edits that
// leave rel's layout are read in full.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seeded as random } from '../../src/core/seeded.js';
import { DEFAULT_TOGETHER_RULES } from '../../src/core/together.js';
import { serializeJournal } from '../../src/store/format.js';
import { Layout } from '../../src/store/partial.js';
import { Store } from '../../src/store/store.js';
import { rel, tempStore } from '../helpers/run.js';

/** Names with accents, quotes, a backslash, braces, another script; ids that begin other ids. */
const PEOPLE: [id: string, name: string][] = [
  ['ana', 'Ana Silva'],
  ['ana-silva', 'Ana Silva Costa'],
  ['anais', 'Anaïs Dubois'],
  ['zoe', 'Zoë "Z" O\'Brien'],
  ['sisyphos', 'Σίσυφος Παπάς'],
  ['ben', 'Ben \\ Back'],
  ['emile', 'Émile Zola'],
  ['weiss', 'Straße Weiß'],
  ['li', 'Li {Curly}'],
  ['q"uote', 'Quentin Quote'],
  ['kai', 'Kai Kelvin'],
  ['old', 'Olga Old'],
];

/** Words for notes: other people's ids, quoted and bare, escapes, braces, folding's hard cases, hyphens. */
const WORDS = [
  'roadmap',
  'hiring',
  'Roadmap',
  'HIRING',
  'café',
  'CAFÉ',
  'cafe',
  'Straße',
  'ΣΊΣΥΦΟΣ',
  'σίσυφος',
  '"ana"',
  'ana-silva',
  'ana',
  '"q\\"uote"',
  '{draft}',
  'draft}',
  '{',
  'line\nbreak',
  'tab\there',
  'back\\slash',
  '\u0001ctrl',
  '🎉',
  'ﬁnance',
  'ｆｕｌｌ',
  'K',
  'İstanbul',
  'naïve',
  'ZOË',
  'x',
  'y',
  // A hyphen inside a word is optional to search: a line must be kept for it as the text matches.
  'On-call',
  'oncall',
  'on\u2011call',
  'check-in',
  'E-Mail',
  'co\u2010op',
  'upon calling',
  '-ish',
];

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** A journal as rel keeps it, with every kind of record a view may skip or filter. */
function journalOf(seed: number) {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  let n = 0;
  const id = () => `${seed}x${(n++).toString(16).padStart(6, '0')}`;
  const words = (k: number) =>
    Array.from({ length: 1 + Math.floor(rand() * k) }, () => pick(WORDS)).join(' ');
  const people = PEOPLE.map(([pid, name], i) => {
    const person: Record<string, unknown> = {
      id: pid,
      name,
      aliases: i % 4 === 0 ? [name.split(' ')[0]!.slice(0, 3)] : [],
      role: 'Engineer',
      team: pick(['Platform', 'Données', 'Team "Q"']),
      relationship: 'report',
      tags: i % 3 ? ['x'] : [],
      cadenceDays: pick([null, 7, 14, 30]),
      ambitions: [
        {
          id: id(),
          text: words(3),
          addedOn: day(1),
          status: 'active',
          lastDiscussedOn: day(2),
          statusChangedOn: null,
          conversationId: null,
          steps: [{ id: id(), text: words(2), on: day(3), conversationId: null }],
        },
      ],
      skills: [{ id: id(), text: words(3), addedOn: day(1), conversationId: null }],
      notes: [{ id: id(), text: words(4), addedOn: day(1) }],
      askNext: [{ id: id(), text: words(2), addedOn: day(4) }],
      snoozedUntil: null,
      createdAt: `${day(0)}T09:00:00.000Z`,
      archivedAt: pid === 'old' ? `${day(40)}T09:00:00.000Z` : null,
      thanks: [{ id: id(), text: words(2), on: day(5), conversationId: null }],
    };
    // Written by an earlier rel: fields a read fills in.
    if (i % 5 === 2) {
      delete person.notes;
      delete person.askNext;
      delete person.snoozedUntil;
    }
    return person;
  });
  const ids = PEOPLE.map(([pid]) => pid);
  const conversations = Array.from({ length: 70 }, (_, i) => {
    const size = rand() < 0.7 ? 1 : 2 + Math.floor(rand() * 2);
    const withIds = [...new Set(Array.from({ length: size }, () => pick(ids)))];
    const heard = Array.from({ length: Math.floor(rand() * 3) }, () => words(3));
    const c: Record<string, unknown> = {
      id: id(),
      date: day(10 + Math.floor(i * 4 + rand() * 8)),
      with: withIds,
      kind: pick(['1:2:1', 'coffee', 'call', 'message']),
      minutes: pick([null, 30, 45]),
      note: words(6),
      heard,
      createdAt: `${day(10 + i * 4)}T1${i % 10}:00:00.000Z`,
    };
    if (withIds.length > 1 && heard.length) c.heardFrom = heard.map(() => pick([null, ...withIds]));
    if (rand() < 0.1) c.size = 6;
    if (rand() < 0.1) c.counts = false;
    return c;
  });
  const followUps = Array.from({ length: 30 }, (_, i) => {
    const personId = pick(ids);
    const other = pick(ids);
    const f: Record<string, unknown> = {
      id: id(),
      personId,
      conversationId: null,
      text: words(4),
      owner: pick(['me', 'them']),
      due: rand() < 0.5 ? day(200 + i * 11) : null,
      doneAt: rand() < 0.3 ? `${day(300)}T10:00:00.000Z` : null,
      createdAt: `${day(100 + i)}T10:00:00.000Z`,
    };
    if (other !== personId && rand() < 0.3) f.personIds = [personId, other];
    if (i % 7 === 3) delete f.owner; // an older rel's: "me" on reading
    return f;
  });
  return {
    schema: 2,
    people,
    conversations,
    followUps,
    tombstones: [
      { collection: 'people', idHash: 'aa11', deletedAt: `${day(50)}T10:00:00.000Z`, mergedInto: 'ana' },
      { collection: 'people', idHash: 'bb22', deletedAt: `${day(60)}T10:00:00.000Z`, forgotten: true },
      { collection: 'conversations', idHash: 'cc33', deletedAt: `${day(70)}T10:00:00.000Z` },
    ],
    dismissals: [
      {
        id: id(),
        eventId: 'e1',
        title: 'Standup "daily"',
        start: `${day(80)}T09:00:00.000Z`,
        createdAt: `${day(80)}T10:00:00.000Z`,
      },
    ],
  };
}

const SEARCHES = [
  'cafe',
  'hiring',
  'CAFÉ',
  'café roadmap',
  'strasse',
  'straße',
  'σίσυφος',
  'ΣΊΣΥΦΟΣ',
  'ana',
  '"ana"',
  'ana-silva',
  'q"uote',
  '{draft',
  'draft}',
  '\\',
  'finance',
  'full',
  'k',
  'istanbul',
  'naive',
  'zoe',
  'line break',
  'tab',
  '🎉',
  'x y',
  'zzz',
  'oncall',
  'on-call',
  'ON-CALL',
  'checkin',
  'email',
  'coop',
  'co-op',
  'on call',
  'on-',
  'ish',
];

/** Every view the commands read, on this journal. */
function commands(): string[][] {
  const list: string[][] = [['todo'], ['todo', '--json'], ['todo', '--mine'], ['todo', '--theirs', '--json']];
  for (const [id, name] of PEOPLE) {
    list.push(['todo', id, '--json'], ['profile', id, '--json'], ['profile', id]);
    if (id === 'ana' || id === 'zoe') list.push(['profile', name.split(' ')[0]!], ['profile', id, '--all']);
  }
  list.push(['profile', 'nobody'], ['profile', 'an']);
  for (const words of SEARCHES) list.push(['search', words], ['search', words, '--json']);
  return list;
}

/** Two stores with these bytes: the first stamped by `rel due` (a version rel checked). */
async function pair(text: string): Promise<[stamped: string, plain: string]> {
  const stores: [string, string] = [tempStore('partial-stamped'), tempStore('partial-plain')];
  for (const store of stores) {
    fs.mkdirSync(path.dirname(store), { recursive: true, mode: 0o700 });
    fs.writeFileSync(store, text, { mode: 0o600 });
  }
  const due = await rel(['due', '--json'], { store: stores[0] });
  expect(due.stderr).toBe('');
  return stores;
}

const partialReads = () => {
  const read = vi.spyOn(Layout.prototype, 'read');
  return () => read.mock.results.filter((r) => r.value !== undefined).length;
};

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs every command on both copies; the number of partial reads of the stamped one. */
async function sameOutput(text: string, list = commands()): Promise<number> {
  const [stamped, plain] = await pair(text);
  const before = fs.readFileSync(plain);
  let partial = 0;
  for (const args of list) {
    const count = partialReads();
    const full = await rel(args, { store: plain });
    expect(count(), 'a journal without a stamp is read in full').toBe(0);
    const part = await rel(args, { store: stamped });
    partial += count();
    vi.restoreAllMocks();
    expect({ args, ...part }).toEqual({ args, ...full });
  }
  // Reading never wrote either copy.
  expect(fs.readFileSync(stamped)).toEqual(before);
  return partial;
}

describe('a view of part of a journal rel wrote prints what a full read prints', () => {
  it.each([1, 2, 3])(
    'journal of seed %i, as rel writes it',
    async (seed) => {
      const list = commands();
      const partial = await sameOutput(serializeJournal(journalOf(seed)), list);
      // Every run of todo, profile and search read the stamped copy in part (profile twice:
      // its people, then theirs), except where no one was found.
      expect(partial).toBeGreaterThanOrEqual(list.length);
    },
    120_000,
  );

  it('a hyphen inside a word: lines of plain ASCII are kept for a search as their texts match', async () => {
    // Texts of ASCII only, so that no line is kept for an accent or an escape: the test of the
    // line alone must find "on-call" for `oncall` and "oncall" for `on-call`, as search does.
    const rand = random(7);
    const words = [
      'On-call',
      'oncall',
      'on call',
      'check-in',
      'checkin',
      'E-Mail',
      'email',
      'upon calling',
      'roadmap',
    ];
    const text = () => Array.from({ length: 3 }, () => words[Math.floor(rand() * words.length)]).join(' ');
    const journal = serializeJournal(journalOf(1))
      .replace(/"(note|text)":"(?:[^"\\]|\\.)*"/g, (_, key) => `"${key}":"${text()}"`)
      .replace(/"heard":\[[^\]]*\]/g, '"heard":[]')
      .replace(/,"heardFrom":\[[^\]]*\]/g, '');
    const list = [
      'oncall',
      'on-call',
      'ON-CALL',
      'checkin',
      'check-in',
      'email',
      'e-mail',
      'on call',
      'on-',
      'callin',
    ].flatMap((words) => [
      ['search', words],
      ['search', words, '--json'],
    ]);
    expect(await sameOutput(journal, list)).toBe(list.length);
  }, 60_000);

  it('ids spelt with escapes in a file rel checked (not wrote) are still found', async () => {
    // The same journal with every "ana" in a `with` written \u0061na: JSON for the same id.
    const text = serializeJournal(journalOf(4)).replace(/"with":\[[^\]]*\]/g, (list) =>
      list.replaceAll('"ana"', '"\\u0061na"').replaceAll('"zoe"', '"z\\u006fe"'),
    );
    expect(text).toContain('\\u0061na');
    const list = [
      ['profile', 'ana', '--json'],
      ['profile', 'zoe', '--json'],
      ['profile', 'ana'],
      ['todo', 'ana'],
    ];
    expect(await sameOutput(text, list)).toBeGreaterThan(0);
  }, 60_000);

  it('sections in another order are rel layout too (rel keeps the order it read)', async () => {
    const journal = journalOf(5);
    const { schema, followUps, tombstones, dismissals, people, conversations } = journal;
    const text = serializeJournal({ followUps, conversations, schema, dismissals, people, tombstones });
    const list = [
      ['todo', '--json'],
      ['profile', 'ana-silva', '--json'],
      ['search', 'cafe', '--json'],
    ];
    expect(await sameOutput(text, list)).toBeGreaterThan(0);
  }, 60_000);
});

describe('a file not laid out as rel writes it is read in full, and prints the same', () => {
  const text = serializeJournal(journalOf(6));
  const line = (t: string, key: string) => t.indexOf('\n', t.indexOf(`"${key}": [`)) + 1;
  // The runs that read in part (0 unless said): those that parse the list edited whole (valid
  // alone, so valid in place, whatever its lines): todo's follow-ups, a search's conversations.
  const edits: [string, (t: string) => string, partial?: number][] = [
    // A record split over two lines, in each list a view reads in part or skips.
    ['a conversation split over lines', (t) => t.replace('"kind":', '\n"kind":')],
    [
      'a follow-up split over lines',
      (t) => {
        const at = t.indexOf(',"text":', line(t, 'followUps'));
        return `${t.slice(0, at + 1)}\n${t.slice(at + 1)}`;
      },
      1,
    ],
    // A list closed inside a line of a list a view skips, and a second "people" after it, which
    // JSON.parse takes over the first: only a check of every skipped line can see it.
    [
      'a key hidden in a skipped line',
      (t) => {
        const hidden = JSON.stringify(JSON.parse(t).people).replaceAll('Ana Silva', 'Ana Hidden');
        return t.replace(
          /"tombstones": \[\n {4}(\{[^\n]*\}),\n/,
          (_, first) => `"tombstones": [\n    ${first}], "people": ${hidden}, "more": [{"k":1},\n`,
        );
      },
    ],
    ['a tombstone split over lines', (t) => t.replace('"mergedInto":', '\n      "mergedInto":')],
    // Both searches mark most conversation lines, so the list is parsed whole (sound, as above).
    ['two records on a line', (t) => t.replace(/\},\n {4}\{"id":"6x/, '}, {"id":"6x'), 2],
    [
      'an array split inside a record: {[{},\\n{}]}',
      (t) => t.replace('"tombstones": [\n    {', '"tombstones": [\n    {"x":[{},\n    {}],'),
    ],
    ['spaces before a colon', (t) => t.replace('"people": [', '"people" : [')],
    ['Windows line ends', (t) => t.replaceAll('\n', '\r\n')],
    ['a byte-order mark', (t) => `\ufeff${t}`],
    ['whole file on one line', (t) => JSON.stringify(JSON.parse(t))],
    ['indented by JSON.stringify', (t) => JSON.stringify(JSON.parse(t), null, 2)],
  ];
  it.each(edits)(
    '%s',
    async (_, edit, partial = 0) => {
      const edited = edit(text);
      expect(edited).not.toBe(text);
      JSON.parse(edited.replace(/^\ufeff/, '')); // still a journal
      const list = [
        ['todo', '--json'],
        ['profile', 'ana', '--json'],
        ['search', 'cafe', '--json'],
        ['search', 'ana'],
      ];
      const [stamped] = await pair(edited);
      expect(fs.readdirSync(path.join(path.dirname(path.dirname(stamped)), 'state', 'rel'))).toContainEqual(
        expect.stringMatching(/^due-/),
      );
      expect(await sameOutput(edited, list)).toBe(partial);
    },
    60_000,
  );

  it('an older schema is upgraded in a full read', async () => {
    const old = JSON.parse(text);
    old.schema = 1;
    delete old.tombstones;
    expect(
      await sameOutput(serializeJournal(old), [
        ['todo', '--json'],
        ['profile', 'ana', '--json'],
      ]),
    ).toBe(0);
  }, 60_000);
});

it('a view is never what a write goes over: the next change parses the file afresh', async () => {
  const [store] = await pair(serializeJournal(journalOf(7)));
  const state = path.join(path.dirname(path.dirname(store)), 'state', 'rel');
  const opened = new Store(store, {
    warn: () => {},
    stateFolder: state,
    dueRules: () => DEFAULT_TOGETHER_RULES,
  });
  const view = await opened.view();
  const part = await view.read({ conversations: 'none', followUps: 'none' });
  expect(part.conversations).toEqual([]);
  await opened.update((journal) => {
    journal.people[0]!.role = 'Lead';
  });
  const written = JSON.parse(fs.readFileSync(store, 'utf8'));
  expect(written.conversations).toHaveLength(70);
  expect(written.followUps).toHaveLength(30);
  expect(written.people[0].role).toBe('Lead');
});
