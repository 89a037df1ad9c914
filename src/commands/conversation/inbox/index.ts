// rel inbox: the meetings in your calendar with people in your journal that are not logged yet,
// and logging, dismissing and restoring them. The calendar is read here (files and folders);
// what it means is worked out in core/inbox.ts. ical.js is loaded only by this command.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { distance } from 'fastest-levenshtein';
import { type Context, mayPrompt, openStore, parseSince, parseWhen, settings, today } from '../../context.js';
import type { Meeting } from '../../core/calendar-file.js';
import { parseSource, redactSource } from '../../core/calendar-source.js';
import { assignNotes, attributeHeard, DEFAULT_KIND, parseKind, parseMinutes } from '../../core/capture.js';
import { addDaysTo, fromIsoDate, type IsoDate, localDay } from '../../core/dates.js';
import { buildInbox, findRow, type Inbox, type InboxRow } from '../../core/inbox.js';
import { type Dismissal, type Journal, logConversation } from '../../core/journal.js';
import { describeConversation } from '../../core/profile.js';
import { article, displaySafe, plural } from '../../core/text.js';
import { NotFoundError, RemoteError, UsageError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Store } from '../../store/store.js';
import { showDate } from '../../ui/display.js';
import { printJson } from '../../ui/json.js';
import { renderTable } from '../../ui/render/table.js';
import { theme } from '../../ui/theme.js';
import { jsonOption } from '../shared/output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** How far back the inbox looks by default. */
const DEFAULT_DAYS = 14;
/** How far back an id is looked for (`log <id>`, `dismiss`): one listed with an earlier --since too. */
const ID_DAYS = 365;

interface SourceOptions {
  calendar?: string[];
  since?: string;
  offline?: boolean;
}

interface ListOptions extends SourceOptions {
  dismissed?: boolean;
  json?: boolean;
}

interface LogOptions extends SourceOptions {
  all?: boolean;
  kind?: string;
  minutes?: string;
  note?: string;
  heard?: string[];
  ambition?: string[];
  skill?: string[];
  followUp?: string[];
  due?: string;
  askNext?: string[];
  json?: boolean;
}

interface DismissOptions extends SourceOptions {
  series?: boolean;
}

const CONTENT_FLAGS = [
  'kind',
  'minutes',
  'note',
  'heard',
  'ambition',
  'skill',
  'followUp',
  'due',
  'askNext',
] as const;

function sourceOptions(command: Command, window = `${DEFAULT_DAYS} days ago`): Command {
  return command
    .option(
      '--calendar <source>',
      'an .ics file, a folder of them, a feed address or caldav+https://you@host/path (repeatable; default: the calendar setting, $REL_CALENDAR)',
      collect,
    )
    .option('--since <when>', `the start of the window: 2026-11-01, 3w, monday (default ${window})`)
    .option('--offline', 'read a calendar on the network from the copy rel kept when it last fetched it');
}

