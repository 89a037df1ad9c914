// Birthdays: stored as "YYYY-MM-DD" when the year is known, "MM-DD" when it is not. A 29 February
// birthday falls on 28 February in years without one.
import { UsageError } from '../errors.js';
import type { ConversationIndex } from './conversations.js';
import {
  addDaysTo,
  daysBetween,
  EARLIEST_YEAR,
  fromIsoDate,
  type IsoDate,
  isCalendarDate,
  isLeapYear,
  isoNotInCalendar,
} from './dates.js';
import { checkIn, compareDue, type DueOptions, type DueRow, dueList } from './due.js';
import { latest, thanksOf } from './facts.js';
import { overdueByPerson } from './followups.js';
import type { Birthday, Journal } from './journal.js';
import { normalize } from './text.js';

export type { Birthday };

const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_ONLY = /^(?:--)?(\d{2})-?(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A birthday in its stored form, or undefined when the text is not one. Accepts YYYY-MM-DD,
 * MM-DD, and the vCard forms YYYYMMDD, --MMDD and --MM-DD.
 */
export function readBirthday(text: string): Birthday | undefined {
  const t = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const full = FULL.exec(t) ?? compact;
  if (full) {
    const [year, month, day] = [Number(full[1]), Number(full[2]), Number(full[3])];
    if (!validDay(month, day) || (month === 2 && day === 29 && !isLeapYear(year))) return undefined;
    if (year < 1800) return undefined;
    return `${full[1]}-${full[2]}-${full[3]}`;
  }
  const dayOnly = DAY_ONLY.exec(t);
  if (dayOnly && (t.startsWith('--') || t.includes('-'))) {
    const [month, day] = [Number(dayOnly[1]), Number(dayOnly[2])];
    return validDay(month, day) ? `${dayOnly[1]}-${dayOnly[2]}` : undefined;
  }
  return undefined;
}

/**
 * Whether a birthday as stored (YYYY-MM-DD or MM-DD) is a day of the calendar: 2026-02-30 has the
 * form but is none. 29 Feb without a year is one (2000 was a leap year).
 */
export function isCalendarBirthday(birthday: Birthday): boolean {
  return isCalendarDate(birthday.length === 5 ? `2000-${birthday}` : birthday);
}

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

/**
 * Whether a birthday with its year is after today: that is the day someone was born, and no one
 * is born on a day still to come (2030-05-01 is a slip, for 2003 or for a day without the year).
 * A birthday without its year (05-01) comes round every year, and never is.
 */
export function bornAfter(birthday: Birthday, today: IsoDate): boolean {
  return birthday.length === 10 && birthday > today;
}

/** Why an imported birthday was left out for being after today, the same for every format. */
export function bornAfterWarning(name: string, birthday: Birthday, today: IsoDate): string {
  return `${name}: birthday "${birthday}" is after today (${today}), so it was left out (its year is the year they were born); to keep the day alone: rel edit "${name}" --birthday ${birthday.slice(5)}`;
}

/**
 * For --birthday: YYYY-MM-DD or MM-DD, else a usage error saying so. A year is that of their
 * birth, so a day after `today` is refused (bornAfter).
 */
export function parseBirthday(text: string, today: IsoDate, option = '--birthday'): Birthday {
  if (/^\d{4}-/.test(text.trim()) && Number(text.trim().slice(0, 4)) < EARLIEST_YEAR) {
    throw new UsageError(
      `${option} "${text}" is before ${EARLIEST_YEAR}.`,
      'Give the year in full (1990-05-17), or leave it out (05-17).',
    );
  }
  const inForm = /^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2})$/.test(text.trim());
  const birthday = inForm ? readBirthday(text) : undefined;
  // A month that exists with a day it does not have (02-30) is a slip of the day, not of the form.
  const month = Number(text.trim().slice(-5, -3));
  if (inForm && !birthday && month >= 1 && month <= 12) {
    throw isoNotInCalendar(text.trim(), `${option} "${text}"`, fromIsoDate(today));
  }
  if (!birthday) {
    throw new UsageError(
      `${option} "${text}" is not a birthday rel understands.`,
      'Write it as YYYY-MM-DD (1990-05-17) or, without the year, MM-DD (05-17).',
    );
  }
  if (bornAfter(birthday, today)) {
    throw new UsageError(
      `${option} "${text}" is after today (${today}): with a year, a birthday is the day they were born.`,
      `Give the year they were born (e.g. 1990-${birthday.slice(5)}), or leave the year out: ${birthday.slice(5)}.`,
    );
  }
  return birthday;
}

