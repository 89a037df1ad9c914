// Reading calendar files (iCalendar, RFC 5545) into the timed meetings of a window: ical.js parses
// and expands recurrences (RRULE, RDATE, EXDATE, RECURRENCE-ID); this module decides which time
// zone each TZID means (calendar-zones.ts) and what each occurrence was. Loaded only by
// `rel inbox`: ical.js is large. No I/O: the command reads the files and passes their text.
import ICAL from 'ical.js';
import { UsageError } from '../errors.js';
import { type JCal, settleZones } from './calendar-zones.js';
import { daysInMonth } from './dates.js';

export interface Attendee {
  /** The address, without "mailto:"; null when the calendar gives none. */
  email: string | null;
  /** The CN parameter: the name the calendar shows. */
  name: string | null;
  /** CUTYPE, upper case: INDIVIDUAL (the default), GROUP, ROOM, RESOURCE, UNKNOWN. */
  type: string;
  /** PARTSTAT, upper case: ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION (the default), ... */
  status: string;
}

/** One timed occurrence of an event: a meeting that happened (or will) at one time. */
export interface Meeting {
  uid: string;
  /**
   * When this occurrence was scheduled in its series (its RECURRENCE-ID), or its start for an
   * event that does not repeat: with the UID, it names the occurrence even after it is moved.
   */
  scheduled: string;
  /** ISO 8601 in UTC. */
  start: string;
  /** Never before `start`: a DTEND before DTSTART (a calendar's slip) ends it as it starts. */
  end: string;
  /** Set when the calendar's DTEND was before its DTSTART: the meeting has no length to count. */
  endsBeforeStart?: true;
  title: string;
  recurring: boolean;
  organizer: Attendee | null;
  attendees: Attendee[];
}

export interface CalendarRead {
  meetings: Meeting[];
  /** Events that could not be read (each skipped), and time zones read as local time. */
  problems: string[];
}

/** A series is expanded at most this far: a rule that repeats every minute for years is cut. */
const MAX_OCCURRENCES = 20_000;

function attendeeOf(property: ICAL.Property): Attendee {
  const value = String(property.getFirstValue() ?? '').trim();
  const email = /^mailto:/i.test(value) ? value.slice(7).trim() : value.includes('@') ? value : '';
  const param = (name: string) => {
    const v = property.getParameter(name);
    const text = Array.isArray(v) ? v[0] : v;
    return typeof text === 'string' && text.trim() ? text.trim() : null;
  };
  return {
    email: email || null,
    name: param('cn')?.replace(/^"|"$/g, '') ?? null,
    type: (param('cutype') ?? 'INDIVIDUAL').toUpperCase(),
    status: (param('partstat') ?? 'NEEDS-ACTION').toUpperCase(),
  };
}

const isCancelled = (component: ICAL.Component) =>
  String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

function meetingOf(
  uid: string,
  item: ICAL.Event,
  scheduled: ICAL.Time,
  start: ICAL.Time,
  end: ICAL.Time,
  recurring: boolean,
): Meeting {
  const startMs = start.toJSDate().getTime();
  const givenEndMs = end.toJSDate().getTime();
  const endMs = Math.max(startMs, givenEndMs);
  const organizer = item.component.getFirstProperty('organizer');
  return {
    ...(givenEndMs < startMs ? { endsBeforeStart: true as const } : {}),
    uid,
    scheduled: scheduled.toJSDate().toISOString(),
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    title: String(item.component.getFirstPropertyValue('summary') ?? '').trim(),
    recurring,
    organizer: organizer ? attendeeOf(organizer) : null,
    attendees: item.component.getAllProperties('attendee').map(attendeeOf),
  };
}

