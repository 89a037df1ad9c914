// Bringing people in: from rows of a CSV file, from vCards, or from rel's own JSON export. Pure:
// the command reads the file, decodes it and hands the records here; this decides what is added,
// what is skipped as already there, and what is wrong with which line.
import { type Birthday, readBirthday } from './birthdays.js';
import { parseListCell, parseNotesCell, unneutralise } from './csv-cells.js';
import { periodDays } from './dates.js';
import { emailKey } from './emails.js';
import { PEOPLE_HEADERS } from './export.js';
import {
  type Clock,
  type Conversation,
  cleanName,
  type Journal,
  newPersonRecord,
  type Person,
} from './journal.js';
import { normalize, withoutControls } from './text.js';

/** A person read from a file, before they are in the journal. */
export interface ImportedPerson {
  /** Where the row or card starts in the file (the header is line 1). */
  line: number;
  name: string;
  role: string;
  team: string;
  relationship: string;
  tags: string[];
  aliases: string[];
  cadenceDays: number | null;
  birthday: Birthday | null;
  notes: string[];
  emails: string[];
  /** A vCard's UID or the id column of rel's own CSV: a person with this id is this person. */
  id?: string | undefined;
  /** The file is rel's own export: a new person keeps `id` when it is free. */
  ownId?: boolean | undefined;
}

export interface ImportProblem {
  /** The line in the file, or null when the problem is not tied to one. */
  line: number | null;
  message: string;
}

export interface ReadPeople {
  people: ImportedPerson[];
  /** Rows or cards left out. */
  problems: ImportProblem[];
  /** What was imported only in part, or guessed (a birthday left out, a charset guessed). */
  warnings: ImportProblem[];
}

export interface AddedPerson {
  id: string;
  name: string;
  line: number | null;
}

export interface SkippedPerson {
  name: string;
  line: number | null;
  /** The person already in the journal (or earlier in the file) with that name. */
  existingId: string | null;
  reason: string;
}

export type Progress = (done: number, total: number) => void;

/** An id as rel makes them (an ASCII slug, -2 and so on on collision), never a foreign UID. */
const REL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Adds the people not yet in the journal; the others are skipped. A person is already there when
 * their id (a vCard UID, the id column of rel's own CSV) is a person's id, else when the name is
 * (ignoring case and accents), else when one of their e-mail addresses is someone's (one address
 * names one person). The same goes for people earlier in the file. rel's own exports keep their ids.
 */
export function addImportedPeople(
  journal: Journal,
  people: ImportedPerson[],
  clock: Clock,
  progress?: Progress,
): { added: AddedPerson[]; skipped: SkippedPerson[] } {
  type Known = { id: string; line: number | null };
  const byName = new Map<string, Known>();
  const byId = new Map<string, Known>();
  const byEmail = new Map<string, Known>();
  const know = (person: { id: string; name: string; emails?: string[] | undefined }, line: number | null) => {
    const known = { id: person.id, line };
    byId.set(person.id, known);
    if (!byName.has(normalize(person.name))) byName.set(normalize(person.name), known);
    for (const email of person.emails ?? [])
      if (!byEmail.has(emailKey(email))) byEmail.set(emailKey(email), known);
  };
  for (const person of journal.people) know(person, null);
  const taken = new Set(journal.people.map((p) => p.id));
  const added: AddedPerson[] = [];
  const skipped: SkippedPerson[] = [];
  people.forEach((incoming, i) => {
    progress?.(i + 1, people.length);
    const name = cleanName(withoutControls(incoming.name));
    const byAddress = incoming.emails.map((e) => byEmail.get(emailKey(e))).find(Boolean);
    const [twin, why] = (
      [
        [incoming.id === undefined ? undefined : byId.get(incoming.id), 'same id'],
        [byName.get(normalize(name)), 'same name'],
        [byAddress, 'same e-mail address'],
      ] as const
    ).find(([known]) => known !== undefined) ?? [undefined, ''];
    if (twin) {
      const inJournal =
        why === 'same name' ? 'already in your journal' : `already in your journal as ${twin.id} (${why})`;
      skipped.push({
        name,
        line: incoming.line,
        existingId: twin.id,
        reason: twin.line === null ? inJournal : `${why} as line ${twin.line}`,
      });
      return;
    }
    const person = newPersonRecord(journal, { ...incoming, name }, clock, taken);
    if (incoming.ownId && incoming.id !== undefined && REL_ID.test(incoming.id) && !taken.has(incoming.id))
      person.id = incoming.id;
    journal.people.push(person);
    taken.add(person.id);
    know(person, incoming.line);
    added.push({ id: person.id, name: person.name, line: incoming.line });
  });
  return { added, skipped };
}

