// rel doctor --restore keeps what it replaces, every time: a second restore does not overwrite
// the copy a first one kept (which may hold the only copy of the newest entries), and says where
// that copy went. A restore of a healthy journal, which drops the changes made since the backup,
// says what it drops and goes ahead only when confirmed (a prompt, or --yes without a terminal).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, folderBytes, ok, readJson, rel, tempStore } from '../helpers/run.js';

const kept = (store: string, name: string) => path.join(path.dirname(store), `.journal.json.${name}`);
const notes = (store: string): string[] => readJson(store).conversations.map((c: { note: string }) => c.note);
const folder = folderBytes;

async function storeWithNotes(tag: string): Promise<string> {
  const store = tempStore(tag);
  await ok(['add', 'Ana Silva'], { store });
  await ok(['log', 'ana', '--note', 'first'], { store });
  await ok(['log', 'ana', '--note', 'newest'], { store });
  return store;
}

describe('rel doctor --restore, twice', () => {
  it('keeps the copy the first restore made, numbered, and says where it went', async () => {
    const store = await storeWithNotes('restore-twice');
    // Damaged with the newest entry in it: after the first restore, the only copy of "newest".
    const damaged = Buffer.concat([bytesOf(store)!.subarray(0, -40), Buffer.from('garbage')]);
    fs.writeFileSync(store, damaged);
    const first = await rel(['doctor', '--restore'], { store });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`The file it replaced is kept at ${kept(store, 'before-restore')}.`);
    expect(first.stdout).not.toContain('earlier restore');
    expect(bytesOf(kept(store, 'before-restore'))).toEqual(damaged);
    fs.writeFileSync(store, 'damaged again');
    const second = await rel(['doctor', '--restore'], { store });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`The file it replaced is kept at ${kept(store, 'before-restore')}.`);
    expect(second.stdout).toContain(
      `What an earlier restore had kept there is now at ${kept(store, 'before-restore-1')}.`,
    );
    expect(bytesOf(kept(store, 'before-restore'))?.toString()).toBe('damaged again');
    expect(bytesOf(kept(store, 'before-restore-1'))).toEqual(damaged);
    expect(fs.statSync(kept(store, 'before-restore-1')).mode & 0o777).toBe(0o600);
    // A third keeps both, and --json names where the earlier copy went.
    fs.writeFileSync(store, 'damaged a third time');
    const third = JSON.parse(await ok(['doctor', '--restore', '--json'], { store }));
    expect(third).toMatchObject({
      savedAs: kept(store, 'before-restore'),
      earlierSavedAs: kept(store, 'before-restore-2'),
      dropped: null,
    });
    expect(bytesOf(kept(store, 'before-restore-1'))).toEqual(damaged);
    expect(bytesOf(kept(store, 'before-restore-2'))?.toString()).toBe('damaged again');
  });

  it('a copy that is the journal as it is is not kept twice', async () => {
    const store = await storeWithNotes('restore-same');
    fs.writeFileSync(store, 'damaged');
    await ok(['doctor', '--restore'], { store });
    fs.writeFileSync(store, 'damaged');
    const again = await ok(['doctor', '--restore'], { store });
    expect(again).not.toContain('earlier restore');
    expect(fs.existsSync(kept(store, 'before-restore-1'))).toBe(false);
  });

  it('rel forget scrubs the numbered copies too', async () => {
    const store = await storeWithNotes('restore-forget');
    fs.writeFileSync(store, 'damaged');
    await ok(['doctor', '--restore'], { store });
    fs.copyFileSync(kept(store, 'backup-1'), store);
    await ok(['doctor', '--restore', '--yes'], { store });
    fs.copyFileSync(kept(store, 'backup-2'), kept(store, 'before-restore-1'));
    expect(fs.readFileSync(kept(store, 'before-restore-1'), 'utf8')).toContain('Ana Silva');
    await ok(['forget', 'ana', '--yes'], { store });
    expect(fs.readFileSync(kept(store, 'before-restore-1'), 'utf8')).not.toContain('Ana Silva');
  });
});

describe('rel doctor --restore on a healthy journal', () => {
  const question =
    /^The journal is healthy: restoring .*\.journal\.json\.backup-1 \(saved \d{4}-\d\d-\d\d \d\d:\d\d UTC\) drops 1 change made since \(1 conversation added\); the journal as it is now is kept as .*\.journal\.json\.before-restore\./;

  it('without a terminal: exit 2, says what it would drop, asks for --yes, changes nothing', async () => {
    const store = await storeWithNotes('restore-healthy');
    const before = folder(store);
    const r = await rel(['doctor', '--restore'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr.replace(/^rel: /, '')).toMatch(question);
    expect(r.stderr).toContain('Confirm with --yes.');
    expect(r.stderr).toContain('rel doctor --restore --yes');
    expect(folder(store)).toEqual(before);
    expect(notes(store)).toEqual(['first', 'newest']);
  });

  it('with --yes: restores, and says how many changes it dropped in --json', async () => {
    const store = await storeWithNotes('restore-healthy-yes');
    const r = JSON.parse(await ok(['doctor', '--restore', '--yes', '--json'], { store }));
    expect(r.dropped).toBe(1);
    expect(notes(store)).toEqual(['first']);
    expect(notes(kept(store, 'before-restore'))).toEqual(['first', 'newest']);
  });

  it('in a terminal: asks, saying what it drops; no keeps everything, yes restores', async () => {
    const store = await storeWithNotes('restore-healthy-ask');
    const before = folder(store);
    const no = await rel(['doctor', '--restore'], { store, answers: [false] });
    expect(no.code, no.stderr).toBe(0);
    expect(no.asked[0]!.message).toMatch(question);
    expect(no.asked[0]!.message).toMatch(/Restore it\?$/);
    expect(no.stderr).toContain('Nothing was restored.');
    expect(folder(store)).toEqual(before);
    const yes = await rel(['doctor', '--restore'], { store, answers: [true] });
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stdout).toContain('Restored');
    expect(notes(store)).toEqual(['first']);
  });

  it('a damaged journal is restored without asking', async () => {
    const store = await storeWithNotes('restore-damaged');
    fs.writeFileSync(store, '{ not json');
    expect((await rel(['doctor', '--restore'], { store })).code).toBe(0);
    expect(notes(store)).toEqual(['first']);
  });

  it('--yes without --restore is a usage error', async () => {
    const store = await storeWithNotes('restore-yes-alone');
    const r = await rel(['doctor', '--yes'], { store });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes goes with --restore');
  });
});
