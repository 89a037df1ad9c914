// The inbox: meetings from the calendar with people in the journal that have no conversation
// logged yet. Pure: the meetings (core/calendar-file.ts), the journal and the settings come in,
// rows come out. Matching, the guess of the kind, and the ids that name an occurrence live here.

import { createHash } from 'node:crypto';
import type { Attendee, Meeting } from './calendar-file.js';
import { MOST_MINUTES } from './conversation-fields.js';
import { type IsoDate, localDay } from './dates.js';
import { emailKey } from './emails.js';
import type { Conversation, Journal, Person } from './journal.js';
import { isLogged, type LoggedRow } from './logged.js';
import { resolveName } from './names.js';
import { normalize } from './text.js';

/** How a meeting would count, by the number of people there besides you (see core/together.ts). */
export type InboxCounts = 'alone' | 'smallGroup' | 'group';

export interface InboxPerson {
  id: string;
  name: string;
}

export interface InboxRow {
  /** A short stable id: a hash of the event's UID and when the occurrence was scheduled. */
  id: string;
  /** The same for every occurrence of the series: a hash of the UID alone. */
  seriesId: string;
  start: string;
  end: string;
  /** The local calendar day it started on: the date it is logged on. */
  date: IsoDate;
  /** Its length, or null when the calendar's times give none a conversation can have (meetingMinutes). */
  minutes: number | null;
  title: string;
  recurring: boolean;
  people: InboxPerson[];
  /** Attendees who are not in the journal: their name, else their address. */
  unknown: string[];
  /** The same, with both, so that they can be added: `rel add "Name" --email address`. */
  unknownAttendees: { name: string | null; email: string | null }[];
  /** The people there besides you (never fewer than the known people). */
  size: number;
  counts: InboxCounts;
  kind: string;
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

export function occurrenceId(uid: string, scheduled: string): string {
  return shortHash(`${uid}\0${scheduled}`);
}

export function seriesId(uid: string): string {
  return shortHash(`series\0${uid}`);
}

const words = (text: string) =>
  normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** `one-to-one` words come first: "Coffee 1:1" is a one-to-one. */
const ONE_TO_ONE = /(^|[^\d])1\s*(?::|-|on)\s*1(?!\d)|<>/i;
const KIND_WORDS: [string, string[]][] = [
  ['coffee', ['coffee', 'cafe']],
  ['meal', ['lunch', 'dinner', 'breakfast', 'brunch']],
  ['walk', ['walk']],
  ['call', ['call', 'zoom', 'meet', 'teams', 'phone', 'facetime']],
];

/** The kind a meeting's title suggests; `meeting` when it suggests none. */
export function guessKind(title: string, oneToOneKind: string): string {
  if (ONE_TO_ONE.test(title)) return oneToOneKind;
  const found = new Set(words(title));
  for (const [kind, markers] of KIND_WORDS) if (markers.some((m) => found.has(m))) return kind;
  return 'meeting';
}

export function countsOf(size: number): InboxCounts {
  if (size <= 1) return 'alone';
  return size <= 3 ? 'smallGroup' : 'group';
}

/** Lookups over the people of a journal, built once per inbox. */
export interface PeopleIndex {
  byEmail: Map<string, Person>;
  people: Person[];
  /** Each person's full name and aliases, as words. */
  names: { person: Person; words: string[] }[];
  /** First names (and one-word aliases) that belong to one person only. */
  firstNames: Map<string, Person>;
}

export function indexPeople(people: Person[]): PeopleIndex {
  const byEmail = new Map<string, Person>();
  for (const person of people) for (const e of person.emails ?? []) byEmail.set(emailKey(e), person);
  const names = people.flatMap((person) =>
    [person.name, ...person.aliases]
      .map((n) => words(n))
      .filter((w) => w.length > 1 || (w.length === 1 && w[0]!.length > 2))
      .map((w) => ({ person, words: w })),
  );
  const owners = new Map<string, Set<Person>>();
  for (const person of people) {
    for (const name of [person.name, ...person.aliases]) {
      const first = words(name)[0];
      if (!first || first.length < 2) continue;
      const set = owners.get(first) ?? new Set();
      set.add(person);
      owners.set(first, set);
    }
  }
  const firstNames = new Map<string, Person>();
  for (const [word, set] of owners) if (set.size === 1) firstNames.set(word, [...set][0]!);
  return { byEmail, people, names, firstNames };
}

function containsRun(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** People a title names: full names (and aliases) first; failing those, first names only one person has. */
export function peopleInTitle(title: string, index: PeopleIndex): Person[] {
  const titleWords = words(title);
  const found = new Set<Person>();
  for (const { person, words: name } of index.names) if (containsRun(titleWords, name)) found.add(person);
  if (found.size === 0) {
    for (const word of titleWords) {
      const person = index.firstNames.get(word);
      if (person) found.add(person);
    }
  }
  return [...found];
}

export interface Matched {
  people: Person[];
  unknown: Attendee[];
  size: number;
  /** You declined it: it is not listed. */
  declined: boolean;
}

const isPerson = (a: Attendee) => a.type !== 'ROOM' && a.type !== 'RESOURCE';

/**
 * Who was at a meeting: its organizer and attendees (rooms and resources are never people, nor
 * those who declined), matched to people by address, then by the name the calendar gives as a
 * name is matched on the command line; failing every attendee, by names in the title. With
 * `me` empty, one attendee is taken to be you.
 */
export function matchMeeting(meeting: Meeting, index: PeopleIndex, me: Set<string>): Matched {
  const everyone = [...(meeting.organizer ? [meeting.organizer] : []), ...meeting.attendees];
  const mine = (a: Attendee) => a.email !== null && me.has(emailKey(a.email));
  const declined = everyone.some((a) => mine(a) && a.status === 'DECLINED');
  // The organizer is often listed again among the attendees, with their answer: one entry each.
  const byKey = new Map<string, Attendee>();
  for (const attendee of everyone) {
    if (!isPerson(attendee) || mine(attendee)) continue;
    const key = attendee.email ? emailKey(attendee.email) : `name:${normalize(attendee.name ?? '')}`;
    if (key === 'name:') continue;
    const earlier = byKey.get(key);
    byKey.set(key, earlier ? { ...attendee, name: attendee.name ?? earlier.name } : attendee);
  }
  const there = [...byKey.values()];
  const present = there.filter((a) => a.status !== 'DECLINED');
  const people: Person[] = [];
  const unknown: Attendee[] = [];
  for (const attendee of present) {
    const person =
      (attendee.email ? index.byEmail.get(emailKey(attendee.email)) : undefined) ??
      byName(attendee.name, index.people);
    if (person) {
      if (!people.includes(person)) people.push(person);
    } else unknown.push(attendee);
  }
  if (people.length === 0) people.push(...peopleInTitle(meeting.title, index));
  const counted = me.size ? present.length : Math.max(0, present.length - 1);
  return { people, unknown, size: Math.max(counted, people.length), declined };
}

function byName(name: string | null, people: Person[]): Person | undefined {
  if (!name || !normalize(name)) return undefined;
  const result = resolveName(name, people);
  return result.kind === 'found' ? result.person : undefined;
}

export interface InboxOptions {
  /** The window: meetings that ended from `since` to `now` (milliseconds). */
  since: number;
  now: number;
  /** Your addresses (`me`): empty when not set. */
  me: string[];
  /** The kind a one-to-one is logged as. */
  oneToOneKind: string;
  /** The kinds that are written, not spoken (the written-kinds setting): never a meeting. */
  writtenKinds: readonly string[];
}

export interface Inbox {
  rows: InboxRow[];
  /** Rows hidden by a dismissal, for `--dismissed`. */
  dismissed: InboxRow[];
}

/** The address of no one in the journal that appears in the most meetings (each counted once). */
function mostFrequentAddress(meetings: Meeting[], index: PeopleIndex): string | undefined {
  const seen = new Map<string, number>();
  for (const meeting of meetings) {
    const here = new Set<string>();
    for (const a of [...(meeting.organizer ? [meeting.organizer] : []), ...meeting.attendees]) {
      if (a.email && isPerson(a) && !index.byEmail.has(emailKey(a.email))) here.add(emailKey(a.email));
    }
    for (const address of here) seen.set(address, (seen.get(address) ?? 0) + 1);
  }
  let best: string | undefined;
  let most = 0;
  for (const [address, count] of seen) {
    if (count > most) [best, most] = [address, count];
  }
  return best;
}

/**
 * A meeting's length as a conversation's: whole minutes, from 0 to a day (MOST_MINUTES, the rule
 * `--minutes` keeps). An event over several days (an off-site from Monday to Wednesday) or one
 * that ends before it starts (calendar-file.ts marks it, its end set to its start) gives no
 * length rel could count as time together: null, so that it is logged without minutes rather
 * than as 49 hours, or none, in `rel stats`.
 */
export function meetingMinutes(startMs: number, endMs: number): number | null {
  const minutes = Math.round((endMs - startMs) / 60_000);
  return minutes >= 0 && minutes <= MOST_MINUTES ? minutes : null;
}

/** The inbox: meetings in the window with someone known, not logged, split by whether they were dismissed. */
export function buildInbox(meetings: Meeting[], journal: Journal, options: InboxOptions): Inbox {
  const index = indexPeople(journal.people);
  const me = new Set(options.me.map(emailKey));
  // The conversations that could stand for a meeting: those of its id, and those of its day.
  const byKey = new Map<string, Conversation[]>();
  for (const c of journal.conversations) {
    const key = c.eventId ? `event:${c.eventId}` : `day:${c.date}`;
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  const dismissals = journal.dismissals ?? [];
  const dismissedEvents = new Set(dismissals.flatMap((d) => (d.eventId ? [d.eventId] : [])));
  const dismissedSeries = new Set(dismissals.flatMap((d) => (d.seriesId ? [d.seriesId] : [])));
  const rows: InboxRow[] = [];
  const dismissed: InboxRow[] = [];
  const taken = new Set<string>();
  // Without `me`, the address seen in the most meetings is taken to be yours, so that you are not
  // listed among the people to add (who is counted does not depend on this guess).
  const guessedMe = options.me.length ? undefined : mostFrequentAddress(meetings, index);
  for (const meeting of [...meetings].sort((a, b) => a.start.localeCompare(b.start))) {
    const end = Date.parse(meeting.end);
    if (end < options.since || end > options.now) continue;
    const id = occurrenceId(meeting.uid, meeting.scheduled);
    // The same event read from two sources (a file and a folder) is listed once.
    if (taken.has(id)) continue;
    const matched = matchMeeting(meeting, index, me);
    if (matched.declined || matched.people.length === 0) continue;
    taken.add(id);
    const unknown = matched.unknown.filter((a) => !a.email || emailKey(a.email) !== guessedMe);
    const start = Date.parse(meeting.start);
    const row: InboxRow = {
      id,
      seriesId: seriesId(meeting.uid),
      start: meeting.start,
      end: meeting.end,
      date: localDay(meeting.start),
      minutes: meeting.endsBeforeStart ? null : meetingMinutes(start, end),
      title: meeting.title,
      recurring: meeting.recurring,
      people: matched.people.map((p) => ({ id: p.id, name: p.name })),
      unknown: unknown.map((a) => a.name ?? a.email ?? ''),
      unknownAttendees: unknown.map((a) => ({ name: a.name, email: a.email })),
      size: matched.size,
      counts: countsOf(matched.size),
      kind: guessKind(meeting.title, options.oneToOneKind),
    };
    const candidates = [...(byKey.get(`event:${row.id}`) ?? []), ...(byKey.get(`day:${row.date}`) ?? [])];
    if (isLogged(candidates, row, options.writtenKinds)) continue;
    if (dismissedEvents.has(row.id) || dismissedSeries.has(row.seriesId)) dismissed.push(row);
    else rows.push(row);
  }
  return { rows, dismissed };
}

/** The row an id typed names: the whole id, or a prefix of one (at least 4 characters) that fits one row. */
export function findRow<T extends { id: string }>(rows: T[], typed: string): T | 'ambiguous' | undefined {
  const key = typed.trim().toLowerCase();
  const exact = rows.find((r) => r.id === key);
  if (exact) return exact;
  if (key.length < 4) return undefined;
  const fits = rows.filter((r) => r.id.startsWith(key));
  return fits.length === 1 ? fits[0] : fits.length ? 'ambiguous' : undefined;
}

/**
 * Whether a meeting was logged or dismissed in the journal given: checked on the journal read
 * under the write's lock, since another rel may have done either after the inbox was read.
 */
export function alreadyDone(
  journal: Journal,
  row: LoggedRow & { seriesId: string },
  writtenKinds: readonly string[],
): 'logged' | 'dismissed' | undefined {
  if (isLogged(journal.conversations, row, writtenKinds)) return 'logged';
  if ((journal.dismissals ?? []).some((d) => d.eventId === row.id || d.seriesId === row.seriesId))
    return 'dismissed';
  return undefined;
}
