// Reading an import file into records: rel's JSON export checked record by record, CSV rows with
// the line each starts on, vCards into people. Loaded only by rel import.
import path from 'node:path';
import type { DecodedFile } from '../../../core/charset.js';
import { CONVERSATION_HEADERS, CONVERSATION_HEADERS_BEFORE_SIZE } from '../../../core/export.js';
import { type CsvRow, conversationsFromCsv, peopleFromCsv, sameHeader } from '../../../core/import-csv.js';
import type { ColumnMap } from '../../../core/import-csv-headers.js';
import type { ImportedPerson, ImportProblem } from '../../../core/import-types.js';
import type { ImportSource } from '../../../core/importing.js';
import { emptyJournal, type Journal, SCHEMA_VERSION, withDefaults } from '../../../core/journal.js';
import { UsageError } from '../../../errors.js';
import type { Format } from './formats.js';

/** By the extension, else by the first characters. */
export function detectFormat(file: string, text: string): Format {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.vcf' || extension === '.vcard') return 'vcard';
  if (extension === '.csv') return 'csv';
  const start = text.trimStart();
  if (start.startsWith('{')) return 'json';
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  return 'csv';
}

export interface ReadOptions {
  dateOrder?: 'mdy' | 'dmy' | undefined;
  /** `--charset`: what text that is not UTF-8 (and does not say) is in. */
  charset?: string | undefined;
  map?: ColumnMap[] | undefined;
  /** When the import runs: the createdAt of conversations read from a CSV. */
  now?: Date | undefined;
}

const byLine = (a: ImportProblem, b: ImportProblem) => (a.line ?? 0) - (b.line ?? 0);

export async function readSource(
  format: Format,
  bytes: Uint8Array,
  text: DecodedFile,
  options: ReadOptions,
): Promise<ImportSource> {
  const warnings: ImportProblem[] = [];
  if (format !== 'vcard' && text.guessed) {
    warnings.push({
      line: null,
      message: `the file is not UTF-8: read as ${text.guessed}; if that is wrong, say its charset with --charset (e.g. --charset windows-1250)`,
    });
  }
  if (format === 'json') {
    const source = await readJournalExport(text.text);
    return { ...source, warnings: [...warnings, ...source.warnings] };
  }
  if (format === 'vcard') {
    const { isGroupCard, readVCards, personFromCard } = await import('../../../core/vcard.js');
    const { cards, problems } = readVCards(bytes);
    if (cards.length === 0 && problems.length === 0) {
      throw new UsageError(
        'There are no vCards (BEGIN:VCARD … END:VCARD) in the file.',
        'Check that it is a .vcf file.',
      );
    }
    const people: ImportedPerson[] = [];
    const groups: { name: string; line: number }[] = [];
    const reading = { charset: options.charset, warn: (w: ImportProblem) => warnings.push(w) };
    for (const card of cards) {
      // A contact group is no one to keep up with: skipped, and said (its name, for the report).
      if (isGroupCard(card)) {
        const read = personFromCard(card, { charset: options.charset, warn: () => undefined });
        groups.push({ name: 'message' in read ? '(no name)' : read.name, line: card.line });
        continue;
      }
      const read = personFromCard(card, reading);
      if ('message' in read) problems.push(read);
      else people.push(read);
    }
    return {
      kind: 'people',
      people,
      problems: problems.sort(byLine),
      warnings: warnings.sort(byLine),
      ...(groups.length ? { groups } : {}),
    };
  }
  const { rows, problems } = await readCsv(text.text);
  const header = rows[0]?.fields;
  if (
    header &&
    (sameHeader(header, CONVERSATION_HEADERS) || sameHeader(header, CONVERSATION_HEADERS_BEFORE_SIZE))
  ) {
    // rel's own conversations table: conversations for people already in the journal.
    const read = conversationsFromCsv(rows, (options.now ?? new Date()).toISOString());
    const journal = { ...emptyJournal(), conversations: read.conversations };
    return {
      kind: 'journal',
      journal,
      names: read.names,
      lineOf: (collection, index) => (collection === 'conversations' ? (read.lines[index] ?? null) : null),
      problems: [...problems, ...read.problems].sort(byLine),
      warnings,
    };
  }
  const read = peopleFromCsv(rows, { dateOrder: options.dateOrder, map: options.map });
  const fatal = read.problems.find((p) => p.line === 1 || p.line === null);
  if (fatal) throw new UsageError(`The file cannot be imported: ${fatal.message}.`);
  return {
    kind: 'people',
    people: read.people,
    problems: [...problems, ...read.problems].sort(byLine),
    warnings: [...warnings, ...read.warnings].sort(byLine),
  };
}

