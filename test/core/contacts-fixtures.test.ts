// Every fixture in test/fixtures/contacts (one per writer, see its README), read as rel import reads
// it, against the people expected of it: names, fields, e-mail addresses, and what is reported.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, type ReadOptions, readSource } from '../../src/commands/journal/import/read.js';
import { decodeFile } from '../../src/core/charset.js';
import type { ImportedPerson } from '../../src/core/import-types.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/contacts');

type Expected = Partial<Omit<ImportedPerson, 'line'>> & { name: string };

interface Case {
  file: string;
  options?: ReadOptions;
  people: Expected[];
  /** The start of each warning, by line (null: about the whole file). */
  warnings?: [number | null, string][];
  problems?: [number | null, string][];
}

const GUESSED_CARD = 'is not UTF-8 and names no charset: read as windows-1252';
const GUESSED_FILE = 'the file is not UTF-8: read as windows-1252';
const NO_BIRTHDAY = 'is not a date rel can use';

const CASES: Case[] = [
  {
    file: 'outlook-2003.vcf',
    people: [
      {
        name: 'Renée Dufresne',
        role: 'Buyer',
        team: 'Purchasing',
        birthday: '1980-01-01',
        notes: ['Two kids – “Zoë” and Luc.\nPrefers calls after 4pm.'],
        emails: ['renee.dufresne@northwind.example'],
      },
    ],
    warnings: [[1, `N, FN, NOTE of "Renée Dufresne" ${GUESSED_CARD}`]],
  },
  {
    file: 'outlook-2003.vcf',
    options: { charset: 'windows-1252' },
    people: [{ name: 'Renée Dufresne', notes: ['Two kids – “Zoë” and Luc.\nPrefers calls after 4pm.'] }],
  },
  {
    file: 'outlook-2007.vcf',
    people: [
      {
        name: 'Tomás Ibáñez',
        role: 'Controller',
        team: 'Finance',
        birthday: '1979-02-14',
        notes: ['Owes me 20 € for lunch.\nAsk about the marathon.'],
        emails: ['tomas@fabrikam.example'],
      },
    ],
  },
  {
    file: 'gmail.vcf',
    people: [
      {
        name: 'Aiko Mori',
        role: 'Designer',
        team: 'Globex',
        tags: ['Climbing'],
        aliases: ['Ai'],
        birthday: '1986-09-12',
        notes: ['Loves bouldering, film cameras and ramen.\nPartner: Ken.'],
        emails: ['aiko@globex.example', 'aiko.mori@mail.example'],
      },
      { name: 'Omar Haddad', tags: [], birthday: '05-17', emails: ['omar@globex.example'] },
    ],
  },
  {
    file: 'iphone.vcf',
    people: [
      {
        name: 'Yui Tanaka',
        role: 'Research Lead',
        team: 'Research',
        birthday: '11-03',
        notes: ['Runs the lab book club.\nAsk about her thesis.'],
        emails: ['yui@initech.example'],
      },
    ],
  },
  {
    file: 'macos-utf16be.vcf',
    people: [
      { name: 'Zofia Łukasiewicz', role: 'Staff Engineer', team: 'Platform', birthday: '1992-02-29' },
      { name: 'Minh Nguyễn' },
    ],
  },
  { file: 'macos-utf16le.vcf', people: [{ name: 'Siv Øvergaard', notes: ['Lives in Tromsø.'] }] },
  {
    file: 'thunderbird-2.1.vcf',
    people: [
      {
        name: 'Chidi Okafor',
        role: 'Dispatcher',
        team: 'Logistics',
        notes: ['Met at the 2019 offsite.'],
        emails: ['chidi@umbrella.example'],
      },
    ],
  },
  {
    file: 'thunderbird-4.0.vcf',
    people: [
      {
        name: 'Inês Carvalho',
        role: 'Product Owner',
        team: 'Initrode',
        aliases: ['Nês'],
        birthday: '1979-02-14',
        emails: ['ines@initrode.example', 'ines.home@mail.example'],
      },
    ],
  },
  {
    file: 'evolution.vcf',
    people: [
      {
        name: 'Ada Okonkwo',
        role: 'Auditor',
        team: 'Accounting / Audit',
        tags: ['VIP', 'Mentoring'],
        aliases: ['Adaeze'],
        birthday: '1980-03-22',
        notes: ['Mentor to two juniors; wants to move to risk.'],
      },
    ],
  },
  { file: 'blackberry.vcf', people: [{ name: 'Petra Novak', team: 'Acme Solutions', notes: [] }] },
  {
    file: 'lotus-notes.vcf',
    people: [
      {
        name: 'Moritz Brandt',
        role: 'Generic Accountant',
        team: 'Imports',
        aliases: ['Mo,Momo', 'Mojo'],
        birthday: '1980-05-21',
      },
    ],
  },
  {
    file: 'nextcloud.vcf',
    people: [
      {
        name: 'Lea Schmid',
        tags: ['Friends', 'Book club'],
        birthday: '1990-05-21',
        emails: ['lea@mail.example'],
      },
    ],
  },
  {
    file: 'rfc6350-example.vcf',
    people: [{ name: 'Élodie Gagnon', team: 'Viaduct', birthday: '02-03' }],
  },
  {
    file: 'rfc2426-example.vcf',
    people: [
      {
        name: 'Frank Doyle',
        team: 'Lattice Development Corporation',
        emails: ['Frank_Doyle@lattice.example', 'fdoyle@mail.example'],
      },
    ],
  },
  {
    file: 'thebat-2.1.vcf',
    people: [{ name: 'Piotr Iksiñski' }],
    warnings: [[1, `N, FN, NOTE of "Piotr Iksiñski" ${GUESSED_CARD}`]],
  },
  {
    file: 'thebat-2.1.vcf',
    options: { charset: 'windows-1250' },
    people: [{ name: 'Piotr Iksiński', notes: ['Gra na skrzypcach, lubi żeglarstwo.'] }],
  },
  {
    file: 'mixed-encodings.vcf',
    people: [
      { name: 'Klaus Löfflad', role: 'Braumeister' },
      { name: 'José Pérez', notes: ['Café every Friday – “bica”.'] },
      { name: 'Zoë Ñandú' },
    ],
    warnings: [[7, `FN, NOTE of "José Pérez" ${GUESSED_CARD}`]],
  },
  {
    file: 'bad-birthdays.vcf',
    people: [
      { name: 'Ancestor Unknown', birthday: null },
      { name: 'Year Only', birthday: null },
      { name: 'Month Only', birthday: null },
      { name: 'Not Leap', birthday: null },
      { name: 'No Such Day', birthday: null },
      { name: 'Leap Day', birthday: '1992-02-29' },
    ],
    warnings: [
      [1, `BDAY "circa 1800" ${NO_BIRTHDAY}`],
      [6, `BDAY "1985" ${NO_BIRTHDAY}`],
      [11, `BDAY "1985-04" ${NO_BIRTHDAY}`],
      [16, `BDAY "1991-02-29" ${NO_BIRTHDAY}`],
      [21, `BDAY "2000-13-40" ${NO_BIRTHDAY}`],
    ],
  },
  {
    file: 'outlook-short-rows.csv',
    people: [
      {
        name: 'Grégoire Lefèvre',
        role: 'Counsel',
        team: 'Legal',
        tags: ['Legal', 'VIP'],
        birthday: '1988-07-24',
        emails: ['greg@contoso.example'],
      },
      { name: 'Dana Whitfield', team: 'Contoso', birthday: null, notes: ['Budget owner – ask early.'] },
      { name: 'Sam Okoro', birthday: '1975-12-31', emails: ['sam@mail.example'] },
    ],
    warnings: [[null, GUESSED_FILE]],
  },
  {
    file: 'outlook-de.csv',
    options: { charset: 'windows-1252' },
    people: [
      {
        name: 'Jürgen Weiß',
        role: 'Leiter Einkauf',
        team: 'Einkauf',
        tags: ['Lieferanten'],
        birthday: '1988-07-24',
        notes: ['Mag Fußball.'],
        emails: ['juergen.weiss@mueller.example'],
      },
      { name: 'Anke Maria Groß', team: 'Müller & Söhne GmbH', birthday: null },
    ],
  },
  {
    // Saved by Excel in a German locale: ";" between cells (the comma is the decimal mark), a cell
    // quoted only when it holds ";" or a quote, a comma left bare inside a cell, CRLF.
    file: 'excel-de.csv',
    options: { charset: 'windows-1252' },
    people: [
      {
        name: 'Jürgen Weiß',
        role: 'Leiter Einkauf',
        team: 'Einkauf',
        birthday: '1988-07-24',
        notes: ['Mag Fußball; spielt Schach'],
        emails: ['juergen.weiss@mueller.example'],
      },
      {
        name: 'Anke Groß',
        team: 'Beispiel AG, Berlin',
        birthday: null,
        emails: ['anke.gross@beispiel.example'],
      },
      { name: 'Lena Schäfer', role: 'Key Account Managerin "Süd"', team: 'Vertrieb', birthday: '1984-11-03' },
    ],
  },
  {
    // Excel's "CSV UTF-8" in a French locale, with the "sep=;" first line Excel itself reads.
    file: 'excel-fr.csv',
    people: [
      {
        name: 'Renée Dufresne',
        role: 'Acheteuse',
        team: 'Achats',
        birthday: '1980-01-15',
        emails: ['renee.dufresne@vins.example'],
      },
    ],
  },
  {
    file: 'outlook-fr.csv',
    options: { charset: 'windows-1252' },
    people: [],
    problems: [[2, 'birthday "3/11/1984" can be read two ways']],
  },
  {
    file: 'outlook-fr.csv',
    options: { charset: 'windows-1252', dateOrder: 'dmy' },
    people: [
      {
        name: 'François Lemaître',
        role: 'Acheteur',
        team: 'Achats',
        aliases: ['Fanfan'],
        tags: ['Fournisseurs'],
        birthday: '1984-11-03',
        emails: ['francois@cafe.example'],
      },
    ],
  },
  {
    file: 'outlook-es.csv',
    options: { charset: 'windows-1252' },
    people: [
      {
        name: 'María José Núñez Peña',
        role: 'Directora',
        team: 'Ventas',
        tags: ['Clientes'],
        birthday: '1990-12-25',
        emails: ['mj@nandu.example'],
      },
    ],
  },
  {
    file: 'outlook-pt.csv',
    options: { charset: 'windows-1252' },
    people: [
      {
        name: 'João Conceição',
        role: 'Gerente',
        team: 'Operações',
        birthday: '1982-03-15',
        notes: ['Torce pelo Flamengo.'],
      },
    ],
  },
  {
    file: 'outlook-ja.csv',
    options: { charset: 'shift_jis' },
    people: [
      {
        name: '山田 太郎',
        role: '課長',
        team: '営業部',
        tags: ['取引先'],
        birthday: '1985-04-01',
        notes: ['ゴルフが好き'],
        emails: ['taro@sample.example'],
      },
    ],
  },
  {
    file: 'google-fr.csv',
    people: [
      {
        name: 'Chloé Bérénger',
        role: 'Infirmière',
        team: 'Urgences',
        tags: ['Escalade'],
        aliases: ['Lolo'],
        birthday: '1991-06-30',
        emails: ['chloe@mail.example', 'chloe@work.example'],
      },
    ],
  },
  {
    file: 'google-es.csv',
    people: [
      {
        name: 'Íñigo Azcárate',
        role: 'Ingeniero',
        team: 'Bilbo Solar',
        tags: [],
        aliases: ['Iñi'],
        birthday: '08-15',
      },
    ],
  },
  {
    file: 'thunderbird.csv',
    people: [
      {
        name: 'Mei Chen',
        role: 'Analyst',
        team: 'Risk',
        birthday: '1993-04-09',
        emails: ['mei@chen.example', 'mei.work@initech.example'],
      },
      { name: 'Ravi Iyer', birthday: '11-02', emails: ['ravi@mail.example'] },
    ],
  },
  {
    file: 'crm.csv',
    options: {
      map: [
        { column: 'Kontaktperson', field: 'name' },
        { column: 'Mail', field: 'email' },
        { column: 'Funktion', field: 'role' },
        { column: 'Bemerkung', field: 'notes' },
      ],
    },
    people: [
      { name: 'Ola Nordmann', role: 'Skipper', notes: ['Sails on weekends.'], emails: ['ola@nord.example'] },
    ],
  },
];

