// The one list of record fields (core/record-fields.ts) against the code that goes through a record
// field by field: a field the tables name is handled as they say, and every field of the types is
// named (the tables `satisfies` the types; the full records here are `Required` of them, so a
// field added to a type and not to its table fails the type check).
import { describe, expect, it } from 'vitest';
import { dueJournal } from '../../src/core/due-summary.js';
import { PEOPLE_HEADERS, peopleTable } from '../../src/core/export.js';
import {
  type Conversation,
  type FollowUp,
  type Journal,
  type Person,
  SCHEMA_VERSION,
} from '../../src/core/journal.js';
import { mergePeople } from '../../src/core/people.js';
import { cutPerson } from '../../src/core/person-cut.js';
import {
  CONVERSATION_FIELDS,
  FOLLOW_UP_FIELDS,
  PERSON_FIELDS,
  PERSON_ID_FIELDS,
  PERSON_REFERENCES,
  type PersonField,
} from '../../src/core/record-fields.js';
import { statsJournalJson } from '../../src/core/stats-summary.js';
import { DEFAULT_TOGETHER_RULES } from '../../src/core/together.js';

/** A person with every field filled. */
function fullPerson(id: string, n: number): Required<Person> {
  return {
    id,
    name: `Person ${id}`,
    aliases: [`alias-${id}`],
    role: `role ${n}`,
    team: `team ${n}`,
    relationship: `relationship ${n}`,
    tags: [`tag-${id}`],
    cadenceDays: 10 + n,
    ambitions: [
      {
        id: `amb-${id}`,
        text: 'lead',
        addedOn: '2026-01-02',
        status: 'active',
        lastDiscussedOn: '2026-01-02',
        statusChangedOn: null,
        conversationId: null,
      },
    ],
    skills: [{ id: `sk-${id}`, text: 'cello', addedOn: '2026-01-02', conversationId: null }],
    birthday: `1990-0${n}-1${n}`,
    notes: [{ id: `no-${id}`, text: 'two children', addedOn: '2026-01-02' }],
    askNext: [{ id: `as-${id}`, text: 'the move?', addedOn: '2026-01-02', askedOn: null }],
    snoozedUntil: `2026-0${n}-01`,
    createdAt: `2026-0${n}-01T09:00:00.000Z`,
    archivedAt: `2026-0${n}-02T09:00:00.000Z`,
    leftOn: `2026-0${n}-03`,
    cadenceBeforeLeft: 20 + n,
    emails: [`${id}@example.com`],
    thanks: [{ id: `th-${id}`, text: 'the review', on: '2026-01-03', conversationId: null }],
    updatedAt: `2026-0${n}-04T09:00:00.000Z`,
  };
}

/** A person with nothing but what every person has. */
function barePerson(id: string): Person {
  return {
    id,
    name: `Person ${id}`,
    aliases: [],
    role: '',
    team: '',
    relationship: '',
    tags: [],
    cadenceDays: null,
    ambitions: [],
    skills: [],
    notes: [],
    askNext: [],
    snoozedUntil: null,
    createdAt: '2026-05-01T09:00:00.000Z',
    archivedAt: null,
  };
}

function fullConversation(id: string, withIds: string[]): Required<Conversation> {
  return {
    id,
    date: '2026-03-01',
    with: withIds,
    kind: '1:2:1',
    minutes: 30,
    note: 'a note',
    heard: ['heard one', 'heard two'],
    heardFrom: [withIds[0]!, null],
    size: 5,
    counts: true,
    eventId: 'event-1',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
  };
}

function fullFollowUp(id: string, people: string[]): Required<FollowUp> {
  return {
    id,
    personId: people[0]!,
    personIds: people,
    conversationId: 'c1',
    text: 'send the doc',
    owner: 'me',
    due: '2026-03-10',
    doneAt: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
  };
}

const journalOf = (
  people: Person[],
  conversations: Conversation[] = [],
  followUps: FollowUp[] = [],
): Journal => ({
  schema: SCHEMA_VERSION,
  people,
  conversations,
  followUps,
  tombstones: [],
});

const personKeys = Object.keys(PERSON_FIELDS) as (keyof Person)[];

describe('the tables name every field of the records', () => {
  it.each([
    ['Person', Object.keys(fullPerson('a', 1)), Object.keys(PERSON_FIELDS)],
    ['Conversation', Object.keys(fullConversation('c1', ['a'])), Object.keys(CONVERSATION_FIELDS)],
    ['FollowUp', Object.keys(fullFollowUp('f1', ['a'])), Object.keys(FOLLOW_UP_FIELDS)],
  ])('%s', (_, record, table) => {
    expect([...table].sort()).toEqual([...record].sort());
  });
});

