// A text that is not an iCalendar file is refused in rel's words, saying what is wrong and on
// which line: never with the error ical.js met inside itself ("Cannot read properties of undefined").
import { describe, expect, it } from 'vitest';
import { readCalendar } from '../../src/core/calendar-file.js';
import { UsageError } from '../../src/errors.js';

const SINCE = Date.parse('2026-11-01T00:00:00Z');
const NOW = Date.parse('2026-11-27T12:00:00Z');
const ics = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const EVENT = ['BEGIN:VEVENT', 'UID:a1', 'DTSTART:20261124T100000Z', 'SUMMARY:Ana', 'END:VEVENT'];

const REFUSED: [string, string, string, string][] = [
  ['an empty file', '', 'it is empty', 'Give an .ics file'],
  [
    'plain text',
    'Dear diary,\nno meetings.\n',
    'it has no BEGIN:VCALENDAR line; line 1 is "Dear diary,"',
    'Give an .ics file',
  ],
  [
    'a line before the calendar',
    ics('X-NOTE:exported', 'BEGIN:VCALENDAR', ...EVENT, 'END:VCALENDAR'),
    'line 1 ("X-NOTE:exported") comes before BEGIN:VCALENDAR, which is on line 2',
    'Export the calendar again',
  ],
  [
    'a line after it',
    ics('BEGIN:VCALENDAR', ...EVENT, 'END:VCALENDAR', 'X-NOTE:end'),
    'line 8 ("X-NOTE:end") is outside BEGIN:VCALENDAR … END:VCALENDAR',
    'Export the calendar again',
  ],
  [
    'an event after it',
    ics('BEGIN:VCALENDAR', 'END:VCALENDAR', ...EVENT),
    'line 3 (BEGIN:VEVENT) is outside the calendar, which ends on line 2',
    'Export the calendar again',
  ],
  [
    'an event that does not end',
    ics('BEGIN:VCALENDAR', 'VERSION:2.0', ...EVENT.slice(0, 4)),
    'BEGIN:VEVENT on line 3 has no END:VEVENT',
    'Export the calendar again',
  ],
  [
    'an event ended by the calendar',
    ics('BEGIN:VCALENDAR', ...EVENT.slice(0, 4), 'END:VCALENDAR'),
    'line 6 is END:VCALENDAR, but BEGIN:VEVENT on line 2 has not ended',
    'Export the calendar again',
  ],
  [
    'a line with no colon outside the events',
    ics('BEGIN:VCALENDAR', 'VERSION 2.0', ...EVENT, 'END:VCALENDAR'),
    'line 2 ("VERSION 2.0") is not a NAME:value line',
    'Export the calendar again',
  ],
  [
    'a web page',
    '<!DOCTYPE html>\n<html><body>Sign in</body></html>\n',
    'line 1 is "<!DOCTYPE html>": it is a web page or XML, not iCalendar',
    'Give an .ics file',
  ],
  [
    'a vCard',
    ics('BEGIN:VCARD', 'FN:Ana', 'END:VCARD'),
    'it is a vCard file (contacts), not a calendar',
    'rel import reads contacts',
  ],
  [
    'zero bytes',
    'B\0E\0G\0I\0N\0:\0V\0C\0A\0L\0E\0N\0D\0A\0R\0\r\0\n\0'.slice(1),
    'it has zero bytes in it: it is not UTF-8 or UTF-16 text',
    'save the file as UTF-8',
  ],
];

describe('readCalendar refusing a file that is not iCalendar', () => {
  it.each(REFUSED)('%s: says what is wrong, and what to do', (_, text, why, hint) => {
    let refused: unknown;
    try {
      readCalendar(text, 'cal.ics', SINCE, NOW);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as UsageError).message).toBe(`cal.ics is not an iCalendar file: ${why}.`);
    expect((refused as UsageError).hint).toContain(hint);
  });
});

describe('readCalendar skipping an event laid out wrong', () => {
  it('names the line, in its words, and reads the other events', () => {
    const text = ics(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:b1',
      'DTSTART:20261124T100000Z',
      'BEGIN:VALARM',
      'END:VEVENT',
      ...EVENT,
      'END:VCALENDAR',
    );
    const read = readCalendar(text, 'cal.ics', SINCE, NOW);
    expect(read.problems).toEqual([
      'cal.ics: skipped the event b1 (line 3): line 7 is END:VEVENT, but BEGIN:VALARM on line 6 has not ended.',
    ]);
    expect(read.meetings.map((m) => m.title)).toEqual(['Ana']);
  });

  it('says an error ical.js meets inside itself in words of its own', () => {
    const text = ics(
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:b1',
      'SUMMARY:Sync',
      'DTSTART:20261124T100000Z',
      'RRULE:',
      'END:VEVENT',
      ...EVENT,
      'END:VCALENDAR',
    );
    const read = readCalendar(text, 'cal.ics', SINCE, NOW);
    expect(read.problems).toEqual(['cal.ics: skipped the event "Sync": rel cannot read it as iCalendar.']);
    expect(read.meetings.map((m) => m.title)).toEqual(['Ana']);
  });
});
