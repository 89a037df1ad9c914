// The shape of your relationships over a period: coverage, time invested, rhythm, gaps, drift
// and listening. Pure: the journal, today and the period come in; figures go out.
import { startOfWeek } from 'date-fns';
import { type ConversationIndex, newestFirst } from './conversations.js';
import {
  addDaysTo,
  compareIso,
  dayNumber,
  daysBetween,
  fromIsoDate,
  type IsoDate,
  localDay,
  toIsoDate,
} from './dates.js';
import { checkIn } from './due.js';
import { latest, thanksOf } from './facts.js';
import type { Conversation, Journal, Person } from './journal.js';
import { canonicalKind } from './kinds.js';
import type { WeekStart } from './settings.js';
import { compareNames, normalize } from './text.js';
import {
  type ConversationClass,
  conversationClass,
  countsAsTogether,
  DEFAULT_TOGETHER_RULES,
  kindGroupKey,
  type TogetherRules,
} from './together.js';

/** Without --since, stats cover the last 26 weeks. */
export const DEFAULT_STATS_WEEKS = 26;

export interface StatsOptions {
  since: IsoDate;
  today: IsoDate;
  tag?: string | undefined;
  defaultCadence?: number | undefined;
  /** 0 Sunday ... 6 Saturday. */
  weekStartsOn?: WeekStart | undefined;
  rules?: TogetherRules | undefined;
}

export interface Share {
  count: number;
  of: number;
  /** count / of, 0 when there is nothing to count. */
  share: number;
}

export interface TimeRow {
  key: string;
  conversations: number;
  minutes: number;
}

export interface PersonTime extends TimeRow {
  id: string;
  name: string;
}

export interface Week {
  start: IsoDate;
  conversations: number;
  minutes: number;
}

export interface Gap {
  id: string;
  name: string;
  days: number;
  /** The conversation the gap started after; null for someone never seen (counted from the day they were added, not from the period's start). */
  from: IsoDate | null;
  /** For someone never seen (`from` null): the day they were added, which no time together followed. */
  addedOn?: IsoDate;
  /** The conversation that ended it; null while it is still open. */
  to: IsoDate | null;
  cadenceDays: number;
}

export interface Drift {
  id: string;
  name: string;
  /** The last gaps between conversations, oldest first; the last one may still be open. */
  gaps: number[];
  open: boolean;
  cadenceDays: number;
}

export interface Stats {
  since: IsoDate;
  until: IsoDate;
  tag: string | null;
  people: number;
  conversations: number;
  minutes: number;
  /** People who had time together within their cadence (the last time together no longer ago). */
  coverage: Share;
  /** Minutes by class of conversation: each conversation once, in the class it has. */
  minutesByClass: Record<ConversationClass, number>;
  /** Conversations with at least one listening note. */
  listening: Share;
  /** Time together by person: only conversations that were time together with them. */
  perPerson: PersonTime[];
  perTeam: TimeRow[];
  perRelationship: TimeRow[];
  perKind: TimeRow[];
  weekly: Week[];
  longestGaps: Gap[];
  drifting: Drift[];
  /** Appreciation given in the period (rel thanks), by person: most first; people with none left out. */
  appreciation: Appreciated[];
}

export interface Appreciated {
  id: string;
  name: string;
  count: number;
  /** The last day in the period. */
  last: IsoDate;
}

const LONGEST_GAPS = 5;
/** Gaps compared to tell drift: three in a row, each longer than the one before. */
const DRIFT_RUN = 3;

function share(count: number, of: number): Share {
  return { count, of, share: of === 0 ? 0 : count / of };
}

function tally(rows: Map<string, TimeRow>, key: string, minutes: number): void {
  const row = rows.get(key) ?? { key, conversations: 0, minutes: 0 };
  row.conversations += 1;
  row.minutes += minutes;
  rows.set(key, row);
}

/** Most time first; of equals, by key in localeCompare's order (compareNames: no ICU start for plain keys). */
/** How often a kind was written one way, and when it last was (its day, then when it was logged). */
interface Spelling {
  count: number;
  last: string;
}

function countSpelling(
  kinds: Map<string, Map<string, Spelling>>,
  key: string,
  spelling: string,
  c: Pick<Conversation, 'date' | 'createdAt'>,
) {
  const spellings = kinds.get(key) ?? new Map<string, Spelling>();
  kinds.set(key, spellings);
  const when = `${c.date} ${c.createdAt}`;
  const seen = spellings.get(spelling);
  if (!seen) spellings.set(spelling, { count: 1, last: when });
  else {
    seen.count += 1;
    if (when > seen.last) seen.last = when;
  }
}

