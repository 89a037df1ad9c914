// A rel forget killed after the journal was rewritten is finished by the next rel, and finishing
// it does everything a forget that ran to its end does: nothing rel keeps, in the journal's folder
// or its state folder (backups, undo data and its summaries, the restore copy, the due summary,
// what a killed write left), names the person or holds their id, and undo and doctor agree with
// the journal as after a forget that was never stopped.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rel as relProcess } from '../helpers/rel.js';
import { ok, rel, tempStore } from '../helpers/run.js';

/** Every file under the test's folder (the journal's folder and the state folder), hidden ones too. */
function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? allFiles(file) : [file];
  });
}

const root = (store: string) => path.dirname(path.dirname(store));

/** The files that name Ben or hold his id. */
function traces(store: string): string[] {
  return allFiles(root(store)).filter((file) =>
    /Okafor|ben-okafor|Secret plan/.test(fs.readFileSync(file, 'latin1')),
  );
}

/** The files in the journal's folder, and the changes its undo data can take back. */
function kept(store: string) {
  const folder = path.dirname(store);
  const undo = JSON.parse(fs.readFileSync(path.join(folder, '.journal.json.undo'), 'utf8'));
  return {
    files: fs.readdirSync(folder).sort(),
    undo: undo.entries.map((entry: { summary: string }) => entry.summary),
  };
}

/**
 * Ana and Ben, with a conversation each and one with both, three backups, undo data, a restore
 * copy holding Ben (as an earlier rel doctor --restore leaves) and the summary rel due reads.
 */
async function journalWithBen(tag: string): Promise<string> {
  const store = tempStore(tag);
  await ok(['add', 'Ana Silva'], { store });
  await ok(['add', 'Ben Okafor'], { store });
  await ok(['log', 'ben', '--note', 'Secret plan'], { store });
  await ok(['log', 'ana', 'ben', '--note', 'Team sync'], { store });
  await ok(['log', 'ana', '--note', 'Coffee'], { store });
  fs.copyFileSync(store, path.join(path.dirname(store), '.journal.json.before-restore'));
  await ok(['due'], { store });
  expect(traces(store).length).toBeGreaterThan(4);
  return store;
}

/** What doctor says, less what names the folder. */
async function checkup(store: string) {
  const r = await rel(['doctor', '--json'], { store });
  expect(r.code, r.stderr).toBe(0);
  const { findings, undoable, people, conversations } = JSON.parse(r.stdout);
  return { findings, undoable, people, conversations };
}

// The forget's writes: its pending record (1), the journal (2), then each kept copy (3 on: the
// three backups and the restore copy, then the undo data).
const AFTER_RENAME = ['folder-fsync@2', 'temp-write@3', 'rename@3', 'rename@5', 'rename@7', 'folder-fsync@7'];

describe('a rel forget killed after the journal was rewritten', { timeout: 240_000 }, () => {
  it('a forget that runs to its end leaves no trace, and undo goes on with the changes before', async () => {
    const store = await journalWithBen('forget-whole');
    await ok(['forget', 'ben', '--yes'], { store });
    expect(traces(store)).toEqual([]);
    expect(await checkup(store)).toEqual({ findings: [], undoable: 2, people: 1, conversations: 2 });
  });

  for (const step of AFTER_RENAME) {
    it(`killed at ${step}: the next read-only rel finishes it, leaving what a whole forget leaves`, async () => {
      const whole = await journalWithBen(`forget-whole-${step.replace(/\W/g, '-')}`);
      await ok(['forget', 'ben', '--yes'], { store: whole });
      const store = await journalWithBen(`forget-killed-${step.replace(/\W/g, '-')}`);
      const r = relProcess(['forget', 'ben', '--yes'], { store, env: { REL_FAULT: `${step}:kill` } });
      expect(r.code, r.stderr).toBeNull();
      expect(fs.readFileSync(store, 'utf8')).not.toContain('Okafor'); // the journal's rename was done
      expect(await ok(['people'], { store })).not.toContain('Ben');
      expect(traces(store)).toEqual([]);
      expect(kept(store)).toEqual(kept(whole));
      expect(await checkup(store)).toEqual(await checkup(whole));
      // As after a whole forget: rel undo says the forget cannot be undone, and goes on when told.
      const refused = await rel(['undo'], { store });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('The last change was a rel forget');
      const undo = await rel(['undo', '--yes'], { store });
      expect(undo.code, undo.stderr).toBe(0);
      expect(undo.stdout).toContain('Undone: logged a 1:2:1 with Ana Silva');
    });
  }
});
