// The fields of the journal's records, each named once with what the code that goes through a
// record field by field does with it: rel merge (people.ts mergePeople, and merge-moved.ts when a
// sync brings changes to someone merged away), the summaries kept beside the journal
// (person-cut.ts, due-summary.ts, stats-summary.ts), rel export's people table (export.ts) and the
// references a merge of journals re-points (merge-namesakes.ts, merge-tombstones.ts). Each table
// `satisfies` a record of every key of its type: a field added to Person, Conversation or FollowUp
// and not here fails the type check, so that each of those places is decided for it
// (test/core/record-fields.test.ts holds them to what the tables say).
import type { Conversation, FollowUp, Person } from './journal.js';

/**
 * What rel merge does with a field of the duplicate:
 *  - own: the person kept's, always (what says which record it is: its id, its last change);
 *  - alias: the duplicate's name becomes an alias of the person kept;
 *  - fill: taken when the person kept has none (empty, null or absent);
 *  - join: lists of words put together, each once;
 *  - append: lists of records, the duplicate's after the person kept's;
 *  - earliest: the earlier of the two (known since the first of them);
 *  - keeper: the person kept's own state (archived, snoozed, left), the duplicate's not taken.
 */
export type OnMerge = 'own' | 'alias' | 'fill' | 'join' | 'append' | 'earliest' | 'keeper';

export interface PersonField {
  merge: OnMerge;
  /** Left empty in the summaries beside the journal: long lists no summary's report reads. */
  emptiedInSummaries?: true;
  /** The column of rel export's people table that holds it; absent when no column does. */
  csv?: string;
}

export const PERSON_FIELDS = {
  id: { merge: 'own', csv: 'id' },
  name: { merge: 'alias', csv: 'name' },
  aliases: { merge: 'join', csv: 'aliases' },
  role: { merge: 'fill', csv: 'role' },
  team: { merge: 'fill', csv: 'team' },
  relationship: { merge: 'fill', csv: 'relationship' },
  tags: { merge: 'join', csv: 'tags' },
  cadenceDays: { merge: 'fill', csv: 'cadence' },
  ambitions: { merge: 'append', emptiedInSummaries: true },
  skills: { merge: 'append', emptiedInSummaries: true },
  birthday: { merge: 'fill', csv: 'birthday' },
  notes: { merge: 'append', emptiedInSummaries: true, csv: 'notes' },
  askNext: { merge: 'append', emptiedInSummaries: true },
  snoozedUntil: { merge: 'keeper' },
  createdAt: { merge: 'earliest', csv: 'added' },
  archivedAt: { merge: 'keeper', csv: 'archived' },
  leftOn: { merge: 'keeper' },
  cadenceBeforeLeft: { merge: 'keeper' },
  emails: { merge: 'join', csv: 'emails' },
  thanks: { merge: 'append' },
  updatedAt: { merge: 'own' },
} as const satisfies Record<keyof Person, PersonField>;

type PersonKey = keyof typeof PERSON_FIELDS;

function personFields<K extends PersonKey>(test: (field: PersonField) => boolean): K[] {
  return (Object.keys(PERSON_FIELDS) as PersonKey[]).filter((key) =>
    test(PERSON_FIELDS[key] as PersonField),
  ) as K[];
}

/** Person fields that rel merge takes from the duplicate when the person kept has none. */
export type FilledField = {
  [K in PersonKey]: (typeof PERSON_FIELDS)[K]['merge'] extends 'fill' ? K : never;
}[PersonKey];
export const FILLED_ON_MERGE: readonly FilledField[] = personFields((f) => f.merge === 'fill');

/** Person fields, lists of records, that rel merge puts together: the duplicate's after the kept's. */
export type AppendedField = {
  [K in PersonKey]: (typeof PERSON_FIELDS)[K]['merge'] extends 'append' ? K : never;
}[PersonKey];
export const APPENDED_ON_MERGE: readonly AppendedField[] = personFields((f) => f.merge === 'append');

