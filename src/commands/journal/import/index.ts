// rel import <file>: people from an address book (CSV, vCard), or a rel JSON export back in.

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Context, openStore } from '../../../context.js';
import { type ColumnMap, MAP_FIELDS, type MapField } from '../../../core/import-csv-headers.js';
import { type ImportProblem, warningText } from '../../../core/import-types.js';
import type { Journal } from '../../../core/journal.js';
import { displaySafe, plural } from '../../../core/text.js';
import { UsageError } from '../../../errors.js';
import { newId } from '../../../ids.js';
import { printJson } from '../../../ui/json.js';
import { progressBar } from '../../../ui/progress.js';
import { type ImportRun, renderImport } from '../../../ui/render/import.js';
import { collect } from '../../shared/options.js';
import { jsonOption } from '../../shared/output.js';
import { readStdin } from '../../shared/stdin.js';
import { FORMATS, type Format } from './formats.js';

interface ImportOptions {
  format?: string;
  strict?: boolean;
  dryRun?: boolean;
  dateOrder?: string;
  charset?: string;
  map?: string[];
  json?: boolean;
}

export function register(program: Command, ctx: Context): Command {
  return program
    .command('import')
    .description('bring people in from an address book (CSV, vCard) or a rel JSON export')
    .argument('<file>', 'a .json export of rel, a .csv of people, or a .vcf of contacts; - reads stdin')
    .option('--format <format>', `${FORMATS.join(', ')} (default: told by the file)`)
    .option('--strict', 'refuse the whole file if any row or card is bad (exit 2, nothing written)')
    .option('--dry-run', 'show what would change, and write nothing')
    .option('--date-order <order>', 'mdy or dmy: how to read numeric birthdays such as 5/6/1990')
    .option(
      '--charset <name>',
      'what text that is not UTF-8 is in (default: a guess of windows-1252, reported), e.g. windows-1250',
    )
    .option(
      '--map <column=field>',
      `CSV: read a column as a field (repeatable; fields: ${MAP_FIELDS.join(', ')})`,
      collect,
    )
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
Examples:
  $ rel import contacts.vcf --dry-run  (Android, iPhone, macOS, Google, Outlook)
  $ rel import google-contacts.csv
  $ rel import outlook.csv --date-order mdy
  $ rel import old-phone.vcf --charset windows-1250
  $ rel import crm.csv --map "Full Name=name" --map "Mail=email"
  $ rel import backup.json              (a rel export; twice adds nothing)

People already in your journal (same name), and people with an e-mail address someone already has (one address names one person), are skipped and listed. Bad rows or cards are reported on stderr with their line (the header is line 1) and skipped; what is imported only in part (a birthday rel cannot use, a charset guessed) is reported too. With --strict, either refuses the file.`,
    )
    .action(async (file: string, options: ImportOptions) => run(ctx, file, options));
}

async function run(ctx: Context, file: string, options: ImportOptions): Promise<void> {
  const dateOrder = parseDateOrder(options.dateOrder);
  const [{ applyImport, changeCount }, { detectFormat, readSource }, { decodeFile, knownCharset }] =
    await Promise.all([
      import('../../../core/importing.js'),
      import('./read.js'),
      import('../../../core/charset.js'),
    ]);
  const charset = options.charset === undefined ? undefined : parseCharset(options.charset, knownCharset);
  const map = (options.map ?? []).map(parseMap);
  const bytes = await readInput(ctx, file);
  refuseOwnFormats(file, bytes, options.format === undefined);
  const text = decodeFile(bytes, charset);
  // A calendar (decoded as rel inbox decodes one, UTF-16 too) is no list of people: read as a
  // CSV, it would be refused for having no name column.
  if (
    options.format === undefined &&
    /^BEGIN:VCALENDAR\s*$/i.test(text.text.trimStart().split(/\r?\n/)[0] ?? '')
  ) {
    throw new UsageError(
      `${file === '-' ? 'stdin' : path.basename(file)} is a calendar (iCalendar), not people or a rel export: rel import does not read calendars.`,
      `rel inbox reads the meetings in it: rel inbox --calendar ${file === '-' ? '<file>' : file}`,
    );
  }
  const format = options.format === undefined ? detectFormat(file, text.text) : parseFormat(options.format);
  const source = await readSource(format, bytes, text, { dateOrder, charset, map, now: ctx.io.now });
  const label = file === '-' ? 'stdin' : path.basename(file);
  /** Bad records and warnings by their line; a warning says what was done, or would have been. */
  const report = (problems: ImportProblem[], refused = false) => {
    for (const p of [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      ctx.io.err(
        `rel: ${displaySafe(label)}${p.line === null ? '' : ` line ${p.line}`}: ${displaySafe(warningText(p, refused))}.`,
      );
    }
  };
  // With --strict, what would be imported only in part refuses the file as a bad record does.
  const refuse = (outcome: { problems: ImportProblem[]; warnings: ImportProblem[] }): never => {
    // A script asked for JSON: it gets what refused the file, as an import's problems and warnings.
    if (options.json) {
      printJson(ctx.io, {
        file,
        format,
        dryRun: options.dryRun ?? false,
        refused: true,
        problems: outcome.problems,
        warnings: outcome.warnings,
      });
    }
    const what = [
      ...(outcome.problems.length ? [plural(outcome.problems.length, 'bad record')] : []),
      ...(outcome.warnings.length ? [plural(outcome.warnings.length, 'warning')] : []),
    ].join(' and ');
    throw new UsageError(
      `${what} in ${label}; nothing was imported (--strict).`,
      !outcome.warnings.length
        ? 'Fix them in the file, or import without --strict to skip them.'
        : outcome.problems.length
          ? 'Fix them in the file, or import without --strict to skip the bad records and take the rest as the warnings say.'
          : 'Fix them in the file, or import without --strict to take the people in as the warnings say.',
    );
  };
  const refused = (o: { problems: ImportProblem[]; warnings: ImportProblem[] }) =>
    o.problems.length + o.warnings.length > 0;
  if (options.strict && refused(source)) {
    report([...source.problems, ...source.warnings], true);
    refuse(source);
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
  // The journal decides some too (an e-mail address someone here has): they refuse it as well.
  if (options.strict && refused(preview)) {
    report([...preview.problems, ...preview.warnings], true);
    refuse(preview);
  }
  if (!options.dryRun && changeCount(preview) > 0) {
    outcome = await store.update(
      (journal: Journal) => {
        const result = applyImport(journal, source, clock, progress);
        if (options.strict && refused(result)) refuse(result);
        return result;
      },
      {
        summary: (result) =>
          `imported ${[
            plural(result.added.length, 'person', 'people'),
            plural(result.conversations.added, 'conversation'),
            plural(result.followUps.added, 'follow-up'),
          ].join(', ')}${keptText(result.kept)} from ${file === '-' ? 'stdin' : path.basename(file)}`,
      },
    );
  }
  const result: ImportRun = { file, format, dryRun: options.dryRun ?? false, ...outcome };
  report([...result.problems, ...result.warnings]);
  if (options.json) {
    const { added, skipped, ...rest } = result;
    printJson(ctx.io, { ...rest, people: { added, skipped } });
  } else ctx.io.print(renderImport(result));
  if (result.problems.length && !options.json) {
    ctx.io.err(
      `${plural(result.problems.length, 'bad record')} skipped; --strict refuses the whole file instead.`,
    );
  }
  if (result.dryRun) ctx.io.err('Dry run: nothing was written.');
}

/**
 * What an import took besides records, for the undo's name of it: ", 1 dismissed meeting". Not the
 * forgets: no change takes one back (store/tracking.ts), an undo of the import neither.
 */
function keptText(kept: ImportRun['kept']): string {
  if (!kept) return '';
  const parts = [
    ...(kept.deletions ? [plural(kept.deletions, 'deletion trace')] : []),
    ...(kept.dismissals ? [plural(kept.dismissals, 'dismissed meeting')] : []),
  ];
  return parts.length ? `, ${parts.join(', ')}` : '';
}

/** The header of rel's encrypted files (store/crypto.ts), not imported from there: no crypto is loaded. */
const SEALED = Buffer.from('RELCRYPT', 'ascii');

/**
 * rel's own files that rel import does not read, said as what they are: an encrypted journal or
 * backup (read as JSON or CSV it gave a parse error or binary garbage) and, unless a --format says
 * otherwise, rel's Markdown export (a CSV with "no name column").
 */
function refuseOwnFormats(file: string, bytes: Uint8Array, byContent: boolean): void {
  const label = file === '-' ? 'stdin' : path.basename(file);
  if (
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(0, SEALED.length).equals(SEALED)
  ) {
    const store = file === '-' ? '<file>' : file;
    throw new UsageError(
      `${label} is an encrypted rel journal (or a backup of one): rel import reads rel's JSON export, which is plain.`,
      `Export it first (rel asks for its passphrase): rel export --store ${store} > plain.json, then rel import plain.json.`,
    );
  }
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (byContent && /^# rel journal\r?\n/.test(start)) {
    throw new UsageError(
      `${label} is rel's Markdown export: rel import does not read Markdown.`,
      "Import rel's JSON export instead: rel export > journal.json in the journal it came from, then rel import journal.json.",
    );
  }
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