/** The timed, not cancelled occurrences of one event (a series with its exceptions) in the window. */
function occurrences(
  uid: string,
  master: ICAL.Component | undefined,
  exceptions: ICAL.Component[],
  from: number,
  to: number,
): Meeting[] {
  const out: Meeting[] = [];
  const keep = (m: Meeting) => {
    const end = Date.parse(m.end);
    if (end >= from && end <= to) out.push(m);
  };
  if (!master) {
    // Only moved occurrences of a series the file does not hold (an invitation to one of them).
    for (const component of exceptions) {
      const event = new ICAL.Event(component);
      if (event.startDate.isDate || isCancelled(component)) continue;
      keep(meetingOf(uid, event, event.recurrenceId, event.startDate, event.endDate, true));
    }
    return out;
  }
  const event = new ICAL.Event(master, { exceptions, strictExceptions: true });
  if (!event.startDate) throw new Error('it has no start (DTSTART)');
  // All-day events (a DATE start: offsites, holidays, birthdays) are not meetings.
  if (event.startDate.isDate || isCancelled(master)) return out;
  if (!event.isRecurring()) {
    keep(meetingOf(uid, event, event.startDate, event.startDate, event.endDate, false));
    return out;
  }
  const iterator = event.iterator();
  const seen = new Set<string>();
  // The wall-clock time of an occurrence, read as UTC, is within a day of when it really is (no
  // zone is more than 14 hours from UTC): occurrences far from the window are passed over
  // without working out their zone's offset, which is most of the cost of a long series.
  const wall = (t: ICAL.Time) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const slack = 86_400_000 + Math.max(0, event.duration.toSeconds() * 1000);
  for (let count = 0; ; count++) {
    if (count >= MAX_OCCURRENCES) throw new Error(`it repeats more than ${MAX_OCCURRENCES} times`);
    const next = iterator.next();
    if (!next || wall(next) - 86_400_000 > to) break;
    if (wall(next) + slack < from && !(next.toString() in event.exceptions)) continue;
    if (next.toJSDate().getTime() > to) break;
    const details = event.getOccurrenceDetails(next);
    seen.add(details.recurrenceId.toString());
    if (details.item.startDate.isDate || isCancelled(details.item.component)) continue;
    keep(meetingOf(uid, details.item, details.recurrenceId, details.startDate, details.endDate, true));
  }
  // A later occurrence moved back into the window.
  for (const exception of Object.values(event.exceptions)) {
    const id = exception.recurrenceId;
    if (seen.has(id.toString()) || id.toJSDate().getTime() <= to) continue;
    if (exception.startDate.isDate || isCancelled(exception.component)) continue;
    keep(meetingOf(uid, exception, id, exception.startDate, exception.endDate, true));
  }
  return out;
}

/**
 * The calendars in a file's text; a UsageError naming the file when it is not iCalendar. ical.js
 * parses a file whole, so one event with a value it refuses (an RRULE with BYMONTH=13) would
 * lose them all, and it reads a day that is not in the calendar (2026-13-45) as some other day
 * without a word: then the file is parsed again event by event, and the events it refuses or
 * whose days are not real are named in `problems`, with their lines, and left out.
 */
function parseCalendars(text: string, label: string, problems: string[]): JCal[] {
  const start = notCalendarStart(contentLines(text));
  if (start) throw notCalendar(label, start.why, start.hint);
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch {
    parsed = parseByEvent(text, label, problems);
  }
  let list = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as JCal[];
  if (!list.length || list.some((c) => !Array.isArray(c) || c[0] !== 'vcalendar')) {
    const wrong = layoutProblem(contentLines(text));
    throw wrong ? notCalendar(label, wrong, TRY_AGAIN) : notCalendar(label, 'there is no VCALENDAR in it');
  }
  if (list.some((c) => c[2].some((e) => e[0] === 'vevent' && unreadableWhen(e)))) {
    list = [parseByEvent(text, label, problems) as JCal];
  }
  return list;
}

/** A line of the file as a warning shows it: quoted, cut when long. */
function shownLine(text: string): string {
  const trimmed = text.trim();
  return JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed);
}

const TRY_AGAIN = 'Export the calendar again, or fix that line of the file in a text editor.';

/**
 * Why a text is not a calendar at all, from its first line, before ical.js reads it: ical.js
 * answers text that is not iCalendar with errors of its own making ("Cannot read properties of
 * undefined"), which say nothing to the user. Undefined when it begins as a calendar does.
 */
