// CSV rows into records: people from an address book's table or rel's own, and rel's own
// conversations table back into conversations. Birthdays are read in the file's day-month order.
import { type Birthday, readBirthday } from './birthdays.js';
import { listValues, parseListCell, parseNotesCell, unneutralise } from './csv-cells.js';
import { PEOPLE_HEADERS, PEOPLE_HEADERS_BEFORE_ARCHIVED } from './export.js';
import { type ColumnMap, type CsvField, mapHeaders } from './import-csv-headers.js';
import type { ImportedPerson, ImportProblem, ReadPeople } from './import-types.js';
import type { Conversation } from './journal.js';
import { cleanName } from './new-person.js';
import { CADENCE_CAP, overCadenceCap, periodDays } from './periods.js';
import { normalize } from './text.js';

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
    return realBirthday(`${y}-${pad(m)}-${pad(d)}`, text);
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
  return realBirthday(`${year}-${pad(month)}-${pad(day)}`, text);
}

/** The birthday of a cell read as year, month and day, or a warning when that day does not exist. */
function realBirthday(iso: string, text: string): CellBirthday {
  return readBirthday(iso) ?? { warning: `birthday "${text}" is not a real date; ${UNUSABLE}` };
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
  const withTimes = sameHeader(header.fields, PEOPLE_HEADERS);
  const own = withTimes || sameHeader(header.fields, PEOPLE_HEADERS_BEFORE_ARCHIVED);
  const idColumn = own ? header.fields.length - 1 : undefined;
  const at = (row: CsvRow, index: number | undefined) => {
    const value = unneutralise(index === undefined ? '' : (row.fields[index] ?? ''));
    return own ? value : value.trim();
  };
  const cell = (row: CsvRow, field: Exclude<CsvField, 'email'>) => at(row, columns[field]);
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
    if (cadenceDays !== null && overCadenceCap(cadenceDays)) {
      wrong(
        `cadence "${cadenceText}" is longer than rel takes: a cadence is at most ${CADENCE_CAP} (use yearly, 2y, ...; for someone you no longer keep up with, rel archive)`,
      );
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
    const times = withTimes ? ownTimes(row.fields.slice(-3, -1).map(unneutralise)) : {};
    if ('problem' in times) {
      wrong(times.problem);
      continue;
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
      ...times,
    });
  }
  return { people, problems, warnings };
}

/** A time as rel keeps it: 2026-11-20T09:30:00.000Z. */
const STORED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A real moment as rel writes it: 2026-02-30 would be read as 2 March. */
function isStoredTime(text: string): boolean {
  return (
    STORED_TIME.test(text) &&
    !Number.isNaN(Date.parse(text)) &&
    new Date(text).toISOString().slice(0, 19) === text.slice(0, 19)
  );
}

/** The `added` and `archived` cells of rel's own table: times, or `archived` empty. */
function ownTimes([added = '', archived = '']: string[]):
  | { createdAt?: string; archivedAt?: string }
  | { problem: string } {
  if (added && !isStoredTime(added))
    return { problem: `added "${added}" is not a time as rel writes it (2026-11-20T09:30:00.000Z)` };
  if (archived && !isStoredTime(archived))
    return {
      problem: `archived "${archived}" is not a time as rel writes it (2026-11-20T09:30:00.000Z), or empty`,
    };
  return { ...(added ? { createdAt: added } : {}), ...(archived ? { archivedAt: archived } : {}) };
}

/** Whether a header is exactly one of rel's own tables' (ignoring case and spacing). */
export function sameHeader(header: string[], expected: readonly string[]): boolean {
  return header.length === expected.length && header.every((h, i) => normalize(h) === expected[i]);
}

/**
 * rel's own conversations table back into conversation records, with the names of `with` kept
 * by conversation id: people are found by `with_ids` first, by those names where an id is not in
 * the journal. A table rel wrote before `heard_from` and the columns after it reads the same way,
 * its conversations logged at `createdAt`, the time of the import.
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
    const [
      id = '',
      date = '',
      withNames = '',
      kind = '',
      minutes = '',
      note = '',
      heardCell = '',
      withIds = '',
      heardFrom = '',
      size = '',
      counts = '',
      eventId = '',
      logged = '',
    ] = row.fields.map(unneutralise);
    const who = parseListCell(withNames);
    const ids = parseListCell(withIds);
    const heard = parseListCell(heardCell);
    const from = heardFrom.trim() ? listValues(heardFrom).map((v) => v || null) : undefined;
    if (!id.trim()) wrong('has no id');
    else if (seen.has(id)) wrong(`conversation ${id} comes twice in the file`);
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || readBirthday(date) !== date)
      wrong(`date "${date}" is not a date (YYYY-MM-DD)`);
    else if (!/^\d*$/.test(minutes.trim())) wrong(`minutes "${minutes}" is not a number`);
    else if (!who.length && !ids.length) wrong('is with no one');
    else if (ids.length && who.length && ids.length !== who.length)
      wrong(`names ${who.length} people in "with" and ${ids.length} in "with_ids"`);
    else if (from && from.length !== heard.length)
      wrong(`heard_from names ${from.length} where heard has ${heard.length} notes`);
    else if (from?.some((f) => f !== null && !ids.includes(f)))
      wrong(`heard_from names ${from.find((f) => f !== null && !ids.includes(f))}, who is not in with_ids`);
    else if (!/^\d*$/.test(size.trim())) wrong(`size "${size}" is not a number`);
    else if (!['', 'yes', 'no'].includes(counts.trim())) wrong(`counts "${counts}" is not yes, no or empty`);
    else if (logged && !isStoredTime(logged))
      wrong(`logged "${logged}" is not a time as rel writes it (2026-11-20T09:30:00.000Z), or empty`);
    else {
      seen.add(id);
      const people = ids.length || who.length;
      conversations.push({
        id,
        date,
        with: ids.length ? ids : who,
        kind: kind.trim() || '1:2:1',
        minutes: minutes.trim() ? Number(minutes) : null,
        note,
        heard,
        // As rel keeps them: who said what only when someone did, a size only above those named.
        ...(from?.some((f) => f !== null) ? { heardFrom: from } : {}),
        ...(Number(size) > people ? { size: Number(size) } : {}),
        ...(counts.trim() ? { counts: counts.trim() === 'yes' } : {}),
        ...(eventId.trim() ? { eventId: eventId.trim() } : {}),
        createdAt: logged || createdAt,
      });
      names.set(id, who);
      lines.push(row.line);
    }
  }
  return { conversations, names, lines, problems };
}
