// What two machines did apart that the merge of their journals must carry whole: fields given to
// a person the other machine merged away, one duplicate merged into two keepers, a rel decrypt,
// and a remote whose journal is damaged. Two clones of a bare repository on this machine (file://),
// as test/commands/sync.test.ts does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Journal, Person } from '../../src/core/journal.js';
import { type Machines, syncedWith } from '../helpers/machines.js';
import { bytesOf, ok, readJson, rel } from '../helpers/run.js';

const FAST = { REL_KDF_LOG_N: '10' };

/**
 * Each machine syncs twice, in turn, the first as `order` says (ABA: A first); every sync
 * succeeds and the two journals end byte for byte the same. What the syncs said.
 */
async function syncInTurn(m: Machines, order: string): Promise<string[]> {
  const [x, y] = order === 'ABA' ? [m.a, m.b] : [m.b, m.a];
  const said: string[] = [];
  for (const store of [x, y, x, y]) {
    const r = await rel(['sync'], { store });
    expect(r.code, r.stderr).toBe(0);
    said.push(r.stdout);
  }
  expect(bytesOf(m.a)).toEqual(bytesOf(m.b));
  return said;
}

const personOf = (store: string, id: string) =>
  (readJson(store) as Journal).people.find((p) => p.id === id) as Person | undefined;

describe('fields given to a person the other machine merged away (F5)', { timeout: 300_000 }, () => {
  it.each(['ABA', 'BAB'])(
    'reach the person kept, in the order %s; what cannot be placed is said',
    async (order) => {
      const m = await syncedWith(`merged-away-${order}`, ['Yan Keep', 'Xia Dup']);
      await ok(['edit', 'yan', '--role', 'Engineer'], { store: m.a });
      await ok(['sync'], { store: m.a });
      await ok(['sync'], { store: m.b });
      // A gives Xia fields; B merges Xia into Yan meanwhile.
      await ok(
        ['edit', 'xia', '--role', 'Designer', '--team', 'Platform', '--add-tag', 'ux', '--alias', 'Xi'],
        { store: m.a },
      );
      await ok(['edit', 'xia', '--birthday', '1990-05-01'], { store: m.a });
      await ok(['skill', 'xia', 'pottery'], { store: m.a });
      await ok(['merge', 'yan', 'xia'], { store: m.b, now: '2026-11-27T13:00:00' });
      const [x, y] = order === 'ABA' ? [m.a, m.b] : [m.b, m.a];
      const said = [await ok(['sync'], { store: x }), await ok(['sync'], { store: y })];
      await ok(['sync'], { store: x });
      for (const store of [m.a, m.b]) {
        const yan = personOf(store, 'yan-keep')!;
        expect(personOf(store, 'xia-dup')).toBeUndefined();
        expect(yan.team).toBe('Platform');
        expect(yan.tags).toEqual(['ux']);
        expect(yan.aliases.sort()).toEqual(['Xi', 'Xia Dup']);
        expect(yan.birthday).toBe('1990-05-01');
        expect(yan.skills.map((s) => s.text)).toEqual(['pottery']);
        // Yan has a role of its own: the one given to Xia is not put over it.
        expect(yan.role).toBe('Engineer');
      }
      expect(bytesOf(m.a)).toEqual(bytesOf(m.b));
      const told = said.join('\n');
      expect(told).toContain('Xia Dup was merged into Yan Keep');
      expect(told).toMatch(/not placed.*role "Designer" \(Yan Keep has "Engineer"\)/i);
      expect(told).not.toContain('Not taken from the other side');
    },
  );
});

