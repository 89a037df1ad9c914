// When each person is next due a catch-up, and who is due now.
import type { ConversationIndex } from './conversations.js';
import {
  addDaysTo,
  DateOutOfRange,
  DEFAULT_CADENCE_DAYS,
  daysBetween,
  type IsoDate,
  LATEST_YEAR,
  weekdayOf,
} from './dates.js';
import { latest, thanksOf } from './facts.js';
import { overdueByPerson } from './followups.js';
import type { Conversation, Journal, Person } from './journal.js';
import { addedOn } from './new-person.js';
import { compareNames, normalize } from './text.js';
import {
  type ConversationClass,
  conversationClass,
  countsAsTogether,
  DEFAULT_TOGETHER_RULES,
  type TogetherRules,
} from './together.js';

export interface CheckIn {
  /** The last conversation of any kind. */
  lastSeen: IsoDate | null;
  daysSince: number | null;
  /** The last conversation that was time together: what the cadence is measured from. */
  lastTogether: IsoDate | null;
  daysSinceTogether: number | null;
  cadenceDays: number;
  dueOn: IsoDate;
  /** 0 when due today, positive when overdue, negative when not yet due. */
  overdueDays: number;
}

/**
 * The day a cadence from `from` ends. rel takes cadences of at most ten years, but a journal
 * edited by hand or synced from an older rel may hold one that carries the day past 9999: that
 * check-in is shown on the last day of the calendar (the row still shows the cadence), so that
 * one record does not stop a report for everyone.
 */
export function cadenceEnd(from: IsoDate, cadenceDays: number): IsoDate {
  try {
    return addDaysTo(from, cadenceDays);
  } catch (error) {
    if (error instanceof DateOutOfRange) return `${LATEST_YEAR}-12-31`;
    throw error;
  }
}

export function effectiveCadence(person: Person, defaultCadence = DEFAULT_CADENCE_DAYS): number {
  return person.cadenceDays ?? defaultCadence;
}

/**
 * The day a check-in is shown on: the working day on or before it (a Saturday check-in is
 * planned for Friday). `dueOn` itself never moves; with no working days at all, it is the day.
 */
export function workingDayOnOrBefore(date: IsoDate, workingDays: readonly number[]): IsoDate {
  if (workingDays.length === 0) return date;
  let day = date;
  while (!workingDays.includes(weekdayOf(day))) day = addDaysTo(day, -1);
  return day;
}

/**
 * The day a check-in is shown on, and is due on for `rel due`: the working day on or before its
 * due date (a Sunday check-in is due on Friday, and stays due on Saturday). Not a day before the
 * check-in was set, though: when that working day is not after the last time together (the due
 * date less the cadence: talked on Saturday, cadence one day), the due date itself; and for
 * someone never met that way (`lastTogether` null), whose check-in is set on the day they were
 * added and due that same day, always the due date. It does not hang on today, so that once due,
 * a check-in stays due until you meet.
 */
export function shownOn(
  dueOn: IsoDate,
  cadenceDays: number,
  workingDays: readonly number[],
  lastTogether?: IsoDate | null,
): IsoDate {
  if (lastTogether === null) return dueOn;
  const working = workingDayOnOrBefore(dueOn, workingDays);
  // Compared in days (0 to 6), not as a date less the cadence, which a huge cadence carries out of the calendar.
  return daysBetween(working, dueOn) >= cadenceDays ? dueOn : working;
}

/**
 * The first day from `today` on that `rel due` lists someone: once a snooze is over, and their
 * check-in shown on or before it (shownOn). What a calendar of check-ins puts them on.
 */
export function nextDueDay(
  person: Person,
  state: Pick<CheckIn, 'dueOn' | 'cadenceDays' | 'lastTogether'>,
  today: IsoDate,
  workingDays: readonly number[],
): IsoDate {
  const from = isSnoozed(person, today) ? person.snoozedUntil! : today;
  const shown = shownOn(state.dueOn, state.cadenceDays, workingDays, state.lastTogether);
  // Dates as text: the later of the two (Math.max would read them as numbers).
  if (shown > from) return shown;
  return from;
}