/**
 * Rows with the line of the file each starts on; rows the parser cannot read become problems.
 * The lines are counted here, from byte offsets, not taken from csv-parse's `lines`, which counts
 * a CRLF inside a quoted cell as two lines (7.0.3), so that every row after one was named a line
 * too far. A row read ends at its `bytes` and began its `raw` text before that; a row skipped for
 * an error began where the row before it ended.
 */
async function readCsv(text: string): Promise<{ rows: CsvRow[]; problems: ImportProblem[] }> {
  const [{ parse }, { csvLayout }] = await Promise.all([
    import('csv-parse/sync'),
    import('../../../core/csv-delimiter.js'),
  ]);
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  const { delimiter, skippedLines } = csvLayout(text);
  const data = Buffer.from(text);
  const lines = lineStarts(data);
  const lineAt = (offset: number) => lineOf(lines, offset);
  // Where the last row read ended, and where the row skipped since began.
  let end = lines[skippedLines] ?? data.length;
  let skipped: number | undefined;
  parse(data, {
    delimiter,
    from_line: 1 + skippedLines,
    relax_column_count: true,
    skip_records_with_error: true,
    raw: true,
    on_record: (row, context) => {
      // With `raw`, the record comes as { record, raw }, which csv-parse's types do not say.
      const { record } = row as unknown as { record: string[] };
      const raw = Buffer.from(context.raw ?? '');
      // The LF of a CRLF that ends the row is not in its raw text (the CR is).
      const crlf = raw.at(-1) === CR && data[context.bytes - 1] === LF ? 1 : 0;
      // A line break inside a quoted cell is kept as rel keeps one, LF: Excel, Outlook and
      // Google write CRLF there, which a note would otherwise show with a stray CR.
      const fields = record.map((cell) => cell.replace(/\r\n?/g, '\n'));
      rows.push({ line: lineAt(context.bytes - raw.length - crlf), fields });
      end = context.bytes;
      skipped = undefined;
      return null;
    },
    on_skip: (error, raw = '') => {
      if (!error) return undefined;
      skipped = skippedRow(data, lines, skipped ?? end, skipped !== undefined, raw);
      const line = lineAt(skipped);
      if (!problems.some((p) => p.line === line)) {
        problems.push({ line, message: csvProblem(error.code, error.message) });
      }
      return undefined;
    },
  });
  return { rows, problems };
}

const LF = 0x0a;
const CR = 0x0d;

/** The offset each line of the file starts at: after an LF, a CRLF, or a CR alone. */
function lineStarts(data: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < data.length; i++) {
    if (data[i] === LF || (data[i] === CR && data[i + 1] !== LF)) starts.push(i + 1);
  }
  return starts;
}

