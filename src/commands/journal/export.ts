// rel export: everything (or one person, or what happened since a date) in a format other tools read.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  type Context,
  openStore,
  parseSince,
  resolvePerson,
  settings,
  today,
  togetherRules,
} from '../../context.js';
import { checkConversationDays, indexConversations } from '../../core/conversations.js';
import type { IsoDate } from '../../core/dates.js';
import {
  conversationsTable,
  type ExportSelection,
  notInCsv,
  peopleTable,
  renderMarkdown,
  selectJournal,
  type Table,
} from '../../core/export.js';
import { calendarEvents, describeFeed, renderCalendar } from '../../core/ics.js';
import type { Journal } from '../../core/journal.js';
import { plural } from '../../core/text.js';
import { StoreError, UsageError } from '../../errors.js';
import { serializeJournal } from '../../store/format.js';
import { safeText } from '../../ui/safe.js';
import {
  isSpecial,
  type OutFileRules,
  refuseOutFile,
  refuseOwnFile,
  writeOutFile,
} from '../shared/out-file.js';

const FORMATS = ['json', 'markdown', 'csv', 'ics', 'vcard', 'vcard3'] as const;
type Format = (typeof FORMATS)[number];
const TABLES = ['conversations', 'people'] as const;
type TableName = (typeof TABLES)[number];

const FILE_NAMES: Record<Exclude<Format, 'csv'>, string> = {
  json: 'rel-export.json',
  markdown: 'rel-export.md',
  ics: 'rel.ics',
  vcard: 'rel.vcf',
  vcard3: 'rel.vcf',
};