// ---- CSV: columns are found by their header, in rel's own export and in what address books write.

type Field =
  | 'name'
  | 'first'
  | 'middle'
  | 'last'
  | 'role'
  | 'team'
  | 'company'
  | 'relationship'
  | 'tags'
  | 'aliases'
  | 'cadence'
  | 'birthday'
  | 'birthYear'
  | 'birthMonth'
  | 'birthDay'
  | 'notes'
  | 'email';

/**
 * Header names per field, compared ignoring case, accents and spacing: rel's own, Google's and
 * Outlook's (in English, German, French, Spanish, Portuguese and Japanese), Thunderbird's. The
 * words that mean the first name in one export and the whole name in another (French "Nom",
 * Spanish "Nombre", Portuguese "Nome") are sorted out by mapHeaders.
 */
const HEADER_NAMES: Record<Field, string[]> = {
  name: ['name', 'full name', 'display name', 'contact name', '名前'],
  first: [
    'first name',
    'given name',
    'firstname',
    'vorname',
    'prénom',
    'nombre de pila',
    'nome próprio',
    '名',
  ],
  middle: [
    'middle name',
    'additional name',
    'weitere vornamen',
    'deuxième prénom',
    'segundo nombre',
    'segundo nome',
    'nome do meio',
    'ミドル ネーム',
  ],
  last: [
    'last name',
    'family name',
    'surname',
    'lastname',
    'nachname',
    'nom de famille',
    'apellidos',
    'apellido',
    'sobrenome',
    'apelido',
    '姓',
  ],
  role: [
    'role',
    'job title',
    'organization title',
    'organization 1 - title',
    'position',
    'organisation 1 - titel',
    'fonction',
    'organisation 1 - titre',
    'puesto',
    'cargo',
    'organización 1 - cargo',
    'organização 1 - cargo',
    '役職',
    '組織 1 - 役職',
  ],
  team: [
    'team',
    'department',
    'organization department',
    'organization 1 - department',
    'abteilung',
    'organisation 1 - abteilung',
    'service',
    'organisation 1 - service',
    'departamento',
    'organización 1 - departamento',
    'organização 1 - departamento',
    '部署',
    '組織 1 - 部署',
  ],
  company: [
    'company',
    'organization',
    'organization name',
    'organization 1 - name',
    'firma',
    'organisation 1 - name',
    'société',
    'organisation 1 - nom',
    'organización',
    'compañía',
    'empresa',
    'organización 1 - nombre',
    'organização 1 - nome',
    '会社名',
    '組織 1 - 名前',
  ],
  relationship: ['relationship'],
  tags: [
    'tags',
    'labels',
    'categories',
    'group membership',
    'kategorien',
    'gruppenmitgliedschaft',
    'catégories',
    'appartenance à un groupe',
    'categorías',
    'pertenencia a grupos',
    'categorias',
    'associação a grupos',
    '分類',
    'グループ メンバーシップ',
  ],
  aliases: [
    'aliases',
    'alias',
    'nickname',
    'spitzname',
    'surnom',
    'sobrenombre',
    'apodo',
    'alcunha',
    'ニックネーム',
  ],
  cadence: ['cadence'],
  birthday: [
    'birthday',
    'bday',
    'date of birth',
    'birth date',
    'geburtstag',
    'anniversaire',
    'cumpleaños',
    'aniversário',
    'data de nascimento',
    '誕生日',
  ],
  birthYear: ['birth year'],
  birthMonth: ['birth month'],
  birthDay: ['birth day'],
  notes: ['notes', 'note', 'notizen', 'notas', 'anotações', 'メモ'],
  email: [
    'email',
    'emails',
    'e-mail',
    'email address',
    'e-mail address',
    'e-mail 2 address',
    'e-mail 3 address',
    'e-mail 1 - value',
    'e-mail 2 - value',
    'e-mail 3 - value',
    'primary email',
    'secondary email',
    'e-mail-adresse',
    'e-mail 2: adresse',
    'e-mail 3: adresse',
    'e-mail 1 - wert',
    'e-mail 2 - wert',
    'adresse de messagerie',
    'adresse de messagerie 2',
    'adresse de messagerie 3',
    'adresse e-mail 1 - valeur',
    'dirección de correo electrónico',
    'dirección de correo electrónico 2',
    'dirección de correo electrónico 3',
    'correo electrónico 1 - valor',
    'endereço de email',
    'endereço de e-mail',
    'e-mail 1 - valor',
    '電子メール アドレス',
    '電子メール 2 アドレス',
    '電子メール 3 アドレス',
    'メール 1 - 値',
  ],
};