/** The line (from 1) that the byte at `offset` is on. */
function lineOf(starts: number[], offset: number): number {
  let [low, high] = [0, starts.length - 1];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/**
 * Where the row an error was met in began (`raw` is its text up to the error): `from`, where the
 * last row read ended, unless a row was skipped since (then `from` is where that one began). Then
 * it is the next line after that which begins with this text, else that row again (a second error
 * in it).
 */
function skippedRow(data: Buffer, lines: number[], from: number, afterSkip: boolean, raw: string): number {
  if (!afterSkip || !raw) return from;
  const text = Buffer.from(raw);
  for (let at = data.indexOf(text, from + 1); at >= 0; at = data.indexOf(text, at + 1)) {
    if (lines[lineOf(lines, at) - 1] === at) return at;
  }
  return from;
}

function csvProblem(code: string, message: string): string {
  if (code === 'CSV_QUOTE_NOT_CLOSED')
    return 'a quote opened here is never closed, so the rest of the file could not be read';
  if (code === 'INVALID_OPENING_QUOTE')
    return 'a quote in the middle of a field (write "" for a quote inside a quoted field)';
  return message.replace(/\.$/, '');
}

const SINGULAR = {
  people: 'person',
  conversations: 'conversation',
  followUps: 'follow-up',
  tombstones: 'tombstone',
  dismissals: 'dismissed meeting',
};

/** rel's own export: the records checked one by one, each bad one named by its line. */
async function readJournalExport(text: string): Promise<ImportSource & { kind: 'journal' }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The file is not valid JSON: ${(error as Error).message}.`, 'Is it a rel export?');
  }
  const record = data as Record<string, unknown> | null;
  if (
    record === null ||
    typeof record !== 'object' ||
    typeof record.schema !== 'number' ||
    !Array.isArray(record.people)
  ) {
    throw new UsageError(
      'The file is JSON but not a rel export (it needs "schema" and "people").',
      'Make one with: rel export > journal.json',
    );
  }
  if (record.schema > SCHEMA_VERSION) {
    throw new UsageError(
      `The file was written by a newer rel (schema ${record.schema}); this rel knows schema ${SCHEMA_VERSION}.`,
      'Upgrade rel to import it.',
    );
  }
  const { markerSchemas, recordSchemas } = await import('../../../store/schema.js');
  const starts = recordLines(text);
  /** The line a record of the file's list starts on, when it is the only record on that line. */
  const fileLine = (collection: string, position: number): number | null =>
    starts.get(collection)?.[position] ?? null;
  /** Where each record read is in the file's list: a bad record, not read, leaves a gap. */
  const positions: Record<string, number[]> = { people: [], conversations: [], followUps: [] };
  const positionOf = (collection: string, index: number) => positions[collection]?.[index] ?? index;
  const lineOf = (collection: string, index: number) => fileLine(collection, positionOf(collection, index));
  const problems: ImportProblem[] = [];
  const incoming = emptyJournal();
  for (const collection of ['people', 'conversations', 'followUps'] as const) {
    const list = record[collection] ?? [];
    if (!Array.isArray(list)) {
      throw new UsageError(`The file's "${collection}" is not a list; it is not a rel export.`);
    }
    list.forEach((item: unknown, index: number) => {
      const check = recordSchemas[collection].safeParse(item);
      if (check.success) {
        (incoming[collection] as unknown[]).push(item);
        positions[collection]!.push(index);
        return;
      }
      const issue = check.error.issues[0]!;
      const where = fileLine(collection, index) === null ? `${collection}[${index}]` : SINGULAR[collection];
      problems.push({
        line: fileLine(collection, index),
        message: `${where} is not a rel record: ${issue.path.join('.') || 'it'}: ${issue.message}`,
      });
    });
  }
  // The traces of forgets and deletions, and the meetings dismissed from rel inbox: a journal moved
  // by export and import keeps them (a forget must stay one). A bad one is left out and reported.
  for (const collection of ['tombstones', 'dismissals'] as const) {
    const list = record[collection] ?? [];
    if (!Array.isArray(list)) {
      throw new UsageError(`The file's "${collection}" is not a list; it is not a rel export.`);
    }
    const kept: unknown[] = [];
    list.forEach((item: unknown, index: number) => {
      const check = markerSchemas[collection].safeParse(item);
      if (check.success) {
        kept.push(item);
        return;
      }
      const issue = check.error.issues[0]!;
      const line = fileLine(collection, index);
      problems.push({
        line,
        message: `${line === null ? `${collection}[${index}]` : SINGULAR[collection]} is not a rel record: ${issue.path.join('.') || 'it'}: ${issue.message}`,
      });
    });
    if (collection === 'tombstones') incoming.tombstones = kept as Journal['tombstones'];
    else if (kept.length) incoming.dismissals = kept as Journal['dismissals'];
  }
  // An export from an earlier rel lacks later fields: fill them as a read of the store would.
  return { kind: 'journal', journal: withDefaults(incoming), lineOf, positionOf, problems, warnings: [] };
}

const RECORD_LISTS = new Set(['people', 'conversations', 'followUps', 'tombstones', 'dismissals']);

/**
 * The line each record of an export's lists starts on, by list: rel writes one record a line, and
 * a file laid out by another tool (jq, an editor) has each record's "{" on a line of its own. A
 * record that shares its line with another (the file is on one line) has none (undefined): it is
 * named by its place in the list instead. One pass over the text, strings skipped.
 */
function recordLines(text: string): Map<string, (number | undefined)[]> {
  const found = new Map<string, (number | undefined)[]>();
  const onLine = new Map<number, number>();
  let line = 1;
  let depth = 0;
  let key: string | undefined;
  let list: (number | undefined)[] | undefined;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') {
      line++;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') continue;
    if (list && depth === 2 && expectItem && char !== ']') {
      list.push(line);
      onLine.set(line, (onLine.get(line) ?? 0) + 1);
      expectItem = false;
    }
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (depth === 1) key = text.slice(i + 1, end);
      i = end;
    } else if (char === '{' || char === '[') {
      depth++;
      if (depth === 2 && char === '[' && key !== undefined && RECORD_LISTS.has(key)) {
        list = [];
        found.set(key, list);
        expectItem = true;
      }
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 1) list = undefined;
    } else if (char === ',' && depth === 2 && list) expectItem = true;
  }
  for (const lines of found.values())
    lines.forEach((at, j) => {
      if (at !== undefined && (onLine.get(at) ?? 0) > 1) lines[j] = undefined;
    });
  return found;
}
