// Planning views over the due list: sections by date (day or week) or by team, relationship or
// tag, and the one-line summary. The rows themselves are the due list's, unchanged.
import { startOfWeek } from 'date-fns';
import { fromIsoDate, type IsoDate, toIsoDate } from './dates.js';
import { compareDue, type DueRow, listedOn } from './due.js';
import type { Person } from './journal.js';
import type { WeekStart } from './settings.js';

export const GROUPS = ['team', 'relationship', 'tag'] as const;
export type GroupBy = (typeof GROUPS)[number];

/** A due row with the group it is listed under; null when the person has no team, relationship or tag. */
export type GroupedRow<Row extends DueRow = DueRow> = Row & { group: string | null };

/**
 * Rows sorted into groups, groups alphabetical with "none" last, each group most overdue first.
 * By tag, someone with two tags is listed under each.
 */
export function groupRows<Row extends DueRow>(rows: Row[], people: Person[], by: GroupBy): GroupedRow<Row>[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const grouped: GroupedRow<Row>[] = [];
  for (const row of rows) {
    const person = byId.get(row.id);
    const keys = by === 'tag' ? (person?.tags ?? []) : [person?.[by] ?? ''];
    const named = keys.filter((k) => k.trim());
    for (const group of named.length ? named : [null]) grouped.push({ ...row, group });
  }
  const order = (g: string | null) => (g === null ? '\uffff' : g.toLowerCase());
  return grouped
    .map((row, position) => ({ row, position }))
    .sort((a, b) => order(a.row.group).localeCompare(order(b.row.group)) || a.position - b.position)
    .map(({ row }) => row);
}

export interface DateSection<Row extends DueRow = DueRow> {
  /** "overdue", "today", "day" or "week". */
  kind: 'overdue' | 'today' | 'day' | 'week';
  /** The day, or the first day of the week (which may be before today); null for overdue. */
  start: IsoDate | null;
  rows: Row[];
}

/** Windows up to two weeks are planned day by day; longer ones week by week. */
export const DAY_BY_DAY_LIMIT = 14;

/**
 * The planning view: overdue, today, then each day (or week) of the window that has someone due.
 * A check-in is placed on the day it is shown on (`shownOn`: the working day before a weekend's
 * due date), so that its section and its "due today" agree: one shown on a day gone by (a Sunday
 * check-in seen on Saturday) is overdue. Someone snoozed is placed on the day the snooze ends
 * (or on their check-in's, when later), however overdue the check-in is by then.
 */
export function dateSections<Row extends DueRow>(
  rows: Row[],
  today: IsoDate,
  withinDays: number,
  weekStart: WeekStart,
  shownOn: (row: Row) => IsoDate = (row) => row.dueOn,
): DateSection<Row>[] {
  const byWeek = withinDays > DAY_BY_DAY_LIMIT;
  const sections: DateSection<Row>[] = [];
  const sectionFor = (row: Row): Pick<DateSection, 'kind' | 'start'> => {
    const snoozed = row.snoozedUntil !== undefined && row.snoozedUntil > today;
    if (!snoozed && row.overdueDays > 0) return { kind: 'overdue', start: null };
    if (!snoozed && row.overdueDays === 0) return { kind: 'today', start: today };
    const on = snoozed ? listedOn(row, shownOn(row)) : shownOn(row);
    if (on < today) return { kind: 'overdue', start: null };
    if (on === today) return { kind: 'today', start: today };
    if (!byWeek) return { kind: 'day', start: on };
    return {
      kind: 'week',
      start: toIsoDate(startOfWeek(fromIsoDate(on), { weekStartsOn: weekStart })),
    };
  };
  const placed = rows.map((row) => ({ row, ...sectionFor(row) }));
  // Overdue, then today and the days (or weeks) in order; in each, most overdue first.
  const rank = (p: { kind: DateSection['kind']; start: IsoDate | null }) =>
    p.kind === 'overdue' ? '0' : p.kind === 'today' ? '1' : `2${p.start}`;
  placed.sort((a, b) => rank(a).localeCompare(rank(b)) || compareDue(a.row, b.row, today));
  for (const { row, kind, start } of placed) {
    const last = sections.at(-1);
    if (last && last.kind === kind && last.start === start) last.rows.push(row);
    else sections.push({ kind, start, rows: [row] });
  }
  return sections;
}

export interface DueSummary {
  /** Check-ins due today or overdue. */
  due: number;
  /** Not seen for more than twice their cadence: overdue by more than a whole cadence. */
  longOverdue: number;
  /** Check-ins coming due within the window. */
  coming: number;
  /** Birthdays today or within the window. */
  birthdays: number;
}

/** Counts people, not rows: grouped by tag, someone can be listed more than once. */
export function summarize(
  rows: (DueRow & { reason?: string })[],
  /** Whether a check-in is due now: by default on or after its day; rel due says by working days. */
  dueNow: (row: DueRow) => boolean = (row) => row.overdueDays >= 0,
): DueSummary {
  // A person listed twice counts once, as their last row says; dueNow is asked once a person.
  const checkIns = new Map<string, DueRow>();
  const birthdays = new Set<string>();
  for (const row of rows) {
    if (row.reason === 'birthday') birthdays.add(row.id);
    else checkIns.set(row.id, row);
  }
  const summary = { due: 0, longOverdue: 0, coming: 0, birthdays: birthdays.size };
  for (const row of checkIns.values()) {
    // Someone snoozed is listed only once the snooze ends: coming due, however overdue by then.
    if (row.snoozedUntil !== undefined) {
      summary.coming++;
      continue;
    }
    if (dueNow(row)) summary.due++;
    else summary.coming++;
    if (row.overdueDays > row.cadenceDays) summary.longOverdue++;
  }
  return summary;
}
