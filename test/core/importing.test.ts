import { describe, expect, it } from 'vitest';
import {
  addImportedPeople,
  type CsvRow,
  decodeText,
  detectDateOrder,
  mapHeaders,
  mergeJournal,
  peopleFromCsv,
} from '../../src/core/importing.js';
import { emptyJournal, type Journal, type Person } from '../../src/core/journal.js';
import { wholePerson } from '../helpers/journal.js';

const clock = () => {
  let n = 0;
  return { now: new Date('2026-11-27T12:00:00Z'), newId: () => `id${++n}` };
};

/** Rows as the CSV reader gives them: the header on line 1, each row on the next line. */
const rows = (...lines: string[][]): CsvRow[] => lines.map((fields, i) => ({ line: i + 1, fields }));

describe('decoding files', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9], 'Aé'],
    [[0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00], 'Aé'],
    [[0x41, 0xe9], 'Aé'], // not UTF-8: Windows-1252, as Outlook writes
    [[0x41, 0xc3, 0xa9], 'Aé'],
  ])('%j', (bytes, text) => expect(decodeText(Uint8Array.from(bytes))).toBe(text));
});

describe('CSV headers', () => {
  it.each([
    [
      ['name', 'role', 'team', 'tags', 'cadence', 'birthday'],
      { name: 0, role: 1, team: 2, tags: 3, cadence: 4, birthday: 5 },
    ],
    [
      ['First Name', 'Last Name', 'Organization Title', 'Organization Department', 'Labels'],
      { first: 0, last: 1, role: 2, team: 3, tags: 4 },
    ],
    [
      ['Title', 'First Name', 'Last Name', 'Company', 'Job Title', 'Categories'],
      { first: 1, last: 2, company: 3, role: 4, tags: 5 },
    ],
    [['  NAME ', 'Nickname', 'Notes'], { name: 0, aliases: 1, notes: 2 }],
  ])('%j', (header, columns) => expect(mapHeaders(header)).toEqual(columns));

  it('a file without a name column is refused at line 1', () => {
    expect(mapHeaders(['email', 'phone'])).toMatchObject({
      line: 1,
      message: expect.stringContaining('no name column'),
    });
  });
});

describe('numeric birthdays', () => {
  it.each([
    [['7/24/1988', '3/4/1991'], 'mdy'],
    [['24/7/1988', ''], 'dmy'],
    [['3/4/1991'], undefined],
    [['24/7/1988', '7/24/1988'], 'both'],
    [['1988-07-24'], undefined],
  ])('%j are %s', (values, order) => expect(detectDateOrder(values)).toBe(order));
});

describe('people from CSV rows', () => {
  const header = ['name', 'role', 'team', 'tags', 'cadence', 'birthday', 'notes', 'aliases'];
  it('maps every column, splits lists and notes, and names the line of each bad row', () => {
    const read = peopleFromCsv(
      rows(
        header,
        [
          'Ana Silva',
          'Engineer',
          'Core',
          'a; b ::: c',
          '2w',
          '1992-02-29',
          'Two kids\n\nLoves jazz',
          'Ani;A.S.',
        ],
        ['', '', '', '', '', '', '', ''],
        ['Too', 'few'],
        ['', 'No name', '', '', '', '', '', ''],
        ['Bo', '', '', '', 'sometimes', '', '', ''],
        ['Cy', '', '', '', '14', '--05-17', '', ''],
        ['Di', '', '', '', '', '13/13/1990', '', ''],
      ),
    );
    expect(read.people).toEqual([
      {
        line: 2,
        name: 'Ana Silva',
        role: 'Engineer',
        team: 'Core',
        relationship: '',
        tags: ['a', 'b', 'c'],
        aliases: ['Ani', 'A.S.'],
        cadenceDays: 14,
        birthday: '1992-02-29',
        notes: ['Two kids', 'Loves jazz'],
      },
      expect.objectContaining({ line: 7, name: 'Cy', cadenceDays: 14, birthday: '05-17' }),
    ]);
    expect(read.problems).toEqual([
      { line: 4, message: 'has 2 fields where the header has 8' },
      { line: 5, message: 'has no name' },
      { line: 6, message: 'cadence "sometimes" is not a period (use 14d, 2w, monthly, ...)' },
      { line: 8, message: 'birthday "13/13/1990" is not a real date' },
    ]);
  });

  it('composes names from first/middle/last, takes the company when there is no department, drops Google system groups', () => {
    const read = peopleFromCsv(
      rows(
        ['First Name', 'Middle Name', 'Last Name', 'Company', 'Labels'],
        ['Zoë', 'Marie', 'Durand', 'Contoso', '* myContacts ::: * starred ::: Friends'],
      ),
    );
    expect(read.people[0]).toMatchObject({ name: 'Zoë Marie Durand', team: 'Contoso', tags: ['Friends'] });
  });

  it.each([
    [['7/24/1988', '3/4/1991'], undefined, ['1988-07-24', '1991-03-04'], []],
    [['24/7/1988', '3/4/1991'], undefined, ['1988-07-24', '1991-04-03'], []],
    [['3/4/91', '0/0/00'], 'dmy', ['1991-04-03', null], []],
    [['3/4/1991', '5/5/05'], undefined, ['2005-05-05'], [2]],
  ] as const)('birthdays %j (order %s)', (values, dateOrder, birthdays, badLines) => {
    const read = peopleFromCsv(rows(['name', 'birthday'], ...values.map((v, i) => [`P${i}`, v])), {
      dateOrder,
    });
    expect(read.people.map((p) => p.birthday)).toEqual(birthdays);
    expect(read.problems.map((p) => p.line)).toEqual(badLines);
    if (badLines.length) expect(read.problems[0]!.message).toContain('--date-order');
  });
});

