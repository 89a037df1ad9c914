import { describe, expect, it } from 'vitest';
import {
  birthdayIn,
  birthdayRows,
  dueWithBirthdays,
  nextBirthday,
  parseBirthday,
  readBirthday,
} from '../../src/core/birthdays.js';
import { indexConversations } from '../../src/core/conversations.js';
import { emptyJournal, type Journal, type Person } from '../../src/core/journal.js';
import { wholePerson } from '../helpers/journal.js';

const TODAY = '2026-12-02';

describe('readBirthday', () => {
  it.each([
    ['1990-05-17', '1990-05-17'],
    ['19900517', '1990-05-17'],
    ['05-17', '05-17'],
    ['--0517', '05-17'],
    ['--05-17', '05-17'],
    ['1992-02-29', '1992-02-29'],
    ['02-29', '02-29'],
    [' 1990-05-17 ', '1990-05-17'],
  ])('reads %j as %j', (text, stored) => expect(readBirthday(text)).toBe(stored));

  it.each([
    '1991-02-29',
    '1990-13-01',
    '1990-04-31',
    '02-30',
    '0517',
    '17/05/1990',
    'May 17',
    '',
    '1700-01-01',
  ])('refuses %j', (text) => expect(readBirthday(text)).toBeUndefined());

  it('--birthday takes only YYYY-MM-DD or MM-DD, and says so', () => {
    expect(parseBirthday('05-17', TODAY)).toBe('05-17');
    expect(() => parseBirthday('19900517', TODAY)).toThrow(/not a birthday/);
    expect(() => parseBirthday('13-05', TODAY)).toThrow(/not a birthday rel understands/);
    expect(() => parseBirthday('1985-02-30', TODAY)).toThrow(
      '--birthday "1985-02-30": 30 February is not in the calendar; February has 28 days (29 in a leap year).',
    );
    expect(() => parseBirthday('02-30', TODAY)).toThrow(/"02-30": 30 February is not in the calendar/);
    expect(() => parseBirthday('1985-02-29', TODAY)).toThrow(
      '--birthday "1985-02-29": 29 February 1985 is not in the calendar; 1985 is not a leap year.',
    );
    expect(() => parseBirthday('05/17', TODAY)).toThrow(/not a birthday/);
  });

  // A year is the year they were born: a day after today is a slip (2030 for 2003), refused with
  // the day without its year to give instead. Without a year, any day of the calendar is fine.
  it.each([
    ['2030-05-01', '"2030-05-01" is after today (2026-12-02)', 'leave the year out: 05-01.'],
    ['2026-12-03', '"2026-12-03" is after today (2026-12-02)', 'e.g. 1990-12-03'],
    ['9999-12-31', '"9999-12-31" is after today', 'leave the year out: 12-31.'],
  ])('--birthday %s is refused: born after today', (text, message, hint) => {
    try {
      parseBirthday(text, TODAY);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain(message);
      expect((error as { hint?: string }).hint).toContain(hint);
    }
  });

  it.each([
    ['2026-12-02', '2026-12-02'], // born today
    ['1990-05-01', '1990-05-01'],
    ['05-01', '05-01'],
    ['12-31', '12-31'],
  ])('--birthday %s is taken', (text, stored) => expect(parseBirthday(text, TODAY)).toBe(stored));
});

describe('when a birthday comes round', () => {
  it.each([
    ['02-29', 2027, '2027-02-28'],
    ['02-29', 2028, '2028-02-29'],
    ['1992-02-29', 2100, '2100-02-28'],
    ['1992-02-29', 2000, '2000-02-29'],
    ['12-31', 2026, '2026-12-31'],
  ])('%s in %i is %s', (birthday, year, day) => expect(birthdayIn(birthday, year)).toBe(day));

  it.each([
    ['05-17', '2026-05-17', '2026-05-17'],
    ['05-17', '2026-05-18', '2027-05-17'],
    ['01-02', '2026-12-30', '2027-01-02'],
    ['02-29', '2027-02-28', '2027-02-28'],
    ['02-29', '2027-03-01', '2028-02-29'],
  ])('%s seen from %s is next on %s', (birthday, today, next) =>
    expect(nextBirthday(birthday, today)).toBe(next),
  );
});

function person(id: string, birthday: string | null, extra: Partial<Person> = {}): Person {
  return wholePerson(id, id.toUpperCase(), { birthday, createdAt: '2026-01-01T12:00:00.000Z', ...extra });
}

describe('birthdays in rel due', () => {
  const journal: Journal = {
    ...emptyJournal(),
    people: [
      person('ana', '02-29'),
      person('bo', '1980-03-05'),
      person('cy', null),
      person('di', '03-01', { archivedAt: '2026-02-01T12:00:00.000Z' }),
      person('ed', '03-10', { tags: ['team'] }),
    ],
    conversations: [
      {
        id: 'c1',
        date: '2027-02-20',
        with: ['ana', 'bo', 'cy', 'ed'],
        kind: 'call',
        minutes: null,
        note: '',
        heard: [],
        // A call with four is a group, which would not be time together: marked so that it is.
        counts: true,
        createdAt: '2027-02-20T12:00:00.000Z',
      },
    ],
  };
  const index = indexConversations(journal.conversations);

  it('a 29 February birthday shows on 28 February in a common year, due today', () => {
    const rows = birthdayRows(journal, index, '2027-02-28');
    expect(rows.map((r) => [r.id, r.dueOn, r.overdueDays, r.reason])).toEqual([
      ['ana', '2027-02-28', 0, 'birthday'],
    ]);
  });

  it('coming up within the window, never for archived people, with the due row shape', () => {
    const rows = birthdayRows(journal, index, '2027-02-28', { withinDays: 7 });
    expect(rows.map((r) => r.id)).toEqual(['ana', 'bo']);
    expect(Object.keys(rows[1]!).sort()).toEqual(
      [
        'cadenceDays',
        'daysSince',
        'daysSinceTogether',
        'dueOn',
        'id',
        'lastSeen',
        'lastTogether',
        'name',
        'overdueDays',
        'overdueFollowUps',
        'lastAppreciated',
        'reason',
      ].sort(),
    );
    expect(rows[1]).toMatchObject({
      dueOn: '2027-03-05',
      overdueDays: -5,
      lastSeen: '2027-02-20',
      daysSince: 8,
    });
    expect(
      birthdayRows(journal, index, '2027-02-28', { withinDays: 30, tag: 'TEAM' }).map((r) => r.id),
    ).toEqual(['ed']);
  });

  it('merges with check-ins, soonest first, and the limit counts both', () => {
    const rows = dueWithBirthdays(journal, index, '2027-03-01', { withinDays: 5 });
    expect(rows.map((r) => `${r.id}:${r.reason}:${r.overdueDays}`)).toEqual(['bo:birthday:-4']);
    const later = dueWithBirthdays(journal, index, '2027-03-22', { withinDays: 5, limit: 2 });
    expect(later.map((r) => `${r.id}:${r.reason}`)).toEqual(['ana:checkIn', 'bo:checkIn']);
  });
});
