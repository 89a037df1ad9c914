import { describe, expect, it } from 'vitest';
import type { ImportProblem } from '../../src/core/import-types.js';
import {
  type CardReading,
  parseProperty,
  parseVCards,
  personFromCard,
  quotedPrintableBytes,
  readVCards,
  splitStructured,
  unescapeText,
  unfold,
} from '../../src/core/vcard.js';

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n');

/** The people of a file's bytes, with the warnings reading them gave. */
function read(bytes: Uint8Array, charset?: string) {
  const warnings: ImportProblem[] = [];
  const reading: CardReading = { charset, warn: (w) => warnings.push(w) };
  const { cards, problems } = readVCards(bytes);
  return { people: cards.map((c) => personFromCard(c, reading)), problems, warnings };
}

function person(...lines: string[]) {
  const { people, problems, warnings } = read(Buffer.from(card(...lines), 'utf8'));
  expect(problems).toEqual([]);
  expect(warnings).toEqual([]);
  return people[0]!;
}

describe('unfolding', () => {
  it('joins folded lines (space or tab) and quoted-printable soft breaks, keeping the first line number', () => {
    const lines = unfold(
      'A:1\r\nNOTE:long\r\n  text\r\n\tmore\r\nX;ENCODING=QUOTED-PRINTABLE:a=\r\n b=\r\nc\r\n\r\nB:2',
    );
    expect(lines).toEqual([
      { text: 'A:1', line: 1 },
      { text: 'NOTE:long textmore', line: 2 },
      { text: 'X;ENCODING=QUOTED-PRINTABLE:a bc', line: 5 },
      { text: 'B:2', line: 9 },
    ]);
  });
});

describe('properties', () => {
  it.each([
    ['FN:Ana', { group: null, name: 'FN', raw: 'Ana' }],
    ['item1.EMAIL;type=INTERNET;type=pref:a@b.c', { group: 'item1', name: 'EMAIL', raw: 'a@b.c' }],
    ['fn:lower case', { group: null, name: 'FN', raw: 'lower case' }],
    ['NOTE:time: 10:30', { group: null, name: 'NOTE', raw: 'time: 10:30' }],
    ['X-LABEL;LABEL="a:b";TYPE=x:value', { group: null, name: 'X-LABEL', raw: 'value' }],
  ])('%s', (text, expected) => expect(parseProperty({ text, line: 1 })).toMatchObject(expected));

  it('reads 2.1 bare parameters as TYPE values and gathers repeated ones', () => {
    const property = parseProperty({ text: 'TEL;CELL;type=pref;TYPE=VOICE,WORK:1', line: 1 })!;
    expect(property.params.get('TYPE')).toEqual(['CELL', 'pref', 'VOICE', 'WORK']);
  });

  it.each(['no colon here', ':value without a name', 'BAD NAME:x'])('%j is not a property', (text) =>
    expect(parseProperty({ text, line: 1 })).toBeUndefined(),
  );
});

describe('values', () => {
  it.each([
    ['Jo=C3=A3o', [0x4a, 0x6f, 0xc3, 0xa3, 0x6f]],
    ['a=3Db=0D=0Ac', [0x61, 0x3d, 0x62, 0x0d, 0x0a, 0x63]],
    ['=ZZ=4', [0x3d, 0x5a, 0x5a, 0x3d, 0x34]],
  ])('quoted-printable %j', (text, bytes) => expect([...quotedPrintableBytes(text)]).toEqual(bytes));

  it.each([
    ['FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jo=C3=A3o', 'João'],
    ['FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller', 'Müller'],
    ['FN;CHARSET=no-such-charset:plain', 'plain'],
    // Labelled ISO-8859-1 or windows-1252, 0x80-0x9F are what windows-1252 has there, never C1 controls.
    ['FN;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:Caf=80 =93Zo=EB=94', 'Caf€ “Zoë”'],
    ['FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Two kids =96 fine', 'Two kids – fine'],
    ['FN;CHARSET=windows-1250;ENCODING=QUOTED-PRINTABLE:Iksi=F1ski', 'Iksiński'],
  ])('%s', (line, name) => expect(person(line)).toMatchObject({ name }));

  it('splits structured values at unescaped semicolons and unescapes text', () => {
    expect(splitStructured('Silva;Ana\\;Maria;;;')).toEqual(['Silva', 'Ana\\;Maria', '', '', '']);
    expect(unescapeText('a\\nb\\, c\\; d\\\\e\\Nf')).toBe('a\nb, c; d\\e\nf');
  });
});