async function read(file: string, options: ReadOptions = {}) {
  const bytes = fs.readFileSync(path.join(DIR, file));
  const text = decodeFile(bytes, options.charset);
  const source = await readSource(detectFormat(file, text.text), bytes, text, options);
  if (source.kind !== 'people') throw new Error(`${file} read as a journal`);
  return source;
}

describe('contacts as each writer writes them', () => {
  it.each(CASES.map((c) => [c.file, c.options ?? {}, c] as const))('%s %j', async (file, options, c) => {
    const source = await read(file, options);
    expect(source.people).toEqual(c.people.map((p) => expect.objectContaining(p)));
    const starts = (list: { line: number | null; message: string }[]) =>
      list.map((w) => [w.line, w.message.slice(0, 200)]);
    expect(starts(source.warnings)).toEqual(
      (c.warnings ?? []).map(([line, start]) => [line, expect.stringMatching(`^${literally(start)}`)]),
    );
    expect(starts(source.problems)).toEqual(
      (c.problems ?? []).map(([line, start]) => [line, expect.stringMatching(`^${literally(start)}`)]),
    );
  });

  it('every fixture in the folder is in the table, and the README names each', () => {
    const files = fs.readdirSync(DIR).filter((f) => f !== 'README.md');
    expect(new Set(CASES.map((c) => c.file))).toEqual(new Set(files));
    const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');
    for (const file of files) expect(readme).toContain(`\`${file}\``);
  });

  it('headers rel does not know are refused until --map says what they are', async () => {
    await expect(read('crm.csv')).rejects.toThrow(/no name column.*--map/);
    await expect(read('outlook-ja.csv')).rejects.toThrow(/no name column/); // Shift_JIS read as windows-1252
  });
});

function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