function person(id: string, name: string): Person {
  return wholePerson(id, name, { createdAt: '2026-01-01T12:00:00.000Z' });
}

describe('adding imported people', () => {
  it('skips names already there (ignoring case and accents) or earlier in the file, and gives fresh ids', () => {
    const journal: Journal = { ...emptyJournal(), people: [person('jose', 'José Pérez')] };
    const base = {
      role: '',
      team: '',
      relationship: '',
      tags: [],
      aliases: [],
      cadenceDays: null,
      birthday: null,
      notes: [],
    };
    const { added, skipped } = addImportedPeople(
      journal,
      [
        { ...base, line: 2, name: 'jose perez' },
        { ...base, line: 3, name: 'Ana  Silva', notes: ['Two kids'] },
        { ...base, line: 4, name: 'ANA SILVA' },
        { ...base, line: 5, name: 'José' },
      ],
      clock(),
    );
    expect(added).toEqual([
      { id: 'ana-silva', name: 'Ana Silva', line: 3 },
      { id: 'jose-2', name: 'José', line: 5 },
    ]);
    expect(skipped).toEqual([
      { name: 'jose perez', line: 2, existingId: 'jose', reason: 'already in your journal' },
      { name: 'ANA SILVA', line: 4, existingId: 'ana-silva', reason: 'same name as line 3' },
    ]);
    expect(journal.people[1]!.notes).toEqual([{ id: 'id1', text: 'Two kids', addedOn: '2026-11-27' }]);
  });
});

describe('merging a rel export', () => {
  const conversation = (id: string, who: string[]) => ({
    id,
    date: '2026-11-20',
    with: who,
    kind: 'call',
    minutes: null,
    note: '',
    heard: [],
    createdAt: '2026-11-20T12:00:00.000Z',
  });
  const incoming: Journal = {
    ...emptyJournal(),
    people: [person('ana', 'Ana'), person('bo-x', 'Bo')],
    conversations: [conversation('c1', ['ana', 'bo-x']), conversation('c2', ['zed'])],
    followUps: [
      {
        id: 'f1',
        personId: 'bo-x',
        conversationId: 'c1',
        text: 't',
        owner: 'me',
        due: null,
        doneAt: null,
        createdAt: 'x',
      },
    ],
  };
  const lineOf = (collection: string, index: number) => (collection === 'people' ? 4 + index : null);

  it('keeps ids, joins a same-name person to the one already there, refuses dangling references; twice adds nothing', () => {
    const journal: Journal = { ...emptyJournal(), people: [person('bo', 'Bo')] };
    const first = mergeJournal(journal, incoming, lineOf);
    expect(first.added).toEqual([{ id: 'ana', name: 'Ana', line: 4 }]);
    expect(first.skipped).toEqual([
      { name: 'Bo', line: 5, existingId: 'bo', reason: 'already in your journal as bo' },
    ]);
    expect(journal.conversations.map((c) => [c.id, c.with])).toEqual([['c1', ['ana', 'bo']]]);
    expect(journal.followUps.map((f) => [f.id, f.personId])).toEqual([['f1', 'bo']]);
    expect(first.problems).toEqual([
      { line: null, message: 'conversation c2 is with zed, who is in neither the file nor your journal' },
    ]);
    const before = JSON.stringify(journal);
    const second = mergeJournal(journal, incoming, lineOf);
    expect(JSON.stringify(journal)).toBe(before);
    expect(second.added).toEqual([]);
    expect(second.conversations).toEqual({ added: 0, skipped: 1 });
    expect(second.followUps).toEqual({ added: 0, skipped: 1 });
  });
});
