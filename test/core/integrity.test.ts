// duplicateIds: what rel doctor reports and the store refuses to write. A write's change tracking
// already knows which top-level lists hold distinct ids; only those are left out of the search.
import { describe, expect, it } from 'vitest';
import { duplicateIds } from '../../src/core/integrity.js';
import type { Journal } from '../../src/core/journal.js';
import { conversation, person } from '../helpers/journal.js';

function journal(): Journal {
  return {
    schema: 2,
    people: [person('ana', 'Ana'), person('ben', 'Ben')],
    conversations: [conversation('c1', ['ana'], '2026-10-01'), conversation('c2', ['ben'], '2026-10-02')],
    followUps: [],
    tombstones: [],
  } as unknown as Journal;
}

const twice: [string, string, (j: Journal) => void][] = [
  ['people', 'people', (j) => void j.people.push({ ...j.people[0]! })],
  ['conversations', 'conversations', (j) => void j.conversations.push({ ...j.conversations[1]! })],
  [
    'follow-ups',
    'followUps',
    (j) => {
      const f = {
        id: 'f1',
        personId: 'ana',
        conversationId: null,
        text: 'x',
        owner: 'me',
        due: null,
        doneAt: null,
      };
      j.followUps.push(f as never, { ...f } as never);
    },
  ],
];

describe('duplicateIds', () => {
  it.each(twice)('finds an id given twice in the %s', (what, key, make) => {
    const j = journal();
    make(j);
    expect(duplicateIds(j)).toEqual([{ what, ids: [expect.any(String)] }]);
    // Other lists known to be distinct change nothing.
    expect(
      duplicateIds(j, new Set(['dismissals', ...twice.map((t) => t[1]).filter((k) => k !== key)])),
    ).toHaveLength(1);
  });

  it.each(twice)('leaves out the %s when they are known to be distinct', (_what, key, make) => {
    const j = journal();
    make(j);
    expect(duplicateIds(j, new Set([key]))).toEqual([]);
  });

  it('still goes through the lists inside people (ambitions here)', () => {
    const j = journal();
    const ambition = { id: 'a1', text: 'Run', addedOn: '2026-01-01' };
    j.people[0]!.ambitions = [ambition, { ...ambition }] as never;
    expect(duplicateIds(j, new Set(['people', 'conversations', 'followUps']))).toEqual([
      { what: 'ambitions', ids: ['a1'] },
    ]);
  });
});
