// What each TZID of a calendar file means, told to ical.js before it expands the events: a
// Windows name is the IANA zone it maps to (windows-iana), a zone the file defines keeps its
// VTIMEZONE, an IANA name the file does not define is built from the system's zone data (Node's
// ICU), anything else is read as local time and said so. Loaded only with calendar-file.ts.
import ICAL from 'ical.js';
import { findIana } from 'windows-iana';

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

export type JCal = [string, [string, Record<string, unknown>, string, ...unknown[]][], JCal[]];

/** Every TZID the events use, with the earliest year each is used in and the events that use it. */
function zonesUsed(
  calendar: JCal,
  into: Map<string, { year: number; events: Set<string> }>,
  event?: string,
): void {
  for (const component of calendar[2]) {
    if (component[0] === 'vtimezone') continue;
    const text = (key: string) => {
      const value = component[1].find((p) => p[0] === key)?.[3];
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    };
    const summary = text('summary');
    // An event without a title is named by its UID.
    const name = event ?? (summary ? `"${summary}"` : (text('uid') ?? 'without a title or UID'));
    for (const [, params, , ...values] of component[1]) {
      const tzid = params.tzid;
      if (typeof tzid !== 'string') continue;
      const year = Number(String(values[0] ?? '').slice(0, 4)) || new Date().getFullYear();
      const used = into.get(tzid) ?? { year, events: new Set<string>() };
      used.year = Math.min(used.year, year);
      used.events.add(name);
      into.set(tzid, used);
    }
    zonesUsed(component, into, name);
  }
}

/** The events a warning names: "the event "Partner call"", "the events "A", "B" and 3 more". */
function eventsNamed(events: Set<string>): string {
  const names = [...events];
  if (names.length === 1) return `the event ${names[0]}`;
  const shown = names.slice(0, 2);
  const more = names.length - shown.length;
  return `the events ${shown.join(more ? ', ' : ' and ')}${more ? ` and ${more} more` : ''}`;
}

/**
 * Decides what each TZID means and tells ical.js: a Windows name is the IANA zone it maps to
 * (Outlook's own definitions copy Windows' rules, which lag behind changes); any other TZID the
 * file defines keeps its VTIMEZONE; an IANA name the file does not define comes from the
 * system's zone data; anything else is read as local time, and said so.
 */
export function settleZones(calendars: JCal[], nowYear: number, problems: string[], label: string): void {
  const used = new Map<string, { year: number; events: Set<string> }>();
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
  for (const [tzid, { year: firstYear, events }] of used) {
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
      problems.push(
        `${label}: the time zone "${tzid}" (of ${eventsNamed(events)}) is not known; its times are read as local time, this machine's (${localZone()}).`,
      );
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

/** The zone local times are read in: the process's (TZ, else the system's). */
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An IANA name, also as older Mozilla and Lotus files write it ("/mozilla.org/…/Europe/Berlin"). */
function systemName(tzid: string): string | undefined {
  if (isIanaZone(tzid)) return tzid;
  const tail = /([A-Za-z_]+\/[A-Za-z_+\-0-9]+(?:\/[A-Za-z_+\-0-9]+)?)$/.exec(tzid)?.[1];
  return tail && isIanaZone(tail) ? tail : undefined;
}
