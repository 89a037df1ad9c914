// Every field of a person and of a conversation, through the CSV round trip (rel export --format
// csv, then rel import of both tables into an empty journal): what the tables carry comes back as
// it was; what they do not carry is named by the export, and comes back as a new record has it.
// The tables below are typed by the records' own fields, so that a field added to Person or
// Conversation does not type-check here until it is said to be carried or not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Conversation, Person } from '../../src/core/journal.js';
import { ok, readJson, rel, tempDir } from '../helpers/run.js';

const ANA: Person = {
  id: 'ana-silva',
  name: 'Ana Silva',
  aliases: ['Ani'],
  role: 'Staff Engineer',
  team: 'Platform',
  relationship: 'report',
  tags: ['core', 'mentoring'],
  cadenceDays: 14,
  ambitions: [
    {
      id: 'amb000000001',
      text: 'Lead the migration',
      addedOn: '2026-09-02',
      status: 'active',
      lastDiscussedOn: '2026-11-10',
      statusChangedOn: null,
      conversationId: null,
      steps: [{ id: 'stp000000001', text: 'Paired on the plan', on: '2026-11-10', conversationId: null }],
    },
  ],
  skills: [{ id: 'skl000000001', text: 'Climbing', addedOn: '2026-09-02', conversationId: null }],
  birthday: '1992-02-29',
  notes: [{ id: 'not000000001', text: 'Two kids', addedOn: '2026-09-02' }],
  askNext: [{ id: 'ask000000001', text: 'How was the move?', addedOn: '2026-11-10', askedOn: null }],
  snoozedUntil: '2026-12-20',
  createdAt: '2026-09-01T09:00:00.000Z',
  archivedAt: null,
  emails: ['ana@example.com'],
  thanks: [{ id: 'thx000000001', text: 'For the RFC', on: '2026-11-10', conversationId: null }],
  updatedAt: '2026-11-10T09:00:00.000Z',
};

const BO: Person = {
  ...ANA,
  id: 'bo-li',
  name: 'Bo Li',
  aliases: [],
  tags: [],
  cadenceDays: 182,
  ambitions: [],
  skills: [],
  birthday: null,
  notes: [],
  askNext: [],
  snoozedUntil: null,
  createdAt: '2026-09-03T10:00:00.000Z',
  archivedAt: '2026-11-20T10:00:00.000Z',
  leftOn: '2026-11-01',
  cadenceBeforeLeft: 14,
  emails: [],
  thanks: [],
};

const MEETING: Conversation = {
  id: 'cnv000000001',
  date: '2026-11-10',
  with: ['ana-silva', 'bo-li'],
  kind: 'meeting',
  minutes: 45,
  note: 'Roadmap',
  heard: ['Wants to lead', 'The team is tired', 'Moving house'],
  heardFrom: ['ana-silva', null, 'bo-li'],
  size: 5,
  counts: true,
  eventId: 'evt-roadmap-1',
  createdAt: '2026-11-10T17:00:00.000Z',
  updatedAt: '2026-11-10T17:00:00.000Z',
};

// Same day, logged later: `logged` keeps their order within the day.
const LATER: Conversation = {
  id: 'cnv000000002',
  date: '2026-11-10',
  with: ['ana-silva'],
  kind: 'walk',
  minutes: null,
  note: '',
  heard: [],
  counts: false,
  createdAt: '2026-11-10T18:00:00.000Z',
};

/** Carried: the same after the round trip. Not carried: what the export names it by, and its value then. */
type Trip = 'carried' | { notCarried: string; becomes: unknown };

// When the record is written by the import (its updatedAt) is the import's, for every format.
const STAMP = { notCarried: '', becomes: expect.any(String) };

const PERSON: Record<keyof Person, Trip> = {
  id: 'carried',
  name: 'carried',
  aliases: 'carried',
  role: 'carried',
  team: 'carried',
  relationship: 'carried',
  tags: 'carried',
  cadenceDays: 'carried',
  birthday: 'carried',
  createdAt: 'carried',
  archivedAt: 'carried',
  emails: 'carried',
  // Only their texts: each note is dated the day of the import.
  notes: { notCarried: '', becomes: [expect.objectContaining({ text: 'Two kids', addedOn: '2026-11-26' })] },
  ambitions: { notCarried: '1 ambition', becomes: [] },
  skills: { notCarried: '1 skill', becomes: [] },
  askNext: { notCarried: '1 question to ask', becomes: [] },
  thanks: { notCarried: '1 thanks given', becomes: undefined },
  snoozedUntil: { notCarried: '1 snooze', becomes: null },
  leftOn: { notCarried: '1 person marked as left', becomes: undefined },
  cadenceBeforeLeft: { notCarried: '1 person marked as left', becomes: undefined },
  updatedAt: STAMP,
};

const CONVERSATION: Record<keyof Conversation, Trip> = {
  id: 'carried',
  date: 'carried',
  with: 'carried',
  kind: 'carried',
  minutes: 'carried',
  note: 'carried',
  heard: 'carried',
  heardFrom: 'carried',
  size: 'carried',
  counts: 'carried',
  eventId: 'carried',
  createdAt: 'carried',
  updatedAt: STAMP,
};

