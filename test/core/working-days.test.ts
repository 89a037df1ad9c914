import { describe, expect, it } from 'vitest';
import { indexConversations } from '../../src/core/conversations.js';
import { addDaysTo, weekdayOf } from '../../src/core/dates.js';
import { dueList, nextDueDay, shownOn } from '../../src/core/due.js';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { dateSections, summarize } from '../../src/core/plan.js';
import { conversation, wholePerson } from '../helpers/journal.js';

const SETTINGS: Record<string, readonly number[]> = {
  'mon-fri': [1, 2, 3, 4, 5],
  'sun-thu': [0, 1, 2, 3, 4],
  'mon,thu': [1, 4],
};
const MON_FRI = [1, 2, 3, 4, 5];
// Mon 23 Nov to Sun 29 Nov 2026: one last time together on each day of the week.
const MET = [
  '2026-11-23',
  '2026-11-24',
  '2026-11-25',
  '2026-11-26',
  '2026-11-27',
  '2026-11-28',
  '2026-11-29',
];
const CADENCES = [1, 2, 3, 4, 6, 7, 10, 14];

function listedOn(journal: Journal, day: string, workingDays: readonly number[]): boolean {
  return dueList(journal, indexConversations(journal.conversations), day, { workingDays }).some(
    (r) => r.id === 'li',
  );
}

describe('working days: a check-in on a day off is due on the working day before, and stays due', () => {
  for (const [setting, workingDays] of Object.entries(SETTINGS)) {
    for (const met of MET) {
      it.each(CADENCES)(
        `${setting}, last together ${met} (weekday ${weekdayOf(met)}), cadence %i`,
        (cadence) => {
          const journal: Journal = {
            ...emptyJournal(),
            people: [wholePerson('li', 'Li Wei', { cadenceDays: cadence })],
            conversations: [conversation('c1', ['li'], met)],
          };
          const dueOn = addDaysTo(met, cadence);
          // The working day on or before the due date, unless that is not after the day you met.
          let working = dueOn;
          while (!workingDays.includes(weekdayOf(working))) working = addDaysTo(working, -1);
          const expected = working > met ? working : dueOn;
          expect(shownOn(dueOn, cadence, workingDays)).toBe(expected);
          // Not listed the day you met nor before the day it is shown on; listed every day from it on.
          for (let day = met; day <= addDaysTo(dueOn, 3); day = addDaysTo(day, 1)) {
            expect(listedOn(journal, day, workingDays), day).toBe(day >= expected);
          }
          // The calendar puts it on the same day, seen from the day you met.
          expect(
            nextDueDay(
              journal.people[0]!,
              { dueOn, cadenceDays: cadence, lastTogether: met },
              met,
              workingDays,
            ),
          ).toBe(expected);
        },
      );
    }
  }

  it("the tester's case: a Sunday check-in is due on Friday, still on Saturday, and on Sunday", () => {
    const journal: Journal = {
      ...emptyJournal(),
      people: [wholePerson('li', 'Li Wei', { cadenceDays: 7 })],
      conversations: [conversation('c1', ['li'], '2026-11-22')],
    };
    const index = indexConversations(journal.conversations);
    for (const day of ['2026-11-27', '2026-11-28', '2026-11-29']) {
      const rows = dueList(journal, index, day, { workingDays: MON_FRI });
      expect(
        rows.map((r) => r.id),
        day,
      ).toEqual(['li']);
      // Counted as due in the summary's line, not as coming.
      const summary = summarize(
        rows,
        (r) => r.overdueDays >= 0 || shownOn(r.dueOn, r.cadenceDays, MON_FRI) <= day,
      );
      expect(summary.due, day).toBe(1);
    }
  });

  it('talked on Saturday, cadence one day: not due on Saturday, due on Sunday', () => {
    const journal: Journal = {
      ...emptyJournal(),
      people: [wholePerson('li', 'Li Wei', { cadenceDays: 1 })],
      conversations: [conversation('c1', ['li'], '2026-11-28')],
    };
    expect(listedOn(journal, '2026-11-28', MON_FRI)).toBe(false);
    expect(listedOn(journal, '2026-11-29', MON_FRI)).toBe(true);
  });
});

describe('working days: someone never met is due on the day they were added, never before', () => {
  // Added on each day of Mon 23 Nov to Sun 29 Nov 2026; the check-in is set that day.
  for (const [setting, workingDays] of Object.entries(SETTINGS)) {
    for (const added of MET) {
      it.each(CADENCES)(`${setting}, added ${added} (weekday ${weekdayOf(added)}), cadence %i`, (cadence) => {
        const journal: Journal = {
          ...emptyJournal(),
          people: [wholePerson('li', 'Li Wei', { cadenceDays: cadence, createdAt: `${added}T12:00:00` })],
          conversations: [],
        };
        const index = indexConversations(journal.conversations);
        expect(shownOn(added, cadence, workingDays, null)).toBe(added);
        // Not listed the day before, due today on the day (never "due 2 days ago"), and after.
        expect(listedOn(journal, addDaysTo(added, -1), workingDays)).toBe(false);
        for (let day = added; day <= addDaysTo(added, 3); day = addDaysTo(day, 1)) {
          expect(listedOn(journal, day, workingDays), day).toBe(true);
        }
        const [row] = dueList(journal, index, added, { workingDays });
        expect(row!.overdueDays).toBe(0);
        expect(nextDueDay(journal.people[0]!, row!, added, workingDays)).toBe(added);
        // Planned under today, whichever day weeks start on.
        for (const weekStart of [0, 1] as const) {
          for (const within of [7, 30]) {
            const sections = dateSections([row!], added, within, weekStart, (r) =>
              shownOn(r.dueOn, r.cadenceDays, workingDays, r.lastTogether),
            );
            expect(sections.map((s) => [s.kind, s.start])).toEqual([['today', added]]);
          }
        }
        const summary = summarize(
          [row!],
          (r) => r.overdueDays >= 0 || shownOn(r.dueOn, r.cadenceDays, workingDays, r.lastTogether) <= added,
        );
        expect(summary.due).toBe(1);
      });
    }
  }
});