function notCalendarStart(lines: ContentLine[]): { why: string; hint?: string } | undefined {
  const filled = lines.filter((l) => l.text.trim());
  const first = filled[0];
  if (!first) return { why: 'it is empty' };
  if (/^BEGIN:VCALENDAR$/i.test(first.text.trim())) return undefined;
  // Text in a charset told by no byte order mark and not by its zero bytes either.
  if (filled.some((l) => l.text.includes('\0')))
    return {
      why: 'it has zero bytes in it: it is not UTF-8 or UTF-16 text',
      hint: 'Export the calendar again as .ics (iCalendar), or save the file as UTF-8.',
    };
  if (/^BEGIN:VCARD$/i.test(first.text.trim()))
    return {
      why: 'it is a vCard file (contacts), not a calendar',
      hint: 'rel import reads contacts (rel import <file>.vcf); rel inbox reads an .ics file exported from your calendar.',
    };
  if (first.text.trim().startsWith('<'))
    return { why: `line ${first.line} is ${shownLine(first.text)}: it is a web page or XML, not iCalendar` };
  const begin = filled.find((l) => /^BEGIN:VCALENDAR$/i.test(l.text.trim()));
  if (!begin)
    return { why: `it has no BEGIN:VCALENDAR line; line ${first.line} is ${shownLine(first.text)}` };
  return {
    why: `line ${first.line} (${shownLine(first.text)}) comes before BEGIN:VCALENDAR, which is on line ${begin.line}`,
    hint: TRY_AGAIN,
  };
}

/**
 * The first line that is not laid out as iCalendar: a BEGIN with no END, an END that closes what
 * was not begun, a line outside the calendar, a line with no NAME:value, or one ical.js refuses.
 */
function layoutProblem(lines: ContentLine[], within?: string): string | undefined {
  // An event read on its own is within the calendar.
  const open: { name: string; line: number }[] = within ? [{ name: within, line: 0 }] : [];
  let closed: ContentLine | undefined;
  for (const content of lines) {
    const text = content.text.trim();
    if (!text) continue;
    const begin = /^BEGIN:(.*)$/i.exec(text);
    const end = /^END:(.*)$/i.exec(text);
    if (begin) {
      const name = begin[1]!.trim().toUpperCase();
      if (!open.length && name !== 'VCALENDAR')
        return `line ${content.line} (BEGIN:${name}) is outside the calendar${closed ? `, which ends on line ${closed.line}` : ''}`;
      open.push({ name, line: content.line });
      continue;
    }
    if (end) {
      const name = end[1]!.trim().toUpperCase();
      const top = open.pop();
      if (!top) return `line ${content.line} (END:${name}) ends what was not begun`;
      if (top.name !== name)
        return `line ${content.line} is END:${name}, but BEGIN:${top.name} on line ${top.line} has not ended`;
      if (!open.length) closed = content;
      continue;
    }
    if (!open.length)
      return `line ${content.line} (${shownLine(content.text)}) is outside BEGIN:VCALENDAR … END:VCALENDAR`;
    if (nameAndValue(content.text).value === undefined)
      return `line ${content.line} (${shownLine(content.text)}) is not a NAME:value line`;
    try {
      ICAL.parse(`BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n${content.text}\r\nEND:VEVENT\r\nEND:VCALENDAR`);
    } catch (refused) {
      const { name } = nameAndValue(content.text);
      return `line ${content.line} (${name || 'a line with no name'}) cannot be read (${(refused as Error).message.replace(/\.$/, '')})`;
    }
  }
  const unended = open.at(-1);
  if (!unended || unended.line === 0) return undefined;
  return `BEGIN:${unended.name} on line ${unended.line} has no END:${unended.name}`;
}

/** A content line of the file, its folded continuations joined to it. */
interface ContentLine {
  /** Its first line in the file, from 1. */
  line: number;
  text: string;
}

/** The content lines of a text, unfolded (a line that starts with a space or tab continues the one before). */
function contentLines(text: string): ContentLine[] {
  const out: ContentLine[] = [];
  for (const [i, line] of text.split(/\r\n|\n|\r/).entries()) {
    const last = out.at(-1);
    if (last && /^[ \t]/.test(line)) last.text += line.slice(1);
    else out.push({ line: i + 1, text: line });
  }
  return out;
}

/** A content line's name, upper case, and its value (after the first colon outside quotes). */
function nameAndValue(text: string): { name: string; value: string | undefined } {
  const name = /^[^;:]*/.exec(text)![0].trim().toUpperCase();
  let quoted = false;
  for (let i = name.length; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ':' && !quoted) return { name, value: text.slice(i + 1) };
  }
  return { name, value: undefined };
}