async function roundTrip() {
  const dir = tempDir('csv-fields');
  const file = path.join(dir, 'export.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      schema: 2,
      people: [ANA, BO],
      conversations: [MEETING, LATER],
      followUps: [
        {
          id: 'fup000000001',
          personId: 'ana-silva',
          conversationId: null,
          text: 'Send the RFC',
          owner: 'me',
          due: null,
          doneAt: null,
          createdAt: '2026-11-10T17:00:00.000Z',
        },
      ],
      tombstones: [],
    }),
  );
  const a = path.join(dir, 'a.json');
  await ok(['import', file], { store: a, now: '2026-11-25' });
  const exported = await rel(['export', '--format', 'csv', '--out', path.join(dir, 'csv')], { store: a });
  const b = path.join(dir, 'b.json');
  for (const table of ['people.csv', 'conversations.csv']) {
    const r = await rel(['import', path.join(dir, 'csv', table)], { store: b, now: '2026-11-26' });
    expect([r.code, r.stderr]).toEqual([0, '']);
  }
  return { before: readJson(a), after: readJson(b), note: exported.stderr };
}

describe('the CSV round trip, field by field', async () => {
  const { before, after, note } = await roundTrip();
  const cases = <T>(table: Record<string, Trip>, records: (j: typeof before) => T[]) =>
    Object.entries(table).flatMap(([field, trip]) =>
      records(before).map((record, i) => [field, i, trip, record, records(after)[i]] as const),
    );

  it('the export names what the tables leave out', () => {
    expect(note).toContain(
      'Not in the CSV tables: 1 follow-up, 1 ambition, 1 step toward an ambition, 1 skill, 1 question to ask, 1 thanks given, 1 snooze, 1 person marked as left. rel export (JSON) keeps everything',
    );
  });

  // An empty list is as good as none: journals before a list have none.
  const value = (record: unknown, field: string) => {
    const v = (record as Record<string, unknown>)[field];
    return Array.isArray(v) && v.length === 0 ? undefined : v;
  };

  it.each(cases(PERSON, (j) => j.people))('person %s (#%d)', (field, _, trip, was, now) => {
    if (trip === 'carried') expect(value(now, field)).toEqual(value(was, field));
    else {
      expect(note).toContain(trip.notCarried);
      // A field the person did not have is not one the import gives them.
      if (value(was, field) === undefined) expect(value(now, field)).toBeUndefined();
      else expect((now as Record<string, unknown>)[field]).toEqual(trip.becomes);
    }
  });

  it.each(cases(CONVERSATION, (j) => j.conversations))(
    'conversation %s (#%d)',
    (field, _, trip, was, now) => {
      if (trip === 'carried') expect(value(now, field)).toEqual(value(was, field));
      else expect(value(now, field)).toEqual(trip.becomes);
    },
  );
});

describe('the conversations table: the cells after with_ids', () => {
  it('a cell rel would not write is a bad row, named by its line', async () => {
    const dir = tempDir('csv-fields-bad');
    const store = path.join(dir, 'j.json');
    await ok(['add', 'Ana Silva'], { store });
    await ok(['add', 'Bo Li'], { store });
    const header = 'id,date,with,kind,minutes,note,heard,with_ids,heard_from,size,counts,event_id,logged';
    const rows = [
      'c1,2026-11-01,Ana Silva; Bo Li,walk,,,a; b,ana-silva; bo-li,ana-silva,,,,',
      'c2,2026-11-01,Ana Silva; Bo Li,walk,,,a,ana-silva; bo-li,cy-park,,,,',
      'c3,2026-11-01,Ana Silva,walk,,,,ana-silva,,five,,,',
      'c4,2026-11-01,Ana Silva,walk,,,,ana-silva,,,maybe,,',
      'c5,2026-11-01,Ana Silva,walk,,,,ana-silva,,,,,yesterday',
      // A size no more than those named is no size; who said what only when someone did.
      'c6,2026-11-01,Ana Silva; Bo Li,walk,,,a; b,ana-silva; bo-li, ; ,2,no,evt-1,2026-11-01T10:00:00.000Z',
    ];
    const csv = path.join(dir, 'conversations.csv');
    fs.writeFileSync(csv, `${[header, ...rows].join('\n')}\n`);
    const r = await rel(['import', csv], { store, now: '2026-11-25' });
    expect(r.stderr.split('\n').filter((l) => l.startsWith('rel:'))).toEqual([
      'rel: conversations.csv line 2: heard_from names 1 where heard has 2 notes.',
      'rel: conversations.csv line 3: heard_from names cy-park, who is not in with_ids.',
      'rel: conversations.csv line 4: size "five" is not a number.',
      'rel: conversations.csv line 5: counts "maybe" is not yes, no or empty.',
      'rel: conversations.csv line 6: logged "yesterday" is not a time as rel writes it (2026-11-20T09:30:00.000Z), or empty.',
    ]);
    expect(readJson(store).conversations).toEqual([
      expect.objectContaining({
        id: 'c6',
        counts: false,
        eventId: 'evt-1',
        createdAt: '2026-11-01T10:00:00.000Z',
      }),
    ]);
    const [c6] = readJson(store).conversations;
    expect([c6.size, c6.heardFrom]).toEqual([undefined, undefined]);
  });
});