export function register(program: Command, ctx: Context): Command {
  const inbox = program
    .command('inbox')
    .description('meetings in your calendar with people in your journal, to log in one command')
    .addHelpText(
      'after',
      `
Reads .ics files (exports from Google Calendar, Outlook, Apple Calendar) or folders of them
(vdirsyncer and khal keep one), a feed's secret https:// address, or a CalDAV calendar
(caldav+https://you@host/path; the password from REL_CALDAV_PASSWORD or asked): the meetings
that ended in the window, with someone in your journal, not logged yet. What is fetched is kept
in ~/.local/state/rel for --offline; an address is only ever shown as https://host/….

Examples:
  $ rel config set calendar ~/calendars/work.ics     (once; or --calendar each time)
  $ rel config set calendar "https://calendar.google.com/calendar/ical/…/basic.ics"
  $ rel config set me me@example.com                 (so that rel knows which attendee is you)
  $ rel inbox
  $ rel inbox --since 2026-11-01 --json
  $ rel inbox log 3fa9c2d1 --note "Roadmap" --heard "Worried about on-call"
  $ rel inbox log --all                              (every meeting listed, with just its facts)
  $ rel inbox dismiss 3fa9c2d1 --series              (never list that series again)
  $ rel inbox --dismissed
  $ rel inbox restore 3fa9c2d1`,
    );
  sourceOptions(
    inbox.command('list', { isDefault: true }).description('the meetings still to log (the default)'),
  )
    .option('--dismissed', 'list the meetings you dismissed instead')
    .addOption(jsonOption())
    .allowExcessArguments()
    .action((options: ListOptions, command: Command) => {
      // `rel inbox lgo` lands here, as the default command's argument: say what was meant.
      const typed = command.args[0];
      if (typed !== undefined) {
        const near = ['log', 'dismiss', 'restore', 'list'].find((verb) => distance(verb, typed) <= 2);
        throw new UsageError(
          `rel inbox has no command "${displaySafe(typed)}".`,
          `${near ? `Did you mean rel inbox ${near}? ` : ''}The commands: list (the default), log, dismiss, restore.`,
        );
      }
      return list(ctx, options);
    });
  sourceOptions(
    inbox
      .command('log')
      .description(
        'log a meeting from the inbox as a conversation (who, date, minutes, kind from the calendar)',
      )
      .argument('[id]', 'the id the inbox shows (a unique prefix will do)'),
    `${DEFAULT_DAYS} days ago with --all; a year for an id`,
  )
    .option('--all', 'log every meeting the inbox lists, with just the facts from the calendar')
    .option('--kind <kind>', 'instead of the kind guessed from the title')
    .option('--minutes <n>', 'instead of the length in the calendar')
    .option('--note <text>', 'what you talked about ("-" reads it from stdin)')
    .option('--heard <text>', 'what you heard (repeatable; "Name: " says from whom)', collect)
    .option('--ambition <text>', 'an ambition they shared (repeatable; "Name: " says whose)', collect)
    .option('--skill <text>', 'a skill, talent or passion (repeatable; "Name: " says whose)', collect)
    .option('--follow-up <text>', 'something you promised (repeatable; "Name: " says for whom)', collect)
    .option('--due <when>', 'when the follow-ups are due: friday, 2w, 2026-12-20')
    .option('--ask-next <text>', 'something to ask about next time (repeatable)', collect)
    .addOption(jsonOption())
    .action((id: string | undefined, options: LogOptions) => logMeetings(ctx, id, options));
  sourceOptions(
    inbox
      .command('dismiss')
      .description('hide a meeting from the inbox for good (kept in the journal; rel undo takes it back)')
      .argument('<id>', 'the id the inbox shows'),
    'a year ago',
  )
    .option('--series', 'hide every occurrence of its series')
    .action((id: string, options: DismissOptions) => dismiss(ctx, id, options));
  inbox
    .command('restore')
    .description('bring back a dismissed meeting (or series)')
    .argument('<id>', 'the id rel inbox --dismissed shows')
    .action((id: string) => restore(ctx, id));
  for (const sub of inbox.commands) sub.exitOverride().showSuggestionAfterError(true);
  return inbox;
}

/** Every .ics file a source names: the file itself, or those in a folder and its subfolders. */
export function calendarFiles(source: string, home: string): string[] {
  const file = source === '~' ? home : source.replace(/^~(?=[/\\])/, home);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(
      `There is no calendar at ${source}.`,
      'Give an .ics file or a folder of them: rel inbox --calendar ~/Downloads/calendar.ics',
    );
  }
  if (!stat.isDirectory()) return [file];
  const found: string[] = [];
  const walk = (folder: string, depth: number) => {
    for (const entry of fs
      .readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      // vdirsyncer keeps its status in hidden files and folders.
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && depth < 3) walk(full, depth + 1);
      else if (entry.isFile() && /\.ics$/i.test(entry.name)) found.push(full);
    }
  };
  walk(file, 0);
  return found;
}