/** The last conversation with someone, of any kind: what "seen" means beside "together". */
export interface LastContact {
  class: ConversationClass;
  kind: string;
  together: boolean;
}

export function lastContact(
  conversations: readonly Conversation[] | undefined,
  rules: TogetherRules = DEFAULT_TOGETHER_RULES,
): LastContact | undefined {
  const last = conversations?.[0];
  if (!last) return undefined;
  return {
    class: conversationClass(last, rules.writtenKinds),
    kind: last.kind,
    together: countsAsTogether(last, rules),
  };
}

/** The newest of a person's conversations (newest first) that was time together with them. */
export function lastTogether(
  conversations: readonly Conversation[] | undefined,
  rules: TogetherRules = DEFAULT_TOGETHER_RULES,
): Conversation | undefined {
  return conversations?.find((c) => countsAsTogether(c, rules));
}

/**
 * Next check-in: the last time together plus the cadence; for someone never met in a way that
 * counts, the day they were added. A message or an all-hands is seen but does not move it.
 */
export function checkIn(
  person: Person,
  index: ConversationIndex,
  today: IsoDate,
  defaultCadence = DEFAULT_CADENCE_DAYS,
  rules: TogetherRules = DEFAULT_TOGETHER_RULES,
): CheckIn {
  const conversations = index.get(person.id);
  const lastSeen = conversations?.[0]?.date ?? null;
  const together = lastTogether(conversations, rules)?.date ?? null;
  const cadenceDays = effectiveCadence(person, defaultCadence);
  // A day after today (logged where the date was already tomorrow, or imported from a clock
  // ahead) counts as today: no negative days since, and no check-in later than today's.
  const from = together && together > today ? today : together;
  const dueOn = from ? cadenceEnd(from, cadenceDays) : addedOn(person);
  return {
    lastSeen,
    daysSince: lastSeen ? Math.max(0, daysBetween(lastSeen, today)) : null,
    lastTogether: together,
    daysSinceTogether: together ? Math.max(0, daysBetween(together, today)) : null,
    cadenceDays,
    dueOn,
    overdueDays: daysBetween(dueOn, today),
  };
}

export interface DueRow extends CheckIn {
  id: string;
  name: string;
  /** Open follow-ups with this person whose due date has passed. */
  overdueFollowUps: { id: string; text: string; due: IsoDate }[];
  /** The day you last appreciated them (rel thanks), or null. */
  lastAppreciated: IsoDate | null;
  /**
   * Only on the row of someone still snoozed today, listed in a planning window because the
   * snooze ends inside it: the day it ends. They are listed from that day (nextDueDay) on.
   */
  snoozedUntil?: IsoDate;
}

/**
 * The day a due row is listed on: the later of the day its check-in is shown on and the end of a
 * snooze still running (as nextDueDay and the calendar feed say it).
 */
export function listedOn(row: Pick<DueRow, 'snoozedUntil'>, shown: IsoDate): IsoDate {
  return row.snoozedUntil !== undefined && row.snoozedUntil > shown ? row.snoozedUntil : shown;
}

/** Snoozed people stay out of `rel due` while today is before the snooze ends. */
export function isSnoozed(person: Person, today: IsoDate): boolean {
  return person.snoozedUntil !== null && today < person.snoozedUntil;
}

export interface DueOptions {
  /** Also include people coming due within this many days. */
  withinDays?: number;
  tag?: string;
  limit?: number;
  defaultCadence?: number;
  rules?: TogetherRules;
  /** Days of the week worked (0 Sunday): a check-in due on another day is due on the one before. */
  workingDays?: readonly number[];
}

/**
 * How far a due row is from today as it is listed: its overdue days, or for someone snoozed
 * until a day still to come, less than 0 until then (the later of the two days).
 */
export function dueOrder(row: Pick<DueRow, 'overdueDays' | 'snoozedUntil'>, today: IsoDate): number {
  if (row.snoozedUntil === undefined) return row.overdueDays;
  return Math.min(daysBetween(row.snoozedUntil, today), row.overdueDays);
}

