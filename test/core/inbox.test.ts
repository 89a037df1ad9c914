// The inbox's core: calendar files read with ical.js into meetings, matched to people, guessed,
// and left out when logged or dismissed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Meeting, readCalendar } from '../../src/core/calendar-file.js';
import {
  alreadyDone,
  buildInbox,
  findRow,
  guessKind,
  indexPeople,
  matchMeeting,
  meetingMinutes,
  occurrenceId,
  peopleInTitle,
} from '../../src/core/inbox.js';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { mergeJournals } from '../../src/core/merge.js';
import { DEFAULT_WRITTEN_KINDS } from '../../src/core/together.js';
import { snapshotRecords, stampChanges } from '../../src/core/tombstones.js';
import { GOOGLE, OUTLOOK } from '../helpers/calendars.js';
import { conversation, wholePerson } from '../helpers/journal.js';

const savedZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/London';
});
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

const SINCE = Date.parse('2026-11-01T00:00:00Z');
const NOW = Date.parse('2026-11-27T12:00:00Z');

function journal(): Journal {
  const j = emptyJournal();
  j.people.push(
    wholePerson('ana-silva', 'Ana Silva', { emails: ['ana@example.com'] }),
    wholePerson('ben-okafor', 'Ben Okafor', { emails: ['ben@example.com'] }),
    wholePerson('chloe-martin', 'Chloé Martin'),
    wholePerson('dan-reyes', 'Dan Reyes', { emails: ['dan@partner.example'] }),
    wholePerson('eve-nakamura', 'Eve Nakamura'),
    wholePerson('farah-khan', 'Farah Khan', { emails: ['Farah@Example.com'] }),
  );
  return j;
}

const read = (since = SINCE) => [
  ...readCalendar(GOOGLE, 'google.ics', since, NOW).meetings,
  ...readCalendar(OUTLOOK, 'outlook.ics', since, NOW).meetings,
];
const options = {
  since: SINCE,
  now: NOW,
  me: ['me@example.com'],
  oneToOneKind: '1:2:1',
  writtenKinds: DEFAULT_WRITTEN_KINDS,
};
const starts = (rows: { title: string; start: string }[], title: string) =>
  rows.filter((r) => r.title === title).map((r) => r.start.slice(0, 16));