/** Person fields that say which record it is, never what is known of them (rel merge leaves them). */
export const OWN_ON_MERGE: readonly PersonKey[] = personFields(
  (f) => f.merge === 'own' || f.merge === 'earliest',
);

/** The lists a summary's person has empty, in the person's order. */
export const EMPTIED_IN_SUMMARIES: readonly PersonKey[] = personFields((f) => f.emptiedInSummaries === true);

/**
 * What a field of a conversation or follow-up points at:
 *  - people: person ids (a list, or one);
 *  - speakers: a person id or null for each listening note, in their order;
 *  - conversation: a conversation's id, or null;
 *  - nothing: it holds no id of another record.
 */
export type Refers = 'people' | 'speakers' | 'conversation' | 'nothing';

/**
 * How the summaries beside the journal hold a conversation's field: kept as it is, blank (the
 * field there, with nothing in it: no note, no minutes) or left out.
 */
export type InSummary = 'kept' | 'blank' | 'left out';

export interface ConversationField {
  refers: Refers;
  /** In the summary for rel due and rel people (due-summary.ts). */
  due: InSummary;
  /** In the summary for rel stats (stats-summary.ts); `heard` keeps only whether there was any. */
  stats: InSummary | 'marked';
}

export const CONVERSATION_FIELDS = {
  id: { refers: 'nothing', due: 'kept', stats: 'kept' },
  date: { refers: 'nothing', due: 'kept', stats: 'kept' },
  with: { refers: 'people', due: 'kept', stats: 'kept' },
  kind: { refers: 'nothing', due: 'kept', stats: 'kept' },
  minutes: { refers: 'nothing', due: 'blank', stats: 'kept' },
  note: { refers: 'nothing', due: 'blank', stats: 'blank' },
  heard: { refers: 'nothing', due: 'blank', stats: 'marked' },
  heardFrom: { refers: 'speakers', due: 'left out', stats: 'left out' },
  size: { refers: 'nothing', due: 'kept', stats: 'kept' },
  counts: { refers: 'nothing', due: 'kept', stats: 'kept' },
  eventId: { refers: 'nothing', due: 'kept', stats: 'left out' },
  createdAt: { refers: 'nothing', due: 'kept', stats: 'kept' },
  updatedAt: { refers: 'nothing', due: 'left out', stats: 'left out' },
} as const satisfies Record<keyof Conversation, ConversationField>;

export const FOLLOW_UP_FIELDS = {
  id: { refers: 'nothing' },
  personId: { refers: 'people' },
  personIds: { refers: 'people' },
  conversationId: { refers: 'conversation' },
  text: { refers: 'nothing' },
  owner: { refers: 'nothing' },
  due: { refers: 'nothing' },
  doneAt: { refers: 'nothing' },
  createdAt: { refers: 'nothing' },
  updatedAt: { refers: 'nothing' },
} as const satisfies Record<keyof FollowUp, { refers: Refers }>;

/**
 * Fields of conversations and follow-ups that hold person ids, listening notes' speakers among
 * them: what a person given another id takes with them (merge-namesakes.ts).
 */
export const PERSON_ID_FIELDS: readonly string[] = [
  ...Object.entries(FOLLOW_UP_FIELDS),
  ...Object.entries(CONVERSATION_FIELDS),
]
  .filter(([, field]) => field.refers === 'people' || field.refers === 'speakers')
  .map(([key]) => key);

/**
 * Fields that hold person ids, one or a list (speakers aside), `personIds` before the `personId`
 * it backs: what a person merged into another re-points (merge-tombstones.ts).
 */
export const PERSON_REFERENCES: readonly string[] = [
  ...Object.entries(FOLLOW_UP_FIELDS),
  ...Object.entries(CONVERSATION_FIELDS),
]
  .filter(([, field]) => field.refers === 'people')
  .map(([key]) => key)
  .sort((a, b) => Number(b === 'personIds') - Number(a === 'personIds'));
