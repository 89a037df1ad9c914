// rel export: everything (or one person, or what happened since a date) in a format other tools read.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Context, openStore, parseWhen, resolvePerson, today } from '../context.js';
import {
  conversationsTable,
  type ExportSelection,
  peopleTable,
  renderMarkdown,
  selectJournal,
  type Table,
} from '../core/export.js';
import { calendarEvents, renderCalendar } from '../core/ics.js';
import type { Journal } from '../core/journal.js';
import { plural } from '../core/text.js';
import { StoreError, UsageError } from '../errors.js';
import { serializeJournal } from '../store/format.js';

const FORMATS = ['json', 'markdown', 'csv', 'ics'] as const;
type Format = (typeof FORMATS)[number];
const TABLES = ['conversations', 'people'] as const;
type TableName = (typeof TABLES)[number];

const FILE_NAMES: Record<Exclude<Format, 'csv'>, string> = {
  json: 'rel-export.json',
  markdown: 'rel-export.md',
  ics: 'rel.ics',
};

interface ExportOptions {
  format: string;
  person?: string;
  since?: string;
  out?: string;
  redact?: boolean;
  table?: string;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('export')
    .description('write your journal out as JSON, Markdown, CSV or a calendar feed (ics)')
    .option('--format <format>', `${FORMATS.join(', ')}`, 'json')
    .option('--person <name>', 'only this person and what concerns them')
    .option('--since <when>', 'only conversations (and follow-ups made) since then, e.g. 2026-01-01, 3m')
    .option(
      '--out <path>',
      'write to a file (or, for csv, a folder holding people.csv and conversations.csv)',
    )
    .option('--redact', 'leave out listening notes and personal notes, for sharing')
    .option('--table <table>', 'csv on stdout: conversations (default) or people')
    .addHelpText(
      'after',
      `
Examples:
  $ rel export > backup.json                         (the store's own format; rel import reads it back)
  $ rel export --format markdown --person ana --redact > ana.md
  $ rel export --format csv --table people > people.csv
  $ rel export --format csv --out ./export            (writes people.csv and conversations.csv)
  $ rel export --format ics --out ~/rel.ics           (check-ins, follow-ups and birthdays for your calendar)`,
    )
    .action(async (options: ExportOptions) => run(ctx, options));
}

function parseFormat(text: string): Format {
  const format = text.trim().toLowerCase() === 'md' ? 'markdown' : text.trim().toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format "${text}" is not one rel writes.`, `Use one of: ${FORMATS.join(', ')}.`);
  }
  return format as Format;
}

async function run(ctx: Context, options: ExportOptions): Promise<void> {
  const format = parseFormat(options.format);
  const table = parseTable(options.table, format);
  if (format === 'ics' && options.since !== undefined) {
    throw new UsageError(
      '--since does not apply to a calendar feed: it holds what is coming, not what happened.',
    );
  }
  const since =
    options.since === undefined ? undefined : await parseWhen(ctx, options.since, '--since', 'past');
  const journal = await (await openStore(ctx)).read();
  const selection: ExportSelection = { since, redact: options.redact ?? false };
  if (options.person !== undefined)
    selection.personId = (await resolvePerson(ctx, journal, options.person)).id;
  const chosen = selectJournal(journal, selection);

  if (format === 'csv') {
    const { stringify } = await import('csv-stringify/sync');
    const csv = (t: Table) => stringify([t.headers, ...t.rows], { record_delimiter: 'unix' });
    const chosenTable = () => csv(table === 'people' ? peopleTable(chosen) : conversationsTable(chosen));
    if (options.out === undefined) {
      ctx.io.out(chosenTable().trimEnd());
      return;
    }
    // A .csv name is one file (the chosen table); anything else is a folder for both tables.
    if (options.out.toLowerCase().endsWith('.csv')) {
      const file = writePrivateFile(options.out, chosenTable());
      ctx.io.err(`Wrote the ${table} table to ${file} (${summary(chosen)}).`);
      return;
    }
    const folder = csvFolder(options.out);
    const people = writePrivateFile(path.join(folder, 'people.csv'), csv(peopleTable(chosen)));
    const conversations = writePrivateFile(
      path.join(folder, 'conversations.csv'),
      csv(conversationsTable(chosen)),
    );
    ctx.io.err(`Wrote ${people} and ${conversations} (${summary(chosen)}).`);
    return;
  }

  const text = render(format, chosen, ctx);
  if (options.out === undefined) {
    ctx.io.out(text.trimEnd());
    return;
  }
  const file = writePrivateFile(outputFile(options.out, FILE_NAMES[format]), text);
  ctx.io.err(`Wrote ${file} (${summary(chosen)}).`);
}

function parseTable(text: string | undefined, format: Format): TableName {
  if (text === undefined) return 'conversations';
  if (format !== 'csv') throw new UsageError('--table goes with --format csv.');
  const table = text.trim().toLowerCase();
  if (!(TABLES as readonly string[]).includes(table)) {
    throw new UsageError(`--table "${text}" is not a table rel exports.`, 'Use people or conversations.');
  }
  return table as TableName;
}

function render(format: Exclude<Format, 'csv'>, journal: Journal, ctx: Context): string {
  if (format === 'markdown') return renderMarkdown(journal, today(ctx));
  if (format === 'ics') return renderCalendar(calendarEvents(journal, today(ctx)), ctx.io.now);
  // The store's own layout, one record per line: rel import reads it and names lines in its reports.
  return serializeJournal(journal);
}

function summary(journal: Journal): string {
  return `${plural(journal.people.length, 'person', 'people')}, ${plural(journal.conversations.length, 'conversation')}`;
}

/** --out names a file, or a folder (existing, or written with a trailing slash) to put the default name in. */
function outputFile(out: string, defaultName: string): string {
  const isFolder = out.endsWith('/') || out.endsWith(path.sep) || isDirectory(out);
  return isFolder ? path.join(out, defaultName) : out;
}

function csvFolder(out: string): string {
  if (fs.existsSync(out) && !isDirectory(out)) {
    throw new UsageError(
      `--out ${out} is a file; csv export writes two files into a folder.`,
      'Give a folder, e.g. --out ./export (it is created when missing).',
    );
  }
  return out;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Journal data is private: the file is written 0600, whole or not at all (temp file, then rename). */
function writePrivateFile(file: string, text: string): string {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new StoreError(
      `Cannot write ${file}: ${(error as Error).message}`,
      'Check the path and permissions.',
    );
  }
  return file;
}
