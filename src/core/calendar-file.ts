// Reading calendar files (iCalendar, RFC 5545) into the timed meetings of a window: ical.js parses
// and expands recurrences (RRULE, RDATE, EXDATE, RECURRENCE-ID); this module decides which time
// zone each TZID means and what each occurrence was. Loaded only by `rel inbox`: ical.js is large.
// No I/O: the command reads the files and passes their text.
import ICAL from 'ical.js';
import { findIana } from 'windows-iana';
import { UsageError } from '../errors.js';

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
  end: string;
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

/** A TZID Windows uses (Outlook writes "W. Europe Standard Time"): the IANA zone it is, if any. */
function windowsZone(tzid: string): string | undefined {
  try {
    return findIana(tzid)[0];
  } catch {
    return undefined;
  }
}

const knownZones = new Map<string, boolean>();

function isIanaZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = name.includes('/') || name === 'UTC';
    } catch {
      known = false;
    }
    knownZones.set(name, known);
  }
  return known;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at a moment, in minutes, from the system's time zone data. */
function offsetMinutes(zone: string, ms: number): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

function utcOffsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A local date-time as jCal writes it, for the moment `ms` seen at `offset` minutes from UTC. */
function localText(ms: number, offset: number): string {
  const d = new Date(ms + offset * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * A VTIMEZONE for an IANA zone, built from the system's zone data (Node's, kept up to date with
 * it): one observance per change of offset from `fromYear` to the end of `toYear`, found by
 * looking a week at a time and narrowing to the minute. ical.js then does all the arithmetic.
 */
function zoneFromSystem(iana: string, tzid: string, fromYear: number, toYear: number): ICAL.Timezone {
  const begin = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const week = 7 * 86_400_000;
  const observance = (at: number, from: number, to: number) => [
    to > from ? 'daylight' : 'standard',
    [
      ['dtstart', {}, 'date-time', localText(at, from)],
      ['tzoffsetfrom', {}, 'utc-offset', utcOffsetText(from)],
      ['tzoffsetto', {}, 'utc-offset', utcOffsetText(to)],
    ],
    [],
  ];
  let offset = offsetMinutes(iana, begin);
  const observances = [observance(begin, offset, offset)];
  for (let at = begin; at < end; at += week) {
    const next = offsetMinutes(iana, at + week);
    if (next === offset) continue;
    let low = at;
    let high = at + week;
    while (high - low > 60_000) {
      const mid = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutes(iana, mid) === offset) low = mid;
      else high = mid;
    }
    observances.push(observance(high, offset, next));
    offset = next;
  }
  const component = new ICAL.Component(['vtimezone', [['tzid', {}, 'text', tzid]], observances]);
  return new ICAL.Timezone({ component, tzid });
}

/** Zones already built or expanded, by what they were made from. */
const knownTimezones = new Map<string, ICAL.Timezone>();

type JCal = [string, [string, Record<string, unknown>, string, ...unknown[]][], JCal[]];

/** Every TZID the events use, with the earliest year each is used in. */
function zonesUsed(calendar: JCal, into: Map<string, number>): void {
  for (const component of calendar[2]) {
    if (component[0] === 'vtimezone') continue;
    for (const [, params, , ...values] of component[1]) {
      const tzid = params.tzid;
      if (typeof tzid !== 'string') continue;
      const year = Number(String(values[0] ?? '').slice(0, 4)) || new Date().getFullYear();
      into.set(tzid, Math.min(into.get(tzid) ?? year, year));
    }
    zonesUsed(component, into);
  }
}

/**
 * Decides what each TZID means and tells ical.js: a Windows name is the IANA zone it maps to
 * (Outlook's own definitions copy Windows' rules, which lag behind changes); any other TZID the
 * file defines keeps its VTIMEZONE; an IANA name the file does not define comes from the
 * system's zone data; anything else is read as local time, and said so.
 */