describe('one duplicate merged into two different keepers (F9)', { timeout: 300_000 }, () => {
  it.each(['ABA', 'BAB'])(
    'the syncs succeed, in the order %s, keep every record, and say how to tidy',
    async (order) => {
      const m = await syncedWith(`two-keepers-${order}`, ['Yan Keep', 'Zed Keep', 'Xia Dup']);
      await ok(['skill', 'xia', 'pottery'], { store: m.a });
      await ok(['ambition', 'xia', 'run a marathon'], { store: m.a });
      await ok(
        ['log', 'xia', '--note', 'talk with xia', '--heard', 'likes clay', '--follow-up', 'send book'],
        {
          store: m.a,
        },
      );
      await ok(['sync'], { store: m.a });
      await ok(['sync'], { store: m.b });
      await ok(['merge', 'yan', 'xia'], { store: m.a, now: '2026-11-27T13:00:00' });
      await ok(['merge', 'zed', 'xia'], { store: m.b, now: '2026-11-27T14:00:00' });
      await ok(['log', 'zed', '--note', 'zed after the merge'], { store: m.b, now: '2026-11-27T14:30:00' });
      const said = await syncInTurn(m, order);
      const j = readJson(m.a) as Journal;
      const yan = j.people.find((p) => p.id === 'yan-keep')!;
      const zed = j.people.find((p) => p.id === 'zed-keep')!;
      // The earlier merge (into Yan) is kept: Xia's records are with Yan, once each.
      expect(yan.skills.map((s) => s.text)).toEqual(['pottery']);
      expect(yan.ambitions.map((a) => a.text)).toEqual(['run a marathon']);
      expect(zed.skills).toEqual([]);
      const talk = j.conversations.find((c) => c.note === 'talk with xia')!;
      expect(talk.with).toEqual(['yan-keep']);
      expect(talk.heard).toEqual(['likes clay']);
      expect(j.conversations.find((c) => c.note === 'zed after the merge')!.with).toEqual(['zed-keep']);
      expect(j.followUps.map((f) => [f.text, f.personId])).toEqual([['send book', 'yan-keep']]);
      const told = said.join('\n');
      expect(told).toMatch(
        /Xia Dup was merged into Yan Keep (here|on the other machine) and into Zed Keep (here|on the other machine): the merge made first stands/,
      );
      expect(told).toContain('rel merge yan-keep zed-keep');
    },
  );
});

describe('one duplicate merged into two people: what was logged with the duplicate follows the merge that stands', {
  timeout: 300_000,
}, () => {
  it.each([
    { order: 'ABA', first: 'A' },
    { order: 'BAB', first: 'A' },
    { order: 'ABA', first: 'B' },
    { order: 'BAB', first: 'B' },
  ])('syncing in the order $order, the merge on $first made first', async ({ order, first }) => {
    const m = await syncedWith(`two-keepers-logged-${order}-${first}`, [
      'Yan Keep',
      'Zed Keep',
      'Xia Dup',
      'Ann Other',
    ]);
    const [early, late] = ['2026-11-27T13:00:00', '2026-11-27T14:00:00'];
    await ok(['merge', 'yan', 'xia'], { store: m.a, now: first === 'A' ? early : late });
    // On B, before its own merge: a talk with Xia (with a follow-up), one with Xia and Ann in
    // which Xia said something, and a note on Xia.
    await ok(['log', 'xia', '--note', 'B with xia', '--follow-up', 'send B book'], {
      store: m.b,
      now: '2026-11-27T12:00:00',
    });
    await ok(['log', 'xia', 'ann', '--note', 'B with xia and ann', '--heard', 'Xia: likes clay'], {
      store: m.b,
      now: '2026-11-27T12:10:00',
    });
    await ok(['note', 'xia', 'B note on xia'], { store: m.b, now: '2026-11-27T12:20:00' });
    await ok(['merge', 'zed', 'xia'], { store: m.b, now: first === 'B' ? early : late });
    // After it, logged with Zed (by the name, and by the duplicate's, which now finds Zed).
    await ok(['log', 'zed', '--note', 'B zed after'], { store: m.b, now: '2026-11-27T14:30:00' });
    await ok(['log', 'xia', '--note', 'B xia after'], { store: m.b, now: '2026-11-27T14:40:00' });
    const said = (await syncInTurn(m, order)).join('\n');
    const j = readJson(m.a) as Journal;
    const kept = first === 'A' ? 'yan-keep' : 'zed-keep';
    const talks = Object.fromEntries(j.conversations.map((c) => [c.note, [c.with, c.heardFrom ?? null]]));
    expect(talks['B with xia']).toEqual([[kept], null]);
    expect(talks['B with xia and ann']).toEqual([[kept, 'ann-other'], [kept]]);
    expect(talks['B zed after']).toEqual([['zed-keep'], null]);
    expect(talks['B xia after']).toEqual([['zed-keep'], null]);
    expect(j.followUps.map((f) => [f.text, f.personId])).toEqual([['send B book', kept]]);
    expect(personOf(m.a, kept)!.notes.map((n) => n.text)).toEqual(['B note on xia']);
    expect(personOf(m.a, first === 'A' ? 'zed-keep' : 'yan-keep')!.notes).toEqual([]);
    if (first === 'A')
      // The sync says what left Zed, and for whom.
      expect(said).toMatch(
        /Xia Dup was merged into Yan Keep (here|on the other machine) and into Zed Keep (here|on the other machine): the merge made first stands, and what was Xia Dup's is with Yan Keep, among it 2 conversations, 1 follow-up and 1 ambition, skill or note that the merge (here|on the other machine) had given Zed Keep; Zed Keep keeps what they had before, and what was added to them since\./,
      );
    else
      expect(said).toMatch(
        /Xia Dup was merged into Zed Keep (here|on the other machine) and into Yan Keep (here|on the other machine): the merge made first stands, and what was Xia Dup's is with Zed Keep; Yan Keep keeps/,
      );
  });
});