describe('readCalendar', () => {
  it('expands the weekly 1:1 with its excluded, moved and cancelled occurrences', () => {
    const rows = buildInbox(read(), journal(), options).rows;
    // 2 Nov as planned; 9 Nov excluded; 16 Nov moved to the 17th at 14:00; 23 Nov cancelled;
    // 30 Nov moved back to the 26th.
    expect(starts(rows, 'Ana <> Me 1:1')).toEqual([
      '2026-11-02T10:00',
      '2026-11-17T14:00',
      '2026-11-26T15:00',
    ]);
    const moved = rows.find((r) => r.title === 'Ana <> Me 1:1' && r.start.startsWith('2026-11-17'))!;
    expect(moved).toMatchObject({ minutes: 30, kind: '1:2:1', size: 1, counts: 'alone', recurring: true });
    expect(moved.people).toEqual([{ id: 'ana-silva', name: 'Ana Silva' }]);
  });

  it('adds the occurrences an RDATE gives', () => {
    const extra = GOOGLE.replace(
      'EXDATE;TZID=Europe/London:20261109T100000',
      'RDATE;TZID=Europe/London:20261111T160000\r\nEXDATE;TZID=Europe/London:20261109T100000',
    );
    const meetings = readCalendar(extra, 'google.ics', SINCE, NOW).meetings;
    const rows = buildInbox(meetings, journal(), options).rows;
    expect(starts(rows, 'Ana <> Me 1:1')).toEqual([
      '2026-11-02T10:00',
      '2026-11-11T16:00',
      '2026-11-17T14:00',
      '2026-11-26T15:00',
    ]);
  });

  it('reads time zones: a VTIMEZONE, an IANA name without one, a Windows name, across DST changes', () => {
    const rows = buildInbox(read(Date.parse('2026-10-20T00:00:00Z')), journal(), {
      ...options,
      since: Date.parse('2026-10-20T00:00:00Z'),
    }).rows;
    // New York: 09:00 is 13:00 UTC before US clocks go back on 1 Nov, 14:00 after.
    expect(starts(rows, 'Partner call')).toEqual([
      '2026-10-26T13:00',
      '2026-11-02T14:00',
      '2026-11-09T14:00',
      '2026-11-16T14:00',
      '2026-11-23T14:00',
    ]);
    // "W. Europe Standard Time" is Berlin: 10:00 is 08:00 UTC before 25 Oct, 09:00 after.
    expect(starts(rows, 'Planning: Ana & Ben')).toEqual([
      '2026-10-21T08:00',
      '2026-10-28T09:00',
      '2026-11-04T09:00',
      '2026-11-11T09:00',
      '2026-11-18T09:00',
      '2026-11-25T09:00',
    ]);
    // "Eastern Standard Time", not defined in the file.
    expect(starts(rows, 'Weekly sync')).toEqual([
      '2026-10-28T13:00',
      '2026-11-04T14:00',
      '2026-11-11T14:00',
      '2026-11-18T14:00',
      '2026-11-25T14:00',
    ]);
    // Europe/London, from the file's own VTIMEZONE: 10:00 BST is 09:00 UTC until 25 Oct.
    expect(starts(rows, 'Ana <> Me 1:1').slice(0, 2)).toEqual(['2026-10-26T10:00', '2026-11-02T10:00']);
  });

  it('leaves out all-day events, declined invitations and meetings with nobody known', () => {
    const titles = new Set(buildInbox(read(), journal(), options).rows.map((r) => r.title));
    expect(titles.has('Team offsite')).toBe(false);
    expect(titles.has('Roadmap review')).toBe(false);
    expect(titles.has('Vendor sync')).toBe(false);
    // Without `me`, rel cannot tell that you declined.
    const unsure = buildInbox(read(), journal(), { ...options, me: [] }).rows;
    expect(unsure.some((r) => r.title === 'Roadmap review')).toBe(true);
  });

  it('counts the people there: the stand-up of eight is a group, rooms are not people', () => {
    const rows = buildInbox(read(), journal(), options).rows;
    const standups = rows.filter((r) => r.title === 'Daily stand-up');
    expect(standups).toHaveLength(20); // the weekdays from 2 to 27 Nov
    expect(standups[0]).toMatchObject({ size: 7, counts: 'group', kind: 'meeting', minutes: 15 });
    expect(standups[0]!.people.map((p) => p.id)).toEqual(['ben-okafor', 'ana-silva']);
    expect(standups[0]!.unknown).toEqual(['Gus Grant', 'Hana Ito', 'Ivo Petrov', 'Jo Park', 'Kai Moreau']);
    const planning = rows.find((r) => r.title === 'Planning: Ana & Ben')!;
    expect(planning).toMatchObject({ size: 2, counts: 'smallGroup', unknown: [] });
    // Without `me`, every attendee but one is counted.
    const unsure = buildInbox(read(), journal(), { ...options, me: [] }).rows;
    expect(unsure.find((r) => r.title === 'Daily stand-up')!.size).toBe(7);
    // ...and the address in the most meetings, taken to be yours, is not listed as someone to add.
    expect(unsure.some((r) => r.unknownAttendees.some((a) => a.email === 'me@example.com'))).toBe(false);
    expect(unsure.find((r) => r.title === 'Daily stand-up')!.unknown).toEqual(standups[0]!.unknown);
  });

  it('matches by address, by the name the calendar gives, then by the title', () => {
    const rows = buildInbox(read(), journal(), options).rows;
    const who = (title: string) => rows.find((r) => r.title === title)!.people.map((p) => p.id);
    expect(who('Coffee with Ben and Chloé')).toEqual(['ben-okafor', 'chloe-martin']);
    expect(who('Weekly sync')).toEqual(['farah-khan']); // Farah@Example.com: case does not matter
    expect(who('Lunch with Eve')).toEqual(['eve-nakamura']);
    expect(who('Walk with Ben Okafor')).toEqual(['ben-okafor']);
    expect(rows.find((r) => r.title === 'Coffee with Ben and Chloé')).toMatchObject({
      kind: 'coffee',
      size: 2,
      counts: 'smallGroup',
      minutes: 45,
    });
  });

  it('one bad event is reported and skipped; a file that is not iCalendar is refused', () => {
    const broken = GOOGLE.replace('DTSTART:20261124T120000Z', 'DTSTART:2026112').replace(
      'DTSTART:20261120T150000Z',
      'DTSTART:20261120T150000Z\r\nRRULE:FREQ=WEEKLY;BYMONTH=13',
    );
    const result = readCalendar(broken, 'google.ics', SINCE, NOW);
    expect(result.problems.join('\n')).toMatch(/google\.ics: skipped the event "Lunch with Eve"/);
    expect(result.problems.join('\n')).toMatch(
      /skipped the event "Coffee with Ben and Chloé" \(line 92\): line 94 \(RRULE\) cannot be read \(BYMONTH/,
    );
    expect(result.meetings.some((m) => m.title === 'Coffee with Ben and Chloé')).toBe(false);
    expect(result.meetings.some((m) => m.title === 'Daily stand-up')).toBe(true);
    expect(() => readCalendar('name,email\nAna,ana@example.com\n', 'people.csv', SINCE, NOW)).toThrow(
      /people\.csv is not an iCalendar file/,
    );
    expect(() => readCalendar('BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n', 'ana.ics', SINCE, NOW)).toThrow(
      /not an iCalendar file/,
    );
  });

  it("an event whose start is no date is named in rel's words, with its line, and skipped; the rest are read", () => {
    // Line 131 of GOOGLE is the DTSTART of "Lunch with Eve", whose event begins on line 130.
    const lines = GOOGLE.split('\r\n');
    expect(lines[129]).toBe('BEGIN:VEVENT');
    expect(lines[130]).toBe('DTSTART:20261124T120000Z');
    const cases: [string, string][] = [
      [
        'DTSTART:2026-13-45T99',
        '"2026-13-45T99" is not a date and time rel can read (such as 20261201T100000Z)',
      ],
      ['DTSTART:garbage', '"garbage" is not a date and time rel can read (such as 20261201T100000Z)'],
      // ical.js reads these as other days (2027-02-18, 2026-03-02) without a word.
      [
        'DTSTART:20261345T990000Z',
        '"20261345T990000Z" is not a date and time rel can read (such as 20261201T100000Z)',
      ],
      [
        'DTSTART:20260230T120000Z',
        '"20260230T120000Z" is not a date and time rel can read (such as 20261201T100000Z)',
      ],
      ['DTSTART;VALUE=DATE:20261345', '"20261345" is not a day rel can read (such as 20261201)'],
      ['DTSTART:', 'is empty'],
      ['DTSTART', 'has no value'],
    ];
    for (const [start, why] of cases) {
      const result = readCalendar(
        GOOGLE.replace('DTSTART:20261124T120000Z', start),
        'google.ics',
        SINCE,
        NOW,
      );
      expect(result.problems, start).toEqual([
        `google.ics: skipped the event "Lunch with Eve" (line 130): its start (DTSTART, line 131) ${why}.`,
      ]);
      expect(result.meetings.some((m) => m.title === 'Lunch with Eve')).toBe(false);
      expect(result.meetings.map((m) => m.title)).toEqual(
        readCalendar(GOOGLE, 'google.ics', SINCE, NOW)
          .meetings.filter((m) => m.title !== 'Lunch with Eve')
          .map((m) => m.title),
      );
    }
    // Without a SUMMARY, the event is named by its UID.
    const untitled = GOOGLE.replace('DTSTART:20261124T120000Z', 'DTSTART:garbage').replace(
      'SUMMARY:Lunch with Eve\r\n',
      '',
    );
    expect(readCalendar(untitled, 'google.ics', SINCE, NOW).problems[0]).toMatch(
      /^google\.ics: skipped the event \S+ \(line 130\): its start \(DTSTART, line 131\) "garbage"/,
    );
  });

  it('a time zone no one knows is read as local time, and said so', () => {
    const odd = GOOGLE.replaceAll('TZID=America/New_York', 'TZID=Mars/Olympus_Mons');
    const result = readCalendar(odd, 'google.ics', SINCE, NOW);
    expect(result.problems).toEqual([
      'google.ics: the time zone "Mars/Olympus_Mons" (of the event "Partner call") is not known; its times are read as local time, this machine\'s (Europe/London).',
    ]);
    expect(result.meetings.find((m) => m.title === 'Partner call')!.start).toBe('2026-11-02T09:00:00.000Z');
    // An event without a title is named by its UID.
    const untitled = readCalendar(odd.replace('SUMMARY:Partner call\r\n', ''), 'google.ics', SINCE, NOW);
    expect(untitled.problems[0]).toBe(
      'google.ics: the time zone "Mars/Olympus_Mons" (of the event partner@google.com) is not known; its times are read as local time, this machine\'s (Europe/London).',
    );
  });
});

describe('buildInbox', () => {
  it('ids are stable: the same occurrence has the same id on every read, and a moved one keeps its own', () => {
    const first = buildInbox(read(), journal(), options).rows;
    const again = buildInbox(read(), journal(), options).rows;
    expect(again.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(new Set(first.map((r) => r.id)).size).toBe(first.length);
    const moved = first.find((r) => r.title === 'Ana <> Me 1:1' && r.start.startsWith('2026-11-17'))!;
    expect(moved.id).toBe(occurrenceId('1on1-ana@google.com', '2026-11-16T10:00:00.000Z'));
    expect(moved.id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('leaves out what is logged: by event id, or that day with all of its known people', () => {
    const j = journal();
    const rows = buildInbox(read(), j, options).rows;
    const coffee = rows.find((r) => r.title === 'Coffee with Ben and Chloé')!;
    const standup = rows.find((r) => r.title === 'Daily stand-up')!;
    j.conversations.push(
      { ...conversation('c1', ['ben-okafor'], standup.date), eventId: standup.id },
      conversation('c2', ['ben-okafor', 'chloe-martin', 'eve-nakamura'], coffee.date),
      // With Ben alone that day: not all of the stand-up's known people.
      conversation('c3', ['ben-okafor'], '2026-11-03'),
    );
    const left = buildInbox(read(), j, options).rows;
    expect(left.map((r) => r.id)).not.toContain(standup.id);
    expect(left.map((r) => r.id)).not.toContain(coffee.id);
    expect(left.some((r) => r.title === 'Daily stand-up' && r.date === '2026-11-03')).toBe(true);
    expect(left).toHaveLength(rows.length - 2);
  });

  it('a conversation stands for a meeting of its event id, or by hand for one that day of its shape', () => {
    const day = '2026-11-25';
    const on = (rows: { id: string; title: string; date: string }[]) =>
      rows
        .filter((r) => r.date === day)
        .map((r) => r.title)
        .sort();
    const rows = buildInbox(read(), journal(), options).rows;
    const standup = rows.find((r) => r.title === 'Daily stand-up' && r.date === day)!;
    expect(on(rows)).toEqual([
      'Daily stand-up',
      'Planning: Ana & Ben',
      'Walk with Ben Okafor',
      'Weekly sync',
    ]);
    const cases: [string, Journal['conversations'][number], string[]][] = [
      // Logged from the stand-up: it stands for the stand-up alone, not the walk with one of its people.
      [
        'from the stand-up',
        { ...conversation('c1', ['ben-okafor', 'ana-silva'], day), eventId: standup.id },
        ['Planning: Ana & Ben', 'Walk with Ben Okafor', 'Weekly sync'],
      ],
      // By hand with Ben alone: the walk (a one-to-one with him), not a meeting of several.
      [
        'Ben alone',
        conversation('c2', ['ben-okafor'], day),
        ['Daily stand-up', 'Planning: Ana & Ben', 'Weekly sync'],
      ],
      // By hand with Ana and Ben: the meetings of several with both, not the walk.
      [
        'Ana and Ben',
        conversation('c3', ['ana-silva', 'ben-okafor'], day),
        ['Walk with Ben Okafor', 'Weekly sync'],
      ],
      // By hand with Ben and 3 others not named: several, but without Ana.
      [
        'Ben in a group',
        { ...conversation('c4', ['ben-okafor'], day), size: 4 },
        ['Daily stand-up', 'Planning: Ana & Ben', 'Walk with Ben Okafor', 'Weekly sync'],
      ],
      // By hand with Farah and Ben: the weekly sync is a one-to-one with Farah, so it stays.
      [
        'Farah and Ben',
        conversation('c5', ['farah-khan', 'ben-okafor'], day),
        ['Daily stand-up', 'Planning: Ana & Ben', 'Walk with Ben Okafor', 'Weekly sync'],
      ],
      // A message by hand is not time together: it stands for no meeting, of either shape.
      [
        'a Slack message to Ben',
        { ...conversation('c6', ['ben-okafor'], day), kind: 'Slack' },
        ['Daily stand-up', 'Planning: Ana & Ben', 'Walk with Ben Okafor', 'Weekly sync'],
      ],
      [
        'an e-mail to Ana and Ben',
        { ...conversation('c7', ['ana-silva', 'ben-okafor'], day), kind: 'email' },
        ['Daily stand-up', 'Planning: Ana & Ben', 'Walk with Ben Okafor', 'Weekly sync'],
      ],
    ];
    for (const [name, c, left] of cases) {
      const j = journal();
      j.conversations.push(c);
      expect(on(buildInbox(read(), j, options).rows), name).toEqual(left);
      // The check under the write's lock says the same of each meeting of that day.
      for (const row of rows.filter((r) => r.date === day)) {
        expect(alreadyDone(j, row, DEFAULT_WRITTEN_KINDS) === 'logged', `${name}: ${row.title}`).toBe(
          !left.includes(row.title),
        );
      }
    }
    // Which kinds are written is the setting's to say: without slack in it, that is a talk.
    const j = journal();
    j.conversations.push({ ...conversation('c6', ['ben-okafor'], day), kind: 'slack' });
    expect(on(buildInbox(read(), j, { ...options, writtenKinds: ['email'] }).rows)).not.toContain(
      'Walk with Ben Okafor',
    );
  });

  it('dismissals hide an occurrence, or every occurrence of a series', () => {
    const j = journal();
    const rows = buildInbox(read(), j, options).rows;
    const lunch = rows.find((r) => r.title === 'Lunch with Eve')!;
    const standup = rows.find((r) => r.title === 'Daily stand-up')!;
    const at = '2026-11-27T11:00:00.000Z';
    j.dismissals = [
      { id: 'd1', eventId: lunch.id, title: lunch.title, start: lunch.start, createdAt: at },
      { id: 'd2', seriesId: standup.seriesId, title: standup.title, start: standup.start, createdAt: at },
    ];
    const inbox = buildInbox(read(), j, options);
    expect(inbox.rows.some((r) => r.title === 'Lunch with Eve' || r.title === 'Daily stand-up')).toBe(false);
    expect(inbox.dismissed).toHaveLength(21);
    expect(inbox.rows).toHaveLength(rows.length - 21);
  });

  it('lists an event read from two sources once', () => {
    const twice = [...read(), ...read()];
    expect(buildInbox(twice, journal(), options).rows).toHaveLength(
      buildInbox(read(), journal(), options).rows.length,
    );
  });

  it('finds a row by its id or a unique prefix of at least 4 characters', () => {
    const rows = [{ id: 'abcd1234' }, { id: 'abcd9999' }, { id: 'ffff0000' }];
    expect(findRow(rows, 'ffff0000')).toBe(rows[2]);
    expect(findRow(rows, 'FFFF')).toBe(rows[2]);
    expect(findRow(rows, 'abcd')).toBe('ambiguous');
    expect(findRow(rows, 'ff')).toBeUndefined();
    expect(findRow(rows, '12345678')).toBeUndefined();
  });
});

describe('guessKind', () => {
  it.each([
    ['Ana / Ben 1:1', '1:2:1'],
    ['1-1 Ana', '1:2:1'],
    ['ana 1on1', '1:2:1'],
    ['Ana <> Ben', '1:2:1'],
    ['Coffee 1:1', '1:2:1'],
    ['Coffee with Ben', 'coffee'],
    ['Team lunch', 'meal'],
    ['Walk & talk', 'walk'],
    ['Quick call', 'call'],
    ['Zoom: roadmap', 'call'],
    ['Google Meet with Dan', 'call'],
    ['Teams catch-up', 'call'],
    ['Meeting about meetings', 'meeting'],
    ['Q4 planning 2026-11-12', 'meeting'],
    ['11:15 review', 'meeting'],
  ])('"%s" is %s', (title, kind) => {
    expect(guessKind(title, '1:2:1')).toBe(kind);
  });
});

describe('matching people', () => {
  const index = indexPeople(journal().people);
  const meeting = (extra: Partial<Meeting>): Meeting => ({
    uid: 'u',
    scheduled: '2026-11-20T10:00:00.000Z',
    start: '2026-11-20T10:00:00.000Z',
    end: '2026-11-20T10:30:00.000Z',
    title: '',
    recurring: false,
    organizer: null,
    attendees: [],
    ...extra,
  });
  const who = (m: Meeting, me = ['me@example.com']) =>
    matchMeeting(m, index, new Set(me)).people.map((p) => p.id);
  const attendee = (email: string | null, name: string | null, type = 'INDIVIDUAL', status = 'ACCEPTED') => ({
    email,
    name,
    type,
    status,
  });

  it.each([
    ['Catch-up with Ana Silva and Ben', ['ana-silva']],
    ['ana & ben', ['ana-silva', 'ben-okafor']],
    ['Chloe', ['chloe-martin']],
    ['Anabel', []],
    ['Planning', []],
  ])('the title "%s" names %j', (title, ids) => {
    expect(peopleInTitle(title, index).map((p) => p.id)).toEqual(ids);
  });

  it('a declined attendee, a room and you are not among the people there', () => {
    const m = meeting({
      organizer: attendee('me@example.com', 'Me'),
      attendees: [
        attendee('ana@example.com', null),
        attendee('ben@example.com', null, 'INDIVIDUAL', 'DECLINED'),
        attendee('room@example.com', 'Room 1', 'ROOM'),
        attendee('proj@example.com', 'Projector', 'RESOURCE'),
        attendee('me@example.com', 'Me'),
      ],
    });
    expect(matchMeeting(m, index, new Set(['me@example.com']))).toMatchObject({ size: 1, unknown: [] });
    expect(who(m)).toEqual(['ana-silva']);
  });

  it('a name, as on the command line (a unique prefix is enough), finds someone', () => {
    expect(who(meeting({ attendees: [attendee(null, 'Dan')] }))).toEqual(['dan-reyes']);
    expect(who(meeting({ attendees: [attendee('x@y.example', 'chloe martin')] }))).toEqual(['chloe-martin']);
    expect(who(meeting({ attendees: [attendee('x@y.example', 'Zed Zimmer')] }))).toEqual([]);
  });
});

describe('dismissals in sync', () => {
  const dismissal = (id: string, eventId: string) => ({
    id,
    eventId,
    title: 'Lunch with Eve',
    start: '2026-11-24T12:00:00.000Z',
    createdAt: '2026-11-27T11:00:00.000Z',
  });

  it('a merge keeps what either machine dismissed, and a restore on one machine wins', () => {
    const base = journal();
    const ours = structuredClone(base);
    const theirs = structuredClone(base);
    let before = snapshotRecords(ours);
    ours.dismissals = [dismissal('d1', 'aaaa1111')];
    stampChanges(before, ours, new Date('2026-11-27T11:00:00Z'));
    before = snapshotRecords(theirs);
    theirs.dismissals = [dismissal('d2', 'bbbb2222')];
    stampChanges(before, theirs, new Date('2026-11-27T11:05:00Z'));
    const merged = mergeJournals(base, ours, theirs);
    expect(merged.dismissals?.map((d) => d.id).sort()).toEqual(['d1', 'd2']);

    // Theirs takes the merge, then restores d1: the tombstone carries the restore back to ours.
    const restored = structuredClone(merged);
    before = snapshotRecords(restored);
    restored.dismissals = restored.dismissals!.filter((d) => d.id !== 'd1');
    stampChanges(before, restored, new Date('2026-11-27T12:00:00Z'));
    expect(mergeJournals(merged, merged, restored).dismissals?.map((d) => d.id)).toEqual(['d2']);
  });
});

describe('meetingMinutes: a meeting is as long as a conversation can be, or has no length', () => {
  // Found by a tester: an event from 20 Nov 10:00 to 22 Nov 11:00 was logged as 2,940 minutes,
  // which --minutes refuses and which made rel stats say 49 hours.
  const at = (iso: string) => Date.parse(iso);
  it.each<[string, string, string, number | null]>([
    ['half an hour', '2026-11-20T10:00:00Z', '2026-11-20T10:30:00Z', 30],
    ['no time at all', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', 0],
    ['an all-day event, a whole day', '2026-11-20T00:00:00Z', '2026-11-21T00:00:00Z', 1440],
    ['a day and a minute', '2026-11-20T00:00:00Z', '2026-11-21T00:01:00Z', null],
    ['over two days', '2026-11-20T10:00:00Z', '2026-11-22T11:00:00Z', null],
    ['ending before it starts', '2026-11-20T11:00:00Z', '2026-11-20T10:00:00Z', null],
  ])('%s', (_, start, end, minutes) => {
    expect(meetingMinutes(at(start), at(end))).toBe(minutes);
  });
});
