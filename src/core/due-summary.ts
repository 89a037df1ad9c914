// The journal cut down to what `rel due` and `rel people` read, so that it can be kept beside the
// journal (see store/due-summary.ts) and read in a few milliseconds instead of parsing the whole
// file. It is itself a Journal: both commands run their own code on it unchanged, and give the
// same report because nothing that code reads was cut. What they read, and so what is kept:
//   - every person, archived or not, with every field but the long lists (ambitions, skills, notes, questions,
//     e-mails), and of their thanks only the latest (due's "last appreciated");
//   - of the conversations, per person the newest (last seen, last contact) and the newest that
//     is time together under the rules in force (the check-in); the one created first (whether
//     the journal is older than the time-together rule, for the upgrade notice); every one logged
//     from a calendar event and every one since the horizon (the inbox nudge);
//   - every open follow-up, whole (overdue follow-ups and their people), and every dismissal.
// Dates are kept, never "days overdue": the report is computed for whatever day it is read on.

import { StoredDayNotInCalendar } from '../errors.js';
import { newestFirst } from './conversations.js';
import { addDaysTo, type IsoDate, isCalendarDate } from './dates.js';
import { latest } from './facts.js';
import type { Conversation, Journal, Person } from './journal.js';
import { cutPerson } from './person-cut.js';
import { countsAsTogether, type TogetherRules } from './together.js';

/**
 * How far back the kept conversations cover every day: the inbox nudge asks whether a meeting was
 * logged on its day, and a summary whose horizon is after a meeting's day cannot say (then the
 * journal is read in full).
 */
export const NUDGE_HORIZON_DAYS = 90;

/** The horizon of a cut made on `today`. */
export function dueHorizon(today: IsoDate): IsoDate {
  return addDaysTo(today, -NUDGE_HORIZON_DAYS);
}

export interface DueJournal {
  journal: Journal;
  /** Every conversation on or after this day is kept. */
  horizon: IsoDate;
}

export function dueJournal(journal: Journal, rules: TogetherRules, today: IsoDate): DueJournal {
  return cut(journal, journal.conversations, rules, today);
}

/**
 * dueJournal of a journal whose conversations are those of an earlier journal, unchanged and in
 * their order, with `added` more after them, from the summary of that earlier journal cut on the
 * same day under the same rules: every conversation the whole journal's cut keeps is one the
 * earlier cut kept (it was newest, newest together or first among fewer, or is kept for its day or
 * its event) or one of those added, so the cut of those alone is the same, in the same order.
 */
export function dueJournalAfter(
  earlier: DueJournal,
  journal: Journal,
  added: number,
  rules: TogetherRules,
  today: IsoDate,
): DueJournal {
  const { conversations } = journal;
  const candidates = earlier.journal.conversations.concat(conversations.slice(conversations.length - added));
  return cut(journal, candidates, rules, today);
}

/** The journal cut down, keeping of its conversations those of `candidates` that rel due reads. */
function cut(journal: Journal, candidates: Conversation[], rules: TogetherRules, today: IsoDate): DueJournal {
  const horizon = dueHorizon(today);
  // One pass, no index: per person the first of the conversations that indexConversations would
  // list first (newest, and of equals the earlier in the file), overall and of those together.
  // By position, so that a mark per candidate says which are kept, in the journal's order. From
  // the end: a journal is mostly in the order it was logged, so a person's newest comes first
  // and what comes after rarely displaces it; whether a conversation counts as time together is
  // asked only when it would be someone's newest of those together (of equals, the earlier wins).
  const met = new Map<string, { newest: number; together: number }>();
  const kept = new Uint8Array(candidates.length);
  let first = -1;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    // A day not in the calendar would sort among the others as text: no summary is cut, and
    // rel due, reading the journal in full, stops at it.
    if (!isCalendarDate(c.date)) throw new StoredDayNotInCalendar(c.date);
    let counts: boolean | undefined;
    const people = c.with;
    for (let k = 0; k < people.length; k++) {
      const id = people[k]!;
      const seen = met.get(id);
      if (!seen) {
        counts ??= countsAsTogether(c, rules);
        met.set(id, { newest: i, together: counts ? i : -1 });
        continue;
      }
      if (newestFirst(c, candidates[seen.newest]!) <= 0) seen.newest = i;
      if (seen.together < 0 || newestFirst(c, candidates[seen.together]!) <= 0) {
        counts ??= countsAsTogether(c, rules);
        if (counts) seen.together = i;
      }
    }
    if (c.eventId !== undefined || c.date >= horizon) kept[i] = 1;
    if (first < 0 || c.createdAt <= candidates[first]!.createdAt) first = i;
  }
  for (const { newest, together } of met.values()) {
    kept[newest] = 1;
    if (together >= 0) kept[together] = 1;
  }
  if (first >= 0) kept[first] = 1;
  // In the journal's own order: indexing the kept ones gives each person the same order.
  const conversations: Conversation[] = [];
  for (let i = 0; i < candidates.length; i++)
    if (kept[i]) conversations.push(dueConversation(candidates[i]!));
  return {
    horizon,
    journal: {
      schema: journal.schema,
      people: journal.people.map(duePerson),
      conversations,
      followUps: journal.followUps.filter((f) => f.doneAt === null),
      tombstones: [],
      ...(journal.dismissals ? { dismissals: journal.dismissals } : {}),
    },
  };
}

/** Of a person's fields, besides the lists a cut leaves empty, those the due cut leaves out (thanks: all but the latest). */
const LEFT_OUT = new Set(['emails', 'thanks']);

function duePerson(person: Person): Person {
  const kept = cutPerson(person, LEFT_OUT);
  const { thanks } = person;
  if (thanks) {
    const last = latest(thanks);
    kept.thanks = last ? [last] : [];
  }
  return kept as unknown as Person;
}

function dueConversation(c: Conversation): Conversation {
  return {
    id: c.id,
    date: c.date,
    with: c.with,
    kind: c.kind,
    minutes: null,
    note: '',
    heard: [],
    ...(c.size !== undefined ? { size: c.size } : {}),
    ...(c.counts !== undefined ? { counts: c.counts } : {}),
    ...(c.eventId !== undefined ? { eventId: c.eventId } : {}),
    createdAt: c.createdAt,
  };
}
