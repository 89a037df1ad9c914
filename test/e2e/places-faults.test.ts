// The record of where a journal was before a move (store/former-places.ts), written before the
// journal's own write: stopped dead there, nothing was confirmed, the journal is as it was, and the
// summaries that tell of the old place are still there for the next write to record.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdingBen, journalAt } from '../helpers/moved-journal.js';
import { rel as relProcess } from '../helpers/rel.js';
import { ok } from '../helpers/run.js';

describe('the record of a former place, stopped as it is written', { timeout: 120_000 }, () => {
  it('leaves the journal byte-identical; the next change records the place, and rel forget scrubs it', async () => {
    const { root, old, moved, left } = await journalAt('places-kill');
    fs.renameSync(old, moved);
    const before = fs.readFileSync(moved);
    const state = path.join(root, 'state', 'rel');
    const summaries = () => fs.readdirSync(state).filter((n) => /^(due|stats)-/.test(n));
    const strays = summaries();
    expect(strays.length).toBeGreaterThan(0);

    const r = relProcess(['add', 'Chloé Martin'], { store: moved, env: { REL_FAULT: 'places-write:kill' } });
    expect(r.code).toBeNull(); // killed
    expect(r.stdout).not.toContain('Added');
    expect(fs.readFileSync(moved).equals(before)).toBe(true);
    expect(fs.readdirSync(state).filter((n) => n.startsWith('places-') || n.endsWith('.tmp'))).toEqual([]);
    expect(summaries()).toEqual(expect.arrayContaining(strays));

    await ok(['add', 'Chloé Martin'], { store: moved });
    expect(fs.readdirSync(state).filter((n) => n.startsWith('places-'))).toHaveLength(1);
    const out = await ok(['forget', 'ben', '--yes'], { store: moved });
    expect(out).toContain(`where it was before (${old})`);
    const there = left().map((n) => path.join(path.dirname(old), n));
    expect(there.length).toBeGreaterThan(0);
    expect(holdingBen(there)).toEqual([]);
  });
});