describe('a card becomes a person', () => {
  it.each([
    [['FN:Ana Silva', 'N:Silva;Ana;;;'], { name: 'Ana Silva' }],
    [['N:Silva;Ana;Maria;Dr.;PhD'], { name: 'Dr. Ana Maria Silva PhD' }],
    [['FN:  Ana   Silva  '], { name: 'Ana Silva' }],
    [['FN:A', 'TITLE:Staff Engineer', 'ORG:Globex;Platform'], { role: 'Staff Engineer', team: 'Platform' }],
    [['FN:A', 'ORG:Globex;'], { team: 'Globex' }],
    [['FN:A', 'NOTE:Two kids\\nLoves jazz'], { notes: ['Two kids\nLoves jazz'] }],
    [['FN:A', 'BDAY:19850704'], { birthday: '1985-07-04' }],
    [['FN:A', 'BDAY;VALUE=date:1985-07-04'], { birthday: '1985-07-04' }],
    [['FN:A', 'BDAY:1990-03-15T00:00:00Z'], { birthday: '1990-03-15' }],
    [['FN:A', 'BDAY:--0517'], { birthday: '05-17' }],
    [['FN:A', 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29'], { birthday: '02-29' }],
    [['FN:A', 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ', 'TEL:1'], { notes: [], birthday: null }],
    [['FN:A', 'NOTE:one', 'NOTE:two'], { notes: ['one', 'two'] }],
    [['FN:A', 'NICKNAME:Johny\\,Jr,JJ', 'NICKNAME:JJ'], { aliases: ['Johny,Jr', 'JJ'] }],
    [['FN:A', 'CATEGORIES:myContacts,Work,Climbing'], { tags: ['Work', 'Climbing'] }],
    [
      ['FN:A', 'EMAIL;TYPE=INTERNET;PREF:a@x.example', 'item1.EMAIL:b@y.example', 'EMAIL:A@X.example'],
      { emails: ['a@x.example', 'b@y.example'] },
    ],
  ])('%j', (lines, expected) => expect(person(...lines)).toMatchObject(expected));

  it.each([
    [['TEL:1'], 'card has no name (FN or N)'],
    [['FN:', 'N:;;;;'], 'card has no name (FN or N)'],
  ])('%j is refused', (lines, message) => {
    const { people } = read(Buffer.from(card(...lines)));
    expect(people[0]).toEqual({ line: 1, message });
  });

  it.each([
    'BDAY;VALUE=text:circa 1800',
    'BDAY:1985',
    'BDAY:1985-04',
    'BDAY:1991-02-29',
    'BDAY:2000-13-40',
    'BDAY:in May',
  ])('%s: the person is kept without the birthday, and the card is reported', (line) => {
    const { people, warnings } = read(Buffer.from(card('VERSION:3.0', 'FN:Ana', line)));
    expect(people[0]).toMatchObject({ name: 'Ana', birthday: null });
    const raw = line.slice(line.indexOf(':') + 1);
    expect(warnings).toEqual([
      {
        line: 1,
        message: `BDAY "${raw}" is not a date rel can use (a day and month, with or without the year); imported without a birthday`,
      },
    ]);
  });
});

describe('charsets, decided per property', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const utf8 = (text: string) => Buffer.from(text, 'utf8');

  it('a file with one legacy card garbles none of the UTF-8 ones', () => {
    const bytes = Buffer.concat([
      utf8(card('VERSION:3.0', 'FN:Klaus Löfflad')),
      utf8('\r\n'),
      latin1(card('VERSION:2.1', 'FN:Jos\xe9 P\xe9rez', 'NOTE:Two kids \x96 \x93Zo\xeb\x94')),
    ]);
    const { people, warnings } = read(bytes);
    expect(people.map((p) => ('name' in p ? [p.name, p.notes] : p))).toEqual([
      ['Klaus Löfflad', []],
      ['José Pérez', ['Two kids – “Zoë”']],
    ]);
    expect(warnings).toEqual([
      {
        line: 5,
        message: expect.stringMatching(
          /^FN, NOTE of "José Pérez" is not UTF-8 and names no charset: read as windows-1252; .*--charset/,
        ),
      },
    ]);
  });

  it('a fold inside a UTF-8 character is repaired (unfolded first, decoded after)', () => {
    const name = utf8('FN:Klaus Löfflad');
    const split = name.indexOf(0xc3) + 1; // between the two bytes of ö
    const bytes = Buffer.concat([
      utf8('BEGIN:VCARD\r\nVERSION:4.0\r\n'),
      name.subarray(0, split),
      utf8('\r\n '),
      name.subarray(split),
      utf8('\r\nEND:VCARD\r\n'),
    ]);
    expect(read(bytes)).toMatchObject({ people: [{ name: 'Klaus Löfflad' }], warnings: [] });
  });

  it('quoted-printable with no CHARSET (The Bat!): windows-1252, reported; --charset says what it is', () => {
    const bytes = utf8(card('VERSION:2.1', 'FN;ENCODING=QUOTED-PRINTABLE:Piotr Iksi=F1ski'));
    const guessed = read(bytes);
    expect(guessed.people[0]).toMatchObject({ name: 'Piotr Iksiñski' });
    expect(guessed.warnings).toHaveLength(1);
    expect(guessed.warnings[0]!.message).toContain('read as windows-1252');
    const told = read(bytes, 'windows-1250');
    expect(told).toMatchObject({ people: [{ name: 'Piotr Iksiński' }], warnings: [] });
  });

  it.each([
    ['utf-16le', false],
    ['utf-16le', true],
    ['utf-16be', false],
    ['utf-16be', true],
  ] as const)('%s (byte order mark: %s), as Apple Address Book exports', (encoding, bom) => {
    const text = `${bom ? '\ufeff' : ''}${card('VERSION:3.0', 'N:Löfflad;Klaus;;;', 'FN:Klaus Löfflad')}\r\n`;
    const le = Buffer.from(text, 'utf16le');
    const bytes = encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
    expect(read(bytes)).toMatchObject({ people: [{ name: 'Klaus Löfflad' }], warnings: [], problems: [] });
  });
});

describe('broken files', () => {
  it('names the line of each broken card and keeps the others', () => {
    const text = [
      'BEGIN:VCARD',
      'FN:A',
      'BEGIN:VCARD',
      'FN:B',
      'END:VCARD',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:C',
    ].join('\n');
    const { cards, problems } = parseVCards(text);
    expect(cards.map((c) => c.line)).toEqual([3]);
    expect(problems).toEqual([
      { line: 1, message: 'card has no END:VCARD before the next card' },
      { line: 6, message: 'END:VCARD without a BEGIN:VCARD' },
      { line: 7, message: 'card has no END:VCARD (the file ends inside it)' },
    ]);
  });
});
