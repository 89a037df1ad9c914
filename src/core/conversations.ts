// Conversations: logging one (with what was learned about each person in it and the follow-ups
// promised), and the index of each person's conversations, newest first, that reports read.

import { StoredDayNotInCalendar, UsageError } from '../errors.js';
import { type IsoDate, isCalendarDate } from './dates.js';
import { addAmbition, addAskNext, addSkill, addStep, addThanks, markAsked } from './facts.js';
import { addFollowUp } from './followups.js';
import type { Clock, Conversation, FollowUpOwner, Journal, Person } from './journal.js';
import { recordById } from './records.js';

/** A follow-up as typed: what, and by when (null: no date). */
export interface FollowUpDraft {
  text: string;
  due: IsoDate | null;
  /** Who promised it; you ("me") when unset. */
  owner?: FollowUpOwner;
  /** Made for the whole group: everyone it concerns (the person it is filed under first). */
  personIds?: string[];
}

/** What one person contributed to a conversation: things learned about them, promises made to them. */
export interface PersonalNotes {
  ambitions: string[];
  skills: string[];
  followUps: FollowUpDraft[];
  askNext: string[];
}

export interface NewConversation {
  date: IsoDate;
  with: string[];
  kind: string;
  minutes: number | null;
  note: string;
  heard: string[];
  /** Whom each listening note was heard from (a person id), or null for the group. */
  heardFrom?: (string | null)[] | undefined;
  /** How many others were there in all, when more than those named (`--size`). */
  size?: number | undefined;
  /** A mark by hand: counts as time together (true) or not (false) whatever the rules say. */
  counts?: boolean | undefined;
  /** Keyed by person id. */
  about: Record<string, PersonalNotes>;
  /** Ids of active ambitions that came up: their "last discussed" moves to this date. */
  discussed?: string[];
  /** Ids of "ask next time" notes of the people in it that were asked: marked asked on this date. */
  asked?: string[];
  /** The calendar event it is logged from (`rel inbox log`). */
  eventId?: string;
  /** Steps toward ambitions of the people in it (`--step`): recorded on its day, with it. */
  steps?: { personId: string; ambitionId: string; text: string }[];
  /** Appreciation given in it (`--thanks`), one for each person it is for. */
  thanks?: { personId: string; text: string }[];
}

export function logConversation(journal: Journal, input: NewConversation, clock: Clock): Conversation {
  const createdAt = clock.now.toISOString();
  const conversation: Conversation = {
    id: clock.newId(),
    date: input.date,
    with: input.with,
    kind: input.kind,
    minutes: input.minutes,
    note: input.note,
    heard: input.heard,
    ...(input.heardFrom ? { heardFrom: input.heardFrom } : {}),
    ...(input.size !== undefined && input.size > input.with.length ? { size: input.size } : {}),
    ...(input.counts === undefined ? {} : { counts: input.counts }),
    ...(input.eventId ? { eventId: input.eventId } : {}),
    createdAt,
  };
  journal.conversations.push(conversation);
  const discussed = new Set(input.discussed ?? []);
  const asked = new Set(input.asked ?? []);
  for (const personId of input.with) {
    const person = findPerson(journal, personId);
    for (const ambition of person.ambitions) {
      if (discussed.has(ambition.id) && ambition.lastDiscussedOn < input.date)
        ambition.lastDiscussedOn = input.date;
    }
    for (const item of person.askNext) if (asked.has(item.id)) markAsked(item, input.date);
  }
  for (const step of input.steps ?? []) {
    const ambition = recordById(findPerson(journal, step.personId).ambitions, step.ambitionId);
    if (!ambition) throw new UsageError(`No ambition with id ${step.ambitionId}.`);
    addStep(ambition, step.text, input.date, clock, conversation.id);
  }
  for (const thanks of input.thanks ?? [])
    addThanks(findPerson(journal, thanks.personId), thanks.text, input.date, clock, conversation.id);
  for (const [personId, notes] of Object.entries(input.about)) {
    const person = findPerson(journal, personId);
    for (const text of notes.ambitions) addAmbition(person, text, input.date, clock, conversation.id);
    for (const text of notes.skills) addSkill(person, text, input.date, clock, conversation.id);
    for (const text of notes.askNext) addAskNext(person, text, input.date, clock);
    for (const draft of notes.followUps) {
      addFollowUp(
        journal,
        {
          personId,
          ...(draft.personIds ? { personIds: draft.personIds } : {}),
          text: draft.text,
          due: draft.due,
          owner: draft.owner ?? 'me',
          conversationId: conversation.id,
        },
        clock,
      );
    }
  }
  return conversation;
}

function findPerson(journal: Journal, personId: string): Person {
  const person = recordById(journal.people, personId);
  if (!person) throw new UsageError(`No person with id ${personId}.`);
  return person;
}

/** Conversations grouped by person id, each list sorted newest first: built once per run. */
export type ConversationIndex = Map<string, Conversation[]>;

/**
 * Stops (StoredDayNotInCalendar, exit 1, to rel doctor) at a conversation on a day the calendar
 * has not (2026-02-30, edited by hand): a report that orders conversations by their day would
 * otherwise sort it among the others as text and say someone was last seen on an earlier one.
 */
export function checkConversationDays(conversations: readonly Conversation[]): void {
  for (const c of conversations) if (!isCalendarDate(c.date)) throw new StoredDayNotInCalendar(c.date);
}

export function indexConversations(conversations: readonly Conversation[]): ConversationIndex {
  const index: ConversationIndex = new Map();
  for (const conversation of conversations) {
    for (const personId of conversation.with) {
      const list = index.get(personId);
      if (list) list.push(conversation);
      else index.set(personId, [conversation]);
    }
  }
  for (const list of index.values()) {
    // Conversations are mostly logged in order, so a list is usually oldest first already:
    // reversing it is linear, where sorting it costs a comparison of strings per step.
    if (isStrictlyOldestFirst(list)) list.reverse();
    else list.sort(newestFirst);
  }
  return index;
}

function isStrictlyOldestFirst(list: Conversation[]): boolean {
  for (let i = 1; i < list.length; i++) if (newestFirst(list[i - 1]!, list[i]!) <= 0) return false;
  return true;
}

export function newestFirst(a: Conversation, b: Conversation): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}
