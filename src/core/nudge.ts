// The nudge at the end of `rel due`: how many of the meetings the last `rel inbox` listed are
// still to log. `rel inbox` keeps them (ids, day, who); `rel due` takes out those logged or
// dismissed since, with the journal it has read anyway, and never reads a calendar for it.
import type { IsoDate } from './dates.js';
import type { Journal } from './journal.js';

export interface PendingMeeting {
  id: string;
  seriesId: string;
  date: IsoDate;
  /** The ids of the people in the journal who were there. */
  people: string[];
}

/** A stored count older than this says nothing: the calendar has moved on since. */
export const NUDGE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * The meetings still to log, by the inbox's own rules: not logged from the calendar, not logged
 * that day with all of them, not dismissed (alone or with their series). Undefined when the
 * stored list is too old (or from the future: a clock set back) to say anything.
 */
export function stillToLog(
  stored: { at: string; meetings: PendingMeeting[] },
  journal: Journal,
  now: Date,
): number | undefined {
  const age = now.getTime() - Date.parse(stored.at);
  if (!(age >= 0 && age <= NUDGE_MAX_AGE_MS)) return undefined;
  const logged = new Set(journal.conversations.flatMap((c) => (c.eventId ? [c.eventId] : [])));
  const dismissals = journal.dismissals ?? [];
  const events = new Set(dismissals.flatMap((d) => (d.eventId ? [d.eventId] : [])));
  const series = new Set(dismissals.flatMap((d) => (d.seriesId ? [d.seriesId] : [])));
  const days = new Set(stored.meetings.map((m) => m.date));
  const onThoseDays = journal.conversations.filter((c) => days.has(c.date));
  return stored.meetings.filter(
    (m) =>
      !logged.has(m.id) &&
      !events.has(m.id) &&
      !series.has(m.seriesId) &&
      !onThoseDays.some((c) => c.date === m.date && m.people.every((p) => c.with.includes(p))),
  ).length;
}
