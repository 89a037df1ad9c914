// The nudge at the end of `rel due`: how many of the meetings the last `rel inbox` listed are
// still to log. `rel inbox` keeps them (ids, day, who); `rel due` takes out those logged or
// dismissed since, with the journal it has read anyway, and never reads a calendar for it.
import type { IsoDate } from './dates.js';
import type { Journal } from './journal.js';
import { isLogged } from './logged.js';

export interface PendingMeeting {
  id: string;
  seriesId: string;
  date: IsoDate;
  /** The ids of the people in the journal who were there. */
  people: string[];
  /** The people there besides you; absent in a list kept before it (then its people alone). */
  size?: number;
}

/** A stored count older than this says nothing: the calendar has moved on since. */
export const NUDGE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * The meetings still to log, by the inbox's own rule (core/logged.ts: logged from the calendar,
 * or by hand that day in its shape, never by a message), and not dismissed (alone or with their
 * series). Undefined when the stored list is too old (or from the future: a clock set back) to
 * say anything.
 */
export function stillToLog(
  stored: { at: string; meetings: PendingMeeting[] },
  journal: Journal,
  now: Date,
  writtenKinds: readonly string[],
): number | undefined {
  const age = now.getTime() - Date.parse(stored.at);
  if (!(age >= 0 && age <= NUDGE_MAX_AGE_MS)) return undefined;
  const dismissals = journal.dismissals ?? [];
  const events = new Set(dismissals.flatMap((d) => (d.eventId ? [d.eventId] : [])));
  const series = new Set(dismissals.flatMap((d) => (d.seriesId ? [d.seriesId] : [])));
  const days = new Set(stored.meetings.map((m) => m.date));
  const ids = new Set(stored.meetings.map((m) => m.id));
  // The conversations that could stand for one: of their days, or logged from one of them.
  const candidates = journal.conversations.filter(
    (c) => days.has(c.date) || (c.eventId !== undefined && ids.has(c.eventId)),
  );
  return stored.meetings.filter(
    (m) =>
      !events.has(m.id) &&
      !series.has(m.seriesId) &&
      !isLogged(
        candidates,
        { id: m.id, date: m.date, people: m.people.map((id) => ({ id })), size: m.size ?? m.people.length },
        writtenKinds,
      ),
  ).length;
}
