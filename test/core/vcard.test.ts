import { describe, expect, it } from 'vitest';
import {
  decodeQuotedPrintable,
  parseProperty,
  parseVCards,
  personFromCard,
  splitStructured,
  unescapeText,
  unfold,
} from '../../src/core/vcard.js';

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n');

function person(...lines: string[]) {
  const { cards, problems } = parseVCards(card(...lines));
  expect(problems).toEqual([]);
  return personFromCard(cards[0]!);
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
    ['Jo=C3=A3o', 'utf-8', 'João'],
    ['M=FCller', 'ISO-8859-1', 'Müller'],
    ['a=3Db=0D=0Ac', 'utf-8', 'a=b\r\nc'],
    ['plain', 'no-such-charset', 'plain'],
  ])('quoted-printable %j in %s', (text, charset, decoded) =>
    expect(decodeQuotedPrintable(text, charset)).toBe(decoded),
  );

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
  ])('%j', (lines, expected) => expect(person(...lines)).toMatchObject(expected));

  it.each([
    [['TEL:1'], 'card has no name (FN or N)'],
    [['FN:', 'N:;;;;'], 'card has no name (FN or N)'],
    [['FN:A', 'BDAY:in May'], 'BDAY "in May" is not a date rel understands'],
    [['FN:A', 'BDAY:1991-02-29'], 'BDAY "1991-02-29" is not a date rel understands'],
  ])('%j is refused', (lines, message) => expect(person(...lines)).toEqual({ line: 1, message }));
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
