// The journal's data, as stored (schema 2), and the pure operations that change it.
// Every operation takes the journal and returns what it made; the store persists it.
import { UsageError } from '../errors.js';
import type { Birthday } from './birthdays.js';
import { type IsoDate, localDay } from './dates.js';
import { editEmails } from './emails.js';
import { normalize, slugify } from './text.js';

export const SCHEMA_VERSION = 2;

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

export interface NewPerson {
  name: string;
  role?: string | undefined;
  team?: string | undefined;
  relationship?: string | undefined;
  tags?: string[] | undefined;
  aliases?: string[] | undefined;
  cadenceDays?: number | null | undefined;
  birthday?: Birthday | null | undefined;
  notes?: string[] | undefined;
  emails?: string[] | undefined;
}

export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** Refuses a blank name and a name already taken (ignoring case and accents). */
export function checkNewName(journal: Journal, name: string, except?: string): string {
  const clean = cleanName(name);
  if (!normalize(clean))
    throw new UsageError('A name cannot be empty.', 'Give the person\'s name, e.g. rel add "Ana Silva".');
  const key = normalize(clean);
  const twin = journal.people.find((p) => p.id !== except && normalize(p.name) === key);
  if (twin) {
    throw new UsageError(
      `${twin.name} is already in your journal (id ${twin.id}).`,
      `Two people cannot share a name; add something that tells them apart, e.g. "${clean} (Design)".`,
    );
  }
  return clean;
}

/** `taken` may be passed in when adding many people at once, to avoid rebuilding it for each. */
export function uniquePersonId(
  journal: Journal,
  name: string,
  taken: Set<string> = new Set(journal.people.map((p) => p.id)),
): string {
  const base = slugify(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function addPerson(journal: Journal, input: NewPerson, clock: Clock): Person {
  const name = checkNewName(journal, input.name);
  const emails = editEmails(journal, { id: '', name }, input.emails ?? []);
  const person = newPersonRecord(journal, { ...input, name, emails }, clock);
  journal.people.push(person);
  return person;
}

/** A person's record, with a fresh id; the name is taken as it is (checkNewName is the caller's). */
export function newPersonRecord(
  journal: Journal,
  input: NewPerson,
  clock: Clock,
  taken?: Set<string>,
): Person {
  const createdAt = clock.now.toISOString();
  return {
    id: uniquePersonId(journal, input.name, taken),
    name: input.name,
    aliases: unique(input.aliases ?? []),
    role: input.role?.trim() ?? '',
    team: input.team?.trim() ?? '',
    relationship: input.relationship?.trim() ?? '',
    tags: unique(input.tags ?? []),
    cadenceDays: input.cadenceDays ?? null,
    ambitions: [],
    skills: [],
    birthday: input.birthday ?? null,
    notes: unique(input.notes ?? []).map((text) => ({
      id: clock.newId(),
      text,
      addedOn: localDay(createdAt),
    })),
    askNext: [],
    snoozedUntil: null,
    createdAt,
    archivedAt: null,
    // Written only when there are some: older journals have none, and most people need none.
    ...(input.emails?.length ? { emails: input.emails } : {}),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

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
    const ambition = findPerson(journal, step.personId).ambitions.find((a) => a.id === step.ambitionId);
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
  const person = journal.people.find((p) => p.id === personId);
  if (!person) throw new UsageError(`No person with id ${personId}.`);
  return person;
}

function cleanText(text: string, what: string): string {
  const clean = text.trim();
  if (!clean) throw new UsageError(`The ${what} is empty.`, `Give the ${what} in quotes.`);
  return clean;
}

export function addAmbition(
  person: Person,
  text: string,
  on: IsoDate,
  clock: Clock,
  conversationId: string | null = null,
): Ambition {
  const ambition: Ambition = {
    id: clock.newId(),
    text: cleanText(text, 'ambition'),
    addedOn: on,
    status: 'active',
    lastDiscussedOn: on,
    statusChangedOn: null,
    conversationId,
  };
  person.ambitions.push(ambition);
  return ambition;
}

export function stepsOf(ambition: Ambition): AmbitionStep[] {
  return ambition.steps ?? [];
}

export function thanksOf(person: Person): Thanks[] {
  return person.thanks ?? [];
}

/** The latest of dated records (the one recorded last among those of the same day), or null. */
export function latest<T extends { on: IsoDate }>(records: T[]): T | null {
  let found: T | null = null;
  for (const r of records) if (!found || r.on >= found.on) found = r;
  return found;
}

/**
 * Records a step toward an active ambition. A step is the ambition coming up: its "last
 * discussed" day moves to the step's day (never back).
 */
export function addStep(
  ambition: Ambition,
  text: string,
  on: IsoDate,
  clock: Clock,
  conversationId: string | null = null,
): AmbitionStep {
  if (ambition.status !== 'active') {
    throw new UsageError(
      `"${ambition.text}" is ${ambition.status}; steps are recorded toward active ambitions.`,
      'Reopen it first if it is being worked toward again: rel ambition reopen <name> <words>.',
    );
  }
  const step: AmbitionStep = { id: clock.newId(), text: cleanText(text, 'step'), on, conversationId };
  ambition.steps = [...stepsOf(ambition), step];
  if (ambition.lastDiscussedOn < on) ambition.lastDiscussedOn = on;
  return step;
}

export function addThanks(
  person: Person,
  text: string,
  on: IsoDate,
  clock: Clock,
  conversationId: string | null = null,
): Thanks {
  const thanks: Thanks = { id: clock.newId(), text: cleanText(text, 'appreciation'), on, conversationId };
  person.thanks = [...thanksOf(person), thanks];
  return thanks;
}

export function setAmbitionStatus(ambition: Ambition, status: AmbitionStatus, on: IsoDate): void {
  ambition.status = status;
  ambition.statusChangedOn = on;
  // Knowing that it moved means it was talked about.
  if (ambition.lastDiscussedOn < on) ambition.lastDiscussedOn = on;
}

export function addSkill(
  person: Person,
  text: string,
  on: IsoDate,
  clock: Clock,
  conversationId: string | null = null,
): Skill {
  const skill: Skill = { id: clock.newId(), text: cleanText(text, 'skill'), addedOn: on, conversationId };
  person.skills.push(skill);
  return skill;
}

export function addNote(person: Person, text: string, on: IsoDate, clock: Clock): Note {
  const note: Note = { id: clock.newId(), text: cleanText(text, 'note'), addedOn: on };
  person.notes.push(note);
  return note;
}

export function addAskNext(person: Person, text: string, on: IsoDate, clock: Clock): AskNext {
  const item: AskNext = { id: clock.newId(), text: cleanText(text, 'question'), addedOn: on };
  person.askNext.push(item);
  return item;
}

/** The "ask next time" notes not yet asked. */
export function openAskNext(person: Person): AskNext[] {
  return person.askNext.filter((a) => !a.askedOn);
}

/** Marks a note asked on that day; one asked already keeps its day. False when it was. */
export function markAsked(item: AskNext, on: IsoDate): boolean {
  if (item.askedOn) return false;
  item.askedOn = on;
  return true;
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

/** Conversations grouped by person id, each list sorted newest first: built once per run. */
export type ConversationIndex = Map<string, Conversation[]>;

export function indexConversations(conversations: Conversation[]): ConversationIndex {
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

/** The local calendar day a person was added: the start of their first cadence. */
export function addedOn(person: Person): IsoDate {
  return localDay(person.createdAt);
}