function parseByEvent(text: string, label: string, problems: string[]): unknown {
  const outside: ContentLine[] = [];
  const events: { line: number; lines: ContentLine[] }[] = [];
  let current: { line: number; lines: ContentLine[] } | undefined;
  for (const content of contentLines(text)) {
    const word = content.text.trim().toUpperCase();
    if (word === 'BEGIN:VEVENT' && !current) current = { line: content.line, lines: [] };
    if (current) current.lines.push(content);
    else outside.push(content);
    if (word === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    }
  }
  // What is wrong is outside the events (each of which is read on its own, below), or in an
  // event that never ends, which takes the rest of the file with it.
  const refused = () =>
    notCalendar(
      label,
      layoutProblem(current ? [...outside, ...current.lines] : outside) ?? 'it is not laid out as iCalendar',
      TRY_AGAIN,
    );
  let skeleton: unknown;
  try {
    skeleton = ICAL.parse(outside.map((l) => l.text).join('\r\n'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(skeleton) || skeleton[0] !== 'vcalendar' || events.length === 0) throw refused();
  const wrap = (lines: string[]) => `BEGIN:VCALENDAR\r\n${lines.join('\r\n')}\r\nEND:VCALENDAR`;
  for (const event of events) {
    let one: JCal;
    try {
      one = ICAL.parse(wrap(event.lines.map((l) => l.text))) as JCal;
    } catch (error) {
      problems.push(`${label}: skipped ${eventName(event)}: ${unreadableLine(event.lines, error as Error)}.`);
      continue;
    }
    const bad = unreadableWhen(one[2][0]!);
    if (bad) {
      const at = propertyLine(event.lines, bad.name, bad.index);
      problems.push(`${label}: skipped ${eventName(event)}: ${badWhen(bad.name, at)}.`);
      continue;
    }
    (skeleton as JCal)[2].push(...one[2]);
  }
  return skeleton;
}

/** How an event is named in a warning: by its SUMMARY, else its UID, with the line it begins on. */
function eventName(event: { line: number; lines: ContentLine[] }): string {
  const value = (name: string) => {
    const found = event.lines.find((l) => nameAndValue(l.text).name === name);
    const text =
      found &&
      nameAndValue(found.text)
        .value?.replace(/\\([,;\\])/g, '$1')
        .replace(/\\n/gi, ' ');
    return text?.trim() || undefined;
  };
  const summary = value('SUMMARY');
  const uid = value('UID');
  if (summary) return `the event "${summary}" (line ${event.line})`;
  if (uid) return `the event ${uid} (line ${event.line})`;
  return `the event at line ${event.line}`;
}

/** What each property that says when an event is stands for, in a warning. */
const WHEN: Record<string, string> = {
  DTSTART: 'its start',
  DTEND: 'its end',
  'RECURRENCE-ID': 'the occurrence it moves',
  EXDATE: 'a day taken out of its series',
  RDATE: 'a day added to its series',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?$/;
/** The jCal names of WHEN's properties: every property of every event is looked up here. */
const WHEN_NAMES = new Set(Object.keys(WHEN).map((name) => name.toLowerCase()));
/** Whether a jCal date ("2026-12-01") or date-time ("2026-12-01T10:00:00Z") is a real day and time. */
function realWhen(value: unknown, type: string): boolean {
  if (typeof value !== 'string' || !(type === 'date' ? DAY : DAY_TIME).test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (day < 1 || day > daysInMonth(year, month)) return false;
  return (
    type === 'date' ||
    (Number(value.slice(11, 13)) <= 23 &&
      Number(value.slice(14, 16)) <= 59 &&
      Number(value.slice(17, 19)) <= 60)
  );
}

/**
 * The first property of an event (jCal) that says when it is and holds no real day or time, by
 * name and by which of the properties of that name it is; undefined when every one is real.
 */
function unreadableWhen(event: JCal): { name: string; index: number } | undefined {
  const properties = event[1];
  for (let i = 0; i < properties.length; i++) {
    const property = properties[i]!;
    if (!WHEN_NAMES.has(property[0])) continue;
    const type = property[2];
    let real = property.length > 3 && (type === 'date' || type === 'date-time' || type === 'period');
    for (let v = 3; real && v < property.length; v++) {
      const value = property[v];
      real =
        type === 'period' ? Array.isArray(value) && realWhen(value[0], 'date-time') : realWhen(value, type);
    }
    if (real) continue;
    const index = properties.slice(0, i).filter((p) => p[0] === property[0]).length;
    return { name: property[0].toUpperCase(), index };
  }
  return undefined;
}

/** The `index`th line of the event (not of an alarm in it) with that name. */
function propertyLine(lines: ContentLine[], name: string, index: number): ContentLine | undefined {
  let depth = 0;
  let count = 0;
  for (const content of lines) {
    const word = content.text.trim().toUpperCase();
    if (word.startsWith('BEGIN:')) depth++;
    else if (word.startsWith('END:')) depth--;
    else if (depth === 1 && nameAndValue(content.text).name === name && count++ === index) return content;
  }
  return undefined;
}

/** A date or time the event's line holds that rel cannot read, in words. */
function badWhen(name: string, at: ContentLine | undefined): string {
  const what = `${WHEN[name] ?? name} (${name}${at ? `, line ${at.line}` : ''})`;
  const value = at ? nameAndValue(at.text).value : undefined;
  if (at && value === undefined) return `${what} has no value`;
  if (value !== undefined && !value.trim()) return `${what} is empty`;
  const shown = value === undefined ? '' : ` "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return at && /;VALUE=DATE[;:]/i.test(at.text)
    ? `${what}${shown} is not a day rel can read (such as 20261201)`
    : `${what}${shown} is not a date and time rel can read (such as 20261201T100000Z)`;
}

/** Why ical.js refused an event, said by the line it refused when one alone is refused. */
function unreadableLine(lines: ContentLine[], error: Error): string {
  for (const content of lines) {
    if (/^(BEGIN|END):/i.test(content.text.trim())) continue;
    try {
      ICAL.parse(`BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n${content.text}\r\nEND:VEVENT\r\nEND:VCALENDAR`);
    } catch (refused) {
      const { name } = nameAndValue(content.text);
      if (name in WHEN) return badWhen(name, content);
      return `line ${content.line} (${name || 'a line with no name'}) cannot be read (${(refused as Error).message.replace(/\.$/, '')})`;
    }
  }
  return layoutProblem(lines, 'VCALENDAR') ?? plainMessage(error);
}

/**
 * What ical.js said, when it says it in words (a ParserError: "invalid frequency …"); an error it
 * met inside itself ("Cannot read properties of undefined") would tell the user nothing.
 */
function plainMessage(error: unknown): string {
  return error instanceof Error &&
    !(error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError)
    ? error.message.replace(/\.$/, '')
    : 'rel cannot read it as iCalendar';
}

function notCalendar(
  label: string,
  why: string,
  hint = 'Give an .ics file exported from your calendar, or a folder of them (see rel inbox --help).',
): UsageError {
  return new UsageError(`${label} is not an iCalendar file: ${why.replace(/\.$/, '')}.`, hint);
}

/**
 * The meetings of a calendar file that ended between `from` and `to` (milliseconds): timed
 * occurrences only, not cancelled. An event that cannot be read is skipped and named in
 * `problems`; a file that is not iCalendar at all is a UsageError.
 */
export function readCalendar(text: string, label: string, from: number, to: number): CalendarRead {
  const problems: string[] = [];
  // A byte order mark before BEGIN:VCALENDAR (Outlook and other Windows tools write one) is not
  // part of the file's first line.
  const calendars = parseCalendars(text.replace(/^\uFEFF/, ''), label, problems);
  settleZones(calendars, new Date(to).getUTCFullYear(), problems, label);
  const meetings: Meeting[] = [];
  for (const jcal of calendars) {
    const root = new ICAL.Component(jcal);
    const byUid = new Map<string, { master?: ICAL.Component; exceptions: ICAL.Component[] }>();
    for (const [index, component] of root.getAllSubcomponents('vevent').entries()) {
      const uid = String(component.getFirstPropertyValue('uid') ?? '').trim() || `${label}#${index}`;
      const group = byUid.get(uid) ?? { exceptions: [] };
      if (component.hasProperty('recurrence-id')) group.exceptions.push(component);
      else group.master ??= component;
      byUid.set(uid, group);
    }
    for (const [uid, { master, exceptions }] of byUid) {
      try {
        meetings.push(...occurrences(uid, master, exceptions, from, to));
      } catch (error) {
        const title = String(master?.getFirstPropertyValue('summary') ?? uid);
        problems.push(`${label}: skipped the event "${title}": ${plainMessage(error)}.`);
      }
    }
  }
  return { meetings, problems };
}
