// rel passphrase on two synced machines, through the built bin and a bare remote: the commits
// before the change are sealed with the old key, and sync still reads them (the common ancestor),
// from a kept copy of the old key sealed with the new one, dropped once no longer needed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Machines, twoMachines } from '../helpers/machines.js';
import { folderBytes, ok, rel } from '../helpers/rel.js';

const OLD = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'p2' };
const NEW = { REL_KDF_LOG_N: '10', REL_PASSPHRASE: 'p3' };
const CHANGE = { ...OLD, REL_NEW_PASSPHRASE: 'p3' };
const at = (minute: number) => `2026-12-02T13:${String(minute).padStart(2, '0')}:00Z`;
const keysOf = (store: string) => path.join(path.dirname(store), '.journal.json.keys');

function machines(tag: string): Machines {
  const m = twoMachines(tag, path.join('data', 'journal.json'));
  ok(['add', 'Ana Silva'], { store: m.a, now: at(0) });
  ok(['add', 'Ben Okafor'], { store: m.a, now: at(0) });
  ok(['log', 'ana', '--note', 'one'], { store: m.a, now: at(0) });
  ok(['encrypt'], { store: m.a, env: OLD, now: at(1) });
  ok(['sync', '--init', m.url], { store: m.a, env: OLD, now: at(2) });
  ok(['sync', '--init', m.url], { store: m.b, env: OLD, now: at(3) });
  return m;
}

describe('rel passphrase on synced machines', { timeout: 300_000 }, () => {
  it('keeps the common ancestor readable: edits to two fields of one person on two machines both stay', () => {
    const m = machines('pass-sync');
    ok(['passphrase'], { store: m.a, env: CHANGE, now: at(4) });
    const kept = fs.readFileSync(keysOf(m.a));
    expect(kept.subarray(0, 8).toString()).toBe('RELCRYPT');
    ok(['edit', 'ana', '--role', 'Role set on A'], { store: m.a, env: NEW, now: at(5) });
    // The last commit is read with the old key: the commit counts one change, not everything added.
    expect(ok(['sync'], { store: m.a, env: NEW, now: at(6) })).toContain('Committed: 1 person changed');
    expect(fs.existsSync(keysOf(m.a))).toBe(false);
    // B, still on the old passphrase, is told what happened and what to do; nothing is merged.
    const before = fs.readFileSync(m.b);
    const refused = rel(['sync'], { store: m.b, env: OLD, now: at(7) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'is sealed with another passphrase than the one here: the other machine changed it',
    );
    expect(fs.readFileSync(m.b).equals(before)).toBe(true);
    ok(['passphrase'], { store: m.b, env: CHANGE, now: at(8) });
    ok(['edit', 'ana', '--team', 'Team set on B'], { store: m.b, env: NEW, now: at(9) });
    const synced = ok(['sync'], { store: m.b, env: NEW, now: at(10) });
    expect(synced).toContain('Received: 1 person changed');
    expect(synced).not.toContain('Not taken');
    ok(['sync'], { store: m.a, env: NEW, now: at(11) });
    for (const store of [m.a, m.b]) {
      const profile = ok(['profile', 'ana'], { store, env: NEW, now: at(12) });
      expect(profile).toContain('Role set on A · Team set on B');
      expect(fs.existsSync(keysOf(store))).toBe(false);
    }
  });

  it('a change that fails leaves the folder as it was, the kept key included', () => {
    const m = machines('pass-fail');
    const before = folderBytes(m.a);
    for (const fault of ['rename:fail', 'rename@2:fail']) {
      const r = rel(['passphrase'], { store: m.a, env: { ...CHANGE, REL_FAULT: fault }, now: at(4) });
      expect(r.code, fault).not.toBe(0);
      expect(folderBytes(m.a), fault).toEqual(before);
    }
  });
});
