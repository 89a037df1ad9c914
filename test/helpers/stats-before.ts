// rel stats as computed before it read each person's conversations in one pass (src/core/stats.ts
// then indexed every conversation, sorted per person, and listed every gap): kept as the oracle
// the one-pass version must equal, figure for figure, on every journal the tests make. Since then
// a conversation (or thanks) dated after today counts as today in every figure, here as there.
import { startOfWeek } from 'date-fns';
import type { ConversationIndex } from '../../src/core/conversations.js';
import {
  addDaysTo,
  compareIso,
  daysBetween,
  fromIsoDate,
  type IsoDate,
  localDay,
  toIsoDate,
} from '../../src/core/dates.js';
import { checkIn } from '../../src/core/due.js';
import { latest, thanksOf } from '../../src/core/facts.js';
import type { Conversation, Journal, Person } from '../../src/core/journal.js';
import { canonicalKind } from '../../src/core/kinds.js';
import {
  type Appreciated,
  type Drift,
  driftOf,
  type Gap,
  type Share,
  type Stats,
  type StatsOptions,
  type TimeRow,
  type Week,
} from '../../src/core/stats.js';
import { compareNames, normalize } from '../../src/core/text.js';
import {
  type ConversationClass,
  conversationClass,
  countsAsTogether,
  DEFAULT_TOGETHER_RULES,
  kindGroupKey,
} from '../../src/core/together.js';

const LONGEST_GAPS = 5;

function share(count: number, of: number): Share {
  return { count, of, share: of === 0 ? 0 : count / of };
}

function tally(rows: Map<string, TimeRow>, key: string, minutes: number): void {
  const row = rows.get(key) ?? { key, conversations: 0, minutes: 0 };
  row.conversations += 1;
  row.minutes += minutes;
  rows.set(key, row);
}

function byTime(a: TimeRow, b: TimeRow): number {
  return b.minutes - a.minutes || b.conversations - a.conversations || a.key.localeCompare(b.key);
}

function inScope(person: Person, tag: string | undefined): boolean {
  if (person.archivedAt) return false;
  return tag === undefined || person.tags.some((t) => normalize(t) === tag);
}

/** A day after today counts as today. */
function asToday(date: IsoDate, today: IsoDate): IsoDate {
  if (date > today) return today;
  return date;
}

/** Gaps in days between one person's conversation dates (oldest first), and the open one up to today. */

function gapsOf(
  dates: IsoDate[],
  today: IsoDate,
): { closed: { from: IsoDate; to: IsoDate; days: number }[]; open: number } {
  const closed = [];
  for (let i = 1; i < dates.length; i++) {
    const days = daysBetween(asToday(dates[i - 1]!, today), asToday(dates[i]!, today));
    closed.push({ from: dates[i - 1]!, to: dates[i]!, days });
  }
  return { closed, open: daysBetween(asToday(dates.at(-1)!, today), today) };
}

