// Two people added apart with one name: the one a sync keeps apart takes an id of the form rel add
// gives (the slug and six letters and digits, never a counted "-2" that another machine's slug of
// "Sam Lee 2" would equal), the same on both machines, and the sync names it.
import { describe, expect, it } from 'vitest';
import type { Journal } from '../../src/core/journal.js';
import { syncedWith } from '../helpers/machines.js';
import { bytesOf, ok, readJson } from '../helpers/run.js';

describe('a person a sync keeps apart', { timeout: 300_000 }, () => {
  it('takes an id as rel add makes one, named by the sync, alike on both machines', async () => {
    const m = await syncedWith('namesake-id', ['Ana Silva']);
    await ok(['add', 'Sam Lee', '--role', 'CTO'], { store: m.a, now: '2026-11-27T09:00:00' });
    await ok(['add', 'Sam Lee', '--role', 'Neighbour'], { store: m.b, now: '2026-11-27T10:00:00' });
    await ok(['log', 'sam', '--note', 'BBQ'], { store: m.b, now: '2026-11-27T10:05:00' });
    await ok(['sync'], { store: m.a });
    const said = await ok(['sync'], { store: m.b });
    await ok(['sync'], { store: m.a });
    const j = readJson(m.b) as Journal;
    const moved = j.people.find((p) => p.role === 'Neighbour')!;
    expect(moved.id).toMatch(/^sam-lee-(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[0-9])[a-z0-9]{6}$/);
    expect(j.people.find((p) => p.role === 'CTO')!.id).toBe('sam-lee');
    expect(j.conversations.find((c) => c.note === 'BBQ')!.with).toEqual([moved.id]);
    expect(said).toContain(
      `Two people named Sam Lee were added apart, one here and one on the other machine: both are kept, the one added later (here) as ${moved.id}, with its conversations and follow-ups. If they are one person: rel merge sam-lee ${moved.id}. If not, tell them apart: rel rename ${moved.id} "<new name>".`,
    );
    expect(bytesOf(m.a)).toEqual(bytesOf(m.b));
  });
});