/** A kind's name in a report: the spelling used most often; of equals, the one used last (then the first met). */
function mostUsed(spellings: ReadonlyMap<string, Spelling>): string {
  let best: [string, Spelling] | undefined;
  for (const entry of spellings) {
    const [, s] = entry;
    if (!best || s.count > best[1].count || (s.count === best[1].count && s.last > best[1].last))
      best = entry;
  }
  return best![0];
}

function byTime(a: TimeRow, b: TimeRow): number {
  return b.minutes - a.minutes || b.conversations - a.conversations || compareNames(a.key, b.key);
}

function inScope(person: Person, tag: string | undefined): boolean {
  if (person.archivedAt) return false;
  return tag === undefined || person.tags.some((t) => normalize(t) === tag);
}

/** Each distinct value of a field among a few people, in the order first met (as a Set gives them). */
function eachOnce(people: Person[], field: 'team' | 'relationship', act: (value: string) => void): void {
  for (let i = 0; i < people.length; i++) {
    const value = people[i]![field];
    let first = true;
    for (let j = 0; j < i && first; j++) if (people[j]![field] === value) first = false;
    if (first) act(value);
  }
}

/**
 * Growing gaps: the last three, each longer than the one before, the latest at least half as
 * long again as the cadence (a day or two late is not drifting). The open gap counts once it is longer than the last closed one (it is still growing).
 */
export function driftOf(
  closed: number[],
  open: number,
  cadenceDays: number,
): { gaps: number[]; open: boolean } | null {
  const lastClosed = closed.at(-1);
  const withOpen = lastClosed !== undefined && open > lastClosed;
  const run = (withOpen ? [...closed, open] : closed).slice(-DRIFT_RUN);
  if (run.length < DRIFT_RUN) return null;
  for (let i = 1; i < run.length; i++) if (run[i]! <= run[i - 1]!) return null;
  if (run.at(-1)! < cadenceDays * 1.5) return null;
  return { gaps: run, open: withOpen };
}

/**
 * The day a conversation counts on: its own, or today for one dated after today (logged where it
 * was already tomorrow, or from a clock ahead), which has happened all the same.
 */
function countedOn(date: IsoDate, today: IsoDate): IsoDate {
  if (date > today) return today;
  return date;
}

/**
 * The start of the period without --since: 26 weeks back, or the week of the journal's first
 * conversation when that is later, so that a young journal is not averaged over empty weeks. A
 * conversation dated after today counts as today, as it does in every figure.
 */
export function defaultSince(journal: Journal, today: IsoDate, weekStartsOn: WeekStart = 1): IsoDate {
  const back = addDaysTo(today, -(DEFAULT_STATS_WEEKS * 7 - 1));
  let first: IsoDate | undefined;
  for (const c of journal.conversations) {
    const day = countedOn(c.date, today);
    if (first === undefined || day < first) first = day;
  }
  if (first === undefined) return back;
  const week = toIsoDate(startOfWeek(fromIsoDate(first), { weekStartsOn }));
  return week > back ? week : back;
}

/**
 * What the stats read of one person's conversations, from one pass over the journal instead of
 * an index of every conversation sorted per person: the newest and the newest that was time
 * together (a check-in needs no more: core/due.ts checkIn), and the days of time together that
 * the gaps and drift read. Those are the gaps that end in the period and the last few of all, so
 * of the days before the period only the latest few are kept (years of history, most of a
 * journal's conversations, need no day counted).
 */
interface Met {
  newest: Conversation | undefined;
  together: Conversation | undefined;
  /** The days in the period and after it, in the journal's order; a person's entry per mention, as an index lists them. */
  days: IsoDate[];
  /** The latest BEFORE_KEPT days before the period, oldest first. */
  before: IsoDate[];
}

/**
 * Days before the period kept per person: one ends the first gap that ends in the period, and
 * drift reads the last DRIFT_RUN gaps of all, which need as many days and one more.
 */
const BEFORE_KEPT = DRIFT_RUN + 1;

/** Keeps `day` among the latest BEFORE_KEPT of `before` (oldest first, equal days each kept). */
function keepLatest(before: IsoDate[], day: IsoDate): void {
  if (before.length === BEFORE_KEPT) {
    if (day <= before[0]!) return;
    before.shift();
  }
  let at = before.length;
  while (at > 0 && before[at - 1]! > day) at--;
  before.splice(at, 0, day);
}

/**
 * Also the conversations of the period with anyone in scope, in the journal's order. `met` has
 * an entry for everyone in scope; `newest` stays undefined for someone never met. A conversation
 * dated after today (logged where it was already tomorrow, or from a clock ahead) has happened:
 * it is in the period, counted as today, as the check-in and the coverage count it.
 */
