// rel merge-journals --into folds a conflict copy without a common ancestor: a field that differs
// goes to the later record, so the copy's edit of one field is lost when the journal edited
// another field of the same person later. rel says what it did not take, with both values, and
// says the copy can be deleted only when nothing was left in it (found by an independent tester).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, readJson, rel, tempDir } from '../helpers/run.js';

async function diverged() {
  const dir = tempDir('fold-left');
  const store = path.join(dir, 'journal.json');
  await ok(['add', 'Ana Silva', '--role', 'Staff Engineer', '--team', 'Platform'], { store });
  await ok(['add', 'Ben Okafor'], { store });
  const copy = path.join(dir, 'journal.sync-conflict-20261127-120000-ABCDEF.json');
  fs.copyFileSync(store, copy);
  return { store, copy };
}

describe('rel merge-journals --into', () => {
  it('names a field of the copy it did not take, and does not say the copy can go', async () => {
    const { store, copy } = await diverged();
    await ok(['edit', 'ana', '--role', 'Copy Role'], { store: copy, now: '2026-11-27T12:01:00' });
    await ok(['edit', 'ana', '--team', 'Journal Team'], { store, now: '2026-11-27T12:02:00' });
    const r = await rel(['merge-journals', '--into', store, copy], { store });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Not taken from the copy (the journal\'s record is later): Ana Silva: role "Copy Role" (the journal has "Staff Engineer"), team "Platform" (the journal has "Journal Team").',
    );
    expect(r.stderr).toContain(`Keep ${copy}: it holds what is listed above, which the journal does not.`);
    expect(r.stderr).not.toContain('you can delete');
    expect(readJson(store).people[0]).toMatchObject({ role: 'Staff Engineer', team: 'Journal Team' });
  });

  it('says the copy can go when it took everything in it', async () => {
    const { store, copy } = await diverged();
    await ok(['edit', 'ana', '--team', 'Journal Team'], { store, now: '2026-11-27T12:01:00' });
    await ok(['edit', 'ana', '--role', 'Copy Role', '--add-tag', 'copy'], {
      store: copy,
      now: '2026-11-27T12:02:00',
    });
    const r = await rel(['merge-journals', '--into', store, copy], { store });
    expect(r.code, r.stderr).toBe(0);
    // The copy's record is later: its fields win, the journal's team edit among them (rel undo has it).
    expect(readJson(store).people[0]).toMatchObject({ role: 'Copy Role', tags: ['copy'] });
    expect(r.stdout).not.toContain('Not taken');
    expect(r.stderr).toBe(`Once you have checked the journal, you can delete ${copy}.\n`);
  });

  it('does not count, nor name, a person forgotten here whom the copy still has', async () => {
    const { store, copy } = await diverged();
    await ok(['log', 'ana', 'ben', '--note', 'both'], { store: copy });
    await ok(['forget', 'ben', '--yes'], { store, now: '2026-11-27T12:05:00' });
    const r = await rel(['merge-journals', '--into', store, copy], { store });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Not taken');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/ben|okafor/i);
    expect(r.stderr).toBe(`Once you have checked the journal, you can delete ${copy}.\n`);
  });
});