export function birthdayMonthDay(birthday: Birthday): { month: number; day: number } {
  const [month, day] = birthday.slice(-5).split('-').map(Number);
  return { month: month!, day: day! };
}

export function birthYear(birthday: Birthday): number | null {
  return birthday.length === 10 ? Number(birthday.slice(0, 4)) : null;
}

/** The day the birthday is celebrated in a given year: 29 February becomes 28 February in common years. */
export function birthdayIn(birthday: Birthday, year: number): IsoDate {
  const { month, day } = birthdayMonthDay(birthday);
  const shown = month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(shown).padStart(2, '0')}`;
}

/** The next time the birthday comes round, today included. */
export function nextBirthday(birthday: Birthday, today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  const thisYear = birthdayIn(birthday, year);
  return thisYear >= today ? thisYear : birthdayIn(birthday, year + 1);
}

/** "17 May", "17 May 1990". */
export function describeBirthday(birthday: Birthday): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const { month, day } = birthdayMonthDay(birthday);
  const year = birthYear(birthday);
  return `${day} ${months[month - 1]}${year === null ? '' : ` ${year}`}`;
}

export interface BirthdayRow extends DueRow {
  reason: 'birthday';
}

/**
 * People whose birthday falls today or within the window, as due rows: dueOn is the birthday,
 * overdueDays is 0 on the day and minus the days to go before it.
 */
export function birthdayRows(
  journal: Journal,
  index: ConversationIndex,
  today: IsoDate,
  options: Pick<DueOptions, 'withinDays' | 'tag' | 'defaultCadence' | 'rules'> = {},
): BirthdayRow[] {
  const window = options.withinDays ?? 0;
  const tag = options.tag === undefined ? undefined : normalize(options.tag);
  const rows: BirthdayRow[] = [];
  const overdue = overdueByPerson(journal, today);
  for (const person of journal.people) {
    if (person.archivedAt || !person.birthday) continue;
    if (tag !== undefined && !person.tags.some((t) => normalize(t) === tag)) continue;
    const dueOn = nextBirthday(person.birthday, today);
    if (dueOn > addDaysTo(today, window)) continue;
    const state = checkIn(person, index, today, options.defaultCadence, options.rules);
    rows.push({
      id: person.id,
      name: person.name,
      ...state,
      dueOn,
      overdueDays: daysBetween(dueOn, today),
      overdueFollowUps: overdue.get(person.id) ?? [],
      lastAppreciated: latest(thanksOf(person))?.on ?? null,
      reason: 'birthday',
    });
  }
  return rows;
}

export type ComingUpRow = (DueRow & { reason: 'checkIn' }) | BirthdayRow;

/** `rel due`: check-ins and birthdays in one list, most overdue (or soonest) first. */
export function dueWithBirthdays(
  journal: Journal,
  index: ConversationIndex,
  today: IsoDate,
  options: DueOptions = {},
): ComingUpRow[] {
  const { limit, ...filters } = options;
  const rows: ComingUpRow[] = [
    ...dueList(journal, index, today, filters).map((row) => ({ ...row, reason: 'checkIn' as const })),
    ...birthdayRows(journal, index, today, filters),
  ];
  rows.sort((a, b) => compareDue(a, b, today));
  return limit === undefined ? rows : rows.slice(0, limit);
}
