// Two machines through the built bin and a bare remote: a forget made with a clock behind still
// wins over the person the other machine had and logged with; the receiving machine scrubs its
// undo data; two people added apart with one name stay two people, each with every field.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Machines, twoMachines } from '../helpers/machines.js';
import { ok, readJson } from '../helpers/rel.js';

/** A adds `people` and sets up sync on a bare remote; B joins. Each has its own state folder. */
function machines(tag: string, people: string[]): Machines {
  const m = twoMachines(tag, path.join('data', 'journal.json'));
  for (const name of people) ok(['add', name], { store: m.a, now: '2026-12-02T10:00:00Z' });
  ok(['sync', '--init', m.url], { store: m.a, now: '2026-12-02T10:01:00Z' });
  ok(['sync', '--init', m.url], { store: m.b, now: '2026-12-02T10:02:00Z' });
  return m;
}

const ids = (store: string) => (readJson(store).people as { id: string }[]).map((p) => p.id).sort();

describe('a forget through sync', { timeout: 300_000 }, () => {
  it('wins when the forgetting machine’s clock is an hour behind and the other machine logged with them', () => {
    const m = machines('forget-behind', ['Ana Silva', 'Ben Okafor']);
    ok(['log', 'ben', '--note', 'B chat'], { store: m.b, now: '2026-12-02T10:05:00Z' });
    // A's clock says 09:05: before Ben was added, by its own record.
    ok(['forget', 'ben', '--yes'], { store: m.a, now: '2026-12-02T09:05:00Z' });
    ok(['sync'], { store: m.a, now: '2026-12-02T10:06:00Z' });
    expect(ok(['sync'], { store: m.b, now: '2026-12-02T10:07:00Z' })).toContain('Received: 1 person');
    ok(['sync'], { store: m.a, now: '2026-12-02T10:08:00Z' });
    for (const store of [m.a, m.b]) {
      expect(ids(store)).toEqual(['ana-silva']);
      expect(fs.readFileSync(store, 'utf8')).not.toContain('B chat');
    }
    // Added again anew, Ben is another record with another id, and reaches B.
    const added = ok(['add', 'Ben Okafor'], { store: m.a, now: '2026-12-02T10:10:00Z' });
    const newId = /\((ben-okafor-[a-z0-9]{6})\)/.exec(added)?.[1];
    expect(newId, added).toBeDefined();
    ok(['log', 'ben', '--note', 'new start'], { store: m.a, now: '2026-12-02T10:11:00Z' });
    ok(['sync'], { store: m.a, now: '2026-12-02T10:12:00Z' });
    ok(['sync'], { store: m.b, now: '2026-12-02T10:13:00Z' });
    expect(ids(m.b)).toEqual(['ana-silva', newId]);
    expect(ok(['history', 'ben'], { store: m.b, now: '2026-12-02T10:14:00Z' })).toContain('new start');
  });
});

describe('the machine that receives a forget by sync', { timeout: 300_000 }, () => {
  it('drops its undo steps about the person, as the machine that forgot does', () => {
    const m = machines('forget-undo', ['Ana Silva', 'Gus Secret']);
    const at = (minute: number) => `2026-12-02T12:${String(minute).padStart(2, '0')}:00Z`;
    ok(['log', 'gus', '--note', 'chat'], { store: m.b, now: at(1) });
    ok(['log', 'ana', '--note', 'x'], { store: m.b, now: at(2) });
    ok(['sync'], { store: m.b, now: at(3) });
    ok(['sync'], { store: m.a, now: at(4) });
    ok(['forget', 'gus', '--yes'], { store: m.a, now: at(5) });
    ok(['sync'], { store: m.a, now: at(6) });
    expect(ok(['sync'], { store: m.b, now: at(7) })).toContain('Received: 1 person, 1 conversation removed');
    for (const store of [m.a, m.b]) {
      const folder = path.dirname(store);
      for (const name of fs.readdirSync(folder).filter((n) => n !== '.git')) {
        const text = fs.readFileSync(path.join(folder, name), 'utf8');
        expect(text.includes('Gus Secret') || text.includes('gus-secret'), `${store}: ${name}`).toBe(false);
      }
    }
    // What is left to undo on B is its own log with Ana, past the forget.
    const undone = ok(['undo', '--yes'], { store: m.b, now: at(8) });
    expect(undone).toContain('logged a 1:2:1 with Ana Silva');
    expect(undone).not.toContain('Gus');
  });
});

describe('two people added apart with one name', { timeout: 300_000 }, () => {
  it('stay two people, each with every field, conversation and follow-up, and the sync says so', () => {
    const m = machines('namesakes', ['Ana Silva']);
    const at = (minute: number) => `2026-12-02T11:${String(minute).padStart(2, '0')}:00Z`;
    ok(
      [
        'add',
        'Sam Lee',
        '--role',
        'Colleague CTO',
        '--cadence',
        'weekly',
        '--birthday',
        '1980-05-05',
        '--team',
        'Exec',
      ],
      {
        store: m.a,
        now: at(1),
      },
    );
    ok(['log', 'sam', '--note', 'board prep', '--follow-up', 'Send deck'], { store: m.a, now: at(2) });
    ok(['add', 'Sam Lee', '--role', 'Neighbour', '--relationship', 'friend'], { store: m.b, now: at(3) });
    ok(['log', 'sam', '--note', 'BBQ'], { store: m.b, now: at(4) });
    ok(['sync'], { store: m.a, now: at(5) });
    const said = ok(['sync'], { store: m.b, now: at(6) });
    // The id rel add gives a second Sam Lee: the slug and six letters and digits.
    const to = /the one added later \(here\) as (sam-lee-[a-z0-9]{6}),/.exec(said)?.[1] ?? '';
    expect(said).toContain(
      `Two people named Sam Lee were added apart, one here and one on the other machine: both are kept, the one added later (here) as ${to}, with its conversations and follow-ups. If they are one person: rel merge sam-lee ${to}.`,
    );
    ok(['sync'], { store: m.a, now: at(7) });
    for (const store of [m.a, m.b]) {
      const j = readJson(store);
      const people = Object.fromEntries((j.people as { id: string }[]).map((p) => [p.id, p]));
      expect(Object.keys(people).sort()).toEqual(['ana-silva', 'sam-lee', to]);
      expect(people['sam-lee']).toMatchObject({
        role: 'Colleague CTO',
        team: 'Exec',
        birthday: '1980-05-05',
        cadenceDays: 7,
      });
      expect(people[to]).toMatchObject({
        role: 'Neighbour',
        relationship: 'friend',
        team: '',
        birthday: null,
      });
      const withOf = Object.fromEntries(
        (j.conversations as { note: string; with: string[] }[]).map((c) => [c.note, c.with]),
      );
      expect(withOf).toEqual({ 'board prep': ['sam-lee'], BBQ: [to] });
      expect(j.followUps.map((f: { personId: string }) => f.personId)).toEqual(['sam-lee']);
    }
    // Both machines hold the same journal: the next syncs change nothing.
    expect(ok(['sync'], { store: m.b, now: at(8) })).not.toContain('Received');
  });
});