function parseCharset(text: string, known: (name: string) => boolean): string {
  const name = text.trim();
  if (!name || !known(name)) {
    throw new UsageError(
      `--charset "${text}" is not a charset rel knows.`,
      'Use a name such as windows-1252, windows-1250, iso-8859-2, shift_jis or koi8-r.',
    );
  }
  return name;
}

function parseMap(text: string): ColumnMap {
  const eq = text.lastIndexOf('=');
  const column = eq < 0 ? '' : text.slice(0, eq).trim();
  const field =
    eq < 0
      ? ''
      : text
          .slice(eq + 1)
          .trim()
          .toLowerCase();
  if (!column || !(MAP_FIELDS as readonly string[]).includes(field)) {
    throw new UsageError(
      `--map "${text}" is not "<column>=<field>" with a field rel knows.`,
      `Write it as --map "Full Name=name"; the fields are ${MAP_FIELDS.join(', ')}.`,
    );
  }
  return { column, field: field as MapField };
}

function parseFormat(text: string): Format {
  const format = { vcf: 'vcard', vcard: 'vcard', csv: 'csv', json: 'json' }[text.trim().toLowerCase()];
  if (!format)
    throw new UsageError(`--format "${text}" is not one rel imports.`, `Use one of: ${FORMATS.join(', ')}.`);
  return format as Format;
}

async function readInput(ctx: Context, file: string): Promise<Uint8Array> {
  if (file === '-') {
    // Never wait on a terminal: a file is piped in, or there is nothing to read.
    if (ctx.io.stdinIsTTY) {
      throw new UsageError(
        'rel import - reads the file from stdin, but stdin is a terminal.',
        'Pipe it in: rel import - < contacts.vcf',
      );
    }
    return readStdin(ctx);
  }
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
