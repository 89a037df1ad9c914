// What a journal file must look like to be read, and what is wrong with one that does not.
// Loaded only when the fast check in shape.ts has doubts: zod is large and slow to load.
import { z } from 'zod';
import { SCHEMA_VERSION } from '../core/journal.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const timestamp = z.string().min(1);

// Loose objects: fields written by a newer rel are kept, not stripped.
// A step toward an ambition, and appreciation given: added later, so optional where they sit.
const datedRecord = z.looseObject({
  id: z.string().min(1),
  text: z.string(),
  on: isoDate,
  conversationId: z.string().nullable().optional(),
});
const ambition = z.looseObject({
  id: z.string().min(1),
  text: z.string(),
  addedOn: isoDate,
  status: z.enum(['active', 'achieved', 'dropped']).optional(),
  lastDiscussedOn: isoDate.optional(),
  statusChangedOn: isoDate.nullable().optional(),
  steps: z.array(datedRecord).optional(),
});
const skill = z.looseObject({ id: z.string().min(1), text: z.string(), addedOn: isoDate });

const note = z.looseObject({ id: z.string().min(1), text: z.string(), addedOn: isoDate });
const askNext = note.extend({ askedOn: isoDate.nullable().optional() });

const person = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  role: z.string(),
  team: z.string(),
  relationship: z.string(),
  tags: z.array(z.string()),
  cadenceDays: z.number().int().positive().nullable(),
  ambitions: z.array(ambition),
  skills: z.array(skill),
  birthday: z
    .string()
    .regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'a birthday YYYY-MM-DD or MM-DD')
    .nullable()
    .optional(),
  // Added later: optional here, filled in on read (withDefaults in core/journal.ts).
  notes: z.array(note).optional(),
  askNext: z.array(askNext).optional(),
  snoozedUntil: isoDate.nullable().optional(),
  createdAt: timestamp,
  archivedAt: timestamp.nullable(),
  emails: z.array(z.string()).optional(),
  thanks: z.array(datedRecord).optional(),
});

const conversation = z.looseObject({
  id: z.string().min(1),
  date: isoDate,
  with: z.array(z.string()).min(1),
  kind: z.string(),
  minutes: z.number().nonnegative().nullable(),
  note: z.string(),
  heard: z.array(z.string()),
  createdAt: timestamp,
});

const followUp = z.looseObject({
  id: z.string().min(1),
  personId: z.string().min(1),
  // Added later: everyone a follow-up made for a group concerns.
  personIds: z.array(z.string().min(1)).min(1).optional(),
  conversationId: z.string().nullable(),
  text: z.string(),
  owner: z.enum(['me', 'them']).optional(),
  due: isoDate.nullable(),
  doneAt: timestamp.nullable(),
  createdAt: timestamp,
});

const tombstone = z.looseObject({
  collection: z.string().min(1),
  idHash: z.string().min(1),
  deletedAt: timestamp,
  mergedInto: z.string().min(1).optional(),
});

const dismissal = z.looseObject({
  id: z.string().min(1),
  eventId: z.string().min(1).optional(),
  seriesId: z.string().min(1).optional(),
  fromEventId: z.string().min(1).optional(),
  title: z.string(),
  start: timestamp,
  createdAt: timestamp,
});

/** Each list's record schema: rel import checks the records of a file one by one. */
export const recordSchemas = { people: person, conversations: conversation, followUps: followUp };

/** What rel import takes from an export besides its records, checked one by one alike. */
export const markerSchemas = { tombstones: tombstone, dismissals: dismissal };

export const journalSchema = z.looseObject({
  schema: z.number().int().positive(),
  people: z.array(person),
  conversations: z.array(conversation),
  followUps: z.array(followUp),
  // Since schema 2; a schema 1 journal has none and gains the list when it is next written.
  tombstones: z.array(tombstone).optional(),
  // Meetings dismissed from rel inbox; absent until the first.
  dismissals: z.array(dismissal).optional(),
});

/** The first problem of a record of one of the journal's lists, as "due: a date YYYY-MM-DD"; undefined when none. */
export function recordProblem(collection: string, record: unknown): string | undefined {
  const schema =
    (recordSchemas as Record<string, z.ZodType>)[collection] ??
    (collection === 'dismissals' ? dismissal : undefined);
  const result = schema?.safeParse(record);
  if (!result || result.success) return undefined;
  const issue = result.error.issues[0]!;
  return `${issue.path.length ? issue.path.join('.') : 'the record'}: ${issue.message}`;
}

/** Describes the first problem of a file that is not a journal, or undefined when it is one. */
export function schemaProblem(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return `it holds ${data === null ? 'null' : Array.isArray(data) ? 'an array' : `a ${typeof data}`}, not a journal object`;
  }
  const schema = (data as { schema?: unknown }).schema;
  // A newer schema is read as far as it goes; the caller refuses to write it.
  if (typeof schema === 'number' && schema > SCHEMA_VERSION) return undefined;
  const result = journalSchema.safeParse(data);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'the top level';
  return `${where}: ${issue.message}`;
}
