// Record-level changes: what a write changed, and putting it back.
import { describe, expect, it } from 'vitest';
import {
  allHeld,
  type Change,
  conflicts,
  diff,
  entriesNotHeld,
  linesHold,
  notMade,
  revert,
  snapshot,
} from '../../src/store/changes.js';
import { tempFileOwner } from '../../src/store/files.js';

type J = Record<string, unknown> & { people: { id: string; name: string }[] };

const base = (): J => ({
  schema: 2,
  people: [
    { id: 'ana', name: 'Ana' },
    { id: 'ben', name: 'Ben' },
    { id: 'cy', name: 'Cy' },
  ],
  conversations: [],
  tombstones: [],
});

function change(edit: (j: J) => void): { before: J; after: J; changes: Change[] } {
  const before = base();
  const after = base();
  const snap = snapshot(after);
  edit(after);
  return { before, after, changes: JSON.parse(JSON.stringify(diff(snap, snapshot(after)))) };
}

describe('diff and revert', () => {
  it.each<[string, (j: J) => void]>([
    ['an added record', (j) => j.people.push({ id: 'dee', name: 'Dee' })],
    ['a changed record', (j) => (j.people[1]!.name = 'Benjamin')],
    ['a removed record in the middle', (j) => j.people.splice(1, 1)],
    ['two removed and one added', (j) => j.people.splice(0, 2, { id: 'eve', name: 'Eve' })],
    ['a new top-level field', (j) => (j.settings = { week: 'monday' })],
    ['a changed top-level value', (j) => (j.schema = 3)],
  ])('%s: reverting gives back the journal exactly', (_, edit) => {
    const { before, after, changes } = change(edit);
    expect(changes.length).toBeGreaterThan(0);
    expect(conflicts(after, changes)).toEqual([]);
    revert(after, changes);
    expect(after).toEqual(before);
  });

  it('an unchanged journal has no changes; tombstones are not tracked', () => {
    expect(change(() => {}).changes).toEqual([]);
    expect(change((j) => (j.tombstones as unknown[]).push({ idHash: 'x' })).changes).toEqual([]);
  });

  it('keeps only the records before, and a hash of them after', () => {
    const { changes } = change((j) => {
      j.people[0]!.name = 'Anna';
      j.people.push({ id: 'dee', name: 'Dee' });
    });
    expect(changes).toEqual([
      {
        key: 'people',
        id: 'ana',
        before: { id: 'ana', name: 'Ana' },
        index: 0,
        after: expect.any(String),
        content: expect.any(String),
      },
      { key: 'people', id: 'dee', after: expect.any(String), content: expect.any(String) },
    ]);
  });

  it('does not count a new updatedAt alone as a change since (an undo of a later change stamps it)', () => {
    const { after, changes } = change((j) => j.people.push({ id: 'dee', name: 'Dee' }));
    (after.people[3] as { updatedAt?: string }).updatedAt = '2026-11-20T10:06:00.000Z';
    expect(conflicts(after, changes)).toEqual([]);
    after.people[3]!.name = 'Deirdre';
    expect(conflicts(after, changes).map((c) => c.id)).toEqual(['dee']);
    // Undo data written before the content hash existed keeps the strict comparison.
    const old = changes.map(({ content: _content, ...c }) => c);
    after.people[3]!.name = 'Dee';
    expect(conflicts(after, old).map((c) => c.id)).toEqual(['dee']);
  });

  it('sees a record changed since, and leaves other changes alone', () => {
    const { after, changes } = change((j) => j.people.push({ id: 'dee', name: 'Dee' }));
    after.people[3]!.name = 'Deirdre'; // edited by hand since
    expect(conflicts(after, changes).map((c) => c.id)).toEqual(['dee']);
    const other = change((j) => (j.people[0]!.name = 'Anna'));
    other.after.people.push({ id: 'zed', name: 'Zed' }); // an unrelated change since
    expect(conflicts(other.after, other.changes)).toEqual([]);
    revert(other.after, other.changes);
    expect(other.after.people.map((p) => p.name)).toEqual(['Ana', 'Ben', 'Cy', 'Zed']);
  });
});

describe('temp file names', () => {
  it.each<[string, number | undefined]>([
    ['.journal.json.123.abcd1234.tmp', 123],
    ['.journal.json.undo.77.00ff00ff.tmp', 77],
    ['.journal.json.backup-2.9.0a0a0a0a.tmp', 9],
    ['.journal.json.before-restore-3.8.0a0a0a0a.tmp', 8],
    // As an older rel named the temp files of hidden files: still swept.
    ['..journal.json.undo.77.00ff00ff.tmp', 77],
    ['..journal.json.backup-2.9.0a0a0a0a.tmp', 9],
    ['.journal.json.lock.45.deadbeef.tmp', 45],
    ['journal.json', undefined],
    ['.journal.json.backup-1', undefined],
    ['.other.json.123.abcd1234.tmp', undefined],
    ['journal.json.123.abcd.tmp', undefined],
  ])('%s -> %s', (name, pid) => {
    expect(tempFileOwner('/data/journal.json', name)).toBe(pid);
  });
});

describe('what a restore drops: changes a journal or a damaged file does not hold', () => {
  const entry = (edit: (j: J) => void, from: J = base()) => {
    const after = structuredClone(from);
    edit(after);
    return { after, changes: diff(snapshot(from), snapshot(after)) };
  };

  it('notMade: the records are exactly as before the change; a restamp alone is not that', () => {
    const { after, changes } = entry((j) => j.people.push({ id: 'dee', name: 'Dee' }));
    expect(notMade(base(), changes)).toBe(true);
    expect(notMade(after, changes)).toBe(false);
    const renamed = entry((j) => {
      j.people[0]!.name = 'Anna';
    });
    expect(notMade(base(), renamed.changes)).toBe(true);
    const stamped = base();
    (stamped.people[0] as Record<string, unknown>).updatedAt = '2026-01-01T00:00:00.000Z';
    expect(notMade(stamped, renamed.changes)).toBe(false);
  });

  it('entriesNotHeld: from the newest back to the first the copy holds', () => {
    const first = entry((j) => j.people.push({ id: 'dee', name: 'Dee' }));
    const second = entry((j) => {
      j.people[3]!.name = 'Deedee';
    }, first.after);
    const third = entry((j) => j.people.splice(1, 1), second.after);
    const entries = [first, second, third];
    const holds = (copy: J) => (changes: Change[]) => conflicts(copy, changes).length === 0;
    expect(entriesNotHeld(entries, holds(first.after))).toEqual([third, second]);
    expect(entriesNotHeld(entries, holds(third.after))).toEqual([]);
    // A copy with all three: each record as the newest of them left it.
    expect(allHeld([third, second, first], holds(third.after))).toBe(true);
    expect(allHeld([third, second], holds(first.after))).toBe(false);
  });

  it('linesHold: a damaged file with a record per line still holds what was made', () => {
    const { after, changes } = entry((j) => j.people.push({ id: 'dee', name: 'Dee' }));
    const lines = (j: J) =>
      `{\n  "schema": 2,\n  "people": [\n${j.people.map((p) => `    ${JSON.stringify(p)}`).join(',\n')}\n  ],\n}`;
    expect(linesHold(lines(after), changes)).toBe(true);
    expect(linesHold(lines(base()), changes)).toBe(false);
    expect(linesHold('', changes)).toBe(false);
    const removed = entry((j) => j.people.splice(1, 1));
    expect(linesHold(lines(removed.after), removed.changes)).toBe(true);
    expect(linesHold(lines(base()), removed.changes)).toBe(false);
  });
});
