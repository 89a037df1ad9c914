// Follow-ups: making one (for a person or a whole group) and whom it concerns; across everyone,
// what is open and what is overdue, in the order to act on them.
import { compareIso, type IsoDate } from './dates.js';
import { cleanText } from './facts.js';
import type { Clock, FollowUp, FollowUpOwner, Journal, JournalReading } from './journal.js';

export interface TodoItem {
  id: string;
  text: string;
  personId: string;
  person: string;
  /** Everyone it concerns (a follow-up made for a group concerns several), personId first. */
  personIds: string[];
  people: string[];
  owner: FollowUpOwner;
  due: IsoDate | null;
  createdAt: string;
  overdue: boolean;
  conversationId: string | null;
}

export function isOverdue(followUp: FollowUp, today: IsoDate): boolean {
  return followUp.doneAt === null && followUp.due !== null && followUp.due < today;
}

/** Overdue first (longest overdue first), then by due date, then undated ones oldest first. */
export function byUrgency(a: TodoItem, b: TodoItem): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    compareIso(a.due ?? '9999-99-99', b.due ?? '9999-99-99') ||
    compareIso(a.createdAt, b.createdAt)
  );
}

export interface TodoFilter {
  personId?: string;
  owner?: FollowUpOwner;
}

/** Each person's name by id. */
export function peopleNames(journal: Pick<JournalReading, 'people'>): Map<string, string> {
  return new Map(journal.people.map((p) => [p.id, p.name]));
}

export function openFollowUps(journal: JournalReading, today: IsoDate, filter: TodoFilter = {}): TodoItem[] {
  const names = peopleNames(journal);
  return journal.followUps
    .filter((f) => f.doneAt === null)
    .filter((f) => filter.personId === undefined || concerns(f, filter.personId))
    .filter((f) => filter.owner === undefined || f.owner === filter.owner)
    .map((f) => toItem(f, names, today))
    .sort(byUrgency);
}

export function toItem(f: FollowUp, names: ReadonlyMap<string, string>, today: IsoDate): TodoItem {
  const personIds = followUpPeople(f);
  return {
    id: f.id,
    text: f.text,
    personId: f.personId,
    person: names.get(f.personId) ?? f.personId,
    personIds,
    people: personIds.map((id) => names.get(id) ?? id),
    owner: f.owner,
    due: f.due,
    createdAt: f.createdAt,
    overdue: isOverdue(f, today),
    conversationId: f.conversationId,
  };
}

/**
 * The overdue ones of openFollowUps, in the same order: `rel due` lists only these, and a journal
 * holds many more open ones, each of which would be made an item and sorted for nothing.
 */
export function overdueFollowUps(journal: JournalReading, today: IsoDate): TodoItem[] {
  const names = peopleNames(journal);
  return journal.followUps
    .filter((f) => isOverdue(f, today))
    .map((f) => toItem(f, names, today))
    .sort(byUrgency);
}

/** Overdue open follow-ups by person id: for `rel due`. */
export function overdueByPerson(
  journal: Journal,
  today: IsoDate,
): Map<string, { id: string; text: string; due: IsoDate }[]> {
  const map = new Map<string, { id: string; text: string; due: IsoDate }[]>();
  for (const f of journal.followUps) {
    if (!isOverdue(f, today)) continue;
    for (const personId of followUpPeople(f)) {
      const list = map.get(personId) ?? [];
      list.push({ id: f.id, text: f.text, due: f.due! });
      map.set(personId, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => compareIso(a.due, b.due));
  return map;
}

export function closeFollowUp(followUp: FollowUp, now: Date): void {
  followUp.doneAt = now.toISOString();
}

export interface NewFollowUp {
  personId: string;
  /** For a group: everyone it concerns, personId first. */
  personIds?: string[];
  text: string;
  due: IsoDate | null;
  owner: FollowUpOwner;
  conversationId: string | null;
}

export function addFollowUp(journal: Journal, input: NewFollowUp, clock: Clock): FollowUp {
  const people = input.personIds ? [...new Set([input.personId, ...input.personIds])] : [];
  const followUp: FollowUp = {
    id: clock.newId(),
    personId: input.personId,
    ...(people.length > 1 ? { personIds: people } : {}),
    conversationId: input.conversationId,
    text: cleanText(input.text, 'follow-up'),
    owner: input.owner,
    due: input.due,
    doneAt: null,
    createdAt: clock.now.toISOString(),
  };
  journal.followUps.push(followUp);
  return followUp;
}

/** Everyone a follow-up concerns: all of a group's people, or its one person. */
export function followUpPeople(followUp: FollowUp): string[] {
  return followUp.personIds?.length ? followUp.personIds : [followUp.personId];
}

export function concerns(followUp: FollowUp, personId: string): boolean {
  return followUp.personId === personId || (followUp.personIds?.includes(personId) ?? false);
}