describe('rel merge takes each field of the duplicate as PERSON_FIELDS says', () => {
  const merged = (keep: Person, duplicate: Person) => {
    const journal = journalOf([keep, duplicate]);
    mergePeople(journal, keep, duplicate, new Date('2026-06-01T00:00:00Z'));
    return keep;
  };
  it.each(personKeys)('%s, into a person who has none of it', (key) => {
    const field = PERSON_FIELDS[key] as PersonField;
    const keep = barePerson('k');
    const before = structuredClone(keep);
    const duplicate = fullPerson('d', 1);
    const after = merged(keep, structuredClone(duplicate));
    const got = after[key];
    switch (field.merge) {
      case 'own':
      case 'keeper':
        expect(got).toEqual(before[key]);
        break;
      case 'alias':
        expect(after.aliases).toContain(duplicate.name);
        break;
      case 'join':
        expect(got).toEqual(expect.arrayContaining(duplicate[key] as unknown[]));
        break;
      case 'fill':
      case 'append':
      case 'earliest':
        // Nothing of the person kept's: the duplicate's (their createdAt is the earlier).
        expect(got).toEqual(duplicate[key]);
        break;
    }
  });
  it.each(personKeys)('%s, into a person who has their own', (key) => {
    const field = PERSON_FIELDS[key] as PersonField;
    const keep = fullPerson('k', 2);
    const before = structuredClone(keep);
    const duplicate = fullPerson('d', 1);
    const after = merged(keep, structuredClone(duplicate));
    const got = after[key] as unknown;
    switch (field.merge) {
      case 'own':
      case 'keeper':
      case 'fill':
        expect(got).toEqual(before[key]);
        break;
      case 'alias':
        expect(after.aliases).toContain(duplicate.name);
        break;
      case 'join':
        expect(got).toEqual(
          expect.arrayContaining([...(before[key] as unknown[]), ...(duplicate[key] as unknown[])]),
        );
        break;
      case 'append':
        expect(got).toEqual([...(before[key] as unknown[]), ...(duplicate[key] as unknown[])]);
        break;
      case 'earliest':
        expect(got).toEqual(duplicate[key]);
        break;
    }
  });
  it('re-points every field that holds person ids', () => {
    const keep = barePerson('k');
    const duplicate = fullPerson('d', 1);
    const journal = journalOf(
      [keep, duplicate],
      [fullConversation('c1', ['d', 'x'])],
      [fullFollowUp('f1', ['d', 'x'])],
    );
    mergePeople(journal, keep, duplicate, new Date('2026-06-01T00:00:00Z'));
    const records = [...journal.conversations, ...journal.followUps] as unknown as Record<string, unknown>[];
    for (const field of PERSON_ID_FIELDS) {
      const held = records.map((r) => r[field]).filter((v) => v !== undefined);
      expect(held.length, field).toBeGreaterThan(0);
      expect(held.flat(), field).not.toContain('d');
      expect(held.flat(), field).toContain('k');
    }
  });
  it('a merge of journals re-points the person references, personIds before personId', () => {
    expect(PERSON_REFERENCES).toEqual(['personIds', 'personId', 'with']);
    expect(PERSON_ID_FIELDS).toEqual(expect.arrayContaining([...PERSON_REFERENCES, 'heardFrom']));
  });
});

describe('rel export', () => {
  it('has a column for each field PERSON_FIELDS gives one, and no other', () => {
    const columns = personKeys.flatMap((key) => (PERSON_FIELDS[key] as PersonField).csv ?? []);
    expect([...columns].sort()).toEqual([...PEOPLE_HEADERS].sort());
  });
  it.each(personKeys.filter((key) => (PERSON_FIELDS[key] as PersonField).csv))(
    'puts %s in its column',
    (key) => {
      const table = peopleTable(journalOf([fullPerson('a', 1)]));
      const column = table.headers.indexOf((PERSON_FIELDS[key] as PersonField).csv!);
      const cell = table.rows[0]![column]!;
      const value = fullPerson('a', 1)[key];
      const shown = Array.isArray(value)
        ? value.map((v) => (typeof v === 'object' ? (v as { text: string }).text : String(v)))
        : [String(value)];
      for (const part of shown) expect(cell).toContain(part);
    },
  );
});

describe('the summaries beside the journal', () => {
  it('a cut person has empty the lists PERSON_FIELDS says, and every other field as it was', () => {
    const person = fullPerson('a', 1);
    const cut = cutPerson(person, new Set());
    for (const key of personKeys) {
      if ((PERSON_FIELDS[key] as PersonField).emptiedInSummaries) expect(cut[key], key).toEqual([]);
      else expect(cut[key], key).toEqual(person[key]);
    }
  });
  const check = (
    summary: Record<string, unknown>,
    full: Record<string, unknown>,
    how: string,
    key: string,
  ) => {
    if (how === 'kept') expect(summary[key], key).toEqual(full[key]);
    else if (how === 'left out') expect(key in summary, key).toBe(false);
    else if (how === 'blank') expect([null, '', []], key).toContainEqual(summary[key]);
    else expect(summary[key], key).toEqual(['…']); // marked: only that something was heard
  };
  it('rel due keeps of a conversation what CONVERSATION_FIELDS says', () => {
    const full = fullConversation('c1', ['a']);
    const cut = dueJournal(journalOf([fullPerson('a', 1)], [full]), DEFAULT_TOGETHER_RULES, '2026-03-05');
    const summary = cut.journal.conversations[0] as unknown as Record<string, unknown>;
    for (const [key, field] of Object.entries(CONVERSATION_FIELDS)) check(summary, full, field.due, key);
  });
  it('rel stats keeps of a conversation what CONVERSATION_FIELDS says', () => {
    const full = fullConversation('c1', ['a']);
    const parsed = JSON.parse(
      [...statsJournalJson(journalOf([fullPerson('a', 1)], [full]))].join(''),
    ) as Journal;
    const summary = parsed.conversations[0] as unknown as Record<string, unknown>;
    for (const [key, field] of Object.entries(CONVERSATION_FIELDS)) check(summary, full, field.stats, key);
  });
});
