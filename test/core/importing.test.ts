import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../src/core/charset.js';
import { type CsvRow, detectDateOrder, peopleFromCsv } from '../../src/core/import-csv.js';
import { mapHeaders } from '../../src/core/import-csv-headers.js';
import { addFromExport } from '../../src/core/import-journal.js';
import { addImportedPeople } from '../../src/core/import-people.js';
import type { ImportedPerson, ImportProblem } from '../../src/core/import-types.js';
import { applyImport, type ImportSource } from '../../src/core/importing.js';
import { emptyJournal, type Journal, type Person } from '../../src/core/journal.js';
import { parseVCards, personFromCard } from '../../src/core/vcard.js';
import { wholePerson } from '../helpers/journal.js';

const clock = () => {
  let n = 0;
  return { now: new Date('2026-11-27T12:00:00Z'), newId: () => `id${++n}` };
};

/** Rows as the CSV reader gives them: the header on line 1, each row on the next line. */
const rows = (...lines: string[][]): CsvRow[] => lines.map((fields, i) => ({ line: i + 1, fields }));

describe('decoding files', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9], undefined, { text: 'Aé' }],
    [[0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00], undefined, { text: 'Aé' }],
    [[0x41, 0x00, 0x3b, 0x00, 0xe9, 0x00, 0x0a, 0x00], undefined, { text: 'A;é\n' }], // UTF-16LE, no BOM
    [[0x00, 0x41, 0x00, 0x3b, 0x00, 0xe9, 0x00, 0x0a], undefined, { text: 'A;é\n' }], // UTF-16BE, no BOM
    [[0x41, 0xc3, 0xa9], 'windows-1250', { text: 'Aé' }], // UTF-8 is UTF-8, whatever --charset says
    // Not UTF-8: windows-1252 (as Outlook writes), reported as a guess; 0x80-0x9F are not C1 controls.
    [[0x41, 0xe9, 0x20, 0x80, 0x96, 0x93], undefined, { text: 'Aé €–“', guessed: 'windows-1252' }],
    [[0x49, 0x6b, 0x73, 0x69, 0xf1], 'windows-1250', { text: 'Iksiń' }],
  ])('%j (%s)', (bytes, charset, decoded) =>
    expect(decodeFile(Uint8Array.from(bytes), charset)).toEqual(decoded),
  );
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

  it.each([
    [
      'German Outlook',
      [
        'Anrede',
        'Vorname',
        'Weitere Vornamen',
        'Nachname',
        'Firma',
        'Abteilung',
        'Position',
        'Geburtstag',
        'Kategorien',
        'Notizen',
        'E-Mail-Adresse',
        'E-Mail 2: Adresse',
      ],
      {
        first: 1,
        middle: 2,
        last: 3,
        company: 4,
        team: 5,
        role: 6,
        birthday: 7,
        tags: 8,
        notes: 9,
        emails: [10, 11],
      },
    ],
    [
      'French Outlook (Titre twice, Nom the last name)',
      [
        'Titre',
        'Prénom',
        'Deuxième prénom',
        'Nom',
        'Suffixe',
        'Surnom',
        'Société ',
        'Service ',
        'Titre',
        'Anniversaire',
        'Catégories',
        'Notes',
        'Adresse de messagerie',
      ],
      {
        first: 1,
        middle: 2,
        last: 3,
        aliases: 5,
        company: 6,
        team: 7,
        role: 8,
        birthday: 9,
        tags: 10,
        notes: 11,
        emails: [12],
      },
    ],
    [
      'French Google (Nom the whole name)',
      ['Nom', 'Prénom', 'Nom de famille', 'Organisation 1 - Titre', 'Appartenance à un groupe'],
      { name: 0, first: 1, last: 2, role: 3, tags: 4 },
    ],
    [
      'Spanish Outlook (Nombre the first name)',
      [
        'Tratamiento',
        'Nombre',
        'Segundo nombre',
        'Apellidos',
        'Organización',
        'Departamento',
        'Puesto',
        'Cumpleaños',
        'Categorías',
        'Notas',
        'Dirección de correo electrónico',
      ],
      {
        first: 1,
        middle: 2,
        last: 3,
        company: 4,
        team: 5,
        role: 6,
        birthday: 7,
        tags: 8,
        notes: 9,
        emails: [10],
      },
    ],
    [
      'Spanish Google (Nombre the whole name)',
      ['Nombre', 'Nombre de pila', 'Apellido', 'Apodo', 'Correo electrónico 1 - Valor'],
      { name: 0, first: 1, last: 2, aliases: 3, emails: [4] },
    ],
    [
      'Portuguese Outlook',
      [
        'Tratamento',
        'Nome',
        'Segundo Nome',
        'Sobrenome',
        'Empresa',
        'Departamento',
        'Cargo',
        'Aniversário',
        'Categorias',
        'Anotações',
      ],
      { first: 1, middle: 2, last: 3, company: 4, team: 5, role: 6, birthday: 7, tags: 8, notes: 9 },
    ],
    [
      'Japanese Outlook (family name first)',
      [
        '敬称',
        '姓',
        'ミドル ネーム',
        '名',
        '会社名',
        '部署',
        '役職',
        '誕生日',
        '分類',
        'メモ',
        '電子メール アドレス',
      ],
      {
        last: 1,
        middle: 2,
        first: 3,
        company: 4,
        team: 5,
        role: 6,
        birthday: 7,
        tags: 8,
        notes: 9,
        emails: [10],
        familyFirst: true,
      },
    ],
    [
      'Thunderbird',
      [
        'First Name',
        'Last Name',
        'Display Name',
        'Nickname',
        'Primary Email',
        'Secondary Email',
        'Birth Year',
        'Birth Month',
        'Birth Day',
      ],
      { first: 0, last: 1, name: 2, aliases: 3, emails: [4, 5], birthYear: 6, birthMonth: 7, birthDay: 8 },
    ],
  ])('%s', (_, header, columns) => expect(mapHeaders(header)).toEqual(columns));

  it('--map names a column for a field, over what its header says; an unknown column is refused', () => {
    expect(
      mapHeaders(
        ['Kontakt', 'Mail', 'Notes'],
        [
          { column: 'kontakt', field: 'name' },
          { column: 'Mail', field: 'email' },
          { column: 'Notes', field: 'role' },
        ],
      ),
    ).toEqual({
      name: 0,
      emails: [1],
      role: 2,
    });
    expect(mapHeaders(['Kontakt'], [{ column: 'Person', field: 'name' }])).toMatchObject({
      line: 1,
      message: expect.stringContaining('--map "Person=name": the header has no column "Person"'),
    });
  });

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
        ['Too', 'many', '', '', '', '', '', '', ''],
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
        emails: [],
      },
      // Outlook leaves out trailing empty columns: a short row is read with them empty.
      expect.objectContaining({ line: 4, name: 'Too', role: 'few', team: '', notes: [] }),
      expect.objectContaining({ line: 8, name: 'Cy', cadenceDays: 14, birthday: '05-17' }),
      // A birthday that is no date leaves the person in, without it.
      expect.objectContaining({ line: 9, name: 'Di', birthday: null }),
    ]);
    expect(read.problems).toEqual([
      { line: 5, message: 'has 9 fields where the header has 8' },
      { line: 6, message: 'has no name' },
      { line: 7, message: 'cadence "sometimes" is not a period (use 14d, 2w, monthly, ...)' },
    ]);
    expect(read.warnings).toEqual([
      { line: 9, message: 'birthday "13/13/1990" is not a real date; imported without a birthday' },
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

  it('e-mail columns (several, Google\'s ":::" lists, no X.500 addresses), Japanese name order, Thunderbird birthdays', () => {
    const google = peopleFromCsv(
      rows(
        ['Name', 'E-mail 1 - Value', 'E-mail 2 - Value', 'E-mail Address'],
        ['Ana', 'a@x.example ::: A@x.example', 'b@y.example', '/O=ORG/OU=EXCHANGE/CN=ANA'],
      ),
    );
    expect(google.people[0]!.emails).toEqual(['a@x.example', 'b@y.example']);
    const japanese = peopleFromCsv(rows(['姓', '名'], ['山田', '太郎']));
    expect(japanese.people[0]!.name).toBe('山田 太郎');
    const thunderbird = peopleFromCsv(
      rows(
        ['Display Name', 'Birth Year', 'Birth Month', 'Birth Day'],
        ['A', '1985', '7', '4'],
        ['B', '', '05', '17'],
        ['C', '', '', ''],
        ['D', '1991', '2', '29'],
      ),
    );
    expect(thunderbird.people.map((p) => p.birthday)).toEqual(['1985-07-04', '05-17', null, null]);
    expect(thunderbird.warnings).toEqual([
      { line: 5, message: 'birthday 1991-2-29 is not a real date; imported without a birthday' },
    ]);
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

  it('a numeric birthday that is no real day, year first or last, leaves the person in without it, with a warning', () => {
    const read = peopleFromCsv(
      rows(['name', 'birthday'], ['Ann', '1985/2/30'], ['Bo', '2/30/1985'], ['Cy', '1985/4/1']),
      {
        dateOrder: 'mdy',
      },
    );
    expect(read.people.map((p) => p.birthday)).toEqual([null, null, '1985-04-01']);
    expect(read.warnings).toEqual([
      { line: 2, message: 'birthday "1985/2/30" is not a real date; imported without a birthday' },
      { line: 3, message: 'birthday "2/30/1985" is not a real date; imported without a birthday' },
    ]);
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
      emails: [],
    };
    const { added, skipped } = addImportedPeople(
      journal,
      [
        { ...base, line: 2, name: 'jose perez' },
        { ...base, line: 3, name: 'Ana  Silva', notes: ['Two kids'], emails: ['ana@x.example'] },
        { ...base, line: 4, name: 'ANA SILVA' },
        { ...base, line: 5, name: 'José' },
      ],
      clock(),
    );
    expect(added).toEqual([
      { id: 'ana-silva', name: 'Ana Silva', line: 3 },
      { id: 'jose-id2', name: 'José', line: 5 },
    ]);
    expect(skipped).toEqual([
      {
        name: 'jose perez',
        line: 2,
        existingId: 'jose',
        reason: 'already in your journal',
        match: 'name',
        existingName: 'José Pérez',
        existingLine: null,
      },
      {
        name: 'ANA SILVA',
        line: 4,
        existingId: 'ana-silva',
        reason: 'same name as line 3',
        match: 'name',
        existingName: 'Ana Silva',
        existingLine: 3,
      },
    ]);
    expect(journal.people[1]!.notes).toEqual([{ id: 'id1', text: 'Two kids', addedOn: '2026-11-27' }]);
    expect(journal.people[1]!.emails).toEqual(['ana@x.example']);
    expect(journal.people[2]!.emails).toBeUndefined();
  });
});

describe('control characters in imported names', () => {
  const base = {
    role: '',
    team: '',
    relationship: '',
    tags: [],
    aliases: [],
    cadenceDays: null,
    birthday: null,
    notes: [],
    emails: [],
  };
  it.each([
    ['an escape sequence', 'Ana\u001b[31m Silva', 'Ana[31m Silva'],
    ['a bell and a NUL', 'Ana\u0007 Sil\u0000va', 'Ana Silva'],
    ['a C1 control and DEL', 'Ana\u009b Silva\u007f', 'Ana Silva'],
    ['a tab and a line break', 'Ana\tSilva\r\n', 'Ana Silva'],
    ['a right-to-left override', 'Ana \u202eavliS', 'Ana avliS'],
    ['accents and emoji, kept', 'José 👩‍💻', 'José 👩‍💻'],
  ])('%s: stripped from the name kept', (_, typed, kept) => {
    const journal = emptyJournal();
    const { added } = addImportedPeople(journal, [{ ...base, line: 2, name: typed }], clock());
    expect(added[0]!.name).toBe(kept);
    expect(journal.people[0]!.name).toBe(kept);
  });

  it('the same for the people of a rel export', () => {
    const journal = emptyJournal();
    const incoming = { ...emptyJournal(), people: [person('ana-silva', 'Ana\u001b]0;pwned\u0007 Silva')] };
    addFromExport(journal, incoming, () => null);
    expect(journal.people[0]!.name).toBe('Ana]0;pwned Silva');
  });
});

describe('who is already there', () => {
  const base = {
    role: '',
    team: '',
    relationship: '',
    tags: [],
    aliases: [],
    cadenceDays: null,
    birthday: null,
    notes: [],
    emails: [],
  };
  it("an id matches first, then the name, then an e-mail address; rel's own ids are kept when free", () => {
    const journal: Journal = {
      ...emptyJournal(),
      people: [person('ana-silva', 'Ana Costa'), { ...person('bo', 'Bo Li'), emails: ['Bo@Li.example'] }],
    };
    const { added, skipped } = addImportedPeople(
      journal,
      [
        { ...base, line: 1, name: 'Ana Silva', id: 'ana-silva' },
        { ...base, line: 2, name: 'Robert Li', emails: ['bo@li.example'] },
        { ...base, line: 3, name: 'Cy', id: 'cy-old', ownId: true, emails: ['cy@x.example'] },
        { ...base, line: 4, name: 'Dee', id: '4F2B-UID', ownId: true },
        { ...base, line: 5, name: 'Eve', id: 'ana-silva', ownId: true },
        { ...base, line: 6, name: 'Cyrus', emails: ['CY@x.example'] },
        { ...base, line: 7, name: 'Fay', id: 'cy-old' },
      ],
      clock(),
    );
    expect(added).toEqual([
      { id: 'cy-old', name: 'Cy', line: 3 },
      { id: 'dee', name: 'Dee', line: 4 },
    ]);
    expect(skipped.map((p) => [p.line, p.existingId, p.reason])).toEqual([
      [1, 'ana-silva', 'already in your journal as ana-silva (same id)'],
      [2, 'bo', "e-mail address bo@li.example is Bo Li's (bo) in your journal"],
      [5, 'ana-silva', 'already in your journal as ana-silva (same id)'],
      [6, 'cy-old', "e-mail address CY@x.example is Cy's, line 3"],
      [7, 'cy-old', 'same id as line 3'],
    ]);
    expect(journal.people.find((p) => p.id === 'cy-old')!.emails).toEqual(['cy@x.example']);
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
    const first = addFromExport(journal, incoming, lineOf);
    expect(first.added).toEqual([{ id: 'ana', name: 'Ana', line: 4 }]);
    expect(first.skipped).toEqual([
      { name: 'Bo', line: 5, existingId: 'bo', reason: 'already in your journal as bo' },
    ]);
    expect(journal.conversations.map((c) => [c.id, c.with])).toEqual([['c1', ['ana', 'bo']]]);
    expect(journal.followUps.map((f) => [f.id, f.personId])).toEqual([['f1', 'bo']]);
    expect(first.problems).toEqual([
      // With no line of its own, a record is named by its place in the file's list.
      {
        line: null,
        message: 'conversations[1] conversation c2 is with zed, who is in neither the file nor your journal',
      },
    ]);
    const before = JSON.stringify(journal);
    const second = addFromExport(journal, incoming, lineOf);
    expect(JSON.stringify(journal)).toBe(before);
    expect(second.added).toEqual([]);
    expect(second.conversations).toEqual({ added: 0, skipped: 1 });
    expect(second.followUps).toEqual({ added: 0, skipped: 1 });
  });
});

describe('a birthday after today, from any format', () => {
  // The clock says 2026-11-27: a year is that of their birth, and rel add refuses a day after
  // today. Every format brings the person in without it, with the same warning on their line.
  const today = '2026-11-27';
  const csv = (birthday: string): ImportSource => ({
    kind: 'people',
    ...peopleFromCsv(rows(['name', 'birthday'], ['Ana Silva', birthday]), {}),
  });
  const vcard = (birthday: string): ImportSource => {
    const warnings: ImportProblem[] = [];
    const { cards } = parseVCards(`BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nBDAY:${birthday}\nEND:VCARD\n`);
    const person = personFromCard(cards[0]!, { warn: (w) => warnings.push(w) }) as ImportedPerson;
    return { kind: 'people', people: [person], problems: [], warnings };
  };
  const json = (birthday: string): ImportSource => ({
    kind: 'journal',
    journal: { ...emptyJournal(), people: [wholePerson('ana-silva', 'Ana Silva', { birthday })] },
    lineOf: () => 3,
    problems: [],
    warnings: [],
  });
  const lineOf = { csv: 2, vcard: 1, json: 3 };

  it.each([
    ['csv', csv, '2030-05-01', '05-01'],
    ['csv', csv, '2026-11-28', '11-28'],
    ['vcard', vcard, '20300501', '05-01'],
    ['json', json, '2030-05-01', '05-01'],
  ] as const)(
    '%s %s: left out, with a warning naming the person and the line',
    (format, source, typed, day) => {
      const journal = emptyJournal();
      const outcome = applyImport(journal, source(typed), clock());
      expect(outcome.added.map((p) => p.name)).toEqual(['Ana Silva']);
      expect(journal.people[0]!.birthday).toBeNull();
      const stored =
        typed.length === 8 ? `${typed.slice(0, 4)}-${typed.slice(4, 6)}-${typed.slice(6)}` : typed;
      expect(outcome.warnings).toEqual([
        {
          line: lineOf[format],
          message: `Ana Silva: birthday "${stored}" is after today (${today}), so it was left out (its year is the year they were born); to keep the day alone: rel edit "Ana Silva" --birthday ${day}`,
        },
      ]);
    },
  );

  it.each([
    ['csv', '2026-11-27', '2026-11-27', csv], // born today
    ['csv', '05-01', '05-01', csv],
    ['vcard', '--0501', '05-01', vcard],
    ['json', '1990-05-01', '1990-05-01', json],
  ] as const)('%s %s: kept', (_, typed, stored, source) => {
    const journal = emptyJournal();
    expect(applyImport(journal, source(typed), clock()).warnings).toEqual([]);
    expect(journal.people[0]!.birthday).toBe(stored);
  });
});