describe('notes added on both machines keep the order they were written in', { timeout: 300_000 }, () => {
  it.each(['ABA', 'BAB'])(
    'a person’s notes, and what was heard from whom, in the order %s',
    async (order) => {
      const m = await syncedWith(`notes-order-${order}`, ['Ana Silva', 'Bo Chen']);
      await ok(['log', 'ana', 'bo', '--note', 'coffee', '--heard', 'Ana: zz heard first'], { store: m.a });
      await ok(['sync'], { store: m.a });
      await ok(['sync'], { store: m.b });
      const id = (readJson(m.a) as Journal).conversations[0]!.id;
      const day = '2026-11-27';
      const write = async (store: string, hour: number, heard: string[], notes: string[]) => {
        await ok(['conversation', 'edit', id, ...heard.flatMap((h) => ['--heard', h])], {
          store,
          now: `${day}T${hour}:00:00`,
        });
        for (const [i, note] of notes.entries())
          await ok(['note', 'ana', note], { store, now: `${day}T${hour}:0${i + 1}:00` });
      };
      await write(
        m.a,
        10,
        ['zz heard first', 'Bo: wants to lead', 'Ana: a trip in May'],
        ['walks the dog', 'a new flat', 'moving to Lisbon'],
      );
      await write(
        m.b,
        11,
        ['zz heard first', 'Ana: likes clay', 'Bo: burned out'],
        ['knits', 'back from leave', 'Zoe starts school'],
      );
      await syncInTurn(m, order);
      const j = readJson(m.a) as Journal;
      expect(j.people.find((p) => p.id === 'ana-silva')!.notes.map((n) => n.text)).toEqual([
        'walks the dog',
        'a new flat',
        'moving to Lisbon',
        'knits',
        'back from leave',
        'Zoe starts school',
      ]);
      const c = j.conversations[0]!;
      expect(c.heard.map((note, i) => [note, c.heardFrom?.[i]])).toEqual([
        ['zz heard first', 'ana-silva'],
        ['wants to lead', 'bo-chen'],
        ['a trip in May', 'ana-silva'],
        ['likes clay', 'ana-silva'],
        ['burned out', 'bo-chen'],
      ]);
    },
  );
});

describe('merges that would go round in a circle', { timeout: 300_000 }, () => {
  it.each(['ABA', 'BAB'])(
    'Eli into Bo then Bo into Cy on one machine, Bo into Eli on the other: all end with Cy (%s)',
    async (order) => {
      const m = await syncedWith(`merge-circle-${order}`, ['Bo Chen', 'Cy Diaz', 'Eli Fox']);
      await ok(['merge', 'eli', 'bo'], { store: m.b, now: '2026-11-27T13:00:00' });
      await ok(['log', 'eli', '--note', 'call with eli'], { store: m.b, now: '2026-11-27T13:30:00' });
      await ok(['merge', 'bo', 'eli'], { store: m.a, now: '2026-11-27T14:00:00' });
      await ok(['merge', 'cy', 'bo'], { store: m.a, now: '2026-11-27T14:10:00' });
      const said = await syncInTurn(m, order);
      const j = readJson(m.a) as Journal;
      expect(j.people.map((p) => p.id)).toEqual(['cy-diaz']);
      expect(j.conversations.map((c) => [c.note, c.with])).toEqual([['call with eli', ['cy-diaz']]]);
      expect(said.join('\n')).toMatch(
        /Bo Chen was merged into Cy Diaz (here|on the other machine) and into Eli Fox (here|on the other machine): the merge made first would have gone round in a circle with another merge, so the one into Cy Diaz stands, and what was Bo Chen's and Eli Fox's is with Cy Diaz\./,
      );
      // Eli Fox is gone on both machines: no advice to merge them.
      expect(said.join('\n')).not.toContain('rel merge');
      const doctor = await rel(['doctor'], { store: m.a });
      expect(doctor.code, doctor.stdout).toBe(0);
    },
  );
});

