// The journal's data, as stored (schema 2): the records' types, and the one place where records
// written by an earlier rel are made whole. The pure operations that change it are by record:
// new-person.ts, people.ts, facts.ts (what is learned about a person), conversations.ts,
// followups.ts; the store persists what they make.
import type { IsoDate } from './dates.js';

export const SCHEMA_VERSION = 2;

/** A birthday as stored: "1990-05-17", or "05-17" when the year is not known (see birthdays.ts). */
export type Birthday = string;

export type AmbitionStatus = 'active' | 'achieved' | 'dropped';

export interface Ambition {
  id: string;
  text: string;
  addedOn: IsoDate;
  status: AmbitionStatus;
  /** The last day it came up in a conversation; addedOn until then. */
  lastDiscussedOn: IsoDate;
  /** The day the status last changed; null while it has never changed. */
  statusChangedOn: IsoDate | null;
  conversationId: string | null;
  /**
   * Steps taken or opportunities given toward it (`rel ambition step`), in the order recorded;
   * absent until the first one. Read them with stepsOf().
   */
  steps?: AmbitionStep[];
}

/** Something done toward an ambition: design work given to a would-be designer. */
export interface AmbitionStep {
  id: string;
  text: string;
  /** The day it was done (the conversation's day when logged with one). */
  on: IsoDate;
  conversationId: string | null;
}

/** Appreciation you gave someone (`rel thanks`): what for, and when. */
export interface Thanks {
  id: string;
  text: string;
  on: IsoDate;
  conversationId: string | null;
}

export interface Skill {
  id: string;
  text: string;
  addedOn: IsoDate;
  conversationId: string | null;
}

/**
 * Something to ask about next time. It stays open until it is marked asked; then it is kept, with
 * the day (so that `rel ask --all` can say when).
 */
export interface AskNext {
  id: string;
  text: string;
  addedOn: IsoDate;
  /** The day it was asked; absent (or null) while it is open. Absent in older journals. */
  askedOn?: IsoDate | null;
}

export interface Person {
  id: string;
  name: string;
  aliases: string[];
  role: string;
  team: string;
  relationship: string;
  tags: string[];
  /** null means the default cadence. */
  cadenceDays: number | null;
  ambitions: Ambition[];
  skills: Skill[];
  /** "YYYY-MM-DD", or "MM-DD" when the year is not known; absent in journals written before birthdays. */
  birthday?: Birthday | null;
  /** Free personal notes: family, interests, what they care about (defaulted to [] on read). */
  notes: Note[];
  /** Things to ask about next time, open and asked (see AskNext). */
  askNext: AskNext[];
  /** Hidden from `rel due` while today is before this day. */
  snoozedUntil: IsoDate | null;
  createdAt: string;
  archivedAt: string | null;
  /** The day `rel left` recorded that they left (alumni); absent while they have not. */
  leftOn?: IsoDate;
  /** Their cadence before `rel left` (null: the default), restored by `rel left --off`. */
  cadenceBeforeLeft?: number | null;
  /** E-mail addresses, to match calendar attendees and contacts; absent in older journals. */
  emails?: string[];
  /** Appreciation you gave them, in the order recorded; absent until the first. Read with thanksOf(). */
  thanks?: Thanks[];
  /** When the record last changed (set by the store on every write that changes it); schema 2. */
  updatedAt?: string;
}

export interface Note {
  id: string;
  text: string;
  addedOn: IsoDate;
}

export interface Conversation {
  id: string;
  date: IsoDate;
  with: string[];
  kind: string;
  minutes: number | null;
  note: string;
  heard: string[];
  /** With several people: whom each listening note was heard from (an id), null for the group. */
  heardFrom?: (string | null)[];
  /** How many people besides you were there in all, when more than those named (never fewer). */
  size?: number;
  /** A mark by hand: true or false wins over the rules of time together; absent, the rules decide. */
  counts?: boolean;
  /** The calendar event this conversation was logged from (`rel inbox log`). */
  eventId?: string;
  createdAt: string;
  updatedAt?: string;
}

export type FollowUpOwner = 'me' | 'them';

export interface FollowUp {
  id: string;
  /** The person it is for; for a follow-up made for a group, the first of them. */
  personId: string;
  /**
   * Everyone a follow-up made for a group concerns, `personId` first; absent when it concerns
   * one person (and in journals written before group follow-ups). Read it with followUpPeople().
   */
  personIds?: string[];
  conversationId: string | null;
  text: string;
  /** Who made the commitment: "me" (you promised) or "them" (they promised). */
  owner: FollowUpOwner;
  due: IsoDate | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt?: string;
}

/**
 * What remains of a deleted record, so that a merge with a copy that still has it does not bring
 * it back. The id is kept only as a hash (a person's id is a slug of their name).
 */