interface Loaded {
  inbox: Inbox;
  journal: Journal;
  since: IsoDate;
  store: Store;
  /** Read from the calendar setting over the default window: what `rel due`'s nudge counts. */
  configured: boolean;
}

async function windowStart(ctx: Context, options: SourceOptions, days: number): Promise<IsoDate> {
  return options.since === undefined ? addDaysTo(today(ctx), -days) : parseSince(ctx, options.since);
}

/**
 * The inbox as it is now: every source read (a file that is not iCalendar is exit 2; a calendar
 * on the network that cannot be fetched is exit 1), then matched. What was fetched is kept as the
 * copy for offline use only once every source has been read.
 */
async function loadInbox(ctx: Context, options: SourceOptions, days = DEFAULT_DAYS): Promise<Loaded> {
  const since = await windowStart(ctx, options, days);
  const chosen = settings(ctx);
  const typed = options.calendar?.length ? options.calendar : chosen.calendar ? [chosen.calendar] : [];
  if (!typed.length) {
    throw new UsageError(
      'No calendar to read.',
      'Give one with --calendar <file, folder or address>, or keep one: rel config set calendar ~/calendars/work.ics',
    );
  }
  const sources = typed.map((text) => ({ text, source: parseSource(text) }));
  const home = ctx.io.env.HOME || os.homedir();
  const files = sources.flatMap(({ source }) =>
    source.kind === 'path' ? calendarFiles(source.path, home) : [],
  );
  const start = fromIsoDate(since);
  start.setHours(0, 0, 0, 0);
  const now = ctx.io.now.getTime();
  // The journal first: its passphrase is asked before any password, and its key encrypts the copies.
  const store = await openStore(ctx);
  const journal = await store.read();
  const texts: { text: string; label: string; remote: boolean }[] = [];
  for (const file of files) {
    try {
      texts.push({ text: fs.readFileSync(file, 'utf8'), label: file, remote: false });
    } catch (error) {
      throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}.`);
    }
  }
  const keep: (() => void)[] = [];
  for (const { text, source } of sources) {
    if (source.kind === 'path') continue;
    const { remoteTexts } = await import('../../net/remote-calendar.js');
    const fetched = await remoteTexts(ctx, store, text, source, start, options.offline === true);
    const label = redactSource(text);
    for (const [i, body] of fetched.texts.entries()) {
      const which = fetched.texts.length > 1 ? ` (event ${i + 1})` : '';
      texts.push({ text: body, label: `${label}${which}`, remote: true });
    }
    keep.push(fetched.keep);
  }
  const { readCalendar } = await import('../../core/calendar-file.js');
  const meetings: Meeting[] = [];
  for (const { text, label, remote } of texts) {
    let read: ReturnType<typeof readCalendar>;
    try {
      read = readCalendar(text, label, start.getTime(), now);
    } catch (error) {
      // A web page (a sign-in, an expired link) where a calendar should be is the server's doing.
      if (remote && error instanceof UsageError)
        throw new RemoteError(
          error.message,
          'Check that the address is the calendar’s iCal (.ics) address, not its web page.',
        );
      throw error;
    }
    for (const problem of read.problems) ctx.io.err(`rel: warning: ${displaySafe(problem)}`);
    meetings.push(...read.meetings);
  }
  for (const write of keep) write();
  if (!chosen.me.length) {
    ctx.io.err(
      'rel: note: rel does not know your e-mail address, so it takes one attendee of each meeting to be you and cannot tell what you declined. Set it once: rel config set me you@example.com',
    );
  }
  const inbox = buildInbox(meetings, journal, {
    since: start.getTime(),
    now,
    me: chosen.me,
    oneToOneKind: DEFAULT_KIND,
  });
  return {
    inbox,
    journal,
    since,
    store,
    configured: !options.calendar?.length && options.since === undefined,
  };
}

const COUNTS: Record<InboxRow['counts'], string> = {
  alone: 'one-to-one',
  smallGroup: 'small group',
  group: 'group',
};

function clock(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function length(minutes: number): string {
  if (minutes < 60) return `${minutes}m`;
  return minutes % 60 ? `${Math.floor(minutes / 60)}h${minutes % 60}m` : `${minutes / 60}h`;
}

/** A meeting in one line, for the walk: when, how long, the title, who, how it would count. */
function describeRow(ctx: Context, r: InboxRow): string {
  const t = theme(ctx.io);
  const who = r.people.map((p) => t.bold(displaySafe(p.name))).join(', ');
  const others = r.unknown.length ? ` and ${plural(r.unknown.length, 'other')}` : '';
  return `${showDate(r.date, today(ctx))} ${clock(r.start)} · ${length(r.minutes)} · ${displaySafe(r.title) || '(no title)'} · with ${who}${others} · ${displaySafe(r.kind)}, ${COUNTS[r.counts]}`;
}

/** The row as `--json` prints it. */
function rowJson(r: InboxRow) {
  return {
    id: r.id,
    start: r.start,
    end: r.end,
    minutes: r.minutes,
    title: r.title,
    people: r.people,
    unknown: r.unknown,
    size: r.size,
    counts: r.counts,
    kind: r.kind,
    date: r.date,
    recurring: r.recurring,
    seriesId: r.seriesId,
    unknownAttendees: r.unknownAttendees,
  };
}

/**
 * Keeps what the inbox lists for `rel due`'s nudge (ids, days and people's ids: no titles), when
 * it was read from the calendar setting over the default window: what `rel due` speaks of.
 */
async function keepNudge(ctx: Context, loaded: Loaded): Promise<void> {
  if (!loaded.configured) return;
  const { nudgePath, stateFolder, writeNudge } = await import('../../store/calendar-cache.js');
  writeNudge(nudgePath(stateFolder(ctx.io.env), loaded.store.target), {
    version: 1,
    at: ctx.io.now.toISOString(),
    meetings: loaded.inbox.rows.map((r) => ({
      id: r.id,
      seriesId: r.seriesId,
      date: r.date,
      people: r.people.map((p) => p.id),
    })),
  });
}

async function list(ctx: Context, options: ListOptions): Promise<void> {
  if (options.dismissed) return listDismissed(ctx, options);
  const loaded = await loadInbox(ctx, options);
  await keepNudge(ctx, loaded);
  const { inbox, since } = loaded;
  if (options.json) {
    printJson(ctx.io, inbox.rows.map(rowJson));
    return;
  }
  const t = theme(ctx.io);
  const todayIso = today(ctx);
  if (!inbox.rows.length) {
    ctx.io.out(
      `Nothing to log since ${showDate(since, todayIso)}: every meeting with someone in your journal is logged${inbox.dismissed.length ? ' or dismissed' : ''}.`,
    );
    return;
  }
  if (mayPrompt(ctx)) {
    ctx.io.out(
      t.heading(`${plural(inbox.rows.length, 'meeting')} to log since ${showDate(since, todayIso)}`),
    );
    const { walk } = await import('./inbox-walk.js');
    await walk(ctx, loaded.store, inbox.rows, {
      describe: (row) => describeRow(ctx, row),
      dismiss: (row, series) => saveDismissal(ctx, loaded.store, row, series),
    });
    return;
  }
  const table = renderTable(
    inbox.rows,
    [
      // The id is what `rel inbox log` is given: never wrapped; narrow terminals lose the
      // length, how it counts and the kind first.
      { header: 'Id', value: (r) => r.id, style: (s) => t.dim(s), whole: true },
      { header: 'When', value: (r) => `${showDate(r.date, todayIso)} ${clock(r.start)}` },
      { header: 'Length', value: (r) => length(r.minutes), align: 'right', drop: 1 },
      {
        header: 'Title',
        value: (r) => displaySafe(r.title) || '(no title)',
        flex: true,
        min: 10,
        shrinkOrder: 2,
      },
      {
        header: 'With',
        value: (r) =>
          r.people.map((p) => displaySafe(p.name)).join(', ') +
          (r.unknown.length ? ` +${r.unknown.length}` : ''),
        flex: true,
        min: 10,
        shrinkOrder: 1,
      },
      { header: 'Kind', value: (r) => displaySafe(r.kind), drop: 3 },
      { header: 'Counts as', value: (r) => COUNTS[r.counts], drop: 2 },
    ],
    ctx.io.width,
    t.dim,
  );
  const lines = [
    t.heading(`${plural(inbox.rows.length, 'meeting')} to log since ${showDate(since, todayIso)}`),
    table,
  ];
  const strangers = new Map<string, { name: string | null; email: string | null; count: number }>();
  for (const row of inbox.rows) {
    for (const a of row.unknownAttendees) {
      const key = (a.email ?? a.name ?? '').toLowerCase();
      const seen = strangers.get(key);
      if (seen) seen.count++;
      else strangers.set(key, { ...a, count: 1 });
    }
  }
  if (strangers.size) {
    lines.push('', t.heading('Not in your journal'));
    for (const s of [...strangers.values()].sort((a, b) => b.count - a.count)) {
      const who =
        s.name && s.email && s.name !== s.email ? `${s.name} <${s.email}>` : (s.name ?? s.email ?? '');
      lines.push(`  ${displaySafe(who)}${s.count > 1 ? t.dim(` (${s.count} meetings)`) : ''}`);
    }
    lines.push(t.dim('  Add someone: rel add "Name" --email address'));
  }
  lines.push(
    '',
    t.dim('Log one: rel inbox log <id> [--note …]   Log all: rel inbox log --all'),
    t.dim('Hide one: rel inbox dismiss <id>   Hide a series: rel inbox dismiss <id> --series'),
  );
  ctx.io.out(lines.join('\n'));
}

function dismissalKey(d: Dismissal): string {
  return d.eventId ?? d.seriesId ?? d.id;
}

async function listDismissed(ctx: Context, options: ListOptions): Promise<void> {
  const journal = await (await openStore(ctx)).read();
  const dismissals = [...(journal.dismissals ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  const rows = dismissals.map((d) => ({
    id: dismissalKey(d),
    series: d.seriesId !== undefined,
    start: d.start,
    title: d.title,
    dismissedAt: d.createdAt,
  }));
  if (options.json) {
    printJson(ctx.io, rows);
    return;
  }
  if (!rows.length) {
    ctx.io.out('Nothing is dismissed.');
    return;
  }
  const t = theme(ctx.io);
  const todayIso = today(ctx);
  const table = renderTable(
    rows,
    [
      { header: 'Id', value: (r) => r.id, style: (s) => t.dim(s) },
      { header: 'What', value: (r) => (r.series ? 'every occurrence' : 'one meeting') },
      {
        header: 'When',
        value: (r) => `${r.series ? 'from ' : ''}${showDate(localDay(r.start), todayIso)} ${clock(r.start)}`,
      },
      { header: 'Title', value: (r) => displaySafe(r.title) || '(no title)', flex: true, min: 10 },
    ],
    ctx.io.width,
    t.dim,
  );
  ctx.io.out(`${table}\n\n${t.dim('Bring one back: rel inbox restore <id>')}`);
}

/** The inbox row an id names; a usage error saying why when there is none. */
function pick(rows: InboxRow[], typed: string, loaded: Loaded, ctx: Context): InboxRow {
  const found = findRow(rows, typed);
  const key = typed.trim().toLowerCase();
  const logged = loaded.journal.conversations.find(
    (c) => c.eventId && key.length >= 4 && c.eventId.startsWith(key),
  );
  if (!found && logged) {
    throw new UsageError(
      `That meeting is already logged: the conversation of ${showDate(logged.date, today(ctx))} (${logged.id}).`,
      `To change it: rel conversation edit ${logged.id}`,
    );
  }
  if (found === 'ambiguous') {
    throw new UsageError(
      `"${displaySafe(typed)}" fits several meetings.`,
      'Give more of the id, as rel inbox shows it.',
    );
  }
  if (!found && key.length < 4) {
    throw new UsageError(
      `There is no meeting "${displaySafe(typed)}": an id needs at least 4 characters.`,
      'rel inbox lists the meetings with their ids; give the id, or its first 4 characters or more.',
    );
  }
  if (!found) {
    throw new NotFoundError(
      `There is no meeting "${displaySafe(typed)}" in the inbox since ${showDate(loaded.since, today(ctx))}.`,
      'rel inbox lists them with their ids; a meeting already logged is not listed, and an older one needs --since.',
    );
  }
  return found;
}

async function logMeetings(ctx: Context, id: string | undefined, options: LogOptions): Promise<void> {
  const content = CONTENT_FLAGS.filter((flag) => options[flag] !== undefined);
  if (options.all && id !== undefined) {
    throw new UsageError('Give an id or --all, not both.', 'rel inbox log --all logs every meeting listed.');
  }
  if (options.all && content.length) {
    throw new UsageError(
      '--all logs each meeting with just the facts from the calendar; notes belong to one meeting.',
      'Log that one by its id: rel inbox log <id> --note "…"',
    );
  }
  if (!options.all && id === undefined) {
    throw new UsageError('Which meeting? Give its id, or --all.', 'rel inbox lists them with their ids.');
  }
  const kind = options.kind === undefined ? undefined : parseKind(options.kind);
  const minutes = options.minutes === undefined ? undefined : parseMinutes(options.minutes);
  const due = options.due === undefined ? null : await parseWhen(ctx, options.due, '--due', 'future');
  if (options.due !== undefined && !options.followUp?.length) {
    throw new UsageError(
      '--due says when follow-ups are due, and there is no --follow-up.',
      'For example: rel inbox log <id> --follow-up "Send the doc" --due friday',
    );
  }
  const loaded = await loadInbox(ctx, options, options.all ? DEFAULT_DAYS : ID_DAYS);
  const { inbox, since } = loaded;
  const chosen = options.all ? inbox.rows : [pick([...inbox.rows, ...inbox.dismissed], id!, loaded, ctx)];
  if (!chosen.length) {
    ctx.io.out(`Nothing to log since ${showDate(since, today(ctx))}.`);
    return;
  }
  const note = options.note === '-' ? await readStdin(ctx) : (options.note ?? '');
  const store = await openStore(ctx);
  const saved = await store.update(
    (journal) => {
      const logged = new Set(journal.conversations.flatMap((c) => (c.eventId ? [c.eventId] : [])));
      return chosen.map((row) => {
        // Another rel may have logged it, or removed someone, since the inbox was read.
        if (logged.has(row.id))
          throw new UsageError(`"${displaySafe(row.title)}" (${row.id}) is already logged.`);
        const people = row.people.map((p) => {
          const person = journal.people.find((q) => q.id === p.id);
          if (!person)
            throw new NotFoundError(
              `${displaySafe(p.name)} is no longer in your journal; nothing was saved.`,
            );
          return person;
        });
        const listening = attributeHeard(options.heard ?? [], people);
        const about = assignNotes(
          {
            ambitions: options.ambition ?? [],
            skills: options.skill ?? [],
            followUps: (options.followUp ?? []).map((text) => ({ text, due })),
            askNext: options.askNext ?? [],
          },
          people,
        );
        return logConversation(
          journal,
          {
            date: row.date,
            with: people.map((p) => p.id),
            kind: kind ?? row.kind,
            minutes: minutes ?? row.minutes,
            note,
            heard: listening.heard,
            heardFrom: listening.heardFrom,
            about,
            size: row.size,
            eventId: row.id,
          },
          { now: ctx.io.now, newId },
        );
      });
    },
    {
      summary: (conversations) =>
        conversations.length === 1
          ? `logged "${chosen[0]!.title}" of ${chosen[0]!.date} from the calendar`
          : `logged ${conversations.length} meetings from the calendar`,
    },
  );
  const journal = await store.read();
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  if (options.json) {
    const shown = saved.map((c) => ({
      ...describeConversation(c, names),
      eventId: c.eventId,
      createdAt: c.createdAt,
    }));
    printJson(ctx.io, options.all ? shown : shown[0]);
    return;
  }
  const t = theme(ctx.io);
  const todayIso = today(ctx);
  const lines = saved.map(
    (c) =>
      `${t.good('Logged')} ${article(c.kind)} ${displaySafe(c.kind)} with ${c.with.map((p) => t.bold(displaySafe(names.get(p) ?? p))).join(', ')} on ${showDate(c.date, todayIso)}${c.minutes ? ` (${c.minutes} min)` : ''}.`,
  );
  if (saved.length > 1)
    lines.push(t.dim(`${plural(saved.length, 'meeting')} logged; rel undo takes them all back.`));
  ctx.io.out(lines.join('\n'));
}

async function dismiss(ctx: Context, id: string, options: DismissOptions): Promise<void> {
  const loaded = await loadInbox(ctx, options, ID_DAYS);
  const { inbox } = loaded;
  const already = findRow(inbox.dismissed, id);
  if (already && already !== 'ambiguous') {
    throw new UsageError(
      `"${displaySafe(already.title)}" (${already.id}) is already dismissed.`,
      'rel inbox --dismissed lists what is; rel inbox restore <id> brings one back.',
    );
  }
  const row = pick(inbox.rows, id, loaded, ctx);
  await saveDismissal(ctx, loaded.store, row, options.series === true);
}

/** A dismissal of the meeting (or of its whole series) written to the journal, and said. */
async function saveDismissal(ctx: Context, store: Store, row: InboxRow, series: boolean): Promise<void> {
  const record: Dismissal = {
    id: newId(),
    ...(series ? { seriesId: row.seriesId } : { eventId: row.id }),
    title: row.title,
    start: row.start,
    createdAt: ctx.io.now.toISOString(),
  };
  await store.update(
    (journal) => {
      journal.dismissals = [...(journal.dismissals ?? []), record];
    },
    { summary: () => `dismissed ${series ? 'every ' : ''}"${row.title}" from the inbox` },
  );
  const t = theme(ctx.io);
  const what = series
    ? `every "${displaySafe(row.title)}"`
    : `"${displaySafe(row.title)}" of ${showDate(row.date, today(ctx))}`;
  ctx.io.out(`${t.good('Dismissed')} ${what}. Bring it back with: rel inbox restore ${dismissalKey(record)}`);
}

async function restore(ctx: Context, typed: string): Promise<void> {
  const store = await openStore(ctx);
  const keyOf = (journal: Journal) => {
    const keys = [...new Set((journal.dismissals ?? []).map(dismissalKey))].map((key) => ({ id: key }));
    const found = findRow(keys, typed);
    if (found === 'ambiguous')
      throw new UsageError(`"${displaySafe(typed)}" fits several dismissals.`, 'Give more of the id.');
    if (!found) {
      throw new NotFoundError(
        `Nothing dismissed has the id "${displaySafe(typed)}".`,
        'rel inbox --dismissed lists what is dismissed, with the ids to restore.',
      );
    }
    return found.id;
  };
  keyOf(await store.read());
  const restored = await store.update(
    (journal) => {
      const key = keyOf(journal);
      // The same meeting dismissed on two machines is two records; restoring takes both.
      const gone = (journal.dismissals ?? []).filter((d) => dismissalKey(d) === key);
      journal.dismissals = (journal.dismissals ?? []).filter((d) => dismissalKey(d) !== key);
      return gone[0]!;
    },
    { summary: (d) => `restored "${d.title}" to the inbox` },
  );
  const t = theme(ctx.io);
  ctx.io.out(
    `${t.good('Restored')} ${restored.seriesId ? 'every ' : ''}"${displaySafe(restored.title)}": rel inbox lists it again.`,
  );
}

async function readStdin(ctx: Context): Promise<string> {
  if (ctx.io.stdinIsTTY) ctx.io.err('Type the note, then press Ctrl+D on a new line.');
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\s+$/, '');
}