describe('rel decrypt on a synced journal (F14)', { timeout: 300_000 }, () => {
  it('takes effect on both machines, and every message says what happened', async () => {
    const env = { ...FAST, REL_PASSPHRASE: 'correct horse battery' };
    const m = await syncedWith('decrypt-synced', ['Ana Silva'], env);
    await ok(['encrypt'], { store: m.a, env });
    await ok(['sync'], { store: m.a, env });
    await ok(['sync'], { store: m.b, env });
    expect(bytesOf(m.b)!.subarray(0, 8).toString()).toBe('RELCRYPT');
    const decrypted = await rel(['decrypt'], { store: m.a, env });
    expect(decrypted.stderr).toContain('rel sync sends it plain');
    expect(await ok(['sync'], { store: m.a, env })).toContain('Committed: the journal decrypted');
    await ok(['log', 'ana', '--note', 'B while apart'], { store: m.b, env });
    const atB = await ok(['sync'], { store: m.b, env });
    expect(atB).toContain('The journal here is now plain, as the other machine decrypted it');
    const atA = await ok(['sync'], { store: m.a, env });
    expect(atA).not.toContain('now encrypted');
    for (const store of [m.a, m.b]) expect(bytesOf(store)!.subarray(0, 1).toString()).toBe('{');
    expect(bytesOf(m.a)).toEqual(bytesOf(m.b));
  });
});

describe("taking the other machine's decryption, under faults", { timeout: 300_000 }, () => {
  it.each(['temp-write', 'rename', 'undo-write'])(
    'a write failing at %s changes nothing; the next sync takes it',
    async (step) => {
      const env = { ...FAST, REL_PASSPHRASE: 'correct horse battery' };
      const m = await syncedWith(`decrypt-fault-${step}`, ['Ana Silva'], env);
      await ok(['encrypt'], { store: m.a, env });
      await ok(['sync'], { store: m.a, env });
      await ok(['sync'], { store: m.b, env });
      await ok(['decrypt'], { store: m.a, env });
      await ok(['sync'], { store: m.a, env });
      await ok(['log', 'ana', '--note', 'B while apart'], { store: m.b, env });
      const before = bytesOf(m.b);
      const failed = await rel(['sync'], { store: m.b, env: { ...env, REL_FAULT: `${step}:fail` } });
      expect(failed.code).toBe(1);
      expect(bytesOf(m.b)).toEqual(before);
      expect(await ok(['sync'], { store: m.b, env })).toContain('The journal here is now plain');
      await ok(['sync'], { store: m.a, env });
      for (const store of [m.a, m.b]) {
        expect(bytesOf(store)!.subarray(0, 1).toString()).toBe('{');
        expect((readJson(store) as Journal).conversations.map((c) => c.note)).toEqual(['B while apart']);
      }
    },
  );
});

describe('a damaged journal on the remote (F18)', { timeout: 300_000 }, () => {
  it.each([
    ['not JSON', '{"schema": 2, "people": [', /is not valid JSON: line 1, column 26/],
    [
      'not a journal',
      '{"schema": 2, "people": {"x": 1}, "conversations": [], "followUps": []}',
      /is not a rel journal/,
    ],
    ['a damaged encrypted file', 'RELCRYPT\u0001garbage', /header is damaged/],
  ])(
    '%s: the message names the remote and the commit, and the journal here is left as it was',
    async (_what, text, problem) => {
      const m = await syncedWith('damaged-remote', ['Ana Silva']);
      await ok(['log', 'ana', '--note', 'A here'], { store: m.a });
      const dir = path.join(path.dirname(m.remote), 'elsewhere');
      execFileSync('git', ['clone', '-q', '-b', 'main', m.remote, dir]);
      fs.writeFileSync(path.join(dir, 'journal.json'), text);
      const by = ['-c', 'user.name=Someone', '-c', 'user.email=someone@example.com'];
      execFileSync('git', ['-C', dir, ...by, 'commit', '-qam', 'edited by hand']);
      execFileSync('git', ['-C', dir, 'push', '-q']);
      const bad = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD']).toString().trim();
      const good = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD^']).toString().trim();
      const before = bytesOf(m.a);
      const r = await rel(['sync'], { store: m.a });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(problem);
      expect(r.stderr).toContain(
        `journal.json on the remote (file://${m.remote}), at commit ${bad} ("edited by hand", by Someone`,
      );
      expect(r.stderr).toContain('Nothing was synced');
      expect(r.stderr).not.toContain('rel doctor');
      expect(r.stderr).not.toContain('--store');
      expect(r.stderr).toContain(`${good}:refs/heads/main`);
      expect(bytesOf(m.a)).toEqual(before);
    },
  );
});
