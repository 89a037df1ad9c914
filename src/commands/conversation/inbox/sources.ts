// Where rel inbox's meetings come from: the calendars named (files, folders, feeds, CalDAV) read
// and matched with the journal (core/inbox.ts), the nudge kept for `rel due`, and the row an id
// names. ical.js and the network are loaded only here, when a calendar is read.
import fs from 'node:fs';
import path from 'node:path';
import { type Context, openStore, parseSince, settings, today, togetherRules } from '../../../context.js';
import type { Meeting } from '../../../core/calendar-file.js';
import { parseSource, redactSource } from '../../../core/calendar-source.js';
import { addDaysTo, fromIsoDate, type IsoDate } from '../../../core/dates.js';
import { buildInbox, findRow, type Inbox, type InboxRow } from '../../../core/inbox.js';
import type { Journal } from '../../../core/journal.js';
import { DEFAULT_KIND } from '../../../core/kinds.js';
import { displaySafe } from '../../../core/text.js';
import { NotFoundError, RemoteError, UsageError } from '../../../errors.js';
import { whatFailed } from '../../../store/files.js';
import { type Env, homeFolder } from '../../../store/paths.js';
import type { Store } from '../../../store/store.js';
import { showDate } from '../../../ui/display.js';

/** How far back the inbox looks by default. */
export const DEFAULT_DAYS = 14;
/** How far back an id is looked for (`log <id>`, `dismiss`): one listed with an earlier --since too. */
export const ID_DAYS = 365;

export interface SourceOptions {
  calendar?: string[];
  since?: string;
  offline?: boolean;
}

const resolveHome = (source: string, env: Env) =>
  source === '~' || /^~[/\\]/.test(source)
    ? homeFolder(env, 'give the calendar without "~"') + source.slice(1)
    : source;

/** Every .ics file a source names: the file itself, or those in a folder and its subfolders. */
export function calendarFiles(source: string, env: Env): string[] {
  const file = resolveHome(source, env);
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

export interface Loaded {
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
export async function loadInbox(ctx: Context, options: SourceOptions, days = DEFAULT_DAYS): Promise<Loaded> {
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
  // A file named is the calendar; a file found in a folder (a vdir: one event a file) is one of
  // many, and one that cannot be read is named in a warning, not the end of the inbox.
  const files = sources.flatMap(({ source }) => {
    if (source.kind !== 'path') return [];
    const found = calendarFiles(source.path, ctx.io.env);
    const folder = fs.statSync(resolveHome(source.path, ctx.io.env)).isDirectory();
    return found.map((file) => ({ file, folder: folder ? source.path : undefined }));
  });
  const start = fromIsoDate(since);
  start.setHours(0, 0, 0, 0);
  const now = ctx.io.now.getTime();
  // The journal first: its passphrase is asked before any password, and its key encrypts the copies.
  const store = await openStore(ctx);
  const journal = await store.read();
  const texts: { text: string; label: string; remote: boolean; folder?: string | undefined }[] = [];
  const unread = new Map<string, { file: string; error: UsageError }[]>();
  const leaveOut = (folder: string, file: string, error: UsageError) => {
    unread.set(folder, [...(unread.get(folder) ?? []), { file, error }]);
  };
  const { decodeFile } = await import('../../../core/charset.js');
  for (const { file, folder } of files) {
    try {
      // Read as imports are: UTF-8, or UTF-16 (Outlook and other Windows tools write it), else
      // windows-1252, which is said.
      const { text, guessed } = decodeFile(fs.readFileSync(file));
      if (guessed) ctx.io.err(`rel: warning: ${displaySafe(file)} is not UTF-8: read as ${guessed}.`);
      texts.push({ text, label: file, remote: false, folder });
    } catch (error) {
      const cannot = new UsageError(
        `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}.`,
      );
      if (folder === undefined) throw cannot;
      leaveOut(folder, file, cannot);
    }
  }
  const keep: (() => void)[] = [];
  for (const { text, source } of sources) {
    if (source.kind === 'path') continue;
    const { remoteTexts } = await import('../../../net/remote-calendar.js');
    const fetched = await remoteTexts(ctx, store, text, source, start, options.offline === true);
    const label = redactSource(text);
    for (const [i, body] of fetched.texts.entries()) {
      const which = fetched.texts.length > 1 ? ` (event ${i + 1})` : '';
      texts.push({ text: body, label: `${label}${which}`, remote: true });
    }
    keep.push(fetched.keep);
  }
  const { readCalendar } = await import('../../../core/calendar-file.js');
  const meetings: Meeting[] = [];
  for (const { text, label, remote, folder } of texts) {
    let read: ReturnType<typeof readCalendar>;
    try {
      read = readCalendar(text, label, start.getTime(), now);
    } catch (error) {
      if (folder !== undefined && error instanceof UsageError) {
        leaveOut(folder, label, error);
        continue;
      }
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
  // A folder none of whose files could be read is not a calendar: that is no warning.
  for (const [folder, bad] of unread) {
    if (bad.length < files.filter((f) => f.folder === folder).length) continue;
    const { error } = bad[0]!;
    const others = bad.length > 1 ? ` (and ${bad.length - 1} more like it)` : '';
    throw new UsageError(
      `No file in ${folder} could be read as a calendar: ${error.message.replace(/\.$/, '')}${others}.`,
      error.hint ??
        'Give an .ics file exported from your calendar, or a folder of them (see rel inbox --help).',
    );
  }
  for (const [folder, bad] of unread)
    for (const { error } of bad)
      ctx.io.err(
        `rel: warning: ${displaySafe(error.message)} Left out; the other files of ${displaySafe(folder)} were read.`,
      );
  // The copy kept for offline use is a convenience: one that cannot be written (a full or
  // read-only state folder) leaves the listing as it is, said once.
  for (const write of keep) {
    try {
      write();
    } catch (error) {
      ctx.io.err(
        `rel: warning: the copy of the calendar kept for offline use could not be written (${displaySafe(whatFailed(error))}); rel inbox needs the network until it can be.`,
      );
      break;
    }
  }
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
    writtenKinds: togetherRules(ctx).writtenKinds,
  });
  return {
    inbox,
    journal,
    since,
    store,
    configured: !options.calendar?.length && options.since === undefined,
  };
}

/**
 * Keeps what the inbox lists for `rel due`'s nudge (ids, days and people's ids: no titles), when
 * it was read from the calendar setting over the default window: what `rel due` speaks of.
 */
export async function keepNudge(ctx: Context, loaded: Loaded): Promise<void> {
  if (!loaded.configured) return;
  const { nudgePath, stateFolder, writeNudge } = await import('../../../store/calendar-cache.js');
  const nudge = {
    version: 1 as const,
    at: ctx.io.now.toISOString(),
    meetings: loaded.inbox.rows.map((r) => ({
      id: r.id,
      seriesId: r.seriesId,
      date: r.date,
      people: r.people.map((p) => p.id),
      size: r.size,
    })),
  };
  try {
    writeNudge(nudgePath(stateFolder(ctx.io.env), loaded.store.target), nudge);
  } catch (error) {
    // Only rel due's hint of meetings to log: the inbox itself is listed all the same.
    ctx.io.err(
      `rel: warning: what rel due says of meetings to log could not be kept (${displaySafe(whatFailed(error))}); the inbox is listed all the same.`,
    );
  }
}

/** The inbox row an id names; a usage error saying why when there is none. */
export function pick(rows: InboxRow[], typed: string, loaded: Loaded, ctx: Context): InboxRow {
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