const HEADERS = Object.fromEntries(
  Object.entries(HEADER_NAMES).map(([field, names]) => [field, new Set(names.map(normalize))]),
) as Record<Field, Set<string>>;

/** The fields `rel import --map "<column>=<field>"` can name. */
export const MAP_FIELDS = [
  'name',
  'first',
  'last',
  'aliases',
  'role',
  'team',
  'relationship',
  'tags',
  'birthday',
  'notes',
  'email',
] as const;
export type MapField = (typeof MAP_FIELDS)[number];

export interface ColumnMap {
  column: string;
  field: MapField;
}

export type DateOrder = 'mdy' | 'dmy';

export interface CsvRow {
  line: number;
  fields: string[];
}

export interface CsvOptions {
  /** How to read numeric birthdays such as 5/6/1990 when the file itself does not tell. */
  dateOrder?: DateOrder | undefined;
  /** Columns named by the user, over what the headers say. */
  map?: ColumnMap[] | undefined;
}

/** Which column holds which field; every e-mail column is kept. */
export type Columns = Partial<Record<Exclude<Field, 'email'>, number>> & {
  emails?: number[];
  /** Japanese exports: the family name comes first in the whole name. */
  familyFirst?: true;
};

/** Which column holds which field; a problem (line 1) when there is no name at all. */
export function mapHeaders(header: string[], map: ColumnMap[] = []): Columns | ImportProblem {
  const columns: Columns = {};
  const normalized = header.map((h) => normalize(h));
  const has = (name: string) => normalized.includes(name);
  for (const [field, names] of Object.entries(HEADERS) as [Field, Set<string>][]) {
    if (field === 'email') {
      const emails = normalized.flatMap((h, i) => (names.has(h) ? [i] : []));
      if (emails.length) columns.emails = emails;
      continue;
    }
    const index = normalized.findIndex((h) => names.has(h));
    if (index >= 0) columns[field] = index;
  }
  // French "Nom" is the last name in Outlook and the whole name where "Nom de famille" is there
  // (Google); Spanish "Nombre" and Portuguese "Nome" are the first name in Outlook and the whole
  // name where a first-name column of their own is there.
  const ambiguous: [string, 'last' | 'first', string[]][] = [
    ['nom', 'last', ['nom de famille']],
    ['nombre', 'first', ['nombre de pila']],
    ['nome', 'first', ['nome proprio']],
  ];
  for (const [word, otherwise, tells] of ambiguous) {
    if (!has(word)) continue;
    const field = tells.some(has) ? 'name' : otherwise;
    columns[field] ??= normalized.indexOf(word);
  }
  // French Outlook has "Titre" twice: the courtesy title first, the job title after "Service".
  const titles = normalized.flatMap((h, i) => (h === 'titre' ? [i] : []));
  if (titles.length > 1) columns.role ??= titles[titles.length - 1]!;
  if (normalized[columns.last ?? -1] === '姓' && normalized[columns.first ?? -1] === normalize('名'))
    columns.familyFirst = true;

  for (const { column, field } of map) {
    const index = normalized.indexOf(normalize(column));
    if (index < 0) {
      return {
        line: 1,
        message: `--map "${column}=${field}": the header has no column "${column}"; it has ${header.map((h) => JSON.stringify(h)).join(', ')}`,
      };
    }
    // The column means what the user says and nothing else.
    for (const key of Object.keys(columns) as (keyof Columns)[]) {
      if (columns[key] === index) delete columns[key];
    }
    if (columns.emails) columns.emails = columns.emails.filter((i) => i !== index);
    if (field === 'email') columns.emails = [...(columns.emails ?? []), index];
    else columns[field] = index;
  }
  if (columns.emails?.length === 0) delete columns.emails;
  if (columns.name === undefined && columns.first === undefined && columns.last === undefined) {
    return {
      line: 1,
      message: `no name column: the header must have "name" (or "First Name" and "Last Name"), or say which column is the name with --map "<column>=name"; it has ${header.map((h) => JSON.stringify(h)).join(', ')}`,
    };
  }
  return columns;
}