interface ExportOptions {
  format: string;
  person?: string;
  since?: string;
  out?: string;
  force?: boolean;
  redact?: boolean;
  table?: string;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('export')
    .description('write your journal out as JSON, Markdown, CSV, a calendar feed (ics) or vCards')
    .option('--format <format>', `${FORMATS.join(', ')}`, 'json')
    .option('--person <name>', 'only this person and what concerns them')
    .option('--since <when>', 'only conversations (and follow-ups made) since then, e.g. 2026-01-01, 3m')
    .option(
      '--out <path>',
      'write to a file (or, for csv, a folder holding people.csv and conversations.csv)',
    )
    .option('--force', 'with --out: replace a file already there (never the journal)')
    .option('--redact', 'leave out listening notes and personal notes, for sharing')
    .option(
      '--table <table>',
      'csv: conversations (default on stdout) or people; with --out, only that table',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ rel export > backup.json                 (the store's own format)
  $ rel export --format markdown --person ana --redact > ana.md
  $ rel export --format csv --table people > people.csv
  $ rel export --format csv --out ./export   (people.csv, conversations.csv)
  $ rel export --format ics --out rel.ics    (check-ins, follow-ups, birthdays)
  $ rel export --out backup.json --force     (replaces the backup.json there)
  $ rel export --format vcard --out rel.vcf  (for a contacts app; or vcard3)`,
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
  if ((format === 'vcard' || format === 'vcard3') && options.since !== undefined) {
    throw new UsageError('--since does not apply to vCards: they hold people, not what happened.');
  }
  const force = options.force ?? false;
  if (force && options.out === undefined) throw new UsageError('--force goes with --out.');
  const since = options.since === undefined ? undefined : await parseSince(ctx, options.since);
  const store = await openStore(ctx);
  const journal = await store.read();
  /**
   * Refuses, before anything is written, an --out that would land on the journal or a file kept
   * beside it, or (without --force) on a file already there: both tables, or neither.
   */
  const rules: OutFileRules = {
    target: store.target,
    env: ctx.io.env,
    instead: format === 'csv' ? 'rel-export.csv' : FILE_NAMES[format],
  };
  // The path itself first: a folder named like a backup is refused before it is made.
  if (options.out !== undefined)
    refuseOwnFile(rules, options.out.replace(/[\\/]+$/, '') || options.out, options.out);
  const refused = (...files: string[]) => {
    for (const file of files) refuseOutFile(rules, file, options.out!, force);
    return files;
  };
  // Journal data is private: written 0600, whole or not at all. Its text is made safe as all human
  // output is (no control characters but tab, LF and CRLF), except for the JSON export, which keeps
  // the stored text exactly.
  const write = (file: string, content: string, exact = false) =>
    writeOutFile(rules, file, options.out!, exact ? content : safeText(content, false), {
      force,
      stdio: ctx.io.raw,
    });
  const selection: ExportSelection = { since, redact: options.redact ?? false };
  if (options.person !== undefined)
    selection.personId = (await resolvePerson(ctx, journal, options.person, 'report')).id;
  const chosen = selectJournal(journal, selection);

  if (format === 'csv') {
    const { stringify } = await import('csv-stringify/sync');
    const csv = (t: Table) => stringify([t.headers, ...t.rows], { record_delimiter: 'unix' });
    const chosenTable = () => csv(table === 'people' ? peopleTable(chosen) : conversationsTable(chosen));
    // Said after the file, or after the table on stdout: what the tables cannot hold.
    const left = notInCsv(chosen);
    const leftOut = () => {
      if (left.length)
        ctx.io.err(
          `Not in the CSV tables: ${left.join(', ')}. rel export (JSON) keeps everything; rel import reads it back.`,
        );
    };
    if (options.out === undefined) {
      ctx.io.out(chosenTable().trimEnd());
      leftOut();
      return;
    }
    /** One table to one file: said with what that table holds, not what the other would. */
    const one = (file: string) => {
      const written = write(file, chosenTable());
      const holds =
        table === 'people'
          ? plural(chosen.people.length, 'person', 'people')
          : plural(chosen.conversations.length, 'conversation');
      ctx.io.err(`Wrote the ${table} table to ${written} (${holds}).`);
      leftOut();
    };
    // A .csv name is one file (the chosen table); so is a device, FIFO or socket (--out
    // /dev/stdout, as stdout is), and with --table a file already there. Anything else is a folder:
    // for both tables, or with --table for that one.
    if (
      options.out.toLowerCase().endsWith('.csv') ||
      isSpecial(options.out) ||
      (options.table !== undefined && isFile(options.out))
    ) {
      one(outputFile(options.out, `${table}.csv`));
      return;
    }
    const folder = csvFolder(options.out);
    if (options.table !== undefined) {
      one(refused(path.join(folder, `${table}.csv`))[0]!);
      return;
    }
    const [people, conversations] = refused(
      path.join(folder, 'people.csv'),
      path.join(folder, 'conversations.csv'),
    );
    write(people!, csv(peopleTable(chosen)));
    write(conversations!, csv(conversationsTable(chosen)));
    ctx.io.err(`Wrote ${people} and ${conversations} (${summary(chosen)}).`);
    leftOut();
    return;
  }

  const { text, holds } = await render(format, chosen, { ctx, journal, since });
  if (options.out === undefined) {
    // A calendar feed and vCards end their lines with CRLF, the last one too (RFC 5545, 6350):
    // the same bytes on stdout as in the file --out writes.
    ctx.io.out(format === 'ics' || format === 'vcard' || format === 'vcard3' ? text : text.trimEnd());
    return;
  }
  const file = write(outputFile(options.out, FILE_NAMES[format]), text, format === 'json');
  ctx.io.err(`Wrote ${file} (${holds}).`);
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

/** The text of a one-file format, and what it holds, for the message after writing it. */
async function render(
  format: Exclude<Format, 'csv'>,
  chosen: Journal,
  { ctx, journal, since }: { ctx: Context; journal: Journal; since: IsoDate | undefined },
): Promise<{ text: string; holds: string }> {
  const { defaultCadenceDays: defaultCadence, workingDays } = settings(ctx);
  if (format === 'markdown') {
    // Its "last seen" is of the whole journal: a day not in the calendar there stops it.
    checkConversationDays(journal.conversations);
    const history = indexConversations(journal.conversations);
    return {
      text: renderMarkdown(chosen, {
        today: today(ctx),
        history,
        since,
        defaultCadence,
        rules: togetherRules(ctx),
      }),
      holds: summary(chosen),
    };
  }
  if (format === 'vcard' || format === 'vcard3') {
    const { renderVCards } = await import('../../core/vcard-write.js');
    return {
      text: renderVCards(chosen.people, format === 'vcard' ? '4.0' : '3.0'),
      holds: plural(chosen.people.length, 'person', 'people'),
    };
  }
  if (format === 'ics') {
    // Its check-ins count from the last time together: a day not in the calendar stops it too.
    checkConversationDays(journal.conversations);
    // A feed holds events, not records: say how many of each kind the calendar will show.
    const events = calendarEvents(chosen, today(ctx), defaultCadence, togetherRules(ctx), workingDays);
    return { text: renderCalendar(events, ctx.io.now), holds: describeFeed(events) };
  }
  // The store's own layout, one record per line: rel import reads it and names lines in its reports.
  return { text: serializeJournal(chosen), holds: summary(chosen) };
}

function summary(journal: Journal): string {
  return `${plural(journal.people.length, 'person', 'people')}, ${plural(journal.conversations.length, 'conversation')}`;
}

/**
 * Where --out writes: into a folder that exists, or one named with a trailing slash (created
 * then, but never the folders above it); else to the file named, whose folder must exist. A typo
 * in a path should not quietly grow a tree of folders somewhere unexpected.
 */
function outputFile(out: string, defaultName: string): string {
  if (out.trim() === '') throw new UsageError('--out needs a file or folder name.');
  if (out.endsWith('/') || out.endsWith(path.sep)) return path.join(existingFolder(out, true), defaultName);
  if (isDirectory(out)) return path.join(out, defaultName);
  existingFolder(path.dirname(path.resolve(out)), false);
  return out;
}

function csvFolder(out: string): string {
  if (out.trim() === '') throw new UsageError('--out needs a folder name.');
  if (fs.existsSync(out) && !isDirectory(out)) {
    throw new UsageError(
      `--out ${out} is a file; csv export writes two files into a folder.`,
      'Give a folder, e.g. --out ./export (it is created when missing, inside a folder that exists).',
    );
  }
  return existingFolder(out, true);
}

/** The folder, checked to exist; with create, made (0700) when only it is missing. Else exit 2. */
function existingFolder(folder: string, create: boolean): string {
  if (isDirectory(folder)) return folder;
  if (fs.existsSync(folder)) throw new UsageError(`--out: ${folder} is a file, not a folder.`);
  const parent = path.dirname(path.resolve(folder));
  if (!create || !isDirectory(parent)) {
    const missing = create ? parent : folder;
    throw new UsageError(
      `--out: the folder ${missing} does not exist.`,
      `Create it first (mkdir -p ${missing}), or give --out a path in a folder that exists.`,
    );
  }
  try {
    fs.mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    throw new StoreError(
      `Cannot create ${folder}: ${(error as Error).message}`,
      'Check the path and permissions.',
    );
  }
  return folder;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