function meetings(
  journal: Journal,
  inScope: readonly Person[],
  period: { since: IsoDate; today: IsoDate },
  rules: TogetherRules,
): { met: Map<string, Met>; inPeriod: Conversation[] } {
  const met = new Map<string, Met>();
  for (const p of inScope) met.set(p.id, { newest: undefined, together: undefined, days: [], before: [] });
  const inPeriod: Conversation[] = [];
  const { since } = period;
  for (const c of journal.conversations) {
    let counts: boolean | undefined;
    const people = c.with;
    for (let i = 0; i < people.length; i++) {
      const seen = met.get(people[i]!);
      if (!seen) continue;
      if (counts === undefined) {
        counts = countsAsTogether(c, rules);
        if (c.date >= since) inPeriod.push(c);
      }
      // Of equals, the earlier in the file, as the index's stable sort keeps it first.
      if (!seen.newest || newestFirst(c, seen.newest) < 0) seen.newest = c;
      if (!counts) continue;
      if (!seen.together || newestFirst(c, seen.together) < 0) seen.together = c;
      if (c.date >= since) seen.days.push(c.date);
      else keepLatest(seen.before, c.date);
    }
  }
  return { met, inPeriod };
}

/** The check-in's view of someone's conversations: the newest, then the newest together. */
function checkInIndex(met: ReadonlyMap<string, Met>): ConversationIndex {
  const index: ConversationIndex = new Map();
  for (const [id, { newest, together }] of met) {
    if (newest) index.set(id, together && together !== newest ? [newest, together] : [newest]);
  }
  return index;
}

function oldestFirst(days: IsoDate[]): IsoDate[] {
  for (let i = 1; i < days.length; i++) if (days[i - 1]! > days[i]!) return days.sort();
  return days;
}

/**
 * The first `count` of `rows` as a stable sort by `order` would list them, without sorting the
 * rest: a name is compared only for a row that could be among them.
 */
function longestOf<T>(rows: readonly T[], order: (a: T, b: T) => number, count: number): T[] {
  const first: T[] = [];
  for (const row of rows) {
    if (first.length === count && order(row, first[count - 1]!) >= 0) continue;
    let at = first.length;
    while (at > 0 && order(row, first[at - 1]!) < 0) at--;
    first.splice(at, 0, row);
    if (first.length > count) first.pop();
  }
  return first;
}

