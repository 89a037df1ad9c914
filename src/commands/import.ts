// rel import <file>: people from an address book (CSV, vCard), or a rel JSON export back in.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Context, openStore } from '../context.js';
import type {
  CsvRow,
  ImportedPerson,
  ImportOutcome,
  ImportProblem,
  ImportSource,
} from '../core/importing.js';
import { emptyJournal, type Journal, SCHEMA_VERSION } from '../core/journal.js';
import { displaySafe, plural } from '../core/text.js';
import { UsageError } from '../errors.js';
import { newId } from '../ids.js';
import { progressBar } from '../ui/progress.js';

const FORMATS = ['json', 'csv', 'vcard'] as const;
type Format = (typeof FORMATS)[number];

interface ImportOptions {
  format?: string;
  strict?: boolean;
  dryRun?: boolean;
  dateOrder?: string;
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('import')
    .description('bring people in from an address book (CSV, vCard) or a rel JSON export')
    .argument('<file>', 'a .json export of rel, a .csv of people, or a .vcf of contacts')
    .option('--format <format>', `${FORMATS.join(', ')} (default: told by the file)`)
    .option('--strict', 'refuse the whole file if any row or card is bad (exit 2, nothing written)')
    .option('--dry-run', 'show what would change, and write nothing')
    .option('--date-order <order>', 'mdy or dmy: how to read numeric birthdays such as 5/6/1990')
    .option('--json', 'print what was imported, skipped and refused as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ rel import contacts.vcf --dry-run        (Android, iPhone, macOS, Google, Outlook vCards)
  $ rel import google-contacts.csv
  $ rel import outlook.csv --date-order mdy
  $ rel import backup.json                   (a rel export; importing it twice adds nothing)

People already in your journal (same name) are skipped and listed. Bad rows or cards are reported
on stderr with their line (the header is line 1) and skipped; with --strict they refuse the file.`,
    )
    .action(async (file: string, options: ImportOptions) => run(ctx, file, options));
}

type ImportRun = ImportOutcome & { file: string; format: Format; dryRun: boolean };

async function run(ctx: Context, file: string, options: ImportOptions): Promise<void> {
  const dateOrder = parseDateOrder(options.dateOrder);
  const bytes = readInput(file);
  const { decodeText, applyImport, changeCount } = await import('../core/importing.js');
  const text = decodeText(bytes);
  const format = options.format === undefined ? detectFormat(file, text) : parseFormat(options.format);
  const source = await readSource(format, text, dateOrder);
  const label = path.basename(file);
  const report = (problems: { line: number | null; message: string }[]) => {
    for (const p of problems) {
      ctx.io.err(
        `rel: ${displaySafe(label)}${p.line === null ? '' : ` line ${p.line}`}: ${displaySafe(p.message)}.`,
      );
    }
  };
  const refuse = (count: number) => {
    throw new UsageError(
      `${plural(count, 'bad record')} in ${label}; nothing was imported (--strict).`,
      'Fix them in the file, or import without --strict to skip them.',
    );
  };
  if (options.strict && source.problems.length) {
    report(source.problems);
    refuse(source.problems.length);
  }

  const store = await openStore(ctx);
  const clock = { now: ctx.io.now, newId };
  const progress = progressBar(ctx.io, `Importing ${label}`);
  // A rehearsal on a copy: it is the dry run, and it spares a write when nothing would change.
  const preview = applyImport(
    structuredClone(await store.read()),
    source,
    clock,
    options.dryRun ? progress : undefined,
  );
  let outcome = preview;
  if (options.strict && preview.problems.length) {
    report(preview.problems);
    refuse(preview.problems.length);
  }
  if (!options.dryRun && changeCount(preview) > 0) {
    outcome = await store.update((journal: Journal) => {
      const result = applyImport(journal, source, clock, progress);
      if (options.strict && result.problems.length) refuse(result.problems.length);
      return result;
    });
  }
  const result: ImportRun = { file, format, dryRun: options.dryRun ?? false, ...outcome };
  report(result.problems);
  if (options.json) {
    const { added, skipped, ...rest } = result;
    ctx.io.out(JSON.stringify({ ...rest, people: { added, skipped } }, null, 2));
  } else ctx.io.out(renderImport(result));
  if (result.problems.length && !options.json) {
    ctx.io.err(
      `${plural(result.problems.length, 'bad record')} skipped; --strict refuses the whole file instead.`,
    );
  }
  if (result.dryRun) ctx.io.err('Dry run: nothing was written.');
}

function parseDateOrder(text: string | undefined): 'mdy' | 'dmy' | undefined {
  if (text === undefined) return undefined;
  const order = text.trim().toLowerCase();
  if (order !== 'mdy' && order !== 'dmy') {
    throw new UsageError(
      `--date-order "${text}" is not one rel knows.`,
      'Use mdy (5/17/1990) or dmy (17/5/1990).',
    );
  }
  return order;
}

function parseFormat(text: string): Format {
  const format = { vcf: 'vcard', vcard: 'vcard', csv: 'csv', json: 'json' }[text.trim().toLowerCase()];
  if (!format)
    throw new UsageError(`--format "${text}" is not one rel imports.`, `Use one of: ${FORMATS.join(', ')}.`);
  return format as Format;
}

function readInput(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`There is no file ${file}.`, 'Check the path.');
    if (code === 'EISDIR')
      throw new UsageError(`${file} is a folder, not a file.`, 'Give the file to import.');
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

/** By the extension, else by the first characters. */
function detectFormat(file: string, text: string): Format {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.vcf' || extension === '.vcard') return 'vcard';
  if (extension === '.csv') return 'csv';
  const start = text.trimStart();
  if (start.startsWith('{')) return 'json';
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  return 'csv';
}

async function readSource(
  format: Format,
  text: string,
  dateOrder: 'mdy' | 'dmy' | undefined,
): Promise<ImportSource> {
  if (format === 'json') return readJournalExport(text);
  if (format === 'vcard') {
    const { parseVCards, personFromCard } = await import('../core/vcard.js');
    const { cards, problems } = parseVCards(text);
    if (cards.length === 0 && problems.length === 0) {
      throw new UsageError(
        'There are no vCards (BEGIN:VCARD … END:VCARD) in the file.',
        'Check that it is a .vcf file.',
      );
    }
    const people: ImportedPerson[] = [];
    for (const card of cards) {
      const read = personFromCard(card);
      if ('message' in read) problems.push(read);
      else people.push(read);
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { kind: 'people', people, problems };
  }
  const { rows, problems } = await readCsv(text);
  const { peopleFromCsv } = await import('../core/importing.js');
  const read = peopleFromCsv(rows, { dateOrder });
  const fatal = read.problems.find((p) => p.line === 1 || p.line === null);
  if (fatal) throw new UsageError(`The file cannot be imported: ${fatal.message}.`);
  return {
    kind: 'people',
    people: read.people,
    problems: [...problems, ...read.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

/** Rows with the line each starts on; rows the parser cannot read become problems. */
async function readCsv(text: string): Promise<{ rows: CsvRow[]; problems: ImportProblem[] }> {
  const { parse } = await import('csv-parse/sync');
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  // The parser counts the line a record ends on; the next one starts on the line after.
  let nextLine = 1;
  parse(text, {
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
async function readJournalExport(text: string): Promise<ImportSource> {
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
  const { recordSchemas } = await import('../store/schema.js');
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
  return { kind: 'journal', journal: incoming, lineOf, problems };
}

function names(list: { name: string; line: number | null }[], limit = 10): string {
  const shown = list
    .slice(0, limit)
    .map((p) => `${displaySafe(p.name)}${p.line === null ? '' : ` (line ${p.line})`}`);
  if (list.length > limit) shown.push(`and ${list.length - limit} more`);
  return shown.join(', ');
}

function renderImport(r: ImportRun): string {
  const verb = r.dryRun ? 'Would import' : 'Imported';
  const from = displaySafe(path.basename(r.file));
  const lines: string[] = [];
  const parts = [plural(r.added.length, 'person', 'people')];
  if (r.format === 'json') {
    parts.push(plural(r.conversations.added, 'conversation'), plural(r.followUps.added, 'follow-up'));
  }
  const nothing = r.added.length + r.conversations.added + r.followUps.added === 0;
  lines.push(
    nothing
      ? `Nothing new to import from ${from}.`
      : `${verb} ${parts.join(', ')} from ${from}${r.added.length ? `: ${names(r.added)}` : ''}.`,
  );
  const inJournal = r.skipped.filter((p) => p.reason.startsWith('already'));
  const twice = r.skipped.filter((p) => !p.reason.startsWith('already'));
  if (inJournal.length) {
    lines.push(
      `Skipped ${plural(inJournal.length, 'person', 'people')} already in your journal: ${names(inJournal)}.`,
    );
  }
  if (twice.length) {
    const shown = twice.map((p) => ({ name: `${p.name} (line ${p.line}: ${p.reason})`, line: null }));
    lines.push(
      `Skipped ${plural(twice.length, 'person', 'people')} named twice in the file: ${names(shown)}.`,
    );
  }
  const already = r.conversations.skipped + r.followUps.skipped;
  if (already) {
    lines.push(
      `Already there: ${plural(r.conversations.skipped, 'conversation')}, ${plural(r.followUps.skipped, 'follow-up')}.`,
    );
  }
  return lines.join('\n');
}
