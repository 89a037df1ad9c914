// Bringing people in: from rows of a CSV file, from vCards, or from rel's own JSON export. Pure:
// the command reads the file, decodes it and hands the records here; this decides what is added,
// what is skipped as already there, and what is wrong with which line.
import { type Birthday, readBirthday } from './birthdays.js';
import { periodDays } from './dates.js';
import { type Clock, cleanName, type Journal, newPersonRecord, type Person } from './journal.js';
import { normalize } from './text.js';

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
}

export interface ImportProblem {
  /** The line in the file, or null when the problem is not tied to one. */
  line: number | null;
  message: string;
}

export interface ReadPeople {
  people: ImportedPerson[];
  problems: ImportProblem[];
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

/** Text to bytes and back: a UTF-8 or UTF-16 BOM is honoured, and text that is not UTF-8 is read as Windows-1252 (what Outlook writes). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Adds the people not yet in the journal (by name, ignoring case and accents); the others are skipped. */
export function addImportedPeople(
  journal: Journal,
  people: ImportedPerson[],
  clock: Clock,
  progress?: Progress,
): { added: AddedPerson[]; skipped: SkippedPerson[] } {
  const byName = new Map(
    journal.people.map((p) => [normalize(p.name), { id: p.id, line: null as number | null }]),
  );
  const taken = new Set(journal.people.map((p) => p.id));
  const added: AddedPerson[] = [];
  const skipped: SkippedPerson[] = [];
  people.forEach((incoming, i) => {
    progress?.(i + 1, people.length);
    const name = cleanName(incoming.name);
    const key = normalize(name);
    const twin = byName.get(key);
    if (twin) {
      skipped.push({
        name,
        line: incoming.line,
        existingId: twin.id,
        reason: twin.line === null ? 'already in your journal' : `same name as line ${twin.line}`,
      });
      return;
    }
    const person = newPersonRecord(journal, { ...incoming, name }, clock, taken);
    journal.people.push(person);
    taken.add(person.id);
    byName.set(key, { id: person.id, line: incoming.line });
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
  | 'notes';

/** Header names per field, compared ignoring case, accents and spacing. Google, Outlook and rel's own. */
const HEADERS: Record<Field, string[]> = {
  name: ['name', 'full name', 'display name', 'contact name'],
  first: ['first name', 'given name', 'firstname'],
  middle: ['middle name', 'additional name'],
  last: ['last name', 'family name', 'surname', 'lastname'],
  role: ['role', 'job title', 'organization title', 'organization 1 - title', 'position'],
  team: ['team', 'department', 'organization department', 'organization 1 - department'],
  company: ['company', 'organization', 'organization name', 'organization 1 - name'],
  relationship: ['relationship'],
  tags: ['tags', 'labels', 'categories', 'group membership'],
  aliases: ['aliases', 'alias', 'nickname'],
  cadence: ['cadence'],
  birthday: ['birthday', 'bday', 'date of birth', 'birth date'],
  notes: ['notes', 'note'],
};

export type DateOrder = 'mdy' | 'dmy';

export interface CsvRow {
  line: number;
  fields: string[];
}

export interface CsvOptions {
  /** How to read numeric birthdays such as 5/6/1990 when the file itself does not tell. */
  dateOrder?: DateOrder | undefined;
}

/** Which column holds which field; throws a problem when there is no name at all. */
export function mapHeaders(header: string[]): Partial<Record<Field, number>> | ImportProblem {
  const columns: Partial<Record<Field, number>> = {};
  const normalized = header.map((h) => normalize(h));
  for (const [field, names] of Object.entries(HEADERS) as [Field, string[]][]) {
    const index = normalized.findIndex((h) => names.includes(h));
    if (index >= 0) columns[field] = index;
  }
  if (columns.name === undefined && columns.first === undefined && columns.last === undefined) {
    return {
      line: 1,
      message: `no name column: the header must have "name" (or "First Name" and "Last Name"); it has ${header.map((h) => JSON.stringify(h)).join(', ')}`,
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

/**
 * A birthday cell: ISO forms as they are; numeric dates such as 7/24/1988 in the file's order
 * (or --date-order), else in the only order that makes a date. A value that reads two ways
 * (3/4/1991) is a problem, never a guess. Problems are returned as their message.
 */
function csvBirthday(
  value: string,
  order: DateOrder | 'both' | undefined,
): Birthday | null | { problem: string } {
  const text = value.trim();
  // Outlook writes 0/0/00 for "no birthday".
  if (!text || /^0{1,2}[/.]0{1,2}[/.]0{2,4}$/.test(text)) return null;
  const iso = readBirthday(text);
  if (iso) return iso;
  const match = SLASH_DATE.exec(text);
  if (!match)
    return { problem: `birthday "${text}" is not a date rel understands (use YYYY-MM-DD or MM-DD)` };
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
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    readBirthday(`${year}-${pad(month)}-${pad(day)}`) ?? { problem: `birthday "${text}" is not a real date` }
  );
}

/** Google's labels ("* myContacts ::: Friends"), Outlook's categories ("A;B") and rel's own lists. */
function listOf(value: string, dropSystemGroups: boolean): string[] {
  return value
    .split(/;|:::/)
    .map((v) => v.trim())
    .filter((v) => v && !(dropSystemGroups && v.startsWith('*')));
}

/** People from the rows of a CSV file; rows[0] is the header. */
export function peopleFromCsv(rows: CsvRow[], options: CsvOptions = {}): ReadPeople {
  const [header, ...body] = rows;
  if (!header) return { people: [], problems: [{ line: null, message: 'the file is empty' }] };
  const columns = mapHeaders(header.fields);
  if ('message' in columns) return { people: [], problems: [columns as ImportProblem] };
  const cell = (row: CsvRow, field: Field) => {
    const index = columns[field];
    return index === undefined ? '' : (row.fields[index] ?? '').trim();
  };
  const detected = detectDateOrder(body.map((row) => cell(row, 'birthday')));
  const order = options.dateOrder ?? (detected === 'both' ? undefined : detected);
  const people: ImportedPerson[] = [];
  const problems: ImportProblem[] = [];
  for (const row of body) {
    if (row.fields.every((f) => !f.trim())) continue;
    const wrong = (message: string) => problems.push({ line: row.line, message });
    if (row.fields.length !== header.fields.length) {
      wrong(`has ${row.fields.length} fields where the header has ${header.fields.length}`);
      continue;
    }
    const name = cleanName(
      cell(row, 'name') ||
        [cell(row, 'first'), cell(row, 'middle'), cell(row, 'last')].filter(Boolean).join(' '),
    );
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
    const birthday = csvBirthday(cell(row, 'birthday'), order);
    if (birthday !== null && typeof birthday === 'object') {
      wrong(birthday.problem);
      continue;
    }
    people.push({
      line: row.line,
      name,
      role: cell(row, 'role'),
      team: cell(row, 'team') || cell(row, 'company'),
      relationship: cell(row, 'relationship'),
      tags: listOf(cell(row, 'tags'), true),
      aliases: listOf(cell(row, 'aliases'), false),
      cadenceDays,
      birthday,
      // One note per paragraph: rel's export puts a blank line between notes.
      notes: cell(row, 'notes')
        .split(/\r?\n\s*\r?\n/)
        .map((n) => n.trim())
        .filter(Boolean),
    });
  }
  return { people, problems };
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
export function mergeJournal(
  journal: Journal,
  incoming: Journal,
  lineOf: (collection: string, index: number) => number | null,
  progress?: Progress,
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
  incoming.people.forEach((person: Person, i) => {
    step();
    const line = lineOf('people', i);
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
    const people = conversation.with.map(personId);
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
    if (owner === undefined) {
      result.problems.push({
        line: lineOf('followUps', i),
        message: `follow-up ${followUp.id} is for ${followUp.personId}, who is in neither the file nor your journal`,
      });
      return;
    }
    journal.followUps.push({ ...structuredClone(followUp), personId: owner });
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
    }
  | { kind: 'people'; people: ImportedPerson[]; problems: ImportProblem[] };

export type ImportOutcome = JournalMerge;

export function applyImport(
  journal: Journal,
  source: ImportSource,
  clock: Clock,
  progress?: Progress,
): ImportOutcome {
  if (source.kind === 'journal') {
    const merged = mergeJournal(journal, source.journal, source.lineOf, progress);
    return { ...merged, problems: [...source.problems, ...merged.problems] };
  }
  return {
    ...addImportedPeople(journal, source.people, clock, progress),
    conversations: { added: 0, skipped: 0 },
    followUps: { added: 0, skipped: 0 },
    problems: source.problems,
  };
}

/** How many records an import adds: none means there is nothing to write. */
export function changeCount(outcome: ImportOutcome): number {
  return outcome.added.length + outcome.conversations.added + outcome.followUps.added;
}
