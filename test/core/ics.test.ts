import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { indexConversations } from '../../src/core/conversations.js';
import { addDaysTo } from '../../src/core/dates.js';
import { dueList } from '../../src/core/due.js';
import { calendarEvents, foldLine, icsText, renderCalendar } from '../../src/core/ics.js';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { conversation, wholePerson } from '../helpers/journal.js';

describe('ics text', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c\\d', 'a\\, b\\; c\\\\d'],
    ['two\nlines\r\nthree', 'two\\nlines\\nthree'],
  ])('escapes %j', (text, escaped) => expect(icsText(text)).toBe(escaped));

  it('folds at 75 octets without splitting a character, and unfolds to the same line', () => {
    const line = `SUMMARY:${'é'.repeat(60)}${'x'.repeat(40)}😀`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });
});

describe('the feed, as a calendar library reads it', () => {
  const journal = (followUpText: string, updatedAt?: string): Journal => ({
    ...emptyJournal(),
    people: [
      wholePerson('ana', 'Ana Silva', { birthday: '1992-02-29', updatedAt: '2026-11-01T10:00:00.000Z' }),
      wholePerson('bo', 'Bo Li', { updatedAt: '2026-11-02T10:00:00.000Z' }),
    ],
    conversations: [{ ...conversation('c1', ['bo'], '2026-11-20'), updatedAt: '2026-11-20T10:00:00.000Z' }],
    followUps: [
      {
        id: 'f1',
        personId: 'ana',
        conversationId: null,
        text: followUpText,
        owner: 'me',
        due: '2026-12-03',
        doneAt: null,
        createdAt: '2026-11-03T09:00:00.000Z',
        ...(updatedAt ? { updatedAt } : {}),
      },
    ],
  });
  const read = (j: Journal) => {
    const text = renderCalendar(calendarEvents(j, '2026-11-27'), new Date('2026-11-27T12:00:00Z'));
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    return new Map(events.map((v) => [v.getFirstPropertyValue('uid') as string, v]));
  };

  it('a follow-up with line breaks: the first line is the summary, the rest the description', () => {
    const followUp = read(journal('Send the RFC\nwith the budget\n\nand the plan')).get('followup-f1@rel')!;
    expect(followUp.getFirstPropertyValue('summary')).toBe('Follow up with Ana Silva: Send the RFC');
    expect(followUp.getFirstPropertyValue('description')).toBe('with the budget\n\nand the plan');
    const single = read(journal('Send the RFC')).get('followup-f1@rel')!;
    expect(single.getFirstPropertyValue('description')).toBeNull();
  });

  it('LAST-MODIFIED is when the records changed, and SEQUENCE grows with each change', () => {
    const before = read(journal('Send the RFC', '2026-11-03T09:00:00.000Z'));
    const after = read(journal('Send the RFC v2', '2026-11-25T09:30:00.000Z'));
    const modified = (e: ICAL.Component) =>
      (e.getFirstPropertyValue('last-modified') as ICAL.Time).toString();
    const sequence = (e: ICAL.Component) => Number(e.getFirstPropertyValue('sequence'));
    expect(modified(before.get('followup-f1@rel')!)).toBe('2026-11-03T09:00:00Z');
    expect(modified(after.get('followup-f1@rel')!)).toBe('2026-11-25T09:30:00Z');
    expect(sequence(after.get('followup-f1@rel')!)).toBeGreaterThan(sequence(before.get('followup-f1@rel')!));
    // A check-in changes with the conversations logged with them.
    expect(modified(before.get('checkin-bo@rel')!)).toBe('2026-11-20T10:00:00Z');
    expect(modified(before.get('birthday-ana@rel')!)).toBe('2026-11-01T10:00:00Z');
    // An overdue check-in shown today moves each day: its SEQUENCE follows the day.
    const ana = before.get('checkin-ana@rel')!;
    expect((ana.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-11-27');
    const tomorrow = renderCalendar(
      calendarEvents(journal('x'), '2026-11-28'),
      new Date('2026-11-28T12:00:00Z'),
    );
    const moved = new ICAL.Component(ICAL.parse(tomorrow))
      .getAllSubcomponents('vevent')
      .find((v) => v.getFirstPropertyValue('uid') === 'checkin-ana@rel')!;
    expect(sequence(moved)).toBeGreaterThan(sequence(ana));
  });

  it('a 29 February birthday repeats on the last day of February', () => {
    const birthday = new ICAL.Event(read(journal('x')).get('birthday-ana@rel')!);
    const it = birthday.iterator();
    const dates: string[] = [];
    for (let next = it.next(); next && dates.length < 5; next = it.next()) dates.push(next.toString());
    expect(dates).toEqual(['1992-02-29', '1993-02-28', '1994-02-28', '1995-02-28', '1996-02-29']);
  });
});

describe('a check-in is on the day rel due lists them', () => {
  const WEEKDAYS = [1, 2, 3, 4, 5];
  // Today is Tue 1 Dec 2026 unless said; Fri 4, Sat 5, Sun 6 Dec.
  it.each([
    ['overdue: today', '2026-11-20', null, [], '2026-12-01', '2026-12-01'],
    ['overdue and snoozed: when the snooze ends', '2026-11-20', '2026-12-14', [], '2026-12-01', '2026-12-14'],
    ['due after the snooze ends: when due', '2026-11-26', '2026-12-02', [], '2026-12-01', '2026-12-03'],
    ['a snooze that is over: today', '2026-11-20', '2026-11-30', [], '2026-12-01', '2026-12-01'],
    [
      'due on a Sunday, weekdays worked: the Friday',
      '2026-11-29',
      null,
      WEEKDAYS,
      '2026-12-01',
      '2026-12-04',
    ],
    [
      'due on a Sunday, seen on the Saturday: today (due since the Friday, and still due)',
      '2026-11-29',
      null,
      WEEKDAYS,
      '2026-12-05',
      '2026-12-05',
    ],
    [
      'snoozed until the Saturday, due the Sunday: the Saturday (due since the Friday)',
      '2026-11-29',
      '2026-12-05',
      WEEKDAYS,
      '2026-12-01',
      '2026-12-05',
    ],
    [
      'snoozed until a Sunday, overdue: the Sunday',
      '2026-11-20',
      '2026-12-06',
      WEEKDAYS,
      '2026-12-01',
      '2026-12-06',
    ],
  ] as const)('%s', (_, met, snoozedUntil, workingDays, today, expected) => {
    // A 1:2:1 every week: due a week after they last met.
    const j: Journal = {
      ...emptyJournal(),
      people: [wholePerson('li', 'Li Wei', { cadenceDays: 7, snoozedUntil })],
      conversations: [conversation('c1', ['li'], met)],
    };
    const event = calendarEvents(j, today, 30, undefined, workingDays).find((e) => e.kind === 'check-in')!;
    expect(event.date).toBe(expected);
    // The same rule as rel due: listed on that day, and on no day before it.
    const index = indexConversations(j.conversations);
    for (let day: string = today; day <= expected; day = addDaysTo(day, 1)) {
      const listed = dueList(j, index, day, { workingDays }).some((r) => r.id === 'li');
      expect(listed, day).toBe(day === expected);
    }
  });
});