export function computeStats(journal: Journal, options: StatsOptions): Stats {
  const { since, today } = options;
  const tag = options.tag === undefined ? undefined : normalize(options.tag);
  const people = journal.people.filter((p) => inScope(p, tag));
  const byId = new Map(people.map((p) => [p.id, p]));
  const rules = options.rules ?? DEFAULT_TOGETHER_RULES;
  const { met, inPeriod: conversations } = meetings(journal, people, { since, today }, rules);

  const perPerson = new Map<string, TimeRow>();
  const perTeam = new Map<string, TimeRow>();
  const perRelationship = new Map<string, TimeRow>();
  const perKind = new Map<string, TimeRow>();
  const minutesByClass: Record<ConversationClass, number> = { alone: 0, smallGroup: 0, group: 0, written: 0 };
  // "Coffee" and "coffee", "1:1" and "1:2:1", "e-mail" and "emails" are one kind (kindGroupKey):
  // each kind's spellings, to name it by the one used most.
  const kindSpellings = new Map<string, Map<string, Spelling>>();
  let minutes = 0;
  let withHeard = 0;
  for (const c of conversations) {
    const spent = c.minutes ?? 0;
    minutes += spent;
    minutesByClass[conversationClass(c, rules.writtenKinds)] += spent;
    if (c.heard.some((h) => h.trim())) withHeard += 1;
    const key = kindGroupKey(c.kind, rules.writtenKinds);
    tally(perKind, key, spent);
    countSpelling(kindSpellings, key, canonicalKind(c.kind), c);
    const present: Person[] = [];
    for (const id of c.with) {
      const p = byId.get(id);
      if (p) present.push(p);
    }
    // An hour's all-hands is not an hour with each of the seven people in it.
    if (countsAsTogether(c, rules)) for (const p of present) tally(perPerson, p.id, spent);
    // A meeting with two people of one team is one conversation with that team.
    eachOnce(present, 'team', (team) => tally(perTeam, team, spent));
    eachOnce(present, 'relationship', (kind) => tally(perRelationship, kind, spent));
  }

  const weekStartsOn = options.weekStartsOn ?? 1;
  // Many conversations share a day: each day's week is worked out once.
  const weeks = new Map<IsoDate, IsoDate>();
  const weekOf = (date: IsoDate) => {
    let week = weeks.get(date);
    if (week === undefined) {
      week = toIsoDate(startOfWeek(fromIsoDate(date), { weekStartsOn }));
      weeks.set(date, week);
    }
    return week;
  };
  const weekly: Week[] = [];
  for (let start = weekOf(since); start <= today; start = addDaysTo(start, 7)) {
    weekly.push({ start, conversations: 0, minutes: 0 });
  }
  const weekIndex = new Map(weekly.map((w, i) => [w.start, i]));
  for (const c of conversations) {
    const week = weekly[weekIndex.get(weekOf(countedOn(c.date, today)))!]!;
    week.conversations += 1;
    week.minutes += c.minutes ?? 0;
  }

  let onTrack = 0;
  const gaps: Gap[] = [];
  const drifting: Drift[] = [];
  const index = checkInIndex(met);
  const todayNumber = dayNumber(today);
  for (const person of people) {
    const state = checkIn(person, index, today, options.defaultCadence, options.rules);
    if (state.daysSinceTogether !== null && state.daysSinceTogether <= state.cadenceDays) onTrack += 1;
    const { id, name } = person;
    const { cadenceDays } = state;
    // Gaps and drift are between times together, as the cadence is.
    const seen = met.get(person.id)!;
    const dates = seen.before.length ? [...seen.before, ...oldestFirst(seen.days)] : oldestFirst(seen.days);
    if (dates.length === 0) {
      // Counted from the day they were added, whatever the period: an open gap since a time
      // together is not clipped to it either, and the person waiting longest ranks first. A
      // person added after today (a clock set back) has waited no days yet, not -1.
      const added = localDay(person.createdAt);
      const days = Math.max(0, daysBetween(added, today));
      gaps.push({ id, name, cadenceDays, days, from: null, to: null, addedOn: added });
      continue;
    }
    // The longest gap that ended in the period, or the open one up to today when it is longer:
    // of equals, the first. Drift reads the last three closed gaps.
    let longest = -1;
    let longestDays = 0;
    const lastClosed: number[] = [];
    // A day after today counts as today: the gap up to it is no longer than up to today.
    const dayOf = (date: IsoDate) => Math.min(dayNumber(date), todayNumber);
    let before = dayOf(dates[0]!);
    for (let i = 1; i < dates.length; i++) {
      const day = dayOf(dates[i]!);
      const days = day - before;
      before = day;
      if (lastClosed.push(days) > DRIFT_RUN) lastClosed.shift();
      if (dates[i]! >= since && (longest < 0 || days > longestDays)) {
        longest = i;
        longestDays = days;
      }
    }
    // Time together dated after today leaves a gap of no days open, not -1.
    const open = todayNumber - before;
    gaps.push(
      longest < 0 || open > longestDays
        ? { id, name, cadenceDays, days: open, from: dates.at(-1)!, to: null }
        : { id, name, cadenceDays, from: dates[longest - 1]!, to: dates[longest]!, days: longestDays },
    );
    const drift = driftOf(lastClosed, open, state.cadenceDays);
    if (drift) drifting.push({ id, name, cadenceDays, gaps: drift.gaps, open: drift.open });
  }
  const longestGaps = longestOf(
    gaps,
    (a, b) => b.days - a.days || compareNames(a.name, b.name),
    LONGEST_GAPS,
  );
  drifting.sort(
    (a, b) => b.gaps.at(-1)! / b.cadenceDays - a.gaps.at(-1)! / a.cadenceDays || compareNames(a.name, b.name),
  );

  const appreciation: Appreciated[] = [];
  for (const person of people) {
    // Thanks dated after today, as conversations are, count as today's.
    const given = thanksOf(person).filter((t) => t.on >= since);
    if (given.length === 0) continue;
    const last = latest(given)!.on;
    appreciation.push({ id: person.id, name: person.name, count: given.length, last });
  }
  appreciation.sort(
    (a, b) => b.count - a.count || compareIso(b.last, a.last) || compareNames(a.name, b.name),
  );

  const named = (rows: Map<string, TimeRow>) => [...rows.values()].sort(byTime);
  return {
    since,
    until: today,
    tag: options.tag ?? null,
    people: people.length,
    conversations: conversations.length,
    minutes,
    coverage: share(onTrack, people.length),
    minutesByClass,
    listening: share(withHeard, conversations.length),
    perPerson: named(perPerson).map((row) => ({ ...row, id: row.key, name: byId.get(row.key)!.name })),
    perTeam: named(perTeam),
    perRelationship: named(perRelationship),
    perKind: [...perKind.values()]
      .map((row) => ({ ...row, key: mostUsed(kindSpellings.get(row.key)!) }))
      .sort(byTime),
    weekly,
    longestGaps,
    drifting,
    appreciation,
  };
}