export function statsBefore(journal: Journal, index: ConversationIndex, options: StatsOptions): Stats {
  const { since, today } = options;
  const tag = options.tag === undefined ? undefined : normalize(options.tag);
  const people = journal.people.filter((p) => inScope(p, tag));
  const byId = new Map(people.map((p) => [p.id, p]));
  const inPeriod = (c: Conversation) => c.date >= since;
  const conversations = journal.conversations.filter((c) => inPeriod(c) && c.with.some((id) => byId.has(id)));

  const perPerson = new Map<string, TimeRow>();
  const perTeam = new Map<string, TimeRow>();
  const perRelationship = new Map<string, TimeRow>();
  const perKind = new Map<string, TimeRow>();
  const rules = options.rules ?? DEFAULT_TOGETHER_RULES;
  const minutesByClass: Record<ConversationClass, number> = { alone: 0, smallGroup: 0, group: 0, written: 0 };
  // One kind, several spellings ("e-mail", "emails"): named by the spelling used most, then the
  // one used last, then the first met.
  const kindSpellings = new Map<string, { spelling: string; count: number; last: string }[]>();
  let minutes = 0;
  let withHeard = 0;
  for (const c of conversations) {
    const spent = c.minutes ?? 0;
    minutes += spent;
    minutesByClass[conversationClass(c, rules.writtenKinds)] += spent;
    if (c.heard.some((h) => h.trim())) withHeard += 1;
    const key = kindGroupKey(c.kind, rules.writtenKinds);
    tally(perKind, key, spent);
    const spellings = kindSpellings.get(key) ?? [];
    kindSpellings.set(key, spellings);
    const spelling = spellings.find((s) => s.spelling === canonicalKind(c.kind));
    const when = `${c.date} ${c.createdAt}`;
    if (spelling) {
      spelling.count += 1;
      spelling.last = spelling.last > when ? spelling.last : when;
    } else spellings.push({ spelling: canonicalKind(c.kind), count: 1, last: when });
    const present = c.with.map((id) => byId.get(id)).filter((p): p is Person => p !== undefined);
    // An hour's all-hands is not an hour with each of the seven people in it.
    if (countsAsTogether(c, rules)) for (const p of present) tally(perPerson, p.id, spent);
    // A meeting with two people of one team is one conversation with that team.
    for (const team of new Set(present.map((p) => p.team))) tally(perTeam, team, spent);
    for (const kind of new Set(present.map((p) => p.relationship))) tally(perRelationship, kind, spent);
  }

  const weekStartsOn = options.weekStartsOn ?? 1;
  const weekOf = (date: IsoDate) => toIsoDate(startOfWeek(fromIsoDate(date), { weekStartsOn }));
  const weekly: Week[] = [];
  for (let start = weekOf(since); start <= today; start = addDaysTo(start, 7)) {
    weekly.push({ start, conversations: 0, minutes: 0 });
  }
  const weekIndex = new Map(weekly.map((w, i) => [w.start, i]));
  for (const c of conversations) {
    const week = weekly[weekIndex.get(weekOf(asToday(c.date, today)))!]!;
    week.conversations += 1;
    week.minutes += c.minutes ?? 0;
  }

  let onTrack = 0;
  const gaps: Gap[] = [];
  const drifting: Drift[] = [];
  for (const person of people) {
    const state = checkIn(person, index, today, options.defaultCadence, options.rules);
    if (state.daysSinceTogether !== null && state.daysSinceTogether <= state.cadenceDays) onTrack += 1;
    const base = { id: person.id, name: person.name, cadenceDays: state.cadenceDays };
    // Gaps and drift are between times together, as the cadence is.
    const dates = (index.get(person.id) ?? [])
      .filter((c) => countsAsTogether(c, rules))
      .map((c) => c.date)
      .reverse();
    if (dates.length === 0) {
      // Counted from when they were added, or from the start of the period if that is later.
      // From the day they were added, not clipped to the period (as computeStats counts it).
      const added = localDay(person.createdAt);
      gaps.push({
        ...base,
        days: Math.max(0, daysBetween(added, today)),
        from: null,
        to: null,
        addedOn: added,
      });
      continue;
    }
    const { closed, open } = gapsOf(dates, today);
    const candidates: Gap[] = [
      ...closed.filter((g) => g.to >= since).map((g) => ({ ...base, ...g })),
      { ...base, days: open, from: dates.at(-1)!, to: null },
    ];
    gaps.push(candidates.reduce((a, b) => (b.days > a.days ? b : a)));
    const drift = driftOf(
      closed.map((g) => g.days),
      open,
      state.cadenceDays,
    );
    if (drift) drifting.push({ ...base, ...drift });
  }
  gaps.sort((a, b) => b.days - a.days || compareNames(a.name, b.name));
  drifting.sort(
    (a, b) => b.gaps.at(-1)! / b.cadenceDays - a.gaps.at(-1)! / a.cadenceDays || compareNames(a.name, b.name),
  );

  const appreciation: Appreciated[] = [];
  for (const person of people) {
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
      .map((row) => {
        const spellings = kindSpellings.get(row.key)!;
        const name = [...spellings].sort(
          (a, b) => b.count - a.count || (a.last < b.last ? 1 : a.last > b.last ? -1 : 0),
        )[0]!;
        return { ...row, key: name.spelling };
      })
      .sort(byTime),
    weekly,
    longestGaps: gaps.slice(0, LONGEST_GAPS),
    drifting,
    appreciation,
  };
}