/** Most overdue (or soonest listed) first, then by name. */
export function compareDue(
  a: Pick<DueRow, 'overdueDays' | 'snoozedUntil' | 'name'>,
  b: Pick<DueRow, 'overdueDays' | 'snoozedUntil' | 'name'>,
  today: IsoDate,
): number {
  return dueOrder(b, today) - dueOrder(a, today) || compareNames(a.name, b.name);
}

/**
 * People due today or earlier (or within the window), most overdue first. Archived people do not
 * appear, nor snoozed ones, but for a window that the snooze ends in: then they are listed (with
 * `snoozedUntil`) among those coming due, on the day nextDueDay gives, as the calendar feed has it.
 */
export function dueList(
  journal: Journal,
  index: ConversationIndex,
  today: IsoDate,
  options: DueOptions = {},
): DueRow[] {
  const window = options.withinDays ?? 0;
  const tag = options.tag === undefined ? undefined : normalize(options.tag);
  const rows: DueRow[] = [];
  const overdue = overdueByPerson(journal, today);
  for (const person of journal.people) {
    if (person.archivedAt) continue;
    const snoozed = isSnoozed(person, today);
    if (snoozed && daysBetween(today, person.snoozedUntil!) > window) continue;
    if (tag !== undefined && !person.tags.some((t) => normalize(t) === tag)) continue;
    const state = checkIn(person, index, today, options.defaultCadence, options.rules);
    const shown = options.workingDays
      ? shownOn(state.dueOn, state.cadenceDays, options.workingDays, state.lastTogether)
      : state.dueOn;
    const on = snoozed ? listedOn({ snoozedUntil: person.snoozedUntil! }, shown) : shown;
    if (daysBetween(today, on) > window) continue;
    const row: DueRow = {
      id: person.id,
      name: person.name,
      ...state,
      overdueFollowUps: overdue.get(person.id) ?? [],
      lastAppreciated: latest(thanksOf(person))?.on ?? null,
      ...(snoozed ? { snoozedUntil: person.snoozedUntil! } : {}),
    };
    rows.push(row);
  }
  rows.sort((a, b) => compareDue(a, b, today));
  return options.limit === undefined ? rows : rows.slice(0, options.limit);
}

/**
 * People due today only because cadences count time together: by the old rule, where every
 * conversation counted (`cadence-counts any`), their check-in would still be ahead. What the
 * one-time notice after the upgrade counts.
 */
export function dueOnlyByTogether(
  journal: Journal,
  index: ConversationIndex,
  today: IsoDate,
  defaultCadence: number,
  rules: TogetherRules,
): Person[] {
  if (rules.cadenceCounts === 'any') return [];
  const old: TogetherRules = { ...rules, cadenceCounts: 'any' };
  return journal.people.filter(
    (person) =>
      !person.archivedAt &&
      !isSnoozed(person, today) &&
      rulesDisagree(index.get(person.id), rules) &&
      checkIn(person, index, today, defaultCadence, rules).overdueDays >= 0 &&
      checkIn(person, index, today, defaultCadence, old).overdueDays < 0,
  );
}

/**
 * Whether the old rule's last time together (the newest conversation not marked otherwise) does
 * not count under these rules. When it counts, both rules measure from that same conversation and
 * give the same check-in, so the two check-ins need not be computed (rel due asks this on every
 * run until the notice is said).
 */
function rulesDisagree(conversations: readonly Conversation[] | undefined, rules: TogetherRules): boolean {
  const last = conversations?.find((c) => c.counts !== false);
  return last !== undefined && !countsAsTogether(last, rules);
}

/**
 * The day rel began to measure cadences by time together. A journal begun since then never knew
 * the old rule, so there is no change to tell its owner about.
 */
export const TIME_TOGETHER_SINCE: IsoDate = '2026-12-01';

/** Whether anything in the journal was created before the day: a journal from an older rel. */
export function begunBefore(journal: Journal, day: IsoDate): boolean {
  return (
    journal.people.some((p) => p.createdAt.slice(0, 10) < day) ||
    journal.conversations.some((c) => c.createdAt.slice(0, 10) < day)
  );
}
