// An iCalendar (RFC 5545) feed of what is coming: each person's next check-in, follow-ups with a
// due date, and birthdays as yearly events. All-day events, stable UIDs, so that a calendar app
// re-importing the feed updates events instead of duplicating them.
import { birthdayIn, birthdayMonthDay, birthYear } from './birthdays.js';
import { indexConversations } from './conversations.js';
import { addDaysTo, DEFAULT_CADENCE_DAYS, type IsoDate, LATEST_YEAR } from './dates.js';
import { checkIn, nextDueDay } from './due.js';
import { followUpPeople } from './followups.js';
import type { Journal } from './journal.js';
import { describeCadence } from './periods.js';
import { plural } from './text.js';
import { DEFAULT_TOGETHER_RULES, type TogetherRules } from './together.js';

export type CalendarEventKind = 'check-in' | 'follow-up' | 'birthday';

export interface CalendarEvent {
  kind: CalendarEventKind;
  uid: string;
  date: IsoDate;
  summary: string;
  description?: string;
  /** An RRULE value, for events that repeat. */
  rule?: string;
  /** When the records behind the event last changed (ISO): LAST-MODIFIED. */
  modified: string;
  /**
   * SEQUENCE: grows whenever the event does, so that calendars that cache by UID take the change.
   * Whole minutes since 2020 of the last change (or, for an overdue check-in moved to today, of
   * that day, since its date moves without any record changing).
   */
  sequence: number;
}

const EPOCH = Date.UTC(2020, 0, 1);

/** The later of ISO timestamps (records from an older rel may lack updatedAt). */
function latest(...times: (string | undefined)[]): string {
  return (
    times
      .filter((t): t is string => Boolean(t))
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00.000Z'
  );
}

function sequenceOf(...times: string[]): number {
  const ms = Math.max(...times.map((t) => Date.parse(t)));
  return Math.max(0, Math.floor((ms - EPOCH) / 60_000));
}

/** A text's first line is the summary (calendars show one line), the rest the description. */
function splitText(text: string): { first: string; rest: string } {
  const [first = '', ...rest] = text.split(/\r?\n/);
  return { first: first.trim(), rest: rest.join('\n').trim() };
}

/** The events of the feed: pure data, rendered by renderCalendar. */
export function calendarEvents(
  journal: Journal,
  today: IsoDate,
  defaultCadence = DEFAULT_CADENCE_DAYS,
  rules: TogetherRules = DEFAULT_TOGETHER_RULES,
  workingDays: readonly number[] = [],
): CalendarEvent[] {
  const index = indexConversations(journal.conversations);
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  const events: CalendarEvent[] = [];
  for (const person of journal.people) {
    if (person.archivedAt) continue;
    const state = checkIn(person, index, today, defaultCadence, rules);
    const changed = latest(person.updatedAt, person.createdAt);
    // The check-in moves with every conversation logged with them.
    const checkInChanged = latest(
      changed,
      ...(index.get(person.id) ?? []).map((c) => latest(c.updatedAt, c.createdAt)),
    );
    // On the day `rel due` lists them: after a snooze, on the working day before a weekend, and
    // today when overdue (a calendar has no use for a reminder in the past).
    const date = nextDueDay(person, state, today, workingDays);
    const moved = date === today && state.dueOn < today;
    events.push({
      kind: 'check-in',
      uid: `checkin-${person.id}@rel`,
      date,
      summary: `Catch up with ${person.name}`,
      description: `${state.lastSeen ? `Last seen ${state.lastSeen}` : 'Not seen yet'}; catching up ${describeCadence(state.cadenceDays)}.`,
      modified: checkInChanged,
      sequence: sequenceOf(checkInChanged, ...(moved ? [`${today}T00:00:00.000Z`] : [])),
    });
    if (person.birthday) {
      const { month, day } = birthdayMonthDay(person.birthday);
      const leapDay = month === 2 && day === 29;
      const year = birthYear(person.birthday) ?? Number(today.slice(0, 4));
      events.push({
        kind: 'birthday',
        uid: `birthday-${person.id}@rel`,
        date: birthdayIn(person.birthday, year),
        summary: `${person.name}'s birthday`,
        // The last day of February: the 29th in leap years, the 28th otherwise.
        rule: leapDay ? 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'FREQ=YEARLY',
        modified: changed,
        sequence: sequenceOf(changed),
      });
    }
  }
  const archived = new Set(journal.people.filter((p) => p.archivedAt).map((p) => p.id));
  const people = new Map(journal.people.map((p) => [p.id, p]));
  for (const followUp of journal.followUps) {
    const concerned = followUpPeople(followUp);
    if (followUp.doneAt || !followUp.due || concerned.every((id) => archived.has(id))) continue;
    const owner = people.get(followUp.personId);
    // The summary names them: a rename changes the event too.
    const changed = latest(followUp.updatedAt, followUp.createdAt, owner?.updatedAt);
    const { first, rest } = splitText(followUp.text);
    events.push({
      kind: 'follow-up',
      uid: `followup-${followUp.id}@rel`,
      date: followUp.due,
      summary: `Follow up with ${concerned.map((id) => names.get(id) ?? id).join(', ')}: ${first}`,
      ...(rest ? { description: rest } : {}),
      modified: changed,
      sequence: sequenceOf(changed),
    });
  }
  return events;
}

/** What a feed holds, for the message after writing it: "5 check-ins, 2 follow-ups, 3 birthdays". */
export function describeFeed(events: CalendarEvent[]): string {
  const count = (kind: CalendarEventKind) => events.filter((e) => e.kind === kind).length;
  return [
    plural(count('check-in'), 'check-in'),
    plural(count('follow-up'), 'follow-up'),
    plural(count('birthday'), 'birthday'),
  ].join(', ');
}

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11). */
export function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Content lines longer than 75 octets are folded: CRLF and a space, never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: IsoDate) => date.replace(/-/g, '');

/** A UTC DATE-TIME value: 20261127T120000Z. */
const utcStamp = (iso: string) => `${new Date(iso).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

export function renderCalendar(events: CalendarEvent[], now: Date): string {
  const stamp = utcStamp(now.toISOString());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//rel//rel journal//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:rel',
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${utcStamp(event.modified)}`,
      `SEQUENCE:${event.sequence}`,
      `DTSTART;VALUE=DATE:${compactDate(event.date)}`,
      // A one-day event may leave DTEND out (RFC 5545): the calendar's last day has no day after.
      ...(event.date.startsWith(`${LATEST_YEAR}-12-31`)
        ? []
        : [`DTEND;VALUE=DATE:${compactDate(addDaysTo(event.date, 1))}`]),
      // A SUMMARY is one line: calcurse, for one, skips an event whose summary has a line break.
      `SUMMARY:${icsText(event.summary.replace(/\s*\r?\n\s*/g, ' '))}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${icsText(event.description)}`);
    if (event.rule) lines.push(`RRULE:${event.rule}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