const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/;

/** The day-month order a file's numeric dates show (a number above 12 tells), or undefined. */
export function detectDateOrder(values: string[]): DateOrder | 'both' | undefined {
  let mdy = false;
  let dmy = false;
  for (const value of values) {
    const match = SLASH_DATE.exec(value.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) dmy = true;
    if (Number(match[2]) > 12) mdy = true;
  }
  return mdy && dmy ? 'both' : mdy ? 'mdy' : dmy ? 'dmy' : undefined;
}

type CellBirthday = Birthday | null | { problem: string } | { warning: string };

const UNUSABLE = 'imported without a birthday';

/**
 * A birthday cell: ISO forms as they are; numeric dates such as 7/24/1988 in the file's order
 * (or --date-order), else in the only order that makes a date. A value that reads two ways
 * (3/4/1991) is a problem, never a guess (the row is left out, so that importing again with
 * --date-order brings it in whole); one that is no date at all is left out with a warning.
 */
function csvBirthday(value: string, order: DateOrder | 'both' | undefined): CellBirthday {
  const text = value.trim();
  // Outlook writes 0/0/00 for "no birthday".
  if (!text || /^0{1,2}[/.]0{1,2}[/.]0{2,4}$/.test(text)) return null;
  const iso = readBirthday(text);
  if (iso) return iso;
  // Year first (Japanese Outlook's 1985/4/1) reads one way only.
  const yearFirst = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (yearFirst) {
    const [, y, m, d] = yearFirst.map(Number) as [number, number, number, number];
    return (
      readBirthday(`${y}-${pad(m)}-${pad(d)}`) ?? {
        warning: `birthday "${text}" is not a real date; ${UNUSABLE}`,
      }
    );
  }
  const match = SLASH_DATE.exec(text);
  if (!match)
    return {
      warning: `birthday "${text}" is not a date rel understands (YYYY-MM-DD or MM-DD); ${UNUSABLE}`,
    };
  const [a, b, y] = [Number(match[1]), Number(match[2]), match[3]!];
  let monthFirst: boolean;
  if (order === 'mdy' || order === 'dmy') monthFirst = order === 'mdy';
  else if (a > 12 || b > 12 || a === b) monthFirst = b > 12 || a === b;
  else {
    return {
      problem: `birthday "${text}" can be read two ways (day/month or month/day); say which with --date-order dmy or mdy`,
    };
  }
  const [month, day] = monthFirst ? [a, b] : [b, a];
  const year = y.length === 4 ? y : `${Number(y) > 30 ? '19' : '20'}${y}`;
  return (
    readBirthday(`${year}-${pad(month)}-${pad(day)}`) ?? {
      warning: `birthday "${text}" is not a real date; ${UNUSABLE}`,
    }
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Thunderbird's Birth Year, Birth Month and Birth Day columns as one birthday. */
function splitBirthday(year: string, month: string, day: string): CellBirthday {
  if (!month && !day) return null;
  const text = year
    ? `${year}-${pad(Number(month))}-${pad(Number(day))}`
    : `${pad(Number(month))}-${pad(Number(day))}`;
  return (
    readBirthday(text) ?? {
      warning: `birthday ${[year, month, day].filter(Boolean).join('-')} is not a real date; ${UNUSABLE}`,
    }
  );
}

/** Google's labels ("* myContacts ::: Friends"), Outlook's categories ("A;B"). */
function listOf(value: string, dropSystemGroups: boolean): string[] {
  return value
    .split(/;|:::/)
    .map((v) => v.trim())
    .filter((v) => v && !(dropSystemGroups && v.startsWith('*')));
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Addresses of the e-mail columns (Google puts several in one, joined by :::), each once. */
function emailsOf(values: string[]): string[] {
  const seen = new Set<string>();
  const emails: string[] = [];
  for (const value of values.flatMap((v) => v.split(/:::|;/))) {
    const email = value.trim();
    // Exchange's X.500 addresses (/O=ORG/OU=...) are not addresses anyone can write to.
    if (!EMAIL.test(email) || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    emails.push(email);
  }
  return emails;
}

/** People from the rows of a CSV file; rows[0] is the header. */
export function peopleFromCsv(rows: CsvRow[], options: CsvOptions = {}): ReadPeople {
  const [header, ...body] = rows;
  const people: ImportedPerson[] = [];
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  if (!header) return { people, problems: [{ line: null, message: 'the file is empty' }], warnings };
  const columns = mapHeaders(header.fields, options.map);
  if ('message' in columns) return { people, problems: [columns], warnings };
  // rel's own people table (csv-cells.ts): its cells are taken as written, its ids kept.
  const own = sameHeader(header.fields, PEOPLE_HEADERS);
  const idColumn = own ? header.fields.length - 1 : undefined;
  const at = (row: CsvRow, index: number | undefined) => {
    const value = unneutralise(index === undefined ? '' : (row.fields[index] ?? ''));
    return own ? value : value.trim();
  };
  const cell = (row: CsvRow, field: Exclude<Field, 'email'>) => at(row, columns[field]);
  const detected = detectDateOrder(body.map((row) => cell(row, 'birthday')));
  const order = options.dateOrder ?? (detected === 'both' ? undefined : detected);
  for (const row of body) {
    if (row.fields.every((f) => !f.trim())) continue;
    const wrong = (message: string) => problems.push({ line: row.line, message });
    // Outlook leaves out a row's trailing empty columns: the missing ones are empty.
    if (row.fields.length > header.fields.length) {
      wrong(`has ${row.fields.length} fields where the header has ${header.fields.length}`);
      continue;
    }
    const [first, middle, last] = [cell(row, 'first'), cell(row, 'middle'), cell(row, 'last')];
    const parts = columns.familyFirst ? [last, first, middle] : [first, middle, last];
    const name = cleanName(cell(row, 'name') || parts.filter(Boolean).join(' '));
    if (!name) {
      wrong('has no name');
      continue;
    }
    const cadenceText = cell(row, 'cadence');
    const cadenceDays = !cadenceText
      ? null
      : /^\d+$/.test(cadenceText)
        ? Number(cadenceText)
        : periodDays(cadenceText);
    if (cadenceDays !== null && (cadenceDays === undefined || cadenceDays < 1)) {
      wrong(`cadence "${cadenceText}" is not a period (use 14d, 2w, monthly, ...)`);
      continue;
    }
    let birthday =
      columns.birthday !== undefined
        ? csvBirthday(cell(row, 'birthday'), order)
        : splitBirthday(cell(row, 'birthYear'), cell(row, 'birthMonth'), cell(row, 'birthDay'));
    if (birthday !== null && typeof birthday === 'object') {
      if ('problem' in birthday) {
        wrong(birthday.problem);
        continue;
      }
      warnings.push({ line: row.line, message: birthday.warning });
      birthday = null;
    }
    people.push({
      line: row.line,
      name,
      role: cell(row, 'role'),
      team: cell(row, 'team') || cell(row, 'company'),
      relationship: cell(row, 'relationship'),
      tags: own ? parseListCell(cell(row, 'tags')) : listOf(cell(row, 'tags'), true),
      aliases: own ? parseListCell(cell(row, 'aliases')) : listOf(cell(row, 'aliases'), false),
      cadenceDays,
      birthday,
      // rel's own table has a note a line; elsewhere (and in rel's exports before it) one a paragraph.
      notes: own
        ? parseNotesCell(cell(row, 'notes'))
        : cell(row, 'notes')
            .split(/\r?\n\s*\r?\n/)
            .map((n) => n.trim())
            .filter(Boolean),
      emails: emailsOf(
        (columns.emails ?? []).flatMap((i) => (own ? parseListCell(at(row, i)) : [at(row, i)])),
      ),
      ...(own && at(row, idColumn) ? { id: at(row, idColumn), ownId: true } : {}),
    });
  }
  return { people, problems, warnings };
}

/** Whether a header is exactly one of rel's own tables' (ignoring case and spacing). */
export function sameHeader(header: string[], expected: readonly string[]): boolean {
  return header.length === expected.length && header.every((h, i) => normalize(h) === expected[i]);
}

/**
 * rel's own conversations table back into conversation records, with the names of `with` kept
 * by conversation id: people are found by `with_ids` first, by those names where an id is not in
 * the journal.
 */
export function conversationsFromCsv(
  rows: CsvRow[],
  createdAt: string,
): {
  conversations: Conversation[];
  names: Map<string, string[]>;
  lines: number[];
  problems: ImportProblem[];
} {
  const conversations: Conversation[] = [];
  const names = new Map<string, string[]>();
  const lines: number[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows.slice(1)) {
    if (row.fields.every((f) => !f.trim())) continue;
    const wrong = (message: string) => problems.push({ line: row.line, message });
    const [id = '', date = '', withNames = '', kind = '', minutes = '', note = '', heard = '', withIds = ''] =
      row.fields.map(unneutralise);
    const who = parseListCell(withNames);
    const ids = parseListCell(withIds);
    if (!id.trim()) wrong('has no id');
    else if (seen.has(id)) wrong(`conversation ${id} comes twice in the file`);
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || readBirthday(date) !== date)
      wrong(`date "${date}" is not a date (YYYY-MM-DD)`);
    else if (!/^\d*$/.test(minutes.trim())) wrong(`minutes "${minutes}" is not a number`);
    else if (!who.length && !ids.length) wrong('is with no one');
    else if (ids.length && who.length && ids.length !== who.length)
      wrong(`names ${who.length} people in "with" and ${ids.length} in "with_ids"`);
    else {
      seen.add(id);
      conversations.push({
        id,
        date,
        with: ids.length ? ids : who,
        kind: kind.trim() || '1:2:1',
        minutes: minutes.trim() ? Number(minutes) : null,
        note,
        heard: parseListCell(heard),
        createdAt,
      });
      names.set(id, who);
      lines.push(row.line);
    }
  }
  return { conversations, names, lines, problems };
}

// ---- rel's own JSON: records keep their ids; what is already there (same id) is left alone.

export interface JournalMerge {
  added: AddedPerson[];
  skipped: SkippedPerson[];
  conversations: { added: number; skipped: number };
  followUps: { added: number; skipped: number };
  problems: ImportProblem[];
}

/**
 * Merges an exported journal into this one. A person whose id is already there, or whose name is
 * (then their records join that person), is skipped; conversations and follow-ups whose id is
 * already there are skipped. Importing the same file twice adds nothing.
 */
export function addFromExport(
  journal: Journal,
  incoming: Journal,
  lineOf: (collection: string, index: number) => number | null,
  progress?: Progress,
  /** By conversation id, the names of the people in it: whom an id not in the journal means. */
  names?: Map<string, string[]>,
): JournalMerge {
  const result: JournalMerge = {
    added: [],
    skipped: [],
    conversations: { added: 0, skipped: 0 },
    followUps: { added: 0, skipped: 0 },
    problems: [],
  };
  const total = incoming.people.length + incoming.conversations.length + incoming.followUps.length;
  let done = 0;
  const step = () => progress?.(++done, total);
  const ids = new Set(journal.people.map((p) => p.id));
  const byName = new Map(journal.people.map((p) => [normalize(p.name), p.id]));
  /** Incoming person id -> the id it has in this journal. */
  const target = new Map<string, string>();
  incoming.people.forEach((read: Person, i) => {
    step();
    const line = lineOf('people', i);
    const person = { ...read, name: cleanName(withoutControls(read.name)) };
    const twin = ids.has(person.id) ? person.id : byName.get(normalize(person.name));
    if (twin !== undefined) {
      target.set(person.id, twin);
      const reason = twin === person.id ? 'already in your journal' : `already in your journal as ${twin}`;
      result.skipped.push({ name: person.name, line, existingId: twin, reason });
      return;
    }
    journal.people.push(structuredClone(person));
    ids.add(person.id);
    byName.set(normalize(person.name), person.id);
    target.set(person.id, person.id);
    result.added.push({ id: person.id, name: person.name, line });
  });
  const personId = (id: string) => target.get(id) ?? (ids.has(id) ? id : undefined);

  const conversationIds = new Set(journal.conversations.map((c) => c.id));
  incoming.conversations.forEach((conversation, i) => {
    step();
    if (conversationIds.has(conversation.id)) {
      result.conversations.skipped++;
      return;
    }
    const people = conversation.with.map(
      (id, j) => personId(id) ?? byName.get(normalize(names?.get(conversation.id)?.[j] ?? '\u0000')),
    );
    const missing = conversation.with.filter((_, j) => people[j] === undefined);
    if (missing.length) {
      result.problems.push({
        line: lineOf('conversations', i),
        message: `conversation ${conversation.id} is with ${missing.join(', ')}, who is in neither the file nor your journal`,
      });
      return;
    }
    journal.conversations.push({ ...structuredClone(conversation), with: [...new Set(people as string[])] });
    conversationIds.add(conversation.id);
    result.conversations.added++;
  });

  const followUpIds = new Set(journal.followUps.map((f) => f.id));
  incoming.followUps.forEach((followUp, i) => {
    step();
    if (followUpIds.has(followUp.id)) {
      result.followUps.skipped++;
      return;
    }
    const owner = personId(followUp.personId);
    const owners = followUp.personIds?.map(personId);
    if (owner === undefined || owners?.includes(undefined)) {
      result.problems.push({
        line: lineOf('followUps', i),
        message: `follow-up ${followUp.id} is for ${followUp.personId}, who is in neither the file nor your journal`,
      });
      return;
    }
    journal.followUps.push({
      ...structuredClone(followUp),
      personId: owner,
      ...(owners ? { personIds: [...new Set(owners as string[])] } : {}),
    });
    followUpIds.add(followUp.id);
    result.followUps.added++;
  });
  return result;
}

// ---- One import, whatever the file: what the command rehearses, then applies under the lock.

export type ImportSource =
  | {
      kind: 'journal';
      journal: Journal;
      lineOf: (collection: string, index: number) => number | null;
      problems: ImportProblem[];
      warnings: ImportProblem[];
      /** rel's conversations table: the names in each conversation, for ids not in the journal. */
      names?: Map<string, string[]>;
    }
  | { kind: 'people'; people: ImportedPerson[]; problems: ImportProblem[]; warnings: ImportProblem[] };

export type ImportOutcome = JournalMerge & { warnings: ImportProblem[] };

export function applyImport(
  journal: Journal,
  source: ImportSource,
  clock: Clock,
  progress?: Progress,
): ImportOutcome {
  if (source.kind === 'journal') {
    const merged = addFromExport(journal, source.journal, source.lineOf, progress, source.names);
    return { ...merged, problems: [...source.problems, ...merged.problems], warnings: source.warnings };
  }
  return {
    ...addImportedPeople(journal, source.people, clock, progress),
    conversations: { added: 0, skipped: 0 },
    followUps: { added: 0, skipped: 0 },
    problems: source.problems,
    warnings: source.warnings,
  };
}

/** How many records an import adds: none means there is nothing to write. */
export function changeCount(outcome: ImportOutcome): number {
  return outcome.added.length + outcome.conversations.added + outcome.followUps.added;
}
