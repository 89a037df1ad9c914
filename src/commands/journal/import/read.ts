// Reading an import file into records: rel's JSON export checked record by record, CSV rows with
// the line each starts on, vCards into people. Loaded only by rel import.
import path from 'node:path';
import type { DecodedFile } from '../../../core/charset.js';
import { CONVERSATION_HEADERS } from '../../../core/export.js';
import { type CsvRow, conversationsFromCsv, peopleFromCsv, sameHeader } from '../../../core/import-csv.js';
import type { ColumnMap } from '../../../core/import-csv-headers.js';
import type { ImportedPerson, ImportProblem } from '../../../core/import-types.js';
import type { ImportSource } from '../../../core/importing.js';
import { emptyJournal, SCHEMA_VERSION, withDefaults } from '../../../core/journal.js';
import { UsageError } from '../../../errors.js';
import type { Format } from './index.js';

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
    const { readVCards, personFromCard } = await import('../../../core/vcard.js');
    const { cards, problems } = readVCards(bytes);
    if (cards.length === 0 && problems.length === 0) {
      throw new UsageError(
        'There are no vCards (BEGIN:VCARD … END:VCARD) in the file.',
        'Check that it is a .vcf file.',
      );
    }
    const people: ImportedPerson[] = [];
    const reading = { charset: options.charset, warn: (w: ImportProblem) => warnings.push(w) };
    for (const card of cards) {
      const read = personFromCard(card, reading);
      if ('message' in read) problems.push(read);
      else people.push(read);
    }
    return { kind: 'people', people, problems: problems.sort(byLine), warnings: warnings.sort(byLine) };
  }
  const { rows, problems } = await readCsv(text.text);
  if (rows[0] && sameHeader(rows[0].fields, CONVERSATION_HEADERS)) {
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

/** Rows with the line each starts on; rows the parser cannot read become problems. */
async function readCsv(text: string): Promise<{ rows: CsvRow[]; problems: ImportProblem[] }> {
  const [{ parse }, { csvLayout }] = await Promise.all([
    import('csv-parse/sync'),
    import('../../../core/csv-delimiter.js'),
  ]);
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  const { delimiter, skippedLines } = csvLayout(text);
  // The parser counts the line a record ends on; the next one starts on the line after.
  let nextLine = 1 + skippedLines;
  parse(text, {
    delimiter,
    from_line: 1 + skippedLines,
    relax_column_count: true,
    skip_records_with_error: true,
    on_record: (record: string[], context) => {
      rows.push({ line: nextLine, fields: record });
      nextLine = context.lines + 1;
      return null;
    },
    on_skip: (error) => {
      if (!error) return undefined;
      const line = nextLine;
      if (!problems.some((p) => p.line === line)) {
        problems.push({ line, message: csvProblem(error.code, error.message) });
      }
      nextLine = Math.max(nextLine, (error as unknown as { lines: number }).lines + 1);
      return undefined;
    },
  });
  return { rows, problems };
}

function csvProblem(code: string, message: string): string {
  if (code === 'CSV_QUOTE_NOT_CLOSED')
    return 'a quote opened here is never closed, so the rest of the file could not be read';
  if (code === 'INVALID_OPENING_QUOTE')
    return 'a quote in the middle of a field (write "" for a quote inside a quoted field)';
  return message.replace(/\.$/, '');
}

const SINGULAR = { people: 'person', conversations: 'conversation', followUps: 'follow-up' };

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
  const { recordSchemas } = await import('../../../store/schema.js');
  const lines = text.split(/\r?\n/);
  const lineOf = (collection: string, index: number): number | null => {
    const start = lines.findIndex((l) => l.trim().startsWith(`${JSON.stringify(collection)}:`));
    const line = start < 0 ? undefined : lines[start + 1 + index];
    return line?.trim().startsWith('{') ? start + 2 + index : null;
  };
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
        return;
      }
      const issue = check.error.issues[0]!;
      const where = lineOf(collection, index) === null ? `${collection}[${index}]` : SINGULAR[collection];
      problems.push({
        line: lineOf(collection, index),
        message: `${where} is not a rel record: ${issue.path.join('.') || 'it'}: ${issue.message}`,
      });
    });
  }
  // An export from an earlier rel lacks later fields: fill them as a read of the store would.
  return { kind: 'journal', journal: withDefaults(incoming), lineOf, problems, warnings: [] };
}
