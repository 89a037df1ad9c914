// The fast journal check must never accept what the zod schema rejects: every field of a sample
// journal is replaced by wrong values and deleted, and each time both checks are asked.
import { describe, expect, it } from 'vitest';
import { journalSchema, schemaProblem } from '../../src/store/schema.js';
import { isJournalShape } from '../../src/store/shape.js';

function sample() {
  return {
    schema: 2,
    people: [
      {
        id: 'ana-silva',
        name: 'Ana Silva',
        aliases: ['Ani'],
        role: 'Engineer',
        team: 'Platform',
        relationship: 'report',
        tags: ['platform'],
        cadenceDays: 14,
        ambitions: [
          {
            id: 'a1',
            text: 'Lead a team',
            addedOn: '2026-11-20',
            status: 'active',
            lastDiscussedOn: '2026-11-20',
            conversationId: null,
            steps: [{ id: 'st1', text: 'Ran the retro', on: '2026-11-20', conversationId: 'c1' }],
          },
        ],
        skills: [{ id: 's1', text: 'Cello', addedOn: '2026-11-20', conversationId: 'c1' }],
        birthday: '1992-02-29',
        notes: [{ id: 'n1', text: 'Two kids', addedOn: '2026-11-20' }],
        askNext: [{ id: 'q1', text: 'The trip?', addedOn: '2026-11-20', askedOn: '2026-11-21' }],
        createdAt: '2026-11-01T09:00:00.000Z',
        archivedAt: null,
        emails: ['ana@example.com'],
        thanks: [{ id: 't1', text: 'The launch', on: '2026-11-21', conversationId: null }],
      },
    ],
    conversations: [
      {
        id: 'c1',
        date: '2026-11-20',
        with: ['ana-silva'],
        kind: '1:2:1',
        minutes: 30,
        note: 'Roadmap',
        heard: ['Worried about on-call'],
        createdAt: '2026-11-20T10:00:00.000Z',
      },
    ],
    followUps: [
      {
        id: 'f1',
        personId: 'ana-silva',
        personIds: ['ana-silva'],
        conversationId: 'c1',
        text: 'Send the doc',
        due: '2026-11-30',
        doneAt: null,
        createdAt: '2026-11-20T10:00:00.000Z',
        updatedAt: '2026-11-21T10:00:00.000Z',
      },
    ],
    tombstones: [
      {
        collection: 'people',
        idHash: 'ab12',
        deletedAt: '2026-11-21T10:00:00.000Z',
        mergedInto: 'ana-silva',
      },
    ],
    dismissals: [
      {
        id: 'd1',
        eventId: '3fa9c2d1',
        title: 'Daily stand-up',
        start: '2026-11-20T09:30:00.000Z',
        createdAt: '2026-11-21T10:00:00.000Z',
      },
    ],
  };
}

type Path = (string | number)[];

/** Every path in the sample that leads to a value, objects and arrays included. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Object.entries(value).flatMap(([key, child]) =>
    paths(child, [...prefix, Array.isArray(value) ? Number(key) : key]),
  );
  return prefix.length ? [prefix, ...children] : children;
}

const DELETE = Symbol('delete');
const WRONG_VALUES: unknown[] = [DELETE, null, 0, -1, 1.5, 2, '', 'x', '2026-13-45x', [], [1], {}, true];

function mutated(path: Path, replacement: unknown) {
  const journal = sample() as Record<string | number, unknown>;
  let parent = journal;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return journal;
}

describe('the fast journal check', () => {
  it('accepts the sample, as zod does', () => {
    expect(journalSchema.safeParse(sample()).success).toBe(true);
    expect(isJournalShape(sample())).toBe(true);
  });

  it.each([[null], [[]], ['text'], [1], [{}]])('refuses %j', (data) => {
    expect(isJournalShape(data)).toBe(false);
    expect(schemaProblem(data)).toBeDefined();
  });

  it('accepts a newer schema without looking further, as zod does', () => {
    const newer = { schema: 99, people: 'anything' };
    expect(isJournalShape(newer)).toBe(true);
    expect(schemaProblem(newer)).toBeUndefined();
  });

  it('is never looser than zod, whatever field is wrong', () => {
    let rejected = 0;
    for (const path of paths(sample())) {
      for (const value of WRONG_VALUES) {
        const journal = mutated(path, value);
        if (schemaProblem(journal) === undefined) continue;
        rejected++;
        expect(isJournalShape(journal), `${path.join('.')} = ${String(value)}`).toBe(false);
      }
    }
    // The mutations must really exercise the check.
    expect(rejected).toBeGreaterThan(300);
  });
});
