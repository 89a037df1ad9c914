// An iCalendar (RFC 5545) feed of what is coming: each person's next check-in, follow-ups with a
// due date, and birthdays as yearly events. All-day events, stable UIDs, so that a calendar app
// re-importing the feed updates events instead of duplicating them.
import { birthdayIn, birthdayMonthDay, birthYear } from './birthdays.js';
import { addDaysTo, DEFAULT_CADENCE_DAYS, describeCadence, type IsoDate } from './dates.js';
import { checkIn } from './due.js';
import { indexConversations, type Journal } from './journal.js';
import { plural } from './text.js';

export type CalendarEventKind = 'check-in' | 'follow-up' | 'birthday';

export interface CalendarEvent {
  kind: CalendarEventKind;
  uid: string;
  date: IsoDate;
  summary: string;
  description?: string;
  /** An RRULE value, for events that repeat. */
  rule?: string;
}

/** The events of the feed: pure data, rendered by renderCalendar. */
export function calendarEvents(
  journal: Journal,
  today: IsoDate,
  defaultCadence = DEFAULT_CADENCE_DAYS,
): CalendarEvent[] {
  const index = indexConversations(journal.conversations);
  const names = new Map(journal.people.map((p) => [p.id, p.name]));
  const events: CalendarEvent[] = [];
  for (const person of journal.people) {
    if (person.archivedAt) continue;
    const state = checkIn(person, index, today, defaultCadence);
    events.push({
      kind: 'check-in',
      uid: `checkin-${person.id}@rel`,
      // An overdue check-in is shown today: a calendar has no use for a reminder in the past.
      date: state.dueOn < today ? today : state.dueOn,
      summary: `Catch up with ${person.name}`,
      description: `${state.lastSeen ? `Last seen ${state.lastSeen}` : 'Not seen yet'}; catching up ${describeCadence(state.cadenceDays)}.`,
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
      });
    }
  }
  const archived = new Set(journal.people.filter((p) => p.archivedAt).map((p) => p.id));
  for (const followUp of journal.followUps) {
    if (followUp.doneAt || !followUp.due || archived.has(followUp.personId)) continue;
    events.push({
      kind: 'follow-up',
      uid: `followup-${followUp.id}@rel`,
      date: followUp.due,
      summary: `Follow up with ${names.get(followUp.personId) ?? followUp.personId}: ${followUp.text}`,
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

export function renderCalendar(events: CalendarEvent[], now: Date): string {
  const stamp = `${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
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
      `DTSTART;VALUE=DATE:${compactDate(event.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDaysTo(event.date, 1))}`,
      `SUMMARY:${icsText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${icsText(event.description)}`);
    if (event.rule) lines.push(`RRULE:${event.rule}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