export interface Tombstone {
  /** The top-level list the record was in: people, conversations, followUps, ... */
  collection: string;
  idHash: string;
  deletedAt: string;
  /** For a person merged into another: the id of the person they went into. */
  mergedInto?: string;
  /**
   * For a person merged into another: the records the merge gave the person kept, by id (their
   * conversations and follow-ups, their ambitions, skills, notes, questions and thanks). When
   * another machine merged the same person into someone else and that merge stands, these follow
   * it, and what was logged with the person kept after this merge stays (merge-moved.ts).
   * Absent in merges made by an older rel, and when the duplicate had nothing.
   */
  moved?: string[];
  /** Of `moved`, the conversations and follow-ups that named the person kept as well. */
  movedBeside?: string[];
  /**
   * When two machines deleted the record apart and a merge kept this one: the latest other
   * deletion's time. An undo of one deletion does not take back the other.
   */
  alsoDeletedAt?: string;
  /**
   * Written by `rel forget`: the deletion can never be taken back. No undo (`restores`), restore
   * or merge voids or drops it, and it removes every record it names made before `deletedAt`.
   */
  forgotten?: true;
  /**
   * Written by `rel forget` (since `byId` exists): the forget removes every record with this id,
   * whenever it was made, so that a clock behind on the forgetting machine cannot make the person
   * look added after the forget. A person added again takes another id (new-person.ts), and a
   * merge gives another id to a record another machine made apart (merge-namesakes.ts). A forget
   * tombstone without it (an older rel's) spares a record created after its `deletedAt`.
   */
  byId?: true;
}

/**
 * A calendar meeting hidden from `rel inbox` for good (`rel inbox dismiss`). In the journal, not a
 * side file, so that sync carries it and `rel undo` takes it back.
 */
export interface Dismissal {
  id: string;
  /** The occurrence dismissed (an inbox id), absent when a whole series is. */
  eventId?: string;
  /** The series dismissed (every occurrence), absent when one occurrence is. */
  seriesId?: string;
  /** For a series: the meeting's id it was dismissed by, which `rel inbox restore` also takes. */
  fromEventId?: string;
  /** What it was, for `rel inbox --dismissed`: its title and when it (first) started. */
  title: string;
  start: string;
  createdAt: string;
  updatedAt?: string;
}

export interface Journal {
  schema: number;
  people: Person[];
  conversations: Conversation[];
  followUps: FollowUp[];
  /** Since schema 2. */
  tombstones: Tombstone[];
  /** Meetings dismissed from `rel inbox`; absent until the first one (within schema 2). */
  dismissals?: Dismissal[];
}

/**
 * A journal to read, never to change: what a report may be given of the journal, the whole or
 * the part it needs (store/partial.ts). Its lists are read-only, so that it cannot be passed to
 * anything that changes a Journal, and so never becomes what a write writes.
 */
export interface JournalReading {
  readonly schema: number;
  readonly people: readonly Person[];
  readonly conversations: readonly Conversation[];
  readonly followUps: readonly FollowUp[];
  readonly tombstones: readonly Tombstone[];
  readonly dismissals?: readonly Dismissal[];
}

export function emptyJournal(): Journal {
  return { schema: SCHEMA_VERSION, people: [], conversations: [], followUps: [], tombstones: [] };
}

/**
 * Fills in fields that files written by an earlier rel lack, in place: the one place where
 * older records are made whole, so that the rest of the code can rely on every field.
 */
export function withDefaults(journal: Journal): Journal {
  // A newer schema may be shaped otherwise; fill what is there and leave the rest alone.
  for (const collection of ['people', 'followUps'] as const) {
    const records: unknown = journal[collection];
    if (Array.isArray(records)) for (const record of records) withRecordDefaults(collection, record);
  }
  return journal;
}

/** withDefaults for one record of a top-level list (`people`, `followUps`, …); returns it. */
export function withRecordDefaults<T>(collection: string, record: T): T {
  if (typeof record !== 'object' || record === null) return record;
  if (collection === 'people') {
    const person = record as Partial<Person>;
    person.notes ??= [];
    person.askNext ??= [];
    person.snoozedUntil ??= null;
    for (const ambition of person.ambitions ?? []) {
      ambition.status ??= 'active';
      ambition.lastDiscussedOn ??= ambition.addedOn;
      ambition.statusChangedOn ??= null;
      ambition.conversationId ??= null;
    }
    for (const skill of person.skills ?? []) skill.conversationId ??= null;
  } else if (collection === 'followUps') {
    (record as Partial<FollowUp>).owner ??= 'me';
  }
  return record;
}

/** Random ids are passed in so that the core stays deterministic under test. */
export type IdSource = () => string;

export interface Clock {
  now: Date;
  newId: IdSource;
}