function settleZones(calendars: JCal[], nowYear: number, problems: string[], label: string): void {
  const used = new Map<string, number>();
  for (const calendar of calendars) zonesUsed(calendar, used);
  // Every zone goes to the service, out of the files: ical.js then finds each through it, and
  // one built (or expanded) for a file serves the next file of a folder that has the same one.
  const defined = new Map<string, JCal>();
  for (const calendar of calendars) {
    calendar[2] = calendar[2].filter((z) => {
      if (z[0] !== 'vtimezone') return true;
      const tzid = z[1].find((p) => p[0] === 'tzid')?.[3];
      if (typeof tzid === 'string' && !defined.has(tzid)) defined.set(tzid, z);
      return false;
    });
  }
  ICAL.TimezoneService.reset();
  for (const [tzid, firstYear] of used) {
    const fromWindows = windowsZone(tzid);
    const own = defined.get(tzid);
    const iana = fromWindows ?? (own ? undefined : systemName(tzid));
    let key: string;
    let build: () => ICAL.Timezone;
    if (iana) {
      const fromYear = Math.max(1970, Math.min(firstYear, nowYear) - 1);
      key = `${tzid}\0${iana}\0${fromYear}\0${nowYear}`;
      build = () => zoneFromSystem(iana, tzid, fromYear, nowYear + 1);
    } else if (own) {
      key = JSON.stringify(own);
      build = () => new ICAL.Timezone({ component: new ICAL.Component(own), tzid });
    } else {
      problems.push(`${label}: the time zone "${tzid}" is not known; its times are read as local time.`);
      continue;
    }
    let zone = knownTimezones.get(key);
    if (!zone) {
      zone = build();
      knownTimezones.set(key, zone);
    }
    ICAL.TimezoneService.register(zone, tzid);
  }
}

/** An IANA name, also as older Mozilla and Lotus files write it ("/mozilla.org/…/Europe/Berlin"). */
function systemName(tzid: string): string | undefined {
  if (isIanaZone(tzid)) return tzid;
  const tail = /([A-Za-z_]+\/[A-Za-z_+\-0-9]+(?:\/[A-Za-z_+\-0-9]+)?)$/.exec(tzid)?.[1];
  return tail && isIanaZone(tail) ? tail : undefined;
}

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
  const endMs = Math.max(startMs, end.toJSDate().getTime());
  const organizer = item.component.getFirstProperty('organizer');
  return {
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
 * lose them all: then the file is parsed again event by event, and the events it still refuses
 * are named in `problems` and left out.
 */
function parseCalendars(text: string, label: string, problems: string[]): JCal[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    parsed = parseByEvent(text, label, problems, (error as Error).message);
  }
  const list = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as JCal[];
  if (!list.length || list.some((c) => !Array.isArray(c) || c[0] !== 'vcalendar')) {
    throw notCalendar(label, 'there is no VCALENDAR in it');
  }
  return list;
}

function parseByEvent(text: string, label: string, problems: string[], why: string): unknown {
  const outside: string[] = [];
  const events: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | undefined;
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    const word = line.trim().toUpperCase();
    if (word === 'BEGIN:VEVENT' && !current) current = { line: i + 1, lines: [] };
    if (current) current.lines.push(line);
    else outside.push(line);
    if (word === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    }
  }
  let skeleton: unknown;
  try {
    skeleton = ICAL.parse(outside.join('\r\n'));
  } catch {
    throw notCalendar(label, why);
  }
  if (!Array.isArray(skeleton) || skeleton[0] !== 'vcalendar' || events.length === 0)
    throw notCalendar(label, why);
  for (const event of events) {
    try {
      const one = ICAL.parse(`BEGIN:VCALENDAR\r\n${event.lines.join('\r\n')}\r\nEND:VCALENDAR`) as JCal;
      (skeleton as JCal)[2].push(...one[2]);
    } catch (error) {
      const summary = event.lines.find((l) => /^SUMMARY[;:]/i.test(l))?.replace(/^[^:]*:/, '');
      const what = summary ? `the event "${summary.trim()}"` : `the event at line ${event.line}`;
      problems.push(`${label}: skipped ${what}: ${(error as Error).message.replace(/\.$/, '')}.`);
    }
  }
  return skeleton;
}

function notCalendar(label: string, why: string): UsageError {
  return new UsageError(
    `${label} is not an iCalendar file (${why.replace(/\.$/, '')}).`,
    'Give an .ics file exported from your calendar, or a folder of them (see rel inbox --help).',
  );
}

/**
 * The meetings of a calendar file that ended between `from` and `to` (milliseconds): timed
 * occurrences only, not cancelled. An event that cannot be read is skipped and named in
 * `problems`; a file that is not iCalendar at all is a UsageError.
 */
export function readCalendar(text: string, label: string, from: number, to: number): CalendarRead {
  const problems: string[] = [];
  const calendars = parseCalendars(text, label, problems);
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
        problems.push(`${label}: skipped the event "${title}": ${(error as Error).message}.`);
      }
    }
  }
  return { meetings, problems };
}
