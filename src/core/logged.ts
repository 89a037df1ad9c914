// Whether a calendar meeting is logged in the journal: the one rule for `rel inbox` (its list,
// `rel inbox log`, the walk) and for the nudge at the end of `rel due`. A module of its own,
// light to load, since `rel due` reads it without the rest of the inbox.
import type { IsoDate } from './dates.js';
import type { Conversation } from './journal.js';
import { conversationSize, isWrittenKind } from './together.js';

/** What of a meeting decides whether a conversation stands for it. */
export interface LoggedRow {
  /** The meeting's inbox id. */
  id: string;
  date: IsoDate;
  /** Its people from the journal. */
  people: { id: string }[];
  /** The people there besides you. */
  size: number;
}

/**
 * Whether a conversation stands for the meeting. One logged from a meeting (it carries the
 * event's id) stands for that meeting alone. One logged by hand stands for a meeting that day of
 * the same shape: a one-to-one needs a conversation with that person alone, a meeting of several a
 * conversation of several that has all of its people from the journal; so a group meeting does not
 * hide a lunch that day with one of its people, nor the lunch the group meeting. A written kind
 * (a Slack message logged by hand) stands for no meeting.
 */
function standsFor(c: Conversation, row: LoggedRow, writtenKinds: readonly string[]): boolean {
  if (c.eventId) return c.eventId === row.id;
  // A message that day (Slack, e-mail) is not the meeting: it was not time together.
  if (c.date !== row.date || isWrittenKind(c.kind, writtenKinds)) return false;
  const size = conversationSize(c);
  if (row.size <= 1) return size === 1 && c.with.length === 1 && c.with[0] === row.people[0]?.id;
  return size > 1 && row.people.every((p) => c.with.includes(p.id));
}

/**
 * Whether the meeting is logged: the one rule for the inbox's list, `rel inbox log`, the walk
 * (checked again there on the journal read under the write's lock) and `rel due`'s nudge.
 */
export function isLogged(
  conversations: readonly Conversation[],
  row: LoggedRow,
  writtenKinds: readonly string[],
): boolean {
  return conversations.some((c) => standsFor(c, row, writtenKinds));
}
